// Internal link checker: every href/src/srcset/… of every HTML page (and the URLs in XML feeds/sitemaps,
// CSS url() and robots.txt) that points inside the site must name a file of the build, and every #fragment
// must name an element id (or <a name>) of the target page. Fragments and paths are percent-decoded
// (ids and slugs may be Japanese). External links are counted, not fetched (this machine has no network).
//
// Two modes:
//   http: the site is served at `baseUrl` (e.g. https://example.org/reports/2025/); absolute URLs under
//         baseUrl, root-relative and relative URLs are internal; the same host outside the base path is an error.
//   file: the site is opened from disk (built with --relative-links); every link must be relative and
//         name a file (a folder opens as a directory listing on file://).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { listFiles } from './util.mjs';

// Attributes holding one URL, by element (svg elements too). '*' = any element.
const URL_ATTRS = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  base: ['href'],
  img: ['src'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  source: ['src'],
  track: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  input: ['src', 'formaction'],
  button: ['formaction'],
  form: ['action'],
  object: ['data'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite'],
  del: ['cite'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};
// rel values whose href is not a document of the site.
const SKIP_REL = new Set(['preconnect', 'dns-prefetch', 'me', 'webmention', 'pingback']);
const META_URL_PROPS = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image']);

function attrsOf(node) {
  const m = new Map();
  for (const a of node.attrs || []) m.set(a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value);
  return m;
}

function walk(node, fn) {
  fn(node);
  for (const c of node.childNodes || []) walk(c, fn);
  if (node.content) walk(node.content, fn); // <template>
}

/** Parse one HTML file: its ids and the URLs it references, each with a line number and a short description. */
function scanHtml(text) {
  const doc = parse(text, { sourceCodeLocationInfo: true });
  const ids = new Set();
  const refs = [];
  let baseHref = null;
  walk(doc, (node) => {
    if (!node.tagName) return;
    const attrs = attrsOf(node);
    const line = node.sourceCodeLocation ? node.sourceCodeLocation.startLine : 0;
    if (attrs.has('id')) ids.add(attrs.get('id'));
    if (node.tagName === 'a' && attrs.has('name')) ids.add(attrs.get('name'));
    const tag = node.tagName;
    const add = (attr, value) => refs.push({ value: value.trim(), line, where: `<${tag} ${attr}="${value}">` });
    if (tag === 'base' && attrs.has('href')) baseHref = attrs.get('href');
    if (tag === 'link') {
      const rel = (attrs.get('rel') || '').toLowerCase().split(/\s+/);
      if (rel.some((r) => SKIP_REL.has(r))) return;
    }
    for (const attr of URL_ATTRS[tag] || []) if (attrs.has(attr) && attrs.get(attr).trim() !== '') add(attr, attrs.get(attr));
    for (const attr of ['srcset', 'imagesrcset']) {
      if (!attrs.has(attr)) continue;
      for (const part of attrs.get(attr).split(',')) {
        const u = part.trim().split(/\s+/)[0];
        if (u) add(attr, u);
      }
    }
    if (tag === 'meta') {
      const prop = (attrs.get('property') || attrs.get('name') || '').toLowerCase();
      if (META_URL_PROPS.has(prop) && attrs.get('content')) add('content', attrs.get('content'));
      if ((attrs.get('http-equiv') || '').toLowerCase() === 'refresh') {
        const m = /url\s*=\s*['"]?([^'"]+)/i.exec(attrs.get('content') || '');
        if (m) add('content', m[1]);
      }
    }
  });
  return { ids, refs, baseHref };
}

function lineOf(text, index) {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** URLs in an XML file (sitemap <loc>, Atom/RSS <link href>, <link>…</link>, xhtml:link href). */
function scanXml(text) {
  const refs = [];
  const re = /<(loc|link|xhtml:link|icon|logo)\b([^>]*?)(\/?)>(?:([^<]*)<\/\1>)?/g;
  let m;
  while ((m = re.exec(text))) {
    const [, tag, attrs, , body] = m;
    const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)')/.exec(attrs);
    const value = href ? href[2] ?? href[3] : body;
    if (value && value.trim()) refs.push({ value: decodeEntities(value.trim()), line: lineOf(text, m.index), where: `<${tag}> ${value.trim()}` });
  }
  return { ids: new Set(), refs };
}

function scanCss(text) {
  const refs = [];
  const re = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g;
  let m;
  while ((m = re.exec(text))) {
    const value = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
    if (value && !value.startsWith('#')) refs.push({ value, line: lineOf(text, m.index), where: m[0] });
  }
  return { ids: new Set(), refs };
}

function scanRobots(text) {
  const refs = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\s*sitemap\s*:\s*(\S+)/i.exec(l);
    if (m) refs.push({ value: m[1], line: i + 1, where: l.trim() });
  });
  return { ids: new Set(), refs };
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * Check the links of the build in `root`.
 * options: { mode: 'http'|'file', baseUrl } — baseUrl is the site's base_url (http mode; also used in file mode
 * to treat absolute links to the published site as internal).
 * Returns { problems: string[], stats }.
 */
export function checkLinks(root, { mode = 'http', baseUrl }) {
  const rootAbs = fs.realpathSync(root);
  const base = baseUrl ? new URL(baseUrl) : null;
  const files = listFiles(rootAbs);
  const scanned = new Map(); // rel → {ids, refs}
  const idCache = new Map(); // rel → Set of ids
  const problems = [];
  const stats = { files: 0, internal: 0, fragments: 0, external: 0 };

  const idsOf = (rel) => {
    if (!idCache.has(rel)) {
      const abs = path.join(rootAbs, rel);
      idCache.set(rel, /\.x?html?$/i.test(rel) ? scanHtml(fs.readFileSync(abs, 'utf8')).ids : new Set());
    }
    return idCache.get(rel);
  };

  const docUrlOf = (rel) => (mode === 'file' ? pathToFileURL(path.join(rootAbs, rel)) : new URL(rel.split('/').map(encodeURIComponent).join('/'), base));

  for (const rel of files) {
    const abs = path.join(rootAbs, rel);
    let scan;
    if (/\.html?$/i.test(rel)) scan = scanHtml(fs.readFileSync(abs, 'utf8'));
    else if (/\.(xml|atom|rss)$/i.test(rel)) scan = scanXml(fs.readFileSync(abs, 'utf8'));
    else if (/\.css$/i.test(rel)) scan = scanCss(fs.readFileSync(abs, 'utf8'));
    else if (rel === 'robots.txt') scan = scanRobots(fs.readFileSync(abs, 'utf8'));
    else continue;
    if (mode === 'file' && rel === '404.html') continue; // only ever served by a web server, at any path
    stats.files++;
    if (scan.ids.size) idCache.set(rel, scan.ids);
    scanned.set(rel, scan);
    let docUrl = docUrlOf(rel);
    if (scan.baseHref) docUrl = new URL(scan.baseHref, docUrl);
    const seen = new Set();
    for (const ref of scan.refs) {
      const key = ref.value;
      if (seen.has(key)) continue;
      seen.add(key);
      const report = (msg) => problems.push({ file: rel, line: ref.line, where: ref.where, msg });
      if (/^(mailto|tel|data|javascript|about|urn|sms):/i.test(ref.value)) continue;
      let url;
      try {
        url = new URL(ref.value, docUrl);
      } catch {
        report('not a valid URL');
        continue;
      }
      // Decide whether the URL is internal, and the path of the file it names relative to the site root.
      let relPath; // percent-encoded path relative to the root, or null for external
      const publishedBase = base && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === base.origin;
      if (mode === 'file' && url.protocol === 'file:') {
        const target = fileURLToPath(new URL(url.pathname, 'file://'));
        if (target !== rootAbs && !target.startsWith(rootAbs + path.sep)) {
          report(ref.value.startsWith('/') ? 'root-relative link: on file:// it points outside the site (write a relative link)' : 'points outside the site folder');
          continue;
        }
        relPath = path.relative(rootAbs, target).split(path.sep).map(encodeURIComponent).join('/') + (url.pathname.endsWith('/') ? '/' : '');
        if (relPath === '/') relPath = '';
      } else if (publishedBase) {
        if (!url.pathname.startsWith(base.pathname)) {
          report(`points outside the site's base path ${base.pathname}`);
          continue;
        }
        relPath = url.pathname.slice(base.pathname.length);
      } else if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'file:') {
        stats.external++;
        if (url.protocol === 'file:') report('file: URL outside the site folder');
        continue;
      } else {
        stats.external++;
        continue;
      }
      stats.internal++;
      const decoded = safeDecode(relPath);
      if (decoded === null) {
        report('badly percent-encoded path');
        continue;
      }
      let target = decoded;
      const fromDisk = url.protocol === 'file:';
      const absTarget = path.join(rootAbs, decoded);
      const st = fs.statSync(absTarget, { throwIfNoEntry: false });
      if (decoded === '' || decoded.endsWith('/') || (st && st.isDirectory())) {
        if (fromDisk) {
          report('links to a folder: on file:// that opens a directory listing, not the page (link to …/index.html)');
          continue;
        }
        if (st && st.isDirectory() && !(decoded === '' || decoded.endsWith('/'))) {
          report('links to a folder without its trailing slash (costs a redirect on static hosts)');
          continue;
        }
        target = decoded + 'index.html';
      }
      const tst = fs.statSync(path.join(rootAbs, target), { throwIfNoEntry: false });
      if (!tst || !tst.isFile()) {
        report(`no such file in the build: ${target}`);
        continue;
      }
      if (url.hash && url.hash !== '#') {
        stats.fragments++;
        const frag = safeDecode(url.hash.slice(1));
        if (frag === null) {
          report('badly percent-encoded #fragment');
          continue;
        }
        if (!/\.x?html?$/i.test(target)) continue;
        if (frag.toLowerCase() === 'top') continue;
        if (!idsOf(target).has(frag)) report(`#${frag}: no element with this id in ${target}`);
      }
    }
  }
  return { problems: groupProblems(problems), stats };
}

/** One line per distinct problem, naming up to 3 places it occurs in and how many more. */
function groupProblems(problems) {
  const groups = new Map();
  for (const p of problems) {
    const key = `${p.where}: ${p.msg}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(`${p.file}:${p.line}`);
  }
  return [...groups].map(([key, places]) => {
    const shown = places.slice(0, 3).join(', ');
    const more = places.length > 3 ? ` and ${places.length - 3} more` : '';
    return `${shown}${more}: ${key}`;
  });
}
