// npm run dev -- [--specs DIR] [--config FILE] [--audience A] [--partner ID] [--port N]
// Live preview of one audience's site (internal by default): edits under specs/ are linted, rebuilt
// into the site data and shown in the browser. While the specs have errors, the browser shows them
// (the dev server serves an error page instead of the last good site) and the terminal prints them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { watch } from 'chokidar';
import { getTargetName, type BuildTarget } from '../src/core/audience.ts';
import { loadCatalog } from '../src/load/catalog-load.ts';
import { parseDevArgs, UsageError } from '../src/cli/cli-args.ts';
import { EXIT_USAGE } from '../src/cli/commands.ts';
import { hasErrors, toReportedDiagnostics, toStylish } from '../src/core/diagnostics.ts';
import { ConfigError, getConfigPath, loadLintConfig } from '../src/lint/lint-config.ts';
import { DEV_ERROR_FILE } from '../src/site/dev-error-page.ts';
import { prepareSiteData, runAstro } from '../src/site/site-build.ts';
import { loadBranding } from '../src/site/branding-config.ts';
import { getBrandedSiteTitle, writeSiteBranding } from '../src/site/site-branding.ts';

const REBUILD_DELAY_MS = 250;

/** Reads each spec once per refresh for the code frames the error page shows. */
function readSources(): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, fs.readFileSync(file, 'utf8'));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}

try {
  const options = parseDevArgs(process.argv.slice(2));
  if (!fs.existsSync(options.specsDir) || !fs.statSync(options.specsDir).isDirectory()) {
    throw new UsageError(`${options.specsDir}: no such folder; pass the folder that holds your specs with --specs DIR.`);
  }
  const target: BuildTarget = { audience: options.audience ?? 'internal', partner: options.partner };
  const config = await loadLintConfig(getConfigPath(options.specsDir, options.configPath));
  // The title is fixed when the server starts; the logo, colour and footer follow each save.
  const title = `${getBrandedSiteTitle(loadBranding(options.specsDir), target)} (dev)`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-dev-'));
  const dataDir = path.join(work, 'data');
  const errorFile = path.join(dataDir, DEV_ERROR_FILE);

  /** Shows `problems` in the browser (and the terminal) until the next good refresh. */
  function showProblems(problems: string): void {
    process.stderr.write(`${problems}Not updated: fix the errors above; the browser shows them until then.\n`);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(errorFile, problems);
  }

  async function refresh(): Promise<boolean> {
    const { apis, diagnostics, rootCount } = await loadCatalog(options.specsDir, config, undefined, options.limits);
    const { reported, hiddenWarnings } = toReportedDiagnostics(diagnostics, options.quiet);
    if (hasErrors(diagnostics)) {
      showProblems(toStylish(reported, rootCount, process.cwd(), { getSource: readSources(), maxProblems: options.maxProblems, hiddenWarnings }));
      return false;
    }
    if (reported.length) process.stderr.write(toStylish(reported, rootCount, process.cwd(), { maxProblems: options.maxProblems, hiddenWarnings }));
    // Branding first: writing the routes (in prepareSiteData) is what reloads the browser.
    writeSiteBranding(dataDir, loadBranding(options.specsDir));
    const counts = prepareSiteData(apis, target, dataDir);
    // After the new data, so the reload this triggers finds the site ready.
    fs.rmSync(errorFile, { force: true });
    process.stdout.write(`portolan: ${getTargetName(target)} site data ready (${counts.apis} APIs, ${counts.pages} pages)\n`);
    return true;
  }

  async function refreshOrShow(): Promise<void> {
    try {
      await refresh();
    } catch (error) {
      // A refresh that throws (an unreadable file, a broken config) is shown like a spec problem.
      showProblems(`${error instanceof UsageError || error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`);
    }
  }

  prepareSiteData([], target, dataDir);
  await refreshOrShow();
  let timer: NodeJS.Timeout | undefined;
  // chokidar, not fs.watch: editors that save by writing a new file and renaming it over the old one
  // (vim, sed -i, most IDEs) leave Node's recursive fs.watch on Linux watching the deleted file.
  watch(options.specsDir, { ignoreInitial: true, ignored: (file) => /(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(file) }).on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refreshOrShow(), REBUILD_DELAY_MS);
  });
  // --ignore-lock: Astro 7 allows one dev server per project otherwise, and each dev run here has its
  // own data folder, so two (say, internal and open) side by side are fine.
  const astroArgs = ['--ignore-lock', ...(options.port ? ['--port', String(options.port)] : [])];
  const result = await runAstro('dev', { dataDir, outDir: path.join(work, 'out'), cacheDir: path.join(work, 'cache'), title }, astroArgs, true);
  process.exit(result.code);
} catch (error) {
  if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = EXIT_USAGE;
}
