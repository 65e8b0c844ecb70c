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

describe('what a hidden property takes from the examples of its schema', () => {
  it('keeps the keys no property declares when only a declared property was hidden', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' }, ssn: { 'x-internal': true, type: 'string' } } };
    const document = oas3({ paths: petsReturning({ schema, example: { name: 'Rex', ssn: '123', nickname: 'R' } }) });
    expect(getPetsMedia(view(document)).example).toEqual({ name: 'Rex', nickname: 'R' });
  });

  it('takes only the key of a hidden nested object, not the keys its own properties share with the outer object', () => {
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, audit: { 'x-internal': true, type: 'object', properties: { name: { type: 'string' }, by: { type: 'string' } } } },
    };
    const document = oas3({ paths: petsReturning({ schema, example: { name: 'Rex', audit: { name: 'nightly', by: 'ops' } } }) });
    expect(getPetsMedia(view(document)).example).toEqual({ name: 'Rex' });
  });

  it('drops the keys no property declares when a hidden patternProperties schema may describe them', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } }, patternProperties: { '^cost-': { 'x-internal': true, type: 'number' } } };
    const document = oas3({ paths: petsReturning({ schema, example: { name: 'Rex', 'cost-food': 12 } }) });
    expect(getPetsMedia(view(document))).toEqual({ schema: { type: 'object', properties: { name: { type: 'string' } }, patternProperties: {} }, example: { name: 'Rex' } });
  });

  it('drops the keys no property declares when the unevaluatedProperties schema is hidden', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } }, unevaluatedProperties: { 'x-internal': true, type: 'number' } };
    const document = oas3({ paths: petsReturning({ schema, example: { name: 'Rex', costCentre: 17 } }) });
    expect(getPetsMedia(view(document)).example).toEqual({ name: 'Rex' });
  });

  it('keeps the keys no property declares when the hidden part describes no key ($defs), leaving the emptied map', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } }, $defs: { staffNote: { 'x-internal': true, type: 'string' } } };
    const document = oas3({ paths: petsReturning({ schema, example: { name: 'Rex', nickname: 'R', staffNote: 'a $defs name is not a property' } }) });
    expect(getPetsMedia(view(document))).toEqual({
      schema: { type: 'object', properties: { name: { type: 'string' } }, $defs: {} },
      example: { name: 'Rex', nickname: 'R', staffNote: 'a $defs name is not a property' },
    });
  });
});

describe('array examples', () => {
  it('keeps every item when what was hidden describes none of them (externalDocs)', () => {
    const schema = { type: 'array', items: { type: 'string' }, externalDocs: { 'x-internal': true, url: 'https://wiki.corp.example/pets' } };
    const document = oas3({ paths: petsReturning({ schema, example: ['Rex', 'Bo'] }) });
    expect(getPetsMedia(view(document))).toEqual({ schema: { type: 'array', items: { type: 'string' } }, example: ['Rex', 'Bo'] });
  });

  it('empties an array example when one of its prefixItems is hidden: the positions after it would shift', () => {
    const schema: JsonObject = { type: 'array', prefixItems: [{ type: 'string' }, { 'x-internal': true, type: 'number' }] };
    const document = oas3({ paths: petsReturning({ schema, example: ['Rex', 4711] }) });
    expect(getPetsMedia(view(document))).toEqual({ schema: { type: 'array', prefixItems: [{ type: 'string' }] }, example: [] });
  });

  it('prunes each item of a tuple example against the prefixItems schema at its position', () => {
    const owner = { type: 'object', properties: { name: { type: 'string' }, ssn: { 'x-internal': true, type: 'string' } } };
    const schema = { type: 'array', prefixItems: [{ type: 'string' }, owner] };
    const document = oas3({ paths: petsReturning({ schema, example: ['Rex', { name: 'Ada', ssn: '123' }] }) });
    expect(getPetsMedia(view(document)).example).toEqual(['Rex', { name: 'Ada' }]);
  });

  it('prunes each item of a tuple example against a draft-4 items list at its position', () => {
    const owner = { type: 'object', properties: { name: { type: 'string' }, ssn: { 'x-internal': true, type: 'string' } } };
    const schema = { type: 'array', items: [{ type: 'string' }, owner] };
    const document = oas3({ paths: petsReturning({ schema, example: ['Rex', { name: 'Ada', ssn: '123' }] }) });
    expect(getPetsMedia(view(document)).example).toEqual(['Rex', { name: 'Ada' }]);
  });

  it('leaves out a whole example that holds a hidden property where no schema places it (an item past the tuple)', () => {
    const owner = { type: 'object', properties: { name: { type: 'string' }, ssn: { 'x-internal': true, type: 'string' } } };
    const schema = { type: 'array', items: [{ type: 'string' }, owner] };
    const document = oas3({ paths: petsReturning({ schema, example: ['Rex', { name: 'Ada', ssn: '123' }, { name: 'Bo', ssn: '456' }] }) });
    expect(getPetsMedia(view(document)).example).toBeUndefined();
  });

  it('leaves out a shared example that does not match its schema and names a hidden property (an array where the schema wraps one)', () => {
    const location = { type: 'object', properties: { DisplayName: { 'x-internal': true, type: 'string' }, Tag: { type: 'string' } } };
    const list = { type: 'object', properties: { value: { type: 'array', items: { $ref: '#/components/schemas/Location' } } } };
    const document = oas3({
      paths: { '/locations': { get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/List' }, examples: { all: { $ref: '#/components/examples/All' } } } } } } } } },
      components: { schemas: { Location: location, List: list }, examples: { All: { summary: 'Every location', value: [{ DisplayName: 'US : IL-Chicago', Tag: 'us-il-ch1' }] } } },
    });
    const filtered = view(document);
    expect(JSON.stringify(filtered)).not.toContain('IL-Chicago');
    expect(((filtered.components as JsonObject).examples as JsonObject).All).toEqual({ summary: 'Every location' });
  });

  it('leaves out an example it cannot place that names a hidden property, even when a link or a $defs entry has that name', () => {
    const pet = { type: 'object', properties: { name: { type: 'string' }, owner: { 'x-internal': true, type: 'string' } } };
    const list = { type: 'object', properties: { pets: { type: 'array', items: pet } }, $defs: { owner: { type: 'string' } } };
    const document = oas3({
      paths: {
        '/pets': {
          get: {
            responses: {
              '200': { description: 'OK', content: { 'application/json': { schema: list, example: [{ name: 'Rex', owner: 'Ada' }] } }, links: { owner: { operationId: 'getOwner' } } },
            },
          },
        },
        '/owner': { get: { operationId: 'getOwner', responses: { '200': { description: 'OK' } } } },
      },
    });
    expect(getPetsMedia(view(document))).toEqual({ schema: { type: 'object', properties: { pets: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } } }, $defs: { owner: { type: 'string' } } } });
  });

  it('keeps an example whose only hidden-looking key is also a visible property elsewhere', () => {
    const owner = { type: 'object', properties: { name: { type: 'string' }, code: { 'x-internal': true, type: 'string' } } };
    const tag = { type: 'object', properties: { code: { type: 'string' } } };
    const schema = { type: 'array', items: [owner, tag] };
    const document = oas3({ paths: petsReturning({ schema, example: [{ name: 'Ada', code: 'x1' }, { code: 'blue' }, { code: 'red' }] }) });
    expect(getPetsMedia(view(document)).example).toEqual([{ name: 'Ada' }, { code: 'blue' }, { code: 'red' }]);
  });
});

describe('every kind of instance value', () => {
  const person = { type: 'object', properties: { name: { type: 'string' }, ssn: { 'x-internal': true, type: 'string' } } };

  it("prunes each entry of a schema's enum and examples lists", () => {
    const schema = { ...person, enum: [{ name: 'Ada', ssn: '1' }, { name: 'Bo', ssn: '2' }], examples: [{ name: 'Cy', ssn: '3' }] };
    const document = oas3({ paths: petsReturning({ schema }) });
    expect(getPetsMedia(view(document)).schema).toEqual({ type: 'object', properties: { name: { type: 'string' } }, enum: [{ name: 'Ada' }, { name: 'Bo' }], examples: [{ name: 'Cy' }] });
  });

  it('keeps a string example of a schema that is either a string or an object with hidden pattern properties', () => {
    const schema: JsonObject = { anyOf: [{ type: 'string' }, { type: 'object', patternProperties: { '^cost-': { 'x-internal': true, type: 'number' } } }], example: 'Rex' };
    const document = oas3({ paths: petsReturning({ schema }) });
    expect(getPetsMedia(view(document)).schema).toEqual({ anyOf: [{ type: 'string' }, { type: 'object', patternProperties: {} }], example: 'Rex' });
  });

  it('keeps null defaults and null values as written', () => {
    const schema = { ...person, default: null, example: { name: null, ssn: null } };
    const document = oas3({ paths: petsReturning({ schema }) });
    expect(getPetsMedia(view(document)).schema).toEqual({ type: 'object', properties: { name: { type: 'string' } }, default: null, example: { name: null } });
  });

  it('prunes the Example objects of a parameter and of a header', () => {
    const examples = { ada: { summary: 'Ada', value: { name: 'Ada', ssn: '1' } } };
    const pruned = { ada: { summary: 'Ada', value: { name: 'Ada' } } };
    const document = oas3({
      paths: {
        '/pets': {
          get: {
            parameters: [{ name: 'owner', in: 'query', schema: person, examples }],
            responses: { '200': { description: 'OK', headers: { 'X-Owner': { schema: person, examples: structuredClone(examples) } } } },
          },
        },
      },
    });
    const get = ((view(document).paths as JsonObject)['/pets'] as JsonObject).get as JsonObject;
    expect((get.parameters as JsonObject[])[0]!.examples).toEqual(pruned);
    expect(((((get.responses as JsonObject)['200'] as JsonObject).headers as JsonObject)['X-Owner'] as JsonObject).examples).toEqual(pruned);
  });

  it('reads a Swagger 2.0 response example as a payload: a field named value is a field, not an Example value', () => {
    const pet = {
      type: 'object',
      properties: { name: { type: 'string' }, value: { type: 'object', properties: { amount: { type: 'number' } } } },
      additionalProperties: { 'x-internal': true, type: 'number' },
    };
    const response = { description: 'OK', schema: pet, examples: { 'application/json': { name: 'Rex', costCentre: 17, value: { amount: 1 } } } };
    const document = swagger2({ paths: { '/pets': { get: { responses: { '200': response } } } } });
    const filtered = ((((view2(document).paths as JsonObject)['/pets'] as JsonObject).get as JsonObject).responses as JsonObject)['200'] as JsonObject;
    expect(filtered.examples).toEqual({ 'application/json': { name: 'Rex', value: { amount: 1 } } });
  });
});

describe('instances of removed schemas', () => {
  it('drops the example of a media type whose schema was removed, keeps its extensions, and lists what it dropped', () => {
    const document = oas3({
      paths: petsReturning({ schema: { $ref: '#/components/schemas/Audit' }, example: { by: 'ops-oncall@corp' }, 'x-codegen-name': 'AuditPayload' }),
      components: { schemas: { Audit: { 'x-internal': true, type: 'object' } } },
    });
    const result = filterDocument(document, openSite, 'oas3');
    expect(getPetsMedia(result.document)).toEqual({ 'x-codegen-name': 'AuditPayload' });
    expect(result.removed).toContain('#/paths/~1pets/get/responses/200/content/application~1json/example');
  });

  it('drops from examples the properties a removed allOf base brought in through its own allOf', () => {
    const document = oas3({
      paths: petsReturning({ schema: { $ref: '#/components/schemas/Employee' } }),
      components: {
        schemas: {
          Badge: { type: 'object', properties: { badgeNumber: { type: 'string' } } },
          Staff: { 'x-internal': true, allOf: [{ $ref: '#/components/schemas/Badge' }, { properties: { clearance: { type: 'string' } } }] },
          Employee: {
            allOf: [{ $ref: '#/components/schemas/Staff' }, { type: 'object', required: ['name', 'badgeNumber', 'clearance'], properties: { name: { type: 'string' } } }],
            example: { name: 'Ada', badgeNumber: 'B-7731', clearance: 'top' },
          },
        },
      },
    });
    expect((view(document).components as JsonObject).schemas).toEqual({
      Employee: { allOf: [{ type: 'object', required: ['name'], properties: { name: { type: 'string' } } }], example: { name: 'Ada' } },
    });
  });
});
