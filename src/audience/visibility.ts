// Element-level audience filtering. Any element may carry `x-audience`, `x-internal: true` (Redocly's
// shorthand for internal) or `x-partners`; an element is visible only where it and all its ancestors are.
// Removing an element also removes or rewrites everything that refers to it, prunes components that
// only removed elements used, and strips the audience markers themselves from what others may see.
//
// Every step reads the description through the OpenAPI structure table (core/openapi-structure.ts):
// which keys hold elements, which hold names, which hold opaque values, and what a reference points at
// as decoded pointer segments. No step follows a reference without remembering where it has been, so
// the whole filter is linear in the size of the description (polymorphic schemas included).
import { AUDIENCE_MARKERS, getDeclaredVisibility, isVisibleTo, type BuildTarget } from '../core/audience.ts';
import { isObject, type Json, type JsonObject } from '../core/openapi-shape.ts';
import {
  getAtPath,
  getChildElements,
  getDataSchema,
  getElementReferences,
  getSecuritySchemeSectionPath,
  getValueSlots,
  mayContain,
  SKIP_CHILDREN,
  toPointer,
  toRefTarget,
  visitElements,
  type ElementKind,
  type ElementVisit,
  type OasVersion,
} from '../core/openapi-structure.ts';

export { AUDIENCE_MARKERS, getDeclaredVisibility, type DeclaredVisibility } from '../core/audience.ts';

export function isElementVisible(node: JsonObject, target: BuildTarget): boolean {
  const declared = getDeclaredVisibility(node);
  return !declared || isVisibleTo(declared.audience, declared.partners, target);
}

function getOperations(pathItem: JsonObject, version: OasVersion = 'oas3'): JsonObject[] {
  return getChildElements(pathItem, 'pathItem', version).filter((child) => child.kind === 'operation').map((child) => child.node);
}

/**
 * A path item whose every operation is hidden is hidden too: its path alone would tell the audience
 * that something exists there.
 */
export function isPathItemHidden(pathItem: JsonObject, target: BuildTarget, version: OasVersion = 'oas3'): boolean {
  if (!isElementVisible(pathItem, target)) return true;
  const operations = getOperations(pathItem, version);
  return operations.length > 0 && operations.every((operation) => !isElementVisible(operation, target));
}

/** Whether an element of `kind` is hidden from `target` by its own markers (path items: or by all their operations'). */
export function isElementHidden(node: JsonObject, kind: ElementKind, target: BuildTarget, version: OasVersion = 'oas3'): boolean {
  if (kind === 'document' || kind === 'info') return false;
  return kind === 'pathItem' ? isPathItemHidden(node, target, version) : !isElementVisible(node, target);
}

export interface FilterResult {
  document: JsonObject;
  /** JSON pointers of the elements removed, directly or because they referred to removed ones. */
  removed: string[];
}

/** What a removal inside a schema takes away from the instances it describes (examples, defaults). */
interface SchemaRemovals {
  properties: Set<string>;
  patterns: string[];
  /** additionalProperties (or unevaluatedProperties) was removed: undeclared keys go. */
  additional: boolean;
  /** items was removed: array instances lose every item. */
  items: boolean;
}

interface FilterState {
  document: JsonObject;
  target: BuildTarget;
  version: OasVersion;
  /** Canonical pointers of removed elements. */
  removed: Set<string>;
  /** Containers a removal took something from: dropped at the end if that left them empty and the structure allows. */
  touched: Set<object>;
  /** Property names that removed schemas declared (themselves and through allOf), by pointer: a removed `$ref` to one takes them along. */
  declaredByRemoved: Map<string, string[]>;
  /** Array entries to remove once a walk is over (indices would shift under it). */
  pendingSplices: Map<Json[], number[]>;
  removedOperationIds: Set<string>;
  /** Names of root tags removed by their own markers. */
  removedTags: Set<string>;
  schemaRemovals: WeakMap<JsonObject, SchemaRemovals>;
  /** Every property name removed anywhere in the document: the last line of defence for examples. */
  removedPropertyNames: Set<string>;
  /** Media types, parameters, headers and 2.0 responses whose schema was removed: their examples describe hidden content. */
  lostSchema: WeakSet<JsonObject>;
}

/** Removes one element where it sits and records what its removal takes with it. */
function removeElement(state: FilterState, visit: ElementVisit): void {
  state.removed.add(toPointer(visit.path));
  if (visit.kind === 'schema') state.declaredByRemoved.set(toPointer(visit.path), getDeclaredNames(state, visit.node));
  visitElements(visit.node, state.version, (inner) => {
    if (inner.kind === 'operation' && typeof inner.node.operationId === 'string') state.removedOperationIds.add(inner.node.operationId);
    return mayContain(inner.kind, 'operation', state.version) ? undefined : SKIP_CHILDREN;
  }, visit.kind, visit.path);
  if (visit.kind === 'tag' && visit.parent?.kind === 'document' && typeof visit.node.name === 'string') state.removedTags.add(visit.node.name);
  // What describes its own instances loses their hidden part: a schema, and a 2.0 parameter or header without `schema`.
  if (visit.parent && getDataSchema(visit.parent.node, visit.parent.kind, state.version) === visit.parent.node) rememberSchemaRemoval(state, visit.parent.node, visit);
  if (visit.field === 'schema' && visit.parent) state.lostSchema.add(visit.parent.node);
  const { container, key } = visit;
  if (container === undefined || key === undefined) return;
  if (Array.isArray(container)) {
    // Where it is now: an earlier round may have removed a sibling before it.
    const index = container.indexOf(visit.node);
    if (index < 0) return;
    const indices = state.pendingSplices.get(container) ?? [];
    indices.push(index);
    state.pendingSplices.set(container, indices);
  } else {
    delete container[key as string];
    state.touched.add(container);
  }
}

/** Property names a schema declares itself and through `allOf` (references followed once each). */
function getDeclaredNames(state: FilterState, schema: JsonObject): string[] {
  const names = new Set<string>();
  const seen = new Set<JsonObject>();
  const pending: JsonObject[] = [schema];
  while (pending.length) {
    const node = pending.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (typeof node.$ref === 'string') {
      const target = toRefTarget(node.$ref);
      const resolved = target ? getAtPath(state.document, target) : undefined;
      if (isObject(resolved)) pending.push(resolved);
      else if (target) for (const name of state.declaredByRemoved.get(toPointer(target)) ?? []) names.add(name);
    }
    if (isObject(node.properties)) for (const name of Object.keys(node.properties)) names.add(name);
    if (Array.isArray(node.allOf)) for (const branch of node.allOf) if (isObject(branch)) pending.push(branch);
  }
  return [...names];
}

function rememberSchemaRemoval(state: FilterState, schema: JsonObject, visit: ElementVisit): void {
  const removals = state.schemaRemovals.get(schema) ?? { properties: new Set(), patterns: [], additional: false, items: false };
  state.schemaRemovals.set(schema, removals);
  // A removed allOf branch takes the properties it brought with it.
  if (visit.field === 'allOf') for (const name of getDeclaredNames(state, visit.node)) removals.properties.add(name);
  if (visit.field === 'properties' && visit.name !== undefined) removals.properties.add(visit.name);
  if (visit.field === 'properties' && visit.name !== undefined) state.removedPropertyNames.add(visit.name);
  else if (visit.field === 'patternProperties' && visit.name !== undefined) removals.patterns.push(visit.name);
  else if (visit.field === 'additionalProperties' || visit.field === 'unevaluatedProperties') removals.additional = true;
  else if (visit.field === 'items' || visit.field === 'prefixItems') removals.items = true;
}

/** Array removals are applied after the walk, from the highest index down. */
function applySplices(state: FilterState): void {
  for (const [list, indices] of state.pendingSplices) {
    for (const index of [...new Set(indices)].sort((a, b) => b - a)) list.splice(index, 1);
    state.touched.add(list);
  }
  state.pendingSplices.clear();
}

/** Step 1: every element the target may not see goes, with everything inside it. */
function removeHiddenElements(state: FilterState): void {
  visitElements(state.document, state.version, (visit) => {
    if (!isElementHidden(visit.node, visit.kind, state.target, state.version)) return undefined;
    removeElement(state, visit);
    return SKIP_CHILDREN;
  });
  applySplices(state);
}

function isWithinRemoved(target: readonly string[] | undefined, removed: ReadonlySet<string>): boolean {
  if (!target) return false;
  let pointer = '#';
  for (const segment of target) {
    pointer += toPointer([segment]).slice(1);
    if (removed.has(pointer)) return true;
  }
  return false;
}

function collectOperationIds(document: JsonObject, version: OasVersion): Set<string> {
  const ids = new Set<string>();
  visitElements(document, version, (visit) => {
    if (visit.kind === 'operation' && typeof visit.node.operationId === 'string') ids.add(visit.node.operationId);
    return mayContain(visit.kind, 'operation', version) ? undefined : SKIP_CHILDREN;
  });
  return ids;
}

/**
 * Checks one element that refers to others: a reference to a removed element removes the element
 * holding it (returns true); discriminator mappings and operation tags are rewritten in place.
 */
function fixReferences(state: FilterState, visit: ElementVisit, visibleOperationIds: ReadonlySet<string>): boolean {
  for (const reference of getElementReferences(visit.node, visit.kind, state.version)) {
    const dangles =
      ((reference.via === '$ref' || reference.via === 'operationRef') && isWithinRemoved(reference.target, state.removed)) ||
      // A link to an operation this audience cannot see would be a dead end.
      (reference.via === 'operationId' && state.removedOperationIds.has(reference.name) && !visibleOperationIds.has(reference.name));
    if (dangles && visit.container !== undefined) {
      removeElement(state, visit);
      return true;
    }
    if (reference.via === 'mapping' && isWithinRemoved(reference.target, state.removed)) delete (visit.node.mapping as JsonObject)[reference.key];
  }
  if (visit.kind === 'operation' && Array.isArray(visit.node.tags) && state.removedTags.size) {
    const kept = visit.node.tags.filter((tag) => typeof tag !== 'string' || !state.removedTags.has(tag));
    if (kept.length) visit.node.tags = kept;
    else delete visit.node.tags;
  }
  return false;
}

/** Whether an element visited earlier is still in the document: it and each ancestor still sit where they were. */
function isAttached(visit: ElementVisit): boolean {
  for (let current: ElementVisit | undefined = visit; current?.container !== undefined; current = current.parent) {
    const { container, key, node } = current;
    if (Array.isArray(container) ? !container.includes(node) : container[key as string] !== node) return false;
  }
  return true;
}

/**
 * Step 2: everything that points at a removed element goes with it or is rewritten: `$ref`s,
 * discriminator mappings, links to removed operations, tags on operations. A removal can leave another
 * reference dangling, so this repeats until nothing changes; the repeats look only at the elements
 * that refer to something, found by the first walk.
 */
function removeDanglingReferences(state: FilterState): void {
  const referring: ElementVisit[] = [];
  let visibleOperationIds = collectOperationIds(state.document, state.version);
  let removedBefore = state.removed.size;
  visitElements(state.document, state.version, (visit) => {
    const refersToSomething = getElementReferences(visit.node, visit.kind, state.version).length > 0;
    if (!refersToSomething) return undefined;
    if (fixReferences(state, visit, visibleOperationIds)) return SKIP_CHILDREN;
    referring.push(visit);
    return undefined;
  });
  applySplices(state);
  // Each round removes at least one element, so this ends.
  while (state.removed.size > removedBefore) {
    removedBefore = state.removed.size;
    visibleOperationIds = collectOperationIds(state.document, state.version);
    for (const visit of referring) if (isAttached(visit)) fixReferences(state, visit, visibleOperationIds);
    applySplices(state);
  }
}

/** Follows `$ref` chains to the schema they name, remembering where it has been. */
function resolveRef(state: FilterState, node: JsonObject): JsonObject | undefined {
  const seen = new Set<JsonObject>();
  let current: Json | undefined = node;
  while (isObject(current) && typeof current.$ref === 'string' && !seen.has(current)) {
    seen.add(current);
    const target = toRefTarget(current.$ref);
    const next: Json | undefined = target ? getAtPath(state.document, target) : undefined;
    if (!isObject(next)) return current;
    current = next;
  }
  return isObject(current) ? current : undefined;
}

/**
 * Schemas combined through `allOf` describe one object, so a `required` list in one of them may name
 * a property of another. Union-find over schema nodes joined by `allOf` (through `$ref`s).
 */
class SchemaGroups {
  private readonly parent = new Map<JsonObject, JsonObject>();

  find(node: JsonObject): JsonObject {
    let root = node;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let current = node;
    while (current !== root) {
      const next = this.parent.get(current)!;
      this.parent.set(current, root);
      current = next;
    }
    return root;
  }

  join(a: JsonObject, b: JsonObject): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootA, rootB);
  }
}

/** Step 3: a `required` list no longer names a property removed from its schema or from any schema it is combined with through `allOf`. */
function fixRequiredLists(state: FilterState): void {
  const groups = new SchemaGroups();
  const schemas: JsonObject[] = [];
  visitElements(state.document, state.version, (visit) => {
    if (visit.kind !== 'schema') return;
    schemas.push(visit.node);
    const resolved = resolveRef(state, visit.node);
    if (resolved && resolved !== visit.node) groups.join(visit.node, resolved);
    if (visit.field === 'allOf' && visit.parent?.kind === 'schema') groups.join(visit.node, visit.parent.node);
  });
  const removedByGroup = new Map<JsonObject, Set<string>>();
  const declaredByGroup = new Map<JsonObject, Set<string>>();
  for (const schema of schemas) {
    const group = groups.find(schema);
    const removed = state.schemaRemovals.get(schema)?.properties;
    if (removed?.size) for (const name of removed) getOrCreate(removedByGroup, group).add(name);
    if (isObject(schema.properties)) for (const name of Object.keys(schema.properties)) getOrCreate(declaredByGroup, group).add(name);
  }
  for (const schema of schemas) {
    if (!Array.isArray(schema.required)) continue;
    const group = groups.find(schema);
    const removed = removedByGroup.get(group);
    if (!removed) continue;
    const declared = declaredByGroup.get(group);
    const kept = schema.required.filter((name) => typeof name !== 'string' || !removed.has(name) || !!declared?.has(name));
    if (kept.length === schema.required.length) continue;
    if (kept.length) schema.required = kept;
    else delete schema.required;
  }
}

function getOrCreate<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

/** Step 4: a security requirement naming a scheme this site does not have is dropped. */
function fixSecurityRequirements(state: FilterState): void {
  const schemes = getAtPath(state.document, getSecuritySchemeSectionPath(state.version));
  const holders: JsonObject[] = [];
  visitElements(state.document, state.version, (visit) => {
    if (visit.kind !== 'securityRequirement') return mayContain(visit.kind, 'securityRequirement', state.version) ? undefined : SKIP_CHILDREN;
    const names = Object.keys(visit.node);
    if (names.some((name) => !isObject(schemes) || !Object.hasOwn(schemes, name))) {
      removeElement(state, visit);
      if (visit.parent) holders.push(visit.parent.node);
    }
  });
  applySplices(state);
  // A holder whose every way in was removed says nothing, rather than "no authentication".
  for (const holder of holders) if (Array.isArray(holder.security) && holder.security.length === 0) delete holder.security;
}

/**
 * Step 5: instance values (examples, defaults, enums, constants) may not keep what removed
 * properties held. Each value is matched against every schema that describes it: the schema, what it
 * references, and what it combines with (allOf, oneOf, anyOf), each collected once.
 */
class ExamplePruner {
  private readonly closures = new Map<JsonObject, JsonObject[]>();
  private readonly state: FilterState;

  constructor(state: FilterState) {
    this.state = state;
  }

  /** Every schema that describes the instances of `schema`, each once, whatever cycles the references make. */
  private getClosure(schema: JsonObject): JsonObject[] {
    const cached = this.closures.get(schema);
    if (cached) return cached;
    const seen = new Set<JsonObject>();
    const pending: JsonObject[] = [schema];
    while (pending.length) {
      const node = pending.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      const resolved = resolveRef(this.state, node);
      if (resolved && resolved !== node) pending.push(resolved);
      for (const combinator of ['allOf', 'oneOf', 'anyOf'] as const) {
        const branches = node[combinator];
        if (Array.isArray(branches)) for (const branch of branches) if (isObject(branch)) pending.push(branch);
      }
    }
    const closure = [...seen];
    this.closures.set(schema, closure);
    return closure;
  }

  prune(value: Json, schemas: readonly Json[]): void {
    if (value === null || typeof value !== 'object' || schemas.length === 0) return;
    const flat = new Set<JsonObject>();
    for (const schema of schemas) if (isObject(schema)) for (const node of this.getClosure(schema)) flat.add(node);
    const removals = [...flat].map((node) => this.state.schemaRemovals.get(node)).filter((r): r is SchemaRemovals => r !== undefined);
    if (Array.isArray(value)) {
      if (removals.some((r) => r.items)) {
        value.length = 0;
        return;
      }
      const itemSchemas = [...flat].flatMap((node) => (node.items !== undefined ? [node.items] : []));
      value.forEach((item, index) => {
        const tuple = [...flat].flatMap((node) => (Array.isArray(node.prefixItems) && node.prefixItems[index] !== undefined ? [node.prefixItems[index]!] : []));
        this.prune(item, [...tuple, ...itemSchemas.flatMap((items) => (Array.isArray(items) ? (items[index] !== undefined ? [items[index]!] : []) : [items]))]);
      });
      return;
    }
    const removedNames = new Set(removals.flatMap((r) => [...r.properties]));
    // Spec patterns are never run here (a hostile one could backtrack for ever): a key that no
    // property declares is kept only when no pattern or additionalProperties schema was removed, and
    // is then pruned against every pattern and additionalProperties schema that could describe it.
    const undeclaredRemoved = removals.some((r) => r.additional || r.patterns.length > 0);
    for (const [key, child] of Object.entries(value)) {
      const declared = [...flat].flatMap((node) => (isObject(node.properties) && Object.hasOwn(node.properties, key) ? [node.properties[key]!] : []));
      // A value is dropped when any schema describing it removed that property, even if another
      // still declares it: the hidden declaration may describe content the site may not see. (The
      // name itself stays in `required` lists there, since it is visible.)
      if (removedNames.has(key)) {
        delete value[key];
        continue;
      }
      if (declared.length) {
        this.prune(child, declared);
        continue;
      }
      if (undeclaredRemoved) {
        delete value[key];
        continue;
      }
      const open = [...flat].flatMap((node) => [
        ...(isObject(node.patternProperties) ? Object.values(node.patternProperties) : []),
        ...(isObject(node.additionalProperties) ? [node.additionalProperties] : []),
      ]);
      this.prune(child, open);
    }
  }
}

function pruneInstanceValues(state: FilterState): void {
  const pruner = new ExamplePruner(state);
  const hiddenOnlyNames = getHiddenOnlyPropertyNames(state);
  visitElements(state.document, state.version, (visit) => {
    if (state.lostSchema.has(visit.node)) {
      dropInstanceValues(state, visit);
      return SKIP_CHILDREN;
    }
    const schema = getDataSchema(visit.node, visit.kind, state.version);
    if (schema !== undefined) {
      for (const slot of getValueSlots(visit.node, visit.kind, state.version)) {
        pruneSlot(pruner, slot.shape, slot.value, schema);
        dropIfUnplaced(hiddenOnlyNames, visit.node, slot.key);
      }
    }
    // An Example object is an instance of whatever its holder describes; shared ones are reached through their $ref.
    if (visit.kind === 'mediaType' || visit.kind === 'parameter' || visit.kind === 'header') {
      if (schema !== undefined && isObject(visit.node.examples)) {
        for (const example of Object.values(visit.node.examples)) {
          const resolved = isObject(example) ? resolveRef(state, example) : undefined;
          if (!resolved) continue;
          for (const slot of getValueSlots(resolved, 'example', state.version)) {
            pruneSlot(pruner, slot.shape, slot.value, schema);
            dropIfUnplaced(hiddenOnlyNames, resolved, slot.key);
          }
        }
      }
    }
  });
}

/**
 * Real examples do not always match their schema (an array where the schema describes an object
 * wrapping one), so the pruner cannot tell which of their keys belong to removed properties. A value
 * that still holds a key named like a property that was removed and that no remaining schema declares
 * goes whole: when in doubt, an example is left out rather than risk showing hidden content.
 */
function dropIfUnplaced(hiddenOnlyNames: ReadonlySet<string>, holder: JsonObject, key: string): void {
  if (hiddenOnlyNames.size > 0 && hasKeyNamed(holder[key], hiddenOnlyNames)) delete holder[key];
}

/** Names of removed properties that no remaining schema declares: a key with such a name can only be hidden data. */
function getHiddenOnlyPropertyNames(state: FilterState): Set<string> {
  const names = new Set(state.removedPropertyNames);
  if (names.size === 0) return names;
  visitElements(state.document, state.version, (visit) => {
    if (visit.kind === 'schema' && visit.field === 'properties' && visit.name !== undefined) names.delete(visit.name);
  });
  return names;
}

function hasKeyNamed(value: Json | undefined, names: ReadonlySet<string>): boolean {
  const pending: Json[] = value === undefined ? [] : [value];
  while (pending.length) {
    const node = pending.pop()!;
    if (Array.isArray(node)) pending.push(...node);
    else if (isObject(node)) {
      for (const [name, child] of Object.entries(node)) {
        if (names.has(name)) return true;
        pending.push(child);
      }
    }
  }
  return false;
}

/** The examples of an element whose schema was removed are instances of hidden content: they go too. */
function dropInstanceValues(state: FilterState, visit: ElementVisit): void {
  const examples = getChildElements(visit.node, visit.kind, state.version).filter((child) => child.kind === 'example');
  const keys = [...getValueSlots(visit.node, visit.kind, state.version).filter((slot) => slot.shape !== 'data').map((slot) => slot.key), ...new Set(examples.map((child) => child.field))];
  for (const key of keys) {
    delete visit.node[key];
    state.removed.add(toPointer([...visit.path, key]));
  }
}

function pruneSlot(pruner: ExamplePruner, shape: string, value: Json, schema: Json): void {
  if (shape === 'instance') pruner.prune(value, [schema]);
  else if (shape === 'instances' && Array.isArray(value)) value.forEach((item) => pruner.prune(item, [schema]));
  else if (shape === 'instancesByMediaType' && isObject(value)) Object.values(value).forEach((item) => pruner.prune(item, [schema]));
}

/** Where component entries live: 3.x `components.<section>`, 2.0 root sections. */
function getComponentSections(document: JsonObject, version: OasVersion): { path: string[]; section: JsonObject; kind: ElementKind }[] {
  const sections: { path: string[]; section: JsonObject; kind: ElementKind }[] = [];
  const holder = version === 'oas2' ? document : document.components;
  if (!isObject(holder)) return sections;
  for (const child of getChildElements(holder, version === 'oas2' ? 'document' : 'components', version)) {
    if (child.name === undefined || Array.isArray(child.container)) continue;
    const path = version === 'oas2' ? [child.field] : ['components', child.field];
    if (!sections.some((s) => s.section === child.container)) sections.push({ path, section: child.container, kind: child.kind });
  }
  return sections;
}

/**
 * Step 6: components nothing visible uses are removed, transitively. Only the internal site keeps
 * components that nothing uses at all.
 */
function pruneUnusedComponents(state: FilterState): void {
  const { document, version } = state;
  const sections = getComponentSections(document, version);
  const sectionNodes = new Set<object>(sections.map((s) => s.section));
  const reachable = new Set<string>();
  const pending: string[][] = [];
  const collect = (visit: ElementVisit): typeof SKIP_CHILDREN | undefined => {
    // The sections themselves are walked only for the entries something reaches.
    if (visit.container !== undefined && sectionNodes.has(visit.container)) return SKIP_CHILDREN;
    for (const reference of getElementReferences(visit.node, visit.kind, version)) {
      if ('target' in reference && reference.target) pending.push(reference.target);
    }
    return undefined;
  };
  visitElements(document, version, collect);
  while (pending.length) {
    const target = pending.pop()!;
    const section = sections.find((s) => s.path.every((segment, index) => target[index] === segment));
    const name = section ? target[section.path.length] : undefined;
    if (!section || name === undefined || !Object.hasOwn(section.section, name)) continue;
    const key = toPointer([...section.path, name]);
    if (reachable.has(key)) continue;
    reachable.add(key);
    const entry = section.section[name];
    if (isObject(entry)) visitElements(entry, version, collect, section.kind, [...section.path, name]);
  }
  for (const { path, section } of sections) {
    for (const name of Object.keys(section)) {
      const key = toPointer([...path, name]);
      if (reachable.has(key)) continue;
      delete section[name];
      state.removed.add(key);
      state.touched.add(section);
    }
  }
}

/** Tag names that operations of a document use. */
function collectUsedTags(document: JsonObject, version: OasVersion): Set<string> {
  const used = new Set<string>();
  visitElements(document, version, (visit) => {
    if (visit.kind === 'operation' && Array.isArray(visit.node.tags)) for (const tag of visit.node.tags) if (typeof tag === 'string') used.add(tag);
    return mayContain(visit.kind, 'operation', version) ? undefined : SKIP_CHILDREN;
  });
  return used;
}

/**
 * Step 7: a root tag that only hidden operations used goes, with its description: the pages drop it,
 * so the download must too. A tag that no operation used at all stays as written.
 */
function removeTagsOfHiddenOperations(state: FilterState, usedBefore: ReadonlySet<string>): void {
  const usedNow = collectUsedTags(state.document, state.version);
  const gone = new Set([...usedBefore].filter((name) => !usedNow.has(name)));
  if (gone.size) visitElements(state.document, state.version, (visit) => {
    if (visit.kind === 'document') return undefined;
    if (visit.kind === 'tag' && visit.parent?.kind === 'document' && typeof visit.node.name === 'string' && gone.has(visit.node.name)) {
      removeElement(state, visit);
    }
    return SKIP_CHILDREN;
  });
  applySplices(state);
  // Redocly's x-tagGroups lists tag names: it must not name the removed ones either.
  const groups = state.document['x-tagGroups'];
  if (Array.isArray(groups)) {
    for (const group of groups) {
      if (isObject(group) && Array.isArray(group.tags)) group.tags = group.tags.filter((tag) => typeof tag !== 'string' || !state.removedTags.has(tag));
    }
    state.document['x-tagGroups'] = groups.filter((group) => !isObject(group) || !Array.isArray(group.tags) || group.tags.length > 0);
  }
}

/** Fields that a removal may leave empty, which are then dropped instead of kept as `{}` or `[]`. */
const DROPPABLE_WHEN_EMPTIED: Partial<Record<ElementKind, ReadonlySet<string>>> = {
  document: new Set(['webhooks', 'servers', 'tags', 'components', 'definitions', 'parameters', 'responses', 'securityDefinitions']),
  operation: new Set(['callbacks', 'servers']),
  pathItem: new Set(['servers']),
  response: new Set(['headers', 'links', 'content']),
  requestBody: new Set(['content']),
  parameter: new Set(['content', 'examples']),
  header: new Set(['content', 'examples']),
  mediaType: new Set(['examples', 'encoding']),
  encoding: new Set(['headers']),
};

/** Step 8: maps and lists that removals emptied are dropped rather than left as `{}` or `[]`. */
function dropEmptied(state: FilterState): void {
  const visits: ElementVisit[] = [];
  visitElements(state.document, state.version, (visit) => void visits.push(visit));
  const isEmptied = (value: unknown): boolean =>
    state.touched.has(value as object) && ((Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0));
  // Children before their parents, so an emptied callback empties its callbacks map in turn.
  for (const visit of visits.reverse()) {
    const node = visit.node;
    // A callback with no path item left says nothing (markers were stripped already).
    if (visit.kind === 'callback' && isEmptied(node) && visit.container && !Array.isArray(visit.container)) {
      delete visit.container[visit.key as string];
      state.touched.add(visit.container);
      continue;
    }
    const droppable = visit.kind === 'components' ? undefined : DROPPABLE_WHEN_EMPTIED[visit.kind];
    for (const [key, child] of Object.entries(node)) {
      if (!isEmptied(child) || !(visit.kind === 'components' || droppable?.has(key))) continue;
      delete node[key];
      state.touched.add(node);
    }
  }
}

/** Step 9: who-may-see-what is itself internal knowledge. Markers go from every element, never from values. */
export function stripAudienceMarkers(node: JsonObject, version: OasVersion, kind: ElementKind = 'document'): void {
  visitElements(node, version, (visit) => {
    for (const marker of AUDIENCE_MARKERS) delete visit.node[marker];
  }, kind);
}

/**
 * The description as `target` may see it. The internal site sees everything as written; every other
 * site gets a copy with hidden elements and their traces removed and the markers stripped.
 */
export function filterDocument(original: JsonObject, target: BuildTarget, version: OasVersion): FilterResult {
  if (target.audience === 'internal') return { document: original, removed: [] };
  const document = structuredClone(original);
  const state: FilterState = {
    document,
    target,
    version,
    removed: new Set(),
    touched: new Set(),
    declaredByRemoved: new Map(),
    pendingSplices: new Map(),
    removedOperationIds: new Set(),
    removedTags: new Set(),
    schemaRemovals: new WeakMap(),
    removedPropertyNames: new Set(),
    lostSchema: new WeakSet(),
  };
  const tagsUsedBefore = collectUsedTags(document, version);
  removeHiddenElements(state);
  removeDanglingReferences(state);
  fixSecurityRequirements(state);
  pruneUnusedComponents(state);
  removeDanglingReferences(state);
  removeTagsOfHiddenOperations(state, tagsUsedBefore);
  fixRequiredLists(state);
  pruneInstanceValues(state);
  stripAudienceMarkers(document, version);
  dropEmptied(state);
  return { document, removed: [...state.removed].sort() };
}
