import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toApiRecord, type ApiRecord } from '../../../src/load/api.ts';
import type { BuildTarget } from '../../../src/core/audience.ts';
import { loadLintConfig } from '../../../src/lint/lint-config.ts';
import { createResolver, loadSpec, type LoadedSpec } from '../../../src/load/load.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';
import { toApiView } from '../../../src/audience/audience-views.ts';
import { MAX_SIDEBAR_ENTRIES, toApiPages } from '../../../src/model/pages.ts';
import type { PageModel, SchemasPage, SidebarItem, TagPage } from '../../../src/model/site-model.ts';
import type { SchemaNode } from '../../../src/model/schema-view.ts';
import type { PartLimits } from '../../../src/model/page-parts.ts';

const specsDir = path.resolve('/repo/specs');
const internal: BuildTarget = { audience: 'internal' };

function apiFrom(document: JsonObject, file = 'pets/openapi.yaml'): ApiRecord {
  const spec: LoadedSpec = {
    file: path.join(specsDir, file),
    version: 'oas3_1',
    document,
    files: [path.join(specsDir, file)],
    idLocation: { pointer: '#/info', line: 2, col: 1 },
  };
  return toApiRecord(spec, specsDir);
}

const ok = { responses: { '200': { description: 'OK' } } };

const petStore: JsonObject = {
  openapi: '3.1.0',
  info: {
    title: 'Pet Store',
    version: '2.1.0',
    description: 'Sells **pets**.\n\nAnd more.',
    'x-audience': 'partner',
    'x-partners': ['acme', 'globex'],
    'x-owner': 'team-pets',
    'x-lifecycle': 'production',
    contact: { name: 'Pet team', email: 'pets@example.com', url: 'javascript:alert(1)' },
    termsOfService: 'https://example.com/terms',
  },
  servers: [{ url: 'https://pets.example.com', description: 'Production' }],
  tags: [{ name: 'Pets', description: 'Everything about *pets*' }, { name: 'Unused' }],
  paths: {
    '/pets': {
      get: { operationId: 'listPets', tags: ['Pets'], summary: 'List pets', ...ok },
      post: { operationId: 'list_pets', tags: ['Pets'], ...ok },
    },
    '/health': { get: ok },
  },
  webhooks: { 'pet.created': { post: { summary: 'Pet created', ...ok } } },
  components: {
    schemas: { Pet: { type: 'object', description: 'A pet for sale' } },
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
  },
};

function links(items: SidebarItem[]): string[] {
  return items.flatMap((item) => ('items' in item ? links(item.items) : [item.link]));
}

/** Pages as a site builds them: from the API's view filtered for that site. */
const pagesOf = (api: ApiRecord, target: BuildTarget) => toApiPages(toApiView(api, target), target);

describe('toApiPages: pages and slugs', () => {
  it('writes an overview, one page per used tag, operation and webhook, and one model page for the schemas', () => {
    const { pages } = pagesOf(apiFrom(petStore), internal);
    expect(pages.map((p) => `${p.page.kind} ${p.slug}`)).toEqual([
      'overview apis/pets',
      'tag apis/pets/tags/pets',
      'tag apis/pets/tags/other-operations',
      'operation apis/pets/operations/list-pets',
      'operation apis/pets/operations/list-pets-2',
      'operation apis/pets/operations/get-health',
      'webhook apis/pets/webhooks/pet-created',
      'schemas apis/pets/schemas',
    ]);
  });

  it('titles pages for readers, falling back to method and path', () => {
    const titles = pagesOf(apiFrom(petStore), internal).pages.map((p) => p.page.title);
    expect(titles).toEqual([
      'Pet Store',
      'Pets · Pet Store',
      'Other operations · Pet Store',
      'List pets',
      'POST /pets',
      'GET /health',
      'Pet created',
      'Schemas · Pet Store',
    ]);
  });

  it('keeps every slug to [a-z0-9-] segments and unique, whatever the spec names things', () => {
    const hostile: JsonObject = {
      openapi: '3.1.0',
      info: { title: 'Hostile', version: '1', 'x-api-id': '../../etc' },
      tags: [{ name: '../' }, { name: '__proto__' }, { name: '<script>' }],
      paths: {
        '/../../etc/passwd': { get: { tags: ['../'], ...ok } },
        '/__proto__': { get: { operationId: '__proto__', tags: ['__proto__'], ...ok }, put: { operationId: '__proto__', tags: ['<script>'], ...ok } },
        '/a': { get: { operationId: 'get-proto', ...ok } },
      },
      webhooks: JSON.parse('{"__proto__": {"post": {"responses": {}}}, "../x": {"get": {"responses": {}}}}'),
      components: { schemas: JSON.parse('{"__proto__": {"type": "string"}, "../Pet": {"type": "object"}, "Pet": {"type": "object"}, "pet": {"type": "string"}}') },
    };
    const { pages } = pagesOf(apiFrom(hostile), internal);
    const slugs = pages.map((p) => p.slug);
    for (const slug of slugs) expect(slug).toMatch(/^apis\/[a-z0-9-]+(\/[a-z0-9-]+)*$/);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toContain('apis/etc/webhooks/proto');
    const anchors = pages.flatMap((p) => (p.page.kind === 'schemas' ? p.page.schemas.map((entry) => entry.anchor) : []));
    expect(anchors.sort()).toEqual(['pet', 'pet-2', 'pet-3', 'proto']);
  });

  it('leaves tags that no operation uses without a page', () => {
    const { pages } = pagesOf(apiFrom(petStore), internal);
    expect(pages.some((p) => p.slug.endsWith('/unused'))).toBe(false);
  });
});

describe('toApiPages: sidebar', () => {
  it('lists tags with operation counts, webhooks and the schema index, but never single operations', () => {
    const [overview] = pagesOf(apiFrom(petStore), internal).pages;
    expect(overview?.page.sidebar).toEqual([
      { label: '← All APIs', link: '/' },
      {
        label: 'Pet Store',
        items: [
          { label: 'Overview', link: '/apis/pets/' },
          {
            label: 'Operations',
            items: [
              { label: 'Pets', link: '/apis/pets/tags/pets/', badge: '2' },
              { label: 'Other operations', link: '/apis/pets/tags/other-operations/', badge: '1' },
            ],
          },
          { label: 'Webhooks', items: [{ label: 'pet.created', link: '/apis/pets/webhooks/pet-created/' }] },
          { label: 'Schemas (1)', link: '/apis/pets/schemas/' },
        ],
      },
    ]);
  });

  it('shares one sidebar across all pages of the API', () => {
    const { pages } = pagesOf(apiFrom(petStore), internal);
    for (const { page } of pages) expect(page.sidebar).toEqual(pages[0]?.page.sidebar);
  });

  it(`caps the tag list at ${MAX_SIDEBAR_ENTRIES} entries with a link to the full list`, () => {
    const paths: JsonObject = {};
    for (let i = 1; i <= 60; i += 1) paths[`/things/${i}`] = { get: { operationId: `getThing${i}`, tags: [`Tag ${i}`], ...ok } };
    const { pages } = pagesOf(apiFrom({ openapi: '3.1.0', info: { title: 'Many', version: '1' }, paths }, 'many.yaml'), internal);
    const sidebar = pages[0]?.page.sidebar ?? [];
    const group = sidebar[1] && 'items' in sidebar[1] ? sidebar[1].items.find((item) => item.label === 'Operations') : undefined;
    const tags = group && 'items' in group ? group.items : [];
    expect(tags).toHaveLength(MAX_SIDEBAR_ENTRIES);
    expect(tags.at(-2)).toEqual({ label: `Tag ${MAX_SIDEBAR_ENTRIES - 1}`, link: `/apis/many/tags/tag-${MAX_SIDEBAR_ENTRIES - 1}/`, badge: '1' });
    expect(tags.at(-1)).toEqual({ label: 'All tags…', link: '/apis/many/#operations' });
    expect(links(sidebar).filter((link) => link.includes('/operations/'))).toEqual([]);
    expect(pages.filter((p) => p.page.kind === 'operation')).toHaveLength(60);
  });
});

const schemasOf = (pages: { page: PageModel }[]): SchemasPage[] => pages.flatMap(({ page }) => (page.kind === 'schemas' ? [page] : []));
const tagPagesOf = (pages: { page: PageModel }[]): TagPage[] => pages.flatMap(({ page }) => (page.kind === 'tag' ? [page] : []));
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Every link a schema tree holds, as `name → href`. */
function treeLinks(node: SchemaNode | undefined, into: string[] = []): string[] {
  if (!node) return into;
  if (node.link) into.push(`${node.link.name} → ${node.link.href}`);
  for (const child of [...(node.properties ?? []), ...(node.variants?.nodes ?? []), node.items, node.additionalProperties]) treeLinks(child, into);
  return into;
}

/** An API whose schemas are `names`, each an object with a described property, and one operation using `Order`. */
function shopWith(names: string[]): JsonObject {
  const schemas: JsonObject = {};
  for (const name of names) schemas[name] = { type: 'object', properties: { note: { type: 'string', description: `The note of ${name}.` } } };
  return {
    openapi: '3.1.0',
    info: { title: 'Shop', version: '1' },
    paths: { '/orders': { get: { operationId: 'listOrders', responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: ref('Order') } } } } } } } },
    components: { schemas },
  };
}

describe('toApiPages: model pages', () => {
  it('puts a schema on its API\'s model page as an anchor, in name order, listed in the page\'s table of contents data', () => {
    const { pages } = pagesOf(apiFrom(shopWith(['Order', 'customer', 'Address']), 'shop.yaml'), internal);
    const [models, ...more] = schemasOf(pages);
    expect(more).toEqual([]);
    expect(models?.title).toBe('Schemas · Shop');
    expect(models?.schemas.map((entry) => `${entry.name} #${entry.anchor}`)).toEqual(['Address #address', 'customer #customer', 'Order #order']);
    expect(models?.schemas[0]?.schema.properties?.[0]).toMatchObject({ name: 'note', descriptionHtml: '<p>The note of Address.</p>\n' });
    expect(models?.parts).toEqual([{ href: '/apis/shop/schemas/', first: 'Address', last: 'Order' }]);
  });

  it('links an operation\'s schema to the page and anchor of that schema', () => {
    const { pages } = pagesOf(apiFrom(shopWith(['Order']), 'shop.yaml'), internal);
    const operation = pages.find((p) => p.page.kind === 'operation')?.page;
    const schema = operation?.kind === 'operation' ? operation.operation.responses[0]?.content[0]?.schema : undefined;
    expect(treeLinks(schema)).toEqual(['Order → /apis/shop/schemas/#order']);
  });

  it('splits the schemas over model pages by the size of their trees, each page labelled with its first and last schema', () => {
    const names = Array.from({ length: 9 }, (_, i) => `Model${i + 1}`);
    const limits: PartLimits = { maxBytes: 1_500, maxItems: 100 };
    const { pages } = toApiPages(toApiView(apiFrom(shopWith(names), 'shop.yaml'), internal), internal, undefined, limits);
    const models = schemasOf(pages);
    expect(models.length).toBeGreaterThan(1);
    expect(models.flatMap((page) => page.schemas.map((entry) => entry.name))).toEqual(names);
    const slugs = pages.filter((p) => p.page.kind === 'schemas').map((p) => p.slug);
    expect(slugs).toEqual(models.map((_, index) => (index === 0 ? 'apis/shop/schemas' : `apis/shop/schemas/${index + 1}`)));
    models.forEach((page, index) => {
      expect(page.part).toBe(index);
      expect(page.parts).toEqual(models[0]?.parts);
      expect(page.title).toBe(`Schemas (${index + 1}/${models.length}) · Shop`);
      expect(page.parts[index]).toEqual({ href: `/${slugs[index]}/`, first: page.schemas[0]?.name, last: page.schemas.at(-1)?.name });
    });
  });

  it('gives a schema larger than a page a page of its own, and links to it there', () => {
    const document = shopWith(['Alpha', 'Order', 'Zulu']);
    const properties = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, { type: 'string', description: 'A field of an order, described at length.' }]));
    (document.components as { schemas: JsonObject }).schemas.Order = { type: 'object', properties };
    const limits: PartLimits = { maxBytes: 3_000, maxItems: 100 };
    const { pages } = toApiPages(toApiView(apiFrom(document, 'shop.yaml'), internal), internal, undefined, limits);
    expect(schemasOf(pages).map((page) => page.schemas.map((entry) => entry.name))).toEqual([['Alpha'], ['Order'], ['Zulu']]);
    const operation = pages.find((p) => p.page.kind === 'operation')?.page;
    const schema = operation?.kind === 'operation' ? operation.operation.responses[0]?.content[0]?.schema : undefined;
    expect(treeLinks(schema)[0]).toBe('Order → /apis/shop/schemas/2/#order');
  });

  it('links schemas on other model pages to their page and anchor, recursive ones included', () => {
    const document = shopWith([]);
    (document.components as { schemas: JsonObject }).schemas = {
      Category: { type: 'object', properties: { parent: ref('Category'), items: { type: 'array', items: ref('Item') } } },
      Item: { type: 'object', properties: { category: ref('Category') } },
      Order: { type: 'object', properties: { item: ref('Item') } },
    };
    const limits: PartLimits = { maxBytes: 100_000, maxItems: 2 };
    const models = schemasOf(toApiPages(toApiView(apiFrom(document, 'shop.yaml'), internal), internal, undefined, limits).pages);
    expect(models.map((page) => page.schemas.map((entry) => entry.name))).toEqual([['Category', 'Item'], ['Order']]);
    const links = models.flatMap((page) => page.schemas.flatMap((entry) => treeLinks(entry.schema).map((link) => `${entry.name}: ${link}`)));
    expect(links).toEqual([
      'Category: Category → /apis/shop/schemas/#category',
      'Category: Item → /apis/shop/schemas/#item',
      'Item: Category → /apis/shop/schemas/#category',
      'Order: Item → /apis/shop/schemas/#item',
    ]);
  });

  it('never gives a schema an anchor Starlight already uses on every page', () => {
    const anchors = schemasOf(pagesOf(apiFrom(shopWith(['ThemeIcons']), 'shop.yaml'), internal).pages)[0]?.schemas.map((entry) => entry.anchor);
    expect(anchors).toEqual(['theme-icons-2']);
  });
});

describe('toApiPages: split tags', () => {
  it('splits a tag with more operations than fit on a page into pages that link to each other', () => {
    const paths: JsonObject = {};
    for (let i = 1; i <= 7; i += 1) paths[`/things/${i}`] = { get: { operationId: `getThing${i}`, tags: ['Things'], summary: `Thing ${i}`, ...ok } };
    const limits: PartLimits = { maxBytes: 100_000, maxItems: 3 };
    const { pages } = toApiPages(toApiView(apiFrom({ openapi: '3.1.0', info: { title: 'Many', version: '1' }, paths }, 'many.yaml'), internal), internal, undefined, limits);
    const tags = tagPagesOf(pages);
    expect(pages.filter((p) => p.page.kind === 'tag').map((p) => p.slug)).toEqual(['apis/many/tags/things', 'apis/many/tags/things/2', 'apis/many/tags/things/3']);
    expect(tags.map((page) => page.operations.map((op) => op.summary))).toEqual([['Thing 1', 'Thing 2', 'Thing 3'], ['Thing 4', 'Thing 5', 'Thing 6'], ['Thing 7']]);
    expect(tags.map((page) => page.title)).toEqual(['Things (1/3) · Many', 'Things (2/3) · Many', 'Things (3/3) · Many']);
    for (const [index, page] of tags.entries()) {
      expect(page.part).toBe(index);
      expect(page.parts).toEqual([{ href: '/apis/many/tags/things/' }, { href: '/apis/many/tags/things/2/' }, { href: '/apis/many/tags/things/3/' }]);
    }
    const overview = pages[0]?.page;
    expect(overview?.kind === 'overview' ? overview.tags : []).toEqual([{ name: 'Things', href: '/apis/many/tags/things/', descriptionHtml: undefined, operations: 7 }]);
  });

  it('keeps a tag whose operations fit on one page on one page, titled as before', () => {
    const tags = tagPagesOf(pagesOf(apiFrom(petStore), internal).pages);
    expect(tags.map((page) => [page.title, page.part, page.parts])).toEqual([
      ['Pets · Pet Store', 0, [{ href: '/apis/pets/tags/pets/' }]],
      ['Other operations · Pet Store', 0, [{ href: '/apis/pets/tags/other-operations/' }]],
    ]);
  });
});

describe('toApiPages: catalog entry', () => {
  it('describes the API for the catalog, with every partner on the internal site', () => {
    expect(pagesOf(apiFrom(petStore), internal).entry).toEqual({
      id: 'pets',
      title: 'Pet Store',
      summary: 'Sells pets.',
      version: '2.1.0',
      audience: 'partner',
      partners: ['acme', 'globex'],
      owner: 'team-pets',
      lifecycle: 'production',
      tags: ['Pets'],
      operations: 3,
      docs: '/apis/pets/',
      spec: '/specs/pets.yaml',
    });
  });

  it("shows a partner only its own id, and the all-partners site none", () => {
    expect(pagesOf(apiFrom(petStore), { audience: 'partner', partner: 'acme' }).entry.partners).toEqual(['acme']);
    expect(pagesOf(apiFrom(petStore), { audience: 'partner' }).entry.partners).toEqual([]);
  });

  it('uses null for a missing owner and lifecycle, and the id from x-api-id', () => {
    const entry = pagesOf(apiFrom({ openapi: '3.1.0', info: { title: 'Bare', version: '1', 'x-api-id': 'bare-api' }, paths: {} }, 'bare.json'), internal).entry;
    expect(entry).toMatchObject({ id: 'bare-api', owner: null, lifecycle: null, partners: [], tags: [], operations: 0, docs: '/apis/bare-api/', spec: '/specs/bare-api.json' });
  });
});

describe('toApiPages: overview', () => {
  it('shows servers, security schemes and only safe contact links', () => {
    const [overview] = pagesOf(apiFrom(petStore), internal).pages;
    expect(overview?.page).toMatchObject({
      kind: 'overview',
      description: 'Sells pets.',
      descriptionHtml: '<p>Sells <strong>pets</strong>.</p>\n<p>And more.</p>\n',
      servers: [{ url: 'https://pets.example.com', descriptionHtml: '<p>Production</p>\n' }],
      securitySchemes: [{ key: 'key', typeLabel: 'API key' }],
      contact: { name: 'Pet team', email: 'pets@example.com', url: undefined },
      termsOfService: 'https://example.com/terms',
      schemaCount: 1,
      schemasHref: '/apis/pets/schemas/',
    });
  });
});

describe('toApiPages on a Swagger 2.0 file loaded from disk', () => {
  it('renders the converted view and keeps the download named after the source format', async () => {
    const fixtures = path.resolve('tests/fixtures/unit-pages');
    const config = await loadLintConfig(path.join(fixtures, 'redocly.yaml'));
    const result = await loadSpec(path.join(fixtures, 'legacy/swagger.json'), config, createResolver());
    expect(result.diagnostics).toEqual([]);
    expect(result.spec?.version).toBe('oas2');
    const api = toApiRecord(result.spec!, fixtures);
    const { entry, pages } = pagesOf(api, { audience: 'open' });
    expect(entry).toMatchObject({ id: 'legacy', audience: 'open', tags: ['pets'], operations: 1, spec: '/specs/legacy.json' });
    const overview = pages.find((p) => p.page.kind === 'overview')?.page;
    expect(overview && 'servers' in overview ? overview.servers : []).toEqual([{ url: 'https://pets.example.com/v1', descriptionHtml: undefined }]);
    const operation = pages.find((p) => p.page.kind === 'operation');
    expect(operation?.slug).toBe('apis/legacy/operations/get-pet');
    expect(operation && 'operation' in operation.page ? operation.page.operation.curl : undefined).toBe(
      "curl --request GET \\\n  --url 'https://pets.example.com/v1/pets/0'",
    );
  });
});
