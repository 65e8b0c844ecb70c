// Specs are untrusted input: refs may not leave the spec's folder or reach the network, parsing is
// bounded, malformed files get one clear error each, and odd names cannot corrupt the program.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
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
    expect(stderr).toContain(refusal(specs, "'../../../outside/secret.yaml' leads outside the specs folder; refs may only point at files in this API's folder (api/) or in the shared folder (_shared/)."));
  });

  it('refuses a symlink inside the folder that leads outside it', async () => {
    const specs = makeSpecs('symlink', spec('./link.yaml'));
    fs.symlinkSync(path.join(work, 'outside', 'secret.yaml'), path.join(specs, 'api', 'link.yaml'));
    const { code, stderr } = await capture(runLint, ['--specs', specs]);
    expect(code).toBe(1);
    expect(stderr).toContain(refusal(specs, "'./link.yaml' leads outside the specs folder; refs may only point at files in this API's folder (api/) or in the shared folder (_shared/)."));
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

/** A catalog made in a temp dir from `specs/`-relative paths and their text. */
function makeCatalog(name: string, files: Record<string, string>): string {
  const specs = path.join(work, name, 'specs');
  fs.mkdirSync(specs, { recursive: true });
  fs.writeFileSync(path.join(specs, 'redocly.yaml'), 'extends: [minimal]\nrules:\n  no-server-example.com: off\n');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(specs, file)), { recursive: true });
    fs.writeFileSync(path.join(specs, file), text);
  }
  return specs;
}

describe('references across APIs', () => {
  const secret = `type: string\ndescription: ${SECRET}\n`;
  const refusedAt = (specs: string, file: string, message: string) =>
    `${toDisplayPath(path.join(specs, file))}:14:23  error  portolan/refused-ref  Refused $ref: ${message}`;

  it("refuses one API reading a sibling API's folder", async () => {
    const specs = makeCatalog('sibling', { 'a/openapi.yaml': spec('../b/secret.yaml'), 'b/openapi.yaml': spec('./secret.yaml'), 'b/secret.yaml': secret });
    const { code, stderr } = await capture(runLint, ['--specs', specs]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      refusedAt(specs, 'a/openapi.yaml', "'../b/secret.yaml' resolves to b/secret.yaml, in another API's folder (b/); refs may only point at files in this API's folder (a/) or in the shared folder (_shared/). Move the file into a/ or into _shared/."),
    );
  });

  it('refuses a folder that only shares a prefix with the API folder (specs/api and specs/api-secrets)', async () => {
    const specs = makeCatalog('prefix', { 'api/openapi.yaml': spec('../api-secrets/x.yaml'), 'api-secrets/openapi.yaml': spec('./x.yaml'), 'api-secrets/x.yaml': secret });
    const { code, stderr } = await capture(runLint, ['--specs', specs]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      refusedAt(specs, 'api/openapi.yaml', "'../api-secrets/x.yaml' resolves to api-secrets/x.yaml, in another API's folder (api-secrets/); refs may only point at files in this API's folder (api/) or in the shared folder (_shared/). Move the file into api/ or into _shared/."),
    );
  });

  it('refuses a symlink that leads into a sibling API', async () => {
    const specs = makeCatalog('sibling-link', { 'a/openapi.yaml': spec('./link.yaml'), 'b/openapi.yaml': spec('./secret.yaml'), 'b/secret.yaml': secret });
    fs.symlinkSync(path.join(specs, 'b', 'secret.yaml'), path.join(specs, 'a', 'link.yaml'));
    const { code, stderr } = await capture(runLint, ['--specs', specs]);
    expect(code).toBe(1);
    expect(stderr).toContain(refusedAt(specs, 'a/openapi.yaml', "'./link.yaml' resolves to b/secret.yaml, in another API's folder (b/);"));
  });

  it('refuses a single-file API directly in specs/ reading into an API folder', async () => {
    const specs = makeCatalog('top-level', { 'billing.yaml': spec('./b/secret.yaml'), 'b/openapi.yaml': spec('./secret.yaml'), 'b/secret.yaml': secret });
    const { code, stderr } = await capture(runLint, ['--specs', specs]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      refusedAt(specs, 'billing.yaml', "'./b/secret.yaml' resolves to b/secret.yaml, in another API's folder (b/); a single-file API's refs may only point at the file itself or at files in the shared folder (_shared/). Move the file into _shared/, or make this API a folder (specs/<api>/openapi.yaml) and keep its files there."),
    );
  });

  it('lets every API use the shared folder, and applies audience rules to what it pulls from there', async () => {
    const errors = `Error:
  type: object
  properties:
    message: { type: string }
    detail: { $ref: './detail.yaml' }
    debugTrace: { type: string, x-internal: true }
`;
    const specs = makeCatalog('shared', {
      'a/openapi.yaml': spec('../_shared/errors.yaml#/Error'),
      'b/openapi.yaml': spec('../_shared/errors.yaml#/Error').replace('listThings', 'listOtherThings').replace('refs.example.com', 'b.example.com'),
      '_shared/errors.yaml': errors,
      '_shared/detail.yaml': 'type: object\nproperties:\n  code: { type: string }\n',
    });
    const lint = await capture(runLint, ['--specs', specs]);
    expect(lint.code, lint.stderr).toBe(0);
    expect(lint.stderr).not.toContain('  error  ');
    expect(lint.stderr).not.toContain('orphan');
    const out = path.join(work, 'shared', 'dist');
    const result = await capture(runBuild, ['--specs', specs, '--audience', 'open', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    // Both APIs got the shared schema with its own reference intact, and neither shows the hidden property.
    for (const api of ['a', 'b']) {
      const download = YAML.parse(fs.readFileSync(path.join(out, 'specs', `${api}.yaml`), 'utf8'));
      expect(Object.keys(download.components.schemas).sort(), api).toEqual(['Error', 'detail']);
      expect(download.components.schemas.Error.properties, api).toEqual({ message: { type: 'string' }, detail: { $ref: '#/components/schemas/detail' } });
    }
    expect(findInSite(readAllText(out), 'debugTrace')).toEqual([]);
  });
});

describe("a $ref that can't be resolved", () => {
  it('names the reference, and the file and pointer it looked for', async () => {
    const root = spec('#/components/schemas/Nope', `        '201':
          description: Created.
          content:
            application/json:
              schema: { $ref: './missing.yaml' }
        '202':
          description: Accepted.
          content:
            application/json:
              schema: { $ref: './thing.yaml#/Foo' }
`).replace(/\n(?=        '201')/, '\n');
    const specs = makeSpecs('unresolved', root, { 'thing.yaml': 'Bar: { type: string }\n' });
    const { code, stderr } = await capture(runLint, ['--specs', specs]);
    expect(code).toBe(1);
    const at = toDisplayPath(path.join(specs, 'api', 'openapi.yaml'));
    const lines = stderr.split('\n').filter((line) => line.includes('  error  no-unresolved-refs'));
    expect(lines).toEqual([
      `${at}:14:23  error  no-unresolved-refs  Can't resolve $ref '#/components/schemas/Nope': looked in api/openapi.yaml for #/components/schemas/Nope, but the top level has no "components".`,
      `${at}:19:23  error  no-unresolved-refs  Can't resolve $ref './missing.yaml': there is no file api/missing.yaml in the specs folder (a path is relative to the file that holds the $ref).`,
      `${at}:24:23  error  no-unresolved-refs  Can't resolve $ref './thing.yaml#/Foo': looked in api/thing.yaml for #/Foo, but the top level has no "Foo".`,
    ]);
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
        `${at}/dup.yaml:4:1  error  parse-error  Cannot parse this file: duplicated mapping key "paths": each key may appear once per mapping.`,
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
        'Problems by rule, worst first:',
        '  errors  warnings  rule',
        '       8         0  parse-error',
        '       1         0  portolan/self-reference',
        '       1         0  unsupported-version',
        '',
        'Problems by file, worst first:',
        '  errors  warnings  file',
        ...['bomb.yaml', 'dup.yaml', 'empty.yaml', 'list.json', 'list.yaml', 'notmap.json', 'selfref.yaml', 'syntax.yaml', 'tag.yaml', 'version.yaml'].map((file) => `       1         0  ${at}/${file}`),
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

  it('finds duplicate keys in JSON files of any size: a later "x-internal": false does not win', async () => {
    const paths = Array.from({ length: 3000 }, (_, index) => `    "/things/${index}": {"get": {"operationId": "getThing${index}", "summary": "Get a thing", "responses": {"200": {"description": "The thing."}}}}`);
    const text = `{\n  "openapi": "3.0.3",\n  "info": {"title": "Big", "version": "1", "x-internal": true, "x-owner": "team-a",\n    "x-internal": false},\n  "paths": {\n${paths.join(',\n')}\n  }\n}\n`;
    expect(text.length).toBeGreaterThan(256 * 1024);
    const specs = makeCatalog('big-json', { 'big.json': text });
    const result = await capture(runLint, ['--specs', specs]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(`${toDisplayPath(path.join(specs, 'big.json'))}:4:5  error  parse-error  Cannot parse this file: duplicated mapping key "x-internal": each key may appear once per mapping.`);
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
    const schema = readHtml(path.join(out, 'internal'), '/apis/proto/schemas/');
    for (const name of ['__proto__', 'constructor', 'toString']) expect(schema).toContain(`<code>${name}</code>`);
    const operation = readHtml(path.join(out, 'open'), '/apis/proto/operations/proto/');
    expect(operation).toMatch(/<code class="param-name"[^>]*>toString<\/code>/);
    expect(operation).toMatch(/<code class="param-name"[^>]*>constructor<\/code>/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
