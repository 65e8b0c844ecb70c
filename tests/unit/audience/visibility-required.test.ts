// What the download keeps of `required` lists once properties were hidden: a name goes only from the
// lists of schemas that describe the same object as the schema that hid it (itself, its allOf, $refs).
import { describe, expect, it } from 'vitest';
import type { BuildTarget } from '../../../src/core/audience.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import { filterDocument } from '../../../src/audience/visibility.ts';

const openSite: BuildTarget = { audience: 'open' };
const info = { title: 'Pets', version: '1.0.0' };

function oas3(rest: JsonObject): JsonObject {
  return { openapi: '3.1.0', info, paths: {}, ...rest };
}

/** The components.schemas of the open view of a description whose GET /pets returns `Pet`. */
function getOpenSchemas(schemas: JsonObject): JsonObject {
  const document = oas3({
    paths: { '/pets': { get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } } } } },
    components: { schemas },
  });
  return (filterDocument(document, openSite, 'oas3').document.components as JsonObject).schemas as JsonObject;
}

describe('required lists', () => {
  it('leaves alone the required list of a nested object that names a property hidden on the outer one', () => {
    const schemas = {
      Pet: {
        type: 'object',
        properties: { token: { 'x-internal': true, type: 'string' }, owner: { type: 'object', required: ['token'], additionalProperties: { type: 'string' } } },
      },
    };
    expect(getOpenSchemas(schemas)).toEqual({
      Pet: { type: 'object', properties: { owner: { type: 'object', required: ['token'], additionalProperties: { type: 'string' } } } },
    });
  });

  it('leaves alone the required list of an unrelated schema that names the same property', () => {
    const schemas = {
      Pet: { type: 'object', properties: { token: { 'x-internal': true, type: 'string' }, session: { $ref: '#/components/schemas/Session' } } },
      Session: { type: 'object', required: ['token'] },
    };
    expect(getOpenSchemas(schemas)).toEqual({ Pet: { type: 'object', properties: { session: { $ref: '#/components/schemas/Session' } } }, Session: { type: 'object', required: ['token'] } });
  });

  it('keeps a required name that no property declares, and an empty required list, when another property was hidden', () => {
    const schemas: JsonObject = {
      Pet: { type: 'object', required: ['name', 'tag'], properties: { name: { type: 'string' }, ssn: { 'x-internal': true, type: 'string' } }, additionalProperties: true },
      Toy: { allOf: [{ $ref: '#/components/schemas/Pet' }, { required: [] }] },
    };
    const document = oas3({
      paths: { '/toys': { get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Toy' } } } } } } } },
      components: { schemas },
    });
    expect((filterDocument(document, openSite, 'oas3').document.components as JsonObject).schemas).toEqual({
      Pet: { type: 'object', required: ['name', 'tag'], properties: { name: { type: 'string' } }, additionalProperties: true },
      Toy: { allOf: [{ $ref: '#/components/schemas/Pet' }, { required: [] }] },
    });
  });
});
