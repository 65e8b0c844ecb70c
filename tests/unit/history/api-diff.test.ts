// The breaking-change classifier, one tiny pair of specs per rule and per non-breaking lookalike. Each
// test asserts the exact list of changes, so an extra or a missing finding fails.
import { describe, expect, it } from 'vitest';
import { diffApi, type Change, type ChangeLevel } from '../../../src/history/api-diff.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import { convertSwagger2 } from '../../../src/load/swagger2.ts';

interface Summary {
  rule: string;
  level: ChangeLevel;
  message: string;
  operation?: string;
}

const summarize = (changes: readonly Change[]): Summary[] =>
  changes.map(({ rule, level, message, operation }) => (operation === undefined ? { rule, level, message } : { rule, level, message, operation }));

function diff(base: JsonObject, head: JsonObject): Summary[] {
  return summarize(diffApi(base, head));
}

function breakingOf(base: JsonObject, head: JsonObject): Change[] {
  return diffApi(base, head).filter((change) => change.level === 'breaking');
}

/** A 3.1 document; `info` extras carry x-audience, x-partners, x-lifecycle. */
function spec(paths: JsonObject, options: { info?: JsonObject; schemas?: JsonObject; more?: JsonObject } = {}): JsonObject {
  return {
    openapi: '3.1.0',
    info: { title: 'Pets', version: '1.0.0', ...options.info },
    paths,
    ...(options.schemas ? { components: { schemas: options.schemas } } : {}),
    ...options.more,
  };
}

function jsonContent(schema: JsonObject): JsonObject {
  return { content: { 'application/json': { schema } } };
}

/** Responses with a 200 returning `schema` (or nothing). */
function ok(schema?: JsonObject): JsonObject {
  return { '200': { description: 'OK', ...(schema ? jsonContent(schema) : {}) } };
}

/** `GET /pets` returning `schema` from its 200. */
function getPetsReturning(schema: JsonObject, options: Parameters<typeof spec>[1] = {}): JsonObject {
  return spec({ '/pets': { get: { operationId: 'listPets', responses: ok(schema) } } }, options);
}

/** `GET /pets` with these parameters. */
function getPetsWith(parameters: JsonObject[], options: Parameters<typeof spec>[1] = {}): JsonObject {
  return spec({ '/pets': { get: { operationId: 'listPets', parameters, responses: ok() } } }, options);
}

/** `POST /pets` with a JSON request body of `schema`. */
function postPetsWith(schema: JsonObject, requestBody: JsonObject = {}): JsonObject {
  return spec({ '/pets': { post: { operationId: 'createPet', requestBody: { ...requestBody, ...jsonContent(schema) }, responses: ok() } } });
}

const query = (name: string, schema: JsonObject, extra: JsonObject = {}): JsonObject => ({ name, in: 'query', schema, ...extra });
const object = (properties: JsonObject, required?: string[]): JsonObject => ({ type: 'object', properties, ...(required ? { required } : {}) });
const string: JsonObject = { type: 'string' };
const integer: JsonObject = { type: 'integer' };

// --- removals ------------------------------------------------------------------------------------

describe('diffApi: removals', () => {
  const twoOperations = (post: JsonObject = {}, info: JsonObject = {}) =>
    spec(
      {
        '/pets': {
          get: { operationId: 'listPets', responses: ok() },
          post: { operationId: 'createPet', responses: ok(), ...post },
        },
      },
      { info },
    );
  const onlyGet = (info: JsonObject = {}) => spec({ '/pets': { get: { operationId: 'listPets', responses: ok() } } }, { info });

  it('reports a removed operation as breaking, pointing into the base', () => {
    const changes = diffApi(twoOperations(), onlyGet());
    expect(summarize(changes)).toEqual([
      { rule: 'operation-removed', level: 'breaking', message: 'POST /pets was removed; calls to it fail.', operation: 'POST /pets' },
    ]);
    expect(changes[0]).toMatchObject({ pointer: '#/paths/~1pets/post', inBase: true });
  });

  it('reports removing a deprecated operation as information, not breaking', () => {
    expect(diff(twoOperations({ deprecated: true }), onlyGet())).toEqual([
      { rule: 'deprecated-operation-removed', level: 'info', message: 'POST /pets was removed after being deprecated.', operation: 'POST /pets' },
    ]);
  });

  it('reports removing every operation of an API whose lifecycle was deprecated as information', () => {
    const base = twoOperations({}, { 'x-lifecycle': 'deprecated' });
    const head = spec({}, { info: { 'x-lifecycle': 'deprecated' } });
    expect(diff(base, head)).toEqual([
      { rule: 'deprecated-operation-removed', level: 'info', message: 'GET /pets was removed after being deprecated.', operation: 'GET /pets' },
      { rule: 'deprecated-operation-removed', level: 'info', message: 'POST /pets was removed after being deprecated.', operation: 'POST /pets' },
    ]);
    expect(breakingOf(base, head)).toEqual([]);
  });

  it('reports a removed response status', () => {
    const base = spec({ '/pets/{id}': { get: { responses: { ...ok(), '404': { description: 'Not found' } } } } });
    const head = spec({ '/pets/{id}': { get: { responses: ok() } } });
    const changes = diffApi(base, head);
    expect(summarize(changes)).toEqual([
      { rule: 'response-status-removed', level: 'breaking', message: 'GET /pets/{id}: response 404 was removed.', operation: 'GET /pets/{id}' },
    ]);
    expect(changes[0]).toMatchObject({ pointer: '#/paths/~1pets~1{id}/get/responses/404', inBase: true });
  });

  describe('response property removed', () => {
    it('at the top of the response schema', () => {
      const changes = diffApi(getPetsReturning(object({ id: string, name: string })), getPetsReturning(object({ id: string })));
      expect(summarize(changes)).toEqual([
        { rule: 'response-property-removed', level: 'breaking', message: 'GET /pets: response 200.name is no longer returned.', operation: 'GET /pets' },
      ]);
      expect(changes[0]).toMatchObject({ pointer: '#/paths/~1pets/get/responses/200/content/application~1json/schema/properties/name', inBase: true });
    });

    it('nested in an object', () => {
      const base = getPetsReturning(object({ id: string, owner: object({ id: string, name: string }) }));
      const head = getPetsReturning(object({ id: string, owner: object({ id: string }) }));
      expect(diff(base, head)).toEqual([
        { rule: 'response-property-removed', level: 'breaking', message: 'GET /pets: response 200.owner.name is no longer returned.', operation: 'GET /pets' },
      ]);
    });

    it('inside array items', () => {
      const base = getPetsReturning({ type: 'array', items: object({ id: string, name: string }) });
      const head = getPetsReturning({ type: 'array', items: object({ id: string }) });
      const changes = diffApi(base, head);
      expect(summarize(changes)).toEqual([
        { rule: 'response-property-removed', level: 'breaking', message: 'GET /pets: response 200[].name is no longer returned.', operation: 'GET /pets' },
      ]);
      expect(changes[0]!.pointer).toBe('#/paths/~1pets/get/responses/200/content/application~1json/schema/items/properties/name');
    });

    it('reached through $ref', () => {
      const base = getPetsReturning({ $ref: '#/components/schemas/Pet' }, { schemas: { Pet: object({ id: string, name: string }) } });
      const head = getPetsReturning({ $ref: '#/components/schemas/Pet' }, { schemas: { Pet: object({ id: string }) } });
      expect(diff(base, head)).toEqual([
        { rule: 'response-property-removed', level: 'breaking', message: 'GET /pets: response 200.name is no longer returned.', operation: 'GET /pets' },
      ]);
    });

    it('reached through allOf (a $ref branch and an inline branch)', () => {
      const shape = (baseProperties: JsonObject, ownProperties: JsonObject) =>
        getPetsReturning({ allOf: [{ $ref: '#/components/schemas/Base' }, object(ownProperties)] }, { schemas: { Base: object(baseProperties) } });
      const base = shape({ id: string, createdAt: string }, { name: string, tag: string });
      const head = shape({ id: string }, { name: string });
      expect(diff(base, head)).toEqual([
        { rule: 'response-property-removed', level: 'breaking', message: 'GET /pets: response 200.createdAt is no longer returned.', operation: 'GET /pets' },
        { rule: 'response-property-removed', level: 'breaking', message: 'GET /pets: response 200.tag is no longer returned.', operation: 'GET /pets' },
      ]);
    });

    it('reached through $ref inside array items inside a nested property', () => {
      const shape = (pet: JsonObject) =>
        getPetsReturning(object({ data: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } }), { schemas: { Pet: pet } });
      expect(diff(shape(object({ id: string, name: string })), shape(object({ id: string })))).toEqual([
        { rule: 'response-property-removed', level: 'breaking', message: 'GET /pets: response 200.data[].name is no longer returned.', operation: 'GET /pets' },
      ]);
    });
  });

  it('reports a response enum value removed', () => {
    const base = getPetsReturning(object({ status: { type: 'string', enum: ['available', 'pending', 'sold'] } }));
    const head = getPetsReturning(object({ status: { type: 'string', enum: ['available', 'sold'] } }));
    expect(diff(base, head)).toEqual([
      {
        rule: 'response-enum-value-removed',
        level: 'breaking',
        message: 'GET /pets: response 200.status: enum value "pending" is no longer returned; clients that match on it break.',
        operation: 'GET /pets',
      },
    ]);
  });

  it('reports a scope removed from an OAuth flow of a security scheme', () => {
    const withScopes = (scopes: JsonObject) =>
      spec(
        { '/pets': { get: { security: [{ oauth: ['read'] }], responses: ok() } } },
        {
          more: {
            components: {
              securitySchemes: {
                oauth: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://a.test/auth', tokenUrl: 'https://a.test/token', scopes } } },
              },
            },
          },
        },
      );
    const changes = diffApi(withScopes({ read: 'Read', write: 'Write', admin: 'Admin' }), withScopes({ read: 'Read', write: 'Write' }));
    expect(summarize(changes)).toEqual([
      { rule: 'security-scope-removed', level: 'breaking', message: 'Security scheme oauth: scope admin was removed; tokens asking for it are refused.' },
    ]);
    expect(changes[0]!.pointer).toBe('#/components/securitySchemes/oauth');
  });
});

// --- new requirements ----------------------------------------------------------------------------

describe('diffApi: new requirements', () => {
  it('reports a new required query parameter', () => {
    const base = getPetsWith([query('limit', integer)]);
    const head = getPetsWith([query('limit', integer), query('owner', string, { required: true })]);
    expect(diff(base, head)).toEqual([
      { rule: 'required-parameter-added', level: 'breaking', message: "GET /pets: new required query parameter 'owner'; existing calls lack it.", operation: 'GET /pets' },
    ]);
  });

  it('reports a new required header', () => {
    const head = getPetsWith([{ name: 'X-Tenant', in: 'header', required: true, schema: string }]);
    expect(diff(getPetsWith([]), head)).toEqual([
      { rule: 'required-header-added', level: 'breaking', message: "GET /pets: new required header parameter 'X-Tenant'; existing calls lack it.", operation: 'GET /pets' },
    ]);
  });

  it('reports a new required request-body property', () => {
    const changes = diffApi(postPetsWith(object({ name: string }, ['name'])), postPetsWith(object({ name: string, tag: string }, ['name', 'tag'])));
    expect(summarize(changes)).toEqual([
      {
        rule: 'required-request-property-added',
        level: 'breaking',
        message: 'POST /pets: request body.tag is a new required property; existing requests lack it.',
        operation: 'POST /pets',
      },
    ]);
    expect(changes[0]!.pointer).toBe('#/paths/~1pets/post/requestBody/content/application~1json/schema/properties/tag');
  });

  it('reports an optional parameter becoming required', () => {
    const base = getPetsWith([query('limit', integer)]);
    const head = getPetsWith([query('limit', integer, { required: true })]);
    expect(diff(base, head)).toEqual([
      { rule: 'parameter-became-required', level: 'breaking', message: "GET /pets: query parameter 'limit' is now required.", operation: 'GET /pets' },
    ]);
  });

  it('reports an existing request property becoming required', () => {
    const base = postPetsWith(object({ name: string, tag: string }, ['name']));
    const head = postPetsWith(object({ name: string, tag: string }, ['name', 'tag']));
    expect(diff(base, head)).toEqual([
      { rule: 'request-property-became-required', level: 'breaking', message: 'POST /pets: request body.tag is now required.', operation: 'POST /pets' },
    ]);
  });

  it('reports a request body becoming required', () => {
    const base = postPetsWith(object({ name: string }), { required: false });
    const head = postPetsWith(object({ name: string }), { required: true });
    expect(diff(base, head)).toEqual([
      { rule: 'request-body-became-required', level: 'breaking', message: 'POST /pets: the request body is now required.', operation: 'POST /pets' },
    ]);
  });

  it('reports a new required request body where there was none', () => {
    const base = spec({ '/pets': { post: { responses: ok() } } });
    const head = postPetsWith(object({ name: string }), { required: true });
    expect(diff(base, head)).toEqual([
      { rule: 'request-body-added-required', level: 'breaking', message: 'POST /pets: a request body is now required.', operation: 'POST /pets' },
    ]);
  });

  it('reports an operation that now needs an extra scope', () => {
    const withSecurity = (scopes: string[]) => spec({ '/pets': { get: { security: [{ oauth: scopes }], responses: ok() } } });
    const changes = diffApi(withSecurity(['read']), withSecurity(['read', 'write']));
    expect(summarize(changes)).toEqual([
      { rule: 'operation-scope-added', level: 'breaking', message: 'GET /pets: now also needs scope write of oauth; existing tokens may lack it.', operation: 'GET /pets' },
    ]);
    expect(changes[0]!.pointer).toBe('#/paths/~1pets/get/security');
  });

  it('reports an extra scope required through the top-level security', () => {
    const withSecurity = (scopes: string[]) => spec({ '/pets': { get: { responses: ok() } } }, { more: { security: [{ oauth: scopes }] } });
    expect(diff(withSecurity(['read']), withSecurity(['read', 'write']))).toEqual([
      { rule: 'operation-scope-added', level: 'breaking', message: 'GET /pets: now also needs scope write of oauth; existing tokens may lack it.', operation: 'GET /pets' },
    ]);
  });
});

// --- type changes --------------------------------------------------------------------------------

describe('diffApi: type changes', () => {
  it('reports a parameter type change', () => {
    expect(diff(getPetsWith([query('limit', integer)]), getPetsWith([query('limit', string)]))).toEqual([
      { rule: 'request-type-changed', level: 'breaking', message: "GET /pets: query parameter 'limit': type changed from integer to string.", operation: 'GET /pets' },
    ]);
  });

  it('counts a format change (int32 → int64) as a type change', () => {
    const base = getPetsWith([query('limit', { type: 'integer', format: 'int32' })]);
    const head = getPetsWith([query('limit', { type: 'integer', format: 'int64' })]);
    expect(diff(base, head)).toEqual([
      {
        rule: 'request-type-changed',
        level: 'breaking',
        message: "GET /pets: query parameter 'limit': type changed from integer(int32) to integer(int64).",
        operation: 'GET /pets',
      },
    ]);
  });

  it('reports a response property type change', () => {
    const changes = diffApi(getPetsReturning(object({ age: integer })), getPetsReturning(object({ age: string })));
    expect(summarize(changes)).toEqual([
      { rule: 'response-type-changed', level: 'breaking', message: 'GET /pets: response 200.age: type changed from integer to string.', operation: 'GET /pets' },
    ]);
    expect(changes[0]!.pointer).toBe('#/paths/~1pets/get/responses/200/content/application~1json/schema/properties/age');
  });

  it('reports a request body property type change', () => {
    expect(diff(postPetsWith(object({ age: integer })), postPetsWith(object({ age: string })))).toEqual([
      { rule: 'request-type-changed', level: 'breaking', message: 'POST /pets: request body.age: type changed from integer to string.', operation: 'POST /pets' },
    ]);
  });

  it('reports a parameter moved from the query to a header, once', () => {
    const base = getPetsWith([query('tenant', string)]);
    const head = getPetsWith([{ name: 'tenant', in: 'header', schema: string }]);
    expect(diff(base, head)).toEqual([
      { rule: 'parameter-location-changed', level: 'breaking', message: "GET /pets: parameter 'tenant' moved from query to header.", operation: 'GET /pets' },
    ]);
  });

  it('reports a narrowed request enum', () => {
    const base = getPetsWith([query('status', { type: 'string', enum: ['available', 'pending', 'sold'] })]);
    const head = getPetsWith([query('status', { type: 'string', enum: ['available', 'pending'] })]);
    expect(diff(base, head)).toEqual([
      { rule: 'request-enum-narrowed', level: 'breaking', message: 'GET /pets: query parameter \'status\': enum value "sold" is no longer accepted.', operation: 'GET /pets' },
    ]);
  });

  it('reports a new enum on a request value that was free', () => {
    const base = getPetsWith([query('status', string)]);
    const head = getPetsWith([query('status', { type: 'string', enum: ['available', 'sold'] })]);
    expect(diff(base, head)).toEqual([
      { rule: 'request-enum-narrowed', level: 'breaking', message: 'GET /pets: query parameter \'status\': now only accepts "available", "sold".', operation: 'GET /pets' },
    ]);
  });

  describe('tightened request constraints', () => {
    it('maxLength 50 → 20', () => {
      const base = getPetsWith([query('name', { type: 'string', maxLength: 50 })]);
      const head = getPetsWith([query('name', { type: 'string', maxLength: 20 })]);
      expect(diff(base, head)).toEqual([
        {
          rule: 'request-constraint-tightened',
          level: 'breaking',
          message: "GET /pets: query parameter 'name': maxLength 50 → 20; values that were valid are now rejected.",
          operation: 'GET /pets',
        },
      ]);
    });

    it('maximum 100 → 10', () => {
      const base = getPetsWith([query('limit', { type: 'integer', maximum: 100 })]);
      const head = getPetsWith([query('limit', { type: 'integer', maximum: 10 })]);
      expect(diff(base, head)).toEqual([
        {
          rule: 'request-constraint-tightened',
          level: 'breaking',
          message: "GET /pets: query parameter 'limit': maximum 100 → 10; values that were valid are now rejected.",
          operation: 'GET /pets',
        },
      ]);
    });

    it('a new pattern', () => {
      const base = getPetsWith([query('name', string)]);
      const head = getPetsWith([query('name', { type: 'string', pattern: '^[a-z]+$' })]);
      expect(diff(base, head)).toEqual([
        {
          rule: 'request-constraint-tightened',
          level: 'breaking',
          message: "GET /pets: query parameter 'name': pattern none → '^[a-z]+$'; values that were valid are now rejected.",
          operation: 'GET /pets',
        },
      ]);
    });

    it('on a request body property', () => {
      const base = postPetsWith(object({ name: { type: 'string', maxLength: 50 } }));
      const head = postPetsWith(object({ name: { type: 'string', maxLength: 20 } }));
      expect(diff(base, head)).toEqual([
        {
          rule: 'request-constraint-tightened',
          level: 'breaking',
          message: 'POST /pets: request body.name: maxLength 50 → 20; values that were valid are now rejected.',
          operation: 'POST /pets',
        },
      ]);
    });
  });
});

// --- renames -------------------------------------------------------------------------------------

describe('diffApi: renames', () => {
  it('reports a changed path with the same operationId as a move, not a removal plus an addition', () => {
    const base = spec({ '/pets': { get: { operationId: 'listPets', responses: ok() } } });
    const head = spec({ '/animals': { get: { operationId: 'listPets', responses: ok() } } });
    const changes = diffApi(base, head);
    expect(summarize(changes)).toEqual([
      {
        rule: 'operation-path-changed',
        level: 'breaking',
        message: 'GET /pets moved to GET /animals (operationId listPets); calls to the old path fail.',
        operation: 'GET /animals',
      },
    ]);
    expect(changes[0]!.pointer).toBe('#/paths/~1animals/get');
  });

  it('reports a changed method with the same operationId', () => {
    const base = spec({ '/pets/{id}': { put: { operationId: 'updatePet', responses: ok() } } });
    const head = spec({ '/pets/{id}': { patch: { operationId: 'updatePet', responses: ok() } } });
    expect(diff(base, head)).toEqual([
      {
        rule: 'operation-method-changed',
        level: 'breaking',
        message: 'PUT /pets/{id} moved to PATCH /pets/{id} (operationId updatePet); calls to the old method fail.',
        operation: 'PATCH /pets/{id}',
      },
    ]);
  });
});

// --- audience ------------------------------------------------------------------------------------

describe('diffApi: audience', () => {
  const pets = (info: JsonObject, get: JsonObject = {}) => spec({ '/pets': { get: { operationId: 'listPets', responses: ok(), ...get } } }, { info });

  it('reports an API widened from internal to open as a publication', () => {
    const changes = diffApi(pets({ 'x-audience': 'internal' }), pets({ 'x-audience': 'open' }));
    expect(summarize(changes)).toEqual([
      { rule: 'api-audience-widened', level: 'publication', message: 'The API becomes visible to open (was internal): review that it may be published.' },
    ]);
    expect(changes[0]!.pointer).toBe('#/info');
  });

  it('treats an API without x-audience as internal', () => {
    expect(diff(pets({}), pets({ 'x-audience': 'open' }))).toEqual([
      { rule: 'api-audience-widened', level: 'publication', message: 'The API becomes visible to open (was internal): review that it may be published.' },
    ]);
    expect(diff(pets({}), pets({ 'x-audience': 'internal' }))).toEqual([]);
  });

  it('reports an API narrowed from open to internal as breaking', () => {
    expect(diff(pets({ 'x-audience': 'open' }), pets({ 'x-audience': 'internal' }))).toEqual([
      { rule: 'api-audience-narrowed', level: 'breaking', message: 'The API is narrowed to internal (was open): consumers outside it lose access.' },
    ]);
  });

  it('reports a partner added to the list as a publication', () => {
    const base = pets({ 'x-audience': 'partner', 'x-partners': ['acme'] });
    const head = pets({ 'x-audience': 'partner', 'x-partners': ['acme', 'globex'] });
    expect(diff(base, head)).toEqual([{ rule: 'api-partner-added', level: 'publication', message: 'The API becomes visible to partner globex.' }]);
  });

  it('reports a partner removed from the list as breaking', () => {
    const base = pets({ 'x-audience': 'partner', 'x-partners': ['acme', 'globex'] });
    const head = pets({ 'x-audience': 'partner', 'x-partners': ['acme'] });
    expect(diff(base, head)).toEqual([{ rule: 'api-partner-removed', level: 'breaking', message: 'The API is no longer visible to partner globex.' }]);
  });

  it('reports x-partners removed (every partner may now see it) as a publication', () => {
    const base = pets({ 'x-audience': 'partner', 'x-partners': ['acme', 'globex'] });
    const head = pets({ 'x-audience': 'partner' });
    expect(diff(base, head)).toEqual([
      { rule: 'api-partners-widened', level: 'publication', message: 'The API becomes visible to every partner (was acme, globex).' },
    ]);
  });

  it('reports an operation-level x-audience: internal removed inside an open API as a publication', () => {
    const changes = diffApi(pets({ 'x-audience': 'open' }, { 'x-audience': 'internal' }), pets({ 'x-audience': 'open' }));
    expect(summarize(changes)).toEqual([
      {
        rule: 'operation-audience-widened',
        level: 'publication',
        message: 'GET /pets becomes visible to open (was internal): review that it may be published.',
        operation: 'GET /pets',
      },
    ]);
    expect(changes[0]!.pointer).toBe('#/paths/~1pets/get');
  });

  it('reports an operation newly marked internal as breaking', () => {
    expect(diff(pets({ 'x-audience': 'open' }), pets({ 'x-audience': 'open' }, { 'x-audience': 'internal' }))).toEqual([
      {
        rule: 'operation-audience-narrowed',
        level: 'breaking',
        message: 'GET /pets is narrowed to internal (was open): consumers outside it lose access.',
        operation: 'GET /pets',
      },
    ]);
  });

  it('reports a new operation in an open API as added and as a publication', () => {
    const base = pets({ 'x-audience': 'open' });
    const head = spec(
      { '/pets': { get: { operationId: 'listPets', responses: ok() }, post: { operationId: 'createPet', responses: ok() } } },
      { info: { 'x-audience': 'open' } },
    );
    expect(diff(base, head)).toEqual([
      { rule: 'operation-added', level: 'non-breaking', message: 'POST /pets was added.', operation: 'POST /pets' },
      { rule: 'operation-published', level: 'publication', message: 'POST /pets is new and visible to open: review that it may be published.', operation: 'POST /pets' },
    ]);
  });

  it('reports a new internal operation in an open API only as added', () => {
    const base = pets({ 'x-audience': 'open' });
    const head = spec(
      {
        '/pets': {
          get: { operationId: 'listPets', responses: ok() },
          post: { operationId: 'createPet', 'x-audience': 'internal', responses: ok() },
        },
      },
      { info: { 'x-audience': 'open' } },
    );
    expect(diff(base, head)).toEqual([{ rule: 'operation-added', level: 'non-breaking', message: 'POST /pets was added.', operation: 'POST /pets' }]);
  });

  it('reports a new operation in an internal API only as added', () => {
    const base = pets({});
    const head = spec({ '/pets': { get: { operationId: 'listPets', responses: ok() }, post: { operationId: 'createPet', responses: ok() } } });
    expect(diff(base, head)).toEqual([{ rule: 'operation-added', level: 'non-breaking', message: 'POST /pets was added.', operation: 'POST /pets' }]);
  });
});

// --- non-breaking lookalikes ---------------------------------------------------------------------

describe('diffApi: non-breaking lookalikes', () => {
  it('an optional parameter added', () => {
    const base = getPetsWith([]);
    const head = getPetsWith([query('limit', integer)]);
    expect(diff(base, head)).toEqual([
      { rule: 'optional-parameter-added', level: 'non-breaking', message: "GET /pets: new optional query parameter 'limit'.", operation: 'GET /pets' },
    ]);
    expect(breakingOf(base, head)).toEqual([]);
  });

  it('an optional request property added', () => {
    const base = postPetsWith(object({ name: string }, ['name']));
    const head = postPetsWith(object({ name: string, tag: string }, ['name']));
    expect(diff(base, head)).toEqual([
      { rule: 'request-property-added', level: 'non-breaking', message: 'POST /pets: request body.tag was added.', operation: 'POST /pets' },
    ]);
    expect(breakingOf(base, head)).toEqual([]);
  });

  it('a response property added', () => {
    const base = getPetsReturning(object({ id: string }));
    const head = getPetsReturning(object({ id: string, tag: string }));
    expect(diff(base, head)).toEqual([
      { rule: 'response-property-added', level: 'non-breaking', message: 'GET /pets: response 200.tag was added.', operation: 'GET /pets' },
    ]);
    expect(breakingOf(base, head)).toEqual([]);
  });

  it('a response status added', () => {
    const base = spec({ '/pets': { get: { responses: ok() } } });
    const head = spec({ '/pets': { get: { responses: { ...ok(), '404': { description: 'Not found' } } } } });
    expect(diff(base, head)).toEqual([
      { rule: 'response-status-added', level: 'non-breaking', message: 'GET /pets: response 404 was added.', operation: 'GET /pets' },
    ]);
    expect(breakingOf(base, head)).toEqual([]);
  });

  it('a request enum widened', () => {
    const base = getPetsWith([query('status', { type: 'string', enum: ['available', 'pending'] })]);
    const head = getPetsWith([query('status', { type: 'string', enum: ['available', 'pending', 'sold'] })]);
    expect(diff(base, head)).toEqual([
      { rule: 'request-enum-widened', level: 'non-breaking', message: 'GET /pets: query parameter \'status\': enum value "sold" is now accepted.', operation: 'GET /pets' },
    ]);
    expect(breakingOf(base, head)).toEqual([]);
  });

  it('a constraint loosened (maxLength 20 → 50)', () => {
    const base = getPetsWith([query('name', { type: 'string', maxLength: 20 })]);
    const head = getPetsWith([query('name', { type: 'string', maxLength: 50 })]);
    expect(diff(base, head)).toEqual([]);
  });

  it('a parameter removed', () => {
    const base = getPetsWith([query('limit', integer)]);
    const head = getPetsWith([]);
    const changes = diffApi(base, head);
    expect(summarize(changes)).toEqual([
      { rule: 'parameter-removed', level: 'non-breaking', message: "GET /pets: query parameter 'limit' was removed; it is ignored if sent.", operation: 'GET /pets' },
    ]);
    expect(changes[0]).toMatchObject({ pointer: '#/paths/~1pets/get/parameters', inBase: true });
  });

  it('a request property removed', () => {
    const base = postPetsWith(object({ name: string, tag: string }));
    const head = postPetsWith(object({ name: string }));
    expect(diff(base, head)).toEqual([
      { rule: 'request-property-removed', level: 'non-breaking', message: 'POST /pets: request body.tag is no longer read from requests.', operation: 'POST /pets' },
    ]);
    expect(breakingOf(base, head)).toEqual([]);
  });

  it('description-only edits give no changes at all', () => {
    const make = (words: string) =>
      spec(
        {
          '/pets': {
            description: `Pets ${words}`,
            get: {
              summary: `List pets ${words}`,
              description: `Lists ${words}`,
              parameters: [query('limit', integer, { description: `How many ${words}` })],
              responses: { '200': { description: `OK ${words}`, ...jsonContent(object({ id: { type: 'string', description: `Id ${words}` } })) } },
            },
          },
        },
        { info: { description: `About ${words}`, 'x-audience': 'open' } },
      );
    expect(diff(make('before'), make('after, reworded'))).toEqual([]);
  });

  it('reordering properties gives no changes', () => {
    const base = getPetsReturning(object({ id: string, name: string, tag: string }, ['id', 'name']));
    const head = getPetsReturning(object({ tag: string, name: string, id: string }, ['name', 'id']));
    expect(diff(base, head)).toEqual([]);
    const baseBody = postPetsWith(object({ id: string, name: string }, ['id', 'name']));
    const headBody = postPetsWith(object({ name: string, id: string }, ['name', 'id']));
    expect(diff(baseBody, headBody)).toEqual([]);
  });

  it('inlining a $ref with the same schema gives no changes', () => {
    const base = getPetsReturning({ $ref: '#/components/schemas/Pet' }, { schemas: { Pet: object({ id: string }) } });
    const head = getPetsReturning(object({ id: string }));
    expect(diff(base, head)).toEqual([]);
  });

  const treeSpec = (node: JsonObject) =>
    spec({ '/tree': { get: { responses: ok({ $ref: '#/components/schemas/Node' }) }, put: { requestBody: jsonContent({ $ref: '#/components/schemas/Node' }), responses: ok() } } }, {
      schemas: { Node: node },
    });
  const node = (properties: JsonObject) => object({ ...properties, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } });

  it('a recursive schema compared with itself terminates with no changes', () => {
    const tree = treeSpec(node({ label: string }));
    expect(diff(tree, structuredClone(tree))).toEqual([]);
  });

  it('a change in a recursive schema is reported once, not once per level', () => {
    expect(diff(treeSpec(node({ label: string, weight: integer })), treeSpec(node({ label: string })))).toEqual([
      { rule: 'response-property-removed', level: 'breaking', message: 'GET /tree: response 200.weight is no longer returned.', operation: 'GET /tree' },
      { rule: 'request-property-removed', level: 'non-breaking', message: 'PUT /tree: request body.weight is no longer read from requests.', operation: 'PUT /tree' },
    ]);
  });
});

// --- OpenAPI 2.0 ---------------------------------------------------------------------------------

describe('diffApi: Swagger 2.0, through convertSwagger2', () => {
  const swagger = (paths: JsonObject, definitions: JsonObject): JsonObject =>
    convertSwagger2({ swagger: '2.0', info: { title: 'Pets', version: '1.0.0' }, paths, definitions });
  const listPets = { operationId: 'listPets', responses: { '200': { description: 'OK', schema: { type: 'array', items: { $ref: '#/definitions/Pet' } } } } };
  const createPet = {
    operationId: 'createPet',
    parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/NewPet' } }],
    responses: { '201': { description: 'Created' } },
  };
  const pet = object({ id: string, name: string });

  it('classifies an operation removal the same way', () => {
    const base = swagger({ '/pets': { get: listPets, post: createPet } }, { Pet: pet, NewPet: object({ name: string }) });
    const head = swagger({ '/pets': { get: listPets } }, { Pet: pet, NewPet: object({ name: string }) });
    expect(diff(base, head)).toEqual([
      { rule: 'operation-removed', level: 'breaking', message: 'POST /pets was removed; calls to it fail.', operation: 'POST /pets' },
    ]);
  });

  it('classifies a body property becoming required the same way', () => {
    const base = swagger({ '/pets': { post: createPet } }, { NewPet: object({ name: string, tag: string }, ['name']) });
    const head = swagger({ '/pets': { post: createPet } }, { NewPet: object({ name: string, tag: string }, ['name', 'tag']) });
    expect(diff(base, head)).toEqual([
      { rule: 'request-property-became-required', level: 'breaking', message: 'POST /pets: request body.tag is now required.', operation: 'POST /pets' },
    ]);
  });

  it('classifies a definitions property removed from a response the same way', () => {
    const base = swagger({ '/pets': { get: listPets } }, { Pet: pet });
    const head = swagger({ '/pets': { get: listPets } }, { Pet: object({ id: string }) });
    expect(diff(base, head)).toEqual([
      { rule: 'response-property-removed', level: 'breaking', message: 'GET /pets: response 200[].name is no longer returned.', operation: 'GET /pets' },
    ]);
  });

  it('gives the same findings as the equivalent OpenAPI 3 pair', () => {
    const oas2 = diff(
      swagger({ '/pets': { get: listPets, post: createPet } }, { Pet: pet, NewPet: object({ name: string, tag: string }, ['name']) }),
      swagger({ '/pets': { get: listPets, post: createPet } }, { Pet: object({ id: string }), NewPet: object({ name: string, tag: string }, ['name', 'tag']) }),
    );
    const oas3 = (petSchema: JsonObject, newPet: JsonObject) =>
      spec(
        {
          '/pets': {
            get: { operationId: 'listPets', responses: ok({ type: 'array', items: { $ref: '#/components/schemas/Pet' } }) },
            post: {
              operationId: 'createPet',
              requestBody: { required: true, ...jsonContent({ $ref: '#/components/schemas/NewPet' }) },
              responses: { '201': { description: 'Created' } },
            },
          },
        },
        { schemas: { Pet: petSchema, NewPet: newPet } },
      );
    expect(oas2).toEqual(
      diff(oas3(pet, object({ name: string, tag: string }, ['name'])), oas3(object({ id: string }), object({ name: string, tag: string }, ['name', 'tag']))),
    );
    expect(oas2.map((change) => change.rule)).toEqual(['response-property-removed', 'request-property-became-required']);
  });
});

// --- gaps found while writing these tests (each fails until api-diff.ts is fixed) -----------------

describe('diffApi: known gaps', () => {
  it('reports a publication when an internal operation moves (same operationId) to a public path', () => {
    // Without the operationId this pair gives operation-removed + operation-added + operation-published;
    // with it, the move is reported but the operation is never compared, so the widening goes unreviewed.
    const base = spec({ '/admin/stats': { get: { operationId: 'stats', 'x-audience': 'internal', responses: ok() } } }, { info: { 'x-audience': 'open' } });
    const head = spec({ '/stats': { get: { operationId: 'stats', responses: ok() } } }, { info: { 'x-audience': 'open' } });
    const changes = diffApi(base, head);
    expect(changes.map((change) => change.rule)).toContain('operation-path-changed');
    expect(changes.filter((change) => change.level === 'publication')).toEqual([expect.objectContaining({ operation: 'GET /stats' })]);
  });

  it('compares a moved operation with its old version', () => {
    const base = spec({ '/pets': { get: { operationId: 'listPets', responses: ok(object({ id: string, name: string })) } } });
    const head = spec({ '/animals': { get: { operationId: 'listPets', responses: ok(object({ id: string })) } } });
    expect(diff(base, head)).toEqual([
      {
        rule: 'operation-path-changed',
        level: 'breaking',
        message: 'GET /pets moved to GET /animals (operationId listPets); calls to the old path fail.',
        operation: 'GET /animals',
      },
      { rule: 'response-property-removed', level: 'breaking', message: 'GET /animals: response 200.name is no longer returned.', operation: 'GET /animals' },
    ]);
  });

  it('reports an operation that newly requires authentication, or another scheme, as breaking', () => {
    const withSecurity = (security?: JsonObject[]) => spec({ '/pets': { get: { ...(security ? { security } : {}), responses: ok() } } });
    // Was public, now needs an OAuth token.
    expect(breakingOf(withSecurity(), withSecurity([{ oauth: ['read'] }]))).toEqual([expect.objectContaining({ level: 'breaking', operation: 'GET /pets' })]);
    // Was an API key, now only OAuth: existing callers have no token at all.
    expect(breakingOf(withSecurity([{ apiKey: [] }]), withSecurity([{ oauth: ['read'] }]))).toEqual([
      expect.objectContaining({ level: 'breaking', operation: 'GET /pets' }),
    ]);
  });

  it('does not report renaming a path template variable as a moved operation (the URLs are the same)', () => {
    const getPet = (name: string) => ({ operationId: 'getPet', parameters: [{ name, in: 'path', required: true, schema: string }], responses: ok() });
    const base = spec({ '/pets/{id}': { get: getPet('id') } });
    const head = spec({ '/pets/{petId}': { get: getPet('petId') } });
    expect(breakingOf(base, head)).toEqual([]);
  });

  it('does not report adding an alternative security requirement as a new scope (requirements are alternatives)', () => {
    const withSecurity = (security: JsonObject[]) => spec({ '/pets': { get: { security, responses: ok() } } });
    // Tokens with `read` still satisfy the first requirement; `admin` is only another way in.
    expect(diff(withSecurity([{ oauth: ['read'] }]), withSecurity([{ oauth: ['read'] }, { oauth: ['admin'] }]))).toEqual([]);
  });

  it('compares densely linked schemas (a domain model with back-references) in reasonable time', () => {
    // 14 schemas, each linking to the next 4: every schema is reachable along very many paths.
    const schemas: JsonObject = {};
    for (let i = 0; i < 14; i += 1) {
      const properties: JsonObject = { id: string };
      for (let step = 1; step <= 4; step += 1) properties[`link${step}`] = { $ref: `#/components/schemas/S${(i + step) % 14}` };
      schemas[`S${i}`] = object(properties);
    }
    const document = getPetsReturning({ $ref: '#/components/schemas/S0' }, { schemas });
    const started = performance.now();
    expect(diff(document, structuredClone(document))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('diffApi: nullability, optionality and type widening', () => {
  it('reports a response value that may now be null as breaking (3.1 type list and 3.0 nullable)', () => {
    expect(diff(getPetsReturning(object({ age: integer })), getPetsReturning(object({ age: { type: ['integer', 'null'] } })))).toEqual([
      { rule: 'response-became-nullable', level: 'breaking', message: 'GET /pets: response 200.age may now be null; clients that expect a value break.', operation: 'GET /pets' },
    ]);
    expect(diff(getPetsReturning(object({ age: integer })), getPetsReturning(object({ age: { type: 'integer', nullable: true } })))).toEqual([
      { rule: 'response-became-nullable', level: 'breaking', message: 'GET /pets: response 200.age may now be null; clients that expect a value break.', operation: 'GET /pets' },
    ]);
  });

  it('reports a request value that no longer accepts null as breaking, and accepting null as nothing', () => {
    const nullable = { type: ['string', 'null'] };
    expect(diff(postPetsWith(object({ name: nullable })), postPetsWith(object({ name: string })))).toEqual([
      { rule: 'request-null-rejected', level: 'breaking', message: 'POST /pets: request body.name no longer accepts null.', operation: 'POST /pets' },
    ]);
    expect(diff(postPetsWith(object({ name: string })), postPetsWith(object({ name: nullable })))).toEqual([]);
  });

  it('reports a response property that was required and now is not as breaking', () => {
    expect(diff(getPetsReturning(object({ id: string }, ['id'])), getPetsReturning(object({ id: string })))).toEqual([
      { rule: 'response-property-became-optional', level: 'breaking', message: 'GET /pets: response 200.id may now be missing from responses; clients that rely on it break.', operation: 'GET /pets' },
    ]);
  });

  it('treats a request that accepts more types, or a response that returns fewer, as non-breaking', () => {
    expect(breakingOf(postPetsWith(object({ id: string })), postPetsWith(object({ id: { type: ['string', 'integer'] } })))).toEqual([]);
    expect(diff(postPetsWith(object({ id: string })), postPetsWith(object({ id: { type: ['string', 'integer'] } })))).toEqual([
      { rule: 'request-type-widened', level: 'non-breaking', message: 'POST /pets: request body.id: type changed from string to integer|string.', operation: 'POST /pets' },
    ]);
    expect(breakingOf(getPetsReturning(object({ id: { type: ['string', 'integer'] } })), getPetsReturning(object({ id: string })))).toEqual([]);
    // The other way round breaks: a response that may now return an integer.
    expect(breakingOf(getPetsReturning(object({ id: string })), getPetsReturning(object({ id: { type: ['string', 'integer'] } }))).map((c) => c.rule)).toEqual(['response-type-changed']);
  });
});

// --- lifecycle -----------------------------------------------------------------------------------

describe('diffApi: lifecycle', () => {
  const pets = (lifecycle?: string) => spec({ '/pets': { get: { operationId: 'listPets', responses: ok() } } }, { info: lifecycle ? { 'x-lifecycle': lifecycle } : {} });

  it('reports experimental → production, saying that breaking changes count from the next change on', () => {
    const changes = diffApi(pets('experimental'), pets('production'));
    expect(summarize(changes)).toEqual([
      { rule: 'api-lifecycle-changed', level: 'info', message: "The API's lifecycle changed: experimental → production; from the next change on, breaking changes count." },
    ]);
    expect(changes[0]!.pointer).toBe('#/info/x-lifecycle');
  });

  it('reports production → experimental, saying that breaking changes no longer fail', () => {
    expect(diff(pets('production'), pets('experimental'))).toEqual([
      { rule: 'api-lifecycle-changed', level: 'info', message: "The API's lifecycle changed: production → experimental; breaking changes are reported but no longer fail." },
    ]);
  });

  it('reports a lifecycle set or dropped, pointing at info when it is gone', () => {
    expect(diff(pets(), pets('deprecated'))).toEqual([{ rule: 'api-lifecycle-changed', level: 'info', message: "The API's lifecycle changed: not set → deprecated." }]);
    const dropped = diffApi(pets('production'), pets());
    expect(summarize(dropped)).toEqual([{ rule: 'api-lifecycle-changed', level: 'info', message: "The API's lifecycle changed: production → not set." }]);
    expect(dropped[0]!.pointer).toBe('#/info');
  });

  it('says nothing when the lifecycle stays', () => {
    expect(diff(pets('production'), pets('production'))).toEqual([]);
  });
});

// --- named elements ------------------------------------------------------------------------------

describe('diffApi: the elements a change names', () => {
  it('names the operation, the response, its media type and the property path of a schema change', () => {
    const base = getPetsReturning({ type: 'object', properties: { owner: { type: 'object', properties: { name: { type: 'string' } } } } });
    const head = getPetsReturning({ type: 'object', properties: { owner: { type: 'object', properties: {} } } });
    expect(diffApi(base, head).map((change) => change.elements)).toEqual([
      [
        [
          { kind: 'operation', key: 'GET /pets' },
          { kind: 'response', status: '200' },
          { kind: 'media-type', name: 'application/json' },
          { kind: 'property', name: 'owner' },
          { kind: 'property', name: 'name' },
        ],
      ],
    ]);
  });

  it('names a parameter by its location and name', () => {
    const changes = diffApi(getPetsWith([]), getPetsWith([{ name: 'limit', in: 'query', schema: { type: 'integer' } }]));
    expect(changes.map((change) => change.elements)).toEqual([[[{ kind: 'operation', key: 'GET /pets' }, { kind: 'parameter', in: 'query', name: 'limit' }]]]);
  });

  it('names both operations and the operationId of a move', () => {
    const base = spec({ '/pets': { get: { operationId: 'listPets', responses: ok() } } });
    const head = spec({ '/animals': { get: { operationId: 'listPets', responses: ok() } } });
    expect(diffApi(base, head)[0]!.elements).toEqual([[{ kind: 'operation', key: 'GET /pets' }], [{ kind: 'operation', key: 'GET /animals' }, { kind: 'operation-id', id: 'listPets' }]]);
  });

  it('names the schemes and scopes of a changed security requirement, each once', () => {
    const oauth = (scopes: string[]) => spec({ '/pets': { get: { security: [{ oauth: scopes }], responses: ok() } } });
    expect(diffApi(oauth(['read']), oauth(['read', 'write']))[0]!.elements).toEqual([
      [{ kind: 'operation', key: 'GET /pets' }],
      [{ kind: 'security-scheme', name: 'oauth' }],
      [{ kind: 'security-scheme', name: 'oauth' }, { kind: 'scope', name: 'read' }],
      [{ kind: 'security-scheme', name: 'oauth' }, { kind: 'scope', name: 'write' }],
    ]);
  });

  it('names nothing for a change to the API as a whole', () => {
    expect(diffApi(spec({}, { info: { 'x-lifecycle': 'experimental' } }), spec({}, { info: { 'x-lifecycle': 'production' } }))[0]!.elements).toBeUndefined();
  });
});
