// The README's example spec (copied verbatim into tests/fixtures/readme-example) does what the
// README says it does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { filterDocument } from '../../src/audience/visibility.ts';

const FIXTURE = path.resolve('tests/fixtures/readme-example/tracking.yaml');

describe("the README's example of one spec for several audiences", () => {
  it('is the spec printed in the README', () => {
    expect(fs.readFileSync('README.md', 'utf8')).toContain(fs.readFileSync(FIXTURE, 'utf8'));
  });

  it('gives the open site getShipment and a Shipment with only id, and no trace of the internal parts', () => {
    const original = YAML.parse(fs.readFileSync(FIXTURE, 'utf8'));
    const { document } = filterDocument(original, { audience: 'open' }, 'oas3');
    expect(Object.keys(document.paths as object)).toEqual(['/shipments/{id}']);
    expect((document.components as { schemas: unknown }).schemas).toEqual({
      Shipment: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
    });
    const text = JSON.stringify(document);
    for (const hidden of ['recordManualScan', 'sortingHubCode', 'x-audience', 'x-internal']) expect(text).not.toContain(hidden);
  });
});
