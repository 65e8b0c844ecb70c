import { describe, expect, it } from 'vitest';
import { toSchemaTreeHtml } from '../../../src/model/schema-html.ts';
import type { SchemaNode } from '../../../src/model/schema-view.ts';

const node = (fields: Partial<SchemaNode>): SchemaNode => ({ typeLabel: 'string', flags: [], constraints: [], ...fields });

describe('toSchemaTreeHtml: one node', () => {
  it('shows the root with its type and no name', () => {
    expect(toSchemaTreeHtml(node({ name: 'ignored' }), true)).toBe('<div class="schema-node schema-root"><span class="schema-type">string</span></div>');
  });

  it('shows a property with its name and a required mark', () => {
    expect(toSchemaTreeHtml(node({ name: 'sku', required: true }))).toBe(
      '<div class="schema-node"><span class="schema-name"><code>sku</code><span class="schema-required" title="required">required</span></span><span class="schema-type">string</span></div>',
    );
  });

  it('escapes every value a spec wrote', () => {
    const html = toSchemaTreeHtml(
      node({ name: '<b>"x"</b>', typeLabel: "a&b's", enumValues: ['<i>'], defaultValue: '&', example: '"', constraints: ['pattern: ^<a>$'], link: { name: 'N', href: '/x?a=1&b="2"' }, title: '<t>' }),
    );
    expect(html).toContain('<code>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</code>');
    expect(html).toContain('<a href="/x?a=1&amp;b=&quot;2&quot;">a&amp;b&#39;s</a>');
    expect(html).toContain('<span class="schema-title">&lt;t&gt;</span>');
    expect(html).toContain('<ul class="schema-facts"><li><code>pattern: ^&lt;a&gt;$</code></li><li>enum: <code>&lt;i&gt;</code></li><li>default: <code>&amp;</code></li><li>example: <code>&quot;</code></li></ul>');
    expect(html).not.toMatch(/<(b|i|t|a)>/);
  });

  it('writes the description as the model sanitized it', () => {
    expect(toSchemaTreeHtml(node({ descriptionHtml: '<p>An <em>id</em></p>\n' }))).toContain('<div class="schema-description"><p>An <em>id</em></p>\n</div>');
  });

  it('links the type of a named schema, with its title when that says more', () => {
    const html = toSchemaTreeHtml(node({ typeLabel: 'Pet', title: 'A pet', link: { name: 'Pet', href: '/apis/shop/schemas/#pet' } }));
    expect(html).toContain('<span class="schema-type"><a href="/apis/shop/schemas/#pet">Pet</a></span><span class="schema-title">A pet</span>');
    expect(toSchemaTreeHtml(node({ typeLabel: 'Pet', title: 'Pet', link: { name: 'Pet', href: '/p' } }))).not.toContain('schema-title');
  });

  it('puts the link of an array of a link-only schema on the item name', () => {
    const items = node({ typeLabel: 'Pet', linkOnly: 'collapsed', link: { name: 'Pet', href: '/p#pet' } });
    expect(toSchemaTreeHtml(node({ typeLabel: 'array<Pet> (1–5)', items }))).toContain('<span class="schema-type">array&lt;<a href="/p#pet">Pet</a>&gt; (1–5)</span>');
  });

  it('shows flags, and notes where a recursive or truncated branch stops', () => {
    expect(toSchemaTreeHtml(node({ flags: ['nullable', 'read-only'] }))).toContain('<span class="schema-flag schema-flag-nullable">nullable</span><span class="schema-flag schema-flag-read-only">read-only</span>');
    expect(toSchemaTreeHtml(node({ typeLabel: 'Tree', linkOnly: 'recursive' }))).toContain('<span class="schema-note">recursive: see Tree above</span>');
    expect(toSchemaTreeHtml(node({ linkOnly: 'truncated' }))).toContain('<span class="schema-note">truncated here; follow the schema link for the rest</span>');
  });

  it('lists an empty enum and no facts when there are none', () => {
    expect(toSchemaTreeHtml(node({ enumValues: [] }))).toContain('<ul class="schema-facts"><li>enum: </li></ul>');
    expect(toSchemaTreeHtml(node({}))).not.toContain('schema-facts');
  });

  it('links each discriminator value to its schema, and marks one without a schema', () => {
    const html = toSchemaTreeHtml(node({ discriminator: { propertyName: 'kind', mapping: [{ value: 'cat', link: { name: 'Cat', href: '/c' } }, { value: 'ghost' }] } }));
    expect(html).toContain('<p class="schema-discriminator">Discriminator: <code>kind</code> · <code>cat</code> → <a href="/c">Cat</a> · <code>ghost</code> → ?</p>');
  });
});

describe('toSchemaTreeHtml: nesting', () => {
  it('lists properties, each a node of its own', () => {
    const html = toSchemaTreeHtml(node({ typeLabel: 'object', properties: [node({ name: 'a' }), node({ name: 'b', typeLabel: 'integer' })] }), true);
    expect(html).toBe(
      '<div class="schema-node schema-root"><span class="schema-type">object</span><ul class="schema-children">' +
        '<li><div class="schema-node"><span class="schema-name"><code>a</code></span><span class="schema-type">string</span></div></li>' +
        '<li><div class="schema-node"><span class="schema-name"><code>b</code></span><span class="schema-type">integer</span></div></li></ul></div>',
    );
  });

  it('shows array items only when they have a structure of their own', () => {
    const objectItems = node({ typeLabel: 'object', properties: [node({ name: 'sku' })] });
    expect(toSchemaTreeHtml(node({ typeLabel: 'array<object>', items: objectItems }))).toContain('<div class="schema-items"><span class="schema-label">items</span><div class="schema-node"><span class="schema-type">object</span>');
    expect(toSchemaTreeHtml(node({ typeLabel: 'array<string>', items: node({}) }))).not.toContain('schema-items');
  });

  it('shows the values of a map under "additional properties"', () => {
    expect(toSchemaTreeHtml(node({ typeLabel: 'map<integer>', additionalProperties: node({ typeLabel: 'integer' }) }))).toContain(
      '<div class="schema-items"><span class="schema-label">additional properties</span><div class="schema-node"><span class="schema-type">integer</span></div></div>',
    );
  });

  it('names the kind of variants and lists each', () => {
    const html = toSchemaTreeHtml(node({ typeLabel: 'one of', variants: { kind: 'oneOf', nodes: [node({ typeLabel: 'Cat' }), node({ typeLabel: 'Dog' })] } }));
    expect(html).toContain('<div class="schema-variants"><span class="schema-label">One of</span><ol><li><div class="schema-node"><span class="schema-type">Cat</span></div></li><li>');
    expect(toSchemaTreeHtml(node({ variants: { kind: 'allOf', nodes: [] } }))).toContain('<span class="schema-label">All of</span><ol></ol>');
    expect(toSchemaTreeHtml(node({ variants: { kind: 'anyOf', nodes: [] } }))).toContain('<span class="schema-label">Any of</span>');
  });
});
