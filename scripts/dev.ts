// npm run dev -- [--specs DIR] [--config FILE] [--audience A] [--partner ID]
// Live preview of one audience's site (internal by default): edits under specs/ are linted, rebuilt
// into the site data and shown in the browser. Errors are printed and the last good site stays up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getTargetName, type BuildTarget } from '../src/core/audience.ts';
import { loadCatalog } from '../src/load/catalog-load.ts';
import { parseBuildArgs, UsageError } from '../src/cli/cli-args.ts';
import { EXIT_USAGE } from '../src/cli/commands.ts';
import { hasErrors, toStylish } from '../src/core/diagnostics.ts';
import { ConfigError, getConfigPath, loadLintConfig } from '../src/lint/lint-config.ts';
import { DEFAULT_SITE_TITLE, prepareSiteData, runAstro } from '../src/site/site-build.ts';

const REBUILD_DELAY_MS = 250;

try {
  const options = parseBuildArgs(process.argv.slice(2));
  const target: BuildTarget = { audience: options.audience ?? 'internal', partner: options.partner };
  const config = await loadLintConfig(getConfigPath(options.specsDir, options.configPath));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-dev-'));
  const dataDir = path.join(work, 'data');

  async function refresh(): Promise<boolean> {
    const { apis, diagnostics, rootCount } = await loadCatalog(options.specsDir, config, undefined, options.limits);
    if (diagnostics.length) process.stderr.write(toStylish(diagnostics, rootCount));
    if (hasErrors(diagnostics)) {
      process.stderr.write('Not updated: fix the errors above; the preview keeps the last good version.\n');
      return false;
    }
    const counts = prepareSiteData(apis, target, dataDir);
    process.stdout.write(`portolan: ${getTargetName(target)} site data ready (${counts.apis} APIs, ${counts.pages} pages)\n`);
    return true;
  }

  if (!(await refresh())) prepareSiteData([], target, dataDir);
  let timer: NodeJS.Timeout | undefined;
  fs.watch(options.specsDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch((error) => process.stderr.write(`${(error as Error).stack}\n`)), REBUILD_DELAY_MS);
  });
  const result = await runAstro('dev', { dataDir, outDir: path.join(work, 'out'), cacheDir: path.join(work, 'cache'), title: `${DEFAULT_SITE_TITLE} · dev` }, [], true);
  process.exit(result.code);
} catch (error) {
  if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = EXIT_USAGE;
}
