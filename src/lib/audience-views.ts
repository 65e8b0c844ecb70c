// What one site may show of each API (the filtered description and its rendered 3.x shape), and what
// it may not: the leak check's markers, computed by comparing identifiers before and after filtering.
import type { ApiRecord } from './api.ts';
import { isVisibleTo, type BuildTarget } from './audience.ts';
import { collectIdentifiers, collectStrings } from './identifiers.ts';
import type { LeakMarker } from './leak-check.ts';
import { isObject, type Json, type JsonObject } from './openapi-shape.ts';
import { convertSwagger2 } from './swagger2.ts';
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

function collectPartnerIds(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) node.forEach((child) => collectPartnerIds(child, into));
  else if (isObject(node)) {
    const partners = node['x-partners'];
    if (Array.isArray(partners)) for (const id of partners) if (typeof id === 'string') into.add(id);
    for (const child of Object.values(node)) collectPartnerIds(child, into);
  }
}

/**
 * Identifiers that exist only in content `target` may not see: everything of an API it cannot see,
 * the parts filtered out of the APIs it can, and every other partner's id.
 */
export function getLeakCandidates(apis: readonly ApiRecord[], views: readonly ApiView[], target: BuildTarget): LeakMarker[] {
  if (target.audience === 'internal') return [];
  const byId = new Map(views.map((v) => [v.api.id, v]));
  const candidates: LeakMarker[] = [];
  const partnerIds = new Set<string>();
  for (const api of apis) {
    collectPartnerIds(api.spec.document as Json, partnerIds);
    const all = collectIdentifiers(api.spec.document as JsonObject);
    const view = byId.get(api.id);
    const kept = view ? collectIdentifiers(view.document) : new Map();
    if (!view && api.id.length >= 4) candidates.push({ text: api.id, kind: 'API id', pointer: '#/info', file: api.file });
    for (const [text, origin] of all) if (!kept.has(text)) candidates.push({ text, ...origin, file: api.file });
  }
  for (const id of partnerIds) {
    if (id !== target.partner) candidates.push({ text: id, kind: 'partner id', pointer: '#/info/x-partners', file: apis[0]?.file ?? '' });
  }
  return candidates;
}

/** Everything a site may legitimately show from the specs: every string of its filtered descriptions. */
export function getVisibleTexts(views: readonly ApiView[]): string[] {
  return views.map((v) => collectStrings(v.document).join('\n'));
}
