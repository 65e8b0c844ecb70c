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
import { createSiteDataWriter, PUBLIC_DIR_NAME } from './site-data.ts';
import { createSiteDataPreparer } from './budgeted-site-data.ts';
import type { SpecBudget, StageReporter } from '../core/budget.ts';
import { NO_BRANDING, type Branding } from './branding-config.ts';
import { BRANDING_DATA_FILE, getBrandedSiteTitle, writeSiteBranding } from './site-branding.ts';
import { CACHE_DIR_ENV, OUT_DIR_ENV, RENDERED_DIR_ENV, SITE_DATA_ENV, SITE_TITLE_ENV } from '../core/site-settings.ts';
import type { RouteEntry } from '../model/site-model.ts';
import { mergeRenderCaches, openRenderCache, toHash, type RenderCache } from './render-cache.ts';
import { createRenderPlanner, getFallbackRun, planRenderRuns, type PlannedPage, type RenderRun, type Shard, type SitePages } from './render-plan.ts';
import { createTaskQueue, runPool } from './task-queue.ts';
import { getRenderVersion } from './render-version.ts';
import { closeSearchIndexer, writeSearchIndex } from './search-index.ts';
import { fillSiteTitle, SITE_TITLE_SLOT } from './site-title-slot.ts';

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
  /** A render run's pages are moved here when Astro is done (site/rendered-output.ts). */
  renderedDir?: string;
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
    ...(run.renderedDir ? { [RENDERED_DIR_ENV]: run.renderedDir } : {}),
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
  /** Seconds per stage of this site: prepare, render (its runs), assemble, search, leak check. */
  stages: Record<string, number>;
  /** Pages this build rendered for the site, and pages it took from the cache or from another site. */
  rendered: number;
  reused: number;
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
  /** The render cache folder kept between builds; none: every page is rendered. */
  cacheDir?: string;
  /** The lint config, part of what the render cache is keyed by. */
  lintConfigPath?: string;
  /** Render only this shard's pages into the cache; no site is assembled. */
  shard?: Shard;
  /** Render caches written by shards, taken into this build's cache first. */
  mergeFrom?: readonly string[];
  /** Astro runs at once; defaults to the machine's cores. */
  workers?: number;
  /** Add an estimate of the time left to progress lines (on a terminal). */
  showEstimates?: boolean;
}

/** What `buildSites` did, for the report; sites are empty for a shard. */
export interface SitesBuildResult {
  sites: SiteBuildReport[];
  rendered: number;
  reused: number;
  runs: number;
  renderSeconds: number;
}

const NOT_FOUND_PAGE = '404.html';

function toSeconds(since: number): number {
  return (performance.now() - since) / 1000;
}

interface SiteInProgress {
  plan: SiteBuildPlan;
  name: string;
  dataDir: string;
  title: string;
  prepared: PreparedSite;
  pages: SitePages;
  stages: Record<string, number>;
  rendered: number;
}

function toSiteReport(site: SiteInProgress): SiteBuildReport {
  const pages = site.pages.pages.length + 1;
  const seconds = Object.values(site.stages).reduce((sum, value) => sum + value, 0);
  return { target: site.plan.target, outDir: site.plan.outDir, apis: site.prepared.apis, pages: site.prepared.pages, seconds, stages: site.stages, rendered: site.rendered, reused: pages - site.rendered };
}

/** Every page of a prepared site with its render key: the page's record, its URL and the renderer version. */
function getSitePages(name: string, dataDir: string, version: string): SitePages {
  const routes = JSON.parse(fs.readFileSync(path.join(dataDir, 'routes.json'), 'utf8')) as RouteEntry[];
  const pages = routes.map((route) => {
    const file = path.join(dataDir, route.file);
    return { key: toHash(version, route.slug, fs.readFileSync(file)), slug: route.slug, file };
  });
  const catalogKey = toHash(version, '', fs.readFileSync(path.join(dataDir, 'catalog.json')), fs.readFileSync(path.join(dataDir, 'site.json')));
  return { name, dataDir, catalog: { key: catalogKey, slug: '', file: path.join(dataDir, 'catalog.json') }, pages };
}

function getPageFile(siteDir: string, slug: string): string {
  return slug === '' ? path.join(siteDir, 'index.html') : path.join(siteDir, slug, 'index.html');
}

/** Site data files a render run reads besides its pages: the catalog page's data and the branding. */
const RUN_DATA_FILES = ['catalog.json', 'site.json', BRANDING_DATA_FILE];

async function renderRun(run: RenderRun, runDir: string, cache: RenderCache, notFoundKey: string, catalogKey: string): Promise<void> {
  const dataDir = path.join(runDir, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  for (const file of RUN_DATA_FILES) if (fs.existsSync(path.join(run.dataDir, file))) fs.copyFileSync(path.join(run.dataDir, file), path.join(dataDir, file));
  fs.writeFileSync(path.join(dataDir, 'routes.json'), JSON.stringify(run.pages.map((page) => ({ slug: page.slug, file: page.file }))));
  const renderedDir = path.join(runDir, 'rendered');
  const result = await runAstro('build', { dataDir, outDir: path.join(runDir, 'out'), cacheDir: path.join(runDir, 'cache'), title: SITE_TITLE_SLOT, renderedDir });
  if (result.code !== 0) {
    throw new SiteBuildError(`Astro failed to render pages of the ${run.site} site (exit ${result.code}):\n${result.output.trim().split('\n').slice(-40).join('\n')}`);
  }
  for (const page of run.pages) cache.write(page.key, fs.readFileSync(getPageFile(renderedDir, page.slug), 'utf8'));
  if (run.keepsCatalog) cache.write(catalogKey, fs.readFileSync(getPageFile(renderedDir, ''), 'utf8'));
  if (!cache.has(notFoundKey)) cache.write(notFoundKey, fs.readFileSync(path.join(renderedDir, NOT_FOUND_PAGE), 'utf8'));
  cache.addAssets(renderedDir);
  fs.rmSync(runDir, { recursive: true, force: true });
}

/**
 * Writes one site from the cache: its public files (downloads, catalog.json), the runtime files, and
 * every page with the site's title filled in. Returns the pages the cache could not give back intact.
 */
function assembleSite(site: SiteInProgress, siteDir: string, cache: RenderCache, notFoundKey: string, only?: ReadonlySet<string>): PlannedPage[] {
  if (!only) {
    fs.cpSync(path.join(site.dataDir, PUBLIC_DIR_NAME), siteDir, { recursive: true });
    cache.copyAssets(siteDir);
  }
  const missing: PlannedPage[] = [];
  const pages = [site.pages.catalog, ...site.pages.pages, { key: notFoundKey, slug: NOT_FOUND_PAGE, file: '' }];
  for (const page of pages) {
    if (only && !only.has(page.key)) continue;
    const html = cache.read(page.key);
    if (html === undefined) {
      missing.push(page);
      continue;
    }
    const file = page.slug === NOT_FOUND_PAGE ? path.join(siteDir, NOT_FOUND_PAGE) : getPageFile(siteDir, page.slug);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, fillSiteTitle(html, site.title));
  }
  return missing;
}

export async function buildSites(
  apis: readonly ApiRecord[],
  plans: readonly SiteBuildPlan[],
  log: (line: string) => void,
  options: BuildSitesOptions = {},
): Promise<SitesBuildResult> {
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-'));
  // Removes what killed builds left behind before anything new is staged; a shard stages nothing.
  const staging: Staging | undefined = options.shard ? undefined : prepareStaging(plans.map((plan) => plan.outDir));
  const branding = options.branding ?? NO_BRANDING;
  const version = getRenderVersion({ projectRoot: PROJECT_ROOT, branding: { ...branding, titles: undefined }, logoFile: branding.logoFile, lintConfigPath: options.lintConfigPath });
  // Without a cache kept between builds, one in the work folder still lets sites share what they show.
  const cache = openRenderCache(options.cacheDir ?? path.join(workRoot, 'render-cache'), version, log, path.join(workRoot, 'render-cache'));
  const workers = Math.max(1, options.workers ?? os.availableParallelism());
  const preparer = options.filter ? undefined : createSiteDataPreparer(apis, options.histories, options.budget);
  const notFoundKey = toHash(version, NOT_FOUND_PAGE);
  try {
    if (options.mergeFrom?.length) {
      const started = performance.now();
      const merged = mergeRenderCaches(cache, options.mergeFrom, version);
      log(`merged ${merged} pages from ${options.mergeFrom.length} shard${options.mergeFrom.length === 1 ? '' : 's'} in ${toSeconds(started).toFixed(1)} s`);
    }
    // Sites are prepared one after another (in the budgeted worker); each site's render runs start as
    // soon as it is planned, on the cores the worker leaves free.
    const sites: SiteInProgress[] = [];
    const planner = createRenderPlanner((key) => cache.has(key), { workers, shard: options.shard });
    const renders = createTaskQueue(workers);
    const renderStarted = performance.now();
    let toRender = 0;
    let finished = 0;
    let runCount = 0;
    const addRun = (run: RenderRun, site: SiteInProgress): void => {
      const index = runCount++;
      toRender += run.pages.length;
      renders.add(async () => {
        const started = performance.now();
        await renderRun(run, path.join(workRoot, 'runs', String(index)), cache, notFoundKey, site.pages.catalog.key);
        site.rendered += run.pages.length + (run.keepsCatalog ? 1 : 0);
        site.stages.render = (site.stages.render ?? 0) + toSeconds(started);
        finished += run.pages.length;
        const elapsed = toSeconds(renderStarted);
        // On a terminal, a guess at what is left, from the pace so far; CI logs keep the plain line.
        const left = options.showEstimates && finished > 0 && finished < toRender ? `, about ${Math.ceil((elapsed / finished) * (toRender - finished))} s left` : '';
        log(`  rendered ${finished} of ${toRender} pages planned so far (${elapsed.toFixed(1)} s${left})`);
      });
    };
    try {
      for (const plan of plans) {
        const started = performance.now();
        const name = getTargetName(plan.target);
        const dataDir = path.join(workRoot, name, 'data');
        const prepared = preparer ? await preparer.prepare(plan.target, dataDir) : prepareSiteData(apis, plan.target, dataDir, options.filter, options.histories);
        writeSiteBranding(dataDir, branding);
        const pages = getSitePages(name, dataDir, version);
        const seconds = toSeconds(started);
        const site: SiteInProgress = { plan, name, dataDir, title: getBrandedSiteTitle(branding, plan.target), prepared, pages, stages: { prepare: seconds }, rendered: 0 };
        sites.push(site);
        const runs = planner.plan(pages);
        log(`prepared ${name}: ${prepared.apis} APIs, ${prepared.pages} pages in ${seconds.toFixed(1)} s; ${runs.reduce((sum, run) => sum + run.pages.length, 0)} to render`);
        for (const run of runs) addRun(run, site);
      }
      // The runtime files (scripts, styles, the 404 page) come out of any run.
      if (runCount === 0 && sites[0] && (!cache.hasAssets() || !cache.has(notFoundKey))) addRun(getFallbackRun(sites[0].pages), sites[0]);
    } finally {
      // Runs already started finish before anything else happens, even when preparing failed.
      await renders.done();
    }
    const total = sites.reduce((sum, site) => sum + site.pages.pages.length + 1, 0);
    const renderSeconds = toSeconds(renderStarted);
    log(`rendered ${toRender} of ${total} pages in ${runCount} run${runCount === 1 ? '' : 's'} on ${Math.min(workers, Math.max(1, runCount))} core${workers === 1 ? '' : 's'} in ${renderSeconds.toFixed(1)} s${options.shard ? ` (shard ${options.shard.index}/${options.shard.count})` : ''}`);
    cache.save();
    const result: SitesBuildResult = { sites: [], rendered: toRender, reused: total - toRender, runs: runCount, renderSeconds };
    if (options.shard) return result;

    // Two sites at a time: while Pagefind (its own process) indexes one, this thread assembles or
    // leak-checks the other.
    const built: { dir: string; plan: SiteBuildPlan }[] = [];
    await runPool(sites, Math.min(2, workers), async (site) => {
      const started = performance.now();
      const siteDir = staging!.getSiteDir(site.name);
      let missing = assembleSite(site, siteDir, cache, notFoundKey);
      if (missing.length) {
        // Entries that failed their check: render them again for this site, then write just those.
        log(`render cache: ${missing.length} entries of the ${site.name} site failed their check; rendering them again`);
        const again = planRenderRuns([{ ...site.pages, pages: missing.filter((page) => page.file !== '' && page.slug !== '') }], () => false, { workers, needsAnyRun: true });
        await runPool(again, workers, (run, index) => renderRun({ ...run, keepsCatalog: true }, path.join(workRoot, 'again', site.name, String(index)), cache, notFoundKey, site.pages.catalog.key));
        missing = assembleSite(site, siteDir, cache, notFoundKey, new Set(missing.map((page) => page.key)));
        if (missing.length) throw new SiteBuildError(`the ${site.name} site could not be assembled: ${missing.length} pages could not be rendered`);
      }
      site.stages.assemble = toSeconds(started);
      const searchStarted = performance.now();
      await writeSearchIndex(siteDir);
      site.stages.search = toSeconds(searchStarted);
      const checkStarted = performance.now();
      const leaks = checkSiteForLeaks(apis, site.plan.target, { siteDir, dataDir: site.dataDir, publicDir: site.plan.outDir });
      site.stages['leak check'] = toSeconds(checkStarted);
      if (leaks.diagnostics.length) throw new LeakError(leaks);
      setPublicModes(siteDir);
      built.push({ dir: siteDir, plan: site.plan });
      const report = toSiteReport(site);
      const stageText = Object.entries(report.stages).map(([stage, value]) => `${stage} ${value.toFixed(1)} s`).join(', ');
      log(`built ${site.name}: ${report.apis} APIs, ${report.pages} pages (${report.rendered} rendered, ${report.reused} reused) in ${report.seconds.toFixed(1)} s (${stageText})`);
    });
    // Reported in build order, whichever site finished first.
    result.sites.push(...sites.map(toSiteReport));
    for (const { dir, plan } of built) swapIn(dir, plan.outDir, staging!);
    return result;
  } finally {
    await preparer?.close();
    await closeSearchIndexer();
    staging?.remove();
    fs.rmSync(workRoot, { recursive: true, force: true });
  }
}
