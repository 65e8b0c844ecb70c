import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import { MAX_EXAMPLE_CHARS, toOperationView, type OperationInput } from '../../../src/model/operation.ts';
import type { SchemaViewContext } from '../../../src/model/schema-view.ts';

const document: JsonObject = {
  openapi: '3.0.3',
  servers: [{ url: 'https://api.shop.test/v1' }],
  security: [{ key: [] }],
  components: {
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' }, oauth: { type: 'oauth2', flows: {} } },
    parameters: { Limit: { name: 'limit', in: 'query', required: true, description: 'Page *size*', schema: { type: 'integer', minimum: 1, default: 20 } } },
    schemas: { Order: { type: 'object', properties: { id: { type: 'string', readOnly: true }, qty: { type: 'integer', minimum: 1 } } } },
    examples: { Small: { summary: 'Small order', value: { qty: 1 } } },
    responses: { NotFound: { description: 'No such *order*' } },
  },
};
const context: SchemaViewContext = { document, getSchemaHref: (name) => `/apis/shop/schemas/${name.toLowerCase()}/` };

function view(operation: JsonObject, extra: Partial<OperationInput> = {}) {
  return toOperationView({ method: 'get', path: '/orders', operation, pathItem: {}, servers: document.servers as JsonObject[], kind: 'operation', ...extra }, context);
}

describe('toOperationView: summary fields', () => {
  it('carries the id, summary, tags and deprecation, with the description as safe HTML', () => {
    const result = view({ operationId: 'listOrders', summary: 'List orders', description: 'Lists **all** orders<script>x</script>', tags: ['Orders', 7], deprecated: true });
    expect(result).toMatchObject({
      method: 'get',
      path: '/orders',
      operationId: 'listOrders',
      summary: 'List orders',
      descriptionHtml: '<p>Lists <strong>all</strong> orders</p>\n',
      deprecated: true,
      tags: ['Orders'],
    });
  });

  it('keeps http(s) external docs and drops other schemes', () => {
    expect(view({ externalDocs: { url: 'https://docs.shop.test/orders', description: 'Guide' } }).externalDocs).toEqual({ url: 'https://docs.shop.test/orders', description: 'Guide' });
    expect(view({ externalDocs: { url: 'javascript:alert(1)' } }).externalDocs).toBeUndefined();
  });
});

describe('toOperationView: parameters', () => {
  const pathItem: JsonObject = {
    parameters: [
      { name: 'shopId', in: 'path', schema: { type: 'string' }, example: 'north' },
      { name: 'X-Trace', in: 'header', description: 'path level', schema: { type: 'string' } },
    ],
  };
  const operation: JsonObject = {
    parameters: [{ $ref: '#/components/parameters/Limit' }, { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string', enum: ['a', 'b'] } }],
  };

  it('merges path-level parameters, letting the operation redefine one, and resolves $ref', () => {
    const parameters = view(operation, { pathItem, path: '/shops/{shopId}/orders' }).parameters;
    expect(parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['shopId', 'path', true],
      ['X-Trace', 'header', true],
      ['limit', 'query', true],
    ]);
  });

  it('shows type, default, enum, example and description of each parameter', () => {
    const [shopId, trace, limit] = view(operation, { pathItem, path: '/shops/{shopId}/orders' }).parameters;
    expect(shopId).toMatchObject({ typeLabel: 'string', example: 'north' });
    expect(trace).toMatchObject({ typeLabel: 'string', enumValues: ['a', 'b'] });
    expect(trace?.descriptionHtml).toBeUndefined();
    expect(limit).toMatchObject({ typeLabel: 'integer', defaultValue: '20', descriptionHtml: '<p>Page <em>size</em></p>\n' });
  });

  it('marks path parameters required even when the spec forgets to', () => {
    expect(view({ parameters: [{ name: 'id', in: 'path', schema: { type: 'string' } }] }).parameters[0]?.required).toBe(true);
  });
});

describe('toOperationView: bodies and responses', () => {
  const operation: JsonObject = {
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/Order' },
          examples: { small: { $ref: '#/components/examples/Small' }, big: { externalValue: 'https://examples.shop.test/big.json' }, evil: { externalValue: 'javascript:alert(1)' } },
        },
      },
    },
    responses: {
      '201': {
        description: 'Created',
        headers: { Location: { description: 'Where it lives', schema: { type: 'string', format: 'uri' } } },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' }, example: { id: 'o1', qty: 1 } } },
      },
      '404': { $ref: '#/components/responses/NotFound' },
    },
  };

  it('expands the request body schema and lists its named examples', () => {
    const body = view(operation, { method: 'post' }).requestBody;
    expect(body?.required).toBe(true);
    expect(body?.content[0]?.mediaType).toBe('application/json');
    expect(body?.content[0]?.schema).toMatchObject({ typeLabel: 'Order', link: { name: 'Order', href: '/apis/shop/schemas/order/' } });
    expect(body?.content[0]?.examples).toEqual([
      { name: 'small', summary: 'Small order', value: '{\n  "qty": 1\n}', externalUrl: undefined },
      { name: 'big', summary: undefined, value: '', externalUrl: 'https://examples.shop.test/big.json' },
      { name: 'evil', summary: undefined, value: '', externalUrl: undefined },
    ]);
  });

  it('lists responses in order with headers, content and resolved shared responses', () => {
    const responses = view(operation).responses;
    expect(responses.map((r) => [r.status, r.descriptionHtml])).toEqual([
      ['201', '<p>Created</p>\n'],
      ['404', '<p>No such <em>order</em></p>\n'],
    ]);
    expect(responses[0]?.headers[0]).toMatchObject({ name: 'Location', in: 'header', required: false, typeLabel: 'string<uri>', descriptionHtml: '<p>Where it lives</p>\n' });
    expect(responses[0]?.content[0]?.examples).toEqual([{ name: 'Example', value: '{\n  "id": "o1",\n  "qty": 1\n}' }]);
  });
});

describe('toOperationView: security and curl', () => {
  it('inherits the document security unless the operation sets its own', () => {
    expect(view({}).security).toEqual([[{ scheme: 'key', scopes: [] }]]);
    expect(view({ security: [] }).security).toEqual([]);
    expect(view({ security: [{}, { oauth: ['orders:write'] }] }).security).toEqual([[], [{ scheme: 'oauth', scopes: ['orders:write'] }]]);
  });

  it('builds a curl command from the first server, parameters, credential and body', () => {
    const result = view(
      {
        parameters: [{ $ref: '#/components/parameters/Limit' }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
      },
      { method: 'post' },
    );
    expect(result.curl).toBe(
      [
        'curl --request POST \\',
        "  --url 'https://api.shop.test/v1/orders?limit=20' \\",
        '  --header "X-Key: $API_KEY" \\',
        "  --header 'Content-Type: application/json' \\",
        `  --data '{`,
        `  "qty": 1`,
        `}'`,
      ].join('\n'),
    );
  });

  it('uses the credential of the first requirement that names a scheme', () => {
    expect(view({ security: [{}, { oauth: [] }] }).curl).toContain('--header "Authorization: Bearer $TOKEN"');
  });

  it("prefers the operation's own server", () => {
    expect(view({ servers: [{ url: 'https://eu.shop.test' }] }).curl).toContain("--url 'https://eu.shop.test/orders'");
  });

  it('gives webhooks no curl command', () => {
    expect(view({ summary: 'Order created' }, { kind: 'webhook', path: 'order.created', servers: [] }).curl).toBeUndefined();
  });
});

describe('toOperationView: callbacks', () => {
  it('lists each callback operation with its expression', () => {
    const callbacks = view({
      callbacks: { onShipped: { '{$request.body#/callbackUrl}': { post: { summary: 'Shipped', responses: { '200': { description: 'Thanks' } } }, parameters: [] } } },
    }).callbacks;
    expect(callbacks).toEqual([
      {
        name: 'onShipped',
        operations: [
          {
            method: 'post',
            expression: '{$request.body#/callbackUrl}',
            summary: 'Shipped',
            operationId: undefined,
            descriptionHtml: undefined,
            requestBody: undefined,
            responses: [{ status: '200', descriptionHtml: '<p>Thanks</p>\n', headers: [], content: [] }],
          },
        ],
      },
    ]);
  });
});

describe('toOperationView: schemas that share one page', () => {
  const wide = (count: number): JsonObject => ({
    type: 'object',
    properties: Object.fromEntries(Array.from({ length: count }, (_, i) => [`field${i}`, { type: 'string', description: 'A field described at some length, as large specs describe every field they have.' }])),
  });
  const bodyOf = (name: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } });
  const viewWith = (schemas: JsonObject, operation: JsonObject) =>
    toOperationView({ method: 'put', path: '/things', operation, pathItem: {}, servers: [], kind: 'operation' }, { document: { components: { schemas } }, getSchemaHref: (name) => `/apis/shop/schemas/#${name.toLowerCase()}` });

  it('shows a small schema in full wherever the operation uses it', () => {
    const result = viewWith({ Order: wide(3) }, { requestBody: bodyOf('Order'), responses: { '200': { description: 'OK', ...bodyOf('Order') } } });
    expect(result.requestBody?.content[0]?.schema?.properties).toHaveLength(3);
    expect(result.responses[0]?.content[0]?.schema?.properties).toHaveLength(3);
  });

  it('links to a large schema it already showed in full on the page, instead of showing it again', () => {
    const result = viewWith({ Huge: wide(250) }, { requestBody: bodyOf('Huge'), responses: { '200': { description: 'OK', ...bodyOf('Huge') } } });
    expect(result.requestBody?.content[0]?.schema?.properties).toHaveLength(250);
    expect(result.responses[0]?.content[0]?.schema).toMatchObject({ typeLabel: 'Huge', linkOnly: 'collapsed', link: { name: 'Huge', href: '/apis/shop/schemas/#huge' } });
  });

  it('links to the schemas of later responses once the page has spent its budget on earlier ones', () => {
    const schemas: JsonObject = { First: wide(250), Second: wide(250), Third: wide(250) };
    const responses = Object.fromEntries(['First', 'Second', 'Third'].map((name, i) => [`20${i}`, { description: 'OK', ...bodyOf(name) }]));
    const trees = viewWith(schemas, { responses }).responses.map((response) => response.content[0]?.schema);
    expect(trees[0]?.properties).toHaveLength(250);
    expect(trees[2]).toMatchObject({ typeLabel: 'Third', linkOnly: 'truncated', link: { name: 'Third', href: '/apis/shop/schemas/#third' } });
  });
});

describe('toOperationView: examples too long for a page', () => {
  it(`shows an example of more than ${MAX_EXAMPLE_CHARS} characters cut, and marks it shortened`, () => {
    const recorded = { rows: Array.from({ length: 2_000 }, (_, i) => ({ id: i, name: `row ${i}` })) };
    const result = view({ responses: { '200': { description: 'OK', content: { 'application/json': { example: recorded, examples: { small: { value: { rows: [] } } } } } } } });
    const [long, small] = result.responses[0]?.content[0]?.examples ?? [];
    expect(long?.shortened).toBe(true);
    expect(long?.value).toHaveLength(MAX_EXAMPLE_CHARS + 1);
    expect(long?.value.startsWith('{\n  "rows": [\n    {\n      "id": 0,')).toBe(true);
    expect(long?.value.endsWith('…')).toBe(true);
    expect(small).toEqual({ name: 'small', summary: undefined, value: '{\n  "rows": []\n}', externalUrl: undefined });
  });
});
