// The W3C Nu HTML checker (vnu.jar from the npm package vnu-jar), run once over all files of the build.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import { listFiles } from './util.mjs';

const require = createRequire(import.meta.url);

export function vnuJarPath() {
  const dir = path.dirname(require.resolve('vnu-jar/package.json'));
  const jar = path.join(dir, 'build', 'dist', 'vnu.jar');
  if (!fs.existsSync(jar)) throw new Error(`vnu.jar not found at ${jar}: run bash tests/setup.sh`);
  return jar;
}

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => reject(new Error(`cannot start ${cmd}: ${err.message}`)));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/**
 * Check every .html file (and .css and .svg files) under `root`. Returns a list of problems ("file:line:col: message").
 * Errors only (warnings are not failures). A checker that cannot start, or whose output cannot be read, is a failure.
 */
export async function checkHtml(root) {
  const jar = vnuJarPath();
  const html = listFiles(root, (f) => /\.html?$/i.test(f));
  const css = listFiles(root, (f) => /\.css$/i.test(f));
  const svg = listFiles(root, (f) => /\.svg$/i.test(f));
  if (html.length === 0) return [`no HTML files in ${root}`];
  const files = [...html, ...css, ...svg];
  const args = ['-Xss8m', '-jar', jar, '--errors-only', '--format', 'json', '--exit-zero-always'];
  if (css.length) args.push('--also-check-css');
  if (svg.length) args.push('--also-check-svg');
  args.push(...files);
  const { code, signal, stdout, stderr } = await run('java', args, { cwd: root });
  let report;
  try {
    // vnu writes its JSON report to stderr.
    report = JSON.parse(stderr.trim() || stdout.trim());
  } catch {
    return [`the Nu checker did not produce a JSON report (exit ${code}${signal ? `, signal ${signal}` : ''}):\n${(stderr + stdout).slice(0, 2000)}`];
  }
  if (code !== 0) return [`the Nu checker exited with ${code}${signal ? ` (signal ${signal})` : ''}`];
  const problems = [];
  for (const m of report.messages || []) {
    if (m.type === 'info') continue; // information and warnings are not failures
    const file = decodeURIComponent(String(m.url || '').replace(/^file:(\/\/)?/, ''));
    const rel = path.isAbsolute(file) ? path.relative(root, file) : file;
    const pos = m.lastLine ? `${m.firstLine || m.lastLine}:${m.firstColumn || m.lastColumn || ''}` : '';
    const extract = m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 200)}` : '';
    problems.push(`${rel}${pos ? ':' + pos : ''}: ${m.type === 'non-document-error' ? 'checker error: ' : ''}${m.message}${extract}`);
  }
  console.log(`        (checked ${html.length} HTML${css.length ? `, ${css.length} CSS` : ''}${svg.length ? `, ${svg.length} SVG` : ''} files)`);
  return problems;
}
