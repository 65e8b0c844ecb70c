// What the download keeps of references once the filter removed what some of them point at: every
// reference left resolves, whatever order the document lists things in and however long the chain.
import { describe, expect, it } from 'vitest';
import type { BuildTarget } from '../../../src/core/audience.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import { filterDocument } from '../../../src/audience/visibility.ts';

const openSite: BuildTarget = { audience: 'open' };
const info = { title: 'Pets', version: '1.0.0' };
const ok = { description: 'OK' };

function oas3(rest: JsonObject): JsonObject {
  return { openapi: '3.1.0', info, paths: {}, ...rest };
}

function view(document: JsonObject, target: BuildTarget = openSite): JsonObject {
  return filterDocument(document, target, 'oas3').document;
}

/** GET /pets answering 200 with one JSON media type. */
function petsReturning(media: JsonObject): JsonObject {
  return { '/pets': { get: { responses: { '200': { description: 'OK', content: { 'application/json': media } } } } } };
}

const schemaRef = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

describe('chains of references', () => {
  it('removes every alias of a removed schema when each alias comes before the one it names', () => {
    const document = oas3({
      paths: petsReturning({ schema: schemaRef('A'), example: { note: 'for staff' } }),
      components: { schemas: { A: schemaRef('B'), B: schemaRef('C'), C: schemaRef('D'), D: { 'x-internal': true, type: 'object' } } },
    });
    expect(view(document)).toEqual(oas3({ paths: petsReturning({}) }));
  });

  it('removes allOf branches along a chain that runs backwards through the document', () => {
    const document = oas3({
      paths: petsReturning({ schema: schemaRef('Pet') }),
      components: {
        schemas: {
          Pet: { type: 'object', properties: { name: { type: 'string' }, owner: schemaRef('Owner') } },
          Owner: { allOf: [schemaRef('Person')] },
          Person: { allOf: [{ type: 'object' }, schemaRef('Staff')] },
          Staff: { $ref: '#/components/schemas/Secret' },
          Secret: { 'x-internal': true, type: 'object' },
        },
      },
    });
    expect((view(document).components as JsonObject).schemas).toEqual({
      Pet: { type: 'object', properties: { name: { type: 'string' }, owner: schemaRef('Owner') } },
      Owner: { allOf: [schemaRef('Person')] },
      Person: { allOf: [{ type: 'object' }] },
    });
  });

  it('prunes a component that only the other keywords of a removed $ref schema used', () => {
    const document = oas3({
      paths: petsReturning({ schema: { type: 'object', properties: { name: { type: 'string' }, audit: { $ref: '#/components/schemas/Audit', unevaluatedProperties: schemaRef('AuditNote') } } } }),
      components: { schemas: { Audit: { 'x-internal': true, type: 'object' }, AuditNote: { type: 'string' } } },
    });
    expect(view(document)).toEqual(oas3({ paths: petsReturning({ schema: { type: 'object', properties: { name: { type: 'string' } } } }) }));
  });

  it('filters schemas whose bare $refs or allOf refer to each other in a loop', () => {
    const document = oas3({
      paths: petsReturning({ schema: schemaRef('Loop'), example: { name: 'Rex', ssn: '1' } }),
      components: {
        schemas: {
          Loop: { $ref: '#/components/schemas/Back' },
          Back: { $ref: '#/components/schemas/Loop' },
          Node: { 'x-internal': true, allOf: [schemaRef('Node'), { properties: { ssn: { type: 'string' } } }] },
          Tree: { allOf: [schemaRef('Node'), { type: 'object', required: ['name', 'ssn'], properties: { name: { type: 'string' } } }], example: { name: 'Rex', ssn: '1' } },
        },
      },
    });
    const filtered = view(document);
    expect(filtered.paths).toEqual(petsReturning({ schema: schemaRef('Loop'), example: { name: 'Rex', ssn: '1' } }));
    expect((filtered.components as JsonObject).schemas).toEqual({ Loop: { $ref: '#/components/schemas/Back' }, Back: { $ref: '#/components/schemas/Loop' } });
  });
});

describe('references into other documents', () => {
  it('keeps a $ref into another document, and removes an internal schema that extends one', () => {
    const external = { $ref: 'https://schemas.example.com/person.json' };
    const document = oas3({
      paths: petsReturning({ schema: { type: 'object', properties: { owner: external, vet: schemaRef('Vet') } } }),
      components: { schemas: { Vet: { 'x-internal': true, allOf: [external, { properties: { licence: { type: 'string' } } }] } } },
    });
    expect(view(document)).toEqual(oas3({ paths: petsReturning({ schema: { type: 'object', properties: { owner: external } } }) }));
  });

  it('keeps a link whose operationRef points at an operation of another API', () => {
    const links = { owner: { operationRef: 'https://people.example.com/openapi.json#/paths/~1people~1{id}/get' } };
    const document = oas3({ paths: { '/pets': { get: { responses: { '200': { description: 'OK', links } } } } } });
    expect(view(document)).toEqual(document);
  });
});

describe('links by operationId', () => {
  it('removes links to a removed operation wherever they are, a shared links component included', () => {
    const document = oas3({
      paths: {
        '/pets': {
          get: { operationId: 'listPets', responses: { '200': { description: 'OK', links: { purge: { operationId: 'purgePets' }, shared: { $ref: '#/components/links/Purge' } } } } },
          delete: { 'x-internal': true, operationId: 'purgePets', responses: { '204': ok } },
        },
      },
      components: { links: { Purge: { operationId: 'purgePets' } } },
    });
    expect(view(document)).toEqual(oas3({ paths: { '/pets': { get: { operationId: 'listPets', responses: { '200': ok } } } } }));
  });

  it('keeps a link naming an operationId this description does not define, even when a removed link named it too', () => {
    const links = { export: { operationId: 'exportPets' }, staffExport: { 'x-internal': true, operationId: 'exportPets' } };
    const document = oas3({
      paths: {
        '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'OK', links } } } },
      },
    });
    expect(view(document)).toEqual(oas3({ paths: { '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'OK', links: { export: { operationId: 'exportPets' } } } } } } } }));
  });

  it('keeps a link to an operation the site shows, even when a removed operation carried the same operationId', () => {
    const document = oas3({
      paths: {
        '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'OK', links: { again: { operationId: 'getPets' } } } } } },
        '/v1/pets': { get: { 'x-internal': true, operationId: 'getPets', responses: { '200': ok } } },
        '/v2/pets': { get: { operationId: 'getPets', responses: { '200': ok } } },
      },
    });
    expect((view(document).paths as JsonObject)['/pets']).toEqual((document.paths as JsonObject)['/pets']);
  });
});

describe('security requirements', () => {
  it('drops a requirement that combines a scheme the site shows with a removed one: the visible scheme alone would be wrong', () => {
    const document = oas3({
      security: [{ apiKey: [], staffCert: [] }, { apiKey: [] }],
      paths: { '/pets': { get: { responses: { '200': ok } } } },
      components: {
        securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' }, staffCert: { 'x-internal': true, type: 'mutualTLS' } },
      },
    });
    expect(view(document).security).toEqual([{ apiKey: [] }]);
  });
});
