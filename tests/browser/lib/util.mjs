// Small helpers shared by the checks: finding files, a minimal test harness, timeouts.
import fs from 'node:fs';
import path from 'node:path';

/** Every file under `root` (relative paths with "/" separators, sorted), skipping dot-files. */
export function listFiles(root, filter = () => true) {
  const out = [];
  const walk = (dir, rel) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), r);
      else if (entry.isFile() && filter(r)) out.push(r);
    }
  };
  walk(root, '');
  return out.sort();
}

/** The served URL of a built file: "ja/cases/kobe/index.html" → base + "ja/cases/kobe/". */
export function pageUrl(base, rel) {
  const p = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
  return base + p.split('/').map(encodeURIComponent).join('/');
}

/** Reject after `ms` with a message naming `what`. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timed out after ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]);
}

/**
 * A minimal harness: each check is a named async function that throws (or returns a list of problems) to fail.
 * Prints "ok"/"not ok" lines as it goes, and a closing "N passed, N failed" line.
 */
export class Harness {
  constructor() {
    this.results = [];
  }

  async check(name, fn, { timeoutMs = 300_000 } = {}) {
    const started = Date.now();
    let problems = [];
    try {
      const r = await withTimeout(Promise.resolve().then(fn), timeoutMs, name);
      if (Array.isArray(r)) problems = r;
    } catch (err) {
      problems = [err && err.stack ? String(err.stack) : String(err)];
    }
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const ok = problems.length === 0;
    this.results.push({ name, ok, problems, secs });
    if (ok) {
      console.log(`ok      ${name} (${secs} s)`);
    } else {
      console.log(`not ok  ${name} (${secs} s): ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
      for (const p of problems) console.log(indent(p));
    }
    return ok;
  }

  summary() {
    const failed = this.results.filter((r) => !r.ok);
    if (failed.length) {
      console.log('\nFailed checks:');
      for (const r of failed) console.log(`  - ${r.name} (${r.problems.length})`);
    }
    console.log(`\n${this.results.length - failed.length} passed, ${failed.length} failed`);
    return failed.length === 0;
  }
}

export function indent(text, prefix = '        ') {
  return String(text)
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}
