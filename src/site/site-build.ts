// The render stage: for each build target, select what that audience may see, write the site's data
// folder, and run Astro on it. Sites are built in a staging folder beside the output (never inside it,
// so deploying the output folder can never publish a half-built or narrower site) and swapped in only
// when every one of them passed the leak check; a failed build leaves the previous output untouched.
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
import { readAsText, scanSite, toLeakDiagnostics, withSlugForms } from '../audience/leak-check.ts';
import { createScopeOf } from './leak-scopes.ts';
import { getPageModelVocabulary } from './page-vocabulary.ts';
import { isProcessRunning, prepareStaging, setPublicModes, swapIn, type Staging } from './staging.ts';
import { getSpecFileName, toApiPages } from '../model/pages.ts';
import type { CatalogEntry } from '../model/site-model.ts';
import { createSiteDataWriter } from './site-data.ts';
import { createSiteDataPreparer } from './budgeted-site-data.ts';
import type { SpecBudget, StageReporter } from '../core/budget.ts';
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
export function prepareSiteData(apis: readonly ApiRecord[], target: BuildTarget, dataDir: string, filter?: DocumentFilter, histories?: ReadonlyMap<string, ApiHistory>, onStage?: StageReporter): PreparedSite {
  const writer = createSiteDataWriter(dataDir);
  const visible = apis.filter((api) => isApiVisible(api, target)).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  const catalog: CatalogEntry[] = [];
  let pageCount = 1;
  for (const api of visible) {
    onStage?.(api.file, 'filter');
    const view = toApiView(api, target, filter);
    onStage?.(api.file, 'page model');
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

/** The site's own chrome: its 404 page shows no spec content, only Starlight's and Portolan's words. */
const CHROME_PAGE = '404.html';

/** Phrases Portolan writes itself on `target`'s site: the page model's vocabulary, the title and label. */
function getPortolanPhrases(target: BuildTarget): string[] {
  return [...getPageModelVocabulary(target), DEFAULT_SITE_TITLE, getTargetLabel(target), getSiteTitle(target)];
}

function getSiteTitle(target: BuildTarget): string {
  return `${DEFAULT_SITE_TITLE} · ${getTargetLabel(target)}`;
}

export interface LeakCheckSite {
  /** Where the site was built. */
  siteDir: string;
  /** The data folder it was rendered from. */
  dataDir: string;
  /** Where it will be published: leak messages name files there. */
  publicDir: string;
}

/**
 * Runs the leak check on a built site; returns its problems (none when the site is clean). What the
 * site may not show, and what each API may show, come from the leak check's own reading of the
 * markers; the chrome is the site's 404 page and Portolan's own phrases, and a page is judged by the
 * data it was rendered from (see leak-scopes.ts).
 */
export function checkSiteForLeaks(apis: readonly ApiRecord[], target: BuildTarget, site: LeakCheckSite): { diagnostics: Diagnostic[]; omitted: number } {
  const reference = getLeakReference(apis, target);
  const markers = withSlugForms(reference.candidates);
  if (markers.length === 0) return { diagnostics: [], omitted: 0 };
  const phrases = getPortolanPhrases(target);
  const chromePage = path.join(site.siteDir, CHROME_PAGE);
  const chromeTexts = [...phrases, ...(fs.existsSync(chromePage) ? [readAsText(chromePage)] : [])];
  const specFiles = new Map(apis.map((api) => [getSpecFileName(api), api.id]));
  const scopeOf = createScopeOf({ dataDir: site.dataDir, specFiles, phrases });
  const findings = scanSite(site.siteDir, { markers, visibleTexts: reference.visibleTexts, chromeTexts }, scopeOf);
  return toLeakDiagnostics(findings, getTargetName(target), site.publicDir);
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

/**
 * A private working folder for one Astro build. When the output is outside the working folder, Astro
 * keeps its prerendered chunks in `<cwd>/.astro/.prerender` and deletes that folder when it finishes,
 * so builds started side by side from the project folder (tests, two sites) would delete each other's
 * chunks. The folder stays inside the project, where the chunks resolve the project's packages.
 */
function createAstroCwd(): string {
  const runs = path.join(PROJECT_ROOT, '.astro', 'runs');
  fs.mkdirSync(runs, { recursive: true });
  // Folders of builds that were killed: their process is gone.
  for (const entry of fs.readdirSync(runs)) {
    const pid = /^build-(\d+)-/.exec(entry)?.[1];
    if (pid && !isProcessRunning(Number(pid))) fs.rmSync(path.join(runs, entry), { recursive: true, force: true });
  }
  return fs.mkdtempSync(path.join(runs, `build-${process.pid}-`));
}

/** Runs `astro build` in a child process: each site gets a fresh Astro with nothing carried over. */
export type AstroCommand = 'build' | 'dev' | 'preview';

export function runAstro(command: AstroCommand, run: AstroRun, extraArgs: string[] = [], inherit = false): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const cwd = command === 'build' ? createAstroCwd() : PROJECT_ROOT;
    const removeCwd = () => cwd !== PROJECT_ROOT && fs.rmSync(cwd, { recursive: true, force: true });
    const child = spawn(process.execPath, [ASTRO_CLI, command, '--root', PROJECT_ROOT, ...extraArgs], {
      cwd,
      env: getAstroEnv(run, command),
      stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => {
      removeCwd();
      reject(error);
    });
    child.on('close', (code) => {
      removeCwd();
      resolve({ code: code ?? 1, output });
    });
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

export interface BuildSitesOptions {
  /** Replaces the audience filter; only tests use it, to prove the leak check catches a broken one. */
  filter?: DocumentFilter;
  /** Each API's history, for changelogs; absent outside a git checkout. */
  histories?: ReadonlyMap<string, ApiHistory>;
  /** The portal's titles, logo, accent colour and footer link (specs/portolan.yaml). */
  branding?: Branding;
  /** Per-spec budget of the filter and page model; an injected filter runs unbudgeted, in this thread. */
  budget?: SpecBudget;
}

export async function buildSites(
  apis: readonly ApiRecord[],
  plans: readonly SiteBuildPlan[],
  log: (line: string) => void,
  options: BuildSitesOptions = {},
): Promise<SiteBuildReport[]> {
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-'));
  // Removes what killed builds left behind before anything new is staged.
  const staging: Staging = prepareStaging(plans.map((plan) => plan.outDir));
  const built: { dir: string; plan: SiteBuildPlan }[] = [];
  const reports: SiteBuildReport[] = [];
  const preparer = options.filter ? undefined : createSiteDataPreparer(apis, options.histories, options.budget);
  try {
    for (const plan of plans) {
      const started = performance.now();
      const name = getTargetName(plan.target);
      const dataDir = path.join(workRoot, name, 'data');
      const cacheDir = path.join(workRoot, name, 'cache');
      const siteDir = staging.getSiteDir(name);
      const prepared = preparer ? await preparer.prepare(plan.target, dataDir) : prepareSiteData(apis, plan.target, dataDir, options.filter, options.histories);
      writeSiteBranding(dataDir, options.branding ?? NO_BRANDING);
      const result = await runAstro('build', { dataDir, outDir: siteDir, cacheDir, title: getBrandedSiteTitle(options.branding ?? NO_BRANDING, plan.target) });
      if (result.code !== 0) {
        throw new SiteBuildError(`Astro failed to build the ${name} site (exit ${result.code}):\n${result.output.trim().split('\n').slice(-40).join('\n')}`);
      }
      const checkStarted = performance.now();
      const leaks = checkSiteForLeaks(apis, plan.target, { siteDir, dataDir, publicDir: plan.outDir });
      const checkSeconds = (performance.now() - checkStarted) / 1000;
      if (leaks.diagnostics.length) throw new LeakError(leaks);
      setPublicModes(siteDir);
      built.push({ dir: siteDir, plan });
      const seconds = (performance.now() - started) / 1000;
      reports.push({ target: plan.target, outDir: plan.outDir, apis: prepared.apis, pages: prepared.pages, seconds });
      log(`built ${name}: ${prepared.apis} APIs, ${prepared.pages} pages in ${seconds.toFixed(1)} s (leak check ${checkSeconds.toFixed(1)} s)`);
    }
    for (const { dir, plan } of built) swapIn(dir, plan.outDir, staging);
    return reports;
  } finally {
    await preparer?.close();
    staging.remove();
    fs.rmSync(workRoot, { recursive: true, force: true });
  }
}
