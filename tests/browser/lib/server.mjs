// A tiny static file server for the built site, on 127.0.0.1 with an ephemeral port.
// The site is served under a base path (e.g. /reports/2025/), as a static host would:
// a folder is served by its index.html, a folder without its trailing slash is redirected (301),
// and anything missing answers 404 with the site's own 404.html.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

/**
 * Serve `root` under `basePath` (must start and end with "/").
 * Resolves to { url, origin, requests, notFound, close() }; `url` is the site's base URL.
 */
export async function serveSite(root, basePath = '/') {
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) throw new Error(`base path must start and end with /: ${basePath}`);
  const rootAbs = fs.realpathSync(root);
  const notFound = []; // paths answered with 404, for checks that want to know
  const send404 = (res, urlPath) => {
    notFound.push(urlPath);
    const page = path.join(rootAbs, '404.html');
    res.writeHead(404, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
    if (fs.existsSync(page)) res.end(fs.readFileSync(page));
    else res.end('<!DOCTYPE html><title>404</title><p>Not found (and the site has no 404.html)');
  };
  const server = http.createServer((req, res) => {
    let urlPath;
    try {
      urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (!urlPath.startsWith(basePath)) {
      if (urlPath === basePath.slice(0, -1)) {
        res.writeHead(301, { Location: basePath }).end();
        return;
      }
      send404(res, urlPath);
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(urlPath.slice(basePath.length));
    } catch {
      send404(res, urlPath);
      return;
    }
    let file = path.resolve(rootAbs, '.' + path.sep + rel);
    if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) {
      send404(res, urlPath);
      return;
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.isDirectory()) {
      if (!urlPath.endsWith('/')) {
        res.writeHead(301, { Location: urlPath + '/' }).end();
        return;
      }
      file = path.join(file, 'index.html');
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    if (!stat || !stat.isFile()) {
      send404(res, urlPath);
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': stat.size, 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + basePath,
    basePath,
    notFound,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
