// The render stage: for each build target, select what that audience may see, write the site's data
// folder, and run Astro on it. Sites are built into temporary folders and swapped in only when every
// one of them succeeded, so a failed build leaves the previous output untouched.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { ApiRecord } from '../load/api.ts';
import { getTargetLabel, getTargetName, type BuildTarget } from '../core/audience.ts';
import { getLeakReference, isApiVisible, toApiView, type DocumentFilter } from '../audience/audience-views.ts';
import { toChangelog, type ApiHistory } from '../history/changelog.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { getChromeTexts, scanSite, selectMarkers, toLeakDiagnostics, withSlugForms } from '../audience/leak-check.ts';
import { getSpecFileName, toApiPages } from '../model/pages.ts';
import type { CatalogEntry } from '../model/site-model.ts';
import { createSiteDataWriter } from './site-data.ts';
import { NO_BRANDING, type Branding } from './branding-config.ts';
import { getBrandedSiteTitle, writeSiteBranding } from './site-branding.ts';
import { CACHE_DIR_ENV, OUT_DIR_ENV, SITE_DATA_ENV, SITE_TITLE_ENV } from '../core/site-settings.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO_CLI = path.join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
export const DEFAULT_SITE_TITLE = 'Portolan';

export class SiteBuildError extends Error {}

/** The leak check found content of a narrower audience in a site: exit 1, nothing swapped in. */
export class LeakError extends Error {
  readonly diagnostics: Diagnostic[];
  /** Further hits not listed. */
  readonly omitted: number;

  constructor(report: { diagnostics: Diagnostic[]; omitted: number }) {
    super('leak check failed');
    this.diagnostics = report.diagnostics;
    this.omitted = report.omitted;
  }
}

export interface PreparedSite {
  pages: number;
  apis: number;
}

/**
 * Writes everything one site shows into `dataDir`: each visible API filtered for the site's
 * audience, as page records, its catalog entry and its downloadable description.
 */
export function prepareSiteData(apis: readonly ApiRecord[], target: BuildTarget, dataDir: string, filter?: DocumentFilter, histories?: ReadonlyMap<string, ApiHistory>): PreparedSite {
  const writer = createSiteDataWriter(dataDir);
  const visible = apis.filter((api) => isApiVisible(api, target)).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  const catalog: CatalogEntry[] = [];
  let pageCount = 1;
  for (const api of visible) {
    const view = toApiView(api, target, filter);
    const history = histories?.get(api.id);
    const { entry, pages } = toApiPages(view, target, history ? toChangelog(history, target) : undefined);
    catalog.push(entry);
    for (const { slug, page } of pages) writer.addPage(slug, page);
    pageCount += pages.length;
    const fileName = getSpecFileName(api);
    writer.addPublicFile(`specs/${fileName}`, fileName.endsWith('.json') ? JSON.stringify(view.document, null, 2) + '\n' : YAML.stringify(view.document, { aliasDuplicateObjects: false }));
  }
  writer.finish({ title: DEFAULT_SITE_TITLE, audience: target.audience, partner: target.partner ?? null, label: getTargetLabel(target) }, catalog);
  return { pages: pageCount, apis: visible.length };
}

/** Source folders whose words make up every site's chrome: Portolan's templates and Starlight's. */
const CHROME_SOURCE_DIRS = [
  path.join(PROJECT_ROOT, 'src', 'components'),
  path.join(PROJECT_ROOT, 'src', 'pages'),
  path.join(PROJECT_ROOT, 'node_modules', '@astrojs', 'starlight'),
];
const CHROME_SOURCE_EXTENSIONS = /\.(astro|ts|js|mjs|json|css)$/;
let chromeSources: string[] | undefined;

function listSourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSourceFiles(full);
    return CHROME_SOURCE_EXTENSIONS.test(entry.name) ? [full] : [];
  });
}

function getChromeSourceFiles(): string[] {
  chromeSources ??= CHROME_SOURCE_DIRS.flatMap((dir) => listSourceFiles(dir));
  return chromeSources;
}

/** Runs the leak check on a built site; returns its problems (none when the site is clean). */
export function checkSiteForLeaks(apis: readonly ApiRecord[], target: BuildTarget, siteDir: string): { diagnostics: Diagnostic[]; omitted: number } {
  const reference = getLeakReference(apis, target);
  const candidates = withSlugForms(reference.candidates);
  if (candidates.length === 0) return { diagnostics: [], omitted: 0 };
  const visibleTexts = [...reference.visibleTexts, getTargetLabel(target)];
  // Portolan's and Starlight's templates are chrome too: their words are not spec content.
  const templates = getChromeSourceFiles();
  // The catalog's field names ("partners", "lifecycle") are Portolan's words, not any spec's.
  const catalogFields = 'id title summary version audience partners owner lifecycle tags operations docs spec';
  const markers = selectMarkers(candidates, visibleTexts, [...getChromeTexts(siteDir, templates), catalogFields]);
  return toLeakDiagnostics(scanSite(siteDir, markers), getTargetName(target));
}

export interface AstroRun {
  dataDir: string;
  outDir: string;
  cacheDir: string;
  title: string;
}

/**
 * Variables a parent process may have set that Astro would read as its own mode: test runners set
 * DEV/PROD/MODE, which would turn the child into a development build without search.
 */
const INHERITED_MODE_VARIABLES = /^(DEV|PROD|SSR|MODE|BASE_URL|TEST|VITEST.*|VITE_.*)$/;

export function getAstroEnv(run: AstroRun, command: AstroCommand): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !INHERITED_MODE_VARIABLES.test(key)));
  return {
    ...inherited,
    // Inherited NODE_ENV=test (from a test runner) would make Starlight build a site without search.
    NODE_ENV: command === 'dev' ? 'development' : 'production',
    ASTRO_TELEMETRY_DISABLED: '1',
    [SITE_DATA_ENV]: run.dataDir,
    [OUT_DIR_ENV]: run.outDir,
    [CACHE_DIR_ENV]: run.cacheDir,
    [SITE_TITLE_ENV]: run.title,
  };
}

/** Runs `astro build` in a child process: each site gets a fresh Astro with nothing carried over. */
export type AstroCommand = 'build' | 'dev' | 'preview';

export function runAstro(command: AstroCommand, run: AstroRun, extraArgs: string[] = [], inherit = false): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_CLI, command, '--root', PROJECT_ROOT, ...extraArgs], {
      cwd: PROJECT_ROOT,
      env: getAstroEnv(run, command),
      stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

export interface SiteBuildPlan {
  target: BuildTarget;
  outDir: string;
}

export interface SiteBuildReport {
  target: BuildTarget;
  outDir: string;
  apis: number;
  pages: number;
  seconds: number;
}

/** Replaces `finalDir` with `builtDir` in two renames, so readers never see a half-written site. */
function swapIn(builtDir: string, finalDir: string): void {
  fs.mkdirSync(path.dirname(finalDir), { recursive: true });
  const oldDir = `${finalDir}.old-${process.pid}`;
  if (fs.existsSync(finalDir)) fs.renameSync(finalDir, oldDir);
  fs.renameSync(builtDir, finalDir);
  fs.rmSync(oldDir, { recursive: true, force: true });
}

export interface BuildSitesOptions {
  /** Replaces the audience filter; only tests use it, to prove the leak check catches a broken one. */
  filter?: DocumentFilter;
  /** Each API's history, for changelogs; absent outside a git checkout. */
  histories?: ReadonlyMap<string, ApiHistory>;
  /** The portal's titles, logo, accent colour and footer link (specs/portolan.yaml). */
  branding?: Branding;
}

export async function buildSites(
  apis: readonly ApiRecord[],
  plans: readonly SiteBuildPlan[],
  log: (line: string) => void,
  options: BuildSitesOptions = {},
): Promise<SiteBuildReport[]> {
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-'));
  const staged: { built: string; plan: SiteBuildPlan }[] = [];
  const reports: SiteBuildReport[] = [];
  try {
    for (const plan of plans) {
      const started = performance.now();
      const name = getTargetName(plan.target);
      const dataDir = path.join(workRoot, name, 'data');
      const cacheDir = path.join(workRoot, name, 'cache');
      // Built next to the final folder, so the swap is a rename on one file system.
      fs.mkdirSync(path.dirname(plan.outDir), { recursive: true });
      const built = fs.mkdtempSync(path.join(path.dirname(plan.outDir), `.${path.basename(plan.outDir)}.building-`));
      staged.push({ built, plan });
      const prepared = prepareSiteData(apis, plan.target, dataDir, options.filter, options.histories);
      writeSiteBranding(dataDir, options.branding ?? NO_BRANDING);
      const result = await runAstro('build', { dataDir, outDir: built, cacheDir, title: getBrandedSiteTitle(options.branding ?? NO_BRANDING, plan.target) });
      if (result.code !== 0) {
        throw new SiteBuildError(`Astro failed to build the ${name} site (exit ${result.code}):\n${result.output.trim().split('\n').slice(-40).join('\n')}`);
      }
      const checkStarted = performance.now();
      const leaks = checkSiteForLeaks(apis, plan.target, built);
      if (leaks.diagnostics.length) throw new LeakError(leaks);
      const seconds = (performance.now() - started) / 1000;
      reports.push({ target: plan.target, outDir: plan.outDir, apis: prepared.apis, pages: prepared.pages, seconds });
      log(`built ${name}: ${prepared.apis} APIs, ${prepared.pages} pages in ${seconds.toFixed(1)} s (leak check ${((performance.now() - checkStarted) / 1000).toFixed(1)} s)`);
    }
    for (const { built, plan } of staged) swapIn(built, plan.outDir);
    staged.length = 0;
    return reports;
  } finally {
    for (const { built } of staged) fs.rmSync(built, { recursive: true, force: true });
    fs.rmSync(workRoot, { recursive: true, force: true });
  }
}
