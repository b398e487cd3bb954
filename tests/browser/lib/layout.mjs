// Layout checks in headless Chromium and the screenshots a developer looks at after a run.
import path from 'node:path';
import { newPage } from './browser.mjs';
import { pageUrl } from './util.mjs';
import { platformFonts } from './journeys.mjs';

/**
 * Runs in the page (every <details> opened first): what is wrong with the layout at this width.
 * - the page scrolls sideways (something wider than the viewport);
 * - a chart is wider than its column (figure) or the viewport, or scrolls inside its box;
 * - a figure shows no chart or both of its drawings (wide and narrow) at once;
 * - a chart's text reaches outside the drawing, or (on phones, `minChartText` > 0) is smaller than
 *   `minChartText` CSS px;
 * - two pieces of text overlap (line boxes of different text nodes intersect), or two labels of the map of
 *   Japan do.
 * The map of Japan (`figure.japan-map-figure`, drawn twice like a chart) is checked as a chart.
 */
function layoutProblemsInPage(minChartText) {
  const out = [];
  const FIGURES = 'figure.chart, figure.japan-map-figure';
  const DRAWINGS = '.chart-image > svg, .japan-map-image > svg';
  const BOX = '.chart-image, .japan-map-image';
  const vw = document.documentElement.clientWidth;
  const sw = document.documentElement.scrollWidth;
  const describe = (el) => {
    if (!el) return '?';
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 2) : [];
    if (cls.length) s += '.' + cls.join('.');
    const parent = el.parentElement && el.parentElement !== document.body ? el.parentElement : null;
    return parent ? `${describe.short(parent)} > ${s}` : s;
  };
  describe.short = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 1) : [];
    if (cls.length) s += '.' + cls[0];
    return s;
  };
  if (sw > vw + 1) {
    // Name the widest culprits: elements that reach past the right edge but whose parent does not.
    const culprits = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 1) continue;
      const pr = el.parentElement.getBoundingClientRect();
      if (pr.right > vw + 1 && el.parentElement !== document.body) continue;
      culprits.push(`${describe(el)} (${Math.round(r.left)}–${Math.round(r.right)} px)`);
      if (culprits.length >= 5) break;
    }
    out.push(`the page scrolls sideways: ${sw} px wide in a ${vw} px viewport; too wide: ${culprits.join('; ') || '?'}`);
  }
  for (const figure of document.querySelectorAll(FIGURES)) {
    const shown = [...figure.querySelectorAll(DRAWINGS)].filter((s) => getComputedStyle(s).display !== 'none');
    if (shown.length !== 1) out.push(`chart ${describe(figure)} shows ${shown.length} drawings, expected 1`);
    const box = figure.querySelector(BOX);
    if (box && box.scrollWidth > box.clientWidth + 1) out.push(`chart ${describe(figure)} scrolls sideways inside its box (${box.scrollWidth} px in ${box.clientWidth} px)`);
  }
  for (const svg of [...document.querySelectorAll(DRAWINGS)].filter((s) => getComputedStyle(s).display !== 'none')) {
    const name = `${describe(svg.closest('figure'))} (${svg.getAttribute('class')})`;
    const sr = svg.getBoundingClientRect();
    const scale = sr.width / svg.viewBox.baseVal.width;
    let small = null;
    for (const t of svg.querySelectorAll('text')) {
      const px = parseFloat(t.getAttribute('font-size')) * scale;
      if (minChartText > 0 && px < minChartText - 0.05 && (!small || px < small.px)) small = { px, text: t.textContent };
      const tr = t.getBoundingClientRect();
      if (tr.width > 0 && (tr.left < sr.left - 1 || tr.right > sr.right + 1 || tr.top < sr.top - 1 || tr.bottom > sr.bottom + 1)) {
        out.push(`chart ${name}: the text “${t.textContent}” reaches outside the drawing`);
      }
    }
    if (small) out.push(`chart ${name}: text “${small.text}” is ${small.px.toFixed(1)} px, under ${minChartText} px`);
  }
  // The map's labels are placed by the generator so that none covers another.
  for (const svg of [...document.querySelectorAll('.japan-map-image > svg')].filter((s) => getComputedStyle(s).display !== 'none')) {
    const rects = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i].r;
        const b = rects[j].r;
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) {
          out.push(`map ${describe(svg.closest('figure'))}: the labels “${rects[i].text}” and “${rects[j].text}” overlap`);
        }
      }
    }
  }
  for (const svg of [...document.querySelectorAll(DRAWINGS)].filter((s) => getComputedStyle(s).display !== 'none')) {
    const r = svg.getBoundingClientRect();
    const fig = svg.closest('figure').getBoundingClientRect();
    const col = (svg.closest('main') || document.body).getBoundingClientRect();
    if (r.right > Math.min(fig.right, col.right, vw) + 1 || r.left < Math.max(fig.left, col.left, 0) - 1) {
      out.push(`chart ${describe(svg.closest('figure'))} is ${Math.round(r.width)} px wide (${Math.round(r.left)}–${Math.round(r.right)}), its column is ${Math.round(fig.left)}–${Math.round(Math.min(fig.right, col.right))} px`);
    }
    if (r.width < 1 || r.height < 1) out.push(`chart ${describe(svg.closest('figure'))} is drawn ${Math.round(r.width)}×${Math.round(r.height)} px`);
  }
  // Text overlap: the line boxes of visible text nodes outside charts (charts are laid out by the generator).
  const hiddenByClip = (el) => {
    if (!el.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true })) return true;
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if ((cs.clip && cs.clip !== 'auto') || (cs.clipPath && cs.clipPath !== 'none')) return true;
      if (cs.overflow !== 'visible' && (e.clientWidth <= 1 || e.clientHeight <= 1)) return true;
    }
    return false;
  };
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement;
    if (!el || el.closest('svg, script, style, noscript, template')) continue;
    if (hiddenByClip(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      boxes.push({ el, text: n.textContent.trim().slice(0, 40), l: r.left + scrollX, t: r.top + scrollY, r: r.right + scrollX, b: r.bottom + scrollY });
    }
  }
  boxes.sort((a, b) => a.t - b.t);
  const reported = new Set();
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].t < a.b; j++) {
      const b = boxes[j];
      if (a.el === b.el) continue;
      const w = Math.min(a.r, b.r) - Math.max(a.l, b.l);
      const h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
      // Tolerance: glyph boxes of adjacent lines may touch when line-height is tight.
      if (w > 3 && h > Math.min(a.b - a.t, b.b - b.t) * 0.35) {
        const key = `${describe(a.el)}|${describe(b.el)}`;
        if (reported.has(key)) continue;
        reported.add(key);
        out.push(`text overlaps at (${Math.round(Math.max(a.l, b.l))}, ${Math.round(Math.max(a.t, b.t))}): “${a.text}” (${describe(a.el)}) and “${b.text}” (${describe(b.el)})`);
        if (reported.size >= 10) return out;
      }
    }
  }
  return out;
}

export const WIDTHS = [1280, 375, 320];
/** The smallest chart text on phones, in CSS px. */
export const MIN_CHART_TEXT = 11;

/** Layout problems of every page at each width. */
export async function checkLayout(browser, site, pages) {
  const problems = [];
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    try {
      const page = await newPage(context, site.origin);
      for (const rel of pages) {
        await page.goto(rel === '404.html' ? site.url + '404.html' : pageUrl(site.url, rel), { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        // Open every <details> (the charts' data tables): what they hold must fit too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const minText = width < 600 ? MIN_CHART_TEXT : 0;
        for (const p of await page.evaluate(layoutProblemsInPage, minText)) problems.push(`${rel} at ${width} px: ${p}`);
        page.problems(); // load problems are the axe check's business
      }
    } finally {
      await context.close();
    }
  }
  return problems;
}

export const SHOTS = [
  { name: 'home', path: '' },
  { name: 'case-kobe', path: 'cases/kobe/' },
  { name: 'figure-kobe', path: 'figures/kobe-companies/' },
];

/** The widths of the screenshots. */
export const SHOT_WIDTHS = [1280, 375];

/** Full-page screenshots of the home page and a case, both languages, each width; returns problems. */
export async function takeScreenshots(browser, site, dir) {
  const problems = [];
  const files = [];
  for (const width of SHOT_WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 800 : 900 }, deviceScaleFactor: 1 });
    try {
      const page = await newPage(context, site.origin);
      for (const lang of ['ja', 'en']) {
        for (const shot of SHOTS) {
          const resp = await page.goto(`${site.url}${lang}/${shot.path}`, { waitUntil: 'load' });
          if (resp.status() !== 200) problems.push(`/${lang}/${shot.path}: HTTP ${resp.status()}`);
          await page.evaluate(() => document.fonts.ready);
          const file = path.join(dir, `${lang}-${shot.name}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          files.push(file);
          if (lang === 'ja') {
            const fonts = (await platformFonts(page, 'h1')) || [];
            if (!fonts.length || !fonts.every((f) => /CJK|JP|Japan|Gothic|Mincho|Hiragino|Meiryo|IPA/i.test(f.familyName))) {
              problems.push(`/${lang}/${shot.path} at ${width} px: the Japanese <h1> is drawn with ${fonts.map((f) => f.familyName).join(', ') || 'no font'}, not a CJK font`);
            }
          }
          for (const p of page.problems()) problems.push(`/${lang}/${shot.path} at ${width} px: ${p}`);
        }
      }
    } finally {
      await context.close();
    }
  }
  return { problems, files };
}
