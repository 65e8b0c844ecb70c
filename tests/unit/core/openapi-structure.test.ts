import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import {
  getAtPath,
  getChildElements,
  getDataSchema,
  getElementReferences,
  getFieldRole,
  getValueSlots,
  isSamePath,
  isWithinPath,
  mayContain,
  SKIP_CHILDREN,
  toMappingTarget,
  toPointer,
  toRefPointer,
  toRefTarget,
  visitElements,
  type ElementVisit,
  type OasVersion,
} from '../../../src/core/openapi-structure.ts';

/** Every element of a document as `kind pointer (name)`, in document order. */
function listElements(document: JsonObject, version: OasVersion = 'oas3'): string[] {
  const out: string[] = [];
  visitElements(document, version, (visit) => {
    out.push(`${visit.kind} ${toPointer(visit.path)}${visit.name !== undefined ? ` (${visit.name})` : ''}`);
  });
  return out;
}

const ok = { description: 'OK' };

describe('visitElements: property names that look like keywords are names', () => {
  it.each(['example', 'default', 'enum', 'properties', '$ref', 'x-internal', 'items', 'required', 'value', 'description'])(
    'visits a property named %s as a schema element',
    (name) => {
      const schema = { type: 'object', properties: { [name]: { type: 'string', 'x-internal': true } } };
      const visits: ElementVisit[] = [];
      visitElements(schema, 'oas3', (visit) => void visits.push(visit), 'schema');
      expect(visits.map((v) => [v.kind, v.path, v.name, v.field])).toEqual([
        ['schema', [], undefined, ''],
        ['schema', ['properties', name], name, 'properties'],
      ]);
      expect(visits[1]!.node).toEqual({ type: 'string', 'x-internal': true });
    },
  );

  it('reads example, default, enum and const of a schema as values, even when they hold objects that look like schemas', () => {
    const schema = {
      type: 'object',
      example: { properties: { secret: { 'x-internal': true } } },
      default: { $ref: '#/components/schemas/Nope' },
      enum: [{ type: 'object' }],
      const: { items: { type: 'string' } },
      'x-vendor': { properties: { a: { type: 'string' } } },
    };
    const visits: string[] = [];
    visitElements(schema, 'oas3', (visit) => void visits.push(toPointer(visit.path)), 'schema');
    expect(visits).toEqual(['#']);
    expect(getValueSlots(schema, 'schema', 'oas3').map((slot) => [slot.key, slot.shape])).toEqual([
      ['example', 'instance'],
      ['default', 'instance'],
      ['enum', 'instances'],
      ['const', 'instance'],
      ['x-vendor', 'data'],
    ]);
  });

  it('tells the role of each key from the kind of its element, not from the key', () => {
    expect(getFieldRole('schema', 'properties', 'oas3')).toBe('elements');
    expect(getFieldRole('schema', 'example', 'oas3')).toBe('value');
    expect(getFieldRole('schema', 'items', 'oas3')).toBe('element');
    expect(getFieldRole('schema', 'x-internal', 'oas3')).toBe('value');
    expect(getFieldRole('schema', 'description', 'oas3')).toBe('field');
    expect(getFieldRole('mediaType', 'examples', 'oas3')).toBe('elements');
    expect(getFieldRole('response', 'examples', 'oas2')).toBe('value');
    expect(getFieldRole('example', 'value', 'oas3')).toBe('value');
    expect(getFieldRole('oauthFlow', 'scopes', 'oas3')).toBe('names');
    expect(getFieldRole('paths', '/pets', 'oas3')).toBe('element');
    expect(getFieldRole('paths', 'x-internal', 'oas3')).toBe('value');
  });
});

describe('visitElements over a whole 3.x document', () => {
  const document: JsonObject = {
    openapi: '3.1.0',
    info: { title: 'Pets', version: '1', contact: { name: 'Team' } },
    servers: [{ url: 'https://{region}.pets.test', variables: { region: { default: 'eu', enum: ['eu', 'us'] } } }],
    tags: [{ name: 'pets' }],
    paths: {
      '/pets': {
        get: {
          tags: ['pets'],
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
          callbacks: { get: { '{$request.body#/url}': { post: { responses: { '200': ok } } } } },
          responses: {
            '200': {
              description: 'OK',
              headers: { 'X-Rate': { schema: { type: 'integer' } } },
              links: { next: { operationId: 'listPets', parameters: { limit: { 'x-internal': true } } } },
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
                  examples: { value: { value: { name: 'Rex' } } },
                },
              },
            },
          },
        },
      },
    },
    webhooks: { petAdopted: { post: { requestBody: { content: { 'text/plain': {} } }, responses: { '200': ok } } } },
    components: {
      schemas: { Pet: { type: 'object', additionalProperties: { type: 'string' }, allOf: [{ required: ['name'] }] } },
      securitySchemes: { oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://a.test', scopes: { 'read:pets': 'Read' } } } } },
    },
  };

  it('visits every element once with its kind, decoded path and name', () => {
    expect(listElements(document)).toEqual([
      'document #',
      'info #/info',
      'contact #/info/contact',
      'server #/servers/0',
      'serverVariable #/servers/0/variables/region (region)',
      'tag #/tags/0',
      'paths #/paths',
      'pathItem #/paths/~1pets (/pets)',
      'operation #/paths/~1pets/get',
      'parameter #/paths/~1pets/get/parameters/0',
      'schema #/paths/~1pets/get/parameters/0/schema',
      'callback #/paths/~1pets/get/callbacks/get (get)',
      'pathItem #/paths/~1pets/get/callbacks/get/{$request.body#~1url} ({$request.body#/url})',
      'operation #/paths/~1pets/get/callbacks/get/{$request.body#~1url}/post',
      'responses #/paths/~1pets/get/callbacks/get/{$request.body#~1url}/post/responses',
      'response #/paths/~1pets/get/callbacks/get/{$request.body#~1url}/post/responses/200 (200)',
      'responses #/paths/~1pets/get/responses',
      'response #/paths/~1pets/get/responses/200 (200)',
      'header #/paths/~1pets/get/responses/200/headers/X-Rate (X-Rate)',
      'schema #/paths/~1pets/get/responses/200/headers/X-Rate/schema',
      'link #/paths/~1pets/get/responses/200/links/next (next)',
      'mediaType #/paths/~1pets/get/responses/200/content/application~1json (application/json)',
      'schema #/paths/~1pets/get/responses/200/content/application~1json/schema',
      'schema #/paths/~1pets/get/responses/200/content/application~1json/schema/items',
      'example #/paths/~1pets/get/responses/200/content/application~1json/examples/value (value)',
      'pathItem #/webhooks/petAdopted (petAdopted)',
      'operation #/webhooks/petAdopted/post',
      'requestBody #/webhooks/petAdopted/post/requestBody',
      'mediaType #/webhooks/petAdopted/post/requestBody/content/text~1plain (text/plain)',
      'responses #/webhooks/petAdopted/post/responses',
      'response #/webhooks/petAdopted/post/responses/200 (200)',
      'components #/components',
      'schema #/components/schemas/Pet (Pet)',
      'schema #/components/schemas/Pet/additionalProperties',
      'schema #/components/schemas/Pet/allOf/0',
      'securityScheme #/components/securitySchemes/oauth (oauth)',
      'oauthFlows #/components/securitySchemes/oauth/flows',
      'oauthFlow #/components/securitySchemes/oauth/flows/implicit',
    ]);
  });

  it('gives a local $ref its decoded target and does not follow it', () => {
    const refs: string[][] = [];
    visitElements(document, 'oas3', (visit) => void (visit.ref && refs.push(visit.ref)));
    expect(refs).toEqual([['components', 'schemas', 'Pet']]);
  });

  it('skips the children of an element when the visitor says so', () => {
    const seen: string[] = [];
    visitElements(document, 'oas3', (visit) => {
      seen.push(visit.kind);
      return visit.kind === 'paths' || visit.kind === 'components' || visit.kind === 'pathItem' ? SKIP_CHILDREN : undefined;
    });
    expect(seen).toEqual(['document', 'info', 'contact', 'server', 'serverVariable', 'tag', 'paths', 'pathItem', 'components']);
  });

  it('hands each child its container and key, so a caller can remove it', () => {
    const copy = structuredClone(document);
    visitElements(copy, 'oas3', (visit) => {
      if (visit.kind === 'header' && visit.container && !Array.isArray(visit.container)) delete visit.container[visit.key as string];
    });
    expect(getAtPath(copy, ['paths', '/pets', 'get', 'responses', '200', 'headers'])).toEqual({});
  });
});

describe('visitElements over a Swagger 2.0 document', () => {
  it('visits definitions, parameters, responses and securityDefinitions by name, and reads 2.0 response examples as values', () => {
    const document: JsonObject = {
      swagger: '2.0',
      info: { title: 'Pets', version: '1' },
      paths: {
        '/pets': {
          get: {
            parameters: [{ name: 'ids', in: 'query', type: 'array', items: { type: 'string', 'x-internal': true } }],
            responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Pet' }, examples: { 'application/json': { name: 'Rex' } } } },
          },
        },
      },
      definitions: { Pet: { type: 'object', properties: { name: { type: 'string' } } } },
      parameters: { Limit: { name: 'limit', in: 'query', type: 'integer' } },
      responses: { NotFound: { description: 'No' } },
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'K' } },
    };
    expect(listElements(document, 'oas2')).toEqual([
      'document #',
      'info #/info',
      'paths #/paths',
      'pathItem #/paths/~1pets (/pets)',
      'operation #/paths/~1pets/get',
      'parameter #/paths/~1pets/get/parameters/0',
      'schema #/paths/~1pets/get/parameters/0/items',
      'responses #/paths/~1pets/get/responses',
      'response #/paths/~1pets/get/responses/200 (200)',
      'schema #/paths/~1pets/get/responses/200/schema',
      'schema #/definitions/Pet (Pet)',
      'schema #/definitions/Pet/properties/name (name)',
      'parameter #/parameters/Limit (Limit)',
      'response #/responses/NotFound (NotFound)',
      'securityScheme #/securityDefinitions/key (key)',
    ]);
    const response = getAtPath(document, ['paths', '/pets', 'get', 'responses', '200']) as JsonObject;
    expect(getValueSlots(response, 'response', 'oas2')).toEqual([{ key: 'examples', value: { 'application/json': { name: 'Rex' } }, shape: 'instancesByMediaType' }]);
    expect(getDataSchema(response, 'response', 'oas2')).toEqual({ $ref: '#/definitions/Pet' });
  });
});

describe('getChildElements', () => {
  it('reads draft-4 tuple items as a list of schemas', () => {
    const children = getChildElements({ items: [{ type: 'string' }, { type: 'integer' }] }, 'schema', 'oas3');
    expect(children.map((c) => [c.segments, c.key, c.field])).toEqual([
      [['items', '0'], 0, 'items'],
      [['items', '1'], 1, 'items'],
    ]);
  });
});

describe('toRefTarget: references are decoded JSON pointers', () => {
  it('percent-decodes the fragment: Audit%20Entry is the schema named "Audit Entry"', () => {
    expect(toRefTarget('#/components/schemas/Audit%20Entry')).toEqual(['components', 'schemas', 'Audit Entry']);
    expect(toRefPointer('#/components/schemas/Audit%20Entry')).toBe(toRefPointer('#/components/schemas/Audit Entry'));
  });

  it('decodes a percent-encoded operationRef to the same path as the plain one', () => {
    const encoded = toRefTarget('#/paths/~1pets~1%7Bid%7D/delete');
    expect(encoded).toEqual(['paths', '/pets/{id}', 'delete']);
    expect(isSamePath(encoded!, toRefTarget('#/paths/~1pets~1{id}/delete')!)).toBe(true);
  });

  it('unescapes ~1 before ~0, after percent-decoding', () => {
    expect(toRefTarget('#/a~01/b~1c/%7E1')).toEqual(['a~1', 'b/c', '/']);
  });

  it('gives the root for "#" and nothing for external or malformed references', () => {
    expect(toRefTarget('#')).toEqual([]);
    expect(toRefTarget('other.yaml#/components/schemas/Pet')).toBeUndefined();
    expect(toRefTarget('#components')).toBeUndefined();
    expect(toRefTarget('#/bad%E0%A4%A')).toBeUndefined();
  });

  it('toPointer escapes ~ and / only, so equal paths give equal pointers', () => {
    expect(toPointer(['paths', '/pets/{id}', 'a~b'])).toBe('#/paths/~1pets~1{id}/a~0b');
    expect(toPointer([])).toBe('#');
  });

  it('isWithinPath compares whole segments, not string prefixes', () => {
    expect(isWithinPath(['components', 'schemas', 'Pet', 'properties'], ['components', 'schemas', 'Pet'])).toBe(true);
    expect(isWithinPath(['components', 'schemas', 'PetOwner'], ['components', 'schemas', 'Pet'])).toBe(false);
  });

  it('reads discriminator mappings as references or bare schema names', () => {
    expect(toMappingTarget('Dog', 'oas3')).toEqual(['components', 'schemas', 'Dog']);
    expect(toMappingTarget('Dog', 'oas2')).toEqual(['definitions', 'Dog']);
    expect(toMappingTarget('#/components/schemas/Big%20Dog', 'oas3')).toEqual(['components', 'schemas', 'Big Dog']);
  });
});

describe('getElementReferences', () => {
  it('names what a link, a discriminator, a security requirement, an operation and a schema refer to', () => {
    expect(getElementReferences({ operationRef: '#/paths/~1pets~1%7Bid%7D/get', operationId: 'getPet' }, 'link', 'oas3')).toEqual([
      { via: 'operationRef', raw: '#/paths/~1pets~1%7Bid%7D/get', target: ['paths', '/pets/{id}', 'get'] },
      { via: 'operationId', name: 'getPet' },
    ]);
    expect(getElementReferences({ propertyName: 'kind', mapping: { dog: 'Dog', cat: '#/components/schemas/Cat' } }, 'discriminator', 'oas3')).toEqual([
      { via: 'mapping', key: 'dog', raw: 'Dog', target: ['components', 'schemas', 'Dog'] },
      { via: 'mapping', key: 'cat', raw: '#/components/schemas/Cat', target: ['components', 'schemas', 'Cat'] },
    ]);
    expect(getElementReferences({ key: [] }, 'securityRequirement', 'oas2')).toEqual([{ via: 'securityScheme', name: 'key', target: ['securityDefinitions', 'key'] }]);
    expect(getElementReferences({ tags: ['pets'], responses: {} }, 'operation', 'oas3')).toEqual([{ via: 'tag', index: 0, name: 'pets' }]);
    expect(getElementReferences({ required: ['$ref'], $ref: 'other.yaml' }, 'schema', 'oas3')).toEqual([
      { via: '$ref', raw: 'other.yaml' },
      { via: 'required', index: 0, name: '$ref' },
    ]);
  });

  it('does not read a property named $ref as a reference of the properties map', () => {
    const schema = { type: 'object', properties: { $ref: { type: 'string' } } };
    const refs: unknown[] = [];
    visitElements(schema, 'oas3', (visit) => void refs.push(...getElementReferences(visit.node, visit.kind, 'oas3')), 'schema');
    expect(refs).toEqual([]);
  });
});

describe('mayContain', () => {
  it('knows from the table which kinds can hold which, so walks can skip subtrees', () => {
    expect(mayContain('document', 'operation', 'oas3')).toBe(true);
    expect(mayContain('operation', 'operation', 'oas3')).toBe(true); // through callbacks
    expect(mayContain('schema', 'operation', 'oas3')).toBe(false);
    expect(mayContain('response', 'operation', 'oas3')).toBe(false);
    expect(mayContain('response', 'schema', 'oas2')).toBe(true);
    expect(mayContain('operation', 'operation', 'oas2')).toBe(false);
    expect(mayContain('document', 'securityRequirement', 'oas2')).toBe(true);
  });
});
