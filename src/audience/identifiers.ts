// The names a description is made of (operationIds, paths, schema and property names, tags, server
// URLs, titles, distinctive example strings), split by what one site may see. The split is the leak
// check's reference: it follows the OpenAPI structure table (which maps hold names, which fields hold
// opaque values, what refers to what) and reads the audience markers with the leak check's own
// predicate, never with the filter's.
import type { BuildTarget } from '../core/audience.ts';
import { derefObject, isObject, type Json, type JsonObject } from '../core/openapi-shape.ts';
import {
  getChildElements,
  getDataNames,
  getElementReferences,
  getFieldRole,
  getOasVersion,
  isMarkdownField,
  getValueSlots,
  toPointer,
  visitElements,
  type ElementVisit,
  type OasVersion,
} from '../core/openapi-structure.ts';
import { toMarkdownText } from '../core/markdown.ts';
import { mayShow, readMarkers } from './marker-reading.ts';

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

/** What an element's name is called, by the field of the map that holds it. */
const NAME_KINDS: Readonly<Record<string, string>> = {
  properties: 'property name',
  webhooks: 'webhook name',
  schemas: 'schema name',
  definitions: 'schema name',
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

/** Value slots that hold examples: their distinctive strings identify the element they belong to. */
const EXAMPLE_SLOTS = new Set(['example', 'examples', 'x-example', 'value', 'dataValue']);

export interface IdentifierSplit {
  /** Identifiers of elements `target` may see. */
  visible: Map<string, IdentifierOrigin>;
  /** Identifiers inside elements marked for a narrower audience than `target`. */
  hidden: Map<string, IdentifierOrigin>;
  /** Every string (keys included) the site may show of the description: names, fields, values. */
  visibleStrings: string[];
}

/** Adds an identifier; the pointer is computed only for one that is kept. */
function add(into: Map<string, IdentifierOrigin>, value: unknown, kind: string, pointer: string | (() => string)): void {
  if (typeof value !== 'string') return;
  const text = value.trim();
  if (text.length < MIN_IDENTIFIER_LENGTH || into.has(text)) return;
  into.set(text, { kind, pointer: typeof pointer === 'string' ? pointer : pointer() });
}

const QUOTES = /^["'`]+|["'`]+$/g;

function isDistinctiveExample(value: string): boolean {
  return value.length >= MIN_EXAMPLE_LENGTH && /[A-Za-z]/.test(value) && !/\s{2,}|\n/.test(value);
}

/**
 * Walks example data. Keys that name a hidden property (in any object of the data) belong to that
 * property: they and their values go to `hidden`, the rest to `visible`.
 */
function addExampleStrings(split: IdentifierSplit, value: Json, path: string[], hidden: boolean, hiddenKeys: ReadonlySet<string>): void {
  if (typeof value === 'string') {
    // An example written with its JSON quotes (`"\"APPROVE\""`) stands for the text inside them.
    const text = value.replace(QUOTES, '');
    if (isDistinctiveExample(text)) add(hidden ? split.hidden : split.visible, text, 'example value', () => toPointer(path));
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => addExampleStrings(split, item, [...path, String(index)], hidden, hiddenKeys));
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) addExampleStrings(split, child, [...path, key], hidden || hiddenKeys.has(key), hiddenKeys);
  }
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** Every string of opaque data, keys included, leaving out the keys in `skipKeys` and what they hold. */
function pushData(value: Json, into: string[], skipKeys: ReadonlySet<string>): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => pushData(item, into, skipKeys));
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (skipKeys.has(key)) continue;
      into.push(key);
      pushData(child, into, skipKeys);
    }
  }
}

const OPERATION_FIELDS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Whether an element is hidden by its own markers. A path item whose every operation is hidden is
 * hidden too: its path alone would tell the audience that something exists there.
 */
function isHiddenHere(visit: ElementVisit, target: BuildTarget): boolean {
  if (!mayShow(readMarkers(visit.node), target)) return true;
  if (visit.kind !== 'pathItem') return false;
  const operations = OPERATION_FIELDS.map((method) => visit.node[method]).filter(isObject);
  return operations.length > 0 && operations.every((operation) => !mayShow(readMarkers(operation), target));
}

function getNameKind(visit: ElementVisit): string | undefined {
  if (visit.name === undefined) return undefined;
  if (visit.kind === 'pathItem' && visit.parent?.kind === 'paths') return 'path';
  return NAME_KINDS[visit.field];
}

/** Names of root tags and security schemes a site may not see: operations and requirements name them. */
function getHiddenNames(document: JsonObject, version: OasVersion, target: BuildTarget | undefined): { tags: Set<string>; schemes: Set<string> } {
  const tags = new Set<string>();
  const schemes = new Set<string>();
  if (!target) return { tags, schemes };
  if (Array.isArray(document.tags)) {
    for (const tag of document.tags) if (isObject(tag) && typeof tag.name === 'string' && !mayShow(readMarkers(tag), target)) tags.add(tag.name);
  }
  const section = version === 'oas2' ? document.securityDefinitions : isObject(document.components) ? document.components.securitySchemes : undefined;
  if (isObject(section)) for (const [name, scheme] of Object.entries(section)) if (isObject(scheme) && !mayShow(readMarkers(scheme), target)) schemes.add(name);
  return { tags, schemes };
}

/** The strings a visible element shows of itself: its name, its fields and their values, its data. */
function pushVisibleStrings(visit: ElementVisit, version: OasVersion, into: string[], hiddenNames: { tags: Set<string>; schemes: Set<string>; properties: Set<string> }): void {
  const { node, kind } = visit;
  if (visit.name !== undefined) into.push(visit.name);
  // Portolan names an operation page by its method and path (or webhook name) when it has no operationId.
  if (kind === 'operation' && visit.parent?.name !== undefined) into.push(`${visit.field} ${visit.parent.name}`, `${visit.parent.name} ${visit.field}`);
  // References name elements defined elsewhere: those names count where they are defined, if visible.
  const references = getElementReferences(node, kind, version);
  for (const reference of references) {
    if (reference.via === 'tag' && !hiddenNames.tags.has(reference.name)) into.push(reference.name);
    if (reference.via === 'securityScheme' && !hiddenNames.schemes.has(reference.name)) into.push(reference.name);
    if (reference.via === 'mapping') into.push(reference.key);
  }
  const dataNames = new Set(getDataNames(node, kind, version).map(({ name }) => name));
  // Patterned keys (paths, status codes, callback expressions) are the names of the elements they
  // hold: each visible one counts when its element is visited.
  const patternedKeys = new Set(getChildElements(node, kind, version).filter((child) => child.field === '').map((child) => String(child.key)));
  const valueSlots = new Map(getValueSlots(node, kind, version).map((slot) => [slot.key, slot]));
  for (const [key, value] of Object.entries(node)) {
    const role = getFieldRole(kind, key, version);
    if (kind === 'securityRequirement' && role === 'value') {
      // The key is a scheme name (counted above when visible); the value lists scope names.
      pushData(value, into, NO_KEYS);
      continue;
    }
    if (patternedKeys.has(key)) continue;
    into.push(key);
    if (role === 'element' || role === 'elements') continue;
    if (role === 'value' && valueSlots.has(key)) {
      // Instances of a schema drop a hidden property's key; extension values are the author's own data.
      pushData(value, into, valueSlots.get(key)!.shape === 'data' ? NO_KEYS : hiddenNames.properties);
    } else if (role === 'names' && isObject(value)) {
      for (const [name, description] of Object.entries(value)) if (dataNames.has(name)) pushData([name, description], into, NO_KEYS);
    } else if (kind === 'schema' && key === 'required') {
      // The download lists required properties by name, except hidden ones.
      if (Array.isArray(value)) for (const name of value) if (typeof name === 'string' && !hiddenNames.properties.has(name)) into.push(name);
    } else if (key === '$ref' || (kind === 'operation' && key === 'tags') || (kind === 'link' && (key === 'operationId' || key === 'operationRef'))) {
      // Handled as references above, or not shown as text at all.
    } else if (kind === 'discriminator' && key === 'mapping') {
      // Mapping keys are shown; their values are references.
    } else {
      pushData(value, into, NO_KEYS);
      if (isMarkdownField(kind, key, version)) into.push(toMarkdownText(value));
    }
  }
}

/**
 * The URLs a site shows for requests (curl examples): each visible server's URL followed by each
 * visible path, as neither is written anywhere whole.
 */
function getRequestUrls(document: JsonObject, visibleVisits: readonly ElementVisit[]): string[] {
  const servers = new Set<string>();
  const paths: string[] = [];
  // Swagger 2.0 states its one server as schemes, host and base path.
  const basePath = typeof document.basePath === 'string' ? document.basePath.replace(/\/+$/, '') : '';
  const schemes = Array.isArray(document.schemes) ? document.schemes.filter((scheme) => typeof scheme === 'string') : ['https'];
  if (typeof document.host === 'string') for (const scheme of schemes) servers.add(`${scheme}://${document.host}${basePath}`);
  else if (basePath) servers.add(basePath);
  const visibleNodes = new Set<JsonObject>(visibleVisits.map((visit) => visit.node));
  for (const visit of visibleVisits) {
    if (visit.kind === 'server' && typeof visit.node.url === 'string') servers.add(visit.node.url.replace(/\/+$/, ''));
    if (visit.kind === 'pathItem' && visit.parent?.kind === 'paths' && visit.name !== undefined) paths.push(visit.name);
    if (visit.kind === 'operation' && visit.parent?.kind === 'pathItem' && visit.parent.parent?.kind === 'paths' && visit.parent.name !== undefined) {
      paths.push(...getFilledPaths(document, visit.parent.name, [visit.parent.node, visit.node], visibleNodes));
    }
  }
  return [...servers].flatMap((server) => paths.map((path) => `${server}${path}`));
}

/** At most this many filled-in forms of one path: enough for every example of a parameter, never a product. */
const MAX_FILLED_PATHS = 16;

/**
 * A path as an example request shows it: each `{name}` filled in with a value the visible parameter
 * itself offers (its example, examples, default or enum, raw and percent-encoded). The i-th form takes
 * each parameter's i-th value, or its last when it has fewer, so `/subraces/hill-dwarf/traits` is read
 * as visible where `/subraces/{index}/traits` and its parameter's example `hill-dwarf` are.
 */
function getFilledPaths(document: JsonObject, path: string, owners: readonly JsonObject[], visibleNodes: ReadonlySet<JsonObject>): string[] {
  const values = new Map<string, string[]>();
  for (const owner of owners) {
    for (const raw of Array.isArray(owner.parameters) ? owner.parameters : []) {
      const parameter = derefObject(document, raw);
      if (parameter.in !== 'path' || typeof parameter.name !== 'string' || !visibleNodes.has(parameter)) continue;
      const offered = getOfferedValues(document, parameter).flatMap((value) => [value, encodeURIComponent(value)]);
      if (offered.length) values.set(parameter.name, [...new Set(offered)]);
    }
  }
  if (values.size === 0) return [];
  const forms = Math.min(MAX_FILLED_PATHS, Math.max(...[...values.values()].map((list) => list.length)));
  const filled: string[] = [];
  for (let index = 0; index < forms; index++) {
    filled.push(path.replace(/\{([^{}]+)\}/g, (template, name: string) => {
      const list = values.get(name);
      return list ? list[Math.min(index, list.length - 1)]! : template;
    }));
  }
  return filled;
}

/** Values a parameter offers for an example request, from its own data and its schema's. */
function getOfferedValues(document: JsonObject, parameter: JsonObject): string[] {
  const schema = derefObject(document, parameter.schema);
  const examples = isObject(parameter.examples) ? Object.values(parameter.examples).map((example) => derefObject(document, example).value) : [];
  const candidates: unknown[] = [
    parameter.example,
    parameter['x-example'],
    ...examples,
    schema.example,
    ...(Array.isArray(schema.examples) ? schema.examples : []),
    schema.default,
    parameter.default,
    ...(Array.isArray(schema.enum) ? schema.enum : []),
    ...(Array.isArray(parameter.enum) ? parameter.enum : []),
  ];
  return candidates.flatMap((value) => (typeof value === 'string' ? [value] : typeof value === 'number' || typeof value === 'boolean' ? [String(value)] : []));
}

/**
 * Splits a description's identifiers by what `target` may see, reading the markers directly. Without a
 * target nothing is hidden. The leak check relies on this, not on the filter's output, so a broken
 * filter cannot vouch for itself.
 */
export function splitIdentifiers(document: JsonObject, target?: BuildTarget): IdentifierSplit {
  const version = getOasVersion(document);
  const split: IdentifierSplit = { visible: new Map(), hidden: new Map(), visibleStrings: [] };
  const hiddenVisits = new WeakSet<ElementVisit>();
  const visits: ElementVisit[] = [];
  const hiddenProperties = new Set<string>();
  const visibleProperties = new Set<string>();
  if (isObject(document.info)) add(split.visible, document.info.title, 'API title', '#/info/title');
  if (typeof document.host === 'string') add(split.visible, document.host, 'server host', '#/host');

  visitElements(document, version, (visit) => {
    const hidden = (visit.parent !== undefined && hiddenVisits.has(visit.parent)) || (!!target && isHiddenHere(visit, target));
    if (hidden) hiddenVisits.add(visit);
    visits.push(visit);
    const into = hidden ? split.hidden : split.visible;
    const pointer = () => toPointer(visit.path);
    const nameKind = getNameKind(visit);
    if (nameKind) add(into, visit.name, nameKind, pointer);
    if (visit.kind === 'schema' && visit.field === 'properties' && visit.name !== undefined) (hidden ? hiddenProperties : visibleProperties).add(visit.name);
    const { node, kind } = visit;
    if (kind === 'operation') {
      add(into, node.operationId, 'operationId', pointer);
      add(into, node.summary, 'operation summary', pointer);
    }
    if (kind === 'tag') add(into, node.name, 'tag name', pointer);
    if (kind === 'server') add(into, node.url, 'server URL', pointer);
    if (kind === 'parameter') add(into, node.name, 'parameter name', pointer);
    if (kind !== 'info' && kind !== 'document') add(into, node.title, 'title', pointer);
  });

  // Example data: values under a hidden property's key belong to the hidden property, wherever the
  // example sits. Collected after the walk, once every property name is known; a name that also
  // names a visible property could be either, and counts as visible.
  for (const name of visibleProperties) hiddenProperties.delete(name);
  for (const visit of visits) {
    for (const slot of getValueSlots(visit.node, visit.kind, version)) {
      if (EXAMPLE_SLOTS.has(slot.key) || slot.shape === 'instancesByMediaType') {
        addExampleStrings(split, slot.value, [...visit.path, slot.key], hiddenVisits.has(visit), hiddenProperties);
      }
    }
  }

  const names = { ...getHiddenNames(document, version, target), properties: hiddenProperties };
  for (const visit of visits) if (!hiddenVisits.has(visit)) pushVisibleStrings(visit, version, split.visibleStrings, names);
  split.visibleStrings.push(...getRequestUrls(document, visits.filter((visit) => !hiddenVisits.has(visit))));
  return split;
}

/** Every identifier in a (bundled, original-version) description, with where it first appears. */
export function collectIdentifiers(document: JsonObject): Map<string, IdentifierOrigin> {
  return splitIdentifiers(document).visible;
}
