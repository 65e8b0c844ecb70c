import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import {
  MAX_SCHEMA_BYTES,
  MAX_SCHEMA_DEPTH,
  MAX_SCHEMA_NODES,
  MAX_VALUE_CHARS,
  relinkSchemaNode,
  toDisplayValue,
  toNamedSchemaNode,
  toSchemaNode,
  type SchemaNode,
  type SchemaViewContext,
} from '../../../src/model/schema-view.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function contextFor(schemas: JsonObject): SchemaViewContext {
  return { document: { components: { schemas } }, getSchemaHref: (name) => `/apis/shop/schemas/${name.toLowerCase()}/` };
}

const empty = contextFor({});

function property(node: SchemaNode, name: string): SchemaNode {
  const found = node.properties?.find((p) => p.name === name);
  if (!found) throw new Error(`no property ${name} in ${JSON.stringify(node.properties?.map((p) => p.name))}`);
  return found;
}

describe('toSchemaNode: structure', () => {
  it('nests objects inside objects with required marks', () => {
    const node = toSchemaNode(
      {
        type: 'object',
        required: ['address'],
        properties: { address: { type: 'object', required: ['city'], properties: { city: { type: 'string' }, zip: { type: 'string' } } } },
      },
      empty,
    );
    expect(node.typeLabel).toBe('object');
    const address = property(node, 'address');
    expect(address).toMatchObject({ typeLabel: 'object', required: true });
    expect(address.properties?.map((p) => [p.name, p.typeLabel, p.required])).toEqual([
      ['city', 'string', true],
      ['zip', 'string', false],
    ]);
  });

  it('labels arrays by their items and shows the item schema', () => {
    const node = toSchemaNode({ type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } }, empty);
    expect(node.typeLabel).toBe('array<object>');
    expect(node.items?.properties?.[0]).toMatchObject({ name: 'sku', typeLabel: 'string' });
  });

  it('labels an array of a named schema with the schema name', () => {
    expect(toSchemaNode({ type: 'array', items: ref('Pet') }, contextFor({ Pet: { type: 'object' } })).typeLabel).toBe('array<Pet>');
  });

  it('labels an array without items as array<any>', () => {
    expect(toSchemaNode({ type: 'array' }, empty).typeLabel).toBe('array<any>');
  });

  it('shows the value schema of a map', () => {
    const node = toSchemaNode({ type: 'object', additionalProperties: { type: 'integer' } }, empty);
    expect(node.additionalProperties).toMatchObject({ typeLabel: 'integer' });
  });

  it('adds the format to the type label', () => {
    expect(toSchemaNode({ type: 'string', format: 'date-time' }, empty).typeLabel).toBe('string<date-time>');
  });

  it('shows allOf, oneOf and anyOf as variants', () => {
    const allOf = toSchemaNode({ allOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object' }] }, empty);
    expect(allOf.typeLabel).toBe('all of');
    expect(allOf.variants?.kind).toBe('allOf');
    expect(allOf.variants?.nodes).toHaveLength(2);

    const oneOf = toSchemaNode({ oneOf: [{ type: 'string' }, { type: 'integer' }] }, empty);
    expect(oneOf.typeLabel).toBe('one of');
    expect(oneOf.variants).toMatchObject({ kind: 'oneOf', nodes: [{ typeLabel: 'string' }, { typeLabel: 'integer' }] });

    const anyOf = toSchemaNode({ anyOf: [{ type: 'boolean' }] }, empty);
    expect(anyOf.typeLabel).toBe('any of');
    expect(anyOf.variants?.kind).toBe('anyOf');
  });

  it('links each discriminator value to its schema page', () => {
    const context = contextFor({
      Pet: { type: 'object', oneOf: [ref('Cat'), ref('Dog')], discriminator: { propertyName: 'petType', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } } },
      Cat: { type: 'object' },
      Dog: { type: 'object' },
    });
    expect(toNamedSchemaNode('Pet', context).discriminator).toEqual({
      propertyName: 'petType',
      mapping: [
        { value: 'cat', link: { name: 'Cat', href: '/apis/shop/schemas/cat/' } },
        { value: 'dog', link: { name: 'Dog', href: '/apis/shop/schemas/dog/' } },
      ],
    });
  });
});

describe('toSchemaNode: details', () => {
  it('lists enum values, default and example as text', () => {
    const node = toSchemaNode({ type: 'integer', enum: [1, 2, null], default: 1, example: 2 }, empty);
    expect(node).toMatchObject({ enumValues: ['1', '2', 'null'], defaultValue: '1', example: '2' });
  });

  it('takes the first of 3.1 examples', () => {
    expect(toSchemaNode({ type: 'string', examples: ['EUR', 'USD'] }, empty).example).toBe('EUR');
  });

  it('marks a 3.0 nullable field', () => {
    const node = toSchemaNode({ type: 'string', nullable: true }, empty);
    expect(node.typeLabel).toBe('string | null');
    expect(node.flags).toEqual(['nullable']);
  });

  it('marks a 3.1 type array with null as nullable', () => {
    const node = toSchemaNode({ type: ['string', 'null'], format: 'date' }, empty);
    expect(node.typeLabel).toBe('string<date> | null');
    expect(node.flags).toEqual(['nullable']);
  });

  it('flags read-only, write-only and deprecated fields', () => {
    const node = toSchemaNode(
      { type: 'object', properties: { id: { type: 'string', readOnly: true }, password: { type: 'string', writeOnly: true }, old: { type: 'string', deprecated: true } } },
      empty,
    );
    expect(node.properties?.map((p) => [p.name, p.flags])).toEqual([
      ['id', ['read-only']],
      ['password', ['write-only']],
      ['old', ['deprecated']],
    ]);
  });

  it('lists constraints in a fixed order', () => {
    expect(toSchemaNode({ type: 'string', maxLength: 80, minLength: 1, pattern: '^[A-Z]{3}$' }, empty).constraints).toEqual([
      'minLength: 1',
      'maxLength: 80',
      'pattern: ^[A-Z]{3}$',
    ]);
    expect(toSchemaNode({ type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true }, empty).constraints).toEqual([
      'minItems: 1',
      'uniqueItems: true',
    ]);
  });

  it('renders descriptions as safe HTML', () => {
    expect(toSchemaNode({ type: 'string', description: 'ISO **code** <script>x</script>' }, empty).descriptionHtml).toBe(
      '<p>ISO <strong>code</strong> </p>\n',
    );
  });

  it('handles a property named __proto__ like any other', () => {
    const schema = JSON.parse('{"type":"object","required":["__proto__"],"properties":{"__proto__":{"type":"string"},"name":{"type":"string"}}}');
    const node = toSchemaNode(schema, empty);
    expect(node.properties?.map((p) => [p.name, p.typeLabel, p.required])).toEqual([
      ['__proto__', 'string', true],
      ['name', 'string', false],
    ]);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });
});

describe('toSchemaNode: named schemas', () => {
  const context = contextFor({
    Order: { type: 'object', description: 'An order', properties: { customer: ref('Customer') } },
    Customer: { type: 'object', description: 'A *buyer*', properties: { name: { type: 'string' } } },
    Currency: { type: 'string', enum: ['EUR', 'USD'] },
  });

  it('expands the first named schema and links to it', () => {
    const node = toSchemaNode(ref('Order'), context);
    expect(node).toMatchObject({ typeLabel: 'Order', link: { name: 'Order', href: '/apis/shop/schemas/order/' }, descriptionHtml: '<p>An order</p>\n' });
    expect(node.linkOnly).toBeUndefined();
  });

  it('shows named schemas below the first as links only', () => {
    const customer = property(toSchemaNode(ref('Order'), context), 'customer');
    expect(customer).toMatchObject({
      typeLabel: 'Customer',
      linkOnly: 'collapsed',
      link: { name: 'Customer', href: '/apis/shop/schemas/customer/' },
      descriptionHtml: '<p>A <em>buyer</em></p>\n',
    });
    expect(customer.properties).toBeUndefined();
  });

  it('keeps the type of a named non-object schema and names it in the title', () => {
    const node = toSchemaNode(ref('Currency'), context);
    expect(node).toMatchObject({ typeLabel: 'string', title: 'Currency', enumValues: ['EUR', 'USD'] });
  });

  it('lets a 3.1 description next to $ref override the target description', () => {
    expect(toSchemaNode({ ...ref('Customer'), description: 'Who *pays*' }, context).descriptionHtml).toBe('<p>Who <em>pays</em></p>\n');
  });

  it('shows a named schema on its own page in full, with other named schemas as links', () => {
    const node = toNamedSchemaNode('Order', context);
    expect(node.typeLabel).toBe('object');
    expect(property(node, 'customer').linkOnly).toBe('collapsed');
  });
});

describe('toSchemaNode: schemas that never end', () => {
  const context = contextFor({
    Node: { type: 'object', properties: { value: { type: 'string' }, children: { type: 'array', items: ref('Node') } } },
    A: ref('A'),
  });

  it('renders a recursive Node schema with a link back to itself', () => {
    const node = toNamedSchemaNode('Node', context);
    const children = property(node, 'children');
    expect(children.typeLabel).toBe('array<Node>');
    expect(children.items).toEqual({
      typeLabel: 'Node',
      link: { name: 'Node', href: '/apis/shop/schemas/node/' },
      linkOnly: 'recursive',
      flags: [],
      constraints: [],
    });
  });

  it('stops a recursive schema used in an operation after one level', () => {
    const node = toSchemaNode(ref('Node'), context, 5);
    expect(property(node, 'children').items?.linkOnly).toBe('recursive');
  });

  it('terminates on a schema that is a reference to itself', () => {
    expect(toNamedSchemaNode('A', context)).toMatchObject({ typeLabel: 'A', linkOnly: 'recursive' });
    expect(toSchemaNode(ref('A'), context)).toMatchObject({ typeLabel: 'A', linkOnly: 'recursive' });
  });

  it('cuts off inline nesting deeper than MAX_SCHEMA_DEPTH', () => {
    let schema: JsonObject = { type: 'string' };
    for (let i = 0; i < MAX_SCHEMA_DEPTH + 2; i += 1) schema = { type: 'object', properties: { next: schema } };
    let node = toSchemaNode(schema, empty);
    let depth = 0;
    while (node.properties?.[0]) {
      node = node.properties[0];
      depth += 1;
    }
    expect(depth).toBe(MAX_SCHEMA_DEPTH);
    expect(node.linkOnly).toBe('truncated');
  });
});

/** An object schema with `count` string properties, each described by `description`. */
function wide(count: number, description = 'A field.'): JsonObject {
  return { type: 'object', properties: Object.fromEntries(Array.from({ length: count }, (_, i) => [`field${i}`, { type: 'string', description }])) };
}

describe('toSchemaNode: trees that would not fit on a page', () => {
  it(`stops a schema after ${MAX_SCHEMA_NODES} nodes, marking where it was cut`, () => {
    const node = toSchemaNode(wide(MAX_SCHEMA_NODES + 50), empty);
    expect(node.properties?.length).toBeLessThan(MAX_SCHEMA_NODES);
    expect(node.linkOnly).toBe('truncated');
  });

  it(`stops a schema whose descriptions pass ${MAX_SCHEMA_BYTES / 1000} KB, however few its nodes`, () => {
    const node = toSchemaNode(wide(100, 'x'.repeat(5_000)), empty);
    expect(node.properties?.length).toBeGreaterThan(10);
    expect(node.properties?.length).toBeLessThan(MAX_SCHEMA_BYTES / 5_000 + 1);
    expect(node.linkOnly).toBe('truncated');
  });

  it('keeps a small schema whole', () => {
    const node = toSchemaNode(wide(20), empty);
    expect(node.properties).toHaveLength(20);
    expect(node.linkOnly).toBeUndefined();
  });
});

describe('relinkSchemaNode', () => {
  it('points every link of a tree, discriminator mappings included, at where each schema is now', () => {
    const context = contextFor({
      Pet: { type: 'object', properties: { owner: ref('Owner'), friends: { type: 'array', items: ref('Pet') } }, oneOf: [ref('Cat')], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } } },
      Owner: { type: 'object' },
      Cat: { type: 'object' },
    });
    const node = toNamedSchemaNode('Pet', context);
    relinkSchemaNode(node, (name) => (name === 'Owner' ? undefined : `/apis/shop/schemas/2/#${name.toLowerCase()}`));
    expect(property(node, 'owner').link).toEqual({ name: 'Owner', href: '' });
    expect(property(node, 'friends').items?.link).toEqual({ name: 'Pet', href: '/apis/shop/schemas/2/#pet' });
    expect(node.variants?.nodes[0]?.link).toEqual({ name: 'Cat', href: '/apis/shop/schemas/2/#cat' });
    expect(node.discriminator?.mapping).toEqual([{ value: 'cat', link: { name: 'Cat', href: '/apis/shop/schemas/2/#cat' } }]);
  });
});

describe('toDisplayValue', () => {
  it(`shows a value of more than ${MAX_VALUE_CHARS} characters cut, ending in …`, () => {
    const shown = toDisplayValue('a'.repeat(MAX_VALUE_CHARS + 10));
    expect(shown).toBe(`${'a'.repeat(MAX_VALUE_CHARS)}…`);
    expect(toDisplayValue({ a: 1 })).toBe('{\n  "a": 1\n}');
  });

  it('never cuts a character in half', () => {
    const shown = toDisplayValue(`${'a'.repeat(MAX_VALUE_CHARS - 1)}😀😀`);
    expect(shown).toBe(`${'a'.repeat(MAX_VALUE_CHARS - 1)}…`);
  });

  it('cuts defaults and examples in schema trees too', () => {
    const node = toSchemaNode({ type: 'string', default: 'd'.repeat(MAX_VALUE_CHARS * 2), example: 'e'.repeat(MAX_VALUE_CHARS * 2) }, empty);
    expect(node.defaultValue).toHaveLength(MAX_VALUE_CHARS + 1);
    expect(node.example).toHaveLength(MAX_VALUE_CHARS + 1);
  });
});
