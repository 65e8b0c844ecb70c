// The filter follows the OpenAPI structure, not key names or raw strings (issue #8, sections 2 and 5).
import { describe, expect, it } from 'vitest';
import type { BuildTarget } from '../../../src/core/audience.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import { filterDocument } from '../../../src/audience/visibility.ts';

const openSite: BuildTarget = { audience: 'open' };
const partnerSite: BuildTarget = { audience: 'partner' };
const acmeSite: BuildTarget = { audience: 'partner', partner: 'acme' };

const info = { title: 'Pets', version: '1.0.0' };
const ok = { description: 'OK' };

function oas3(rest: JsonObject): JsonObject {
  return { openapi: '3.1.0', info, paths: {}, ...rest };
}

function view(document: JsonObject, target: BuildTarget = openSite): JsonObject {
  return filterDocument(document, target, 'oas3').document;
}

function view2(document: JsonObject, target: BuildTarget = openSite): JsonObject {
  return filterDocument(document, target, 'oas2').document;
}

/** GET /pets answering 200 with one JSON media type. */
function petsReturning(media: JsonObject, operation: JsonObject = {}): JsonObject {
  return { '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'OK', content: { 'application/json': media } } }, ...operation } } };
}

describe('element names that are schema or data keywords', () => {
  it.each(['properties', 'items', 'required', '$ref', 'x-internal', 'x-audience', 'description'])('removes an internal property named %s and its required entry', (name) => {
    const properties: JsonObject = { id: { type: 'string' }, [name]: { 'x-internal': true, type: 'string' } };
    const schema = { type: 'object', required: ['id', name], properties };
    expect(view(oas3({ paths: petsReturning({ schema }) }))).toEqual(
      oas3({ paths: petsReturning({ schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } }) }),
    );
  });

  it('keeps a visible property named x-internal or x-audience: in a map of names it is a name, not a marker', () => {
    const schema = { type: 'object', properties: { 'x-internal': { type: 'boolean' }, 'x-audience': { type: 'string' } } };
    const document = oas3({ paths: petsReturning({ schema }) });
    expect(view(document)).toEqual(document);
  });

  it('removes an internal Example named value and keeps a visible one named example', () => {
    const document = oas3({
      paths: petsReturning({
        schema: { type: 'object' },
        examples: { example: { value: { name: 'Rex' } }, value: { 'x-internal': true, summary: 'Staff view', value: { name: 'Staff only' } } },
      }),
    });
    expect(view(document)).toEqual(oas3({ paths: petsReturning({ schema: { type: 'object' }, examples: { example: { value: { name: 'Rex' } } } }) }));
  });

  it('removes an internal callback named like a keyword (get, default, $ref)', () => {
    const expression = { '{$request.body#/url}': { post: { responses: { '200': ok } } } };
    const document = oas3({
      paths: petsReturning({ schema: { type: 'string' } }, { callbacks: { get: { 'x-internal': true, ...expression }, default: { 'x-internal': true, ...expression }, onDone: expression } }),
    });
    expect(view(document)).toEqual(oas3({ paths: petsReturning({ schema: { type: 'string' } }, { callbacks: { onDone: expression } }) }));
  });

  it('removes a callback path item whose expression is named like a keyword (value, example)', () => {
    const visible = { post: { responses: { '200': ok } } };
    const document = oas3({
      paths: petsReturning({ schema: { type: 'string' } }, { callbacks: { onEvent: { value: { post: { 'x-internal': true, responses: { '200': ok } } }, example: { 'x-internal': true, ...visible }, '{$request.body#/url}': visible } } }),
    });
    expect(view(document)).toEqual(oas3({ paths: petsReturning({ schema: { type: 'string' } }, { callbacks: { onEvent: { '{$request.body#/url}': visible } } }) }));
  });

  it('removes an internal header and link named like keywords', () => {
    const document = oas3({
      paths: {
        '/pets': {
          get: {
            operationId: 'listPets',
            responses: {
              '200': {
                description: 'OK',
                headers: { example: { 'x-internal': true, schema: { type: 'string' } }, 'X-Rate': { schema: { type: 'integer' } } },
                links: { default: { 'x-internal': true, operationId: 'listPets' }, next: { operationId: 'listPets' } },
              },
            },
          },
        },
      },
    });
    expect(view(document)).toEqual(
      oas3({
        paths: {
          '/pets': {
            get: { operationId: 'listPets', responses: { '200': { description: 'OK', headers: { 'X-Rate': { schema: { type: 'integer' } } }, links: { next: { operationId: 'listPets' } } } } },
          },
        },
      }),
    );
  });
});

describe('examples of open-ended maps and of schemas reached through $ref and allOf', () => {
  const schemas: JsonObject = {
    Person: { type: 'object', properties: { name: { type: 'string' }, ssn: { 'x-internal': true, type: 'string' } } },
    Employee: { allOf: [{ $ref: '#/components/schemas/Person' }, { properties: { salary: { 'x-internal': true, type: 'number' } } }] },
  };

  it('drops the keys of hidden properties from every value of a map reached through additionalProperties', () => {
    const document = oas3({
      paths: petsReturning({
        schema: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Employee' } },
        example: { ada: { name: 'Ada', ssn: '1', salary: 9 }, bo: { name: 'Bo', salary: 7 } },
      }),
      components: { schemas },
    });
    const media = ((((view(document).paths as JsonObject)['/pets'] as JsonObject).get as JsonObject).responses as JsonObject)['200'] as JsonObject;
    expect(((media.content as JsonObject)['application/json'] as JsonObject).example).toEqual({ ada: { name: 'Ada' }, bo: { name: 'Bo' } });
  });

  it('drops every undeclared key of an example when the additionalProperties schema itself is hidden', () => {
    const document = oas3({
      paths: petsReturning({
        schema: { type: 'object', properties: { id: { type: 'string' } }, additionalProperties: { 'x-internal': true, type: 'number' } },
        example: { id: 'p-1', costCentre: 17, margin: 3 },
      }),
    });
    expect(view(document)).toEqual(oas3({ paths: petsReturning({ schema: { type: 'object', properties: { id: { type: 'string' } } }, example: { id: 'p-1' } }) }));
  });

  it("prunes a property's own example under a schema reached through $ref and allOf", () => {
    const document = oas3({
      paths: petsReturning({ schema: { $ref: '#/components/schemas/Team' } }),
      components: {
        schemas: {
          ...schemas,
          Team: { type: 'object', properties: { lead: { $ref: '#/components/schemas/Employee', example: { name: 'Ada', ssn: '1', salary: 9 } } }, example: { lead: { name: 'Bo', salary: 7 } } },
        },
      },
    });
    const team = ((view(document).components as JsonObject).schemas as JsonObject).Team as JsonObject;
    expect(team).toEqual({ type: 'object', properties: { lead: { $ref: '#/components/schemas/Employee', example: { name: 'Ada' } } }, example: { lead: { name: 'Bo' } } });
  });

  it('drops the items of an array example whose items schema is hidden', () => {
    const document = oas3({ paths: petsReturning({ schema: { type: 'array', items: { 'x-internal': true, type: 'string' } }, example: ['audit-1', 'audit-2'] }) });
    expect(view(document)).toEqual(oas3({ paths: petsReturning({ schema: { type: 'array' }, example: [] }) }));
  });
});

describe('encoded references are compared as decoded pointers', () => {
  it('removes a link whose percent-encoded operationRef names a removed operation', () => {
    const document = oas3({
      paths: {
        '/pets': {
          get: {
            operationId: 'listPets',
            responses: { '200': { description: 'OK', links: { purge: { operationRef: '#/paths/~1pets~1%7Bid%7D/delete' }, pet: { operationRef: '#/paths/~1pets~1%7Bid%7D/get' } } } },
          },
        },
        '/pets/{id}': { get: { operationId: 'getPet', responses: { '200': ok } }, delete: { 'x-internal': true, operationId: 'purgePet', responses: { '204': ok } } },
      },
    });
    expect(view(document)).toEqual(
      oas3({
        paths: {
          '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'OK', links: { pet: { operationRef: '#/paths/~1pets~1%7Bid%7D/get' } } } } } },
          '/pets/{id}': { get: { operationId: 'getPet', responses: { '200': ok } } },
        },
      }),
    );
  });

  const auditRef = { $ref: '#/components/schemas/Audit%20Entry' };

  it('keeps a schema named "Audit Entry" that a visible operation reaches through Audit%20Entry', () => {
    const document = oas3({ paths: petsReturning({ schema: auditRef }), components: { schemas: { 'Audit Entry': { type: 'object' } } } });
    expect(view(document)).toEqual(document);
  });

  it('removes the reference with the schema when "Audit Entry" is internal, leaving no dangling $ref', () => {
    const document = oas3({
      paths: petsReturning({ schema: { type: 'object', properties: { id: { type: 'string' }, audit: auditRef } } }),
      components: { schemas: { 'Audit Entry': { 'x-internal': true, type: 'object' } } },
    });
    expect(view(document)).toEqual(oas3({ paths: petsReturning({ schema: { type: 'object', properties: { id: { type: 'string' } } } }) }));
  });

  it('prunes "Audit Entry" when only a removed operation reached it through Audit%20Entry', () => {
    const document = oas3({
      paths: { '/audit': { get: { 'x-internal': true, responses: { '200': { description: 'OK', content: { 'application/json': { schema: auditRef } } } } } }, '/pets': { get: { responses: { '200': ok } } } },
      components: { schemas: { 'Audit Entry': { type: 'object' } } },
    });
    expect(view(document)).toEqual(oas3({ paths: { '/pets': { get: { responses: { '200': ok } } } } }));
  });

  it('does the same for a Swagger 2.0 #/definitions/Audit%20Entry', () => {
    const document = {
      swagger: '2.0',
      info,
      paths: { '/pets': { get: { responses: { '200': { description: 'OK', schema: { type: 'object', properties: { id: { type: 'string' }, audit: { $ref: '#/definitions/Audit%20Entry' } } } } } } } },
      definitions: { 'Audit Entry': { 'x-internal': true, type: 'object' } },
    };
    expect(view2(document)).toEqual({
      swagger: '2.0',
      info,
      paths: { '/pets': { get: { responses: { '200': { description: 'OK', schema: { type: 'object', properties: { id: { type: 'string' } } } } } } } },
    });
  });
});

describe('required across allOf', () => {
  it('drops a hidden property from the required list of a sibling allOf branch', () => {
    const document = oas3({
      paths: petsReturning({ schema: { $ref: '#/components/schemas/Customer' } }),
      components: {
        schemas: {
          Person: { type: 'object', properties: { name: { type: 'string' }, taxNumber: { 'x-internal': true, type: 'string' } } },
          Customer: { allOf: [{ $ref: '#/components/schemas/Person' }, { required: ['name', 'taxNumber'] }] },
        },
      },
    });
    expect((view(document).components as JsonObject).schemas).toEqual({
      Person: { type: 'object', properties: { name: { type: 'string' } } },
      Customer: { allOf: [{ $ref: '#/components/schemas/Person' }, { required: ['name'] }] },
    });
  });

  it('drops an example value when one of two allOf declarations of its property is hidden, but keeps the visible name in required', () => {
    const document = oas3({
      paths: petsReturning({
        schema: { allOf: [{ type: 'object', required: ['code'], properties: { code: { type: 'string' } } }, { type: 'object', properties: { code: { 'x-internal': true, pattern: '^INT-' } } }] },
        example: { code: 'INT-7731', name: 'Rex' },
      }),
    });
    expect(view(document)).toEqual(
      oas3({
        paths: petsReturning({
          schema: { allOf: [{ type: 'object', required: ['code'], properties: { code: { type: 'string' } } }, { type: 'object', properties: {} }] },
          example: { name: 'Rex' },
        }),
      }),
    );
  });

  it('keeps a required name that another schema of the allOf still declares visibly', () => {
    const document = oas3({
      paths: petsReturning({
        schema: {
          allOf: [
            { type: 'object', properties: { code: { 'x-internal': true, type: 'string' } } },
            { type: 'object', required: ['code'], properties: { code: { type: 'integer' } } },
          ],
        },
      }),
    });
    const schema: JsonObject = { allOf: [{ type: 'object', properties: {} }, { type: 'object', required: ['code'], properties: { code: { type: 'integer' } } }] };
    expect(view(document)).toEqual(oas3({ paths: petsReturning({ schema }) }));
  });
});

describe('instances of removed schemas', () => {
  it('drops the example and Example objects of a media type whose schema was removed: they describe hidden content', () => {
    const document = oas3({
      paths: petsReturning({
        schema: { $ref: '#/components/schemas/Audit' },
        example: { by: 'ops-oncall@corp', at: 1 },
        examples: { one: { value: { by: 'ops-oncall@corp' } } },
      }),
      components: { schemas: { Audit: { 'x-internal': true, type: 'object', properties: { by: { type: 'string' }, at: { type: 'integer' } } } } },
    });
    expect(view(document)).toEqual(oas3({ paths: petsReturning({}) }));
  });

  it('drops from required and from examples the properties of a removed allOf base', () => {
    const document = oas3({
      paths: petsReturning({ schema: { $ref: '#/components/schemas/Employee' } }),
      components: {
        schemas: {
          Staff: { 'x-internal': true, type: 'object', properties: { badgeNumber: { type: 'string' } } },
          Employee: {
            allOf: [{ $ref: '#/components/schemas/Staff' }, { type: 'object', required: ['name', 'badgeNumber'], properties: { name: { type: 'string' } } }],
            example: { name: 'Ada', badgeNumber: 'B-7731' },
          },
        },
      },
    });
    expect((view(document).components as JsonObject).schemas).toEqual({
      Employee: { allOf: [{ type: 'object', required: ['name'], properties: { name: { type: 'string' } } }], example: { name: 'Ada' } },
    });
  });
});

describe('tags of hidden operations', () => {
  const document = oas3({
    tags: [
      { name: 'payroll', description: 'Salaries and bonuses of every employee' },
      { name: 'pets', description: 'Pets' },
      { name: 'unused', description: 'Declared, used by nothing' },
    ],
    paths: {
      '/pets': { get: { tags: ['pets'], responses: { '200': ok } }, delete: { 'x-internal': true, tags: ['pets', 'payroll'], responses: { '204': ok } } },
      '/payroll': { get: { 'x-internal': true, tags: ['payroll'], responses: { '200': ok } } },
    },
    'x-tagGroups': [{ name: 'Money', tags: ['payroll'] }, { name: 'Animals', tags: ['pets'] }],
  });

  it('removes a root tag used only by hidden operations, with its description, and keeps one a visible operation uses', () => {
    expect(view(document)).toEqual(
      oas3({
        tags: [{ name: 'pets', description: 'Pets' }, { name: 'unused', description: 'Declared, used by nothing' }],
        paths: { '/pets': { get: { tags: ['pets'], responses: { '200': ok } } } },
        'x-tagGroups': [{ name: 'Animals', tags: ['pets'] }],
      }),
    );
  });

  it('lists the removed tag among the removed pointers', () => {
    expect(filterDocument(document, openSite, 'oas3').removed).toContain('#/tags/0');
  });
});

describe('contradictory markers are read as the narrowest audience', () => {
  const document = oas3({
    paths: {
      '/pets': {
        get: { responses: { '200': ok } },
        post: { 'x-audience': 'open', 'x-partners': ['acme'], operationId: 'createPet', responses: { '201': ok } },
        put: { 'x-internal': true, 'x-audience': 'open', operationId: 'replacePets', responses: { '200': ok } },
        patch: { 'x-internal': false, 'x-audience': 'internal', operationId: 'patchPets', responses: { '200': ok } },
        delete: { 'x-audience': 'internal', 'x-partners': ['acme'], operationId: 'purgePets', responses: { '200': ok } },
      },
    },
  });

  it('shows x-audience: open with x-partners [acme] to acme only, never to the open site', () => {
    expect(Object.keys((view(document, openSite).paths as JsonObject)['/pets'] as JsonObject)).toEqual(['get']);
    expect(Object.keys((view(document, partnerSite).paths as JsonObject)['/pets'] as JsonObject)).toEqual(['get']);
    expect(Object.keys((view(document, acmeSite).paths as JsonObject)['/pets'] as JsonObject)).toEqual(['get', 'post']);
  });
});

describe('polymorphic schemas', () => {
  /** A base schema listing `count` subtypes in oneOf, each allOf-ing the base and adding one hidden property, plus an example. */
  function polymorphic(count: number): JsonObject {
    const names = Array.from({ length: count }, (_, index) => `Kind${index}`);
    const example: JsonObject = { kind: 'Kind0', name: 'Rex', ...Object.fromEntries(names.map((name) => [`secret${name}`, 1])) };
    const schemas: JsonObject = {
      Pet: {
        type: 'object',
        properties: { kind: { type: 'string' }, name: { type: 'string' } },
        oneOf: names.map((name) => ({ $ref: `#/components/schemas/${name}` })),
        discriminator: { propertyName: 'kind' },
        example,
      },
    };
    for (const name of names) {
      schemas[name] = { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', properties: { [`secret${name}`]: { 'x-internal': true, type: 'number' }, [`open${name}`]: { type: 'string' } } }] };
    }
    return oas3({ paths: petsReturning({ schema: { $ref: '#/components/schemas/Pet' }, example: structuredClone(example) }), components: { schemas } });
  }

  it.each([2, 3, 10])('filters a base schema with %i subtypes that allOf the base, dropping every hidden property from the examples', (count) => {
    const filtered = view(polymorphic(count));
    const pet = ((filtered.components as JsonObject).schemas as JsonObject).Pet as JsonObject;
    expect(pet.example).toEqual({ kind: 'Kind0', name: 'Rex' });
    const media = ((((filtered.paths as JsonObject)['/pets'] as JsonObject).get as JsonObject).responses as JsonObject)['200'] as JsonObject;
    expect(((media.content as JsonObject)['application/json'] as JsonObject).example).toEqual({ kind: 'Kind0', name: 'Rex' });
    const last = ((filtered.components as JsonObject).schemas as JsonObject)[`Kind${count - 1}`] as JsonObject;
    expect(last).toEqual({ allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', properties: { [`openKind${count - 1}`]: { type: 'string' } } }] });
  });
});
