// Browser journeys of search (issue 22): readers type what they have in mind (図2-1, Figure 2-1, startup for
// start-up, a glossary term in hiragana or katakana, a typo) and the first results are what they meant;
// results are labelled by kind, say "1 result" when there is one, move with ↑/↓/Enter, and link to the same
// query in the other language. Same shape as journeys.mjs.
import { withPage } from './browser.mjs';
import { assert } from './util.mjs';

const pathOf = (href, site) => decodeURIComponent(new URL(href).pathname + new URL(href).hash).slice(site.basePath.length - 1);

/** The results shown once they stop changing: [{kind, title, path, snippet}]. */
async function results(page, site, ms = 8000) {
  const deadline = Date.now() + ms;
  let last = '';
  let stableSince = 0;
  let rows = [];
  while (Date.now() < deadline) {
    rows = await page.$$eval('#hk-search-results > li', (lis) => lis.map((li) => ({
      kind: li.querySelector('.search-kind')?.textContent || '',
      title: li.querySelector('a')?.textContent || '',
      href: li.querySelector('a')?.href || '',
      snippet: li.querySelector('.snippet')?.innerHTML || '',
    })));
    const status = await page.textContent('#hk-search-status');
    const now = JSON.stringify(rows) + status;
    if (now !== last) { last = now; stableSince = Date.now(); }
    else if (status && Date.now() - stableSince >= 400) break;
    await page.waitForTimeout(100);
  }
  return rows.map((r) => ({ ...r, path: r.href ? pathOf(r.href, site) : '' }));
}

async function search(page, site, lang, q) {
  await page.goto(site.url + `${lang}/search/?q=` + encodeURIComponent(q));
  return results(page, site);
}

const show = (rows) => rows.slice(0, 5).map((r) => `[${r.kind}] ${r.title} (${r.path})`).join('; ') || 'no results';

export const searchJourneys = [
  {
    name: 'journey: search finds figures and tables by number (図2-1, 図 2-1, Figure 2-1, 表1-1), labelled as such',
    run: (browser, site) =>
      withPage(browser, site, {}, async (page) => {
        for (const [lang, q, kind, title] of [
          ['ja', '図2-1', '図', '図2-1 '],
          ['ja', '図 2-1', '図', '図2-1 '],
          ['en', 'Figure 2-1', 'Figure', 'Figure 2-1 '],
          ['ja', '表1-1', '表', '表1-1 '],
          ['en', 'table 1-1', 'Table', 'Table 1-1 '],
        ]) {
          const rows = await search(page, site, lang, q);
          assert(rows.length && rows[0].kind === kind && rows[0].title.startsWith(title), `${lang} “${q}”: expected the ${kind} ${title.trim()} first, got ${show(rows)}`);
        }
        const rows = await search(page, site, 'ja', '図2-1');
        assert(!rows.some((r) => /@(fig|tbl|chap|sec|kf):/.test(r.snippet + r.title)), `ja 図2-1: reference markup in the results: ${show(rows)}`);
      }),
  },
  {
    name: 'journey: search folds spellings: startup = start-up = startups, すかいふろんと = スカイフロント, a typo in a long word',
    run: (browser, site) =>
      withPage(browser, site, {}, async (page) => {
        const first = {};
        for (const q of ['startup', 'start-up', 'startups', 'Start-Ups']) {
          const rows = await search(page, site, 'en', q);
          assert(rows.length, `en “${q}”: no results`);
          first[q] = rows[0].path;
          assert(rows.some((r) => /<mark>start-?ups?<\/mark>/i.test(r.snippet)), `en “${q}”: no snippet marks start-up: ${rows.slice(0, 3).map((r) => r.snippet).join(' | ')}`);
        }
        assert(new Set(Object.values(first)).size === 1, `startup, start-up, startups give different first results: ${JSON.stringify(first)}`);
        const typo = await search(page, site, 'en', 'quantun');
        assert(typo.length && typo.some((r) => r.path === '/en/cases/kawasaki/'), `en “quantun” (a typo): expected the Kawasaki case, got ${show(typo)}`);
        const kana = await search(page, site, 'ja', 'すかいふろんと');
        const kata = await search(page, site, 'ja', 'スカイフロント');
        assert(kata.length && JSON.stringify(kana.map((r) => r.path)) === JSON.stringify(kata.map((r) => r.path)), `ja: すかいふろんと and スカイフロント differ: ${show(kana)} / ${show(kata)}`);
      }),
  },
  {
    name: 'journey: a glossary term gives its entry and the page about it first; quoted phrases; 1 result',
    run: (browser, site) =>
      withPage(browser, site, {}, async (page) => {
        const rows = await search(page, site, 'ja', '高専');
        assert(rows.length >= 2 && rows[0].kind === '用語' && rows.slice(0, 3).some((r) => r.path === '/ja/cases/kosen/'), `ja 高専: expected the glossary entry, then the KOSEN case, got ${show(rows)}`);
        const loose = await search(page, site, 'en', 'regional innovation');
        const phrase = await search(page, site, 'en', '"regional innovation"');
        assert(phrase.length && phrase.length <= loose.length, `en "regional innovation": ${phrase.length} results, without quotes ${loose.length}`);
        const status = await page.textContent('#hk-search-status');
        assert(!/^1 results/.test(status), `status says “${status}”`);
        // A query with exactly one result says so in the singular; more say how many (ten shown at first).
        const one = await search(page, site, 'en', 'Haneda');
        const said = await page.textContent('#hk-search-status');
        assert(one.length === 1 && said === '1 result', `en Haneda: ${one.length} shown, the status says “${said}”, expected 1 result`);
        const many = await search(page, site, 'en', 'Kobe');
        const saidMany = await page.textContent('#hk-search-status');
        const n = Number((saidMany.match(/^(\d+) results$/) || [])[1]);
        assert(n >= many.length && many.length === Math.min(n, 10), `en Kobe: ${many.length} shown, the status says “${saidMany}”`);
      }),
  },
  {
    name: 'journey: search results move with ↑/↓ and open with Enter; the other language keeps the query',
    run: (browser, site) =>
      withPage(browser, site, {}, async (page) => {
        const rows = await search(page, site, 'en', 'Kobe');
        assert(rows.length >= 2, `en Kobe: ${show(rows)}`);
        const input = page.locator('#hk-search-input');
        await input.focus();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowUp');
        const active = await page.$$eval('#hk-search-results > li', (lis) => lis.findIndex((li) => li.classList.contains('is-active')));
        assert(active === 0, `after ↓ ↓ ↑ the active result is ${active}, expected 0`);
        const focused = await page.evaluate(() => document.activeElement && document.activeElement.closest('#hk-search-results > li') === document.querySelector('#hk-search-results > li'));
        assert(focused, 'after ↓ ↓ ↑ the focus is not on the first result');
        const other = await page.getAttribute('#hk-search-other a', 'href');
        assert(other && other.includes('ja/search/') && other.endsWith('?q=Kobe'), `the link to the Japanese search is ${other}`);
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        const at = pathOf(page.url(), site);
        assert(at === rows[0].path, `Enter on the first result opened ${at}, expected ${rows[0].path}`);
      }),
  },
];
