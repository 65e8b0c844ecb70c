// The pull-request gate end to end, in a git repository made by the test: a commit with a breaking
// change and a widened audience, the diff in every format, exit codes, and --changed-since.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild, runLint } from '../../src/cli/commands.ts';
import { toDisplayPath } from '../../src/core/diagnostics.ts';
import { runDiff } from '../../src/cli/diff-command.ts';
import { capture } from '../helpers/run.ts';

let repo: string;
let specs: string;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo, encoding: 'utf8' });
const edit = (file: string, from: string, to: string) => {
  const full = path.join(specs, file);
  const text = fs.readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  fs.writeFileSync(full, text.replace(from, to));
};

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-diff-repo-'));
  specs = path.join(repo, 'specs');
  fs.cpSync(path.resolve('tests/fixtures/diff-repo'), specs, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'Initial catalog');
  // The pull request: a removed operation, a tighter parameter, a property gone from a shared
  // fragment, and the internal Stock API published to partners.
  edit('orders.yaml', "schema: { type: integer, maximum: 100 }", 'schema: { type: integer, maximum: 50 }');
  edit('orders.yaml', `  /orders/{id}:
    get:
      operationId: getOrder
      summary: Get an order
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: The order.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Order' }
        '404':
          description: No such order.
`, '');
  edit('stock/schemas/Stock.yaml', '  warehouse: { type: string }\n', '');
  edit('stock/openapi.yaml', '  x-owner: team-stock\n', '  x-owner: team-stock\n  x-audience: partner\n  contact: { email: stock@example.com }\n');
  git('checkout', '-q', '-b', 'feature');
  git('add', '-A');
  git('commit', '-qm', 'Publish stock to partners, drop getOrder');
});

const run = (...args: string[]) => capture(runDiff, ['--specs', specs, '--base', 'main~0', ...args]);

describe('npm run diff', () => {
  it('reports nothing and exits 0 when comparing a ref with itself', async () => {
    const result = await capture(runDiff, ['--specs', specs, '--base', 'HEAD']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('0 breaking changes, 0 publications, 0 non-breaking, 0 informational in 0 changed APIs\n');
  });

  it('classifies the changes, calls out the publication and fails on breaking changes (stylish)', async () => {
    const result = await run();
    expect(result.code).toBe(1);
    const orders = toDisplayPath(path.join(specs, 'orders.yaml'));
    const stock = toDisplayPath(path.join(specs, 'stock', 'openapi.yaml'));
    expect(result.stderr).toBe(
      [
        `${orders}:11:1  breaking  operation-removed  GET /orders/{id} was removed; calls to it fail.`,
        `${orders}:16:7  breaking  request-constraint-tightened  GET /orders: query parameter 'limit': maximum 100 → 50; values that were valid are now rejected.`,
        `${stock}:23:15  breaking  response-property-removed  GET /stock/{sku}: response 200.warehouse is no longer returned.`,
        `${stock}:2:1  publication  api-audience-widened  The API becomes visible to every partner (was internal): review that it may be published.`,
        '',
        'PUBLICATION REVIEW NEEDED: 1 change makes content visible to a wider audience (see the lines marked publication).',
        '3 breaking changes, 1 publication, 0 non-breaking, 0 informational in 2 changed APIs',
        '',
      ].join('\n'),
    );
  });

  it('passes with --allow-breaking, saying so', async () => {
    const result = await run('--allow-breaking');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Breaking changes allowed by --allow-breaking\.\n$/);
  });

  it('writes JSON, GitHub annotations and a Markdown summary', async () => {
    const json = JSON.parse((await run('--format', 'json')).stdout);
    expect(json).toMatchObject({ apis: 2, breaking: 3, failing: 3, publications: 1 });
    expect(json.changes[0]).toEqual({
      api: 'orders',
      file: toDisplayPath(path.join(specs, 'orders.yaml')),
      line: 11,
      col: 1,
      level: 'breaking',
      failing: true,
      rule: 'operation-removed',
      operation: 'GET /orders/{id}',
      pointer: '#/paths/~1orders~1{id}/get',
      message: 'GET /orders/{id} was removed; calls to it fail.',
    });
    const github = (await run('--format', 'github')).stdout.split('\n');
    expect(github[0]).toBe(`::error file=${toDisplayPath(path.join(specs, 'orders.yaml'))},line=11,col=1,title=breaking%3A operation-removed::GET /orders/{id} was removed; calls to it fail.`);
    expect(github[3]).toMatch(/^::warning file=.*stock\/openapi\.yaml,line=2,col=1,title=publication%3A api-audience-widened::The API becomes visible to every partner/);
    const markdown = (await run('--format', 'markdown')).stdout;
    expect(markdown).toContain('### 🛑 Portolan API changes: 3 breaking changes, 1 publication, 0 non-breaking, 0 informational in 2 changed APIs');
    expect(markdown).toContain('> **Publication review needed:** 1 change makes content visible to a wider audience.');
    expect(markdown).toContain('| 📣 | publication | `stock` |');
  });

  it('reports changes to an experimental API without failing', async () => {
    git('checkout', '-q', '-b', 'experimental', 'main');
    edit('orders.yaml', 'x-lifecycle: production', 'x-lifecycle: experimental');
    git('commit', '-qam', 'orders is experimental');
    edit('orders.yaml', "schema: { type: integer, maximum: 100 }", 'schema: { type: integer, maximum: 10 }');
    const result = await capture(runDiff, ['--specs', specs, '--base', 'HEAD']);
    git('checkout', '-q', '--', '.');
    git('checkout', '-q', 'feature');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("breaking (experimental API: reported, not failing)  request-constraint-tightened  GET /orders: query parameter 'limit': maximum 100 → 10");
  });

  it('reports a lifecycle change in every format, saying that breaking changes count from the next change on', async () => {
    git('checkout', '-q', 'experimental');
    edit('orders.yaml', 'x-lifecycle: experimental', 'x-lifecycle: production');
    const diffAs = (format: string) => capture(runDiff, ['--specs', specs, '--base', 'HEAD', '--format', format]);
    let outputs: Awaited<ReturnType<typeof diffAs>>[];
    try {
      outputs = await Promise.all(['stylish', 'json', 'github', 'markdown'].map(diffAs));
    } finally {
      git('checkout', '-q', '--', '.');
      git('checkout', '-q', 'feature');
    }
    const [stylish, json, github, markdown] = outputs;
    const orders = toDisplayPath(path.join(specs, 'orders.yaml'));
    const message = "The API's lifecycle changed: experimental → production; from the next change on, breaking changes count.";
    const summary = '0 breaking changes, 0 publications, 0 non-breaking, 1 informational in 1 changed API';
    expect(outputs.map((output) => output!.code)).toEqual([0, 0, 0, 0]);
    expect(stylish!.stderr).toBe(`${orders}:7:3  info  api-lifecycle-changed  ${message}\n${summary}\n`);
    expect(JSON.parse(json!.stdout).changes).toEqual([
      { api: 'orders', file: orders, line: 7, col: 3, level: 'info', failing: false, rule: 'api-lifecycle-changed', operation: null, pointer: '#/info/x-lifecycle', message },
    ]);
    expect(github!.stdout).toBe(`::notice file=${orders},line=7,col=3,title=info%3A api-lifecycle-changed::${message}\n${summary}\n`);
    expect(markdown!.stdout).toBe(
      [
        `### ✅ Portolan API changes: ${summary}`,
        '',
        '| | Level | API | Location | Rule | Change |',
        '|---|---|---|---|---|---|',
        `| ℹ️ | info | \`orders\` | \`${orders}:7\` | \`api-lifecycle-changed\` | ${message} |`,
        '',
      ].join('\n'),
    );
  });

  it('is a usage error (exit 2) without --base or outside git', async () => {
    expect((await capture(runDiff, ['--specs', specs])).code).toBe(2);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-no-git-'));
    const result = await capture(runDiff, ['--specs', outside, '--base', 'HEAD']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${outside} is not inside a git repository; npm run diff compares with a git ref.\n`);
  });
});

describe('npm run lint -- --changed-since', () => {
  it('lints only the specs changed since the ref, and those whose referenced files changed', async () => {
    const result = await capture(runLint, ['--specs', specs, '--changed-since', 'main']);
    expect(result.stderr.split('\n')[0]).toBe('checking 2 of 2 APIs changed since main');
    fs.appendFileSync(path.join(specs, 'stock', 'schemas', 'Stock.yaml'), '  aisle: { type: string }\n');
    const onlyFragment = await capture(runLint, ['--specs', specs, '--changed-since', 'HEAD']);
    expect(onlyFragment.code).toBe(0);
    expect(onlyFragment.stderr).toBe('checking 1 of 2 APIs changed since HEAD\n0 errors, 0 warnings in 1 API\n');
    git('checkout', '-q', '--', '.');
    const none = await capture(runLint, ['--specs', specs, '--changed-since', 'HEAD']);
    expect(none.stderr).toBe('checking 0 of 2 APIs changed since HEAD\n0 errors, 0 warnings in 0 APIs\n');
  });
});

describe('the changelog in the portal', () => {
  it("lists each audience's own view of the history, with commit subjects only on the internal site", async () => {
    git('checkout', '-q', 'feature');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-changelog-'));
    const result = await capture(runBuild, ['--specs', specs, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^loaded the history of 2 APIs in [\d.]+ s$/m);
    const text = (site: string, api: string) =>
      fs.readFileSync(path.join(out, site, 'apis', api, 'changelog', 'index.html'), 'utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

    const internalOrders = text('internal', 'orders');
    expect(internalOrders).toContain('Publish stock to partners, drop getOrder');
    expect(internalOrders).toContain('breaking GET /orders/{id} was removed; calls to it fail.');
    expect(internalOrders).toContain('Initial catalog');

    // Stock was internal until this commit: partners see it arrive, and nothing from before.
    const partnerStock = text('partner', 'stock');
    expect(partnerStock).toContain('added The API was published.');
    expect(partnerStock).not.toContain('Publish stock to partners');
    expect(partnerStock).not.toContain('Initial catalog');
    expect(partnerStock).not.toContain('warehouse');
  });

  it('is skipped with a note outside a git checkout', async () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-plain-'));
    fs.cpSync(path.resolve('tests/fixtures/diff-repo'), path.join(plain, 'specs'), { recursive: true });
    const out = path.join(plain, 'dist');
    const result = await capture(runBuild, ['--specs', path.join(plain, 'specs'), '--audience', 'open', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`changelogs skipped: ${toDisplayPath(path.join(plain, 'specs'))} is not in a git checkout\n`);
    expect(fs.existsSync(path.join(out, 'apis', 'orders', 'changelog'))).toBe(false);
  });
});
