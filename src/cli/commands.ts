// The commands behind the npm scripts. Each returns its exit code: 0 ok, 1 problems in the specs,
// 2 usage or config errors. Output goes through the writers passed in, so tests can read it.
import fs from 'node:fs';
import path from 'node:path';
import { getBuildTargets, getTargetName, isPartnerId, type BuildTarget } from '../core/audience.ts';
import { collectPartnerIds } from '../audience/audience-views.ts';
import type { Json } from '../core/openapi-shape.ts';
import { findRootDocuments } from '../load/catalog-load.ts';
import { BudgetError } from '../core/budget.ts';
import { loadCatalogWithinBudget } from '../lint/budgeted-catalog-load.ts';
import { getChangedFiles, getRepoRoot, hasRevision } from '../core/git.ts';
import type { ApiRecord } from '../load/api.ts';
import { loadCatalogHistory, type ApiHistory } from '../history/changelog.ts';
import type { Config } from '@redocly/openapi-core';
import { getAffectedRoots } from '../core/ref-graph.ts';
import type { InputLimits } from '../load/safe-resolver.ts';
import { parseBuildArgs, parseLintArgs, UsageError } from './cli-args.ts';
import { formatDiagnostics, hasErrors, toDisplayPath, toReportedDiagnostics, toStylish } from '../core/diagnostics.ts';
import { ConfigError, getConfigPath, loadLintConfig } from '../lint/lint-config.ts';
import { buildSites, LeakError, SiteBuildError, type BuildSitesOptions, type SiteBuildPlan, type SitesBuildResult } from '../site/site-build.ts';
import { MergeSourceError } from '../site/render-cache.ts';
import { toBuildReport, writeBuildReport } from './build-report.ts';
import { loadBranding } from '../site/branding-config.ts';

export const EXIT_OK = 0;
export const EXIT_SPEC_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export function checkSpecsDir(specsDir: string): void {
  if (!fs.existsSync(specsDir) || !fs.statSync(specsDir).isDirectory()) {
    throw new UsageError(`${specsDir}: no such folder; pass the folder that holds your specs with --specs DIR.`);
  }
}

export async function withUsageErrors(io: Io, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** Frames come from files up to this size; a refused giant gets its problem line only. */
const MAX_FRAME_SOURCE_BYTES = 8 * 1024 * 1024;

/** Reads each file once for code frames; a file that cannot be read simply gets no frame. */
function readSourceOnce(): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, fs.statSync(file).size <= MAX_FRAME_SOURCE_BYTES ? fs.readFileSync(file, 'utf8') : undefined);
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}

/**
 * The roots a pull request touches: changed since `ref`, or pulling in a changed file. Checking only
 * these keeps PR feedback fast in a large catalog.
 */
async function getChangedRoots(specsDir: string, ref: string, limits: InputLimits, io: Io): Promise<string[]> {
  const repo = getRepoRoot(specsDir);
  if (!repo) throw new UsageError(`${specsDir} is not inside a git repository; --changed-since needs one.`);
  if (!hasRevision(repo, ref)) throw new UsageError(`--changed-since: '${ref}' is not a commit in ${repo}; fetch it first (e.g. git fetch origin main).`);
  const changed = getChangedFiles(repo, ref, specsDir);
  const { roots } = await findRootDocuments(specsDir, limits);
  const affected = getAffectedRoots(roots, changed);
  io.stderr(`checking ${affected.length} of ${roots.length} APIs changed since ${ref}\n`);
  return affected;
}

export function runLint(args: string[], io: Io = processIo): Promise<number> {
  return withUsageErrors(io, async () => {
    const options = parseLintArgs(args);
    checkSpecsDir(options.specsDir);
    loadBranding(options.specsDir);
    const configPath = getConfigPath(options.specsDir, options.configPath);
    await loadLintConfig(configPath);
    const roots = options.changedSince ? await getChangedRoots(options.specsDir, options.changedSince, options.limits, io) : undefined;
    // Lint needs problems and ids, not bundles: skipping them halves the time on a large catalog.
    const { diagnostics, rootCount } = await loadCatalogWithinBudget(options.specsDir, configPath, { roots, limits: options.limits, load: { bundle: false }, budget: options.budget, problemsOnly: true });
    const { reported, hiddenWarnings } = toReportedDiagnostics(diagnostics, options.quiet);
    const text = formatDiagnostics(reported, options.format, rootCount, process.cwd(), { getSource: readSourceOnce(), maxProblems: options.maxProblems, hiddenWarnings });
    // Machine formats go to stdout for piping; the human format goes to stderr like the build's.
    if (options.format === 'stylish') io.stderr(text);
    else io.stdout(text);
    return hasErrors(diagnostics) ? EXIT_SPEC_PROBLEMS : EXIT_OK;
  });
}

export function getBuildPlans(targets: BuildTarget[], outRoot: string, single: boolean, explicitOut?: string): SiteBuildPlan[] {
  if (single && targets[0]) return [{ target: targets[0], outDir: explicitOut ?? path.join(outRoot, getTargetName(targets[0])) }];
  return targets.map((target) => ({ target, outDir: path.join(explicitOut ?? outRoot, getTargetName(target)) }));
}

export const DEFAULT_OUT_DIR = 'dist';

export function runBuild(args: string[], io: Io = processIo, siteOptions: BuildSitesOptions = {}): Promise<number> {
  return withUsageErrors(io, async () => {
    const buildStarted = performance.now();
    const options = parseBuildArgs(args);
    checkSpecsDir(options.specsDir);
    // A broken portolan.yaml is a config error: found before minutes of linting, not after.
    const branding = loadBranding(options.specsDir);
    const configPath = getConfigPath(options.specsDir, options.configPath);
    const config = await loadLintConfig(configPath);
    const started = performance.now();
    const { apis, diagnostics, rootCount } = await loadCatalogWithinBudget(options.specsDir, configPath, { limits: options.limits, budget: options.budget });
    const { reported, hiddenWarnings } = toReportedDiagnostics(diagnostics, options.quiet);
    if (reported.length > 0) io.stderr(toStylish(reported, rootCount, process.cwd(), { maxProblems: options.maxProblems, hiddenWarnings }));
    if (hasErrors(diagnostics)) {
      io.stderr('Build stopped: fix the errors above (earlier output in the out folder is untouched).\n');
      return EXIT_SPEC_PROBLEMS;
    }
    const loadSeconds = getSecondsSince(started);
    io.stdout(`loaded ${apis.length} APIs in ${loadSeconds.toFixed(1)} s\n`);

    const partnerIds = apis.flatMap((api) => [...collectPartnerIds(api.spec.document as Json)].filter(isPartnerId));
    const single = options.audience !== undefined;
    const targets: BuildTarget[] = single ? [{ audience: options.audience!, partner: options.partner }] : getBuildTargets(partnerIds);
    const outRoot = path.resolve(DEFAULT_OUT_DIR);
    const plans = getBuildPlans(targets, outRoot, single, options.outDir);
    const historyStarted = performance.now();
    const histories = siteOptions.histories ?? (await loadHistories(apis, options.specsDir, config, options.limits, io));
    const historySeconds = getSecondsSince(historyStarted);
    let built: SitesBuildResult;
    try {
      built = await buildSites(apis, plans, (line) => io.stdout(`${line}\n`), {
        budget: options.budget,
        branding,
        cacheDir: options.cacheDir,
        lintConfigPath: configPath,
        shard: options.shard,
        mergeFrom: options.mergeFrom,
        workers: options.jobs,
        showEstimates: process.stdout.isTTY === true,
        ...siteOptions,
        histories,
      });
    } catch (error) {
      if (error instanceof BudgetError) {
        io.stderr(toStylish(error.diagnostics, rootCount));
        io.stderr('Build stopped: a spec exceeded its budget (earlier output in the out folder is untouched).\n');
        return EXIT_SPEC_PROBLEMS;
      }
      if (error instanceof LeakError) {
        io.stderr(toStylish(error.diagnostics, rootCount));
        if (error.omitted) io.stderr(`…and ${error.omitted} more hits of the same kind.\n`);
        io.stderr('Build stopped by the leak check: earlier output in the out folder is untouched.\n');
        return EXIT_SPEC_PROBLEMS;
      }
      if (error instanceof MergeSourceError) {
        io.stderr(`Build stopped: ${error.message}.\n`);
        return EXIT_USAGE;
      }
      if (error instanceof SiteBuildError) {
        io.stderr(`${error.message}\nEarlier output in the out folder is untouched.\n`);
        return EXIT_SPEC_PROBLEMS;
      }
      throw error;
    }
    const stages = [{ name: 'load', seconds: loadSeconds }, { name: 'history', seconds: historySeconds }, { name: 'render', seconds: built.renderSeconds }];
    if (options.shard) {
      io.stdout(`done: shard ${options.shard.index}/${options.shard.count} rendered ${built.rendered} pages into ${toDisplayPath(options.cacheDir!)}; join the shards with --merge\n`);
    } else {
      if (!single) removeStalePartnerSites(options.outDir ?? outRoot, new Set(plans.map((p) => path.basename(p.outDir))));
      io.stdout(`done: ${plans.map((p) => toDisplayPath(p.outDir)).join(', ')}\n`);
    }
    if (options.reportPath) writeBuildReport(options.reportPath, toBuildReport(stages, built.sites, getSecondsSince(buildStarted)));
    return EXIT_OK;
  });
}

function getSecondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

/** Every API's recent history for its changelog; outside a git checkout there is none, and that is fine. */
async function loadHistories(apis: readonly ApiRecord[], specsDir: string, config: Config, limits: InputLimits, io: Io): Promise<Map<string, ApiHistory> | undefined> {
  const started = performance.now();
  const { histories, diagnostics, notes } = await loadCatalogHistory(apis, specsDir, config, limits);
  for (const note of notes) io.stdout(`${note}\n`);
  // An unreadable old version costs its changelog entry, never the build.
  if (diagnostics.length > 0) io.stderr(toStylish(diagnostics, apis.length));
  if (!histories) return undefined;
  io.stdout(`loaded the history of ${apis.length} APIs in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return histories;
}

/** A partner no spec names any more must not keep a site from an earlier build. */
function removeStalePartnerSites(outRoot: string, current: Set<string>): void {
  if (!fs.existsSync(outRoot)) return;
  for (const entry of fs.readdirSync(outRoot)) {
    if (entry.startsWith('partner-') && !current.has(entry)) fs.rmSync(path.join(outRoot, entry), { recursive: true, force: true });
  }
}
