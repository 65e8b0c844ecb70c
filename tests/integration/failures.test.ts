// What a team sees when something is wrong: exact messages, meaningful exit codes, and earlier output
// left alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild, runLint } from '../../src/cli/commands.ts';
import { capture } from '../helpers/run.ts';

const fixture = (name: string) => path.relative(process.cwd(), path.resolve('tests/fixtures', name));
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-fail-test-'));

const LINT_ERRORS_STYLISH = [
  'tests/fixtures/lint-errors/orders.yaml:1:1  warning  no-empty-servers  Servers must be present.',
  `tests/fixtures/lint-errors/orders.yaml:5:15  error  portolan/info-x-audience  info.x-audience must be one of 'open', 'partner', 'internal' (got "Public"); leave it out to keep the API internal.`,
  'tests/fixtures/lint-errors/orders.yaml:9:5  error  operation-operationId  Operation object should contain `operationId` field.',
  'tests/fixtures/lint-errors/orders.yaml:9:5  warning  security-defined  Every operation should have security defined on it or on the root level.',
  '2 errors, 2 warnings in 1 API',
].join('\n');

/** What `npm run lint` prints for the same problems: each with its code frame and docs link. */
const LINT_ERRORS_STYLISH_WITH_FRAMES = [
  'tests/fixtures/lint-errors/orders.yaml:1:1  warning  no-empty-servers  Servers must be present.',
  '  > 1 | openapi: 3.0.3',
  '      | ^',
  '    2 | info:',
  '    3 |   title: Orders',
  '    docs: https://redocly.com/docs/cli/rules/no-empty-servers',
  '',
  `tests/fixtures/lint-errors/orders.yaml:5:15  error  portolan/info-x-audience  info.x-audience must be one of 'open', 'partner', 'internal' (got "Public"); leave it out to keep the API internal.`,
  '    3 |   title: Orders',
  '    4 |   version: 1.0.0',
  '  > 5 |   x-audience: Public',
  '      |               ^',
  '    6 |   x-owner: team-orders',
  '    7 | paths:',
  '    docs: README.md#lint-rules',
  '',
  'tests/fixtures/lint-errors/orders.yaml:9:5  error  operation-operationId  Operation object should contain `operationId` field.',
  '     7 | paths:',
  '     8 |   /orders:',
  '  >  9 |     get:',
  '       |     ^',
  '    10 |       summary: List orders',
  '    11 |       responses:',
  '    docs: https://redocly.com/docs/cli/rules/operation-operationId',
  '',
  'tests/fixtures/lint-errors/orders.yaml:9:5  warning  security-defined  Every operation should have security defined on it or on the root level.',
  '     7 | paths:',
  '     8 |   /orders:',
  '  >  9 |     get:',
  '       |     ^',
  '    10 |       summary: List orders',
  '    11 |       responses:',
  '    docs: https://redocly.com/docs/cli/rules/security-defined',
  '',
  '2 errors, 2 warnings in 1 API',
].join('\n');

describe('lint', () => {
  it('prints every problem as file:line:col  severity  rule-id  message, with its code frame and docs, and exits 1 on errors', async () => {
    const result = await capture(runLint, ['--specs', fixture('lint-errors')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${LINT_ERRORS_STYLISH_WITH_FRAMES}\n`);
    expect(result.stdout).toBe('');
  });

  it('writes GitHub workflow annotations with --format github', async () => {
    const result = await capture(runLint, ['--specs', fixture('lint-errors'), '--format', 'github']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[1]).toBe(
      `::error file=tests/fixtures/lint-errors/orders.yaml,line=5,col=15,title=portolan/info-x-audience::info.x-audience must be one of 'open', 'partner', 'internal' (got "Public"); leave it out to keep the API internal.`,
    );
  });

  it('writes machine-readable problems with --format json', async () => {
    const result = await capture(runLint, ['--specs', fixture('lint-errors'), '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ apis: 1, errors: 2, warnings: 2 });
    expect(report.problems[1]).toEqual({
      file: 'tests/fixtures/lint-errors/orders.yaml',
      line: 5,
      col: 15,
      pointer: '#/info/x-audience',
      severity: 'error',
      rule: 'portolan/info-x-audience',
      message: `info.x-audience must be one of 'open', 'partner', 'internal' (got "Public"); leave it out to keep the API internal.`,
      docs: null,
    });
  });

  it('names both files when two APIs share an id', async () => {
    const result = await capture(runLint, ['--specs', fixture('duplicate-ids')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "tests/fixtures/duplicate-ids/billing.yaml:2:1  error  portolan/unique-api-id  API id 'billing' is already used by tests/fixtures/duplicate-ids/billing/openapi.yaml; set a distinct info.x-api-id in one of them.",
    );
  });

  it('rejects an unknown format as a usage error (exit 2)', async () => {
    const result = await capture(runLint, ['--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `--format must be one of stylish, json, github, markdown (got 'xml')\nusage: npm run lint -- [--specs DIR] [--config FILE] [--format stylish|json|github|markdown] [--changed-since REF] [--quiet] [--max-problems N] [--max-file-mb N] [--max-total-mb N] [--max-depth N] [--max-aliases N] [--max-seconds-per-spec N] [--max-heap-mb N]\n`,
    );
  });
});

describe('build', () => {
  it('stops on lint errors with exit 1, one line a problem, and leaves the earlier site untouched', async () => {
    const out = tempDir();
    fs.mkdirSync(path.join(out, 'internal'));
    fs.writeFileSync(path.join(out, 'internal', 'index.html'), 'the good site');
    const result = await capture(runBuild, ['--specs', fixture('lint-errors'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${LINT_ERRORS_STYLISH}\nBuild stopped: fix the errors above (earlier output in the out folder is untouched).\n`);
    expect(fs.readFileSync(path.join(out, 'internal', 'index.html'), 'utf8')).toBe('the good site');
    expect(fs.readdirSync(out)).toEqual(['internal']);
  });

  it('treats a bad --audience as a usage error (exit 2)', async () => {
    const result = await capture(runBuild, ['--audience', 'public']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "--audience must be internal, partner or open (got 'public')\nusage: npm run build -- [--specs DIR] [--out DIR] [--audience internal|partner|open] [--partner ID] [--config FILE] [--report FILE] [--cache DIR | --no-cache] [--jobs N] [--shard K/N | --merge DIR...] [--quiet] [--max-problems N] [--max-file-mb N] [--max-total-mb N] [--max-depth N] [--max-aliases N] [--max-seconds-per-spec N] [--max-heap-mb N]\n",
    );
  });

  it('treats a missing specs folder as a usage error (exit 2)', async () => {
    const missing = path.join(tempDir(), 'nope');
    const result = await capture(runBuild, ['--specs', missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${missing}: no such folder; pass the folder that holds your specs with --specs DIR.\n`);
  });

  it('treats a broken --config as a config error (exit 2)', async () => {
    const config = path.join(tempDir(), 'redocly.yaml');
    fs.writeFileSync(config, 'rules:\n  no-such-rule-anywhere: error\n');
    const result = await capture(runBuild, ['--specs', fixture('catalog-basic'), '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^${config.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
  });

  it('builds a single partner site into --out with --partner', async () => {
    const out = path.join(tempDir(), 'acme-site');
    const result = await capture(runBuild, ['--specs', fixture('catalog-basic'), '--partner', 'acme', '--out', out]);
    expect(result.code).toBe(0);
    const catalog = JSON.parse(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8'));
    expect(catalog.map((e: { id: string }) => e.id).sort()).toEqual(['kennels', 'pets', 'vets']);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['acme-site']);
  });
});
