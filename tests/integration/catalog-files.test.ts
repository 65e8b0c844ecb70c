// No spec is silently ignored: a file that ends up in no API is a warning naming it, and a specs
// folder without any API is an error, for lint and build alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, runLint } from '../../src/cli/commands.ts';
import { toDisplayPath } from '../../src/core/diagnostics.ts';
import { capture } from '../helpers/run.ts';

let work = '';
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-catalog-files-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const CONFIG = 'extends: [minimal]\nrules:\n  no-empty-servers: off\n  security-defined: off\n';

function makeCatalog(name: string, files: Record<string, string>): string {
  const specs = path.join(work, name, 'specs');
  fs.mkdirSync(specs, { recursive: true });
  for (const [file, text] of Object.entries({ 'redocly.yaml': CONFIG, ...files })) {
    fs.mkdirSync(path.dirname(path.join(specs, file)), { recursive: true });
    fs.writeFileSync(path.join(specs, file), text);
  }
  return specs;
}

const ORDERS = `openapi: 3.1.0
info: { title: Orders, version: '1', x-owner: team-orders }
paths:
  /orders:
    get:
      operationId: listOrders
      summary: List orders
      responses:
        '200':
          description: Orders.
          content:
            application/json:
              schema: { $ref: './Order.yaml' }
        '400':
          description: Bad request.
          content:
            application/json:
              schema: { $ref: '../_shared/errors.yaml' }
`;

describe('orphan files', () => {
  it('warns about each file no API reaches, naming it and the fix, and still exits 0', async () => {
    const specs = makeCatalog('orphans', {
      'orders/openapi.yaml': ORDERS,
      'orders/Order.yaml': 'type: object\n',
      'orders/OldOrder.yaml': 'type: object\n',
      '_shared/errors.yaml': 'type: object\n',
      '_shared/unused.yaml': 'type: string\n',
      'notes.yaml': 'title: notes\n',
    });
    const at = (file: string) => toDisplayPath(path.join(specs, file));
    const result = await capture(runLint, ['--specs', specs]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        `${at('_shared/unused.yaml')}:1:1  warning  portolan/orphan-file  No API references this shared file, so nothing publishes it: reference it with a $ref from an API, or delete it.`,
        '  > 1 | type: string',
        '      | ^',
        '    2 | ',
        '    docs: README.md#adding-an-api',
        '',
        `${at('notes.yaml')}:1:1  warning  portolan/orphan-file  This file is not a root document (no top-level openapi or swagger key), and a file directly in the specs folder can be referenced by no API, so nothing publishes it: make it an API, move it into an API's folder or into _shared/, or delete it.`,
        '  > 1 | title: notes',
        '      | ^',
        '    2 | ',
        '    docs: README.md#adding-an-api',
        '',
        `${at('orders/OldOrder.yaml')}:1:1  warning  portolan/orphan-file  This file is not a root document (no top-level openapi or swagger key) and no $ref from an API reaches it, so nothing publishes it: reference it from the API in orders/, or delete it.`,
        '  > 1 | type: object',
        '      | ^',
        '    2 | ',
        '    docs: README.md#adding-an-api',
        '',
        '0 errors, 3 warnings in 1 API',
        '',
      ].join('\n'),
    );
  });

  it('does not count a file as reached through a refused $ref', async () => {
    const specs = makeCatalog('refused-reach', {
      'orders/openapi.yaml': ORDERS.replace('./Order.yaml', '../billing/Invoice.yaml'),
      '_shared/errors.yaml': 'type: object\n',
      'billing/Invoice.yaml': 'type: object\n',
    });
    const result = await capture(runLint, ['--specs', specs]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${toDisplayPath(path.join(specs, 'billing/Invoice.yaml'))}:1:1  warning  portolan/orphan-file  `);
    expect(result.stderr).toContain('  error  portolan/refused-ref  ');
  });

  it('reports a file that does not parse and that no API reaches as an error, since it may be an API', async () => {
    const specs = makeCatalog('unparsed', { 'orders/openapi.yaml': ORDERS, 'orders/Order.yaml': 'type: object\n', '_shared/errors.yaml': 'type: object\n', 'billing.yaml': 'openapi: 3.1.0\ninfo: [unclosed\n' });
    const result = await capture(runLint, ['--specs', specs]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      `${toDisplayPath(path.join(specs, 'billing.yaml'))}:3:1  error  parse-error  Cannot parse this file: Flow sequence in block collection must be sufficiently indented and end with a ].`,
    );
    expect(result.stderr).toContain('1 error, 0 warnings in 2 APIs');
  });
});

describe('a specs folder without any API', () => {
  const noApis = (specs: string) =>
    `${toDisplayPath(specs)}:1:1  error  portolan/no-apis  No API found in ${toDisplayPath(specs)}/: an API is a .yaml, .yml or .json file with a top-level openapi or swagger key, in its own folder (${toDisplayPath(specs)}/<api>/openapi.yaml) or directly in ${toDisplayPath(specs)}/. Add one with npm run new-api -- --id <api> --owner <team>, or pass the folder that holds your specs with --specs DIR.`;

  it('is a lint error (exit 1), not "0 APIs"', async () => {
    const specs = makeCatalog('empty-lint', {});
    const result = await capture(runLint, ['--specs', specs]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${noApis(specs)}\n    docs: README.md#adding-an-api\n\n1 error, 0 warnings in 0 APIs\n`);
  });

  it('stops the build with exit 1 and writes nothing', async () => {
    const specs = makeCatalog('empty-build', { '_shared/errors.yaml': 'type: object\n' });
    const out = path.join(work, 'empty-build', 'dist');
    const result = await capture(runBuild, ['--specs', specs, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        noApis(specs),
        `${toDisplayPath(path.join(specs, '_shared/errors.yaml'))}:1:1  warning  portolan/orphan-file  No API references this shared file, so nothing publishes it: reference it with a $ref from an API, or delete it.`,
        '1 error, 1 warning in 0 APIs',
        'Build stopped: fix the errors above (earlier output in the out folder is untouched).',
        '',
      ].join('\n'),
    );
    expect(fs.existsSync(out)).toBe(false);
  });
});
