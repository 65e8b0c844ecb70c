// The one document shape the page model reads: OpenAPI 3.x as plain records. Swagger 2.0 is converted
// into it (swagger2.ts) so every later stage has a single code path.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * A map for spec-chosen keys. With no prototype, a key such as `__proto__` or `constructor` is an
 * ordinary entry instead of reaching Object.prototype.
 */
export function createRecord(): JsonObject {
  return Object.create(null) as JsonObject;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Own entries only: spec-keyed data never reaches Object.prototype (`__proto__` is a valid path name). */
export function entriesOf(value: unknown): [string, Json][] {
  return isObject(value) ? Object.entries(value) : [];
}

/** One JSON pointer segment: `~` and `/` escaped as RFC 6901 says. */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** RFC 6901: `~1` first, then `~0`, so `~01` stays `~1`. */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The decoded JSON pointer segments a local reference (`#/a/b`) points at, or undefined for a
 * reference into another document or one that is not a pointer. The fragment is percent-decoded first,
 * then each segment is unescaped, as RFC 6901 section 6 orders it. References are compared on these
 * segments, never as raw strings.
 */
export function toRefTarget(ref: string): string[] | undefined {
  if (!ref.startsWith('#')) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (fragment === '') return [];
  if (!fragment.startsWith('/')) return undefined;
  return fragment.slice(1).split('/').map(unescapePointerSegment);
}

/** The node at decoded `segments`, own keys only. */
export function getAtPath(document: unknown, segments: readonly string[]): Json | undefined {
  let node: unknown = document;
  for (const segment of segments) {
    if (Array.isArray(node)) node = /^(0|[1-9][0-9]*)$/.test(segment) ? node[Number(segment)] : undefined;
    else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node as Json | undefined;
}

/** The name a reference gives inside a section (`#/components/schemas/Audit%20Entry` -> `Audit Entry`), compared on decoded segments. */
export function getRefName(ref: string, prefix: string): string | undefined {
  const target = toRefTarget(ref);
  const section = toRefTarget(prefix.replace(/\/$/, ''));
  if (!target || !section || target.length !== section.length + 1) return undefined;
  return section.every((segment, index) => target[index] === segment) ? target[section.length] : undefined;
}

/** One segment as written in a reference: percent-decoded, then unescaped. */
export function decodePointerSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // keep the raw segment
  }
  return unescapePointerSegment(decoded);
}

/** Follows a local `#/a/b` pointer inside the bundled document. */
export function getByPointer(document: unknown, ref: string): Json | undefined {
  const target = toRefTarget(ref);
  return target ? getAtPath(document, target) : undefined;
}

const MAX_REF_HOPS = 32;

/** Resolves `$ref` chains for non-schema objects (parameters, responses, ...), which render inline. */
export function derefObject(document: unknown, value: unknown): JsonObject {
  let node: unknown = value;
  for (let hops = 0; isObject(node) && typeof node.$ref === 'string' && hops < MAX_REF_HOPS; hops += 1) {
    node = getByPointer(document, node.$ref);
  }
  return asObject(node);
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
