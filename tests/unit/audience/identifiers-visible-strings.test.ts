import { describe, expect, it } from 'vitest';
import { collectIdentifiers, splitIdentifiers } from '../../../src/audience/identifiers.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';

// What a site may show of a description (visibleStrings) excuses a marker on its pages; what it may
// not show (hidden) is what the leak check looks for. These are the rules at their edges.
const open = { audience: 'open' } as const;

describe('what a site may show of a visible element', () => {
  it('shows a description as it renders: `_Note:_` as the word Note', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Guides', version: '1' },
        paths: { '/guides': { get: { description: '_Note:_ only **published** guides.', responses: {} } } },
      },
      open,
    );
    expect(split.visibleStrings).toContain('Note: only published guides.\n');
  });

  it('shows a request URL with each path parameter filled in by the values it offers, and not by a hidden parameter\'s', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Guides', version: '1' },
        servers: [{ url: 'https://guides.test' }],
        paths: {
          '/guides/{slug}/steps/{step}': {
            parameters: [{ $ref: '#/components/parameters/Slug' }],
            get: {
              parameters: [{ name: 'step', in: 'path', required: true, schema: { type: 'integer', enum: [1, 2] } }],
              responses: {},
            },
          },
          '/drafts/{draft}': {
            get: { parameters: [{ $ref: '#/components/parameters/Draft' }], responses: {} },
          },
        },
        components: {
          parameters: {
            Slug: { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, examples: { first: { value: 'getting started' } } },
            Draft: { 'x-internal': true, name: 'draft', in: 'path', required: true, schema: { type: 'string' }, example: 'secret-draft' },
          },
        },
      },
      open,
    );
    expect(split.visibleStrings).toEqual(
      expect.arrayContaining([
        'https://guides.test/guides/getting started/steps/1',
        'https://guides.test/guides/getting%20started/steps/2',
      ]),
    );
    expect(split.visibleStrings.join('\n')).not.toContain('secret-draft');
  });

  it('shows the description and title of a schema, but not the names its required list gives to hidden properties', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Staff', version: '1' },
        paths: {},
        components: {
          schemas: {
            Employee: {
              type: 'object',
              title: 'Staff member',
              description: 'Someone on the payroll',
              required: ['fullName', 'salaryBand'],
              properties: { fullName: { type: 'string' }, salaryBand: { 'x-internal': true, type: 'string' } },
            },
          },
        },
      },
      open,
    );
    expect(split.visibleStrings).toEqual(expect.arrayContaining(['Staff member', 'Someone on the payroll', 'fullName']));
    expect(split.visibleStrings).not.toContain('salaryBand');
  });

  it('shows a link\'s description, but neither the operationId nor the operationRef it names', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Pets', version: '1' },
        paths: {
          '/pets': {
            get: {
              responses: {
                '200': {
                  description: 'OK',
                  links: {
                    audit: { operationId: 'auditPets', description: 'Audit the pets listed' },
                    archive: { operationRef: '#/paths/~1pets~1archive/post', description: 'Archive them' },
                  },
                },
              },
            },
          },
          '/pets/audit': { get: { 'x-internal': true, operationId: 'auditPets', responses: {} } },
          '/pets/archive': { post: { 'x-internal': true, responses: {} } },
        },
      },
      open,
    );
    expect(split.visibleStrings).toEqual(expect.arrayContaining(['Audit the pets listed', 'Archive them']));
    expect(split.visibleStrings).not.toContain('auditPets');
    expect(split.visibleStrings).not.toContain('#/paths/~1pets~1archive/post');
  });

  it('shows the scheme a requirement names even when no scheme of that name is declared, and the scopes it asks for', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Pets', version: '1' },
        paths: { '/pets': { get: { security: [{ legacyToken: ['pets:read'] }], responses: {} } } },
      },
      open,
    );
    expect(split.visibleStrings).toEqual(expect.arrayContaining(['legacyToken', 'pets:read']));
  });

  it('shows the scopes of a visible OAuth flow with their descriptions', () => {
    const split = splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'Pets', version: '1' },
        paths: {},
        components: {
          securitySchemes: { petAuth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.pets.test/token', scopes: { 'pets:write': 'Change your pets' } } } } },
        },
      },
      open,
    );
    expect(split.visibleStrings).toEqual(expect.arrayContaining(['petAuth', 'scopes', 'pets:write', 'Change your pets']));
  });

  it('shows the values of keys the structure does not know, as the author wrote them', () => {
    const split = splitIdentifiers(
      { openapi: '3.1.0', info: { title: 'Pets', version: '1' }, paths: {}, components: { schemas: { Pet: { type: 'object', nickname: 'Rexy the dog' } } } },
      open,
    );
    expect(split.visibleStrings).toEqual(expect.arrayContaining(['nickname', 'Rexy the dog']));
  });

  it('writes a method and path phrase only for operations, not for other named elements', () => {
    const split = splitIdentifiers(
      { openapi: '3.1.0', info: { title: 'Pets', version: '1' }, paths: {}, components: { schemas: { Pet: { properties: { name: { type: 'string' } } } } } },
      open,
    );
    expect(split.visibleStrings).toEqual(['openapi', '3.1.0', 'info', 'paths', 'components', 'title', 'Pets', 'version', '1', 'schemas', 'Pet', 'properties', 'name', 'type', 'string']);
  });

  it('does not show the name of a hidden 2.0 security definition that a requirement names', () => {
    const split = splitIdentifiers(
      {
        swagger: '2.0',
        info: { title: 'Staff', version: '1' },
        paths: { '/staff': { get: { security: [{ staffKey: [] }], responses: {} } } },
        securityDefinitions: { staffKey: { 'x-internal': true, type: 'apiKey', in: 'header', name: 'X-Staff-Key' } },
      },
      open,
    );
    expect(split.hidden.get('staffKey')).toEqual({ kind: 'security scheme name', pointer: '#/securityDefinitions/staffKey' });
    expect(split.visibleStrings).not.toContain('staffKey');
  });
});

describe('which strings are identifiers', () => {
  it('trims names before measuring them, so padding never makes a short name count', () => {
    const identifiers = collectIdentifiers({
      openapi: '3.1.0',
      info: { title: '  Pet  ', version: '1' },
      paths: { '/pets': { get: { operationId: ' listPets ', responses: {} } } },
    });
    expect(Object.fromEntries(identifiers)).toEqual({
      '/pets': { kind: 'path', pointer: '#/paths/~1pets' },
      listPets: { kind: 'operationId', pointer: '#/paths/~1pets/get' },
    });
  });

  it('reads a description without info or with empty example values', () => {
    const identifiers = collectIdentifiers({
      openapi: '3.1.0',
      paths: { '/pets': { get: { responses: { '200': { description: 'OK', content: { 'application/json': { example: { nickname: null, tags: [null] } } } } } } } },
      components: { schemas: { Pet: { type: 'object', default: null } } },
    });
    expect([...identifiers.keys()]).toEqual(['/pets']);
  });

  it('names server URLs, not the documentation links of other elements', () => {
    const identifiers = collectIdentifiers({
      openapi: '3.1.0',
      info: { title: 'Pets', version: '1', license: { name: 'MIT', url: 'https://license.pets.test/' } },
      servers: [{ url: 'https://api.pets.test' }],
      paths: { '/pets': { get: { externalDocs: { url: 'https://docs.pets.test/adopt' }, responses: {} } } },
    });
    expect([...identifiers]).toEqual([
      ['Pets', { kind: 'API title', pointer: '#/info/title' }],
      ['https://api.pets.test', { kind: 'server URL', pointer: '#/servers/0' }],
      ['/pets', { kind: 'path', pointer: '#/paths/~1pets' }],
    ]);
  });

  it('collects example strings from examples, 3.2 data values and 2.0 examples by media type, not from defaults or enums', () => {
    const identifiers = collectIdentifiers({
      swagger: '2.0',
      info: { title: 'Tickets', version: '1' },
      paths: { '/tickets': { get: { responses: { '200': { description: 'OK', examples: { 'application/json': { ticket: 'TCK-2024-0001' } } } } } } },
      definitions: { Plan: { type: 'string', default: 'standard-plan', enum: ['standard-plan', 'premium-plan'] } },
    });
    expect([...identifiers.keys()]).toEqual(['Tickets', '/tickets', 'Plan', 'TCK-2024-0001']);
    const examples = collectIdentifiers({ openapi: '3.2.0', info: { title: 'Tickets', version: '1' }, paths: {}, components: { examples: { Open: { dataValue: { ticket: 'TCK-2024-0002' } } } } });
    expect(examples.get('TCK-2024-0002')).toEqual({ kind: 'example value', pointer: '#/components/examples/Open/dataValue/ticket' });
  });
});

describe('example keys of hidden properties', () => {
  const exampleOf = (schemas: JsonObject, parameters: JsonObject[] = []) =>
    splitIdentifiers(
      {
        openapi: '3.1.0',
        info: { title: 'People', version: '1' },
        paths: { '/people': { get: { parameters, responses: { '200': { description: 'OK', content: { 'application/json': { example: { auditNote: 'reviewed-by-hr', tenant: 'tenant-acme-01' } } } } } } } },
        components: { schemas },
      },
      open,
    );

  it('hides example values only under the name of a hidden property, not of a hidden schema or parameter', () => {
    const split = exampleOf({ auditNote: { 'x-internal': true, type: 'string' } }, [{ name: 'tenant', in: 'query', 'x-internal': true }]);
    expect(split.visible.get('reviewed-by-hr')?.kind).toBe('example value');
    expect(split.visible.get('tenant-acme-01')?.kind).toBe('example value');
    expect(split.visibleStrings).toEqual(expect.arrayContaining(['auditNote', 'tenant']));
  });

  it('keeps example values visible under a name that a visible property has too', () => {
    const split = exampleOf({
      Person: { properties: { auditNote: { type: 'string' } } },
      Staff: { properties: { auditNote: { 'x-internal': true, type: 'string' } } },
    });
    expect(split.visible.get('reviewed-by-hr')?.kind).toBe('example value');
    expect(split.visibleStrings).toContain('auditNote');
  });
});
