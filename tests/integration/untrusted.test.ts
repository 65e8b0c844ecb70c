// Specs are untrusted input: refs may not leave the spec's folder or reach the network, parsing is
// bounded, malformed files get one clear error each, and odd names cannot corrupt the program.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, runLint } from '../../src/cli/commands.ts';
import { toDisplayPath } from '../../src/core/diagnostics.ts';
import { capture } from '../helpers/run.ts';
import { findInSite, readAllText, readHtml } from '../helpers/site-files.ts';

const SECRET = 'TOPSECRET-OUTSIDE-CONTENT';
let requests = 0;
let server: http.Server;
let port: number;
let work: string;

beforeAll(async () => {
  server = http.createServer((_, response) => {
    requests += 1;
    response.end(`type: string\ndescription: ${SECRET}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-untrusted-'));
  fs.mkdirSync(path.join(work, 'outside'));
  fs.writeFileSync(path.join(work, 'outside', 'secret.yaml'), `type: string\ndescription: ${SECRET}\n`);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A catalog made in a temp dir: `specs/<name>/openapi.yaml` plus any extra files. */
function makeSpecs(name: string, root: string, extra: Record<string, string> = {}): string {
  const specs = path.join(work, name, 'specs');
  fs.mkdirSync(path.join(specs, 'api'), { recursive: true });
  fs.writeFileSync(path.join(specs, 'redocly.yaml'), 'extends: [minimal]\nrules:\n  no-server-example.com: off\n');
  fs.writeFileSync(path.join(specs, 'api', 'openapi.yaml'), root);
  for (const [file, text] of Object.entries(extra)) fs.writeFileSync(path.join(specs, 'api', file), text);
  return specs;
}

const spec = (schemaRef: string, extra = '') => `openapi: 3.0.3
info: { title: Refs, version: '1', x-owner: team-a, x-audience: open, contact: { email: refs@example.com } }
servers: [{ url: 'https://refs.example.com' }]
paths:
  /things:
    get:
      operationId: listThings
      summary: List things
      responses:
        '200':
          description: Things.
          content:
            application/json:
              schema: { $ref: '${schemaRef}' }
${extra}`;

async function lintRef(name: string, ref: string, extra: Record<string, string> = {}) {
  const specs = makeSpecs(name, spec(ref), extra);
  const result = await capture(runLint, ['--specs', specs]);
  return { ...result, specs };
}

describe('references', () => {
  const refusal = (specs: string, message: string) =>
    `${toDisplayPath(path.join(specs, 'api', 'openapi.yaml'))}:14:23  error  portolan/refused-ref  Refused $ref: ${message}`;

  it('refuses an absolute path such as /etc/passwd', async () => {
    const { code, stderr, specs } = await lintRef('abs', '/etc/passwd');
    expect(code).toBe(1);
    expect(stderr).toContain(refusal(specs, "'/etc/passwd' is an absolute path; use a path relative to the referring file, inside this spec's folder."));
  });

  it("refuses a relative path that climbs out of the spec's folder", async () => {
    const { code, stderr, specs } = await lintRef('climb', '../../../outside/secret.yaml');
    expect(code).toBe(1);
    expect(stderr).toContain(refusal(specs, "'../../../outside/secret.yaml' leads outside this spec's folder (api/); refs may only point at files inside it."));
  });

  it("refuses a symlink inside the folder that leads outside it", async () => {
    const specs = makeSpecs('symlink', spec('./link.yaml'));
    fs.symlinkSync(path.join(work, 'outside', 'secret.yaml'), path.join(specs, 'api', 'link.yaml'));
    const { code, stderr } = await capture(runLint, ['--specs', specs]);
    expect(code).toBe(1);
    expect(stderr).toContain(refusal(specs, "'./link.yaml' leads outside this spec's folder (api/); refs may only point at files inside it."));
  });

  it('refuses http, https, file and data URLs without touching the network', async () => {
    for (const [name, ref, message] of [
      ['http', `http://127.0.0.1:${port}/schema.yaml`, `'http://127.0.0.1:${port}/schema.yaml' points at the network; Portolan never fetches refs. Copy the file into this spec's folder and refer to it with a relative path.`],
      ['https', `https://127.0.0.1:${port}/schema.yaml`, `'https://127.0.0.1:${port}/schema.yaml' points at the network; Portolan never fetches refs. Copy the file into this spec's folder and refer to it with a relative path.`],
      ['file', 'file:///etc/passwd', "'file:///etc/passwd' is a file: URL; use a relative path to a file inside this spec's folder."],
      ['data', 'data:application/json,{}', "'data:application/json,{}' is a data: URL; put the content in a .yaml or .json file inside this spec's folder."],
    ] as const) {
      const { code, stderr, specs } = await lintRef(name, ref);
      expect(code, name).toBe(1);
      expect(stderr, name).toContain(refusal(specs, message));
    }
    expect(requests).toBe(0);
  });

  it('refuses files that are not descriptions, whose text Redocly would otherwise paste in', async () => {
    const { code, stderr, specs } = await lintRef('txt', './notes.txt', { 'notes.txt': SECRET });
    expect(code).toBe(1);
    expect(stderr).toContain(refusal(specs, "'./notes.txt' is not a .yaml, .yml or .json file; only descriptions are followed, never other files."));
  });

  it('follows relative refs inside the folder, and never reads or fetches externalValue', async () => {
    const examples = `              examples:
                remote: { externalValue: 'http://127.0.0.1:${port}/example.json' }
                local: { externalValue: '../../../outside/secret.yaml' }
`;
    const root = spec('./thing.yaml').replace("              schema: { $ref: './thing.yaml' }\n", `              schema: { $ref: './thing.yaml' }\n${examples}`);
    const specs = makeSpecs('good', root, { 'thing.yaml': 'type: object\nproperties:\n  name: { type: string }\n' });
    const out = path.join(work, 'good', 'dist');
    const result = await capture(runBuild, ['--specs', specs, '--audience', 'open', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(requests).toBe(0);
    const site = readAllText(out);
    expect(findInSite(site, SECRET)).toEqual([]);
    // The remote example is offered as a link, not fetched.
    expect(readHtml(out, '/apis/api/operations/list-things/')).toContain(`href="http://127.0.0.1:${port}/example.json"`);
  });

  it('stops the build with exit 1 and leaves no output when a ref is refused', async () => {
    const specs = makeSpecs('build-refused', spec('/etc/passwd'));
    const out = path.join(work, 'build-refused', 'dist');
    const result = await capture(runBuild, ['--specs', specs, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('portolan/refused-ref');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('malformed files', () => {
  it('reports each malformed file once, with its line, column and code frame, and exits 1', async () => {
    const result = await capture(runLint, ['--specs', 'tests/fixtures/untrusted-malformed']);
    expect(result.code).toBe(1);
    const at = 'tests/fixtures/untrusted-malformed';
    // parse-error and unsupported-version are Portolan's own load failures (README, "What the build
    // refuses"): like portolan/self-reference, their docs link goes to the README. Redocly has no page
    // for them.
    expect(result.stderr).toBe(
      [
        `${at}/bomb.yaml:10:16  error  parse-error  Cannot parse this file: too many YAML aliases (more than 100), which is how alias bombs exhaust memory; write the values out or raise --max-aliases.`,
        '     8 |       example:',
        '     9 |         a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        '  > 10 |         b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        '       |                ^',
        '    11 |         c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        '    12 |         d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
        '    docs: README.md#security-model',
        '',
        `${at}/dup.yaml:4:1  error  parse-error  Cannot parse this file: duplicated mapping key: each key may appear once per mapping.`,
        '    2 | info: {title: D, version: "1"}',
        '    3 | paths: {}',
        '  > 4 | paths: {}',
        '      | ^',
        '    5 | ',
        '    docs: README.md#security-model',
        '',
        `${at}/empty.yaml:1:1  error  parse-error  Cannot parse this file: the file is empty; delete it or write a description in it.`,
        '  > 1 | ',
        '      | ^',
        '    docs: README.md#security-model',
        '',
        `${at}/list.json:1:1  error  parse-error  Cannot parse this file: the root of a description must be a mapping with \`openapi\` or \`swagger\`, \`info\` and \`paths\` (found a list).`,
        '  > 1 | [{"openapi": "3.0.3"}]',
        '      | ^',
        '    2 | ',
        '    docs: README.md#security-model',
        '',
        `${at}/list.yaml:1:1  error  parse-error  Cannot parse this file: the root of a description must be a mapping with \`openapi\` or \`swagger\`, \`info\` and \`paths\` (found a list).`,
        '  > 1 | - openapi: 3.0.3',
        '      | ^',
        '    2 |   info: {title: L, version: "1"}',
        '    3 | ',
        '    docs: README.md#security-model',
        '',
        `${at}/notmap.json:1:1  error  parse-error  Cannot parse this file: not valid JSON: unexpected 's'.`,
        '  > 1 | swagger: "2.0"',
        '      | ^',
        '    2 | ',
        '    docs: README.md#security-model',
        '',
        `${at}/selfref.yaml:7:13  error  portolan/self-reference  This $ref resolves to itself ("#/components/schemas/B"), so it describes nothing: point it at a real schema, or define the schema here.`,
        '    5 |   schemas:',
        '    6 |     A:',
        '  > 7 |       $ref: "#/components/schemas/B"',
        '      |             ^',
        '    8 |     B:',
        '    9 |       $ref: "#/components/schemas/A"',
        '    docs: README.md#security-model',
        '',
        `${at}/syntax.yaml:4:3  error  parse-error  Cannot parse this file: Flow sequence in block collection must be sufficiently indented and end with a ].`,
        '    2 | info:',
        '    3 |   title: [unclosed',
        '  > 4 |   version: 1',
        '      |   ^',
        '    5 | paths: {}',
        '    6 | ',
        '    docs: README.md#security-model',
        '',
        `${at}/tag.yaml:2:37  error  parse-error  Cannot parse this file: Unresolved tag: tag:yaml.org,2002:js/function; YAML tags are not allowed in descriptions.`,
        '    1 | openapi: 3.0.3',
        '  > 2 | info: {title: T, version: "1", x-f: !!js/function "function(){}"}',
        '      |                                     ^',
        '    3 | paths: {}',
        '    4 | ',
        '    docs: README.md#security-model',
        '',
        `${at}/version.yaml:1:10  error  unsupported-version  Unsupported openapi version "4.0.0": Portolan documents OpenAPI 2.0 (swagger: "2.0"), 3.0.x and 3.1.x.`,
        '  > 1 | openapi: 4.0.0',
        '      |          ^',
        '    2 | info: {title: V, version: "1"}',
        '    3 | paths: {}',
        '    docs: README.md#security-model',
        '',
        '10 errors, 0 warnings in 9 APIs',
        '',
      ].join('\n'),
    );
  });

  it('refuses the alias bomb quickly instead of expanding it', async () => {
    const started = performance.now();
    await capture(runLint, ['--specs', 'tests/fixtures/untrusted-malformed']);
    // Generous bound: expanding this bomb takes minutes; refusing it takes milliseconds.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe('limits', () => {
  it('refuses a file over --max-file-mb, naming the limit', async () => {
    const specs = makeSpecs('size', spec('./big.yaml'), { 'big.yaml': `type: string\ndescription: ${'x'.repeat(4096)}\n` });
    const result = await capture(runLint, ['--specs', specs, '--max-file-mb', '0.002']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${toDisplayPath(path.join(specs, 'api', 'big.yaml'))}:1:1  error  portolan/refused-file  Refused this file: the file is 4.0 KB, over the 2.0 KB limit per file (--max-file-mb).`);
    expect(result.stderr).toContain('portolan/refused-ref  Refused $ref: the file is 4.0 KB, over the 2.0 KB limit per file (--max-file-mb).');
  });

  it('refuses nesting deeper than --max-depth', async () => {
    const specs = makeSpecs('depth', spec('#/components/schemas/Deep', `components:\n  schemas:\n    Deep: ${'{ properties: { a: '.repeat(30)}{ type: string }${' } }'.repeat(30)}\n`));
    const result = await capture(runLint, ['--specs', specs, '--max-depth', '40']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/openapi\.yaml:1:1 {2}error {2}parse-error {2}Cannot parse this file: nesting is deeper than 40 levels \(--max-depth\)\./);
  });

  it('rejects a limit that is not a positive number as a usage error', async () => {
    const result = await capture(runLint, ['--max-depth', 'lots']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe("--max-depth must be a positive number (got 'lots')");
  });
});

describe('names that are also JavaScript internals', () => {
  it('builds __proto__, constructor and toString like any other name', async () => {
    const out = path.join(work, 'names');
    const result = await capture(runBuild, ['--specs', 'tests/fixtures/untrusted-names', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const schema = readHtml(path.join(out, 'internal'), '/apis/proto/schemas/proto/');
    for (const name of ['__proto__', 'constructor', 'toString']) expect(schema).toContain(`<code>${name}</code>`);
    const operation = readHtml(path.join(out, 'open'), '/apis/proto/operations/proto/');
    expect(operation).toMatch(/<code class="param-name"[^>]*>toString<\/code>/);
    expect(operation).toMatch(/<code class="param-name"[^>]*>constructor<\/code>/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
