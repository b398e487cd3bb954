#!/usr/bin/env node
// Search at scale (issue 22): opens a built site's search page in headless Chromium with a one-word query
// (?q=…), each query in a fresh browser context (nothing cached), and prints what it fetched (page, scripts,
// index shards: bytes and requests) and how long until the first results were shown. Also prints the index
// size per language. A measurement, not a test: nothing is asserted.
//
//   node tests/bench/search.mjs OUTPUT_DIR [BASE_PATH] [lang:query …]
//
// OUTPUT_DIR is a `hakusho build` output; BASE_PATH the path of its base_url (tests/bench/prepare.py's sites
// use /bench/). Needs tests/browser's node_modules (bash tests/setup.sh) and Debian chromium.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../browser/lib/browser.mjs';
import { serveSite } from '../browser/lib/server.mjs';

const [dir, basePath = '/bench/', ...asked] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node tests/bench/search.mjs OUTPUT_DIR [BASE_PATH] [lang:query …]');
  process.exit(2);
}
const queries = (asked.length ? asked : ['en:innovation', 'en:Nagasaki', 'en:startups', 'en:logistcs', 'ja:研究', 'ja:長崎', 'ja:物流'])
  .map((a) => { const [lang, ...q] = a.split(':'); return { lang, q: q.join(':') }; });

function size(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return [st.size, 1];
  let bytes = 0;
  let files = 0;
  for (const e of fs.readdirSync(p)) {
    const [b, f] = size(path.join(p, e));
    bytes += b;
    files += f;
  }
  return [bytes, files];
}
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;

for (const lang of ['ja', 'en']) {
  const root = path.join(dir, lang, 'search');
  const [all, files] = size(root);
  const [terms, tfiles] = size(path.join(root, 't'));
  const [docs, dfiles] = size(path.join(root, 'd'));
  console.log(`index ${lang}: ${kb(all)} in ${files} files (term shards ${kb(terms)} in ${tfiles}, document shards ${kb(docs)} in ${dfiles}, search-index.js ${kb(fs.statSync(path.join(root, 'search-index.js')).size)})`);
}

const site = await serveSite(dir, basePath);
const browser = await launchBrowser();
try {
  for (const { lang, q } of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    let requests = 0;
    let shards = 0;
    page.on('requestfinished', async (req) => {
      const s = await req.sizes().catch(() => null);
      if (!s) return;
      bytes += s.responseBodySize + s.responseHeadersSize;
      requests++;
      if (/\/search\/[td]\/\d+\.js$/.test(req.url())) shards++;
    });
    const t0 = Date.now();
    await page.goto(`${site.url}${lang}/search/?q=${encodeURIComponent(q)}`);
    let results = 0;
    let timing = { ready: 0, shown: 0 };
    try {
      await page.waitForFunction(() => {
        const s = document.getElementById('hk-search-status');
        return s && s.textContent.trim() !== '';
      }, null, { timeout: 30_000, polling: 20 });
      results = await page.$$eval('#hk-search-results > li', (lis) => lis.length);
      // Since the navigation started: when the page was ready (DOMContentLoaded, the search starts then) and now.
      timing = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0];
        return { ready: n.domContentLoadedEventEnd, shown: performance.now() };
      });
    } catch (e) {
      console.log(`${lang} “${q}”: no results within 30 s (${e.message.split('\n')[0]})`);
    }
    const ms = Date.now() - t0;
    // Let late requests finish before counting.
    await page.waitForTimeout(300);
    const status = await page.textContent('#hk-search-status').catch(() => '');
    const search = Math.round(timing.shown - timing.ready);
    console.log(`${lang} “${q}”: results shown after ${ms} ms, page load included (${search} ms after the page was ready); ${kb(bytes)} fetched in ${requests} requests (${shards} index shards); ${results} shown; “${status.trim()}”`);
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
