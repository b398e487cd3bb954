// Headless Debian Chromium driven by playwright-core (no browser download: /usr/bin/chromium).
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { assert } from './util.mjs';

export const CHROMIUM = process.env.HK_CHROMIUM || '/usr/bin/chromium';

// The flags this machine needs: no sandbox as root, no GPU, and nothing that phones home
// (the network is closed; background networking would fail noisily). Playwright adds a new,
// empty temporary --user-data-dir at every launch and deletes it on close.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run bash tests/setup.sh (Debian package chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * A new page that records what went wrong while it was used: uncaught script errors, console errors,
 * failed requests and HTTP errors of the site's own resources (pass the site origin).
 * `page.problems()` returns them and clears the list.
 */
export async function newPage(context, origin) {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.setDefaultNavigationTimeout(20_000);
  let problems = [];
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !/^(data|blob|about):/.test(u)) problems.push(`loads a resource from outside the site: ${u} (${req.resourceType()})`);
  });
  page.on('console', (msg) => {
    // Failed loads are reported by the response handler below, with the URL.
    if (msg.type() === 'error' && !/^Failed to load resource/.test(msg.text())) problems.push(`console error: ${msg.text()}${msg.location()?.url ? ` (${msg.location().url})` : ''}`);
  });
  page.on('requestfailed', (req) => {
    // Leaving a page ends its live-reload stream (`hakusho serve`): not a failure.
    if (req.resourceType() === 'eventsource' && req.failure()?.errorText === 'net::ERR_ABORTED') return;
    // Nor does leaving a page before its favicon has come (the browser fetches it in the background; a 404
    // of it is still reported below).
    if (/\/favicon\.svg$/.test(req.url()) && req.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (req.url().startsWith(origin)) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    const req = res.request();
    // The document itself may be a deliberate 404 (the 404 journey); its subresources may not.
    if (res.status() >= 400 && res.url().startsWith(origin) && !(req.isNavigationRequest() && req.frame() === page.mainFrame())) {
      problems.push(`HTTP ${res.status()} for ${res.url()} (${req.resourceType()})`);
    }
  });
  page.problems = () => {
    const p = problems;
    problems = [];
    return p;
  };
  return page;
}

/**
 * Runs `fn(page, context)` on a new page in a fresh context (1280 × 900 unless `options` say otherwise), then
 * fails if the page met any problem (see `newPage`); the context is closed whatever happens.
 */
export async function withPage(browser, site, options, fn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  try {
    const page = await newPage(context, site.origin);
    await fn(page, context);
    const problems = page.problems();
    assert(problems.length === 0, `while on the pages of this journey:\n  ${problems.join('\n  ')}`);
  } finally {
    await context.close();
  }
}
