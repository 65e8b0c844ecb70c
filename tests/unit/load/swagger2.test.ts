import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import { convertSwagger2 } from '../../../src/load/swagger2.ts';

const info = { title: 'Pets', version: '1.0.0' };

function swagger(extra: JsonObject): JsonObject {
  return { swagger: '2.0', info, paths: {}, ...extra };
}

function operationOf(document: JsonObject, path: string, method: string): JsonObject {
  return ((document.paths as JsonObject)[path] as JsonObject)[method] as JsonObject;
}

describe('convertSwagger2: servers', () => {
  it('builds one server per scheme from host and basePath', () => {
    expect(convertSwagger2(swagger({ host: 'api.pets.test', basePath: '/v1', schemes: ['https', 'http'] })).servers).toEqual([
      { url: 'https://api.pets.test/v1' },
      { url: 'http://api.pets.test/v1' },
    ]);
  });

  it('assumes https when no scheme is given', () => {
    expect(convertSwagger2(swagger({ host: 'api.pets.test' })).servers).toEqual([{ url: 'https://api.pets.test' }]);
  });

  it('gives a relative server when there is no host, without throwing', () => {
    expect(convertSwagger2(swagger({ basePath: '/api' })).servers).toEqual([{ url: '/api' }]);
    expect(convertSwagger2(swagger({})).servers).toEqual([{ url: '/' }]);
  });
});

describe('convertSwagger2: operations', () => {
  it('turns a body parameter into a request body for each consumed media type', () => {
    const document = convertSwagger2(
      swagger({
        consumes: ['application/json', 'application/xml'],
        paths: {
          '/pets': {
            post: {
              parameters: [{ name: 'pet', in: 'body', required: true, description: 'The pet', schema: { $ref: '#/definitions/Pet' } }],
              responses: { '201': { description: 'Created' } },
            },
          },
        },
        definitions: { Pet: { type: 'object' } },
      }),
    );
    const operation = operationOf(document, '/pets', 'post');
    expect(operation.parameters).toEqual([]);
    expect(operation.requestBody).toEqual({
      description: 'The pet',
      required: true,
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/Pet' } },
        'application/xml': { schema: { $ref: '#/components/schemas/Pet' } },
      },
    });
  });

  it('turns formData parameters into a urlencoded form body', () => {
    const document = convertSwagger2(
      swagger({
        paths: {
          '/login': {
            post: {
              parameters: [
                { name: 'user', in: 'formData', type: 'string', required: true, description: 'Login name' },
                { name: 'remember', in: 'formData', type: 'boolean' },
              ],
              responses: { '200': { description: 'OK' } },
            },
          },
        },
      }),
    );
    expect(operationOf(document, '/login', 'post').requestBody).toEqual({
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            properties: { user: { type: 'string', description: 'Login name' }, remember: { type: 'boolean' } },
            required: ['user'],
          },
        },
      },
    });
  });

  it('turns a file upload into a multipart body with a binary string', () => {
    const document = convertSwagger2(
      swagger({
        paths: { '/photos': { post: { parameters: [{ name: 'photo', in: 'formData', type: 'file' }], responses: { '204': { description: 'Stored' } } } } },
      }),
    );
    expect(operationOf(document, '/photos', 'post').requestBody).toEqual({
      required: false,
      content: { 'multipart/form-data': { schema: { type: 'object', properties: { photo: { type: 'string', format: 'binary' } } } } },
    });
  });

  it('moves parameter types into a schema and keeps x-example as the example', () => {
    const document = convertSwagger2(
      swagger({
        paths: {
          '/pets': {
            get: {
              parameters: [{ name: 'limit', in: 'query', type: 'integer', minimum: 1, maximum: 50, description: 'Page size', 'x-example': 10 }],
              responses: { '200': { description: 'OK' } },
            },
          },
        },
      }),
    );
    expect(operationOf(document, '/pets', 'get').parameters).toEqual([
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 }, description: 'Page size', 'x-example': 10, example: 10 },
    ]);
  });

  it('applies path-level parameters unless the operation redefines them', () => {
    const document = convertSwagger2(
      swagger({
        paths: {
          '/pets/{id}': {
            parameters: [
              { name: 'id', in: 'path', required: true, type: 'string' },
              { name: 'trace', in: 'header', type: 'string', description: 'path level' },
            ],
            get: { parameters: [{ name: 'trace', in: 'header', type: 'string', description: 'operation level' }], responses: { '200': { description: 'OK' } } },
          },
        },
      }),
    );
    const parameters = operationOf(document, '/pets/{id}', 'get').parameters as JsonObject[];
    expect(parameters.map((p) => [p.name, p.description ?? null])).toEqual([
      ['id', null],
      ['trace', 'operation level'],
    ]);
    expect(((document.paths as JsonObject)['/pets/{id}'] as JsonObject).parameters).toBeUndefined();
  });

  it('gives responses content for each produced media type, resolving shared responses', () => {
    const document = convertSwagger2(
      swagger({
        produces: ['application/json'],
        paths: {
          '/pets': {
            get: {
              responses: {
                '200': { description: 'OK', schema: { type: 'array', items: { $ref: '#/definitions/Pet' } }, headers: { 'X-Rate-Limit': { type: 'integer', description: 'Calls left' } } },
                '404': { $ref: '#/responses/NotFound' },
              },
            },
          },
        },
        responses: { NotFound: { description: 'Not found', schema: { $ref: '#/definitions/Error' } } },
        definitions: { Pet: { type: 'object' }, Error: { type: 'object' } },
      }),
    );
    expect(operationOf(document, '/pets', 'get').responses).toEqual({
      '200': {
        description: 'OK',
        headers: { 'X-Rate-Limit': { description: 'Calls left', schema: { type: 'integer' } } },
        content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } },
      },
      '404': { description: 'Not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    });
  });
});

describe('convertSwagger2: components', () => {
  it('moves definitions to components.schemas and rewrites their refs', () => {
    const document = convertSwagger2(
      swagger({ definitions: { Pet: { type: 'object', properties: { owner: { $ref: '#/definitions/Owner' }, tags: { type: 'array', items: { $ref: '#/definitions/Tag' } } } }, Owner: { type: 'object' }, Tag: { type: 'string' } } }),
    );
    expect((document.components as JsonObject).schemas).toEqual({
      Pet: { type: 'object', properties: { owner: { $ref: '#/components/schemas/Owner' }, tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } } },
      Owner: { type: 'object' },
      Tag: { type: 'string' },
    });
  });

  it('converts basic, apiKey and oauth2 security definitions', () => {
    const document = convertSwagger2(
      swagger({
        securityDefinitions: {
          basicAuth: { type: 'basic', description: 'Staff login' },
          key: { type: 'apiKey', name: 'X-API-Key', in: 'header' },
          code: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://auth.test/authorize', tokenUrl: 'https://auth.test/token', scopes: { 'pets:read': 'Read pets' } },
          machine: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.test/token', scopes: {} },
        },
      }),
    );
    expect((document.components as JsonObject).securitySchemes).toEqual({
      basicAuth: { description: 'Staff login', type: 'http', scheme: 'basic' },
      key: { type: 'apiKey', name: 'X-API-Key', in: 'header' },
      code: {
        type: 'oauth2',
        flows: { authorizationCode: { authorizationUrl: 'https://auth.test/authorize', tokenUrl: 'https://auth.test/token', scopes: { 'pets:read': 'Read pets' } } },
      },
      machine: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.test/token', scopes: {} } } },
    });
  });

  it('declares itself OpenAPI 3.0.3 and keeps tags, security and externalDocs', () => {
    const document = convertSwagger2(
      swagger({ tags: [{ name: 'pets' }], security: [{ key: [] }], externalDocs: { url: 'https://docs.test' }, 'x-internal-note': 'dropped' }),
    );
    expect(document).toMatchObject({ openapi: '3.0.3', info, tags: [{ name: 'pets' }], security: [{ key: [] }], externalDocs: { url: 'https://docs.test' } });
    expect(document.swagger).toBeUndefined();
  });

  it('leaves the original Swagger document untouched', () => {
    const original = swagger({ definitions: { Pet: { properties: { owner: { $ref: '#/definitions/Owner' } } }, Owner: {} } });
    const copy = structuredClone(original);
    convertSwagger2(original);
    expect(original).toEqual(copy);
  });
});
