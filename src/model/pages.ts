// Builds the page models of one API: overview, one page per tag, per operation and per webhook, and
// model pages that hold every schema under an anchor. Sidebars are scoped to the API and capped, so no
// page grows with the catalog, and lists that grow with the API (a tag's operations, the schemas) are
// split over pages that stay small.
import type { ApiRecord } from '../load/api.ts';
import type { ApiView } from '../audience/audience-views.ts';
import type { ChangelogEntry } from '../history/changelog.ts';
import type { BuildTarget } from '../core/audience.ts';
import { toSafeHtml, toSafeUrl, toSummary } from '../core/markdown.ts';
import { toOperationView } from './operation.ts';
import { HTTP_METHODS, asArray, asObject, asString, entriesOf, type JsonObject } from '../core/openapi-shape.ts';
import type { SchemaViewContext } from './schema-view.ts';
import { toModelPages } from './model-pages.ts';
import { estimateOperationLinkBytes } from './page-size.ts';
import { DEFAULT_PART_LIMITS, getPartTitle, toPageParts, toParts, type PartLimits } from './page-parts.ts';
import { toSecuritySchemeView } from './security.ts';
import type { ApiHeader, CatalogEntry, OperationLink, PageModel, SidebarItem, TagSummary } from './site-model.ts';
import { SlugRegistry } from '../core/slug.ts';

export const API_BASE = '/apis';
export const SPEC_BASE = '/specs';
/** Sidebar entries per group; past this the group links to the full list on the overview. */
export const MAX_SIDEBAR_ENTRIES = 40;
export const UNTAGGED = 'Other operations';

export interface SitePage {
  slug: string;
  page: PageModel;
}

export interface ApiPages {
  entry: CatalogEntry;
  pages: SitePage[];
}

interface CollectedOperation {
  method: string;
  path: string;
  operation: JsonObject;
  pathItem: JsonObject;
  slug: string;
  tags: string[];
}

export function getDocsUrl(id: string): string {
  return `${API_BASE}/${id}/`;
}

export function getSpecFileName(api: ApiRecord): string {
  return `${api.id}${api.file.toLowerCase().endsWith('.json') ? '.json' : '.yaml'}`;
}

export function getSpecUrl(api: ApiRecord): string {
  return `${SPEC_BASE}/${getSpecFileName(api)}`;
}

/** Partner ids shown on a site: all on the internal site, only the viewer's own on a partner's site. */
function getVisiblePartners(api: ApiRecord, target: BuildTarget): string[] {
  if (target.audience === 'internal') return api.partners ?? [];
  if (target.partner && api.partners?.includes(target.partner)) return [target.partner];
  return [];
}

function collectOperations(paths: unknown, slugs: SlugRegistry): CollectedOperation[] {
  const operations: CollectedOperation[] = [];
  for (const [path, rawItem] of entriesOf(paths)) {
    const pathItem = asObject(rawItem);
    for (const method of HTTP_METHODS) {
      if (!Object.hasOwn(pathItem, method)) continue;
      const operation = asObject(pathItem[method]);
      const operationId = asString(operation.operationId);
      const tags = asArray(operation.tags).filter((t): t is string => typeof t === 'string');
      operations.push({
        method,
        path,
        operation,
        pathItem,
        slug: slugs.claim(operationId ?? `${method} ${path}`, method),
        tags: tags.length ? tags : [UNTAGGED],
      });
    }
  }
  return operations;
}

function capItems(items: SidebarItem[], overflowLink: string, overflowLabel: string): SidebarItem[] {
  if (items.length <= MAX_SIDEBAR_ENTRIES) return items;
  return [...items.slice(0, MAX_SIDEBAR_ENTRIES - 1), { label: overflowLabel, link: overflowLink }];
}

/**
 * The pages of one API, from the view already filtered for `target`. `limits` says how much one page of
 * a split list holds.
 */
export function toApiPages({ api, view: doc }: ApiView, target: BuildTarget, changelog?: ChangelogEntry[], limits: PartLimits = DEFAULT_PART_LIMITS): ApiPages {
  const base = `${API_BASE}/${api.id}`;
  const header: ApiHeader = {
    id: api.id,
    title: api.title,
    version: api.version,
    audience: api.audience,
    lifecycle: api.lifecycle ?? null,
    owner: api.owner ?? null,
    docs: getDocsUrl(api.id),
    spec: getSpecUrl(api),
  };

  const schemaCount = entriesOf(asObject(doc.components).schemas).length;
  const schemasHref = schemaCount ? `${base}/schemas/` : undefined;
  const models = schemasHref ? toModelPages(doc, schemasHref, limits) : undefined;
  const context: SchemaViewContext = { document: doc, getSchemaHref: (name) => models?.hrefs.get(name) };

  const operationSlugs = new SlugRegistry();
  const operations = collectOperations(doc.paths, operationSlugs);
  const webhookSlugs = new SlugRegistry();
  const webhooks = entriesOf(doc.webhooks).flatMap(([name, rawItem]) => {
    const pathItem = asObject(rawItem);
    return HTTP_METHODS.filter((m) => Object.hasOwn(pathItem, m)).map((method) => ({
      name,
      method,
      pathItem,
      operation: asObject(pathItem[method]),
      slug: webhookSlugs.claim(`${name} ${method === 'post' ? '' : method}`, 'webhook'),
    }));
  });

  // Tags in declaration order first, then any used but undeclared, then the untagged bucket.
  const tagDescriptions = new Map<string, unknown>();
  for (const raw of asArray(doc.tags)) {
    const tag = asObject(raw);
    if (typeof tag.name === 'string') tagDescriptions.set(tag.name, tag.description);
  }
  const tagOrder = [...tagDescriptions.keys()];
  for (const op of operations) for (const tag of op.tags) if (!tagOrder.includes(tag)) tagOrder.push(tag);
  const tagSlugs = new SlugRegistry();
  const tagHrefs = new Map(tagOrder.map((tag) => [tag, `${base}/tags/${tagSlugs.claim(tag, 'tag')}/`]));
  const operationHref = (op: CollectedOperation) => `${base}/operations/${op.slug}/`;
  const toLink = (op: CollectedOperation): OperationLink => ({
    method: op.method,
    path: op.path,
    summary: asString(op.operation.summary),
    deprecated: op.operation.deprecated === true,
    href: operationHref(op),
  });
  // Grouped once: a large API has hundreds of tags and thousands of operations.
  const operationsByTag = new Map<string, CollectedOperation[]>();
  for (const op of operations) {
    for (const tag of op.tags) {
      const list = operationsByTag.get(tag);
      if (list) list.push(op);
      else operationsByTag.set(tag, [op]);
    }
  }
  const tagSummaries: TagSummary[] = tagOrder
    .map((tag) => ({
      name: tag,
      href: tagHrefs.get(tag) ?? '',
      descriptionHtml: toSafeHtml(tagDescriptions.get(tag)) || undefined,
      operations: operationsByTag.get(tag)?.length ?? 0,
    }))
    .filter((tag) => tag.operations > 0);
  const webhookLinks: OperationLink[] = webhooks.map((hook) => ({
    method: hook.method,
    path: hook.name,
    summary: asString(hook.operation.summary),
    deprecated: hook.operation.deprecated === true,
    href: `${base}/webhooks/${hook.slug}/`,
  }));
  const changelogHref = changelog ? `${base}/changelog/` : undefined;

  const sidebar: SidebarItem[] = [
    { label: '← All APIs', link: '/' },
    {
      label: api.title,
      items: [
        { label: 'Overview', link: `${base}/` },
        ...(tagSummaries.length
          ? [{ label: 'Operations', items: capItems(tagSummaries.map((t) => ({ label: t.name, link: t.href, badge: String(t.operations) })), `${base}/#operations`, 'All tags…') }]
          : []),
        ...(webhookLinks.length
          ? [{ label: 'Webhooks', items: capItems(webhookLinks.map((w) => ({ label: w.path, link: w.href })), `${base}/#webhooks`, 'All webhooks…') }]
          : []),
        ...(schemasHref ? [{ label: `Schemas (${schemaCount})`, link: schemasHref }] : []),
        ...(changelogHref ? [{ label: 'Changelog', link: changelogHref }] : []),
      ],
    },
  ];
  const common = { api: header, sidebar };
  const info = asObject(doc.info);
  const pages: SitePage[] = [];

  const contact = asObject(info.contact);
  const license = asObject(info.license);
  const externalDocs = asObject(doc.externalDocs);
  const externalDocsUrl = toSafeUrl(externalDocs.url);
  pages.push({
    slug: `${base.slice(1)}`,
    page: {
      ...common,
      kind: 'overview',
      title: api.title,
      description: api.summary,
      descriptionHtml: toSafeHtml(info.description) || undefined,
      servers: asArray(doc.servers).map((raw) => {
        const server = asObject(raw);
        return { url: String(server.url ?? ''), descriptionHtml: toSafeHtml(server.description) || undefined };
      }),
      securitySchemes: entriesOf(asObject(doc.components).securitySchemes).map(([key, scheme]) => toSecuritySchemeView(key, asObject(scheme))),
      contact: Object.keys(contact).length
        ? { name: asString(contact.name), email: asString(contact.email), url: toSafeUrl(contact.url) }
        : undefined,
      license: typeof license.name === 'string' ? { name: license.name, url: toSafeUrl(license.url) } : undefined,
      termsOfService: toSafeUrl(info.termsOfService),
      externalDocs: externalDocsUrl ? { url: externalDocsUrl, description: asString(externalDocs.description) } : undefined,
      tags: tagSummaries,
      webhooks: webhookLinks,
      schemaCount,
      schemasHref,
      changelogHref,
    },
  });

  if (changelog && changelogHref) {
    pages.push({
      slug: changelogHref.slice(1, -1),
      page: { ...common, kind: 'changelog', title: `Changelog · ${api.title}`, description: `Changes to ${api.title}, from its history.`, entries: changelog },
    });
  }

  for (const tag of tagSummaries) {
    const parts = toParts((operationsByTag.get(tag.name) ?? []).map(toLink), estimateOperationLinkBytes, limits);
    const pageParts = toPageParts(tag.href, parts);
    parts.forEach((operations, part) => {
      pages.push({
        slug: pageParts[part]!.href.slice(1, -1),
        page: {
          ...common,
          kind: 'tag',
          title: `${getPartTitle(tag.name, part, parts.length)} · ${api.title}`,
          description: toSummary(tagDescriptions.get(tag.name)) || `Operations tagged ${tag.name} in ${api.title}.`,
          tag: tag.name,
          descriptionHtml: tag.descriptionHtml,
          operations,
          part,
          parts: pageParts,
        },
      });
    });
  }

  for (const op of operations) {
    const view = toOperationView({ ...op, servers: asArray(doc.servers), kind: 'operation' }, context);
    pages.push({
      slug: operationHref(op).slice(1, -1),
      page: {
        ...common,
        kind: 'operation',
        title: view.summary || `${op.method.toUpperCase()} ${op.path}`,
        description: toSummary(op.operation.description) || `${op.method.toUpperCase()} ${op.path} in ${api.title}.`,
        operation: view,
      },
    });
  }

  webhooks.forEach((hook, index) => {
    const view = toOperationView({ ...hook, path: hook.name, servers: [], kind: 'webhook' }, context);
    pages.push({
      slug: (webhookLinks[index]?.href ?? '').slice(1, -1),
      page: {
        ...common,
        kind: 'webhook',
        name: hook.name,
        title: view.summary || `Webhook ${hook.name}`,
        description: toSummary(hook.operation.description) || `The ${hook.name} webhook of ${api.title}.`,
        operation: view,
      },
    });
  });

  models?.parts.forEach((schemas, part) => {
    pages.push({
      slug: models.pageParts[part]!.href.slice(1, -1),
      page: {
        ...common,
        kind: 'schemas',
        title: `${getPartTitle('Schemas', part, models.parts.length)} · ${api.title}`,
        description: `Data models of ${api.title}.`,
        schemas,
        part,
        parts: models.pageParts,
      },
    });
  });

  const entry: CatalogEntry = {
    id: api.id,
    title: api.title,
    summary: api.summary,
    version: api.version,
    audience: api.audience,
    partners: getVisiblePartners(api, target),
    owner: api.owner ?? null,
    lifecycle: api.lifecycle ?? null,
    tags: tagSummaries.map((t) => t.name).filter((t) => t !== UNTAGGED),
    operations: operations.length,
    docs: header.docs,
    spec: header.spec,
  };
  return { entry, pages };
}
