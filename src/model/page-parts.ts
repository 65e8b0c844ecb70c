// Splits a list that grows with the spec (a tag's operations, an API's schemas) over as many pages as
// it needs, so that no page grows without bound: each page holds what fits in a byte budget and a
// count, in list order. The first page keeps the list's own URL; the others follow it as `2/`, `3/`…
// Splitting depends only on the list, so the same spec always gives the same pages.
import type { PagePart } from './site-model.ts';

export interface PartLimits {
  /** Estimated HTML bytes of one page's items. An item larger than this gets a page of its own. */
  maxBytes: number;
  /** Items on one page, however small: a long list is hard to read, and so is its table of contents. */
  maxItems: number;
}

/** Where a page's content stays well under 200 KB of HTML once Starlight's chrome is added. */
export const DEFAULT_PART_LIMITS: PartLimits = { maxBytes: 120_000, maxItems: 100 };

/** Consecutive runs of `items`, each within `limits` (or a single item that is larger on its own). */
export function toParts<T>(items: readonly T[], getBytes: (item: T) => number, limits: PartLimits): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = getBytes(item);
    if (current.length > 0 && (bytes + size > limits.maxBytes || current.length >= limits.maxItems)) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** The URL of part `index` (from 0) of the list at `href` (which ends in `/`). */
export function getPartHref(href: string, index: number): string {
  return index === 0 ? href : `${href}${index + 1}/`;
}

/** Page title of part `index` of `count`: the list's own title on a single page, numbered otherwise. */
export function getPartTitle(title: string, index: number, count: number): string {
  return count > 1 ? `${title} (${index + 1}/${count})` : title;
}

/** The links between the parts, for each part's navigation. */
export function toPageParts<T>(href: string, parts: readonly T[][], getLabel?: (item: T) => string): PagePart[] {
  return parts.map((items, index) => ({
    href: getPartHref(href, index),
    ...(getLabel && items.length ? { first: getLabel(items[0]!), last: getLabel(items.at(-1)!) } : {}),
  }));
}
