// --quiet and --max-problems on the commands a team runs, and the summary that ends a long listing.
// The fixture has 12 problems: 5 errors and 5 warnings in orders.yaml, 2 warnings in stock.yaml.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_USAGE, LINT_USAGE } from '../../../src/cli/cli-args.ts';
import { runBuild, runLint } from '../../../src/cli/commands.ts';
import { capture } from '../../helpers/run.ts';

const SPECS = 'tests/fixtures/many-problems';
const out = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-listing-')), 'site');
const problemLines = (text: string) => text.split('\n').filter((line) => line.startsWith(`${SPECS}/`));

const TABLES = [
  'Problems by rule, worst first:',
  '  errors  warnings  rule',
  '       5         0  operation-operationId',
  '       0         7  operation-summary',
  '',
  'Problems by file, worst first:',
  '  errors  warnings  file',
  `       5         5  ${SPECS}/orders.yaml`,
  `       0         2  ${SPECS}/stock.yaml`,
  '',
];

describe('npm run build', () => {
  it('lists every problem under the cap, then the summary tables, and stops', async () => {
    const result = await capture(runBuild, ['--specs', SPECS, '--out', out()]);
    expect(result.code).toBe(1);
    expect(problemLines(result.stderr)).toHaveLength(12);
    expect(result.stderr.split('\n').slice(12)).toEqual([
      '',
      ...TABLES,
      '5 errors, 7 warnings in 2 APIs',
      'Build stopped: fix the errors above (earlier output in the out folder is untouched).',
      '',
    ]);
  });

  it('with --max-problems 3 lists three problems, errors first, and counts the rest', async () => {
    const result = await capture(runBuild, ['--specs', SPECS, '--out', out(), '--max-problems', '3']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        `${SPECS}/orders.yaml:8:5  error  operation-operationId  Operation object should contain \`operationId\` field.`,
        `${SPECS}/orders.yaml:12:5  error  operation-operationId  Operation object should contain \`operationId\` field.`,
        `${SPECS}/orders.yaml:16:5  error  operation-operationId  Operation object should contain \`operationId\` field.`,
        '…and 9 more problems (2 errors, 7 warnings), not listed: --max-problems 3.',
        '',
        ...TABLES,
        '5 errors, 7 warnings in 2 APIs',
        'Build stopped: fix the errors above (earlier output in the out folder is untouched).',
        '',
      ].join('\n'),
    );
  });

  it('with --quiet lists the errors only and says how many warnings it left out', async () => {
    const result = await capture(runBuild, ['--specs', SPECS, '--out', out(), '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        ...[8, 12, 16, 20, 24].map((line) => `${SPECS}/orders.yaml:${line}:5  error  operation-operationId  Operation object should contain \`operationId\` field.`),
        '5 errors in 2 APIs (7 warnings not shown: --quiet)',
        'Build stopped: fix the errors above (earlier output in the out folder is untouched).',
        '',
      ].join('\n'),
    );
  });
});

describe('npm run lint', () => {
  it('with --max-problems 1 --quiet shows one error with its frame and counts the other errors', async () => {
    const result = await capture(runLint, ['--specs', SPECS, '--max-problems', '1', '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        `${SPECS}/orders.yaml:8:5  error  operation-operationId  Operation object should contain \`operationId\` field.`,
        '     6 | paths:',
        '     7 |   /orders/1:',
        '  >  8 |     get:',
        '       |     ^',
        '     9 |       responses:',
        "    10 |         '200': { description: OK }",
        '    docs: https://redocly.com/docs/cli/rules/operation-operationId',
        '',
        '…and 4 more problems (4 errors, 0 warnings), not listed: --max-problems 1.',
        '',
        'Problems by rule, worst first:',
        '  errors  warnings  rule',
        '       5         0  operation-operationId',
        '',
        'Problems by file, worst first:',
        '  errors  warnings  file',
        `       5         0  ${SPECS}/orders.yaml`,
        '',
        '5 errors in 2 APIs (7 warnings not shown: --quiet)',
        '',
      ].join('\n'),
    );
  });

  it('--format json lists every problem whatever --max-problems says, and --quiet leaves the warnings out', async () => {
    const all = JSON.parse((await capture(runLint, ['--specs', SPECS, '--format', 'json', '--max-problems', '1'])).stdout);
    expect([all.errors, all.warnings, all.problems.length]).toEqual([5, 7, 12]);
    const quiet = JSON.parse((await capture(runLint, ['--specs', SPECS, '--format', 'json', '--quiet'])).stdout);
    expect([quiet.errors, quiet.warnings, quiet.problems.length]).toEqual([5, 0, 5]);
  });

  it('--quiet on a catalog with warnings only prints the closing line alone and exits 0', async () => {
    const specs = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-warnings-'));
    for (const file of ['redocly.yaml', 'stock.yaml']) fs.copyFileSync(path.join(SPECS, file), path.join(specs, file));
    const result = await capture(runLint, ['--specs', specs, '--quiet']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '0 errors in 1 API (2 warnings not shown: --quiet)\n' });
  });

  it('refuses a --max-problems that is not a whole number, with exit 2 and the usage', async () => {
    for (const value of ['-1', 'ten', '2.5', '']) {
      const result = await capture(runLint, ['--specs', SPECS, `--max-problems=${value}`]);
      expect(result.code, value).toBe(2);
      expect(result.stderr).toBe(`--max-problems must be a whole number, 0 or more (got '${value}')\n${LINT_USAGE}\n`);
    }
    expect((await capture(runBuild, ['--specs', SPECS, '--max-problems', 'x'])).stderr).toBe(`--max-problems must be a whole number, 0 or more (got 'x')\n${BUILD_USAGE}\n`);
  });
});
