import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRootDocuments } from '../../../src/load/catalog-load.ts';

const fixtures = path.resolve('tests/fixtures/load-roots');
const relative = (files: Iterable<string>) => [...files].map((file) => path.relative(fixtures, file).split(path.sep).join('/'));

describe('findRootDocuments', () => {
  it.each([
    ['a .yaml file written as JSON', 'json-written.yaml'],
    ['a YAML file starting with a byte order mark', 'bom.yaml'],
    ['a JSON file starting with a byte order mark', 'bom.json'],
    ['a double-quoted "openapi" key', 'quoted.yaml'],
    ["a single-quoted 'swagger' key", 'single-quoted.yml'],
    ['a flow-style mapping {openapi: ...}', 'flow.yaml'],
    ['a JSON root whose openapi key comes last', 'late-key.json'],
    ['a plain root in an API folder', 'payments/openapi.yaml'],
  ])('finds %s as a root, by parsing it', async (_, file) => {
    const { roots } = await findRootDocuments(fixtures);
    expect(relative(roots)).toContain(file);
  });

  it('finds no other roots', async () => {
    const { roots } = await findRootDocuments(fixtures);
    expect(roots).toHaveLength(8);
  });

  it('treats a fragment with a nested openapi property as a fragment', async () => {
    const { roots, files } = await findRootDocuments(fixtures);
    expect(relative(files)).toContain('payments/Payment.yaml');
    expect(relative(roots)).not.toContain('payments/Payment.yaml');
  });

  it('never makes a file in the shared folder an API, even one with an openapi key', async () => {
    const { roots, files } = await findRootDocuments(fixtures);
    expect(relative(files)).toContain('_shared/common.yaml');
    expect(relative(roots)).not.toContain('_shared/common.yaml');
  });

  it('keeps a file that does not parse apart, with its error, since it may be a root', async () => {
    const { unparsed } = await findRootDocuments(fixtures);
    expect([...unparsed].map(([file, diagnostic]) => [relative([file])[0], diagnostic])).toEqual([
      [
        'payments/broken.yaml',
        {
          rule: 'parse-error',
          severity: 'error',
          message: 'Cannot parse this file: Flow sequence in block collection must be sufficiently indented and end with a ].',
          file: path.join(fixtures, 'payments/broken.yaml'),
          line: 2,
          col: 1,
        },
      ],
    ]);
  });
});
