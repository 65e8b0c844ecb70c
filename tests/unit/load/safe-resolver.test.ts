// The sandbox on a real file tree: these tests fail if containment is loosened to the specs folder
// (one API reading a sibling's files), if the path-separator guard is dropped (specs/api reading
// specs/api-secrets), or if symlinks are followed to where they point without checking.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SafeResolver } from '../../../src/load/safe-resolver.ts';

let work = '';
let specs = '';
const at = (file: string) => path.join(specs, file);

beforeAll(() => {
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-safe-resolver-')));
  specs = path.join(work, 'specs');
  const files: Record<string, string> = {
    'a/openapi.yaml': 'openapi: 3.1.0\n',
    'a/local.yaml': 'type: string\n',
    'b/secret.yaml': 'type: string\ndescription: b-secret\n',
    'api/openapi.yaml': 'openapi: 3.1.0\n',
    'api-secrets/x.yaml': 'type: string\n',
    '_shared/errors.yaml': 'type: object\n',
    'billing.yaml': 'openapi: 3.1.0\n',
    'bom.json': '\uFEFF{"openapi": "3.1.0"}',
    'big.json': `{"x-internal": true, "padding": "${'x'.repeat(300 * 1024)}",\n "x-internal": false}`,
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(at(file)), { recursive: true });
    fs.writeFileSync(at(file), text);
  }
  fs.writeFileSync(path.join(work, 'outside.yaml'), 'openapi: 3.1.0\n');
  fs.symlinkSync(at('b/secret.yaml'), at('a/link.yaml'));
  fs.symlinkSync(at('b'), at('a/lib'));
  fs.symlinkSync(path.join(work, 'outside.yaml'), at('linked-root.yaml'));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const resolve = (from: string, ref: string) => new SafeResolver(specs).resolveDocument(at(from), ref);

describe('SafeResolver refs', () => {
  it("follows refs inside the API's folder and into the shared folder", async () => {
    await expect(resolve('a/openapi.yaml', './local.yaml')).resolves.toMatchObject({ parsed: { type: 'string' } });
    await expect(resolve('a/openapi.yaml', '../_shared/errors.yaml')).resolves.toMatchObject({ parsed: { type: 'object' } });
    await expect(resolve('billing.yaml', './_shared/errors.yaml')).resolves.toMatchObject({ parsed: { type: 'object' } });
  });

  it("refuses a sibling API's folder", async () => {
    await expect(resolve('a/openapi.yaml', '../b/secret.yaml')).rejects.toThrow(
      "refused: '../b/secret.yaml' resolves to b/secret.yaml, in another API's folder (b/); refs may only point at files in this API's folder (a/) or in the shared folder (_shared/). Move the file into a/ or into _shared/.",
    );
  });

  it('refuses a folder whose name merely starts with the API folder name', async () => {
    await expect(resolve('api/openapi.yaml', '../api-secrets/x.yaml')).rejects.toThrow(
      "refused: '../api-secrets/x.yaml' resolves to api-secrets/x.yaml, in another API's folder (api-secrets/)",
    );
  });

  it('refuses symlinks that lead into a sibling, whether a file or a folder', async () => {
    await expect(resolve('a/openapi.yaml', './link.yaml')).rejects.toThrow("refused: './link.yaml' resolves to b/secret.yaml, in another API's folder (b/)");
    await expect(resolve('a/openapi.yaml', './lib/secret.yaml')).rejects.toThrow("refused: './lib/secret.yaml' resolves to b/secret.yaml, in another API's folder (b/)");
  });

  it('refuses a single-file API reading into an API folder', async () => {
    await expect(resolve('billing.yaml', './a/local.yaml')).rejects.toThrow("refused: './a/local.yaml' resolves to a/local.yaml, in another API's folder (a/)");
  });

  it('says a missing file is missing, and where it looked', async () => {
    await expect(resolve('a/openapi.yaml', './nope.yaml')).rejects.toThrow(
      "missing: './nope.yaml': there is no file a/nope.yaml in the specs folder (a path is relative to the file that holds the $ref).",
    );
  });
});

describe('SafeResolver roots', () => {
  it('refuses a root that is a symlink, even one committed inside the specs folder', async () => {
    await expect(new SafeResolver(specs).resolveDocument(null, at('linked-root.yaml'), true)).rejects.toThrow(
      'refused: the file is a symbolic link; only real files under the specs folder are read, so commit the file itself.',
    );
  });

  it('refuses a root outside the specs folder', async () => {
    await expect(new SafeResolver(specs).resolveDocument(null, path.join(work, 'outside.yaml'), true)).rejects.toThrow('refused: the file lies outside the specs folder.');
  });
});

describe('SafeResolver parsing', () => {
  it('drops a byte order mark, so a JSON file that starts with one parses', async () => {
    await expect(new SafeResolver(specs).resolveDocument(null, at('bom.json'))).resolves.toMatchObject({ parsed: { openapi: '3.1.0' } });
  });

  it('finds duplicate keys in JSON over 256 KB, at the second key', async () => {
    await expect(new SafeResolver(specs).resolveDocument(null, at('big.json'))).rejects.toThrow(
      'duplicated mapping key "x-internal": each key may appear once per mapping (2:2)',
    );
  });
});

describe('SafeResolver.forBundle', () => {
  it('hands out private copies of files several APIs use, so one bundle cannot change what the next reads', async () => {
    const resolver = new SafeResolver(specs);
    resolver.setSharedFiles(new Set([at('_shared/errors.yaml')]));
    const original = await resolver.resolveDocument(at('a/openapi.yaml'), '../_shared/errors.yaml');
    const copy = await resolver.forBundle().resolveDocument(at('a/openapi.yaml'), '../_shared/errors.yaml');
    if (original instanceof Error || copy instanceof Error) throw new Error('expected documents');
    (copy.parsed as Record<string, unknown>).type = 'changed by a bundle';
    expect(original.parsed).toEqual({ type: 'object' });
  });
});
