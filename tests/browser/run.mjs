#!/usr/bin/env node
// hakusho's browser and validator checks (see README.md in this folder).
//
//   node tests/browser/run.mjs [--only links,html,axe,layout,journeys,screenshots] [--no-build]
//   HAKUSHO_BIN=path/to/hakusho node tests/browser/run.mjs    (use that binary instead of cargo build --release)
//
// Builds the bundled report three ways into target/ (served under a sub-path, at the root of a host, and
// with --relative-links for file://), then: checks every internal link and #anchor of each build; runs the
// W3C Nu HTML checker over every page; serves the sub-path build on 127.0.0.1 and, in headless Debian
// Chromium, runs axe-core (WCAG 2.1 A/AA) on every page, checks the layout of every page at 1280 and 375 px,
// walks the reader journeys and saves screenshots to target/screenshots/.
// Exits non-zero if any check fails, or if a checker cannot start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Harness, listFiles } from './lib/util.mjs';
import { checkLinks } from './lib/links.mjs';
import { checkHtml } from './lib/nu.mjs';
import { serveSite } from './lib/server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { checkAxe } from './lib/axe.mjs';
import { checkLayout, takeScreenshots } from './lib/layout.mjs';
import { journeys as readerJourneys } from './lib/journeys.mjs';
import { readingJourneys } from './lib/journeys_reading.mjs';
import { searchJourneys } from './lib/journeys_search.mjs';

const journeys = [...readerJourneys, ...readingJourneys, ...searchJourneys];
import { selfTest } from './lib/selftest.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGET = path.join(REPO, 'target');
const SCREENSHOTS = path.join(TARGET, 'screenshots');
const ALL = ['selftest', 'links', 'html', 'axe', 'layout', 'journeys', 'screenshots'];

// The builds. The served one keeps a sub-path, as most publishers have; its base URL is the bundled one.
const SUBPATH_BASE = 'https://example.org/reports/2025/';
const BUILDS = {
  subpath: { dir: path.join(TARGET, 'browser-site'), args: ['--base-url', SUBPATH_BASE], mode: 'http', baseUrl: SUBPATH_BASE },
  root: { dir: path.join(TARGET, 'browser-site-root'), args: ['--base-url', 'http://127.0.0.1/'], mode: 'http', baseUrl: 'http://127.0.0.1/' },
  file: { dir: path.join(TARGET, 'browser-site-file'), args: ['--base-url', SUBPATH_BASE, '--relative-links'], mode: 'file', baseUrl: SUBPATH_BASE },
};

// A small site whose charts are hard to fit: many categories, long labels in both languages, several series,
// large numbers, each kind (tests/fixtures/charts). Only its layout is checked.
const CHARTS = { dir: path.join(TARGET, 'browser-site-charts'), args: ['--content', 'tests/fixtures/charts/content', '--no-pdf', '--base-url', SUBPATH_BASE], mode: 'http', baseUrl: SUBPATH_BASE };

function parseArgs(argv) {
  const opts = { only: new Set(ALL), build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') {
      const names = (argv[++i] || '').split(',').filter(Boolean);
      for (const n of names) if (!ALL.includes(n)) throw new Error(`unknown check “${n}”: choose from ${ALL.join(', ')}`);
      opts.only = new Set(names);
    } else if (a === '--no-build') opts.build = false;
    else if (a === '-h' || a === '--help') {
      console.log(`usage: node tests/browser/run.mjs [--only ${ALL.join(',')}] [--no-build]`);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

// The binary the builds used, for the journeys that run `hakusho serve`.
let hakushoBinaryPath = process.env.HAKUSHO_BIN ? path.resolve(process.env.HAKUSHO_BIN) : path.join(TARGET, 'release', 'hakusho');

// The hakusho binary: built once here (so that the three builds come from the same code), or HAKUSHO_BIN.
function hakushoBinary() {
  if (process.env.HAKUSHO_BIN) return path.resolve(process.env.HAKUSHO_BIN);
  console.log('        $ cargo build --quiet --release');
  const r = spawnSync('cargo', ['build', '--quiet', '--release'], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) throw new Error(`cannot start cargo: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`cargo build --release failed (exit ${r.status})`);
  return path.join(TARGET, 'release', 'hakusho');
}

function build(bin, b) {
  const args = ['build', '--output', b.dir, ...b.args];
  console.log(`        $ ${path.relative(REPO, bin)} ${args.join(' ')}`);
  const r = spawnSync(bin, args, { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) throw new Error(`cannot start ${bin}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`the build into ${path.relative(REPO, b.dir)} failed (exit ${r.status})`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const h = new Harness();
  // A watchdog: a hung browser or checker fails the run instead of holding CI.
  const watchdog = setTimeout(() => {
    console.log('\nnot ok  the browser checks did not finish within 12 minutes');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }, 12 * 60_000);
  watchdog.unref();

  const wants = (n) => opts.only.has(n);
  const needsServer = ['selftest', 'axe', 'layout', 'journeys', 'screenshots'].some(wants);

  let built = true;
  if (opts.build) {
    built = await h.check('build the bundled report (under /reports/2025/, at a host root, and for file://)', () => {
      const bin = hakushoBinary();
      hakushoBinaryPath = bin;
      for (const b of Object.values(BUILDS)) build(bin, b);
      build(bin, CHARTS);
    });
  } else {
    for (const b of [...Object.values(BUILDS), CHARTS]) if (!fs.existsSync(path.join(b.dir, 'index.html'))) built = false;
    if (!built) await h.check('the builds exist (--no-build)', () => [`no build in target/: run without --no-build`]);
  }

  if (built && wants('links')) {
    for (const [name, b] of Object.entries(BUILDS)) {
      const what = { subpath: `served under ${new URL(b.baseUrl).pathname}`, root: 'served at the root of a host', file: 'opened from disk (--relative-links)' }[name];
      await h.check(`links: every internal link and #anchor resolves (${what})`, () => {
        const { problems, stats } = checkLinks(b.dir, { mode: b.mode, baseUrl: b.baseUrl });
        console.log(`        (${stats.files} files, ${stats.internal} internal links, ${stats.fragments} with #anchors, ${stats.external} external not fetched)`);
        if (stats.internal === 0) problems.push('no internal links found: the checker read nothing');
        return problems;
      });
    }
  }

  if (built && wants('html')) {
    await h.check('W3C Nu HTML checker: no errors on any page (both languages)', () => checkHtml(BUILDS.subpath.dir));
  }

  if (built && needsServer) {
    const site = await serveSite(BUILDS.subpath.dir, new URL(SUBPATH_BASE).pathname);
    console.log(`        (serving ${path.relative(REPO, BUILDS.subpath.dir)} at ${site.url})`);
    let browser = null;
    try {
      const launched = await h.check('headless Chromium starts', async () => {
        browser = await launchBrowser();
        console.log(`        (Chromium ${browser.version()})`);
      });
      if (launched && wants('selftest')) {
        await h.check('self-test: the link checker, Nu checker, axe-core and layout check each catch planted faults', () => selfTest(browser));
      }
      if (launched) {
        const pages = listFiles(BUILDS.subpath.dir, (f) => /\.html$/.test(f));
        if (wants('axe')) {
          await h.check(`axe-core: no WCAG 2.1 A/AA violations on any page (${pages.length} pages); right <html lang> and language switch; no script errors or failed requests`, async () => {
            const { problems, incomplete } = await checkAxe(browser, site, pages);
            if (incomplete.size) {
              const list = [...incomplete].map(([id, e]) => `${id} (${e.count} on ${e.pages.size} pages)`).join(', ');
              console.log(`        (for a person to review, not failures: ${list})`);
            }
            return problems;
          });
        }
        if (wants('layout')) {
          await h.check(`layout: no sideways scrolling, every chart whole inside its column (text of 11 px or more on phones), no overlapping text, at 1280, 375 and 320 px (${pages.length} pages)`, () => checkLayout(browser, site, pages));
          const chartsSite = await serveSite(CHARTS.dir, new URL(SUBPATH_BASE).pathname);
          try {
            const chartPages = listFiles(CHARTS.dir, (f) => /cases\/alpha\/index\.html$/.test(f));
            await h.check(`layout of hard charts (tests/fixtures/charts: many categories, long labels, each kind), at 1280, 375 and 320 px (${chartPages.length} pages)`, () => checkLayout(browser, chartsSite, chartPages));
          } finally {
            await chartsSite.close();
          }
        }
        if (wants('journeys') || wants('screenshots')) fs.mkdirSync(SCREENSHOTS, { recursive: true });
        if (wants('journeys')) {
          for (const j of journeys) await h.check(j.name, () => j.run(browser, site, { screenshotDir: SCREENSHOTS, fileSiteDir: BUILDS.file.dir, bin: hakushoBinaryPath, content: path.join(REPO, 'content') }), { timeoutMs: 120_000 });
        }
        if (wants('screenshots')) {
          for (const f of fs.readdirSync(SCREENSHOTS)) if (/^(ja|en)-(home|case-[^-]+)-\d+\.png$/.test(f)) fs.rmSync(path.join(SCREENSHOTS, f));
          await h.check('screenshots: home and Kobe case, ja and en, 1280 and 375 px (Japanese drawn in a CJK font)', async () => {
            const { problems, files } = await takeScreenshots(browser, site, SCREENSHOTS);
            console.log(`        (${files.length} screenshots)`);
            return problems;
          });
        }
      }
    } finally {
      if (browser) await browser.close().catch(() => {});
      await site.close();
    }
  }

  const ok = h.summary();
  if ((wants('screenshots') || wants('journeys')) && fs.existsSync(SCREENSHOTS)) {
    const shots = fs.readdirSync(SCREENSHOTS).filter((f) => /\.(png|pdf)$/.test(f)).sort();
    console.log(`Screenshots (look at them): ${SCREENSHOTS}/\n  ${shots.join('\n  ')}`);
  }
  console.log(`Browser checks took ${Math.round((Date.now() - started) / 1000)} s.`);
  clearTimeout(watchdog);
  process.exitCode = ok ? 0 : 1;
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
