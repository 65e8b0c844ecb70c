// The $ref sandbox on a real file tree, called the way Redocly calls it. These tests fail if
// containment is loosened to the specs folder (one API reading a sibling's files), if the
// path-separator guard is dropped (specs/api reading specs/api-secrets), if symlinks are followed to
// where they point without checking, if a URL scheme slips through, or if a limit is off by one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundle, createConfig, ResolveError, YamlParseError, type Document } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, PARKED_EXTERNAL_VALUE, restoreExternalValues, SafeResolver, type InputLimits } from '../../../src/load/safe-resolver.ts';

const MB = 1024 * 1024;
let work = '';
let specs = '';
const at = (file: string) => path.join(specs, file);

/** A YAML file of exactly `bytes` bytes. */
const sized = (bytes: number) => `a: ${'x'.repeat(bytes - 4)}\n`;

beforeAll(() => {
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-safe-resolver-')));
  specs = path.join(work, 'specs');
  const files: Record<string, string> = {
    'a/openapi.yaml': 'openapi: 3.1.0\n',
    'a/local.yaml': 'type: string\n',
    'a/Audit Entry.yaml': 'type: object\n',
    'a/upper.YAML': 'type: integer\n',
    'a/short.yml': 'type: string\nformat: date\n',
    'a/data.json': '{"type": "string", "format": "uuid"}',
    'a/http:colon.yaml': 'type: boolean\n',
    'a/file:colon.yaml': 'type: boolean\nformat: file\n',
    'a/data:colon.yaml': 'type: boolean\nformat: data\n',
    'a/c:/drive.yaml': 'type: number\n',
    'a/real/target.yaml': 'type: array\n',
    'a/notes.txt': 'not a description\n',
    'a/folder.yaml/inside.yaml': 'type: string\n',
    'b/secret.yaml': 'type: string\ndescription: b-secret\n',
    'api/openapi.yaml': 'openapi: 3.1.0\n',
    'api-secrets/x.yaml': 'type: string\n',
    '_shared/errors.yaml': 'type: object\n',
    '_shared/detail.yaml': 'type: string\n',
    'billing.yaml': 'openapi: 3.1.0\n',
    'orders.yaml': 'openapi: 3.1.0\n',
    'bom.json': '\uFEFF{"openapi": "3.1.0"}',
    'big.json': `{"x-internal": true, "padding": "${'x'.repeat(300 * 1024)}",\n "x-internal": false}`,
    'sizes/exact-2k.yaml': sized(2048),
    'sizes/over-2k.yaml': sized(2049),
    'sizes/four-k.yaml': sized(4096),
    'sizes/two-mb.yaml': sized(2 * MB),
    'sizes/half-mb-1.yaml': sized(MB / 2),
    'sizes/half-mb-2.yaml': sized(MB / 2),
    'sizes/one-byte-more.yaml': '1\n',
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(at(file)), { recursive: true });
    fs.writeFileSync(at(file), text);
  }
  fs.writeFileSync(path.join(work, 'outside.yaml'), 'openapi: 3.1.0\n');
  fs.symlinkSync(at('b/secret.yaml'), at('a/link.yaml'));
  fs.symlinkSync(at('b'), at('a/lib'));
  fs.symlinkSync(at('a/real/target.yaml'), at('a/same-api-link.yaml'));
  fs.symlinkSync(path.join(work, 'outside.yaml'), at('a/out-link.yaml'));
  fs.symlinkSync(path.join(work, 'outside.yaml'), at('linked-root.yaml'));
  fs.symlinkSync(specs, path.join(work, 'specs-link'));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const resolve = (from: string, ref: string, resolver = new SafeResolver(specs)) => resolver.resolveDocument(at(from), ref);

/** The error a resolve fails with, so that its class and its full text can be checked. */
async function getFailure(result: Promise<unknown>): Promise<Error> {
  try {
    await result;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the resolve to fail');
}

/** Refusals and missing files are ResolveErrors: Redocly reports them as a $ref it cannot resolve. */
async function expectUnresolved(result: Promise<unknown>, message: string): Promise<void> {
  const error = await getFailure(result);
  expect(error).toBeInstanceOf(ResolveError);
  expect(error.message).toBe(message);
}

/** Files that cannot be read as descriptions are YamlParseErrors, with the line and column at the end. */
async function expectParseError(result: Promise<unknown>, message: string): Promise<void> {
  const error = await getFailure(result);
  expect(error).toBeInstanceOf(YamlParseError);
  expect(error.message).toBe(message);
}

const toDocument = async (result: Promise<unknown>) => (await result) as Document;

let parsedFiles = 0;
/** Writes `text` as a file of its own API folder and reads it as a root, the way every file is read. */
function read(text: string, name = 'doc.yaml', resolver?: SafeResolver): Promise<Document> {
  parsedFiles += 1;
  const file = at(`parsed-${parsedFiles}/${name}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return (resolver ?? new SafeResolver(specs)).resolveDocument(null, file, true) as Promise<Document>;
}

const withLimits = (limits: Partial<InputLimits>) => new SafeResolver(specs, { ...DEFAULT_LIMITS, ...limits });

const ALLOWED_IN_A = "refs may only point at files in this API's folder (a/) or in the shared folder (_shared/)";

describe('SafeResolver refs', () => {
  it("follows refs inside the API's folder and into the shared folder", async () => {
    await expect(resolve('a/openapi.yaml', './local.yaml')).resolves.toMatchObject({ parsed: { type: 'string' } });
    await expect(resolve('a/openapi.yaml', '../_shared/errors.yaml')).resolves.toMatchObject({ parsed: { type: 'object' } });
    await expect(resolve('billing.yaml', './_shared/errors.yaml')).resolves.toMatchObject({ parsed: { type: 'object' } });
    await expect(resolve('_shared/errors.yaml', './detail.yaml')).resolves.toMatchObject({ parsed: { type: 'string' } });
  });

  it('lets a single-file API refer to itself', async () => {
    await expect(resolve('billing.yaml', './billing.yaml')).resolves.toMatchObject({ parsed: { openapi: '3.1.0' } });
  });

  it('decodes a percent-encoded file name, as URI references are written', async () => {
    await expect(resolve('a/openapi.yaml', './Audit%20Entry.yaml')).resolves.toMatchObject({ parsed: { type: 'object' } });
  });

  it('refuses a ref that is not valid percent-encoding', async () => {
    await expectUnresolved(resolve('a/openapi.yaml', './%E0%A4%A.yaml'), "refused: './%E0%A4%A.yaml' is not a valid relative path.");
  });

  it('refuses a climb out of the API that is hidden in percent-encoding', async () => {
    await expectUnresolved(
      resolve('a/openapi.yaml', './%2E%2E/b/secret.yaml'),
      `refused: './%2E%2E/b/secret.yaml' resolves to b/secret.yaml, in another API's folder (b/); ${ALLOWED_IN_A}. Move the file into a/ or into _shared/.`,
    );
  });

  it('follows .yaml, .yml and .json files, whatever the letter case of the extension', async () => {
    await expect(resolve('a/openapi.yaml', './short.yml')).resolves.toMatchObject({ parsed: { format: 'date' } });
    await expect(resolve('a/openapi.yaml', './data.json')).resolves.toMatchObject({ parsed: { format: 'uuid' } });
    await expect(resolve('a/openapi.yaml', './upper.YAML')).resolves.toMatchObject({ parsed: { type: 'integer' } });
  });

  it('refuses files that are not descriptions, with or without an extension', async () => {
    await expectUnresolved(resolve('a/openapi.yaml', './notes.txt'), "refused: './notes.txt' is not a .yaml, .yml or .json file; only descriptions are followed, never other files.");
    await expectUnresolved(resolve('a/openapi.yaml', './notes'), "refused: './notes' is not a .yaml, .yml or .json file; only descriptions are followed, never other files.");
  });

  it('follows a symlink that stays inside the same API folder, and reads the file by its real path', async () => {
    const document = await toDocument(resolve('a/openapi.yaml', './same-api-link.yaml'));
    expect(document.parsed).toEqual({ type: 'array' });
    expect(document.source.absoluteRef).toBe(at('a/real/target.yaml'));
  });

  it("refuses a sibling API's folder", async () => {
    await expectUnresolved(
      resolve('a/openapi.yaml', '../b/secret.yaml'),
      `refused: '../b/secret.yaml' resolves to b/secret.yaml, in another API's folder (b/); ${ALLOWED_IN_A}. Move the file into a/ or into _shared/.`,
    );
  });

  it('refuses a folder whose name merely starts with the API folder name', async () => {
    await expectUnresolved(
      resolve('api/openapi.yaml', '../api-secrets/x.yaml'),
      "refused: '../api-secrets/x.yaml' resolves to api-secrets/x.yaml, in another API's folder (api-secrets/); refs may only point at files in this API's folder (api/) or in the shared folder (_shared/). Move the file into api/ or into _shared/.",
    );
  });

  it('refuses symlinks that lead into a sibling, whether a file or a folder', async () => {
    const sibling = (ref: string) => `refused: '${ref}' resolves to b/secret.yaml, in another API's folder (b/); ${ALLOWED_IN_A}. Move the file into a/ or into _shared/.`;
    await expectUnresolved(resolve('a/openapi.yaml', './link.yaml'), sibling('./link.yaml'));
    await expectUnresolved(resolve('a/openapi.yaml', './lib/secret.yaml'), sibling('./lib/secret.yaml'));
  });

  it('refuses a single-file API reading into an API folder or another single-file API', async () => {
    const allowed = "a single-file API's refs may only point at the file itself or at files in the shared folder (_shared/). Move the file into _shared/, or make this API a folder (specs/<api>/openapi.yaml) and keep its files there.";
    await expectUnresolved(resolve('billing.yaml', './a/local.yaml'), `refused: './a/local.yaml' resolves to a/local.yaml, in another API's folder (a/); ${allowed}`);
    await expectUnresolved(resolve('billing.yaml', './orders.yaml'), `refused: './orders.yaml' resolves to orders.yaml, directly in the specs folder, where each file is an API of its own; ${allowed}`);
  });

  it('refuses the shared folder reading from an API, since every API pulls shared files in', async () => {
    await expectUnresolved(
      resolve('_shared/errors.yaml', '../a/local.yaml'),
      "refused: '../a/local.yaml' resolves to a/local.yaml, in another API's folder (a/); refs in the shared folder (_shared/) may only point at other files in it. Move the file into _shared/: every API pulls shared files in, so they may only reference each other.",
    );
  });

  it('refuses a climb out of the specs folder, whether the file is there, missing, or reached by a symlink', async () => {
    for (const ref of ['../../outside.yaml', '../../nowhere.yaml', './out-link.yaml']) {
      await expectUnresolved(resolve('a/openapi.yaml', ref), `refused: '${ref}' leads outside the specs folder; ${ALLOWED_IN_A}.`);
    }
  });

  it('says a missing file is missing, and where it looked', async () => {
    await expectUnresolved(
      resolve('a/openapi.yaml', './nope.yaml'),
      "missing: './nope.yaml': there is no file a/nope.yaml in the specs folder (a path is relative to the file that holds the $ref).",
    );
  });

  it("refuses a ref into a sibling API's folder even when the file is not there, rather than inviting its creation", async () => {
    await expectUnresolved(
      resolve('a/openapi.yaml', '../b/nope.yaml'),
      `refused: '../b/nope.yaml' resolves to b/nope.yaml, in another API's folder (b/); ${ALLOWED_IN_A}. Move the file into a/ or into _shared/.`,
    );
  });

  it('judges refs by real paths when the specs folder is given through a symlink', async () => {
    const resolver = new SafeResolver(path.join(work, 'specs-link'));
    const from = path.join(work, 'specs-link', 'a', 'openapi.yaml');
    await expect(resolver.resolveDocument(from, './local.yaml')).resolves.toMatchObject({ parsed: { type: 'string' } });
    await expectUnresolved(
      resolver.resolveDocument(from, './nope.yaml'),
      "missing: './nope.yaml': there is no file a/nope.yaml in the specs folder (a path is relative to the file that holds the $ref).",
    );
    await expectUnresolved(
      resolver.resolveDocument(from, '../b/secret.yaml'),
      `refused: '../b/secret.yaml' resolves to b/secret.yaml, in another API's folder (b/); ${ALLOWED_IN_A}. Move the file into a/ or into _shared/.`,
    );
  });

  it('says a folder named like a description is not a file', async () => {
    await expectUnresolved(resolve('a/openapi.yaml', './folder.yaml'), `${at('a/folder.yaml')} is not a file`);
  });

  it('refuses every ref from a file that was itself refused', async () => {
    const resolver = new SafeResolver(specs);
    const refused = resolver.resolveExternalRef(at('a/openapi.yaml'), '/etc/passwd');
    await expectUnresolved(resolver.resolveDocument(refused, './local.yaml'), 'refused: refused because the referring file was refused.');
  });

  it('keeps a refusal when Redocly resolves the refused reference again', async () => {
    const resolver = new SafeResolver(specs);
    const refused = resolver.resolveExternalRef(at('a/openapi.yaml'), '/etc/passwd');
    const missing = resolver.resolveExternalRef(at('a/openapi.yaml'), './nope.yaml');
    expect(resolver.resolveExternalRef(null, refused)).toBe(refused);
    expect(resolver.resolveExternalRef(at('a/openapi.yaml'), missing)).toBe(missing);
    await expectUnresolved(resolver.resolveDocument(null, refused), "refused: '/etc/passwd' is an absolute path; use a path relative to the referring file, inside this spec's folder.");
  });
});

describe('SafeResolver URL schemes and absolute paths', () => {
  const fromA = (ref: string) => resolve('a/openapi.yaml', ref);

  it('refuses http and https in any letter case, without touching the network', async () => {
    for (const ref of ['http://example.com/a.yaml', 'https://example.com/a.yaml', 'HTTPS://example.com/a.yaml']) {
      await expectUnresolved(fromA(ref), `refused: '${ref}' points at the network; Portolan never fetches refs. Copy the file into this spec's folder and refer to it with a relative path.`);
    }
  });

  it('refuses file: URLs in any letter case', async () => {
    for (const ref of ['file:///etc/passwd', 'FILE:///etc/passwd']) {
      await expectUnresolved(fromA(ref), `refused: '${ref}' is a file: URL; use a relative path to a file inside this spec's folder.`);
    }
  });

  it('refuses data: URLs, quoting only their start', async () => {
    await expectUnresolved(fromA('data:application/json,{}'), "refused: 'data:application/json,{}' is a data: URL; put the content in a .yaml or .json file inside this spec's folder.");
    await expectUnresolved(
      fromA(`DATA:application/json,{"description": "${'x'.repeat(100)}"}`),
      `refused: 'DATA:application/json,{"description": "x' is a data: URL; put the content in a .yaml or .json file inside this spec's folder.`,
    );
  });

  it('refuses any other URL scheme', async () => {
    for (const ref of ['ftp://example.com/a.yaml', 'git+ssh://example.com/a.yaml', 'x.y-z:a.yaml', 'urn:c:/a.yaml']) {
      await expectUnresolved(fromA(ref), `refused: '${ref}' uses a URL scheme; only relative paths to files inside this spec's folder are followed.`);
    }
  });

  it('refuses absolute paths, POSIX or Windows', async () => {
    for (const ref of ['/etc/passwd', 'C:\\specs\\a.yaml', 'c:/specs/a.yaml']) {
      await expectUnresolved(fromA(ref), `refused: '${ref}' is an absolute path; use a path relative to the referring file, inside this spec's folder.`);
    }
  });

  it('follows relative paths whose names only look like a scheme or a drive', async () => {
    await expect(fromA('./http:colon.yaml')).resolves.toMatchObject({ parsed: { type: 'boolean' } });
    await expect(fromA('./file:colon.yaml')).resolves.toMatchObject({ parsed: { format: 'file' } });
    await expect(fromA('./data:colon.yaml')).resolves.toMatchObject({ parsed: { format: 'data' } });
    await expect(fromA('./c:/drive.yaml')).resolves.toMatchObject({ parsed: { type: 'number' } });
  });
});

describe('SafeResolver roots', () => {
  it('reads a root inside the specs folder, even when the folder is given through a symlink', async () => {
    const resolver = new SafeResolver(path.join(work, 'specs-link'));
    expect(resolver.specsRoot).toBe(specs);
    await expect(resolver.resolveDocument(null, at('a/openapi.yaml'), true)).resolves.toMatchObject({ parsed: { openapi: '3.1.0' } });
  });

  it('refuses a root that is a symlink, even one committed inside the specs folder', async () => {
    await expectUnresolved(
      new SafeResolver(specs).resolveDocument(null, at('linked-root.yaml'), true),
      'refused: the file is a symbolic link; only real files under the specs folder are read, so commit the file itself.',
    );
  });

  it('refuses a root outside the specs folder', async () => {
    await expectUnresolved(new SafeResolver(specs).resolveDocument(null, path.join(work, 'outside.yaml'), true), 'refused: the file lies outside the specs folder.');
  });

  it("reports a missing root with the system's message", async () => {
    await expectUnresolved(new SafeResolver(specs).resolveDocument(null, at('gone.yaml'), true), `ENOENT: no such file or directory, stat '${at('gone.yaml')}'`);
  });
});

describe('SafeResolver limits', () => {
  it('has the defaults README documents: 64 MB per file, 1024 MB in all, 200 levels, 100 aliases', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFileBytes: 64 * MB, maxTotalBytes: 1024 * MB, maxDepth: 200, maxAliases: 100 });
  });

  it('reads a file of exactly --max-file-mb, and refuses one byte more, in KB below a megabyte', async () => {
    const resolver = withLimits({ maxFileBytes: 2048 });
    await expect(resolve('sizes/exact-2k.yaml', './exact-2k.yaml', resolver)).resolves.toMatchObject({ parsed: { a: 'x'.repeat(2044) } });
    await expectUnresolved(resolve('sizes/exact-2k.yaml', './over-2k.yaml', resolver), 'refused: the file is 2.0 KB, over the 2.0 KB limit per file (--max-file-mb).');
    await expectUnresolved(resolve('sizes/exact-2k.yaml', './four-k.yaml', resolver), 'refused: the file is 4.0 KB, over the 2.0 KB limit per file (--max-file-mb).');
  });

  it('names sizes of a megabyte and more in MB, with a decimal only when needed', async () => {
    await expectUnresolved(resolve('sizes/exact-2k.yaml', './two-mb.yaml', withLimits({ maxFileBytes: 1.5 * MB })), 'refused: the file is 2 MB, over the 1.5 MB limit per file (--max-file-mb).');
    await expectUnresolved(resolve('sizes/exact-2k.yaml', './two-mb.yaml', withLimits({ maxFileBytes: MB })), 'refused: the file is 2 MB, over the 1 MB limit per file (--max-file-mb).');
  });

  it('reads files that add up to exactly --max-total-mb, and refuses the next byte', async () => {
    const resolver = withLimits({ maxTotalBytes: MB });
    await expect(resolve('sizes/exact-2k.yaml', './half-mb-1.yaml', resolver)).resolves.toMatchObject({ parsed: { a: expect.any(String) } });
    await expect(resolve('sizes/exact-2k.yaml', './half-mb-2.yaml', resolver)).resolves.toMatchObject({ parsed: { a: expect.any(String) } });
    await expectUnresolved(resolve('sizes/exact-2k.yaml', './one-byte-more.yaml', resolver), "refused: the catalog's files add up to more than the 1 MB limit (--max-total-mb).");
  });

  it('counts a file once however often it is referenced', async () => {
    const resolver = withLimits({ maxTotalBytes: MB });
    await resolve('sizes/exact-2k.yaml', './half-mb-1.yaml', resolver);
    await resolve('sizes/exact-2k.yaml', './half-mb-1.yaml', resolver);
    await expect(resolve('sizes/exact-2k.yaml', './half-mb-2.yaml', resolver)).resolves.toMatchObject({ parsed: { a: expect.any(String) } });
  });

  it('reads nesting of exactly --max-depth levels, counting objects and arrays but not values', async () => {
    const resolver = withLimits({ maxDepth: 3 });
    await expect(read('a:\n  b:\n    c: text\n  d: null\n', 'doc.yaml', resolver)).resolves.toMatchObject({ parsed: { a: { b: { c: 'text' }, d: null } } });
    await expect(read('{"a": [{"c": null}]}', 'doc.json', resolver)).resolves.toMatchObject({ parsed: { a: [{ c: null }] } });
  });

  it('refuses nesting one level deeper than --max-depth, in YAML and JSON', async () => {
    const resolver = withLimits({ maxDepth: 3 });
    await expectParseError(read('a:\n  b:\n    c: [1]\n', 'doc.yaml', resolver), 'nesting is deeper than 3 levels (--max-depth) (1:1)');
    await expectParseError(read('{"a": [{"c": {}}]}', 'doc.json', resolver), 'nesting is deeper than 3 levels (--max-depth) (1:1)');
  });

  it('reads exactly --max-aliases aliases, and refuses one more, pointing at the first alias', async () => {
    const text = 'a: &a [x]\nb: [*a, *a, *a]\nc: *a\n';
    await expect(read(text, 'doc.yaml', withLimits({ maxAliases: 4 }))).resolves.toMatchObject({ parsed: { b: [['x'], ['x'], ['x']], c: ['x'] } });
    await expectParseError(
      read(text, 'doc.yaml', withLimits({ maxAliases: 3 })),
      'too many YAML aliases (more than 3), which is how alias bombs exhaust memory; write the values out or raise --max-aliases (2:5)',
    );
  });
});

describe('SafeResolver parsing', () => {
  it('drops a byte order mark, so a JSON file that starts with one parses', async () => {
    await expect(new SafeResolver(specs).resolveDocument(null, at('bom.json'))).resolves.toMatchObject({ parsed: { openapi: '3.1.0' } });
  });

  it('keeps the same character when it is content, not the first one in the file', async () => {
    await expect(read('a: "x\uFEFFy"\n')).resolves.toMatchObject({ parsed: { a: 'x\uFEFFy' } });
  });

  it('reads Windows line ends as plain ones, so lines and columns match the editor', async () => {
    const document = await read('a: 1\r\nb: |\r\n  line\r\n');
    expect(document.source.body).toBe('a: 1\nb: |\n  line\n');
    expect(document.parsed).toEqual({ a: 1, b: 'line\n' });
  });

  it('refuses an empty file, or one with only blank lines', async () => {
    await expectParseError(read(''), 'the file is empty; delete it or write a description in it (1:1)');
    await expectParseError(read('  \n\n'), 'the file is empty; delete it or write a description in it (1:1)');
  });

  it('reads a .json file, whatever the letter case of its extension, as strict JSON', async () => {
    await expectParseError(read('a: 1\n', 'doc.JSON'), "not valid JSON: unexpected 'a' (1:1)");
    await expect(read('a: 1\n', 'doc.yml')).resolves.toMatchObject({ parsed: { a: 1 } });
  });

  it('finds duplicate keys in JSON over 256 KB, at the second key', async () => {
    await expectParseError(new SafeResolver(specs).resolveDocument(null, at('big.json')), 'duplicated mapping key "x-internal": each key may appear once per mapping (2:2)');
  });

  it('refuses duplicate keys in YAML, naming the key where it appears the second time', async () => {
    await expectParseError(read('a: 1\nb:\n  c: 1\n  c: 2\n'), 'duplicated mapping key "c": each key may appear once per mapping (4:3)');
    await expectParseError(read('1: a\n1: b\n'), 'duplicated mapping key "1": each key may appear once per mapping (2:1)');
  });

  it('refuses YAML tags, which other parsers turn into program objects', async () => {
    await expectParseError(read('a: !!js/function "function(){}"\n'), 'Unresolved tag: tag:yaml.org,2002:js/function; YAML tags are not allowed in descriptions (1:4)');
    await expectParseError(read('a:\n  b: !custom x\n'), 'Unresolved tag: !custom; YAML tags are not allowed in descriptions (2:6)');
  });

  it('refuses anchors and aliases that parsers read differently', async () => {
    await expectParseError(read('a: &x: 1\n'), 'Anchor ending in : is ambiguous (1:6)');
    await expectParseError(read('a: &x 1\nb: *x:\n'), 'Alias ending in : is ambiguous (2:6)');
  });

  it('refuses an alias without an anchor, with the parser’s words', async () => {
    await expectParseError(read('a: 1\nb: *nope\n'), 'Unresolved alias (the anchor must be set before the alias): nope (2:4)');
  });

  it('reads a file with an unknown directive, which changes nothing in the data', async () => {
    await expect(read('%FOO bar\n---\na: 1\n')).resolves.toMatchObject({ parsed: { a: 1 } });
  });

  it('follows the YAML 1.2 rules strictly: a comment must be separated from its value', async () => {
    await expectParseError(read('a: "x"#note\n'), 'Comments must be separated from other tokens by white space characters (1:7)');
  });

  it('reports a syntax error with its line and column', async () => {
    await expectParseError(read('a: [unclosed\nb: 1\n'), 'Flow sequence in block collection must be sufficiently indented and end with a ] (2:1)');
  });

  it('reads YAML 1.2 core values only: no timestamps, no yes/no booleans', async () => {
    await expect(read('a: 2024-01-01\nb: yes\nc: 0o17\n')).resolves.toMatchObject({ parsed: { a: '2024-01-01', b: 'yes', c: 15 } });
  });
});

describe('SafeResolver and externalValue', () => {
  const examples = `examples:
  remote: { externalValue: 'https://example.com/e.json' }
  local: { externalValue: '../../outside.yaml' }
  listed:
    - { externalValue: './local.json' }
schema:
  properties:
    externalValue: { type: string }
`;

  it('parks every string externalValue under another name, so Redocly never reads or fetches it', async () => {
    const resolver = new SafeResolver(specs);
    const document = await read(examples, 'doc.yaml', resolver);
    expect(document.parsed).toEqual({
      examples: {
        remote: { [PARKED_EXTERNAL_VALUE]: 'https://example.com/e.json' },
        local: { [PARKED_EXTERNAL_VALUE]: '../../outside.yaml' },
        listed: [{ [PARKED_EXTERNAL_VALUE]: './local.json' }],
      },
      // A property that is named externalValue is a schema, not a link: it keeps its name.
      schema: { properties: { externalValue: { type: 'string' } } },
    });
    expect(resolver.parkedExternalValues).toBe(3);
    expect(resolver.hasParkedExternalValues()).toBe(true);
  });

  it('parks it under a specification extension, which lint accepts in an Example object', () => {
    expect(PARKED_EXTERNAL_VALUE).toMatch(/^x-/);
  });

  it('puts parked values back where they were, for the page to offer as links', async () => {
    const document = await read(examples);
    restoreExternalValues(document.parsed);
    expect(document.parsed).toEqual({
      examples: {
        remote: { externalValue: 'https://example.com/e.json' },
        local: { externalValue: '../../outside.yaml' },
        listed: [{ externalValue: './local.json' }],
      },
      schema: { properties: { externalValue: { type: 'string' } } },
    });
  });

  it('says nothing needs restoring when no file had an externalValue', async () => {
    const resolver = new SafeResolver(specs);
    await read('a: [1, null, { b: text }]\n', 'doc.yaml', resolver);
    expect(resolver.parkedExternalValues).toBe(0);
    expect(resolver.hasParkedExternalValues()).toBe(false);
    expect(resolver.forBundle().hasParkedExternalValues()).toBe(false);
  });

  it('bundles a spec whose examples point outside, without reading or fetching them', async () => {
    const root = `openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /things:
    get:
      responses:
        '200':
          description: Things.
          content:
            application/json:
              schema: { $ref: './local.yaml' }
              examples:
                remote: { externalValue: 'https://example.com/e.json' }
                local: { externalValue: '../../outside.yaml' }
`;
    fs.writeFileSync(at('a/external-values.yaml'), root);
    const resolver = new SafeResolver(specs).forBundle();
    const result = await bundle({ ref: at('a/external-values.yaml'), config: await createConfig({}), externalRefResolver: resolver, dereference: false });
    expect([...resolver.getFiles()].sort()).toEqual([at('a/external-values.yaml'), at('a/local.yaml')]);
    expect(resolver.hasParkedExternalValues()).toBe(true);
    const document = result.bundle.parsed as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { examples: unknown }> }> } }> };
    restoreExternalValues(document);
    expect(document.paths['/things']!.get.responses['200']!.content['application/json']!.examples).toEqual({
      remote: { externalValue: 'https://example.com/e.json' },
      local: { externalValue: '../../outside.yaml' },
    });
  });
});

describe('SafeResolver.forBundle', () => {
  const sharedRef = ['a/openapi.yaml', '../_shared/errors.yaml'] as const;

  it('hands out private copies of files several APIs use, so one bundle cannot change what the next reads', async () => {
    const resolver = new SafeResolver(specs);
    resolver.setSharedFiles(new Set([at('_shared/errors.yaml')]));
    const original = await toDocument(resolve(...sharedRef, resolver));
    const copy = await toDocument(resolve(...sharedRef, resolver.forBundle()));
    (copy.parsed as Record<string, unknown>).type = 'changed by a bundle';
    expect(original.parsed).toEqual({ type: 'object' });
    expect(copy.source).toBe(original.source);
  });

  it('copies every file while it is not known which files are shared', async () => {
    const resolver = new SafeResolver(specs);
    const original = await toDocument(resolve('a/openapi.yaml', './local.yaml', resolver));
    const copy = await toDocument(resolve('a/openapi.yaml', './local.yaml', resolver.forBundle()));
    expect(copy.parsed).toEqual(original.parsed);
    expect(copy.parsed).not.toBe(original.parsed);
  });

  it('hands over a file only one API uses as it is, without copying it', async () => {
    const resolver = new SafeResolver(specs);
    resolver.setSharedFiles(new Set([at('_shared/errors.yaml')]));
    const original = await toDocument(resolve('a/openapi.yaml', './local.yaml', resolver));
    const handed = await toDocument(resolve('a/openapi.yaml', './local.yaml', resolver.forBundle()));
    expect(handed.parsed).toBe(original.parsed);
  });

  it('gives one bundle the same copy each time it reads a file, and lists exactly the files it read', async () => {
    const fork = new SafeResolver(specs).forBundle();
    const first = await toDocument(resolve(...sharedRef, fork));
    const again = await toDocument(resolve(...sharedRef, fork));
    expect(again).toBe(first);
    await resolve('a/openapi.yaml', './local.yaml', fork);
    expect([...fork.getFiles()].sort()).toEqual([at('_shared/errors.yaml'), at('a/local.yaml')]);
  });

  it("keeps the parent's refusals and limits", async () => {
    const fork = withLimits({ maxFileBytes: 2048 }).forBundle();
    await expectUnresolved(resolve('a/openapi.yaml', '../b/secret.yaml', fork), `refused: '../b/secret.yaml' resolves to b/secret.yaml, in another API's folder (b/); ${ALLOWED_IN_A}. Move the file into a/ or into _shared/.`);
    await expectUnresolved(resolve('sizes/exact-2k.yaml', './four-k.yaml', fork), 'refused: the file is 4.0 KB, over the 2.0 KB limit per file (--max-file-mb).');
  });

  it('knows when a file its parent parsed had an externalValue parked', async () => {
    const resolver = new SafeResolver(specs);
    const fork = resolver.forBundle();
    await read("examples: { remote: { externalValue: 'https://example.com/e.json' } }\n", 'doc.yaml', resolver);
    expect(fork.parkedExternalValues).toBe(0);
    expect(fork.hasParkedExternalValues()).toBe(true);
  });
});
