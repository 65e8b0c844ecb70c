// Element-level audience filtering. Any element may carry `x-audience`, `x-internal: true` (Redocly's
// shorthand for internal) or `x-partners`; an element is visible only where it and all its ancestors are.
// Removing an element also removes or rewrites everything that refers to it, prunes components that
// only removed elements used, and strips the audience markers themselves from what others may see.
import { isAudience, isPartnerId, isVisibleTo, type Audience, type BuildTarget } from '../core/audience.ts';
import { getByPointer, isObject, escapePointerSegment, type Json, type JsonObject } from '../core/openapi-shape.ts';

export const AUDIENCE_MARKERS = ['x-audience', 'x-internal', 'x-partners'] as const;

/** Keys whose values are data (examples, defaults), never elements: markers inside them mean nothing. */
const VALUE_KEYS = new Set(['example', 'default', 'enum', 'const', 'value', 'x-examples', 'x-example']);

/**
 * `examples` is data in Swagger 2.0 (values by media type) and in 3.1 schemas (an array), but a map of
 * Example objects, which are elements, in 3.x media types, parameters and headers.
 */
function isValueKey(key: string, value: Json, version: Version, container = ''): boolean {
  // In a map of names (properties, schemas, ...) a key is a name, even `default` or `example`.
  if (NAME_MAPS.has(container)) return false;
  if (key === 'examples') return version === 'oas2' || !isObject(value);
  return VALUE_KEYS.has(key);
}

/** Containers whose keys are names chosen by the spec's authors, never OpenAPI keywords. */
const NAME_MAPS = new Set([
  'properties', 'patternProperties', 'definitions', 'schemas', 'parameters', 'responses', 'headers', 'content',
  'links', 'callbacks', 'securitySchemes', 'securityDefinitions', 'requestBodies', 'pathItems', 'paths',
  'webhooks', 'variables', 'encoding', 'dependentSchemas', '$defs', 'scopes',
]);

type Version = 'oas2' | 'oas3';
/** Maps that a removal may leave empty, which are then dropped instead of kept as `{}`. */
const DROPPABLE_WHEN_EMPTIED = new Set(['callbacks', 'links', 'headers', 'examples', 'webhooks', 'servers', 'tags', 'content']);
/** Component sections (3.x under `components`, 2.0 at the root) that can be pruned when unused. */
const OAS2_COMPONENT_SECTIONS = ['definitions', 'parameters', 'responses', 'securityDefinitions'] as const;

export interface DeclaredVisibility {
  audience: Audience;
  partners?: string[];
}

/**
 * What a node says about its own audience, or undefined when it says nothing. A value that is not
 * valid counts as internal: lint reports it, and the build never guesses wider.
 */
export function getDeclaredVisibility(node: JsonObject): DeclaredVisibility | undefined {
  const hasAudience = Object.hasOwn(node, 'x-audience');
  const hasInternal = Object.hasOwn(node, 'x-internal');
  const hasPartners = Object.hasOwn(node, 'x-partners');
  if (!hasAudience && !hasInternal && !hasPartners) return undefined;
  if (hasInternal && node['x-internal'] !== false) return { audience: 'internal' };
  const rawAudience = node['x-audience'];
  let audience: Audience = hasAudience ? (isAudience(rawAudience) ? rawAudience : 'internal') : hasPartners ? 'partner' : 'open';
  let partners: string[] | undefined;
  if (hasPartners) {
    const raw = node['x-partners'];
    if (!Array.isArray(raw) || raw.length === 0 || !raw.every(isPartnerId)) audience = 'internal';
    else if (audience === 'partner') partners = raw as string[];
  }
  return { audience, partners };
}

export function isElementVisible(node: JsonObject, target: BuildTarget): boolean {
  const declared = getDeclaredVisibility(node);
  return !declared || isVisibleTo(declared.audience, declared.partners, target);
}

const OPERATION_KEYS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function getOperations(pathItem: JsonObject): JsonObject[] {
  return Object.entries(pathItem).filter(([key, value]) => OPERATION_KEYS.has(key) && isObject(value)).map(([, value]) => value as JsonObject);
}

/**
 * A path item whose every operation is hidden is hidden too: its path alone would tell the audience
 * that something exists there.
 */
export function isPathItemHidden(pathItem: JsonObject, target: BuildTarget): boolean {
  if (!isElementVisible(pathItem, target)) return true;
  const operations = getOperations(pathItem);
  return operations.length > 0 && operations.every((operation) => !isElementVisible(operation, target));
}

/**
 * Whether a child element is hidden from `target`, given the keys of the map that holds it and of
 * that map's parent. Path items (under paths, webhooks, components.pathItems or a callback) are hidden
 * when every operation in them is; everything else by its own markers.
 */
export function isHiddenChild(child: JsonObject, containerKey: string, grandContainerKey: string, target: BuildTarget): boolean {
  const holdsPathItems = containerKey === 'paths' || containerKey === 'webhooks' || containerKey === 'pathItems' || grandContainerKey === 'callbacks';
  return holdsPathItems ? isPathItemHidden(child, target) : !isElementVisible(child, target);
}

export interface FilterResult {
  document: JsonObject;
  /** JSON pointers of the elements removed, directly or because they referred to removed ones. */
  removed: string[];
}


interface FilterState {
  target: BuildTarget;
  version: Version;
  /** Containers a removal emptied. */
  emptied: Set<object>;
  /** The 3.x components object, whose sections are dropped when pruning empties them. */
  components?: JsonObject;
  removed: Set<string>;
  removedOperationIds: Set<string>;
  removedTags: Set<string>;
  /** Property names removed from each schema object, for `required` and examples. */
  removedProperties: WeakMap<object, Set<string>>;
  schemasWithRemovals: JsonObject[];
}

/** operationIds of the operations (objects with responses) in a removed subtree; links also name them. */
function collectOperationIds(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) node.forEach((child) => collectOperationIds(child, into));
  else if (isObject(node)) {
    if (typeof node.operationId === 'string' && node.responses !== undefined) into.add(node.operationId);
    for (const [key, child] of Object.entries(node)) if (!VALUE_KEYS.has(key) && key !== 'links') collectOperationIds(child, into);
  }
}

function recordRemoval(state: FilterState, pointer: string, node: JsonObject, parentKey: string | undefined, grandparentKey: string | undefined): void {
  state.removed.add(pointer);
  collectOperationIds(node, state.removedOperationIds);
  if (parentKey === 'tags' && grandparentKey === '' && typeof node.name === 'string') state.removedTags.add(node.name);
}

/** Step 1: drop every element the target may not see, top-down, so children go with their parents. */
function removeHidden(node: Json, pointer: string, state: FilterState, key: string, parentKey: string, parent: Json | undefined): void {
  if (Array.isArray(node)) {
    for (let index = node.length - 1; index >= 0; index -= 1) {
      const child = node[index]!;
      if (isObject(child) && !isElementVisible(child, state.target)) {
        recordRemoval(state, `${pointer}/${index}`, child, key, parentKey);
        node.splice(index, 1);
        if (node.length === 0) state.emptied.add(node);
      }
    }
    node.forEach((child, index) => removeHidden(child, `${pointer}/${index}`, state, String(index), key, node));
    return;
  }
  if (!isObject(node)) return;
  for (const [childKey, child] of Object.entries(node)) {
    if (isValueKey(childKey, child, state.version, key)) continue;
    const childPointer = `${pointer}/${escapePointerSegment(childKey)}`;
    // The API's own audience was decided already; info is kept, but its parts (contact, ...) may narrow.
    if (pointer === '#' && childKey === 'info') {
      removeHidden(child, childPointer, state, childKey, key, node);
      continue;
    }
    const hidden = isObject(child) && isHiddenChild(child, key, parentKey, state.target);
    if (isObject(child) && hidden) {
      recordRemoval(state, childPointer, child, key, parentKey);
      delete node[childKey];
      if (Object.keys(node).length === 0) state.emptied.add(node);
      // A removed property is remembered on its schema, for `required` and for examples.
      if (key === 'properties' && isObject(parent)) rememberRemovedProperty(state, parent, childKey);
      continue;
    }
    removeHidden(child, childPointer, state, childKey, key, node);
  }
}

/** A schema that lost properties no longer requires them. */
function fixRequiredLists(state: FilterState): void {
  for (const schema of state.schemasWithRemovals) {
    const gone = state.removedProperties.get(schema);
    if (!gone || !Array.isArray(schema.required)) continue;
    schema.required = schema.required.filter((name) => typeof name !== 'string' || !gone.has(name));
    if (schema.required.length === 0) delete schema.required;
  }
}

function isRemovedRef(ref: string, removed: Set<string>): boolean {
  if (!ref.startsWith('#')) return false;
  for (let cut = ref.length; cut > 1; cut = ref.lastIndexOf('/', cut - 1)) {
    if (removed.has(ref.slice(0, cut))) return true;
    if (cut <= 0) break;
  }
  return false;
}

function toSchemaRef(value: string, version: 'oas2' | 'oas3'): string {
  if (value.startsWith('#')) return value;
  return version === 'oas2' ? `#/definitions/${escapePointerSegment(value)}` : `#/components/schemas/${escapePointerSegment(value)}`;
}

/**
 * Step 2: everything that points at a removed element goes with it or is rewritten: `$ref`s,
 * discriminator mappings, links to removed operations, tags on operations. Returns whether anything
 * changed, since a removal can leave another reference dangling.
 */
function removeDanglingReferences(node: Json, pointer: string, state: FilterState, version: 'oas2' | 'oas3', key: string, parent?: Json): boolean {
  let changed = false;
  const isDangling = (child: Json): boolean => {
    if (!isObject(child)) return false;
    if (typeof child.$ref === 'string' && isRemovedRef(child.$ref, state.removed)) return true;
    // A link to an operation this audience cannot see would be a dead end.
    if (key === 'links' || pointer.endsWith('/links')) {
      if (typeof child.operationId === 'string' && state.removedOperationIds.has(child.operationId)) return true;
      if (typeof child.operationRef === 'string' && isRemovedRef(child.operationRef, state.removed)) return true;
    }
    return false;
  };
  if (Array.isArray(node)) {
    for (let index = node.length - 1; index >= 0; index -= 1) {
      if (isDangling(node[index]!)) {
        state.removed.add(`${pointer}/${index}`);
        node.splice(index, 1);
        changed = true;
      }
    }
    if (changed && node.length === 0) state.emptied.add(node);
    node.forEach((child, index) => (changed = removeDanglingReferences(child, `${pointer}/${index}`, state, version, key, node) || changed));
    return changed;
  }
  if (!isObject(node)) return changed;
  if (isObject(node.discriminator) && isObject(node.discriminator.mapping)) {
    for (const [value, target] of Object.entries(node.discriminator.mapping)) {
      if (typeof target === 'string' && isRemovedRef(toSchemaRef(target, version), state.removed)) {
        delete node.discriminator.mapping[value];
        changed = true;
      }
    }
  }
  if (Array.isArray(node.tags) && state.removedTags.size && pointer !== '#') {
    const kept = node.tags.filter((tag) => typeof tag !== 'string' || !state.removedTags.has(tag));
    if (kept.length !== node.tags.length) {
      if (kept.length) node.tags = kept;
      else delete node.tags;
      changed = true;
    }
  }
  for (const [childKey, child] of Object.entries(node)) {
    if (isValueKey(childKey, child, version, key)) continue;
    const childPointer = `${pointer}/${escapePointerSegment(childKey)}`;
    if (isDangling(child)) {
      state.removed.add(childPointer);
      collectOperationIds(child as JsonObject, state.removedOperationIds);
      delete node[childKey];
      if (Object.keys(node).length === 0) state.emptied.add(node);
      if (key === 'properties' && isObject(parent)) rememberRemovedProperty(state, parent, childKey);
      changed = true;
      continue;
    }
    changed = removeDanglingReferences(child, childPointer, state, version, childKey, node) || changed;
  }
  return changed;
}

function rememberRemovedProperty(state: FilterState, schema: JsonObject, name: string): void {
  const gone = state.removedProperties.get(schema) ?? new Set<string>();
  if (gone.size === 0) state.schemasWithRemovals.push(schema);
  gone.add(name);
  state.removedProperties.set(schema, gone);
}

function getSecuritySchemes(document: JsonObject, version: 'oas2' | 'oas3'): JsonObject {
  const holder = version === 'oas2' ? document.securityDefinitions : isObject(document.components) ? document.components.securitySchemes : undefined;
  return isObject(holder) ? holder : {};
}

/** Step 3: a security requirement naming a removed scheme is dropped. */
function fixSecurityRequirements(node: Json, schemes: JsonObject, isRoot: boolean): void {
  if (Array.isArray(node)) {
    node.forEach((child) => fixSecurityRequirements(child, schemes, false));
    return;
  }
  if (!isObject(node)) return;
  // Security requirements live on the root and on operations (the objects with responses).
  if (Array.isArray(node.security) && (isRoot || node.responses !== undefined)) {
    const before = node.security.length;
    node.security = node.security.filter((requirement) => !isObject(requirement) || Object.keys(requirement).every((name) => Object.hasOwn(schemes, name)));
    // An operation whose every way in was removed says nothing, rather than "no authentication".
    if (before > 0 && node.security.length === 0) delete node.security;
  }
  for (const [childKey, child] of Object.entries(node)) {
    if (childKey !== 'components' && !(VALUE_KEYS.has(childKey) && !isObject(child))) fixSecurityRequirements(child, schemes, false);
  }
}

function resolveSchema(document: JsonObject, schema: Json, depth: number): JsonObject | undefined {
  let node: Json | undefined = schema;
  for (let hops = 0; isObject(node) && typeof node.$ref === 'string' && hops < 16; hops += 1) node = getByPointer(document, node.$ref);
  return depth > 32 || !isObject(node) ? undefined : node;
}

/** Removes keys of removed properties from an example value, following the schema. */
function pruneExampleValue(value: Json, schema: Json | undefined, state: FilterState, document: JsonObject, depth = 0): void {
  const resolved = resolveSchema(document, schema ?? null, depth);
  if (!resolved || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item) => pruneExampleValue(item, resolved.items, state, document, depth + 1));
    return;
  }
  const gone = state.removedProperties.get(resolved);
  if (gone) for (const name of gone) delete value[name];
  const properties = isObject(resolved.properties) ? resolved.properties : {};
  for (const [name, child] of Object.entries(value)) {
    if (Object.hasOwn(properties, name)) pruneExampleValue(child, properties[name], state, document, depth + 1);
  }
  for (const kind of ['allOf', 'oneOf', 'anyOf'] as const) {
    const branches = resolved[kind];
    if (Array.isArray(branches)) branches.forEach((branch) => pruneExampleValue(value, branch, state, document, depth + 1));
  }
}

/** Step 4: examples may not keep the values of properties this audience cannot see. */
function pruneExamples(node: Json, state: FilterState, document: JsonObject): void {
  if (Array.isArray(node)) {
    node.forEach((child) => pruneExamples(child, state, document));
    return;
  }
  if (!isObject(node)) return;
  const schema = node.schema !== undefined ? node.schema : node.properties || node.allOf || node.items ? node : undefined;
  if (schema !== undefined) {
    if ('example' in node) pruneExampleValue(node.example as Json, schema, state, document);
    if (Array.isArray(node.examples)) node.examples.forEach((value) => pruneExampleValue(value, schema, state, document));
    else if (isObject(node.examples)) {
      for (const example of Object.values(node.examples)) {
        // Swagger 2.0 responses: examples keyed by media type hold the values directly.
        if (state.version === 'oas2') {
          pruneExampleValue(example, schema, state, document);
          continue;
        }
        const resolved = isObject(example) && typeof example.$ref === 'string' ? getByPointer(document, example.$ref) : example;
        if (isObject(resolved) && 'value' in resolved) pruneExampleValue(resolved.value as Json, schema, state, document);
      }
    }
    if (isObject(node['x-examples'])) for (const value of Object.values(node['x-examples'])) pruneExampleValue(value, schema, state, document);
  }
  for (const [key, child] of Object.entries(node)) if (!(VALUE_KEYS.has(key) && !isObject(child))) pruneExamples(child, state, document);
}

function getComponentSections(document: JsonObject, version: 'oas2' | 'oas3'): { pointer: string; section: JsonObject }[] {
  if (version === 'oas2') {
    return OAS2_COMPONENT_SECTIONS.filter((name) => isObject(document[name])).map((name) => ({ pointer: `#/${name}`, section: document[name] as JsonObject }));
  }
  const components = isObject(document.components) ? document.components : {};
  return Object.entries(components)
    .filter(([, section]) => isObject(section))
    .map(([name, section]) => ({ pointer: `#/components/${escapePointerSegment(name)}`, section: section as JsonObject }));
}

function collectReferences(node: Json, into: Set<string>, version: 'oas2' | 'oas3', schemes: JsonObject, schemePointer: string, container = ''): void {
  if (Array.isArray(node)) {
    node.forEach((child) => collectReferences(child, into, version, schemes, schemePointer));
    return;
  }
  if (!isObject(node)) return;
  if (typeof node.$ref === 'string') into.add(node.$ref);
  if (isObject(node.discriminator) && isObject(node.discriminator.mapping)) {
    for (const target of Object.values(node.discriminator.mapping)) if (typeof target === 'string') into.add(toSchemaRef(target, version));
  }
  if (Array.isArray(node.security)) {
    for (const requirement of node.security) {
      if (isObject(requirement)) for (const name of Object.keys(requirement)) into.add(`${schemePointer}/${escapePointerSegment(name)}`);
    }
  }
  for (const [key, child] of Object.entries(node)) {
    if (!isValueKey(key, child, version, container)) collectReferences(child, into, version, schemes, schemePointer, key);
  }
}

/**
 * Step 5: components nothing visible uses are removed, transitively. Only the internal site keeps
 * components that nothing uses at all.
 */
function pruneUnusedComponents(document: JsonObject, version: 'oas2' | 'oas3', state: FilterState): void {
  const sections = getComponentSections(document, version);
  const schemes = getSecuritySchemes(document, version);
  const schemePointer = version === 'oas2' ? '#/securityDefinitions' : '#/components/securitySchemes';
  const sectionNodes = new Set<Json>(sections.map((s) => s.section));
  const reachable = new Set<string>();
  const pending: string[] = [];
  const roots = new Set<string>();
  for (const [key, value] of Object.entries(document)) {
    if (key === 'components' || (version === 'oas2' && sectionNodes.has(value))) continue;
    collectReferences(key === 'security' ? { security: value } : value, roots, version, schemes, schemePointer);
  }
  pending.push(...roots);
  while (pending.length) {
    const ref = pending.pop()!;
    const componentPointer = sections.map((s) => s.pointer).find((p) => ref.startsWith(`${p}/`));
    if (!componentPointer) continue;
    const name = ref.slice(componentPointer.length + 1).split('/')[0]!;
    const key = `${componentPointer}/${name}`;
    if (reachable.has(key)) continue;
    reachable.add(key);
    const found = new Set<string>();
    collectReferences(getByPointer(document, key) ?? null, found, version, schemes, schemePointer);
    pending.push(...found);
  }
  for (const { pointer, section } of sections) {
    for (const name of Object.keys(section)) {
      const key = `${pointer}/${escapePointerSegment(name)}`;
      if (!reachable.has(key)) {
        delete section[name];
        state.removed.add(key);
        if (Object.keys(section).length === 0) state.emptied.add(section);
      }
    }
  }
}

/** Step 6: who-may-see-what is itself internal knowledge. */
export function stripAudienceMarkers(node: Json, version: Version, container = ''): void {
  if (Array.isArray(node)) {
    node.forEach((child) => stripAudienceMarkers(child, version));
    return;
  }
  if (!isObject(node)) return;
  // In a map of names, `x-audience` would be a name (a property called so), not a marker.
  if (!NAME_MAPS.has(container)) for (const marker of AUDIENCE_MARKERS) delete node[marker];
  for (const [key, child] of Object.entries(node)) if (!isValueKey(key, child, version, container)) stripAudienceMarkers(child, version, key);
}

/** Maps and lists that removals emptied are dropped rather than left as `{}` or `[]`. */
function dropEmptied(node: Json, state: FilterState, container = '', isRoot = false): void {
  if (Array.isArray(node)) {
    node.forEach((child) => dropEmptied(child, state));
    return;
  }
  if (!isObject(node)) return;
  for (const [key, child] of Object.entries(node)) {
    if (isValueKey(key, child, state.version, container)) continue;
    dropEmptied(child, state, key);
    const isEmpty = (Array.isArray(child) && child.length === 0) || (isObject(child) && Object.keys(child).length === 0);
    const droppable =
      DROPPABLE_WHEN_EMPTIED.has(key) ||
      container === 'callbacks' || // a callback with no path item left
      node === state.components ||
      (isRoot && (key === 'components' || (OAS2_COMPONENT_SECTIONS as readonly string[]).includes(key)));
    if (isEmpty && state.emptied.has(child as object) && droppable) {
      delete node[key];
      if (Object.keys(node).length === 0) state.emptied.add(node);
    }
  }
}

/**
 * The description as `target` may see it. The internal site sees everything as written; every other
 * site gets a copy with hidden elements and their traces removed and the markers stripped.
 */
export function filterDocument(original: JsonObject, target: BuildTarget, version: 'oas2' | 'oas3'): FilterResult {
  if (target.audience === 'internal') return { document: original, removed: [] };
  const document = structuredClone(original);
  const state: FilterState = {
    target,
    version,
    emptied: new Set(),
    removed: new Set(),
    removedOperationIds: new Set(),
    removedTags: new Set(),
    removedProperties: new WeakMap(),
    schemasWithRemovals: [],
  };
  removeHidden(document, '#', state, '', '', undefined);
  for (let round = 0; round < 8 && removeDanglingReferences(document, '#', state, version, ''); round += 1);
  fixRequiredLists(state);
  fixSecurityRequirements(document, getSecuritySchemes(document, version), true);
  pruneExamples(document, state, document);
  pruneUnusedComponents(document, version, state);
  for (let round = 0; round < 8 && removeDanglingReferences(document, '#', state, version, ''); round += 1);
  state.components = isObject(document.components) ? document.components : undefined;
  dropEmptied(document, state, '', true);
  stripAudienceMarkers(document, version);
  return { document, removed: [...state.removed].sort() };
}
