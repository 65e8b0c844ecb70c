// What npm run bench prints: per set, the build's stages and each site; at the end, one Markdown table
// row per set (for README's Performance section) and the log-log slopes of time and bytes.
// Sizes: KB, MB and GB are powers of 1,000 (as du --si); memory is in MiB and GiB, as /usr/bin/time's.
import { getSetName, type BenchKind, type BenchSet } from './bench-args.ts';
import type { TreeMemory } from './bench-memory.ts';
import type { SiteMeasure } from './bench-site-stats.ts';
import { getLargest, getLogLogSlope, getMedian, type SizedFile } from './bench-stats.ts';
import type { BuildReport, SiteReport } from './build-report.ts';

export interface BenchResult {
  set: BenchSet;
  /** Which sites were built: an audience, or every site. */
  scope: string;
  exitCode: number;
  wallSeconds: number;
  /** The sampled process tree; undefined where there is no /proc. */
  memory?: TreeMemory;
  /** /usr/bin/time -v's maximum resident set size: the kernel's figure for the largest single process. */
  timeMaxRssBytes?: number;
  /** The build's own report; undefined when the build stopped. */
  report?: BuildReport;
  sites: SiteMeasure[];
}

export interface SetTotals {
  pages: number;
  bytes: number;
  pagefindBytes: number;
  medianPage: number;
  /** The file is `<site>/<path>`. */
  largestPage?: SizedFile;
  /** Operations × sites that show them: each site's operations, summed; undefined if a site has no count. */
  operations?: number;
}

export const X_DESCRIPTION = 'operations shown, summed over the sites of a set (each site counts the operations its catalog.json lists)';

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatSeconds(seconds: number): string {
  return seconds < 100 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds)} s`;
}

/** Two or three significant figures, in KB, MB or GB. */
export function formatBytes(bytes: number): string {
  const [value, unit] = bytes < 1e6 ? [bytes / 1e3, 'KB'] : bytes < 1e9 ? [bytes / 1e6, 'MB'] : [bytes / 1e9, 'GB'];
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}

export function formatMemory(bytes: number): string {
  return bytes < GIB ? `${Math.round(bytes / MIB)} MiB` : `${(bytes / GIB).toFixed(2)} GiB`;
}

export function toMarkdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function getSetTotals(sites: readonly SiteMeasure[]): SetTotals {
  const pages = sites.flatMap((site) => site.pages.map((page) => ({ file: `${site.name}/${page.file}`, bytes: page.bytes })));
  const largestPage = getLargest(pages);
  const hasOperations = sites.length > 0 && sites.every((site) => site.operations !== undefined);
  return {
    pages: pages.length,
    bytes: sites.reduce((sum, site) => sum + site.bytes, 0),
    pagefindBytes: sites.reduce((sum, site) => sum + site.pagefindBytes, 0),
    medianPage: getMedian(pages.map((page) => page.bytes)),
    ...(largestPage ? { largestPage } : {}),
    ...(hasOperations ? { operations: sites.reduce((sum, site) => sum + site.operations!, 0) } : {}),
  };
}

function formatMemoryLine(result: BenchResult): string {
  const tree = result.memory
    ? `process tree ${result.memory.pssBytes !== undefined ? `${formatMemory(result.memory.pssBytes)} PSS, ` : ''}${formatMemory(result.memory.rssBytes)} RSS summed (up to ${result.memory.processes} processes)`
    : 'process tree not sampled (no /proc)';
  const largest = result.timeMaxRssBytes ?? result.memory?.largestProcessRssBytes;
  const source = result.timeMaxRssBytes !== undefined ? '/usr/bin/time -v' : 'sampled';
  return `peak memory: ${tree}; largest single process ${largest !== undefined ? `${formatMemory(largest)} (${source})` : 'n/a'}`;
}

/** The build's stages in order, and the time no stage names (what each site does after them). */
function formatStagesLine(report: BuildReport): string {
  const rest = report.seconds - report.stages.reduce((sum, stage) => sum + stage.seconds, 0);
  const stages = [...report.stages.map((s) => `${s.name} ${formatSeconds(s.seconds)}`), ...(rest >= 0.05 ? [`rest ${formatSeconds(rest)}`] : [])];
  return `build report: ${formatSeconds(report.seconds)} in all; ${stages.join(', ')}`;
}

/**
 * One row per site: the report's timings beside what the site's folder holds. The sum row adds counts
 * and bytes but no times: sites are built side by side and share render runs, so their times overlap.
 */
function formatSiteTable(result: BenchResult): string {
  const reported = new Map((result.report?.sites ?? []).map((site) => [site.name, site]));
  const stageNames = [...new Set([...reported.values()].flatMap((site) => Object.keys(site.stages ?? {})))];
  const hasReuse = [...reported.values()].some((site) => site.rendered !== undefined || site.reused !== undefined);
  const header = ['site', 'APIs', 'operations', 'seconds', ...stageNames.map((name) => `${name} s`), ...(hasReuse ? ['rendered', 'reused'] : []), 'pages', 'bytes', 'median page', 'largest page', 'Pagefind'];
  const optional = (value: number | undefined, format: (n: number) => string) => (value === undefined ? '–' : format(value));
  const row = (name: string, sites: readonly SiteMeasure[], apis?: number, seconds?: number, stages: Record<string, number> = {}, rendered?: number, reused?: number) => {
    const totals = getSetTotals(sites);
    return [
      name,
      optional(apis, formatCount),
      optional(totals.operations, formatCount),
      optional(seconds, (s) => s.toFixed(1)),
      ...stageNames.map((stage) => optional(stages[stage], (s) => s.toFixed(1))),
      ...(hasReuse ? [optional(rendered, formatCount), optional(reused, formatCount)] : []),
      formatCount(totals.pages),
      formatBytes(totals.bytes),
      formatBytes(totals.medianPage),
      optional(totals.largestPage?.bytes, formatBytes),
      formatBytes(totals.pagefindBytes),
    ];
  };
  const rows = result.sites.map((site) => {
    const report = reported.get(site.name);
    return row(site.name, [site], report?.apis, report?.seconds, report?.stages, report?.rendered, report?.reused);
  });
  if (result.sites.length > 1) {
    // A total only where every site reported its part.
    const sum = (pick: (site: SiteReport) => number | undefined): number | undefined => {
      const values = [...reported.values()].map(pick);
      if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
      return (values as number[]).reduce((a, b) => a + b, 0);
    };
    rows.push(row('all sites', result.sites, undefined, undefined, {}, sum((s) => s.rendered), sum((s) => s.reused)));
  }
  return toMarkdownTable(header, rows);
}

/** Everything measured for one set, as printed after its build. */
export function formatSetReport(result: BenchResult): string {
  const name = `${getSetName(result.set)}, ${result.scope}`;
  if (result.exitCode !== 0) return `${name}: the build failed (exit ${result.exitCode}) after ${formatSeconds(result.wallSeconds)}`;
  const totals = getSetTotals(result.sites);
  const lines = [
    `${name}: ${result.sites.length} ${result.sites.length === 1 ? 'site' : 'sites'}, ${totals.operations === undefined ? 'operations unknown' : `${formatCount(totals.operations)} operations × sites`}`,
    `  wall ${formatSeconds(result.wallSeconds)}; ${result.report ? formatStagesLine(result.report) : 'no build report'}`,
    `  ${formatMemoryLine(result)}`,
    `  largest page: ${totals.largestPage ? `${formatBytes(totals.largestPage.bytes)}, ${totals.largestPage.file}` : 'none'}`,
    '',
    formatSiteTable(result),
  ];
  return lines.join('\n');
}

/** One row per set, in the form of README's Performance table. */
export function formatSummaryTable(results: readonly BenchResult[]): string {
  const header = ['set', 'sites', 'operations × sites', 'wall', 'peak memory (tree PSS)', 'largest process', 'pages', 'output', 'median page', 'largest page', 'Pagefind'];
  const rows = results.map((result) => {
    const name = `${getSetName(result.set)}, ${result.scope}`;
    if (result.exitCode !== 0) return [name, '–', '–', `failed (exit ${result.exitCode}) after ${formatSeconds(result.wallSeconds)}`, ...header.slice(4).map(() => '–')];
    const totals = getSetTotals(result.sites);
    const largest = result.timeMaxRssBytes ?? result.memory?.largestProcessRssBytes;
    return [
      name,
      String(result.sites.length),
      totals.operations === undefined ? '–' : formatCount(totals.operations),
      formatSeconds(result.wallSeconds),
      result.memory?.pssBytes === undefined ? '–' : formatMemory(result.memory.pssBytes),
      largest === undefined ? '–' : formatMemory(largest),
      formatCount(totals.pages),
      formatBytes(totals.bytes),
      formatBytes(totals.medianPage),
      totals.largestPage ? formatBytes(totals.largestPage.bytes) : '–',
      formatBytes(totals.pagefindBytes),
    ];
  });
  return toMarkdownTable(header, rows);
}

/** Per kind of set with two sizes or more: how wall time and output bytes grow with operations × sites. */
export function formatSlopes(results: readonly BenchResult[]): string[] {
  const lines: string[] = [];
  for (const kind of ['sample', 'mixed'] as const satisfies readonly BenchKind[]) {
    const measured = results
      .filter((r) => r.set.kind === kind && r.exitCode === 0)
      .map((r) => ({ result: r, totals: getSetTotals(r.sites) }))
      .filter(({ totals }) => totals.operations !== undefined && totals.operations > 0);
    const wall = getLogLogSlope(measured.map(({ result, totals }) => ({ x: totals.operations!, y: result.wallSeconds })));
    const bytes = getLogLogSlope(measured.map(({ totals }) => ({ x: totals.operations!, y: totals.bytes })));
    if (wall === undefined || bytes === undefined) continue;
    const names = measured.map(({ result }) => getSetName(result.set)).join(', ');
    lines.push(`  ${kind} (${names}): wall time ${wall.toFixed(2)}, output bytes ${bytes.toFixed(2)}`);
  }
  if (lines.length === 0) return [];
  return [`log-log slope against x = ${X_DESCRIPTION}; 1 is linear, 2 quadratic:`, ...lines];
}
