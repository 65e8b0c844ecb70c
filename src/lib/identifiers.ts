// The names a description is made of (operationIds, paths, schema and property names, tags, server
// URLs, titles, distinctive example strings). Comparing them before and after filtering gives the
// words that must not appear in a site: the leak check's markers.
import { HTTP_METHODS, isObject, type Json, type JsonObject } from './openapi-shape.ts';

export interface IdentifierOrigin {
  /** What the identifier is, in words: "operationId", "path", "property name", ... */
  kind: string;
  /** JSON pointer of the element it came from, in the bundled description. */
  pointer: string;
}

/** Shorter strings are too common to tell a leak from an ordinary word. */
export const MIN_IDENTIFIER_LENGTH = 4;
/** Example strings count only when they are this long and hold a letter: ids, emails, codes. */
export const MIN_EXAMPLE_LENGTH = 8;

const escape = (segment: string | number) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

function add(into: Map<string, IdentifierOrigin>, value: unknown, kind: string, pointer: string): void {
  if (typeof value !== 'string') return;
  const text = value.trim();
  if (text.length < MIN_IDENTIFIER_LENGTH || into.has(text)) return;
  into.set(text, { kind, pointer });
}

function addExampleStrings(into: Map<string, IdentifierOrigin>, value: Json, pointer: string): void {
  if (typeof value === 'string') {
    if (value.length >= MIN_EXAMPLE_LENGTH && /[A-Za-z]/.test(value) && !/\s{2,}|\n/.test(value)) add(into, value, 'example value', pointer);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => addExampleStrings(into, item, `${pointer}/${index}`));
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) addExampleStrings(into, child, `${pointer}/${escape(key)}`);
  }
}

function walk(node: Json, pointer: string, key: string, parentKey: string, into: Map<string, IdentifierOrigin>): void {
  if (Array.isArray(node)) {
    if (key === 'examples' && parentKey !== 'content') {
      addExampleStrings(into, node, pointer);
      return;
    }
    node.forEach((child, index) => walk(child, `${pointer}/${index}`, String(index), key, into));
    return;
  }
  if (!isObject(node)) return;
  if (key === 'properties' || key === 'paths' || key === 'webhooks' || parentKey === 'components' || key === 'definitions') {
    const kind = { properties: 'property name', paths: 'path', webhooks: 'webhook name', definitions: 'schema name' }[key] ?? `${key.replace(/s$/, '')} name`;
    for (const name of Object.keys(node)) add(into, name, kind, `${pointer}/${escape(name)}`);
  }
  if (typeof node.operationId === 'string') add(into, node.operationId, 'operationId', pointer);
  if (parentKey === 'tags' && typeof node.name === 'string') add(into, node.name, 'tag name', pointer);
  if (parentKey === 'servers' && typeof node.url === 'string') add(into, node.url, 'server URL', pointer);
  if (typeof node.title === 'string') add(into, node.title, 'title', pointer);
  const isOperation = (HTTP_METHODS as readonly string[]).includes(key) && node.responses !== undefined;
  if (isOperation && typeof node.summary === 'string') add(into, node.summary, 'operation summary', pointer);
  for (const [childKey, child] of Object.entries(node)) {
    const childPointer = `${pointer}/${escape(childKey)}`;
    if (childKey === 'example' || childKey === 'x-example') addExampleStrings(into, child, childPointer);
    else if (childKey === 'value' && parentKey === 'examples') addExampleStrings(into, child, childPointer);
    else if (childKey === 'default' || childKey === 'enum' || childKey === 'const') continue;
    else walk(child, childPointer, childKey, key, into);
  }
}

/** Every identifier in a (bundled, original-version) description, with where it first appears. */
export function collectIdentifiers(document: JsonObject): Map<string, IdentifierOrigin> {
  const identifiers = new Map<string, IdentifierOrigin>();
  if (isObject(document.info)) add(identifiers, document.info.title, 'API title', '#/info/title');
  if (typeof document.host === 'string') add(identifiers, document.host, 'server host', '#/host');
  walk(document, '#', '', '', identifiers);
  return identifiers;
}

/** Every string in a description, keys included: what a site may legitimately show. */
export function collectStrings(node: Json, into: string[] = []): string[] {
  if (typeof node === 'string') into.push(node);
  else if (Array.isArray(node)) node.forEach((child) => collectStrings(child, into));
  else if (isObject(node)) {
    for (const [key, child] of Object.entries(node)) {
      into.push(key);
      collectStrings(child, into);
    }
  }
  return into;
}
