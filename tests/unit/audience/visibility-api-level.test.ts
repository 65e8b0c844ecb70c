// Whether a site shows an API at all is the catalog's decision, from the markers on `info`. The filter
// never removes the description itself or its info: it filters what is inside and strips the markers.
import { describe, expect, it } from 'vitest';
import type { BuildTarget } from '../../../src/core/audience.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import { filterDocument } from '../../../src/audience/visibility.ts';

const openSite: BuildTarget = { audience: 'open' };
const partnerSite: BuildTarget = { audience: 'partner' };
const ok = { description: 'OK' };

describe('the description and its info', () => {
  it('keeps info, without its markers, on a site those markers leave out', () => {
    const document: JsonObject = {
      openapi: '3.1.0',
      info: { title: 'Acme orders', version: '1.0.0', 'x-partners': ['acme'] },
      paths: { '/orders': { get: { responses: { '200': ok } } } },
    };
    expect(filterDocument(document, partnerSite, 'oas3').document).toEqual({ openapi: '3.1.0', info: { title: 'Acme orders', version: '1.0.0' }, paths: { '/orders': { get: { responses: { '200': ok } } } } });
  });

  it('still filters the elements of a description that carries markers on its root, and strips them there too', () => {
    const document: JsonObject = {
      openapi: '3.1.0',
      'x-audience': 'partner',
      info: { title: 'Pets', version: '1.0.0' },
      paths: { '/pets': { get: { responses: { '200': ok } }, delete: { 'x-internal': true, responses: { '204': ok } } } },
    };
    expect(filterDocument(document, openSite, 'oas3').document).toEqual({ openapi: '3.1.0', info: { title: 'Pets', version: '1.0.0' }, paths: { '/pets': { get: { responses: { '200': ok } } } } });
  });
});
