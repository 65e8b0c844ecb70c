import { describe, expect, it } from 'vitest';
import type { BuildTarget } from '../../../src/core/audience.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import { filterDocument, getDeclaredVisibility, isElementVisible, isPathItemHidden, stripAudienceMarkers } from '../../../src/audience/visibility.ts';

const openSite: BuildTarget = { audience: 'open' };
const partnerSite: BuildTarget = { audience: 'partner' };
const acmeSite: BuildTarget = { audience: 'partner', partner: 'acme' };
const globexSite: BuildTarget = { audience: 'partner', partner: 'globex' };
const internalSite: BuildTarget = { audience: 'internal' };
/** Every site that is not the internal one: internal elements must be gone from all of them. */
const nonInternalSites = [openSite, partnerSite, acmeSite];

const info = { title: 'Pets', version: '1.0.0' };
const ok = { description: 'OK' };

function oas3(rest: JsonObject): JsonObject {
  return { openapi: '3.1.0', info, paths: {}, ...rest };
}

function swagger2(rest: JsonObject): JsonObject {
  return { swagger: '2.0', info, paths: {}, ...rest };
}

/** The 3.x description as `target` may see it. */
function view(document: JsonObject, target: BuildTarget = openSite): JsonObject {
  return filterDocument(document, target, 'oas3').document;
}

/** The 2.0 description as `target` may see it. */
function view2(document: JsonObject, target: BuildTarget = openSite): JsonObject {
  return filterDocument(document, target, 'oas2').document;
}

/** One GET /pets operation answering 200 with `response` merged in. */
function petsWith(response: JsonObject, operation: JsonObject = {}): JsonObject {
  return { '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'OK', ...response } }, ...operation } } };
}

describe('getDeclaredVisibility', () => {
  it('returns undefined for an element without audience markers', () => {
    expect(getDeclaredVisibility({ type: 'string', description: 'Mentions x-audience only in prose.' })).toBeUndefined();
  });

  it('reads each valid x-audience value', () => {
    expect(getDeclaredVisibility({ 'x-audience': 'open' })).toEqual({ audience: 'open' });
    expect(getDeclaredVisibility({ 'x-audience': 'partner' })).toEqual({ audience: 'partner' });
    expect(getDeclaredVisibility({ 'x-audience': 'internal' })).toEqual({ audience: 'internal' });
  });

  it('treats x-internal: true as internal, whatever x-audience says', () => {
    expect(getDeclaredVisibility({ 'x-internal': true })).toEqual({ audience: 'internal' });
    expect(getDeclaredVisibility({ 'x-internal': true, 'x-audience': 'open' })).toEqual({ audience: 'internal' });
  });

  it('leaves x-audience in charge when x-internal is false', () => {
    expect(getDeclaredVisibility({ 'x-internal': false, 'x-audience': 'partner' })).toEqual({ audience: 'partner' });
  });

  it('reads an x-partners list without x-audience as partner content for those partners', () => {
    expect(getDeclaredVisibility({ 'x-partners': ['acme'] })).toEqual({ audience: 'partner', partners: ['acme'] });
    expect(getDeclaredVisibility({ 'x-audience': 'partner', 'x-partners': ['acme', 'globex'] })).toEqual({ audience: 'partner', partners: ['acme', 'globex'] });
  });

  it('counts every invalid value as internal, never as something wider', () => {
    const invalid: JsonObject[] = [
      { 'x-audience': 'Internal' },
      { 'x-audience': 'public' },
      { 'x-internal': 'yes' },
      { 'x-internal': 'false' },
      { 'x-partners': 'acme' },
      { 'x-partners': [] },
      { 'x-partners': ['Acme Retail'] },
      { 'x-audience': 'partner', 'x-partners': 'acme' },
      { 'x-audience': 'open', 'x-partners': 'acme' },
    ];
    for (const node of invalid) expect(getDeclaredVisibility(node), JSON.stringify(node)).toEqual({ audience: 'internal' });
  });
});

describe('isElementVisible', () => {
  it('shows an element without markers on every site', () => {
    for (const site of [openSite, partnerSite, acmeSite, internalSite]) expect(isElementVisible({ type: 'string' }, site)).toBe(true);
  });

  it('shows partner elements on the partner sites and the internal site, not on the open site', () => {
    const node = { 'x-audience': 'partner' };
    expect(isElementVisible(node, openSite)).toBe(false);
    expect(isElementVisible(node, partnerSite)).toBe(true);
    expect(isElementVisible(node, acmeSite)).toBe(true);
    expect(isElementVisible(node, internalSite)).toBe(true);
  });

  it('shows an element for x-partners [acme] only on the acme site and the internal site', () => {
    const node = { 'x-audience': 'partner', 'x-partners': ['acme'] };
    expect(isElementVisible(node, openSite)).toBe(false);
    expect(isElementVisible(node, partnerSite)).toBe(false);
    expect(isElementVisible(node, globexSite)).toBe(false);
    expect(isElementVisible(node, acmeSite)).toBe(true);
    expect(isElementVisible(node, internalSite)).toBe(true);
  });

  it('shows internal elements only on the internal site', () => {
    const node = { 'x-internal': true };
    for (const site of nonInternalSites) expect(isElementVisible(node, site)).toBe(false);
    expect(isElementVisible(node, internalSite)).toBe(true);
  });
});

describe('filterDocument on the internal site', () => {
  it('returns the very same document and removes nothing', () => {
    const document = oas3({
      paths: { '/pets': { get: { 'x-internal': true, operationId: 'listPets', responses: { '200': ok } } } },
      components: { schemas: { Orphan: { 'x-audience': 'internal', type: 'string' } } },
    });
    const copy = structuredClone(document);
    const result = filterDocument(document, internalSite, 'oas3');
    expect(result.document).toBe(document);
    expect(result.removed).toEqual([]);
    expect(document).toEqual(copy);
  });
});

describe('filterDocument: internal elements are removed from the open and partner sites', () => {
  function expectGoneEverywhereButInternal(document: JsonObject, expected: JsonObject): void {
    for (const site of nonInternalSites) expect(view(document, site), JSON.stringify(site)).toEqual(expected);
  }

  it('removes a path item marked x-audience: internal', () => {
    const listPets = { operationId: 'listPets', responses: { '200': ok } };
    expectGoneEverywhereButInternal(
      oas3({ paths: { '/pets': { get: listPets }, '/admin/pets': { 'x-audience': 'internal', delete: { operationId: 'purgePets', responses: { '204': ok } } } } }),
      oas3({ paths: { '/pets': { get: listPets } } }),
    );
  });

  it('removes an operation marked x-internal', () => {
    const listPets = { operationId: 'listPets', responses: { '200': ok } };
    expectGoneEverywhereButInternal(
      oas3({ paths: { '/pets': { get: listPets, delete: { 'x-internal': true, operationId: 'purgePets', responses: { '204': ok } } } } }),
      oas3({ paths: { '/pets': { get: listPets } } }),
    );
  });

  it('removes a parameter marked x-internal', () => {
    const limit = { name: 'limit', in: 'query', schema: { type: 'integer' } };
    expectGoneEverywhereButInternal(
      oas3({ paths: petsWith({}, { parameters: [limit, { name: 'debug', in: 'query', 'x-internal': true, schema: { type: 'boolean' } }] }) }),
      oas3({ paths: petsWith({}, { parameters: [limit] }) }),
    );
  });

  it('removes a request body marked x-internal', () => {
    expectGoneEverywhereButInternal(
      oas3({
        paths: {
          '/pets': {
            post: {
              operationId: 'createPet',
              requestBody: { 'x-internal': true, content: { 'application/json': { schema: { type: 'object' } } } },
              responses: { '201': ok },
            },
          },
        },
      }),
      oas3({ paths: { '/pets': { post: { operationId: 'createPet', responses: { '201': ok } } } } }),
    );
  });

  it('removes a response marked x-audience: internal', () => {
    expectGoneEverywhereButInternal(
      oas3({ paths: { '/pets': { get: { responses: { '200': ok, '418': { 'x-audience': 'internal', description: 'Debug teapot' } } } } } }),
      oas3({ paths: { '/pets': { get: { responses: { '200': ok } } } } }),
    );
  });

  it('removes a media type marked x-internal', () => {
    const json = { schema: { type: 'object' } };
    expectGoneEverywhereButInternal(
      oas3({ paths: petsWith({ content: { 'application/json': json, 'text/csv': { 'x-internal': true, schema: { type: 'string' } } } }) }),
      oas3({ paths: petsWith({ content: { 'application/json': json } }) }),
    );
  });

  it('removes a response header marked x-internal', () => {
    const rateLimit = { schema: { type: 'integer' } };
    expectGoneEverywhereButInternal(
      oas3({ paths: petsWith({ headers: { 'X-Rate-Limit': rateLimit, 'X-Debug-Trace': { 'x-internal': true, schema: { type: 'string' } } } }) }),
      oas3({ paths: petsWith({ headers: { 'X-Rate-Limit': rateLimit } }) }),
    );
  });

  it('removes an Example object marked x-internal from a 3.x examples map', () => {
    const small = { value: { name: 'Rex' } };
    expectGoneEverywhereButInternal(
      oas3({
        paths: petsWith({
          content: { 'application/json': { schema: { type: 'object' }, examples: { small, staff: { 'x-internal': true, value: { name: 'Staff only' } } } } },
        }),
      }),
      oas3({ paths: petsWith({ content: { 'application/json': { schema: { type: 'object' }, examples: { small } } } }) }),
    );
  });

  it('removes a schema component marked x-internal together with the property that refers to it', () => {
    expectGoneEverywhereButInternal(
      oas3({
        paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }),
        components: {
          schemas: {
            Pet: { type: 'object', properties: { name: { type: 'string' }, audit: { $ref: '#/components/schemas/AuditEntry' } } },
            AuditEntry: { 'x-internal': true, type: 'object', properties: { by: { type: 'string' } } },
          },
        },
      }),
      oas3({
        paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }),
        components: { schemas: { Pet: { type: 'object', properties: { name: { type: 'string' } } } } },
      }),
    );
  });

  it("removes a property marked x-internal from the open view and from the schema's required list", () => {
    expectGoneEverywhereButInternal(
      oas3({
        paths: petsWith({
          content: {
            'application/json': {
              schema: { type: 'object', required: ['name', 'salary'], properties: { name: { type: 'string' }, salary: { 'x-internal': true, type: 'number' } } },
            },
          },
        }),
      }),
      oas3({
        paths: petsWith({ content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } } }),
      }),
    );
  });

  it('drops the required list when every required property was removed', () => {
    expect(
      view(
        oas3({
          paths: petsWith({
            content: {
              'application/json': {
                schema: { type: 'object', required: ['salary'], properties: { name: { type: 'string' }, salary: { 'x-internal': true, type: 'number' } } },
              },
            },
          }),
        }),
      ),
    ).toEqual(oas3({ paths: petsWith({ content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } }) }));
  });

  it('removes a tag marked x-internal and its name from the tags of operations', () => {
    expectGoneEverywhereButInternal(
      oas3({
        tags: [{ name: 'pets' }, { name: 'staff', 'x-internal': true }],
        paths: {
          '/pets': { get: { tags: ['pets', 'staff'], responses: { '200': ok } } },
          '/staff/pets': { get: { tags: ['staff'], responses: { '200': ok } } },
        },
      }),
      oas3({
        tags: [{ name: 'pets' }],
        paths: { '/pets': { get: { tags: ['pets'], responses: { '200': ok } } }, '/staff/pets': { get: { responses: { '200': ok } } } },
      }),
    );
  });

  it('removes a server marked x-internal', () => {
    expectGoneEverywhereButInternal(
      oas3({ servers: [{ url: 'https://api.pets.test' }, { url: 'https://staging.pets.internal', 'x-internal': true }] }),
      oas3({ servers: [{ url: 'https://api.pets.test' }] }),
    );
  });

  it('removes a security scheme marked x-internal and the requirements that name it', () => {
    const apiKey = { type: 'apiKey', in: 'header', name: 'X-API-Key' };
    expectGoneEverywhereButInternal(
      oas3({
        security: [{ apiKey: [] }, { staffSso: [] }],
        components: {
          securitySchemes: { apiKey, staffSso: { 'x-internal': true, type: 'openIdConnect', openIdConnectUrl: 'https://sso.pets.internal/.well-known/openid-configuration' } },
        },
      }),
      oas3({ security: [{ apiKey: [] }], components: { securitySchemes: { apiKey } } }),
    );
  });

  it('removes a webhook marked x-internal', () => {
    const petAdopted = { post: { responses: { '200': ok } } };
    expectGoneEverywhereButInternal(
      oas3({ webhooks: { petAdopted, ledgerSync: { 'x-internal': true, post: { responses: { '200': ok } } } } }),
      oas3({ webhooks: { petAdopted } }),
    );
  });

  it('removes a callback marked x-internal', () => {
    const onAdopted = { '{$request.body#/callbackUrl}': { post: { responses: { '200': ok } } } };
    expectGoneEverywhereButInternal(
      oas3({ paths: petsWith({}, { callbacks: { onAdopted, onAudit: { 'x-internal': true, '{$request.body#/auditUrl}': { post: { responses: { '200': ok } } } } } }) }),
      oas3({ paths: petsWith({}, { callbacks: { onAdopted } }) }),
    );
  });

  it('removes a link marked x-internal', () => {
    expectGoneEverywhereButInternal(
      oas3({ paths: petsWith({ links: { first: { operationId: 'listPets' }, audit: { 'x-internal': true, operationId: 'listPets', parameters: { trace: '$response.header.X-Trace' } } } }) }),
      oas3({ paths: petsWith({ links: { first: { operationId: 'listPets' } } }) }),
    );
  });
});

describe('filterDocument: internal components of every kind go with the $refs to them', () => {
  it('removes an internal parameters component and the parameter that refers to it', () => {
    const limit = { name: 'limit', in: 'query', schema: { type: 'integer' } };
    expect(
      view(
        oas3({
          paths: petsWith({}, { parameters: [{ $ref: '#/components/parameters/Limit' }, { $ref: '#/components/parameters/TraceId' }] }),
          components: { parameters: { Limit: limit, TraceId: { 'x-internal': true, name: 'X-Trace-Id', in: 'header', schema: { type: 'string' } } } },
        }),
      ),
    ).toEqual(oas3({ paths: petsWith({}, { parameters: [{ $ref: '#/components/parameters/Limit' }] }), components: { parameters: { Limit: limit } } }));
  });

  it('removes an internal responses component and the response that refers to it', () => {
    const notFound = { description: 'No such pet' };
    const operation = (responses: JsonObject) => ({ '/pets': { get: { responses: { '200': ok, ...responses } } } });
    expect(
      view(
        oas3({
          paths: operation({ '404': { $ref: '#/components/responses/NotFound' }, '500': { $ref: '#/components/responses/StackTrace' } }),
          components: { responses: { NotFound: notFound, StackTrace: { 'x-internal': true, description: 'Stack trace' } } },
        }),
      ),
    ).toEqual(oas3({ paths: operation({ '404': { $ref: '#/components/responses/NotFound' } }), components: { responses: { NotFound: notFound } } }));
  });

  it('removes an internal requestBodies component and the request body that refers to it', () => {
    const newPet = { content: { 'application/json': { schema: { type: 'object' } } } };
    expect(
      view(
        oas3({
          paths: {
            '/pets': {
              post: { requestBody: { $ref: '#/components/requestBodies/NewPet' }, responses: { '201': ok } },
              patch: { requestBody: { $ref: '#/components/requestBodies/StaffPatch' }, responses: { '200': ok } },
            },
          },
          components: { requestBodies: { NewPet: newPet, StaffPatch: { 'x-internal': true, content: { 'application/json': { schema: { type: 'object' } } } } } },
        }),
      ),
    ).toEqual(
      oas3({
        paths: { '/pets': { post: { requestBody: { $ref: '#/components/requestBodies/NewPet' }, responses: { '201': ok } }, patch: { responses: { '200': ok } } } },
        components: { requestBodies: { NewPet: newPet } },
      }),
    );
  });

  it('removes an internal headers component and the header that refers to it', () => {
    const rateLimit = { schema: { type: 'integer' } };
    expect(
      view(
        oas3({
          paths: petsWith({ headers: { 'X-Rate-Limit': { $ref: '#/components/headers/RateLimit' }, 'X-Debug-Trace': { $ref: '#/components/headers/DebugTrace' } } }),
          components: { headers: { RateLimit: rateLimit, DebugTrace: { 'x-internal': true, schema: { type: 'string' } } } },
        }),
      ),
    ).toEqual(
      oas3({ paths: petsWith({ headers: { 'X-Rate-Limit': { $ref: '#/components/headers/RateLimit' } } }), components: { headers: { RateLimit: rateLimit } } }),
    );
  });

  it('removes an internal examples component and the example that refers to it', () => {
    const rex = { value: { name: 'Rex' } };
    const content = (examples: JsonObject) => ({ content: { 'application/json': { schema: { type: 'object' }, examples } } });
    expect(
      view(
        oas3({
          paths: petsWith(content({ rex: { $ref: '#/components/examples/Rex' }, staff: { $ref: '#/components/examples/StaffPet' } })),
          components: { examples: { Rex: rex, StaffPet: { 'x-internal': true, value: { name: 'Staff only' } } } },
        }),
      ),
    ).toEqual(oas3({ paths: petsWith(content({ rex: { $ref: '#/components/examples/Rex' } })), components: { examples: { Rex: rex } } }));
  });

  it('removes an internal links component and the link that refers to it', () => {
    const first = { operationId: 'listPets' };
    expect(
      view(
        oas3({
          paths: petsWith({ links: { first: { $ref: '#/components/links/First' }, audit: { $ref: '#/components/links/Audit' } } }),
          components: { links: { First: first, Audit: { 'x-internal': true, operationId: 'listPets' } } },
        }),
      ),
    ).toEqual(oas3({ paths: petsWith({ links: { first: { $ref: '#/components/links/First' } } }), components: { links: { First: first } } }));
  });

  it('removes an internal callbacks component and the callback that refers to it', () => {
    const adopted = { '{$request.body#/callbackUrl}': { post: { responses: { '200': ok } } } };
    expect(
      view(
        oas3({
          paths: petsWith({}, { callbacks: { onAdopted: { $ref: '#/components/callbacks/Adopted' }, onAudit: { $ref: '#/components/callbacks/Audit' } } }),
          components: { callbacks: { Adopted: adopted, Audit: { 'x-internal': true, '{$request.body#/auditUrl}': { post: { responses: { '200': ok } } } } } },
        }),
      ),
    ).toEqual(
      oas3({ paths: petsWith({}, { callbacks: { onAdopted: { $ref: '#/components/callbacks/Adopted' } } }), components: { callbacks: { Adopted: adopted } } }),
    );
  });

  it('removes an internal pathItems component and the path that refers to it', () => {
    const pets = { get: { responses: { '200': ok } } };
    expect(
      view(
        oas3({
          paths: { '/pets': { $ref: '#/components/pathItems/Pets' }, '/staff': { $ref: '#/components/pathItems/Staff' } },
          components: { pathItems: { Pets: pets, Staff: { 'x-internal': true, get: { responses: { '200': ok } } } } },
        }),
      ),
    ).toEqual(oas3({ paths: { '/pets': { $ref: '#/components/pathItems/Pets' } }, components: { pathItems: { Pets: pets } } }));
  });

  it('removes an internal securitySchemes component and the operation requirements that name it', () => {
    const apiKey = { type: 'apiKey', in: 'header', name: 'X-API-Key' };
    expect(
      view(
        oas3({
          paths: petsWith({}, { security: [{ apiKey: [] }, { staffSso: ['admin'] }] }),
          components: { securitySchemes: { apiKey, staffSso: { 'x-internal': true, type: 'http', scheme: 'bearer' } } },
        }),
      ),
    ).toEqual(oas3({ paths: petsWith({}, { security: [{ apiKey: [] }] }), components: { securitySchemes: { apiKey } } }));
  });
});

describe('filterDocument: partner elements', () => {
  const document = oas3({
    paths: {
      '/pets': {
        get: { operationId: 'listPets', responses: { '200': ok } },
        post: { 'x-audience': 'partner', operationId: 'createPet', responses: { '201': ok } },
        put: { 'x-audience': 'partner', 'x-partners': ['acme'], operationId: 'bulkReplacePets', responses: { '200': ok } },
        patch: { 'x-partners': ['acme'], operationId: 'patchPets', responses: { '200': ok } },
      },
    },
  });
  const listPets = { operationId: 'listPets', responses: { '200': ok } };
  const createPet = { operationId: 'createPet', responses: { '201': ok } };

  it('keeps partner and partner-listed elements off the open site', () => {
    expect(view(document, openSite)).toEqual(oas3({ paths: { '/pets': { get: listPets } } }));
  });

  it('shows partner elements, but not elements for listed partners, on the all-partners site', () => {
    expect(view(document, partnerSite)).toEqual(oas3({ paths: { '/pets': { get: listPets, post: createPet } } }));
  });

  it('shows elements for x-partners [acme], with or without x-audience, on the acme site only', () => {
    expect(view(document, acmeSite)).toEqual(
      oas3({
        paths: {
          '/pets': {
            get: listPets,
            post: createPet,
            put: { operationId: 'bulkReplacePets', responses: { '200': ok } },
            patch: { operationId: 'patchPets', responses: { '200': ok } },
          },
        },
      }),
    );
    expect(view(document, globexSite)).toEqual(oas3({ paths: { '/pets': { get: listPets, post: createPet } } }));
  });
});

describe('filterDocument: a child cannot widen its parent', () => {
  it('removes an x-audience: open operation inside an internal path item', () => {
    expect(
      view(oas3({ paths: { '/admin': { 'x-audience': 'internal', get: { 'x-audience': 'open', operationId: 'getAdmin', responses: { '200': ok } } } } })),
    ).toEqual(oas3({ paths: {} }));
  });

  it('removes an x-audience: open parameter of an acme-only operation from the all-partners site', () => {
    expect(
      view(
        oas3({
          paths: {
            '/pets': {
              get: { responses: { '200': ok } },
              post: { 'x-partners': ['acme'], parameters: [{ 'x-audience': 'open', name: 'limit', in: 'query' }], responses: { '201': ok } },
            },
          },
        }),
        partnerSite,
      ),
    ).toEqual(oas3({ paths: { '/pets': { get: { responses: { '200': ok } } } } }));
  });
});

describe('filterDocument: invalid marker values count as internal', () => {
  const document = oas3({
    servers: [{ url: 'https://api.pets.test' }, { url: 'https://pets.corp.test', 'x-internal': 'yes' }],
    paths: {
      '/pets': {
        get: {
          operationId: 'listPets',
          responses: {
            '200': {
              description: 'OK',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { name: { type: 'string' }, margin: { 'x-partners': 'acme', type: 'number' } } },
                },
              },
            },
          },
        },
        delete: { 'x-audience': 'Internal', responses: { '204': ok } },
      },
    },
  });

  it('removes elements with x-audience: Internal, x-internal: "yes" or a non-list x-partners even from the acme site', () => {
    const expected = oas3({
      servers: [{ url: 'https://api.pets.test' }],
      paths: petsWith({ content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } }),
    });
    for (const site of [openSite, partnerSite, acmeSite]) expect(view(document, site), JSON.stringify(site)).toEqual(expected);
  });
});

describe('filterDocument: x-internal: false', () => {
  it('keeps an element marked x-internal: false on the open site, without the marker', () => {
    expect(
      view(oas3({ paths: petsWith({ content: { 'application/json': { schema: { type: 'object', properties: { name: { 'x-internal': false, type: 'string' } } } } } }) })),
    ).toEqual(oas3({ paths: petsWith({ content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } }) }));
  });

  it('does not bring back an element whose parent is internal', () => {
    expect(view(oas3({ paths: { '/admin': { 'x-internal': true, get: { 'x-internal': false, responses: { '200': ok } } } } }))).toEqual(oas3({ paths: {} }));
  });
});

describe('filterDocument: inline examples lose the values of removed properties', () => {
  const schemas: JsonObject = {
    Person: {
      type: 'object',
      properties: { name: { type: 'string' }, ssn: { 'x-internal': true, type: 'string' } },
      example: { name: 'Ada', ssn: '123-45-6789' },
    },
    Employee: {
      allOf: [{ $ref: '#/components/schemas/Person' }, { type: 'object', properties: { team: { type: 'string' }, salary: { 'x-internal': true, type: 'number' } } }],
    },
  };
  const full = { name: 'Ada', ssn: '123-45-6789', team: 'Core', salary: 100000 };
  const kept = { name: 'Ada', team: 'Core' };
  const document = oas3({
    paths: {
      '/employees/{id}': {
        get: {
          parameters: [{ name: 'filter', in: 'query', schema: { $ref: '#/components/schemas/Employee' }, example: full }],
          responses: {
            '200': {
              description: 'OK',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/Employee' },
                  example: full,
                  examples: { ada: { summary: 'Ada', value: full }, shared: { $ref: '#/components/examples/Ada' } },
                },
              },
            },
          },
        },
      },
      '/employees': {
        get: {
          responses: {
            '200': { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Person' } }, example: [{ name: 'Ada', ssn: '1' }, { name: 'Bo', ssn: '2' }] } } },
          },
        },
      },
    },
    components: { schemas, examples: { Ada: { value: full } } },
  });
  const original = structuredClone(document);
  // Filtered inside each test, never while the file is collected: mutation testing can then tell
  // which tests run which code, instead of running every test for every mutant.
  const getFiltered = () => view(document);
  const getById = () => ((getFiltered().paths as JsonObject)['/employees/{id}'] as JsonObject).get as JsonObject;
  const getMedia = () => (((getById().responses as JsonObject)['200'] as JsonObject).content as JsonObject)['application/json'] as JsonObject;

  it('prunes a media type example through $ref and allOf', () => {
    expect(getMedia().example).toEqual(kept);
  });

  it('prunes the value of each Example object in a 3.x examples map', () => {
    expect(getMedia().examples).toEqual({ ada: { summary: 'Ada', value: kept }, shared: { $ref: '#/components/examples/Ada' } });
  });

  it('prunes the value of an examples component reached through $ref', () => {
    expect((getFiltered().components as JsonObject).examples).toEqual({ Ada: { value: kept } });
  });

  it("prunes a schema's own example", () => {
    expect(((getFiltered().components as JsonObject).schemas as JsonObject).Person).toEqual({
      type: 'object',
      properties: { name: { type: 'string' } },
      example: { name: 'Ada' },
    });
  });

  it('prunes a parameter example', () => {
    expect((getById().parameters as JsonObject[])[0]!.example).toEqual(kept);
  });

  it('prunes each item of an array example', () => {
    const list = ((getFiltered().paths as JsonObject)['/employees'] as JsonObject).get as JsonObject;
    const listMedia = (((list.responses as JsonObject)['200'] as JsonObject).content as JsonObject)['application/json'] as JsonObject;
    expect(listMedia.example).toEqual([{ name: 'Ada' }, { name: 'Bo' }]);
  });

  it('filters a copy, leaving the examples of the original document as written', () => {
    getFiltered();
    expect(document).toEqual(original);
    expect((schemas.Person as JsonObject).example).toEqual({ name: 'Ada', ssn: '123-45-6789' });
  });
});

describe('filterDocument: references to removed elements', () => {
  it('removes links whose operationId or operationRef names a removed operation', () => {
    const document = oas3({
      paths: {
        '/pets': {
          get: {
            operationId: 'listPets',
            responses: {
              '200': {
                description: 'OK',
                links: {
                  pet: { operationId: 'getPet' },
                  audit: { operationId: 'getPetAudit' },
                  auditByRef: { operationRef: '#/paths/~1pets~1{id}/delete' },
                },
              },
            },
          },
        },
        '/pets/{id}': {
          get: { operationId: 'getPet', responses: { '200': ok } },
          delete: { 'x-internal': true, operationId: 'getPetAudit', responses: { '200': { description: 'OK', links: { pet: { operationId: 'getPet' } } } } },
        },
      },
    });
    expect(view(document)).toEqual(
      oas3({
        paths: {
          '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'OK', links: { pet: { operationId: 'getPet' } } } } } },
          '/pets/{id}': { get: { operationId: 'getPet', responses: { '200': ok } } },
        },
      }),
    );
  });

  it('keeps a visible link to a visible operation when an internal link to the same operation was removed', () => {
    const document = oas3({
      paths: {
        '/pets': {
          get: {
            operationId: 'listPets',
            responses: { '200': { description: 'OK', links: { pet: { operationId: 'getPet' }, petForStaff: { 'x-internal': true, operationId: 'getPet' } } } },
          },
        },
        '/pets/{id}': { get: { operationId: 'getPet', responses: { '200': ok } } },
      },
    });
    expect(view(document)).toEqual(
      oas3({
        paths: {
          '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'OK', links: { pet: { operationId: 'getPet' } } } } } },
          '/pets/{id}': { get: { operationId: 'getPet', responses: { '200': ok } } },
        },
      }),
    );
  });

  it('removes discriminator mapping entries and oneOf branches that point at removed schemas', () => {
    const document = oas3({
      paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }),
      components: {
        schemas: {
          Pet: {
            oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Robot' }],
            discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: 'Dog', robot: '#/components/schemas/Robot', drone: 'Drone' } },
          },
          Cat: { type: 'object' },
          Dog: { type: 'object' },
          Robot: { 'x-internal': true, type: 'object' },
          Drone: { 'x-audience': 'internal', type: 'object' },
        },
      },
    });
    expect(view(document)).toEqual(
      oas3({
        paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }),
        components: {
          schemas: {
            Pet: {
              oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
              discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: 'Dog' } },
            },
            Cat: { type: 'object' },
            Dog: { type: 'object' },
          },
        },
      }),
    );
  });

  it('removes the security key of the root and of an operation when every requirement named a removed scheme', () => {
    const apiKey = { type: 'apiKey', in: 'header', name: 'X-API-Key' };
    const document = oas3({
      security: [{ staffSso: [] }],
      paths: {
        '/pets': {
          get: { security: [{ staffSso: ['read'] }], responses: { '200': ok } },
          post: { security: [{ apiKey: [] }], responses: { '201': ok } },
          head: { security: [], responses: { '200': ok } },
        },
      },
      components: { securitySchemes: { apiKey, staffSso: { 'x-internal': true, type: 'http', scheme: 'bearer' } } },
    });
    expect(view(document)).toEqual(
      oas3({
        paths: {
          '/pets': {
            get: { responses: { '200': ok } },
            post: { security: [{ apiKey: [] }], responses: { '201': ok } },
            head: { security: [], responses: { '200': ok } },
          },
        },
        components: { securitySchemes: { apiKey } },
      }),
    );
  });

  it('lists the pointers of removed elements, of references to them and of pruned components', () => {
    const result = filterDocument(
      oas3({
        paths: {
          '/pets': {
            get: {
              parameters: [{ name: 'limit', in: 'query' }, { $ref: '#/components/parameters/Debug' }],
              responses: { '200': ok, '500': { 'x-internal': true, description: 'Oops', content: { 'application/json': { schema: { $ref: '#/components/schemas/Trace' } } } } },
            },
          },
        },
        components: { parameters: { Debug: { 'x-internal': true, name: 'debug', in: 'query' } }, schemas: { Trace: { type: 'object' } } },
      }),
      openSite,
      'oas3',
    );
    expect(result.removed).toEqual([
      '#/components/parameters/Debug',
      '#/components/schemas/Trace',
      '#/paths/~1pets/get/parameters/1',
      '#/paths/~1pets/get/responses/500',
    ]);
  });
});

describe('filterDocument: pruning components', () => {
  it('prunes, transitively, components that only a removed allOf branch used', () => {
    const base = { type: 'object', properties: { name: { type: 'string' } } };
    const document = oas3({
      paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }),
      components: {
        schemas: {
          Pet: { allOf: [{ $ref: '#/components/schemas/Base' }, { 'x-internal': true, properties: { audit: { $ref: '#/components/schemas/AuditTrail' } } }] },
          Base: base,
          AuditTrail: { type: 'array', items: { $ref: '#/components/schemas/AuditEntry' } },
          AuditEntry: { type: 'object', properties: { by: { type: 'string' } } },
        },
      },
    });
    const result = filterDocument(document, openSite, 'oas3');
    expect(result.document).toEqual(
      oas3({
        paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }),
        components: { schemas: { Pet: { allOf: [{ $ref: '#/components/schemas/Base' }] }, Base: base } },
      }),
    );
    expect(result.removed).toEqual(['#/components/schemas/AuditEntry', '#/components/schemas/AuditTrail', '#/components/schemas/Pet/allOf/1']);
  });

  it('prunes components that only a removed operation used', () => {
    expect(
      view(
        oas3({
          paths: {
            '/pets': { get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } } } },
            '/payroll': { get: { responses: { '200': ok } }, post: { 'x-internal': true, parameters: [{ $ref: '#/components/parameters/Month' }], responses: { '200': { $ref: '#/components/responses/Payroll' } } } },
          },
          components: {
            schemas: { Pet: { type: 'object' }, Salary: { type: 'number' } },
            parameters: { Month: { name: 'month', in: 'query', schema: { type: 'string' } } },
            responses: { Payroll: { description: 'Payroll', content: { 'application/json': { schema: { $ref: '#/components/schemas/Salary' } } } } },
          },
        }),
      ),
    ).toEqual(
      oas3({
        paths: {
          '/pets': { get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } } } },
          '/payroll': { get: { responses: { '200': ok } } },
        },
        components: { schemas: { Pet: { type: 'object' } } },
      }),
    );
  });

  it('prunes components nothing uses from the open and partner sites but keeps them on the internal site', () => {
    const document = oas3({
      paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }),
      components: {
        schemas: { Pet: { type: 'object' }, Orphan: { type: 'object', properties: { secretPlan: { type: 'string' } } } },
        headers: { Unused: { schema: { type: 'string' } } },
      },
    });
    const expected = oas3({
      paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }),
      components: { schemas: { Pet: { type: 'object' } } },
    });
    expect(view(document, openSite)).toEqual(expected);
    expect(view(document, partnerSite)).toEqual(expected);
    expect(view(document, internalSite).components).toEqual({
      schemas: { Pet: { type: 'object' }, Orphan: { type: 'object', properties: { secretPlan: { type: 'string' } } } },
      headers: { Unused: { schema: { type: 'string' } } },
    });
  });

  it('keeps components referenced only by a discriminator mapping or a security requirement', () => {
    const apiKey = { type: 'apiKey', in: 'header', name: 'X-API-Key' };
    const document = oas3({
      security: [{ apiKey: [] }],
      paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }, { security: [{ oauth: ['read'] }] }),
      components: {
        schemas: {
          Pet: { type: 'object', discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: 'Dog' } } },
          Cat: { type: 'object' },
          Dog: { type: 'object' },
        },
        securitySchemes: { apiKey, oauth: { type: 'oauth2', flows: {} }, unused: { type: 'http', scheme: 'basic' } },
      },
    });
    expect(view(document)).toEqual(
      oas3({
        security: [{ apiKey: [] }],
        paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }, { security: [{ oauth: ['read'] }] }),
        components: {
          schemas: {
            Pet: { type: 'object', discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: 'Dog' } } },
            Cat: { type: 'object' },
            Dog: { type: 'object' },
          },
          securitySchemes: { apiKey, oauth: { type: 'oauth2', flows: {} } },
        },
      }),
    );
  });
});

describe('filterDocument: containers a removal empties are dropped', () => {
  it('drops callbacks, links, headers, examples and content maps left empty', () => {
    const document = oas3({
      paths: {
        '/pets': {
          get: {
            callbacks: { onAudit: { 'x-internal': true, '{$request.body#/auditUrl}': { post: { responses: { '200': ok } } } } },
            responses: {
              '200': {
                description: 'OK',
                headers: { 'X-Debug-Trace': { 'x-internal': true, schema: { type: 'string' } } },
                links: { audit: { 'x-internal': true, operationId: 'getAudit' } },
                content: { 'application/json': { schema: { type: 'object' }, examples: { staff: { 'x-internal': true, value: {} } } } },
              },
              '204': { description: 'Nothing', content: { 'text/csv': { 'x-internal': true } } },
            },
          },
        },
      },
    });
    expect(view(document)).toEqual(
      oas3({
        paths: {
          '/pets': {
            get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } }, '204': { description: 'Nothing' } } },
          },
        },
      }),
    );
  });

  it('drops webhooks, servers and tags left empty', () => {
    expect(
      view(
        oas3({
          servers: [{ url: 'https://pets.corp.test', 'x-internal': true }],
          tags: [{ name: 'staff', 'x-internal': true }],
          webhooks: { ledgerSync: { 'x-internal': true, post: { responses: { '200': ok } } } },
        }),
      ),
    ).toEqual(oas3({}));
  });

  it('drops component sections left empty, by removal or by pruning', () => {
    expect(
      view(
        oas3({
          paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }),
          components: {
            schemas: { Pet: { type: 'object' } },
            parameters: { Debug: { 'x-internal': true, name: 'debug', in: 'query' } },
            links: { Unused: { operationId: 'listPets' } },
          },
        }),
      ),
    ).toEqual(oas3({ paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }), components: { schemas: { Pet: { type: 'object' } } } }));
  });
});

describe('filterDocument: audience markers', () => {
  it('strips x-audience, x-internal and x-partners from every element the site keeps, info included', () => {
    const document = oas3({
      info: { title: 'Pets', version: '1.0.0', 'x-audience': 'partner', 'x-partners': ['acme'], 'x-owner': 'team-pets' },
      servers: [{ url: 'https://api.pets.test', 'x-internal': false }],
      tags: [{ name: 'pets', 'x-audience': 'open' }],
      paths: {
        '/pets': {
          'x-audience': 'partner',
          get: {
            operationId: 'listPets',
            'x-partners': ['acme'],
            responses: {
              '200': {
                description: 'OK',
                content: { 'application/json': { schema: { type: 'object', properties: { name: { 'x-audience': 'open', type: 'string' } } } } },
              },
            },
          },
        },
      },
    });
    expect(view(document, acmeSite)).toEqual(
      oas3({
        info: { title: 'Pets', version: '1.0.0', 'x-owner': 'team-pets' },
        servers: [{ url: 'https://api.pets.test' }],
        tags: [{ name: 'pets' }],
        paths: petsWith({ content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } }),
      }),
    );
  });

  it('leaves marker keys inside example values alone: they are data', () => {
    const data = { name: 'Rex', 'x-audience': 'internal', 'x-internal': true, 'x-partners': 'acme' };
    const document = oas3({
      paths: petsWith({
        content: {
          'application/json': {
            schema: { type: 'object', properties: { name: { type: 'string', default: data, enum: [data] } }, example: data },
            example: data,
            examples: { rex: { value: data } },
          },
        },
      }),
    });
    expect(view(document)).toEqual(document);
  });

  it('stripAudienceMarkers treats a 3.x examples map as elements and a 2.0 one as values', () => {
    const oas3Node = { examples: { rex: { 'x-internal': false, value: { 'x-internal': false } } } };
    stripAudienceMarkers(oas3Node, 'oas3', 'mediaType');
    expect(oas3Node).toEqual({ examples: { rex: { value: { 'x-internal': false } } } });
    const oas2Node = { examples: { 'application/json': { 'x-internal': false } } };
    stripAudienceMarkers(oas2Node, 'oas2', 'response');
    expect(oas2Node).toEqual({ examples: { 'application/json': { 'x-internal': false } } });
  });
});

describe('filterDocument: names that are also Object.prototype keys', () => {
  it('handles __proto__ and constructor as property names like any other', () => {
    const document = JSON.parse(`{
      "openapi": "3.1.0", "info": { "title": "Pets", "version": "1.0.0" },
      "paths": { "/pets": { "get": { "responses": { "200": { "description": "OK", "content": { "application/json": {
        "schema": { "type": "object", "required": ["__proto__", "constructor", "name"], "properties": {
          "__proto__": { "type": "string", "x-internal": true },
          "constructor": { "type": "string" },
          "name": { "type": "string" } } },
        "example": { "__proto__": "secret", "constructor": "Ada", "name": "Rex" } } } } } } } }
    }`) as JsonObject;
    const expected = JSON.parse(`{
      "openapi": "3.1.0", "info": { "title": "Pets", "version": "1.0.0" },
      "paths": { "/pets": { "get": { "responses": { "200": { "description": "OK", "content": { "application/json": {
        "schema": { "type": "object", "required": ["constructor", "name"], "properties": {
          "constructor": { "type": "string" },
          "name": { "type": "string" } } },
        "example": { "constructor": "Ada", "name": "Rex" } } } } } } } }
    }`) as JsonObject;
    const filtered = view(document);
    expect(filtered).toEqual(expected);
    const media = (((((filtered.paths as JsonObject)['/pets'] as JsonObject).get as JsonObject).responses as JsonObject)['200'] as JsonObject).content as JsonObject;
    const schema = (media['application/json'] as JsonObject).schema as JsonObject;
    expect(Object.keys(schema.properties as JsonObject)).toEqual(['constructor', 'name']);
    expect(Object.getPrototypeOf(schema.properties)).toBe(Object.prototype);
    expect(Object.keys((media['application/json'] as JsonObject).example as JsonObject)).toEqual(['constructor', 'name']);
  });

  it('handles __proto__ and constructor as path and webhook names like any other', () => {
    const document = JSON.parse(`{
      "openapi": "3.1.0", "info": { "title": "Pets", "version": "1.0.0" },
      "paths": {
        "__proto__": { "x-internal": true, "get": { "responses": { "200": { "description": "OK" } } } },
        "constructor": { "get": { "responses": { "200": { "description": "OK" } } } }
      },
      "webhooks": {
        "__proto__": { "get": { "responses": { "200": { "description": "OK" } } } },
        "constructor": { "x-internal": true, "get": { "responses": { "200": { "description": "OK" } } } }
      }
    }`) as JsonObject;
    const filtered = view(document);
    expect(Object.keys(filtered.paths as JsonObject)).toEqual(['constructor']);
    expect(Object.keys(filtered.webhooks as JsonObject)).toEqual(['__proto__']);
    expect(filtered).toEqual(
      JSON.parse(`{
        "openapi": "3.1.0", "info": { "title": "Pets", "version": "1.0.0" },
        "paths": { "constructor": { "get": { "responses": { "200": { "description": "OK" } } } } },
        "webhooks": { "__proto__": { "get": { "responses": { "200": { "description": "OK" } } } } }
      }`),
    );
  });
});

describe('filterDocument: Swagger 2.0', () => {
  it('removes an internal definition, the property that refers to it and definitions nothing uses', () => {
    expect(
      view2(
        swagger2({
          paths: { '/pets': { get: { responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Pet' } } } } } },
          definitions: {
            Pet: { type: 'object', required: ['name', 'owner'], properties: { name: { type: 'string' }, owner: { $ref: '#/definitions/Owner' }, cost: { 'x-internal': true, type: 'number' } } },
            Owner: { 'x-internal': true, type: 'object' },
            Orphan: { type: 'object' },
          },
        }),
      ),
    ).toEqual(
      swagger2({
        paths: { '/pets': { get: { responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Pet' } } } } } },
        definitions: { Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
      }),
    );
  });

  it('removes internal parameters, responses and securityDefinitions entries with their references', () => {
    const apiKey = { type: 'apiKey', in: 'header', name: 'X-API-Key' };
    const limit = { name: 'limit', in: 'query', type: 'integer' };
    expect(
      view2(
        swagger2({
          security: [{ apiKey: [] }, { staffBasic: [] }],
          paths: {
            '/pets': {
              get: {
                parameters: [{ $ref: '#/parameters/Limit' }, { $ref: '#/parameters/Debug' }],
                responses: { '200': ok, '404': { $ref: '#/responses/NotFound' }, '500': { $ref: '#/responses/StackTrace' } },
              },
            },
          },
          parameters: { Limit: limit, Debug: { 'x-internal': true, name: 'debug', in: 'query', type: 'boolean' } },
          responses: { NotFound: { description: 'No such pet' }, StackTrace: { 'x-internal': true, description: 'Stack trace' } },
          securityDefinitions: { apiKey, staffBasic: { 'x-internal': true, type: 'basic' } },
        }),
      ),
    ).toEqual(
      swagger2({
        security: [{ apiKey: [] }],
        paths: { '/pets': { get: { parameters: [{ $ref: '#/parameters/Limit' }], responses: { '200': ok, '404': { $ref: '#/responses/NotFound' } } } } },
        parameters: { Limit: limit },
        responses: { NotFound: { description: 'No such pet' } },
        securityDefinitions: { apiKey },
      }),
    );
  });

  it('treats response examples as values keyed by media type, pruning removed properties but not reading markers in them', () => {
    const document = swagger2({
      paths: {
        '/pets': {
          get: {
            responses: {
              '200': {
                description: 'OK',
                schema: { $ref: '#/definitions/Pet' },
                examples: { 'application/json': { name: 'Rex', cost: 12, 'x-internal': true }, 'text/plain': 'Rex costs 12' },
              },
            },
          },
        },
      },
      definitions: { Pet: { type: 'object', properties: { name: { type: 'string' }, cost: { 'x-internal': true, type: 'number' } } } },
    });
    expect(view2(document)).toEqual(
      swagger2({
        paths: {
          '/pets': {
            get: {
              responses: {
                '200': {
                  description: 'OK',
                  schema: { $ref: '#/definitions/Pet' },
                  examples: { 'application/json': { name: 'Rex', 'x-internal': true }, 'text/plain': 'Rex costs 12' },
                },
              },
            },
          },
        },
        definitions: { Pet: { type: 'object', properties: { name: { type: 'string' } } } },
      }),
    );
  });
});

describe('path items whose every operation is hidden', () => {
  it('isPathItemHidden: a path item is hidden when it is marked, or when it has operations and all of them are hidden', () => {
    const internalGet = { 'x-internal': true, responses: {} };
    const partnerPost = { 'x-audience': 'partner', responses: {} };
    expect(isPathItemHidden({ 'x-internal': true }, openSite)).toBe(true);
    expect(isPathItemHidden({ get: internalGet, post: partnerPost }, openSite)).toBe(true);
    expect(isPathItemHidden({ get: internalGet, post: partnerPost }, partnerSite)).toBe(false);
    expect(isPathItemHidden({ summary: 'Nothing to call yet', parameters: [] }, openSite)).toBe(false);
    expect(isPathItemHidden({ get: internalGet, post: partnerPost }, internalSite)).toBe(false);
  });

  it('removes a path whose every operation is internal, with its summary and parameters, so the path itself does not show', () => {
    expect(
      view(
        oas3({
          paths: {
            '/pets': { get: { responses: { '200': ok } } },
            '/payroll/salaries': {
              summary: 'Salaries',
              parameters: [{ name: 'month', in: 'query' }],
              get: { 'x-internal': true, responses: { '200': ok } },
              post: { 'x-audience': 'partner', responses: { '201': ok } },
            },
          },
        }),
      ),
    ).toEqual(oas3({ paths: { '/pets': { get: { responses: { '200': ok } } } } }));
  });

  it('keeps a path that still has one operation the site may see', () => {
    const document = oas3({ paths: { '/pets': { summary: 'Pets', get: { 'x-internal': true, responses: { '200': ok } }, post: { 'x-audience': 'partner', responses: { '201': ok } } } } });
    expect(view(document, partnerSite)).toEqual(oas3({ paths: { '/pets': { summary: 'Pets', post: { responses: { '201': ok } } } } }));
    expect(filterDocument(document, partnerSite, 'oas3').removed).toEqual(['#/paths/~1pets/get']);
  });

  it('removes a webhook whose every operation is internal', () => {
    expect(view(oas3({ webhooks: { ledgerSync: { post: { 'x-internal': true, responses: { '200': ok } } } } }))).toEqual(oas3({}));
  });
});

describe('filterDocument: names, values and sections that once slipped through', () => {
  it.each(['value', 'example', 'default', 'enum', 'const'])('removes an internal property named %s like any other property', (name) => {
    const document = oas3({
      paths: petsWith({
        content: {
          'application/json': {
            schema: { type: 'object', required: ['currency', name], properties: { currency: { type: 'string' }, [name]: { 'x-internal': true, type: 'number' } } },
          },
        },
      }),
    });
    expect(view(document)).toEqual(
      oas3({ paths: petsWith({ content: { 'application/json': { schema: { type: 'object', required: ['currency'], properties: { currency: { type: 'string' } } } } } }) }),
    );
  });

  it('keeps a component that a property named like a data keyword refers to', () => {
    const document = oas3({
      paths: petsWith({ content: { 'application/json': { schema: { type: 'object', properties: { default: { $ref: '#/components/schemas/Plan' } } } } } }),
      components: { schemas: { Plan: { type: 'string' } } },
    });
    expect(view(document)).toEqual(document);
  });

  it('removes from required and from examples a property dropped because its $ref names a removed schema', () => {
    const document = oas3({
      paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/User' }, example: { id: 'u-1', ssn: { number: '123-45-6789' } } } } }),
      components: {
        schemas: {
          User: { type: 'object', required: ['id', 'ssn'], properties: { id: { type: 'string' }, ssn: { $ref: '#/components/schemas/Ssn' } } },
          Ssn: { 'x-internal': true, type: 'object', properties: { number: { type: 'string' } } },
        },
      },
    });
    expect(view(document)).toEqual(
      oas3({
        paths: petsWith({ content: { 'application/json': { schema: { $ref: '#/components/schemas/User' }, example: { id: 'u-1' } } } }),
        components: { schemas: { User: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } },
      }),
    );
  });

  it('prunes a 2.0 response example whose payload has a field named value', () => {
    const document = swagger2({
      paths: { '/prices': { get: { responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Price' }, examples: { 'application/json': { value: 5, cost: 3 } } } } } } },
      definitions: { Price: { type: 'object', properties: { value: { type: 'number' }, cost: { 'x-internal': true, type: 'number' } } } },
    });
    expect(view2(document)).toEqual(
      swagger2({
        paths: { '/prices': { get: { responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Price' }, examples: { 'application/json': { value: 5 } } } } } } },
        definitions: { Price: { type: 'object', properties: { value: { type: 'number' } } } },
      }),
    );
  });

  it('drops 2.0 component sections (definitions, parameters, responses, securityDefinitions) left empty, as it does for 3.x', () => {
    expect(
      view2(
        swagger2({
          definitions: { Audit: { 'x-internal': true, type: 'object' } },
          parameters: { Unused: { name: 'unused', in: 'query', type: 'string' } },
          responses: { StackTrace: { 'x-internal': true, description: 'Stack trace' } },
          securityDefinitions: { unused: { type: 'basic' } },
        }),
      ),
    ).toEqual(swagger2({}));
  });

  it('removes an internal element under info, such as the contact', () => {
    expect(view(oas3({ info: { title: 'Pets', version: '1.0.0', contact: { 'x-internal': true, name: 'Pets on-call', email: 'oncall@pets.internal' } } }))).toEqual(
      oas3({ info: { title: 'Pets', version: '1.0.0' } }),
    );
  });


  it('drops a callback whose every path item was removed, and the callbacks map it empties', () => {
    expect(
      view(oas3({ paths: petsWith({}, { callbacks: { onAudit: { '{$request.body#/auditUrl}': { post: { 'x-internal': true, responses: { '200': ok } } } } } }) })),
    ).toEqual(oas3({ paths: petsWith({}) }));
  });
});
