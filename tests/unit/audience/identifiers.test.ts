import { describe, expect, it } from 'vitest';
import { collectIdentifiers, splitIdentifiers } from '../../../src/audience/identifiers.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';

/** The identifiers as a plain object: text → { kind, pointer }. */
function identifiersOf(document: JsonObject): Record<string, { kind: string; pointer: string }> {
  return Object.fromEntries(collectIdentifiers(document));
}

describe('collectIdentifiers', () => {
  it('collects operationIds, paths, webhook names, component names by kind, property and parameter names, tags, server URLs, titles and summaries', () => {
    const document: JsonObject = {
      openapi: '3.1.0',
      info: { title: 'Pet Store', version: '1.0.0' },
      servers: [{ url: 'https://api.pets.test/v1' }],
      tags: [{ name: 'pets' }, { name: 'dog' }],
      paths: {
        '/pets': {
          get: {
            operationId: 'listPets',
            summary: 'List all pets',
            tags: ['pets'],
            responses: { '200': { description: 'Every pet we have', content: { 'application/json': { schema: { $ref: '#/components/schemas/Animal' } } } } },
          },
        },
      },
      webhooks: { petAdopted: { post: { summary: 'Pet adopted', responses: { '200': { description: 'OK' } } } } },
      components: {
        schemas: { Animal: { title: 'A pet', type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, microchip: { type: 'string' } } } },
        parameters: { PageSize: { name: 'page_size', in: 'query', schema: { type: 'integer' } } },
        responses: { NotFound: { description: 'No such pet' } },
        headers: { RateLimit: { schema: { type: 'integer' } } },
        links: { NextPage: { operationId: 'listPets' } },
        callbacks: { Adopted: {} },
        pathItems: { PetItem: {} },
        securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      },
    };
    expect(identifiersOf(document)).toEqual({
      'Pet Store': { kind: 'API title', pointer: '#/info/title' },
      'https://api.pets.test/v1': { kind: 'server URL', pointer: '#/servers/0' },
      pets: { kind: 'tag name', pointer: '#/tags/0' },
      '/pets': { kind: 'path', pointer: '#/paths/~1pets' },
      listPets: { kind: 'operationId', pointer: '#/paths/~1pets/get' },
      'List all pets': { kind: 'operation summary', pointer: '#/paths/~1pets/get' },
      petAdopted: { kind: 'webhook name', pointer: '#/webhooks/petAdopted' },
      'Pet adopted': { kind: 'operation summary', pointer: '#/webhooks/petAdopted/post' },
      Animal: { kind: 'schema name', pointer: '#/components/schemas/Animal' },
      'A pet': { kind: 'title', pointer: '#/components/schemas/Animal' },
      name: { kind: 'property name', pointer: '#/components/schemas/Animal/properties/name' },
      microchip: { kind: 'property name', pointer: '#/components/schemas/Animal/properties/microchip' },
      PageSize: { kind: 'parameter name', pointer: '#/components/parameters/PageSize' },
      page_size: { kind: 'parameter name', pointer: '#/components/parameters/PageSize' },
      NotFound: { kind: 'response name', pointer: '#/components/responses/NotFound' },
      RateLimit: { kind: 'header name', pointer: '#/components/headers/RateLimit' },
      NextPage: { kind: 'link name', pointer: '#/components/links/NextPage' },
      Adopted: { kind: 'callback name', pointer: '#/components/callbacks/Adopted' },
      PetItem: { kind: 'path item name', pointer: '#/components/pathItems/PetItem' },
      apiKey: { kind: 'security scheme name', pointer: '#/components/securitySchemes/apiKey' },
    });
  });

  it('skips strings shorter than four characters', () => {
    const identifiers = collectIdentifiers({
      openapi: '3.1.0',
      info: { title: 'Pet', version: '1.0.0' },
      tags: [{ name: 'dog' }],
      paths: { '/a': { get: { operationId: 'get', summary: 'Get', responses: {} } } },
      components: { schemas: { Cat: { properties: { id: {} } } } },
    });
    expect([...identifiers.keys()]).toEqual([]);
  });

  it('records the pointer of the first appearance of a string', () => {
    const identifiers = collectIdentifiers({
      openapi: '3.1.0',
      info: { title: 'Orders API', version: '1.0.0' },
      tags: [{ name: 'orders' }],
      paths: { '/orders': { get: { operationId: 'orders', responses: {} } } },
      components: { schemas: { Order: { properties: { orders: { type: 'array' } } } } },
    });
    expect(identifiers.get('orders')).toEqual({ kind: 'tag name', pointer: '#/tags/0' });
  });

  it('collects distinctive example strings: at least eight characters, one letter, on one line', () => {
    const document: JsonObject = {
      openapi: '3.1.0',
      info: { title: 'Pets', version: '1.0.0' },
      paths: {
        '/pets': {
          get: {
            parameters: [{ name: 'chip', in: 'query', schema: { type: 'string' }, example: 'CHIP-0042-XY' }],
            responses: {
              '200': {
                description: 'OK',
                content: {
                  'application/json': {
                    schema: { type: 'object', examples: [{ nickname: 'Sir Barksalot' }] },
                    example: { owner: { email: 'ada@pets.test', phone: '12345678' }, badges: ['vip-customer', 'short'], note: 'two  spaces here', memo: 'line one\nline two' },
                    examples: { rex: { value: { groomer: 'Paws & Claws' } } },
                  },
                },
              },
            },
          },
        },
      },
      components: { schemas: { LegacyPet: { type: 'object', 'x-example': 'legacy-sample-pet' } } },
    };
    const media = '#/paths/~1pets/get/responses/200/content/application~1json';
    expect(identifiersOf(document)).toEqual({
      Pets: { kind: 'API title', pointer: '#/info/title' },
      '/pets': { kind: 'path', pointer: '#/paths/~1pets' },
      chip: { kind: 'parameter name', pointer: '#/paths/~1pets/get/parameters/0' },
      'CHIP-0042-XY': { kind: 'example value', pointer: '#/paths/~1pets/get/parameters/0/example' },
      'Sir Barksalot': { kind: 'example value', pointer: `${media}/schema/examples/0/nickname` },
      'ada@pets.test': { kind: 'example value', pointer: `${media}/example/owner/email` },
      'vip-customer': { kind: 'example value', pointer: `${media}/example/badges/0` },
      'Paws & Claws': { kind: 'example value', pointer: `${media}/examples/rex/value/groomer` },
      LegacyPet: { kind: 'schema name', pointer: '#/components/schemas/LegacyPet' },
      'legacy-sample-pet': { kind: 'example value', pointer: '#/components/schemas/LegacyPet/x-example' },
    });
  });

  it('collects the host and definitions of a Swagger 2.0 description', () => {
    expect(
      identifiersOf({ swagger: '2.0', info: { title: 'Legacy pets', version: '1.0.0' }, host: 'legacy.pets.test', paths: {}, definitions: { LegacyPet: { type: 'object' } } }),
    ).toEqual({
      'Legacy pets': { kind: 'API title', pointer: '#/info/title' },
      'legacy.pets.test': { kind: 'server host', pointer: '#/host' },
      LegacyPet: { kind: 'schema name', pointer: '#/definitions/LegacyPet' },
    });
  });

  // The two tests below show defects in src/audience/identifiers.ts; they fail until it is fixed.
  it('names a requestBodies component a "request body name"', () => {
    expect(collectIdentifiers({ openapi: '3.1.0', info: {}, paths: {}, components: { requestBodies: { StaffPatch: {} } } }).get('StaffPatch')).toEqual({
      kind: 'request body name',
      pointer: '#/components/requestBodies/StaffPatch',
    });
  });

  it('collects the names in the 2.0 parameters, responses and securityDefinitions sections like their 3.x components', () => {
    const identifiers = collectIdentifiers({
      swagger: '2.0',
      info: {},
      paths: {},
      parameters: { TraceHeader: { name: 'X-Trace', in: 'header', type: 'string' } },
      responses: { StackTrace: { description: 'Trace' } },
      securityDefinitions: { staffBasic: { type: 'basic' } },
    });
    expect([...identifiers].map(([text, origin]) => [text, origin.pointer])).toEqual([
      ['TraceHeader', '#/parameters/TraceHeader'],
      ['X-Trace', '#/parameters/TraceHeader'],
      ['StackTrace', '#/responses/StackTrace'],
      ['staffBasic', '#/securityDefinitions/staffBasic'],
    ]);
  });
});

describe('splitIdentifiers', () => {
  const document: JsonObject = {
    openapi: '3.1.0',
    info: { title: 'Pets', version: '1.0.0', 'x-audience': 'partner' },
    tags: [{ name: 'pets' }, { name: 'staff', 'x-internal': true }],
    paths: {
      '/pets': {
        get: {
          operationId: 'listPets',
          tags: ['pets', 'staff'],
          responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Animal' } } } } },
        },
      },
      '/pets/audit': { 'x-internal': true, get: { operationId: 'auditPets', summary: 'Audit every pet', responses: { '200': { description: 'OK' } } } },
    },
    components: {
      schemas: {
        Animal: {
          type: 'object',
          required: ['name', 'salary'],
          properties: { name: { type: 'string' }, salary: { 'x-internal': true, type: 'number', example: 'EUR-100000' } },
        },
        AuditRecord: { 'x-audience': 'partner', type: 'object', properties: { auditor: { type: 'string' } } },
      },
    },
  };
  const alwaysVisible = {
    Pets: { kind: 'API title', pointer: '#/info/title' },
    pets: { kind: 'tag name', pointer: '#/tags/0' },
    '/pets': { kind: 'path', pointer: '#/paths/~1pets' },
    listPets: { kind: 'operationId', pointer: '#/paths/~1pets/get' },
    Animal: { kind: 'schema name', pointer: '#/components/schemas/Animal' },
    name: { kind: 'property name', pointer: '#/components/schemas/Animal/properties/name' },
  };
  const alwaysHidden = {
    staff: { kind: 'tag name', pointer: '#/tags/1' },
    '/pets/audit': { kind: 'path', pointer: '#/paths/~1pets~1audit' },
    auditPets: { kind: 'operationId', pointer: '#/paths/~1pets~1audit/get' },
    'Audit every pet': { kind: 'operation summary', pointer: '#/paths/~1pets~1audit/get' },
    salary: { kind: 'property name', pointer: '#/components/schemas/Animal/properties/salary' },
    'EUR-100000': { kind: 'example value', pointer: '#/components/schemas/Animal/properties/salary/example' },
  };
  const auditRecord = {
    AuditRecord: { kind: 'schema name', pointer: '#/components/schemas/AuditRecord' },
    auditor: { kind: 'property name', pointer: '#/components/schemas/AuditRecord/properties/auditor' },
  };

  it('splits identifiers into those of elements the open site may see and those of hidden ones, ignoring the API-level markers on info', () => {
    const split = splitIdentifiers(document, { audience: 'open' });
    expect(Object.fromEntries(split.visible)).toEqual(alwaysVisible);
    expect(Object.fromEntries(split.hidden)).toEqual({ ...alwaysHidden, ...auditRecord });
  });

  it('counts partner elements as visible on a partner site', () => {
    const split = splitIdentifiers(document, { audience: 'partner', partner: 'acme' });
    expect(Object.fromEntries(split.visible)).toEqual({ ...alwaysVisible, ...auditRecord });
    expect(Object.fromEntries(split.hidden)).toEqual(alwaysHidden);
  });

  it('hides nothing without a target, giving the same identifiers as collectIdentifiers', () => {
    const split = splitIdentifiers(document);
    expect(split.hidden.size).toBe(0);
    expect([...split.visible]).toEqual([...collectIdentifiers(document)]);
  });

  it('lists as visible strings the keys and values outside hidden elements, but not what references name', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Pets', version: '1' },
        paths: {
          '/pets': {
            get: { 'x-internal': true, operationId: 'secretOp', responses: {} },
            post: { responses: { '201': { $ref: '#/components/responses/Created' } } },
          },
        },
      },
      { audience: 'open' },
    );
    expect(split.visibleStrings).toEqual(['openapi', '3.1.0', 'info', 'paths', 'title', 'Pets', 'version', '1', '/pets', 'get', 'post', 'post /pets', '/pets post', 'responses', '201', '$ref']);
  });

  it('counts a path as hidden when every operation in it is', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Pets', version: '1.0.0' },
        paths: {
          '/pets': { get: { 'x-internal': true, responses: {} }, post: { responses: {} } },
          '/payroll': { summary: 'Salaries', get: { 'x-internal': true, operationId: 'listSalaries', responses: {} } },
        },
      },
      { audience: 'open' },
    );
    expect(Object.fromEntries(split.visible)).toEqual({
      Pets: { kind: 'API title', pointer: '#/info/title' },
      '/pets': { kind: 'path', pointer: '#/paths/~1pets' },
    });
    expect(Object.fromEntries(split.hidden)).toEqual({
      '/payroll': { kind: 'path', pointer: '#/paths/~1payroll' },
      listSalaries: { kind: 'operationId', pointer: '#/paths/~1payroll/get' },
    });
    expect(split.visibleStrings).not.toContain('/payroll');
    expect(split.visibleStrings).not.toContain('Salaries');
  });

  // Shows a defect in src/audience/identifiers.ts; it fails until it is fixed.
  it('does not count the operationId a link names as a visible identifier', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Pets', version: '1.0.0' },
        paths: {
          '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'OK', links: { audit: { operationId: 'auditPets' } } } } } },
          '/pets/audit': { 'x-internal': true, get: { operationId: 'auditPets', responses: { '200': { description: 'OK' } } } },
        },
      },
      { audience: 'open' },
    );
    expect(split.hidden.get('auditPets')).toEqual({ kind: 'operationId', pointer: '#/paths/~1pets~1audit/get' });
    expect(split.visible.has('auditPets')).toBe(false);
  });
});

describe('splitIdentifiers follows the structure, not key names', () => {
  const open = { audience: 'open' } as const;

  it('reads a property named like a keyword (default, enum, settings) as a property, hidden with its subtree', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Prefs', version: '1' },
        paths: {},
        components: {
          schemas: {
            Preferences: {
              type: 'object',
              properties: {
                theme: { type: 'string', default: 'dark', enum: ['dark', 'light'] },
                default: { 'x-internal': true, type: 'object', title: 'Fallback profile', properties: { overrideToken: { type: 'string' } } },
                enum: { 'x-internal': true, type: 'array' },
                settings: { 'x-internal': true, type: 'object' },
              },
            },
          },
        },
      },
      open,
    );
    const at = (name: string) => `#/components/schemas/Preferences/properties/${name}`;
    expect(Object.fromEntries(split.hidden)).toEqual({
      default: { kind: 'property name', pointer: at('default') },
      'Fallback profile': { kind: 'title', pointer: at('default') },
      overrideToken: { kind: 'property name', pointer: `${at('default')}/properties/overrideToken` },
      enum: { kind: 'property name', pointer: at('enum') },
      settings: { kind: 'property name', pointer: at('settings') },
    });
    expect(split.visibleStrings).not.toContain('settings');
    expect(split.visibleStrings).not.toContain('overrideToken');
    expect(split.visibleStrings).toEqual(expect.arrayContaining(['theme', 'default', 'dark', 'enum', 'light']));
  });

  it('collects the names of elements that are named like keywords: a schema called example, an Example called default', () => {
    const identifiers = collectIdentifiers({
      openapi: '3.1.0',
      info: { title: 'Odd names', version: '1' },
      paths: {},
      components: { schemas: { example: { type: 'string' } }, examples: { default: { value: 'sample-value-01' } } },
    });
    expect(identifiers.get('example')).toEqual({ kind: 'schema name', pointer: '#/components/schemas/example' });
    expect(identifiers.get('default')).toEqual({ kind: 'example name', pointer: '#/components/examples/default' });
    expect(identifiers.get('sample-value-01')).toEqual({ kind: 'example value', pointer: '#/components/examples/default/value' });
  });

  it('counts what a visible element shows as visible strings: examples, defaults, enums, undeclared tags, discriminator mapping keys', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Net', version: '1' },
        paths: { '/nics': { get: { tags: ['NetworkInterfaces'], responses: { '200': { description: 'OK', content: { 'application/json': { example: { dnsServers: ['10.0.0.1'] } } } } } } } },
        components: {
          schemas: {
            Shape: { oneOf: [{ $ref: '#/components/schemas/Circle' }], discriminator: { propertyName: 'shapeKind', mapping: { roundThing: '#/components/schemas/Circle' } } },
            Circle: { type: 'object', properties: { radius: { type: 'number', default: 'unitRadius' } } },
          },
        },
      },
      open,
    );
    expect(split.visibleStrings).toEqual(expect.arrayContaining(['NetworkInterfaces', 'dnsServers', '10.0.0.1', 'shapeKind', 'roundThing', 'unitRadius']));
    expect(split.visibleStrings).not.toContain('#/components/schemas/Circle');
  });

  it('does not count an operation tag that names a hidden tag, nor a requirement that names a hidden scheme', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Staff', version: '1' },
        tags: [{ name: 'payroll-admin', 'x-internal': true }],
        paths: { '/staff': { get: { tags: ['payroll-admin'], security: [{ staffToken: [] }], responses: {} } } },
        components: { securitySchemes: { staffToken: { 'x-internal': true, type: 'http', scheme: 'bearer' } } },
      },
      open,
    );
    expect(split.visibleStrings).not.toContain('payroll-admin');
    expect(split.visibleStrings).not.toContain('staffToken');
    expect([...split.hidden.keys()]).toEqual(['payroll-admin', 'staffToken']);
  });

  it('reads example keys of a hidden property as hidden, wherever the example is, and keeps the rest visible', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'People', version: '1' },
        paths: {
          '/people': {
            get: {
              responses: {
                '200': { description: 'OK', content: { 'application/json': { example: { people: [{ fullName: 'Ada Lovelace', salaryBand: 'EUR-TOP-SECRET' }] } } } },
              },
            },
          },
        },
        components: { schemas: { Person: { properties: { fullName: { type: 'string' }, salaryBand: { 'x-internal': true, type: 'string' } } } } },
      },
      open,
    );
    expect(split.hidden.get('EUR-TOP-SECRET')).toEqual({ kind: 'example value', pointer: '#/paths/~1people/get/responses/200/content/application~1json/example/people/0/salaryBand' });
    expect(split.visible.get('Ada Lovelace')?.kind).toBe('example value');
    expect(split.visibleStrings).toEqual(expect.arrayContaining(['people', 'fullName', 'Ada Lovelace']));
    expect(split.visibleStrings).not.toContain('salaryBand');
    expect(split.visibleStrings).not.toContain('EUR-TOP-SECRET');
  });

  it('reads contradictory markers as the narrowest audience they name', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 'Deals', version: '1' },
      paths: {
        '/deals': {
          get: { operationId: 'listAcmeDeals', 'x-audience': 'open', 'x-partners': ['acme'], responses: {} },
          post: { operationId: 'createSecretDeal', 'x-internal': true, 'x-audience': 'open', responses: {} },
          put: { operationId: 'updatePublicDeal', responses: {} },
        },
      },
    };
    const hiddenOn = (target: { audience: 'open' | 'partner'; partner?: string }) => [...splitIdentifiers(document, target).hidden.keys()];
    expect(hiddenOn({ audience: 'open' })).toEqual(['listAcmeDeals', 'createSecretDeal']);
    expect(hiddenOn({ audience: 'partner' })).toEqual(['listAcmeDeals', 'createSecretDeal']);
    expect(hiddenOn({ audience: 'partner', partner: 'acme' })).toEqual(['createSecretDeal']);
    expect(hiddenOn({ audience: 'partner', partner: 'globex' })).toEqual(['listAcmeDeals', 'createSecretDeal']);
  });

  it('compares nothing by raw reference strings: an encoded $ref is not a visible name', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Logs', version: '1' },
        paths: {},
        components: { schemas: { 'Audit Entry': { 'x-internal': true, type: 'object' }, Log: { items: { $ref: '#/components/schemas/Audit%20Entry' } } } },
      },
      open,
    );
    expect(split.hidden.get('Audit Entry')).toEqual({ kind: 'schema name', pointer: '#/components/schemas/Audit Entry' });
    expect(split.visibleStrings.some((text) => text.includes('Audit'))).toBe(false);
  });
});

describe('splitIdentifiers and extension values', () => {
  it('counts the extension values of a visible element as visible, as the author wrote them', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Sims', version: '1' },
        paths: {
          '/sims': { 'x-vendor': { dependentProperties: { data_sessions: { resource_url: '/sims/{sid}/sessions' } } }, get: { responses: {} } },
          '/sims/{sid}/sessions': {
            get: { 'x-audience': 'internal', responses: { '200': { description: 'OK', content: { 'application/json': { schema: { properties: { data_sessions: { type: 'array' } } } } } } } },
          },
        },
      },
      { audience: 'open' },
    );
    expect(split.hidden.get('data_sessions')?.kind).toBe('property name');
    expect(split.visibleStrings).toEqual(expect.arrayContaining(['x-vendor', 'dependentProperties', 'data_sessions', '/sims/{sid}/sessions']));
  });
});

describe('splitIdentifiers and path items', () => {
  const open = { audience: 'open' } as const;

  it('counts a path as hidden when its only operation is hidden, whatever the method', () => {
    const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
    const paths = Object.fromEntries(methods.map((method) => [`/staff/${method}`, { [method]: { 'x-internal': true, responses: {} } }]));
    const split = splitIdentifiers({ openapi: '3.1.0', info: { title: 'Staff', version: '1' }, paths }, open);
    expect([...split.hidden.keys()]).toEqual(methods.map((method) => `/staff/${method}`));
    expect([...split.visible.keys()]).toEqual(['Staff']);
  });

  it('keeps a path without operations visible, and a path hidden by its own markers hidden', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Staff', version: '1' },
        paths: { '/staff': { parameters: [{ name: 'tenant', in: 'query' }] }, '/payroll': { 'x-internal': true } },
      },
      open,
    );
    expect(Object.fromEntries(split.visible)).toEqual({
      Staff: { kind: 'API title', pointer: '#/info/title' },
      '/staff': { kind: 'path', pointer: '#/paths/~1staff' },
      tenant: { kind: 'parameter name', pointer: '#/paths/~1staff/parameters/0' },
    });
    expect(Object.fromEntries(split.hidden)).toEqual({ '/payroll': { kind: 'path', pointer: '#/paths/~1payroll' } });
  });
});

describe('splitIdentifiers and example strings', () => {
  it('counts an example string from eight characters with a letter, not seven', () => {
    const identifiers = collectIdentifiers({
      openapi: '3.1.0',
      info: { title: 'Codes', version: '1' },
      paths: {},
      components: { schemas: { Code: { type: 'string', examples: ['abcdefgh', 'abcdefg', '1234-5678'] } } },
    });
    expect([...identifiers.keys()]).toEqual(['Codes', 'Code', 'abcdefgh']);
  });
});

describe('splitIdentifiers and request URLs', () => {
  it('counts each visible server URL followed by each visible path as shown: curl examples print them whole', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Boards', version: '1' },
        servers: [{ url: 'https://boards.example/api/v3/' }, { url: 'https://intranet.example/v3', 'x-internal': true }],
        paths: { '/results': { get: { responses: {} } }, '/audit': { get: { 'x-internal': true, responses: {} } } },
      },
      { audience: 'open' },
    );
    expect(split.visibleStrings).toContain('https://boards.example/api/v3/results');
    expect(split.visibleStrings.filter((text) => text.includes('intranet') || text.endsWith('/audit'))).toEqual([]);
  });

  it('builds a Swagger 2.0 server from its schemes, host and base path', () => {
    const split = splitIdentifiers({ swagger: '2.0', info: { title: 'Legacy', version: '1' }, host: 'legacy.example', basePath: '/v1', schemes: ['http'], paths: { '/pets': {} } });
    expect(split.visibleStrings).toContain('http://legacy.example/v1/pets');
  });
});

describe('splitIdentifiers and what a download lists by name', () => {
  it('counts the names a visible schema requires as shown, except hidden properties', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Rows', version: '1' },
        paths: {},
        components: { schemas: { Row: { type: 'object', required: ['request_id', 'salaryBand'], properties: { salaryBand: { 'x-internal': true, type: 'string' } } } } },
      },
      { audience: 'open' },
    );
    expect(split.visibleStrings).toContain('request_id');
    expect(split.visibleStrings).not.toContain('salaryBand');
  });

  it('reads an example written with its JSON quotes as the text inside them', () => {
    const identifiers = collectIdentifiers({
      openapi: '3.1.0',
      info: { title: 'Reviews', version: '1' },
      paths: {},
      components: { schemas: { Event: { type: 'string', example: '"DISMISS_REVIEW"' }, Short: { type: 'string', example: '"APPROVE"' } } },
    });
    expect(identifiers.get('DISMISS_REVIEW')).toEqual({ kind: 'example value', pointer: '#/components/schemas/Event/example' });
    expect([...identifiers.keys()].filter((text) => text.includes('APPROVE'))).toEqual([]);
  });
});
