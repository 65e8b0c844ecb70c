// The OpenAPI structure as one table: for each kind of element, which of its fields hold other elements
// (one, a list, or a map keyed by names the spec's authors chose), which hold opaque values (examples,
// defaults, enums, extension values: data, never elements, whatever their keys look like), and which
// strings refer to other elements. The filter, the identifier scan and the leak check all read a
// description through this table, so none of them decides anything from a key name alone.
//
// API
// - `visitElements(document, version, visit)`: every element once, in document order, with its kind,
//   its decoded path, its name in its map and its parent. `visit` may return SKIP_CHILDREN. References
//   are not followed: a `$ref` object is visited where it stands, with `ref` set to its target.
// - `getChildElements(node, kind, version)`: the elements directly held by one element, with their
//   container and key, for callers that rebuild or remove as they go.
// - `getValueSlots(node, kind, version)`: the opaque values an element holds (example, default, enum,
//   const, Example.value, 2.0 response examples, x-* extension values) and what each value is.
// - `getElementReferences(node, kind, version)`: what an element refers to: `$ref`, a link's
//   operationRef / operationId, discriminator mapping entries, security requirement scheme names,
//   operation tag names, and `required` property names; each as decoded pointer segments or a name.
// - `getDataSchema(node, kind)`: the schema that describes an element's example values.
// - References: `toRefTarget(ref)` gives the decoded JSON pointer segments of a local reference
//   (percent-decoding of the URI fragment first, then RFC 6901 `~1` / `~0`), `toPointer(segments)` the
//   canonical pointer for display and as a set key, `isSamePath` / `isWithinPath` compare decoded
//   segments. Never compare raw `$ref` strings: `#/components/schemas/Audit%20Entry` and
//   `#/components/schemas/Audit Entry` are the same target.
import { escapePointerFragment } from '@redocly/openapi-core';
import { getAtPath, isObject, toRefTarget, unescapePointerSegment, type Json, type JsonObject } from './openapi-shape.ts';

// The pointer primitives live in openapi-shape.ts (which this file builds on); they belong to this API.
export { getAtPath, toRefTarget, unescapePointerSegment };

export type OasVersion = 'oas2' | 'oas3';

export const ELEMENT_KINDS = [
  'document', 'info', 'contact', 'license', 'externalDocs', 'server', 'serverVariable', 'paths', 'pathItem', 'operation',
  'parameter', 'requestBody', 'mediaType', 'encoding', 'responses', 'response', 'header', 'example', 'link', 'callback',
  'schema', 'discriminator', 'xml', 'tag', 'components', 'securityScheme', 'oauthFlows', 'oauthFlow', 'securityRequirement',
] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/**
 * What a value slot holds: `instance` is one instance of the element's data schema (`example`,
 * `default`, `const`, Example `value`); `instances` a list of them (`enum`, 3.1 schema `examples`);
 * `instancesByMediaType` a map of media type to instance (2.0 response `examples`); `data` anything else
 * (link parameters, extension values).
 */
export type ValueShape = 'instance' | 'instances' | 'instancesByMediaType' | 'data';

/** What a field holds. */
type Slot =
  /** One element; an array there is a list of them (JSON Schema's `items: [..]`). */
  | { one: ElementKind }
  | { list: ElementKind }
  /** Keys are names chosen by the spec's authors (even `example` or `x-internal`); values are elements. */
  | { map: ElementKind }
  /** Keys are names, values are plain data (OAuth scopes: name -> description). */
  | { names: 'scope' }
  | { value: ValueShape };

interface Shape {
  fields: Readonly<Record<string, Slot>>;
  /** Keys that are not fields and not `x-*` extensions: what they hold (paths, responses, callbacks). */
  patterned?: Slot;
}

const SCHEMA_FIELDS: Record<string, Slot> = {
  properties: { map: 'schema' },
  patternProperties: { map: 'schema' },
  $defs: { map: 'schema' },
  definitions: { map: 'schema' },
  dependentSchemas: { map: 'schema' },
  dependencies: { map: 'schema' },
  additionalProperties: { one: 'schema' },
  unevaluatedProperties: { one: 'schema' },
  propertyNames: { one: 'schema' },
  items: { one: 'schema' },
  additionalItems: { one: 'schema' },
  unevaluatedItems: { one: 'schema' },
  contains: { one: 'schema' },
  not: { one: 'schema' },
  if: { one: 'schema' },
  then: { one: 'schema' },
  else: { one: 'schema' },
  contentSchema: { one: 'schema' },
  allOf: { list: 'schema' },
  oneOf: { list: 'schema' },
  anyOf: { list: 'schema' },
  prefixItems: { list: 'schema' },
  discriminator: { one: 'discriminator' },
  xml: { one: 'xml' },
  externalDocs: { one: 'externalDocs' },
  example: { value: 'instance' },
  examples: { value: 'instances' },
  default: { value: 'instance' },
  const: { value: 'instance' },
  enum: { value: 'instances' },
};

const COMMON: Record<Exclude<ElementKind, 'schema' | 'document' | 'components' | 'parameter' | 'header' | 'response' | 'securityScheme'>, Shape> = {
  info: { fields: { contact: { one: 'contact' }, license: { one: 'license' } } },
  contact: { fields: {} },
  license: { fields: {} },
  externalDocs: { fields: {} },
  server: { fields: { variables: { map: 'serverVariable' } } },
  serverVariable: { fields: { enum: { value: 'data' }, default: { value: 'data' } } },
  paths: { fields: {}, patterned: { one: 'pathItem' } },
  pathItem: {
    fields: {
      get: { one: 'operation' }, put: { one: 'operation' }, post: { one: 'operation' }, delete: { one: 'operation' },
      options: { one: 'operation' }, head: { one: 'operation' }, patch: { one: 'operation' }, trace: { one: 'operation' },
      servers: { list: 'server' }, parameters: { list: 'parameter' },
    },
  },
  operation: {
    fields: {
      externalDocs: { one: 'externalDocs' }, parameters: { list: 'parameter' }, requestBody: { one: 'requestBody' },
      responses: { one: 'responses' }, callbacks: { map: 'callback' }, security: { list: 'securityRequirement' }, servers: { list: 'server' },
    },
  },
  requestBody: { fields: { content: { map: 'mediaType' } } },
  mediaType: {
    fields: { schema: { one: 'schema' }, itemSchema: { one: 'schema' }, example: { value: 'instance' }, examples: { map: 'example' }, encoding: { map: 'encoding' } },
  },
  encoding: { fields: { headers: { map: 'header' } } },
  responses: { fields: {}, patterned: { one: 'response' } },
  example: { fields: { value: { value: 'instance' }, dataValue: { value: 'instance' }, serializedValue: { value: 'data' } } },
  link: { fields: { parameters: { value: 'data' }, requestBody: { value: 'data' }, server: { one: 'server' } } },
  callback: { fields: {}, patterned: { one: 'pathItem' } },
  discriminator: { fields: {} },
  xml: { fields: {} },
  tag: { fields: { externalDocs: { one: 'externalDocs' } } },
  oauthFlows: {
    fields: { implicit: { one: 'oauthFlow' }, password: { one: 'oauthFlow' }, clientCredentials: { one: 'oauthFlow' }, authorizationCode: { one: 'oauthFlow' }, deviceAuthorization: { one: 'oauthFlow' } },
  },
  oauthFlow: { fields: { scopes: { names: 'scope' } } },
  // Keys are security scheme names, values lists of scope names: references, not elements.
  securityRequirement: { fields: {}, patterned: { value: 'data' } },
};

const OAS3: Readonly<Record<ElementKind, Shape>> = {
  ...COMMON,
  document: {
    fields: {
      info: { one: 'info' }, servers: { list: 'server' }, paths: { one: 'paths' }, webhooks: { map: 'pathItem' }, components: { one: 'components' },
      security: { list: 'securityRequirement' }, tags: { list: 'tag' }, externalDocs: { one: 'externalDocs' },
    },
  },
  components: {
    fields: {
      schemas: { map: 'schema' }, responses: { map: 'response' }, parameters: { map: 'parameter' }, examples: { map: 'example' },
      requestBodies: { map: 'requestBody' }, headers: { map: 'header' }, securitySchemes: { map: 'securityScheme' }, links: { map: 'link' },
      callbacks: { map: 'callback' }, pathItems: { map: 'pathItem' }, mediaTypes: { map: 'mediaType' },
    },
  },
  parameter: {
    fields: { schema: { one: 'schema' }, content: { map: 'mediaType' }, example: { value: 'instance' }, examples: { map: 'example' } },
  },
  header: {
    fields: { schema: { one: 'schema' }, content: { map: 'mediaType' }, example: { value: 'instance' }, examples: { map: 'example' } },
  },
  response: { fields: { headers: { map: 'header' }, content: { map: 'mediaType' }, links: { map: 'link' } } },
  securityScheme: { fields: { flows: { one: 'oauthFlows' } } },
  schema: { fields: SCHEMA_FIELDS },
};

/** Swagger 2.0: parameters and headers carry their schema inline, responses their examples by media type. */
const OAS2_INLINE_SCHEMA: Record<string, Slot> = {
  schema: { one: 'schema' },
  items: { one: 'schema' },
  default: { value: 'instance' },
  enum: { value: 'instances' },
  'x-example': { value: 'instance' },
};

const OAS2: Readonly<Record<ElementKind, Shape>> = {
  ...COMMON,
  document: {
    fields: {
      info: { one: 'info' }, paths: { one: 'paths' }, definitions: { map: 'schema' }, parameters: { map: 'parameter' }, responses: { map: 'response' },
      securityDefinitions: { map: 'securityScheme' }, security: { list: 'securityRequirement' }, tags: { list: 'tag' }, externalDocs: { one: 'externalDocs' },
    },
  },
  components: { fields: {} },
  pathItem: {
    fields: {
      get: { one: 'operation' }, put: { one: 'operation' }, post: { one: 'operation' }, delete: { one: 'operation' },
      options: { one: 'operation' }, head: { one: 'operation' }, patch: { one: 'operation' }, parameters: { list: 'parameter' },
    },
  },
  operation: {
    fields: { externalDocs: { one: 'externalDocs' }, parameters: { list: 'parameter' }, responses: { one: 'responses' }, security: { list: 'securityRequirement' } },
  },
  parameter: { fields: OAS2_INLINE_SCHEMA },
  header: { fields: OAS2_INLINE_SCHEMA },
  response: { fields: { schema: { one: 'schema' }, headers: { map: 'header' }, examples: { value: 'instancesByMediaType' } } },
  securityScheme: { fields: { scopes: { names: 'scope' } } },
  schema: { fields: { ...SCHEMA_FIELDS, 'x-example': { value: 'instance' } } },
};

const SHAPES: Readonly<Record<OasVersion, Readonly<Record<ElementKind, Shape>>>> = { oas2: OAS2, oas3: OAS3 };

/** Specification extensions: their values are the author's own data. */
export function isExtensionKey(key: string): boolean {
  return key.startsWith('x-');
}

/** The slot a key of an element of `kind` falls in, or undefined for scalar fields and unknown keys. */
const EXTENSION_SLOT: Slot = { value: 'data' };

function getSlot(kind: ElementKind, key: string, version: OasVersion): Slot | undefined {
  const shape = SHAPES[version][kind];
  if (Object.hasOwn(shape.fields, key)) return shape.fields[key];
  if (isExtensionKey(key)) return EXTENSION_SLOT;
  return shape.patterned;
}

/**
 * What a key of an element of `kind` holds: `element` (one element, or a list of them), `elements`
 * (a map of names to elements), `names` (a map of names to plain data), `value` (opaque data), or
 * `field` (a scalar field such as `description`, or a key the structure does not know).
 */
export type FieldRole = 'element' | 'elements' | 'names' | 'value' | 'field';

export function getFieldRole(kind: ElementKind, key: string, version: OasVersion): FieldRole {
  const slot = getSlot(kind, key, version);
  if (!slot) return 'field';
  if ('one' in slot || 'list' in slot) return 'element';
  if ('map' in slot) return 'elements';
  return 'names' in slot ? 'names' : 'value';
}

/** Fields whose text is CommonMark on every kind of element that has them (OpenAPI's rich text). */
const MARKDOWN_FIELDS = new Set(['description']);

/**
 * Whether a field of an element holds CommonMark, which pages show rendered (`_Note:_` as "Note:"). A
 * property named `description` is a name in `properties`, not this field, so it is never one.
 */
export function isMarkdownField(kind: ElementKind, key: string, version: OasVersion): boolean {
  return MARKDOWN_FIELDS.has(key) && getFieldRole(kind, key, version) === 'field';
}

/** The kinds an element of `kind` can hold, directly or further down. */
function getReachableKinds(version: OasVersion): Map<ElementKind, Set<ElementKind>> {
  const direct = new Map<ElementKind, Set<ElementKind>>();
  for (const kind of ELEMENT_KINDS) {
    const shape = SHAPES[version][kind];
    const slots = [...Object.values(shape.fields), ...(shape.patterned ? [shape.patterned] : [])];
    direct.set(kind, new Set(slots.flatMap((slot) => ('one' in slot ? [slot.one] : 'list' in slot ? [slot.list] : 'map' in slot ? [slot.map] : []))));
  }
  const reachable = new Map<ElementKind, Set<ElementKind>>();
  for (const kind of ELEMENT_KINDS) {
    const seen = new Set<ElementKind>();
    const pending = [...direct.get(kind)!];
    while (pending.length) {
      const next = pending.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      pending.push(...direct.get(next)!);
    }
    reachable.set(kind, seen);
  }
  return reachable;
}

const REACHABLE: Record<OasVersion, Map<ElementKind, Set<ElementKind>>> = { oas2: getReachableKinds('oas2'), oas3: getReachableKinds('oas3') };

/**
 * Whether an element of `kind` can hold an element of `target` anywhere below it: a walk looking for
 * operations can skip schemas, whatever their size.
 */
export function mayContain(kind: ElementKind, target: ElementKind, version: OasVersion): boolean {
  return REACHABLE[version].get(kind)!.has(target);
}

/** A `$ref` in a slot of `kind` points at an element of that same kind. */
export function getRefTargetKind(kind: ElementKind): ElementKind {
  return kind;
}

// ---------------------------------------------------------------------------------------------------
// Children and values of one element

/** One element directly held by another. */
export interface ChildElement {
  node: JsonObject;
  kind: ElementKind;
  /** The object or array the child sits in, and its key there: what a caller deletes to remove it. */
  container: JsonObject | Json[];
  key: string | number;
  /** Path segments from the parent element to the child: `['properties', 'name']`, `['allOf', '0']`. */
  segments: string[];
  /** The field of the parent that holds the child (`properties`, `allOf`, `get`, or '' for patterned keys). */
  field: string;
  /** The child's name, when it sits in a map of names or under a patterned key (a path, a status code). */
  name?: string;
}

type ChildCallback = (node: JsonObject, kind: ElementKind, container: JsonObject | Json[], key: string | number, segments: string[], field: string, name: string | undefined) => void;

function emitElements(emit: ChildCallback, value: Json, kind: ElementKind, container: JsonObject | Json[], key: string | number, segments: string[], field: string, name?: string): void {
  if (isObject(value)) {
    emit(value, kind, container, key, segments, field, name);
  } else if (Array.isArray(value)) {
    // `items: [a, b]` (draft 4 tuples) holds a list where a single schema is usual.
    for (let index = 0; index < value.length; index += 1) emitElements(emit, value[index]!, kind, value, index, [...segments, String(index)], field);
  }
}

/** Calls `emit` for each element an element of `kind` holds directly, in document order. */
function forEachChild(node: JsonObject, kind: ElementKind, version: OasVersion, emit: ChildCallback): void {
  const fields = SHAPES[version][kind].fields;
  for (const key in node) {
    if (!Object.hasOwn(node, key)) continue;
    const slot = getSlot(kind, key, version);
    if (!slot) continue;
    const value = node[key]!;
    if ('one' in slot) {
      const isPatterned = !Object.hasOwn(fields, key);
      emitElements(emit, value, slot.one, node, key, [key], isPatterned ? '' : key, isPatterned ? key : undefined);
    } else if ('list' in slot) {
      if (Array.isArray(value)) for (let index = 0; index < value.length; index += 1) emitElements(emit, value[index]!, slot.list, value, index, [key, String(index)], key);
    } else if ('map' in slot) {
      if (isObject(value)) for (const name in value) if (Object.hasOwn(value, name)) emitElements(emit, value[name]!, slot.map, value, name, [key, name], key, name);
    }
  }
}

/** The elements an element of `kind` holds directly, in document order. */
export function getChildElements(node: JsonObject, kind: ElementKind, version: OasVersion): ChildElement[] {
  const out: ChildElement[] = [];
  forEachChild(node, kind, version, (child, childKind, container, key, segments, field, name) => {
    out.push({ node: child, kind: childKind, container, key, segments, field, ...(name !== undefined ? { name } : {}) });
  });
  return out;
}

/** One opaque value held by an element. */
export interface ValueSlot {
  key: string;
  value: Json;
  shape: ValueShape;
}

/** The opaque values an element holds: data, never to be read as elements. */
export function getValueSlots(node: JsonObject, kind: ElementKind, version: OasVersion): ValueSlot[] {
  const out: ValueSlot[] = [];
  for (const [key, value] of Object.entries(node)) {
    const slot = getSlot(kind, key, version);
    if (slot && 'value' in slot) out.push({ key, value, shape: slot.value });
  }
  return out;
}

/** Names held in a map of plain data (OAuth scopes), with the field that holds them. */
export function getDataNames(node: JsonObject, kind: ElementKind, version: OasVersion): { field: string; name: string }[] {
  const out: { field: string; name: string }[] = [];
  for (const [key, value] of Object.entries(node)) {
    const slot = getSlot(kind, key, version);
    if (slot && 'names' in slot && isObject(value)) for (const name of Object.keys(value)) out.push({ field: key, name });
  }
  return out;
}

/**
 * The schema that describes an element's instance values: a schema describes its own, a media type,
 * 3.x parameter or header, a 2.0 body parameter or response its `schema`; a 2.0 parameter or header
 * without one carries its type inline.
 */
export function getDataSchema(node: JsonObject, kind: ElementKind, version: OasVersion): Json | undefined {
  if (kind === 'schema') return node;
  if (node.schema !== undefined && (kind === 'mediaType' || kind === 'parameter' || kind === 'header' || kind === 'response')) return node.schema;
  if (version === 'oas2' && (kind === 'parameter' || kind === 'header')) return node;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// References

/** The canonical pointer of decoded segments: `#/paths/~1pets/get`. Equal paths give equal strings. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.reduce<string>((pointer, segment) => `${pointer}/${escapePointerFragment(String(segment))}`, '#');
}

/** The canonical pointer of a local reference, or undefined when it is not one. */
export function toRefPointer(ref: string): string | undefined {
  const target = toRefTarget(ref);
  return target && toPointer(target);
}

export function isSamePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

/** Whether `path` is `ancestor` or lies inside it. */
export function isWithinPath(path: readonly string[], ancestor: readonly string[]): boolean {
  return path.length >= ancestor.length && ancestor.every((segment, index) => segment === path[index]);
}

/** Where schemas by name live: discriminator mappings may give a bare name instead of a reference. */
export function getSchemaSectionPath(version: OasVersion): string[] {
  return version === 'oas2' ? ['definitions'] : ['components', 'schemas'];
}

/** Where security schemes live: security requirements name them. */
export function getSecuritySchemeSectionPath(version: OasVersion): string[] {
  return version === 'oas2' ? ['securityDefinitions'] : ['components', 'securitySchemes'];
}

/** A discriminator mapping value: a reference, or (a bare name) a schema in the schemas section. */
export function toMappingTarget(value: string, version: OasVersion): string[] | undefined {
  if (value.startsWith('#')) return toRefTarget(value);
  if (/^[A-Za-z0-9._-]+$/.test(value)) return [...getSchemaSectionPath(version), value];
  return undefined;
}

/** What an element refers to. Targets are decoded pointer segments; names are compared as written. */
export type ElementReference =
  /** `$ref`; `target` is undefined for a reference into another document. */
  | { via: '$ref'; raw: string; target?: string[] }
  | { via: 'operationRef'; raw: string; target?: string[] }
  /** A link naming the operationId of an operation. */
  | { via: 'operationId'; name: string }
  | { via: 'mapping'; key: string; raw: string; target?: string[] }
  /** A security requirement naming a scheme: `target` is the scheme's path. */
  | { via: 'securityScheme'; name: string; target: string[] }
  /** An operation naming a tag of the root `tags` list. */
  | { via: 'tag'; index: number; name: string }
  /** A schema's `required` naming a property of itself or of the schemas it combines with. */
  | { via: 'required'; index: number; name: string };

export function getElementReferences(node: JsonObject, kind: ElementKind, version: OasVersion): ElementReference[] {
  const out: ElementReference[] = [];
  if (typeof node.$ref === 'string') out.push({ via: '$ref', raw: node.$ref, ...withTarget(toRefTarget(node.$ref)) });
  if (kind === 'link') {
    if (typeof node.operationRef === 'string') out.push({ via: 'operationRef', raw: node.operationRef, ...withTarget(toRefTarget(node.operationRef)) });
    if (typeof node.operationId === 'string') out.push({ via: 'operationId', name: node.operationId });
  }
  if (kind === 'discriminator' && isObject(node.mapping)) {
    for (const [key, raw] of Object.entries(node.mapping)) {
      if (typeof raw === 'string') out.push({ via: 'mapping', key, raw, ...withTarget(toMappingTarget(raw, version)) });
    }
  }
  if (kind === 'securityRequirement') {
    for (const name of Object.keys(node)) out.push({ via: 'securityScheme', name, target: [...getSecuritySchemeSectionPath(version), name] });
  }
  if (kind === 'operation' && Array.isArray(node.tags)) {
    node.tags.forEach((name, index) => typeof name === 'string' && out.push({ via: 'tag', index, name }));
  }
  if (kind === 'schema' && Array.isArray(node.required)) {
    node.required.forEach((name, index) => typeof name === 'string' && out.push({ via: 'required', index, name }));
  }
  return out;
}

function withTarget(target: string[] | undefined): { target?: string[] } {
  return target ? { target } : {};
}

// ---------------------------------------------------------------------------------------------------
// The walk

export interface ElementVisit {
  node: JsonObject;
  kind: ElementKind;
  /** Decoded path from the document root: `['paths', '/pets', 'get']`. */
  path: string[];
  /** The name under which a map (or a patterned key) holds the element. */
  name?: string;
  /** The field of the parent that holds it (`properties`, `allOf`, `get`; '' for patterned keys). */
  field: string;
  parent?: ElementVisit;
  /** Where it sits, for callers that remove it. Undefined for the document itself. */
  container?: JsonObject | Json[];
  key?: string | number;
  /** The decoded target when the element is a local `$ref`. */
  ref?: string[];
}

export const SKIP_CHILDREN = Symbol('skip children');
export type Visitor = (visit: ElementVisit) => typeof SKIP_CHILDREN | void;

/** A visit computes its path and reference target only when asked: most visits never need them. */
class Visit implements ElementVisit {
  readonly node: JsonObject;
  readonly kind: ElementKind;
  readonly field: string;
  readonly parent?: Visit;
  readonly container?: JsonObject | Json[];
  readonly key?: string | number;
  readonly name?: string;
  private readonly segments: string[];
  private cachedPath?: string[];

  constructor(node: JsonObject, kind: ElementKind, field: string, segments: string[], parent?: Visit, container?: JsonObject | Json[], key?: string | number, name?: string) {
    this.node = node;
    this.kind = kind;
    this.field = field;
    this.segments = segments;
    if (parent) this.parent = parent;
    if (container !== undefined) this.container = container;
    if (key !== undefined) this.key = key;
    if (name !== undefined) this.name = name;
  }

  get path(): string[] {
    if (!this.cachedPath) this.cachedPath = this.parent ? [...this.parent.path, ...this.segments] : this.segments;
    return this.cachedPath;
  }

  get ref(): string[] | undefined {
    return typeof this.node.$ref === 'string' ? toRefTarget(this.node.$ref) : undefined;
  }
}

/** The kind of the root: a document; a fragment can be walked from any kind. */
export function visitElements(root: JsonObject, version: OasVersion, visit: Visitor, kind: ElementKind = 'document', path: string[] = []): void {
  visitOne(new Visit(root, kind, '', path), version, visit);
}

function visitOne(current: Visit, version: OasVersion, visit: Visitor): void {
  if (visit(current) === SKIP_CHILDREN) return;
  const children: Visit[] = [];
  forEachChild(current.node, current.kind, version, (node, kind, container, key, segments, field, name) => {
    children.push(new Visit(node, kind, field, segments, current, container, key, name));
  });
  for (const child of children) visitOne(child, version, visit);
}

/** The version of a parsed description, from its `swagger` / `openapi` field. */
export function getOasVersion(document: JsonObject): OasVersion {
  return typeof document.swagger === 'string' ? 'oas2' : 'oas3';
}
