// npm run preview -- [--audience A] [--partner ID] [--out DIR] [--port N]: serves a built site locally.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getTargetName } from '../src/core/audience.ts';
import { parsePreviewArgs, UsageError } from '../src/cli/cli-args.ts';
import { DEFAULT_OUT_DIR, EXIT_USAGE } from '../src/cli/commands.ts';
import { runAstro } from '../src/site/site-build.ts';

try {
  const options = parsePreviewArgs(process.argv.slice(2));
  const target = { audience: options.audience ?? 'internal', partner: options.partner };
  const outDir = options.outDir ?? path.resolve(DEFAULT_OUT_DIR, getTargetName(target));
  if (!fs.existsSync(path.join(outDir, 'index.html'))) {
    throw new UsageError(`${outDir} holds no built site: run 'npm run build' first (or pass --out DIR).`);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-preview-'));
  const result = await runAstro(
    'preview',
    { dataDir: scratch, outDir, cacheDir: path.join(scratch, 'cache'), title: 'Portolan' },
    options.port ? ['--port', String(options.port)] : [],
    true,
  );
  process.exitCode = result.code;
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = EXIT_USAGE;
}
