// The checkers' own test: a tiny site with planted faults, each of which a checker must report.
// A checker that reports nothing here is broken (and would pass a broken site): the run fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLinks } from './links.mjs';
import { checkHtml } from './nu.mjs';
import { checkAxe } from './axe.mjs';
import { checkLayout } from './layout.mjs';
import { serveSite } from './server.mjs';

const PAGE = `<!DOCTYPE html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>自己検査</title>
<style>.wide{width:2000px}.a,.b{position:absolute;top:300px;left:20px;margin:0}</style></head>
<body>
<main>
<h1 id="見出し">自己検査</h1>
<p><a href="#%E8%A6%8B%E5%87%BA%E3%81%97">ok: encoded Japanese fragment</a>
<a href="/base/other/">ok: folder</a> <a href="/base/other/#x">ok: fragment on another page</a>
<a href="/base/missing/">PLANTED: missing page</a> <a href="#nope">PLANTED: missing anchor</a>
<a href="/base/other/#%E3%81%AA%E3%81%84">PLANTED: missing Japanese anchor</a></p>
<img src="/base/pixel.png">
<div class="wide">PLANTED: too wide</div>
<p class="a">PLANTED overlapping text one</p><p class="b">PLANTED overlapping text two</p>
</main>
</body>
</html>
`;
const OTHER = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Other</title></head><body><main><h1 id="x">Other</h1></main></body></html>\n`;
// A 1×1 PNG.
const PIXEL = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082', 'hex');

export async function selfTest(browser) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-selftest-'));
  const problems = [];
  try {
    fs.writeFileSync(path.join(dir, 'index.html'), PAGE);
    fs.mkdirSync(path.join(dir, 'other'));
    fs.writeFileSync(path.join(dir, 'other', 'index.html'), OTHER);
    fs.writeFileSync(path.join(dir, 'pixel.png'), PIXEL);
    fs.writeFileSync(path.join(dir, '404.html'), OTHER);
    const expect = (what, found, patterns) => {
      for (const re of patterns) if (!found.some((p) => re.test(p))) problems.push(`${what} missed a planted fault (${re}); it reported:\n  ${found.join('\n  ') || 'nothing'}`);
    };

    const links = checkLinks(dir, { mode: 'http', baseUrl: 'https://example.org/base/' }).problems;
    expect('the link checker', links, [/missing\/index\.html/, /#nope/, /#ない/]);
    if (links.length !== 3) problems.push(`the link checker reported ${links.length} problems, expected the 3 planted ones:\n  ${links.join('\n  ')}`);

    const nu = await checkHtml(dir);
    expect('the Nu checker', nu, [/alt/]);

    if (browser) {
      const site = await serveSite(dir, '/base/');
      try {
        const { problems: axe } = await checkAxe(browser, site, ['index.html']);
        expect('axe-core', axe, [/image-alt/]);
        const layout = await checkLayout(browser, site, ['index.html']);
        expect('the layout check', layout, [/scrolls sideways/, /text overlaps.*PLANTED overlapping/]);
      } finally {
        await site.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}
