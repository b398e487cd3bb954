// Browser journeys of reading on (issue 21, navigation and print): the contents mark the section being read,
// the language switch keeps the reader's section and search, previous/next lead through the report, and
// the browser's print hides what only works on a screen. Same shape as journeys.mjs.
import path from 'node:path';
import { withPage } from './browser.mjs';
import { assert } from './util.mjs';

const here = (page, site) => decodeURIComponent(new URL(page.url()).pathname).slice(site.basePath.length - 1);

/** The href of the contents link marked current, once it is `expected` (or what it was after `ms`). */
async function markedSection(page, expected, ms = 4000) {
  const deadline = Date.now() + ms;
  let marked = null;
  while (Date.now() < deadline) {
    marked = await page.$$eval('nav.toc a[aria-current]', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
    if (marked.length === 1 && marked[0] === expected) return marked[0];
    await page.waitForTimeout(100);
  }
  return marked.join(', ') || 'nothing';
}

/** Whether each element matching `selector` is hidden (true) or shown, as rendered now. */
const shown = (page, selector) => page.locator(selector).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);

export const readingJourneys = [
  {
    name: 'journey: the contents mark the section scrolled to (1280 and 375 px), and the language switch keeps it',
    run: (browser, site, env) =>
      (async () => {
        for (const width of [1280, 375]) {
          await withPage(browser, site, { viewport: { width, height: width > 400 ? 900 : 740 } }, async (page) => {
            await page.goto(site.url + 'ja/cases/kobe/');
            const links = await page.$$eval('nav.toc a[href^="#"]', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
            assert(links.length >= 3, `/ja/cases/kobe/ at ${width} px: the contents have ${links.length} entries`);
            // Sections long enough to be the only one at the top of the window (a heading followed closely by
            // the next one leaves that one marked, as it should).
            const long = await page.evaluate((ls) => ls.filter((l, i) => {
              const top = (id) => document.getElementById(id.slice(1)).getBoundingClientRect().top;
              return i + 1 === ls.length || top(ls[i + 1]) - top(l) > innerHeight * 0.4;
            }), links);
            assert(long.length >= 3, `/ja/cases/kobe/ at ${width} px: only ${long.length} long sections`);
            for (const target of [long[1], long[long.length - 1], long[0]]) {
              await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'start' }), target.slice(1));
              const marked = await markedSection(page, target);
              assert(marked === target, `/ja/cases/kobe/ at ${width} px: scrolled to ${target}, the contents mark ${marked}`);
            }
            await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'start' }), long[1].slice(1));
            await markedSection(page, long[1]);
            if (env.screenshotDir) await page.screenshot({ path: path.join(env.screenshotDir, `ja-case-kobe-toc-${width}.png`) });
            // The mobile contents can be folded away.
            if (width < 400) {
              await page.locator('nav.toc summary').click();
              assert((await shown(page, 'nav.toc ol a')) === 0, '/ja/cases/kobe/ at 375 px: the contents do not fold');
            }
          });
        }
        await withPage(browser, site, {}, async (page) => {
          // A reader at a section of the Japanese page switches to English: the same section.
          await page.goto(site.url + 'ja/cases/kobe/');
          const ja = await page.$$eval('nav.toc a[href^="#"]', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
          await page.goto(site.url + 'en/cases/kobe/');
          const en = await page.$$eval('nav.toc a[href^="#"]', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
          assert(ja.length === en.length, `Kobe has ${ja.length} sections in Japanese and ${en.length} in English`);
          await page.goto(site.url + 'ja/cases/kobe/' + ja[3]);
          await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('.lang-switch a[hreflang="en"]').click()]);
          assert(here(page, site) === '/en/cases/kobe/', `the switch led to ${here(page, site)}`);
          const hash = decodeURIComponent(new URL(page.url()).hash);
          assert(hash === en[3], `from ${ja[3]} the switch led to ${hash || 'the top'}, expected ${en[3]}`);
          // A section followed inside the page (hashchange) is kept too, and back to Japanese.
          await page.locator(`nav.toc a[href="${encodeURI(en[1])}"], nav.toc a[href="${en[1]}"]`).first().click();
          await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('.lang-switch a[hreflang="ja"]').click()]);
          assert(decodeURIComponent(new URL(page.url()).hash) === ja[1], `back to Japanese from ${en[1]}: at ${decodeURIComponent(page.url())}, expected ${ja[1]}`);
          // A figure's id is the same in both languages: kept as it is.
          await page.goto(site.url + 'ja/cases/kobe/#fig-kobe-companies');
          const href = decodeURIComponent(await page.locator('.lang-switch a').getAttribute('href'));
          assert(href.endsWith('/en/cases/kobe/#fig-kobe-companies'), `the switch from #fig-kobe-companies leads to ${href}`);
          // A search keeps its words.
          await page.goto(site.url + 'ja/search/?q=' + encodeURIComponent('神戸'));
          await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('.lang-switch a[hreflang="en"]').click()]);
          assert(here(page, site) === '/en/search/', `the switch on the search page led to ${here(page, site)}`);
          assert((await page.inputValue('#hk-search-input')) === '神戸', 'the search words were lost by the language switch');
        });
      })(),
  },
  {
    name: 'journey: previous and next lead through the report in reading order (1280 and 375 px)',
    run: (browser, site, env) =>
      (async () => {
        for (const width of [1280, 375]) {
          await withPage(browser, site, { viewport: { width, height: 800 } }, async (page) => {
            await page.goto(site.url + 'ja/cases/kobe/');
            const nav = page.locator('nav.page-nav');
            assert(await nav.isVisible(), `/ja/cases/kobe/ at ${width} px: no previous/next links`);
            const next = await page.locator('link[rel="next"]').getAttribute('href');
            await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), nav.locator('a[rel="next"]').click()]);
            assert(new URL(page.url()).pathname === next, `次へ led to ${new URL(page.url()).pathname}, the head says ${next}`);
            const prev = await page.locator('link[rel="prev"]').getAttribute('href');
            assert(here(page, site) !== '/ja/cases/kobe/' && prev.endsWith('/ja/cases/kobe/'), `the page after Kobe (${here(page, site)}) has prev ${prev}`);
            if (env.screenshotDir) {
              await nav.scrollIntoViewIfNeeded();
              await page.screenshot({ path: path.join(env.screenshotDir, `ja-page-nav-${width}.png`) });
            }
            await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), nav.locator('a[href$="#hk-cover-chapters"]').click()]);
            assert(here(page, site) === '/ja/', `目次 led to ${here(page, site)}`);
            assert(await page.locator('#hk-cover-chapters').isVisible(), 'the contents on the cover are not shown');
          });
        }
      })(),
  },
  {
    name: 'journey: printing hides what only works on a screen and shows where external links lead',
    run: (browser, site, env) =>
      withPage(browser, site, { viewport: { width: 794, height: 1123 } }, async (page) => {
        for (const [lang, what] of [['ja', 'report/'], ['en', 'report/'], ['ja', 'report/chapters/hubs/'], ['ja', 'cases/kobe/'], ['ja', 'chapters/hubs/']]) {
          const where = `/${lang}/${what}`;
          await page.goto(site.url + `${lang}/${what}`);
          // An external link in a footnote and one in a paragraph outside the text (the bundled report cites none).
          await page.evaluate(() => {
            for (const host of [document.querySelector('.footnotes') || document.querySelector('main'), document.querySelector('main')]) {
              const a = document.createElement('a');
              a.href = 'https://www.mext.go.jp/';
              a.textContent = 'MEXT';
              a.className = 'hk-test-external';
              host.append(a);
            }
          });
          await page.emulateMedia({ media: 'screen' });
          assert((await shown(page, '.screen-only, .page-nav, .header-search')) > 0 || what !== 'report/', `${where}: nothing screen-only to hide`);
          await page.emulateMedia({ media: 'print' });
          for (const selector of ['.site-nav', '.header-search', '.lang-switch', '.page-nav', '.screen-only', '.fn-back', 'nav.toc', '.breadcrumbs']) {
            const n = await shown(page, selector);
            assert(n === 0, `${where}: ${n} × ${selector} still shown in print`);
          }
          const after = await page.$$eval('a.hk-test-external', (as) => as.map((a) => getComputedStyle(a, '::after').content));
          assert(after.every((c) => c.includes('https://www.mext.go.jp/')), `${where}: external links print without their address: ${after.join(' | ')}`);
          const dotted = await page.$$eval('main abbr[title]', (as) => as.filter((a) => getComputedStyle(a).textDecorationLine !== 'none').length);
          assert(dotted === 0, `${where}: ${dotted} abbreviations keep their dotted underline in print`);
          const captions = await page.$$eval('figure', (fs) => fs.filter((f) => getComputedStyle(f).breakInside !== 'avoid').length);
          assert(captions === 0, `${where}: ${captions} figures may be split from their captions in print`);
          if (what === 'report/') {
            assert(await page.locator('nav.report-toc').isVisible(), `${where}: the contents are not printed`);
          }
          if (env.screenshotDir && what !== 'cases/kobe/') {
            const name = `${lang}-${what.replace(/\/$/, '').replaceAll('/', '-')}-print`;
            await page.screenshot({ path: path.join(env.screenshotDir, `${name}.png`), clip: { x: 0, y: 0, width: 794, height: 3400 } });
            if (what === 'report/') await page.pdf({ path: path.join(env.screenshotDir, `${name}.pdf`), format: 'A4' });
          }
          await page.emulateMedia({ media: 'screen' });
        }
      }),
  },
  {
    name: 'journey: the whole report opens with contents that lead to each chapter, case and section on its part; next and previous lead through the parts',
    run: (browser, site) =>
      withPage(browser, site, {}, async (page) => {
        for (const lang of ['ja', 'en']) {
          const contents = site.url + `${lang}/report/`;
          await page.goto(contents);
          const targets = await page.$$eval('nav.report-toc a', (as) => as.map((a) => a.href));
          assert(targets.length > 10, `/${lang}/report/: the contents have ${targets.length} entries`);
          // Each entry leads to an element on the part that holds it.
          const byPart = new Map();
          for (const t of targets) {
            const u = new URL(t);
            const key = u.href.slice(0, u.href.length - u.hash.length);
            if (!byPart.has(key)) byPart.set(key, []);
            byPart.get(key).push(decodeURIComponent(u.hash.slice(1)));
          }
          assert(byPart.size >= 5, `/${lang}/report/: the contents lead to ${byPart.size} parts`);
          for (const [part, ids] of byPart) {
            await page.goto(part);
            const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(id)), ids);
            assert(missing.length === 0, `${part}: the contents lead nowhere for ${missing.join(', ')}`);
          }
          // Next from the contents through every part to the last, then previous all the way back.
          await page.goto(contents);
          const seen = [here(page, site)];
          while (await page.locator('nav.page-nav a[rel="next"]').count()) {
            await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('nav.page-nav a[rel="next"]').click()]);
            seen.push(here(page, site));
            assert(seen.length <= byPart.size + 1, `/${lang}/report/: next leads round in circles: ${seen.join(' → ')}`);
          }
          assert(seen.length === new Set(seen).size && seen.length >= byPart.size, `/${lang}/report/: next led through ${seen.join(' → ')}`);
          assert(await page.locator('#hk-report-sources').isVisible(), `${seen.at(-1)}: the last part does not list the sources`);
          for (let i = seen.length - 2; i >= 0; i--) {
            await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('nav.page-nav a[rel="prev"]').click()]);
            assert(here(page, site) === seen[i], `previous led to ${here(page, site)}, not ${seen[i]}`);
          }
          await page.goto(site.url + `${lang}/report/chapters/hubs/`);
          const sizes = await page.evaluate(() => ['h2.report-title', 'h3.report-title', '.report-case h4', '.report-case h5'].map((s) => {
            const e = document.querySelector(s);
            return e ? parseFloat(getComputedStyle(e).fontSize) : null;
          }));
          const known = sizes.filter((s) => s !== null);
          assert(known.every((s, i) => i === 0 || s < known[i - 1]) && known.every((s) => s >= 15.9), `/${lang}/report/chapters/hubs/: heading sizes down the report are ${sizes.join(' > ')} px`);
        }
      }),
  },
];
