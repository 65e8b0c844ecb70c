// Where an API's schemas are documented: on its model pages, each schema under a heading of its own
// (`/apis/<id>/schemas/#order`), in name order, split over `schemas/`, `schemas/2/`… by the size of
// their trees. A page per schema would cost Starlight's whole page for a few lines of content; one
// page for all of them would grow without bound. A schema too large to share a page gets one alone.
import { asObject, entriesOf, type JsonObject } from '../core/openapi-shape.ts';
import { SlugRegistry } from '../core/slug.ts';
import { estimateModelBytes } from './page-size.ts';
import { toPageParts, toParts, type PartLimits } from './page-parts.ts';
import { relinkSchemaNode, toNamedSchemaNode } from './schema-view.ts';
import type { ModelEntry, PagePart } from './site-model.ts';

/** Ids Starlight itself gives elements of every page, in the same alphabet as schema anchors. */
const RESERVED_ANCHORS = ['theme-icons'];

export interface ModelPages {
  /** The page and anchor that document a schema: `/apis/pets/schemas/2/#pet`. */
  hrefs: ReadonlyMap<string, string>;
  /** The schemas of each model page, in name order. */
  parts: ModelEntry[][];
  /** The links between the model pages, labelled with each page's first and last schema. */
  pageParts: PagePart[];
}

/** Name order that does not depend on the machine's locale: case-insensitive, then by code unit. */
function compareNames(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lays out the schemas of `document` on model pages under `href` (`/apis/<id>/schemas/`). Anchors are
 * claimed in the spec's order, so a schema keeps its anchor when others are added after it.
 */
export function toModelPages(document: JsonObject, href: string, limits: PartLimits): ModelPages {
  const anchors = new SlugRegistry();
  for (const reserved of RESERVED_ANCHORS) anchors.claim(reserved);
  const anchorOf = new Map(entriesOf(asObject(document.components).schemas).map(([name]) => [name, anchors.claim(name, 'schema')]));
  // The trees link to each other before the pages are known: sized with links of a typical length,
  // then pointed at their pages.
  const draftHref = (name: string) => (anchorOf.has(name) ? `${href}00/#${anchorOf.get(name)}` : undefined);
  const entries: ModelEntry[] = [...anchorOf]
    .sort(([a], [b]) => compareNames(a, b))
    .map(([name, anchor]) => ({ name, anchor, schema: toNamedSchemaNode(name, { document, getSchemaHref: draftHref }) }));
  const parts = toParts(entries, (entry) => estimateModelBytes(entry.name, entry.anchor, entry.schema), limits);
  const pageParts = toPageParts(href, parts, (entry) => entry.name);
  const hrefs = new Map<string, string>();
  parts.forEach((part, index) => {
    for (const entry of part) hrefs.set(entry.name, `${pageParts[index]!.href}#${entry.anchor}`);
  });
  for (const entry of entries) relinkSchemaNode(entry.schema, (name) => hrefs.get(name));
  return { hrefs, parts, pageParts };
}
