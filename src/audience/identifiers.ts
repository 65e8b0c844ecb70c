// The names a description is made of (operationIds, paths, schema and property names, tags, server
// URLs, titles, distinctive example strings). Comparing them before and after filtering gives the
// words that must not appear in a site: the leak check's markers.
import type { BuildTarget } from '../core/audience.ts';
import { HTTP_METHODS, isObject, escapePointerSegment, type Json, type JsonObject } from '../core/openapi-shape.ts';
import { isHiddenChild } from './visibility.ts';

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
    for (const [key, child] of Object.entries(value)) addExampleStrings(into, child, `${pointer}/${escapePointerSegment(key)}`);
  }
}

/** Where identifiers go: one map, or (for the leak check) one for visible and one for hidden elements. */
interface Sink {
  target?: BuildTarget;
  visible: Map<string, IdentifierOrigin>;
  hidden: Map<string, IdentifierOrigin>;
  visibleStrings: string[];
}

function walk(node: Json, pointer: string, key: string, parentKey: string, sink: Sink, hidden: boolean, grandKey = ''): void {
  if (isObject(node) && !hidden && sink.target && !(pointer === '#/info') && isHiddenChild(node, parentKey, grandKey, sink.target)) hidden = true;
  const into = hidden ? sink.hidden : sink.visible;
  if (!hidden && typeof node === 'string') sink.visibleStrings.push(node);
  if (Array.isArray(node)) {
    if (key === 'examples') {
      addExampleStrings(into, node, pointer);
      return;
    }
    node.forEach((child, index) => walk(child, `${pointer}/${index}`, String(index), key, sink, hidden, parentKey));
    return;
  }
  if (!isObject(node)) return;
  if (!hidden) {
    for (const [name, child] of Object.entries(node)) {
      if (!(sink.target && isObject(child) && isHiddenChild(child, key, parentKey, sink.target))) sink.visibleStrings.push(name);
    }
  }
  const isOas2Section = pointer === `#/${key}` && OAS2_SECTIONS.has(key);
  if (key === 'properties' || key === 'paths' || key === 'webhooks' || parentKey === 'components' || key === 'definitions' || isOas2Section) {
    const kind = NAME_KINDS[key] ?? `${key} entry name`;
    for (const [name, child] of Object.entries(node)) {
      // A name belongs to its element: a hidden property's name is hidden even though its map is not.
      const childHidden = hidden || (!!sink.target && isObject(child) && isHiddenChild(child, key, parentKey, sink.target));
      add(childHidden ? sink.hidden : sink.visible, name, kind, `${pointer}/${escapePointerSegment(name)}`);
    }
  }
  // Only operations define operationIds; a link merely names one.
  if (typeof node.operationId === 'string' && node.responses !== undefined) add(into, node.operationId, 'operationId', pointer);
  if (parentKey === 'tags' && typeof node.name === 'string') add(into, node.name, 'tag name', pointer);
  if (parentKey === 'servers' && typeof node.url === 'string') add(into, node.url, 'server URL', pointer);
  if (typeof node.title === 'string') add(into, node.title, 'title', pointer);
  const isOperation = (HTTP_METHODS as readonly string[]).includes(key) && node.responses !== undefined;
  if (isOperation && typeof node.summary === 'string') add(into, node.summary, 'operation summary', pointer);
  for (const [childKey, child] of Object.entries(node)) {
    const childPointer = `${pointer}/${escapePointerSegment(childKey)}`;
    const isValue = childKey === 'example' || childKey === 'x-example' || (childKey === 'value' && parentKey === 'examples');
    if (isValue) addExampleStrings(into, child, childPointer);
    if (isValue || childKey === 'default' || childKey === 'enum' || childKey === 'const') continue;
    // Places that only refer to elements defined elsewhere: a reference to a hidden element does not
    // make its name legitimately visible, so these never count as visible text.
    if (REFERENCE_KEYS.has(childKey) || (parentKey === 'links' && (childKey === 'operationId' || childKey === 'operationRef'))) continue;
    if (childKey === 'tags' && Array.isArray(child) && child.every((tag) => typeof tag === 'string')) continue;
    walk(child, childPointer, childKey, key, sink, hidden, parentKey);
  }
}

const REFERENCE_KEYS = new Set(['$ref', 'required', 'discriminator', 'security']);
const OAS2_SECTIONS = new Set(['definitions', 'parameters', 'responses', 'securityDefinitions']);
const NAME_KINDS: Record<string, string> = {
  properties: 'property name',
  paths: 'path',
  webhooks: 'webhook name',
  definitions: 'schema name',
  schemas: 'schema name',
  parameters: 'parameter name',
  responses: 'response name',
  requestBodies: 'request body name',
  headers: 'header name',
  examples: 'example name',
  links: 'link name',
  callbacks: 'callback name',
  securitySchemes: 'security scheme name',
  securityDefinitions: 'security scheme name',
  pathItems: 'path item name',
};

/** Every identifier in a (bundled, original-version) description, with where it first appears. */
export function collectIdentifiers(document: JsonObject): Map<string, IdentifierOrigin> {
  return splitIdentifiers(document).visible;
}

export interface IdentifierSplit {
  /** Identifiers of elements `target` may see. */
  visible: Map<string, IdentifierOrigin>;
  /** Identifiers inside elements marked for a narrower audience than `target`. */
  hidden: Map<string, IdentifierOrigin>;
  /** Every string (keys included) outside hidden elements: what the site may legitimately show. */
  visibleStrings: string[];
}

/**
 * Splits a description's identifiers by what `target` may see, reading the markers directly. The leak
 * check relies on this, not on the filter's output, so a broken filter cannot vouch for itself.
 */
export function splitIdentifiers(document: JsonObject, target?: BuildTarget): IdentifierSplit {
  const sink: Sink = { target, visible: new Map(), hidden: new Map(), visibleStrings: [] };
  if (isObject(document.info)) add(sink.visible, document.info.title, 'API title', '#/info/title');
  if (typeof document.host === 'string') add(sink.visible, document.host, 'server host', '#/host');
  walk(document, '#', '', '', sink, false);
  return sink;
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
