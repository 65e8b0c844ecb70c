// What the download keeps of instance values (examples, defaults, enums, constants) once the filter
// removed part of the schema that describes them: each value loses exactly what the hidden part held.
import { describe, expect, it } from 'vitest';
import type { BuildTarget } from '../../../src/core/audience.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import { filterDocument } from '../../../src/audience/visibility.ts';

const openSite: BuildTarget = { audience: 'open' };
const info = { title: 'Pets', version: '1.0.0' };

function oas3(rest: JsonObject): JsonObject {
  return { openapi: '3.1.0', info, paths: {}, ...rest };
}

function swagger2(rest: JsonObject): JsonObject {
  return { swagger: '2.0', info, paths: {}, ...rest };
}

function view(document: JsonObject, target: BuildTarget = openSite): JsonObject {
  return filterDocument(document, target, 'oas3').document;
}

function view2(document: JsonObject, target: BuildTarget = openSite): JsonObject {
  return filterDocument(document, target, 'oas2').document;
}

/** GET /pets answering 200 with one JSON media type. */
function petsReturning(media: JsonObject): JsonObject {
  return { '/pets': { get: { responses: { '200': { description: 'OK', content: { 'application/json': media } } } } } };
}

/** The JSON media type of GET /pets 200 in a filtered 3.x description. */
function getPetsMedia(document: JsonObject): JsonObject {
  const response = ((((document.paths as JsonObject)['/pets'] as JsonObject).get as JsonObject).responses as JsonObject)['200'] as JsonObject;
  return (response.content as JsonObject)['application/json'] as JsonObject;
}

describe('Swagger 2.0 parameters and headers that carry their schema inline', () => {
  it('empty the example and default lists of a query parameter and a header whose items schema is hidden', () => {
    const hiddenItems = { 'x-internal': true, type: 'string', enum: ['INT-1'] };
    const document = swagger2({
      paths: {
        '/pets': {
          get: {
            parameters: [{ name: 'codes', in: 'query', type: 'array', items: hiddenItems, 'x-example': ['INT-1'], default: ['INT-2'] }],
            responses: { '200': { description: 'OK', headers: { 'X-Codes': { type: 'array', items: hiddenItems, default: ['INT-3'] } } } },
          },
        },
      },
    });
    expect(view2(document)).toEqual(
      swagger2({
        paths: {
          '/pets': {
            get: {
              parameters: [{ name: 'codes', in: 'query', type: 'array', 'x-example': [], default: [] }],
              responses: { '200': { description: 'OK', headers: { 'X-Codes': { type: 'array', default: [] } } } },
            },
          },
        },
      }),
    );
  });
});
