import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPathDerivedId, isRootDocument, isSpecFileName, listSpecFiles } from '../../../src/load/spec-files.ts';

const fixtures = path.resolve('tests/fixtures/unit-spec-files');
const relative = (files: string[]) => files.map((file) => path.relative(fixtures, file).split(path.sep).join('/'));

describe('isRootDocument', () => {
  it('is true for a mapping with a top-level openapi or swagger key', () => {
    expect(isRootDocument({ openapi: '3.1.0', info: {} })).toBe(true);
    expect(isRootDocument({ info: { title: 'x' }, swagger: '2.0' })).toBe(true);
  });

  it('is false for fragments, even with a nested openapi property', () => {
    expect(isRootDocument({ type: 'object', properties: { openapi: { type: 'string' } } })).toBe(false);
    expect(isRootDocument('openapi')).toBe(false);
    expect(isRootDocument(null)).toBe(false);
    expect(isRootDocument(['openapi'])).toBe(false);
  });

  it('counts a list whose first item is a root, so loading it reports the mistake', () => {
    expect(isRootDocument([{ openapi: '3.0.3' }])).toBe(true);
    expect(isRootDocument([{ type: 'object' }, { openapi: '3.0.3' }])).toBe(false);
  });

  it('reads only own keys, never inherited ones', () => {
    expect(isRootDocument(Object.create({ openapi: '3.1.0' }))).toBe(false);
  });
});

describe('isSpecFileName', () => {
  it('accepts YAML and JSON files in any case', () => {
    expect(['a.yaml', 'a.yml', 'a.json', 'A.YAML'].every(isSpecFileName)).toBe(true);
  });

  it('rejects lint configs and other files', () => {
    expect(['redocly.yaml', 'redocly.yml', '.redocly.yaml', 'notes.txt', 'spec.yaml.bak'].some(isSpecFileName)).toBe(false);
  });
});

describe('listSpecFiles', () => {
  it('lists YAML and JSON files in name order, skipping hidden folders and redocly.yaml', async () => {
    expect(relative(await listSpecFiles(fixtures))).toEqual([
      'billing.json',
      'invoice.json',
      'legacy.yml',
      'payments/openapi.yaml',
      'payments/schemas/Payment.yaml',
    ]);
  });

  describe('with node_modules and .git folders', () => {
    let dir = '';
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-spec-files-'));
      for (const sub of ['node_modules/pkg', '.git', 'orders']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
      for (const file of ['node_modules/pkg/openapi.yaml', '.git/openapi.yaml', 'orders/openapi.yaml']) fs.writeFileSync(path.join(dir, file), 'openapi: 3.1.0\n');
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('never looks inside them', async () => {
      expect((await listSpecFiles(dir)).map((file) => path.relative(dir, file))).toEqual([path.join('orders', 'openapi.yaml')]);
    });
  });
});

describe('getPathDerivedId', () => {
  const specs = path.resolve('/repo/specs');
  const id = (file: string) => getPathDerivedId(specs, path.join(specs, file));

  it('names an API in a folder after the folder', () => {
    expect(id('payments/openapi.yaml')).toBe('payments');
    expect(id('payments/swagger.json')).toBe('payments');
    expect(id('payments/api.yml')).toBe('payments');
  });

  it('names a single-file API after the file', () => {
    expect(id('billing.yaml')).toBe('billing');
    expect(id('retail-orders.json')).toBe('retail-orders');
  });

  it('joins nested folders with hyphens', () => {
    expect(id('logistics/tracking/openapi.yaml')).toBe('logistics-tracking');
    expect(id('logistics/tracking-v2.yaml')).toBe('logistics-tracking-v2');
  });

  it('keeps a generic file name at the top of the specs folder', () => {
    expect(id('openapi.yaml')).toBe('openapi');
  });
});
