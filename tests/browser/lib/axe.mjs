// axe-core in headless Chromium: every page of the build, WCAG 2.1 A and AA rules, zero violations.
import { createRequire } from 'node:module';
import { newPage } from './browser.mjs';
import { pageUrl } from './util.mjs';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Load each page (`pages`: paths of HTML files relative to the build) from `site` (the served site),
 * run axe and collect violations; also collect script errors and failed requests seen while loading.
 * Returns { problems, incomplete } (incomplete: "needs review" results, informational).
 */
export async function checkAxe(browser, site, pages, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await newPage(context, site.origin);
  const problems = [];
  const incomplete = new Map();
  let version = '';
  try {
    for (const rel of pages) {
      const url = rel === '404.html' ? site.url + '404.html' : pageUrl(site.url, rel);
      const resp = await page.goto(url, { waitUntil: 'load' });
      if (!resp || (resp.status() !== 200 && rel !== '404.html')) problems.push(`${rel}: HTTP ${resp ? resp.status() : 'no response'} for ${url}`);
      await page.addScriptTag({ path: AXE_PATH });
      const result = await page.evaluate(async (tags) => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
        const slim = (list) =>
          list.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
          }));
        // eslint-disable-next-line no-undef
        return { version: axe.version, violations: slim(r.violations), incomplete: slim(r.incomplete) };
      }, AXE_TAGS);
      version = result.version;
      for (const v of result.violations) {
        for (const n of v.nodes) {
          const summary = (n.summary || '').replace(/\s+/g, ' ').trim();
          problems.push(`${rel}: ${v.id} (${v.impact}) ${v.help}\n    target: ${n.target}\n    html: ${n.html.replace(/\s+/g, ' ').slice(0, 200)}\n    ${summary.slice(0, 400)}`);
        }
      }
      for (const v of result.incomplete) {
        const key = v.id;
        if (!incomplete.has(key)) incomplete.set(key, { help: v.help, count: 0, pages: new Set() });
        const e = incomplete.get(key);
        e.count += v.nodes.length;
        e.pages.add(rel);
      }
      // Page basics the rest of the site relies on: <html lang> matches the /ja/ or /en/ prefix, and the
      // language switch leads to the same page in the other language.
      const m = /^(ja|en)\/(.*)$/.exec(rel);
      if (m) {
        const [, lang, rest] = m;
        const other = lang === 'ja' ? 'en' : 'ja';
        const basics = await page.evaluate((other) => ({
          lang: document.documentElement.lang,
          switches: [...document.querySelectorAll('.lang-switch a')].map((a) => ({ href: a.href, hreflang: a.getAttribute('hreflang') })),
        }), other);
        if (basics.lang !== lang) problems.push(`${rel}: <html lang="${basics.lang}">, expected "${lang}"`);
        const sw = basics.switches.find((s) => s.hreflang === other);
        const want = pageUrl(site.url, `${other}/${rest}`);
        if (!sw) problems.push(`${rel}: no language switch (.lang-switch a[hreflang="${other}"])`);
        else if (sw.href.split('#')[0] !== want) problems.push(`${rel}: the language switch leads to ${sw.href}, expected the same page in the other language, ${want}`);
      }
      for (const p of page.problems()) problems.push(`${rel}: ${p}`);
    }
  } finally {
    await context.close();
  }
  console.log(`        (axe-core ${version}, ${pages.length} pages, rules tagged ${AXE_TAGS.join(', ')})`);
  return { problems, incomplete };
}
