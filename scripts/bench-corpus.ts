// npm run bench -- [--corpus DIR] [--sample N] [--audience A]
// Builds one of ../shared/corpus/fetch.sh's deterministic samples of real-world specs and prints what
// PERF.md compares: wall time, peak memory, pages, dist size, median page size and Pagefind index size.
// Fetch the corpus first: bash ../shared/corpus/fetch.sh .cache/corpus
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { corpus: { type: 'string' }, sample: { type: 'string' }, audience: { type: 'string' }, keep: { type: 'boolean' } },
});
const corpus = path.resolve(values.corpus ?? process.env.PORTOLAN_CORPUS ?? '.cache/corpus');
const sample = values.sample ?? '50';
const audience = values.audience ?? 'internal';
const list = path.join(corpus, `sample-${sample}.txt`);
if (!fs.existsSync(list)) {
  console.error(`${list} not found: fetch the corpus with 'bash ../shared/corpus/fetch.sh ${corpus}' or pass --corpus DIR.`);
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-bench-'));
const specs = path.join(work, 'specs');
for (const relative of fs.readFileSync(list, 'utf8').split('\n').filter(Boolean)) {
  fs.mkdirSync(path.dirname(path.join(specs, relative)), { recursive: true });
  fs.copyFileSync(path.join(corpus, 'directory', relative), path.join(specs, relative));
}
// Real-world specs break many rules; the benchmark measures documenting them, so every rule warns at most.
const config = path.join(work, 'redocly.yaml');
fs.writeFileSync(config, 'extends: []\nrules:\n  struct: warn\n  portolan/info-x-owner: off\n');
const out = path.join(work, 'dist');

const hasTime = fs.existsSync('/usr/bin/time');
const command = [process.execPath, 'scripts/build.ts', '--specs', specs, '--audience', audience, '--out', out, '--config', config];
const started = performance.now();
const result = spawnSync(hasTime ? '/usr/bin/time' : command[0]!, hasTime ? ['-v', ...command] : command.slice(1), {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
const wall = (performance.now() - started) / 1000;
const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1] ?? NaN);
const stdoutLines = result.stdout.trim().split('\n');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const size = (files: string[]) => files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

console.log(`sample-${sample}, audience ${audience}: exit ${result.status}`);
for (const line of stdoutLines.filter((l) => /^(loaded|built)/.test(l))) console.log(`  ${line}`);
if (result.status === 0) {
  const files = walk(out);
  const pages = files.filter((f) => f.endsWith('.html'));
  const pageSizes = pages.map((f) => fs.statSync(f).size).sort((a, b) => a - b);
  const median = pageSizes[Math.floor(pageSizes.length / 2)] ?? 0;
  const pagefind = walk(path.join(out, 'pagefind'));
  console.log(`  wall ${wall.toFixed(1)} s, peak RSS ${Number.isNaN(peakKb) ? 'n/a' : `${(peakKb / 1024).toFixed(0)} MiB`}`);
  console.log(`  pages ${pages.length}, dist ${mb(size(files))}, median page ${(median / 1024).toFixed(0)} KB, largest page ${((pageSizes.at(-1) ?? 0) / 1024).toFixed(0)} KB, Pagefind index ${mb(size(pagefind))}`);
} else {
  console.log(result.stderr.split('\n').slice(-30).join('\n'));
}
if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
else console.log(`  kept in ${work}`);
process.exitCode = result.status ?? 1;
