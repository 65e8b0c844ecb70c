// npm run bench: builds each set cold, one after another, in a fresh folder: no earlier output, and an
// empty render cache of its own instead of the project's. The build runs as a child process whose whole
// tree is sampled for memory, with `--report` for its own stage timings; then every site it wrote is
// measured and printed as bench-format.ts lays out.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { getSetName, getSpecsDir, parseBenchArgs, type BenchOptions, type BenchSet } from './bench-args.ts';
import { formatSetReport, formatSlopes, formatSummaryTable, type BenchResult } from './bench-format.ts';
import { startTreeSampler, type TreeMemory } from './bench-memory.ts';
import { measureSite } from './bench-site-stats.ts';
import { BuildReportError, readBuildReport, type BuildReport } from './build-report.ts';
import { UsageError } from './cli-args.ts';
import { EXIT_OK, EXIT_SPEC_PROBLEMS, processIo, withUsageErrors, type Io } from './commands.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'build.ts');
/** GNU time: its -v report holds the kernel's peak RSS of the largest single process. */
const GNU_TIME = '/usr/bin/time';
/** Lines of the build's stderr kept to show when it fails; real-world specs warn a lot. */
const STDERR_TAIL_LINES = 40;
/** Real-world specs break many rules; the benchmark measures documenting them, so every rule warns at most. */
const SAMPLE_LINT_CONFIG = 'extends: []\nrules:\n  struct: warn\n  portolan/info-x-owner: off\n';

function getSampleList(corpus: string, size: number): string {
  return path.join(corpus, `sample-${size}.txt`);
}

/** Everything a set needs exists before the first build starts, not minutes into the run. */
function checkInputs(options: BenchOptions): void {
  for (const set of options.sets) {
    const reused = set.kind === 'mixed' ? getSpecsDir(options, set) : undefined;
    if (reused !== undefined) {
      if (!fs.existsSync(reused)) throw new UsageError(`${reused} not found: --specs names a catalog made by mixed.mjs.`);
      continue;
    }
    const list = getSampleList(options.corpus, set.size);
    if (!fs.existsSync(list)) throw new UsageError(`${list} not found: fetch the corpus with 'bash ../shared/corpus/fetch.sh ${options.corpus}' or pass --corpus DIR.`);
    if (set.kind === 'mixed' && !fs.existsSync(options.mixedScript)) throw new UsageError(`${options.mixedScript} not found: pass --mixed-script FILE or --specs DIR.`);
  }
}

/** The specs folder and build options for `set`, written into `work` unless --specs reuses a catalog. */
function prepareSpecs(set: BenchSet, options: BenchOptions, work: string, io: Io): { specs: string; buildArgs: string[] } {
  const specs = path.join(work, 'specs');
  if (set.kind === 'sample') {
    for (const relative of fs.readFileSync(getSampleList(options.corpus, set.size), 'utf8').split('\n').filter(Boolean)) {
      fs.mkdirSync(path.dirname(path.join(specs, relative)), { recursive: true });
      fs.copyFileSync(path.join(options.corpus, 'directory', relative), path.join(specs, relative));
    }
    const config = path.join(work, 'redocly.yaml');
    fs.writeFileSync(config, SAMPLE_LINT_CONFIG);
    return { specs, buildArgs: ['--audience', options.audience, '--config', config] };
  }
  const reused = getSpecsDir(options, set);
  if (reused !== undefined) return { specs: reused, buildArgs: [] };
  // mixed.mjs writes its own redocly.yaml beside the specs, which the build finds there.
  const made = spawnSync(process.execPath, [options.mixedScript, options.corpus, String(set.size), specs], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`${options.mixedScript} failed (exit ${made.status}):\n${made.stderr}`);
  for (const line of made.stdout.trim().split('\n')) io.stdout(`  ${line}\n`);
  return { specs, buildArgs: [] };
}

interface BuildRun {
  exitCode: number;
  stderrTail: string[];
  memory?: TreeMemory;
  timeMaxRssBytes?: number;
}

function readTimeMaxRss(file: string): number | undefined {
  if (!fs.existsSync(file)) return undefined;
  const kilobytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(file, 'utf8'))?.[1];
  return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
}

/** Runs the build, echoing its progress lines, while sampling the memory of its process tree. */
function runBuildProcess(buildArgs: string[], work: string, io: Io): Promise<BuildRun> {
  const command = [process.execPath, BUILD_SCRIPT, ...buildArgs];
  const timeFile = path.join(work, 'time.txt');
  const hasTime = fs.existsSync(GNU_TIME);
  const child = spawn(hasTime ? GNU_TIME : command[0]!, hasTime ? ['-v', '-o', timeFile, ...command] : command.slice(1), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = child.pid === undefined ? undefined : startTreeSampler(child.pid);
  readline.createInterface({ input: child.stdout }).on('line', (line) => io.stdout(`  ${line}\n`));
  const stderrTail: string[] = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const memory = sampler?.stop();
      const timeMaxRssBytes = hasTime ? readTimeMaxRss(timeFile) : undefined;
      resolve({
        exitCode: code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1),
        stderrTail,
        ...(memory ? { memory } : {}),
        ...(timeMaxRssBytes !== undefined ? { timeMaxRssBytes } : {}),
      });
    });
  });
}

/** The build's report; a missing or unreadable one is said, and costs only the stage timings. */
function readReport(file: string, io: Io): BuildReport | undefined {
  try {
    return readBuildReport(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof BuildReportError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    io.stdout(`  no usable build report in ${file}: ${(error as Error).message}\n`);
    return undefined;
  }
}

/** Each site's folder: from the report, else as the build lays them out (the site itself for one audience). */
function getSiteDirs(report: BuildReport | undefined, out: string, set: BenchSet, options: BenchOptions): { name: string; dir: string }[] {
  if (report) return report.sites.map((site) => ({ name: site.name, dir: site.outDir }));
  if (!fs.existsSync(out)) return [];
  if (set.kind === 'sample') return [{ name: options.audience, dir: out }];
  return fs.readdirSync(out, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => ({ name: e.name, dir: path.join(out, e.name) }));
}

async function runSet(set: BenchSet, options: BenchOptions, io: Io): Promise<BenchResult> {
  const scope = set.kind === 'sample' ? `${options.audience} site` : 'every site';
  io.stdout(`${getSetName(set)}, ${scope}: building\n`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-bench-'));
  try {
    const { specs, buildArgs } = prepareSpecs(set, options, work, io);
    const out = path.join(work, 'dist');
    const reportFile = path.join(work, 'report.json');
    const cache = path.join(work, 'render-cache');
    const started = performance.now();
    const run = await runBuildProcess(['--specs', specs, '--out', out, '--cache', cache, '--report', reportFile, ...buildArgs], work, io);
    const wallSeconds = (performance.now() - started) / 1000;
    if (run.exitCode !== 0) io.stdout(run.stderrTail.map((line) => `  ${line}\n`).join(''));
    // A failed build leaves no sites to measure: the previous output (none, in a fresh folder) stays.
    const report = run.exitCode === 0 ? readReport(reportFile, io) : undefined;
    const sites = run.exitCode === 0 ? getSiteDirs(report, out, set, options).map((site) => measureSite(site.name, site.dir)) : [];
    return {
      set,
      scope,
      exitCode: run.exitCode,
      wallSeconds,
      ...(run.memory ? { memory: run.memory } : {}),
      ...(run.timeMaxRssBytes !== undefined ? { timeMaxRssBytes: run.timeMaxRssBytes } : {}),
      ...(report ? { report } : {}),
      sites,
    };
  } finally {
    if (options.keep) io.stdout(`  kept in ${work}\n`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

export function runBench(args: string[], io: Io = processIo): Promise<number> {
  return withUsageErrors(io, async () => {
    const options = parseBenchArgs(args, PROJECT_ROOT);
    checkInputs(options);
    const results: BenchResult[] = [];
    for (const set of options.sets) {
      const result = await runSet(set, options, io);
      io.stdout(`${formatSetReport(result)}\n\n`);
      results.push(result);
    }
    io.stdout(`${formatSummaryTable(results)}\n`);
    const slopes = formatSlopes(results);
    if (slopes.length > 0) io.stdout(`\n${slopes.join('\n')}\n`);
    else if (results.length > 1) io.stdout('\nno slope: it needs two sizes of one kind of set, e.g. --mixed 50,200\n');
    io.stdout('\nKB, MB and GB are powers of 1,000; MiB and GiB of 1,024. Pages are the HTML files written; PSS shares each shared page among its processes.\n');
    return results.every((result) => result.exitCode === 0) ? EXIT_OK : EXIT_SPEC_PROBLEMS;
  });
}
