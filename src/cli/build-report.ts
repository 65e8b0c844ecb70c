// The build's JSON report (`npm run build -- --report FILE`): how long each stage and each site took, so
// `npm run bench` and CI logs read the build's own timings instead of guessing them from its output.
// Readers ignore fields they do not know, so either side may grow without a new version; a site's
// `stages` ({name: seconds}) and `rendered` / `reused` page counts are optional to readers.
import fs from 'node:fs';
import path from 'node:path';
import { getTargetName } from '../core/audience.ts';
import type { SiteBuildReport } from '../site/site-build.ts';

export const BUILD_REPORT_VERSION = 1;

export interface StageTime {
  name: string;
  seconds: number;
}

export interface SiteReport {
  /** The site's folder name: internal, open, partner, partner-<id>. */
  name: string;
  outDir: string;
  apis: number;
  /** Page records the site was rendered from. */
  pages: number;
  seconds: number;
  /** Seconds per stage of this site's build. */
  stages?: Record<string, number>;
  /** Pages rendered for this site, and pages taken from the cache or from another site. */
  rendered?: number;
  reused?: number;
}

export interface BuildReport {
  version: typeof BUILD_REPORT_VERSION;
  /** Stages of the whole build: load, history, render. */
  stages: StageTime[];
  sites: SiteReport[];
  /** The whole build, from reading the config to the last site swapped in. */
  seconds: number;
}

export function toBuildReport(stages: readonly StageTime[], sites: readonly SiteBuildReport[], seconds: number): BuildReport {
  return {
    version: BUILD_REPORT_VERSION,
    stages: [...stages],
    sites: sites.map((site) => ({
      name: getTargetName(site.target),
      outDir: site.outDir,
      apis: site.apis,
      pages: site.pages,
      seconds: site.seconds,
      stages: site.stages,
      rendered: site.rendered,
      reused: site.reused,
    })),
    seconds,
  };
}

export function writeBuildReport(file: string, report: BuildReport): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
}

export class BuildReportError extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSeconds = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function toStageTime(value: unknown, where: string): StageTime {
  if (!isRecord(value) || typeof value.name !== 'string' || !isSeconds(value.seconds)) throw new BuildReportError(`${where}: a stage needs a name and seconds`);
  return { name: value.name, seconds: value.seconds };
}

function toSiteStages(value: unknown, where: string): Record<string, number> {
  if (!isRecord(value) || !Object.values(value).every(isSeconds)) throw new BuildReportError(`${where}: stages must map names to seconds`);
  return value as Record<string, number>;
}

function toSiteReport(value: unknown, where: string): SiteReport {
  if (!isRecord(value) || typeof value.name !== 'string') throw new BuildReportError(`${where}: a site needs a name`);
  const { name, outDir, apis, pages, seconds, stages, rendered, reused } = value;
  if (!isCount(apis) || !isCount(pages) || !isSeconds(seconds)) throw new BuildReportError(`${where} (${name}): apis, pages and seconds must be numbers`);
  for (const [field, count] of [['rendered', rendered], ['reused', reused]] as const) {
    if (count !== undefined && !isCount(count)) throw new BuildReportError(`${where} (${name}): ${field} must be a page count`);
  }
  return {
    name,
    outDir: typeof outDir === 'string' ? outDir : '',
    apis,
    pages,
    seconds,
    ...(stages !== undefined ? { stages: toSiteStages(stages, `${where} (${name})`) } : {}),
    ...(rendered !== undefined ? { rendered: rendered as number } : {}),
    ...(reused !== undefined ? { reused: reused as number } : {}),
  };
}

/** Reads a report written by `--report`; throws BuildReportError naming what is wrong. */
export function readBuildReport(text: string): BuildReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BuildReportError(`not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(value)) throw new BuildReportError('not a build report');
  if (value.version !== BUILD_REPORT_VERSION) throw new BuildReportError(`version ${String(value.version)} is not ${BUILD_REPORT_VERSION}`);
  if (!Array.isArray(value.stages) || !Array.isArray(value.sites) || !isSeconds(value.seconds)) throw new BuildReportError('a report needs stages, sites and seconds');
  return {
    version: BUILD_REPORT_VERSION,
    stages: value.stages.map((stage, i) => toStageTime(stage, `stages[${i}]`)),
    sites: value.sites.map((site, i) => toSiteReport(site, `sites[${i}]`)),
    seconds: value.seconds,
  };
}
