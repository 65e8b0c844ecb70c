// What one site may show of each API (the filtered description and its rendered 3.x shape), and what
// it may not: the leak check's markers, computed by comparing identifiers before and after filtering.
import type { ApiRecord } from '../load/api.ts';
import { isVisibleTo, type BuildTarget } from '../core/audience.ts';
import { collectIdentifiers, splitIdentifiers } from './identifiers.ts';
import type { LeakMarker } from './leak-check.ts';
import { mayShow, readApiMarkers } from './marker-reading.ts';
import { toSlug } from '../core/slug.ts';
import { isObject, type Json, type JsonObject } from '../core/openapi-shape.ts';
import { convertSwagger2 } from '../load/swagger2.ts';
import { filterDocument, type FilterResult } from './visibility.ts';

export type DocumentFilter = (document: JsonObject, target: BuildTarget, version: 'oas2' | 'oas3') => FilterResult;

export interface ApiView {
  api: ApiRecord;
  /** The description as this site may see it, in its original OpenAPI version: the download. */
  document: JsonObject;
  /** The same in OpenAPI 3.x shape, for rendering. */
  view: JsonObject;
}

export function isApiVisible(api: ApiRecord, target: BuildTarget): boolean {
  return isVisibleTo(api.audience, api.partners, target);
}

export function toApiView(api: ApiRecord, target: BuildTarget, filter: DocumentFilter = filterDocument): ApiView {
  const version = api.spec.version === 'oas2' ? 'oas2' : 'oas3';
  const { document } = filter(api.spec.document as JsonObject, target, version);
  return { api, document, view: version === 'oas2' ? convertSwagger2(document) : document };
}

/** Every partner id a description names, at the API level or on any element. */
export function collectPartnerIds(node: Json, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => collectPartnerIds(child, into));
  else if (isObject(node)) {
    const partners = node['x-partners'];
    if (Array.isArray(partners)) for (const id of partners) if (typeof id === 'string') into.add(id);
    for (const child of Object.values(node)) collectPartnerIds(child, into);
  }
  return into;
}

export interface LeakReference {
  /** Identifiers that exist only in content the site may not see. */
  candidates: LeakMarker[];
  /**
   * Per API the site shows (by id): every string of what the site may show of it, and the URL slugs
   * made of them. A marker found among these may appear on that API's pages and in its download.
   */
  visibleTexts: Map<string, string[]>;
}

/** Strings that become URL segments, file names or anchors are this short; longer ones are prose. */
const MAX_SLUGGED_LENGTH = 200;

/** The slug forms of the short strings an API shows, as URL segments: its page URLs are made of them. */
function getSlugForms(strings: readonly string[]): string[] {
  const slugs = new Set<string>();
  for (const text of strings) if (text.length <= MAX_SLUGGED_LENGTH && /[A-Za-z0-9]/.test(text)) slugs.add(`/${toSlug(text, '')}/`);
  return [...slugs];
}

/**
 * What a site must not contain, computed from the original descriptions and their markers alone (the
 * leak check's own reading, not the filter's): everything of an API it cannot see, the identifiers of
 * elements narrowed away from it (unless they also name something it can see), and every other
 * partner's id. With it, what each visible API may show: the leak check judges a page by the API it
 * belongs to, so a name one API shows does not excuse it on another API's pages.
 */
export function getLeakReference(apis: readonly ApiRecord[], target: BuildTarget): LeakReference {
  const visibleTexts = new Map<string, string[]>();
  if (target.audience === 'internal') return { candidates: [], visibleTexts };
  const candidates: LeakMarker[] = [];
  const partnerIds = new Set<string>();
  for (const api of apis) {
    const document = api.spec.document as JsonObject;
    collectPartnerIds(document, partnerIds);
    if (!mayShow(readApiMarkers(document.info), target)) {
      if (api.id.length >= 4) candidates.push({ text: api.id, kind: 'API id', pointer: '#/info', file: api.file });
      for (const [text, origin] of collectIdentifiers(document)) candidates.push({ text, ...origin, file: api.file });
      continue;
    }
    const split = splitIdentifiers(document, target);
    // Portolan shows the API's id (its URLs and download name) and what it reads from info.
    const shown = [...split.visibleStrings, api.id, api.title, api.summary, api.version, api.owner ?? '', api.lifecycle ?? ''].filter(Boolean);
    visibleTexts.set(api.id, [shown.join('\n'), getSlugForms(shown).join('\n')]);
    for (const [text, origin] of split.hidden) if (!split.visible.has(text)) candidates.push({ text, ...origin, file: api.file });
  }
  for (const id of partnerIds) {
    if (id !== target.partner) candidates.push({ text: id, kind: 'partner id', pointer: '#/info/x-partners', file: apis[0]?.file ?? '' });
  }
  return { candidates, visibleTexts };
}
