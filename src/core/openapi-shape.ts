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

export function getRefName(ref: string, prefix: string): string | undefined {
  if (!ref.startsWith(prefix)) return undefined;
  const rest = ref.slice(prefix.length);
  if (rest.includes('/')) return undefined;
  return decodePointerSegment(rest);
}

export function decodePointerSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // keep the raw segment
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Follows a local `#/a/b` pointer inside the bundled document. */
export function getByPointer(document: unknown, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined;
  const path = ref.slice(1).split('/').slice(1).map(decodePointerSegment);
  let node: unknown = document;
  for (const segment of path) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node as Json | undefined;
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
