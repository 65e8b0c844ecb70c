// npm run new-api: a team gets a spec that passes the house rules as it is, and never loses an
// existing one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { runLint } from '../../src/cli/commands.ts';
import { NEW_API_USAGE, runNewApi } from '../../src/cli/scaffold.ts';
import { capture } from '../helpers/run.ts';

/** A specs folder with the example catalog's house rules (`extends: [recommended]` and stricter). */
function getSpecsCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-new-api-test-'));
  fs.copyFileSync(path.resolve('specs/redocly.yaml'), path.join(dir, 'redocly.yaml'));
  return dir;
}

const newApi = (specs: string, ...args: string[]) => capture(runNewApi, ['--specs', specs, ...args]);
/** `severity rule pointer` of each problem in lint's JSON output. */
const getProblems = (json: string): string[] =>
  (JSON.parse(json) as { problems: { severity: string; rule: string; pointer: string }[] }).problems.map((p) => `${p.severity} ${p.rule} ${p.pointer}`);
const usage = (message: string) => `${message}\n${NEW_API_USAGE}\n`;

describe('new-api', () => {
  it('creates <specs>/<id>/openapi.yaml that lints with 0 errors under the house rules, warning only at its placeholders', async () => {
    const specs = getSpecsCopy();
    const result = await newApi(specs, '--id', 'payments-gateway', '--owner', 'team-payments');
    const file = path.join(specs, 'payments-gateway', 'openapi.yaml');
    expect(result).toEqual({
      code: 0,
      stdout: [
        `Created ${file}`,
        '',
        'Next steps:',
        `  1. Edit ${file}: replace the placeholder description, server URL, contact, license and security scheme, and replace GET /health with your operations.`,
        `  2. Run npm run lint -- --specs ${specs} and fix what it reports.`,
        '  3. Open a pull request; team-payments is named as the owner.',
        '',
      ].join('\n'),
      stderr: '',
    });
    const lint = await capture(runLint, ['--specs', specs, '--format', 'json']);
    expect(lint.code).toBe(0);
    expect(getProblems(lint.stdout)).toEqual([
      'warning portolan/no-scaffold-placeholder #/info/description',
      'warning portolan/no-scaffold-placeholder #/info/license/url',
      'warning portolan/no-scaffold-placeholder #/servers/0/url',
      'warning portolan/no-scaffold-placeholder #/servers/0/description',
      'warning portolan/no-scaffold-placeholder #/tags/0/description',
      'warning portolan/no-scaffold-placeholder #/paths/~1health/get/description',
      'warning portolan/no-scaffold-placeholder #/components/securitySchemes/bearerAuth/description',
    ]);
  });

  it('writes the metadata the catalog reads, titled from the id', async () => {
    const specs = getSpecsCopy();
    await newApi(specs, '--id', 'payments-gateway', '--owner', 'team-payments');
    const spec = YAML.parse(fs.readFileSync(path.join(specs, 'payments-gateway', 'openapi.yaml'), 'utf8'));
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info).toMatchObject({
      title: 'Payments Gateway API',
      version: '0.1.0',
      'x-owner': 'team-payments',
      'x-audience': 'internal',
      'x-lifecycle': 'experimental',
      contact: { name: 'team-payments' },
    });
    expect(spec.info['x-partners']).toBeUndefined();
  });

  // Placeholder text must never reach partners: until the team replaces it, lint stops the build.
  it('creates a partner API for named partners as JSON whose only errors are its placeholders', async () => {
    const specs = getSpecsCopy();
    const result = await newApi(specs, '--id', 'kennels', '--owner', '@northwind/kennels', '--audience', 'partner', '--partners', 'acme-retail,globex', '--format', 'json');
    expect(result.code).toBe(0);
    const spec = JSON.parse(fs.readFileSync(path.join(specs, 'kennels', 'openapi.json'), 'utf8'));
    expect(spec.info['x-partners']).toEqual(['acme-retail', 'globex']);
    expect(spec.info['x-audience']).toBe('partner');
    const lint = await capture(runLint, ['--specs', specs, '--format', 'json']);
    expect(lint.code).toBe(1);
    const problems = getProblems(lint.stdout);
    expect(problems).toHaveLength(8);
    expect(problems).toContain('error portolan/no-scaffold-placeholder #/info/contact/url');
    expect(problems.every((p) => p.startsWith('error portolan/no-scaffold-placeholder '))).toBe(true);
  });

  it('creates an open API whose only problems under Portolan’s default rules are its placeholders', async () => {
    const specs = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-new-api-test-'));
    await newApi(specs, '--id', 'tracking', '--owner', 'team-tracking', '--audience', 'open');
    const lint = await capture(runLint, ['--specs', specs, '--format', 'json']);
    expect(lint.code).toBe(1);
    expect(new Set(getProblems(lint.stdout).map((p) => p.split(' #')[0]))).toEqual(new Set(['error portolan/no-scaffold-placeholder']));
  });

  it('keeps a title full of YAML syntax as the literal title', async () => {
    const specs = getSpecsCopy();
    const title = 'Pay: "quoted" # not a comment\n- x-audience: open';
    await newApi(specs, '--id', 'odd', '--owner', 'team-odd', '--title', title);
    const spec = YAML.parse(fs.readFileSync(path.join(specs, 'odd', 'openapi.yaml'), 'utf8'));
    expect(spec.info.title).toBe(title);
    expect(spec.info['x-audience']).toBe('internal');
    expect((await capture(runLint, ['--specs', specs])).code).toBe(0);
  });
});

describe('new-api refuses to overwrite', () => {
  it('an existing folder with that id', async () => {
    const specs = getSpecsCopy();
    fs.mkdirSync(path.join(specs, 'billing'));
    const result = await newApi(specs, '--id', 'billing', '--owner', 'team-billing');
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `Not created: ${path.join(specs, 'billing')}/ already exists. Choose another --id; new-api never overwrites a spec.\n`,
    });
    expect(fs.readdirSync(path.join(specs, 'billing'))).toEqual([]);
  });

  it('a single-file spec with that id', async () => {
    const specs = getSpecsCopy();
    fs.writeFileSync(path.join(specs, 'billing.json'), '{}');
    const result = await newApi(specs, '--id', 'billing', '--owner', 'team-billing');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Not created: ${path.join(specs, 'billing.json')} already exists. Choose another --id; new-api never overwrites a spec.\n`);
    expect(fs.existsSync(path.join(specs, 'billing'))).toBe(false);
  });

  it('an API that claims the id with info.x-api-id', async () => {
    const specs = getSpecsCopy();
    await newApi(specs, '--id', 'ledger', '--owner', 'team-finance');
    const ledger = path.join(specs, 'ledger', 'openapi.yaml');
    fs.writeFileSync(ledger, fs.readFileSync(ledger, 'utf8').replace('x-owner: team-finance', 'x-owner: team-finance\n  x-api-id: billing'));
    const result = await newApi(specs, '--id', 'billing', '--owner', 'team-billing');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Not created: API id 'billing' is already used by ${ledger} (from its info.x-api-id). Choose another --id; new-api never overwrites a spec.\n`);
    expect(fs.existsSync(path.join(specs, 'billing'))).toBe(false);
  });

  it('an API whose nested path gives it the same id', async () => {
    const specs = getSpecsCopy();
    await newApi(specs, '--id', 'payments', '--owner', 'team-payments');
    const nested = path.join(specs, 'payments', 'gateway', 'openapi.yaml');
    fs.mkdirSync(path.dirname(nested));
    fs.renameSync(path.join(specs, 'payments', 'openapi.yaml'), nested);
    const result = await newApi(specs, '--id', 'payments-gateway', '--owner', 'team-payments');
    expect(result.stderr).toBe(`Not created: API id 'payments-gateway' is already used by ${nested} (from its path). Choose another --id; new-api never overwrites a spec.\n`);
  });
});

describe('new-api usage errors (exit 2)', () => {
  const cases: [string, string[], string][] = [
    ['a missing --id', ['--owner', 'team-a'], "--id is required: the API's id, like 'payments-gateway'"],
    ['an id with capitals', ['--id', 'Payments', '--owner', 'team-a'], "--id must be lowercase letters, digits and hyphens, like 'payments-gateway' (got 'Payments')"],
    ['an id the catalog would rewrite', ['--id', 'pay--gate-', '--owner', 'team-a'], "--id 'pay--gate-' would be published as 'pay-gate'; use --id pay-gate"],
    ['a missing --owner', ['--id', 'pay'], "--owner is required: the owning team, like 'team-payments'"],
    ['an owner with a space', ['--id', 'pay', '--owner', 'team payments'], "--owner must be a team name or GitHub handle without spaces, like 'team-payments' (got 'team payments')"],
    ['an empty owner', ['--id', 'pay', '--owner', ''], "--owner must be a team name or GitHub handle without spaces, like 'team-payments' (got '')"],
    ['an unknown audience', ['--id', 'pay', '--owner', 'team-a', '--audience', 'public'], "--audience must be internal, partner or open (got 'public')"],
    ['partners on an internal API', ['--id', 'pay', '--owner', 'team-a', '--partners', 'acme'], '--partners goes with --audience partner'],
    ['an invalid partner id', ['--id', 'pay', '--owner', 'team-a', '--audience', 'partner', '--partners', 'acme,Globex'], "--partners must be a comma-separated list of partner ids, like 'acme-retail,globex' (got 'acme,Globex')"],
    ['an unknown format', ['--id', 'pay', '--owner', 'team-a', '--format', 'yml'], "--format must be yaml or json (got 'yml')"],
    ['an empty title', ['--id', 'pay', '--owner', 'team-a', '--title', ' '], '--title must not be empty; leave it out to use one made from the id'],
  ];

  it.each(cases)('%s', async (_name, args, message) => {
    const specs = getSpecsCopy();
    const result = await newApi(specs, ...args);
    expect(result).toEqual({ code: 2, stdout: '', stderr: usage(message) });
    expect(fs.readdirSync(specs)).toEqual(['redocly.yaml']);
  });

  it('an unknown flag, with the usage line', async () => {
    const result = await capture(runNewApi, ['--id', 'pay', '--owner', 'team-a', '--name', 'x']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: usage("Unknown option '--name'") });
  });

  it('a specs folder that does not exist', async () => {
    const missing = path.join(getSpecsCopy(), 'nope');
    const result = await newApi(missing, '--id', 'pay', '--owner', 'team-a');
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${missing}: no such folder; pass the folder that holds your specs with --specs DIR.\n` });
  });
});
