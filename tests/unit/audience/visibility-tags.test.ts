// What the download keeps of tag names: only removed root tags leave the operations and x-tagGroups
// that name them; other elements that merely carry a `name` are not tags.
import { describe, expect, it } from 'vitest';
import type { BuildTarget } from '../../../src/core/audience.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import { filterDocument } from '../../../src/audience/visibility.ts';

const openSite: BuildTarget = { audience: 'open' };
const info = { title: 'Pets', version: '1.0.0' };
const ok = { description: 'OK' };

describe('tag names', () => {
  it('keeps an operation tag named like a removed Swagger 2.0 parameter: the parameter is not a tag', () => {
    const document: JsonObject = {
      swagger: '2.0',
      info,
      tags: [{ name: 'pets' }],
      paths: { '/pets': { get: { tags: ['pets'], parameters: [{ $ref: '#/parameters/Limit' }], responses: { '200': ok } } } },
      parameters: { Limit: { name: 'limit', in: 'query', type: 'integer' }, Audit: { 'x-internal': true, name: 'pets', in: 'query', type: 'boolean' } },
    };
    expect(filterDocument(document, openSite, 'oas2').document).toEqual({
      swagger: '2.0',
      info,
      tags: [{ name: 'pets' }],
      paths: { '/pets': { get: { tags: ['pets'], parameters: [{ $ref: '#/parameters/Limit' }], responses: { '200': ok } } } },
      parameters: { Limit: { name: 'limit', in: 'query', type: 'integer' } },
    });
  });

  it('keeps a server named like a tag that only hidden operations used: the server is not a tag', () => {
    const document: JsonObject = {
      openapi: '3.2.0',
      info,
      servers: [{ name: 'sandbox', url: 'https://sandbox.pets.example.com' }],
      tags: [{ name: 'pets' }, { name: 'sandbox' }],
      paths: { '/pets': { get: { tags: ['pets'], responses: { '200': ok } }, delete: { 'x-internal': true, tags: ['sandbox'], responses: { '204': ok } } } },
    };
    expect(filterDocument(document, openSite, 'oas3').document).toEqual({
      openapi: '3.2.0',
      info,
      servers: [{ name: 'sandbox', url: 'https://sandbox.pets.example.com' }],
      tags: [{ name: 'pets' }],
      paths: { '/pets': { get: { tags: ['pets'], responses: { '200': ok } } } },
    });
  });

  it('keeps an x-tagGroups entry that lists no tags as written, and removes the removed tag from the others', () => {
    const document: JsonObject = {
      openapi: '3.1.0',
      info,
      tags: [{ name: 'pets' }, { name: 'payroll', 'x-internal': true }],
      paths: { '/pets': { get: { tags: ['pets', 'payroll'], responses: { '200': ok } } } },
      'x-tagGroups': [{ name: 'Coming soon' }, { name: 'Everything', tags: ['pets', 'payroll'] }],
    };
    expect(filterDocument(document, openSite, 'oas3').document).toEqual({
      openapi: '3.1.0',
      info,
      tags: [{ name: 'pets' }],
      paths: { '/pets': { get: { tags: ['pets'], responses: { '200': ok } } } },
      'x-tagGroups': [{ name: 'Coming soon' }, { name: 'Everything', tags: ['pets'] }],
    });
  });
});
