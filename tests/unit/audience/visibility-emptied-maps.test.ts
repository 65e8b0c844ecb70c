// Maps that a removal leaves empty are dropped from the download, rather than kept as `{}` that say
// "something was here". Only maps the structure allows to be absent go; schema keywords stay.
import { describe, expect, it } from 'vitest';
import type { BuildTarget } from '../../../src/core/audience.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import { filterDocument } from '../../../src/audience/visibility.ts';

const openSite: BuildTarget = { audience: 'open' };
const info = { title: 'Pets', version: '1.0.0' };
const ok = { description: 'OK' };
const hiddenJson = { 'application/json': { 'x-internal': true, schema: { type: 'string' } } };
const hiddenExample = { staff: { 'x-internal': true, value: 'staff-7' } };

function oas3(rest: JsonObject): JsonObject {
  return { openapi: '3.1.0', info, paths: {}, ...rest };
}

describe('maps left empty by a removal', () => {
  it('drops the content and examples maps of request bodies, parameters and headers', () => {
    const document = oas3({
      paths: {
        '/pets': {
          post: {
            parameters: [
              { name: 'filter', in: 'query', content: hiddenJson },
              { name: 'limit', in: 'query', schema: { type: 'integer' }, examples: hiddenExample },
            ],
            requestBody: { description: 'A pet', content: hiddenJson },
            responses: {
              '200': {
                description: 'OK',
                headers: { 'X-Trace': { content: hiddenJson }, 'X-Rate': { schema: { type: 'integer' }, examples: hiddenExample } },
              },
            },
          },
        },
      },
    });
    expect(filterDocument(document, openSite, 'oas3').document).toEqual(
      oas3({
        paths: {
          '/pets': {
            post: {
              parameters: [{ name: 'filter', in: 'query' }, { name: 'limit', in: 'query', schema: { type: 'integer' } }],
              requestBody: { description: 'A pet' },
              responses: { '200': { description: 'OK', headers: { 'X-Trace': {}, 'X-Rate': { schema: { type: 'integer' } } } } },
            },
          },
        },
      }),
    );
  });

  it('drops the servers lists of a path item and of an operation', () => {
    const staffServer = { url: 'https://staff.pets.example.com', 'x-internal': true };
    const document = oas3({ paths: { '/pets': { servers: [staffServer], get: { servers: [staffServer], responses: { '200': ok } } } } });
    expect(filterDocument(document, openSite, 'oas3').document).toEqual(oas3({ paths: { '/pets': { get: { responses: { '200': ok } } } } }));
  });

  it('drops the encoding map of a media type and the headers map of an encoding', () => {
    const media = {
      schema: { type: 'object', properties: { file: { type: 'string' }, note: { type: 'string' } } },
      encoding: { file: { contentType: 'image/png', headers: { 'X-Scan': { 'x-internal': true, schema: { type: 'string' } } } }, note: { 'x-internal': true, contentType: 'text/plain' } },
    };
    const form = { schema: { type: 'object' }, encoding: { note: { 'x-internal': true, contentType: 'text/plain' } } };
    const document = oas3({ paths: { '/pets': { post: { requestBody: { content: { 'multipart/form-data': media, 'multipart/mixed': form } }, responses: { '200': ok } } } } });
    const filtered = filterDocument(document, openSite, 'oas3').document;
    const body = (((filtered.paths as JsonObject)['/pets'] as JsonObject).post as JsonObject).requestBody as JsonObject;
    expect(body).toEqual({
      content: { 'multipart/form-data': { schema: media.schema, encoding: { file: { contentType: 'image/png' } } }, 'multipart/mixed': { schema: { type: 'object' } } },
    });
  });
});
