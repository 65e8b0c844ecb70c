// Compares two versions of one API (both in OpenAPI 3.x shape) and classifies every change: breaking,
// non-breaking, informational, or a publication (something becomes visible to a wider audience).
// Pure: the diff command does the git and file work around it.
import { getDeclaredApiAudience, type Audience } from '../core/audience.ts';
import { HTTP_METHODS, asArray, asObject, asString, derefObject, entriesOf, isObject, escapePointerSegment, type Json, type JsonObject } from '../core/openapi-shape.ts';
import { getDeclaredVisibility } from '../audience/visibility.ts';
import { operationStep, type ElementPath } from './element-path.ts';
import { flattenSchema, resolveSchema } from './schema-walk.ts';

export type ChangeLevel = 'breaking' | 'publication' | 'non-breaking' | 'info';

export interface Change {
  /** Stable kebab-case id, e.g. `operation-removed`. */
  rule: string;
  level: ChangeLevel;
  message: string;
  /** `GET /pets`, when the change belongs to an operation. */
  operation?: string;
  /** Where in the new version (or, for removals, the old one) the change is. */
  pointer: string;
  /** True when the change is in the old version only (a removal): the pointer is into the base. */
  inBase?: boolean;
  /**
   * Every element of the API the message names (operations, parameters, properties, schemes), in
   * the version where it was found. A changelog names an element only while its audience can see it.
   */
  elements?: ElementPath[];
}

export interface ApiVersion {
  /** The description in OpenAPI 3.x shape (Swagger 2.0 converted). */
  view: JsonObject;
}

const RANK: Record<Audience, number> = { open: 0, partner: 1, internal: 2 };
const MAX_SCHEMA_DEPTH = 12;

interface Ctx {
  base: JsonObject;
  head: JsonObject;
  changes: Change[];
  /**
   * Pairs of named schemas already compared in this diff. A change in a shared schema is reported
   * once (at the first place it is met), which also keeps densely linked models from taking
   * exponential time.
   */
  comparedSchemas: Set<string>;
}

function add(ctx: Ctx, change: Change): void {
  ctx.changes.push(change);
}

/** An API's or element's audience and partners as they apply, inherited from its ancestors. */
interface Reach {
  audience: Audience;
  partners?: string[];
}

function narrowReach(parent: Reach, node: JsonObject): Reach {
  const declared = getDeclaredVisibility(node);
  if (!declared) return parent;
  const audience = RANK[declared.audience] > RANK[parent.audience] ? declared.audience : parent.audience;
  const partners = declared.partners ?? parent.partners;
  return { audience, partners: audience === 'partner' ? partners : undefined };
}

function getApiReach(view: JsonObject): Reach {
  const { audience, partners } = getDeclaredApiAudience(view.info);
  return { audience, partners: audience === 'partner' ? partners : undefined };
}

function describeReach(reach: Reach): string {
  if (reach.audience !== 'partner') return reach.audience;
  return reach.partners ? `partners ${reach.partners.join(', ')}` : 'every partner';
}

/** Compares who may see something: widening is a publication, narrowing is breaking for those who lose it. */
function compareReach(ctx: Ctx, base: Reach, head: Reach, what: string, rulePrefix: string, pointer: string, operation?: string): void {
  const elements = operation ? [[operationStep(operation)]] : [];
  const baseRank = RANK[base.audience];
  const headRank = RANK[head.audience];
  if (headRank < baseRank) {
    add(ctx, { rule: `${rulePrefix}-audience-widened`, level: 'publication', message: `${what} becomes visible to ${describeReach(head)} (was ${describeReach(base)}): review that it may be published.`, pointer, operation, elements });
    return;
  }
  if (headRank > baseRank) {
    add(ctx, { rule: `${rulePrefix}-audience-narrowed`, level: 'breaking', message: `${what} is narrowed to ${describeReach(head)} (was ${describeReach(base)}): consumers outside it lose access.`, pointer, operation, elements });
    return;
  }
  if (head.audience !== 'partner') return;
  const basePartners = base.partners;
  const headPartners = head.partners;
  if (basePartners && !headPartners) {
    add(ctx, { rule: `${rulePrefix}-partners-widened`, level: 'publication', message: `${what} becomes visible to every partner (was ${basePartners.join(', ')}).`, pointer, operation, elements });
  } else if (!basePartners && headPartners) {
    add(ctx, { rule: `${rulePrefix}-partners-narrowed`, level: 'breaking', message: `${what} is narrowed to partners ${headPartners.join(', ')} (was every partner).`, pointer, operation, elements });
  } else if (basePartners && headPartners) {
    const added = headPartners.filter((p) => !basePartners.includes(p));
    const removed = basePartners.filter((p) => !headPartners.includes(p));
    if (added.length) add(ctx, { rule: `${rulePrefix}-partner-added`, level: 'publication', message: `${what} becomes visible to partner ${added.join(', ')}.`, pointer, operation, elements });
    if (removed.length) add(ctx, { rule: `${rulePrefix}-partner-removed`, level: 'breaking', message: `${what} is no longer visible to partner ${removed.join(', ')}.`, pointer, operation, elements });
  }
}

// --- schemas -------------------------------------------------------------------------------------

type Direction = 'request' | 'response';

function getTypeLabel(schema: JsonObject): string {
  const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : schema.type !== undefined ? [schema.type] : [];
  const label = types.map(String).sort().join('|');
  return schema.format ? `${label}(${String(schema.format)})` : label;
}

/** The non-null types a schema allows, each with its format: `integer(int32)`, `string`. */
function getTypeSet(schema: JsonObject): Set<string> {
  const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : schema.type !== undefined ? [schema.type] : [];
  return new Set(types.map((type) => (schema.format ? `${String(type)}(${String(schema.format)})` : String(type))));
}

function isNullable(schema: JsonObject): boolean {
  return schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
}

const isSubset = (a: Set<string>, b: Set<string>) => [...a].every((item) => b.has(item));

const TIGHTER_WHEN_SMALLER = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];
const TIGHTER_WHEN_LARGER = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];

function compareConstraints(ctx: Ctx, base: JsonObject, head: JsonObject, where: string, path: ElementPath, pointer: string, operation: string): void {
  const tightened: string[] = [];
  for (const key of TIGHTER_WHEN_SMALLER) {
    const b = base[key];
    const h = head[key];
    if (typeof h === 'number' && (typeof b !== 'number' || h < b)) tightened.push(`${key} ${typeof b === 'number' ? b : 'none'} → ${h}`);
  }
  for (const key of TIGHTER_WHEN_LARGER) {
    const b = base[key];
    const h = head[key];
    if (typeof h === 'number' && (typeof b !== 'number' || h > b)) tightened.push(`${key} ${typeof b === 'number' ? b : 'none'} → ${h}`);
  }
  if (typeof head.pattern === 'string' && head.pattern !== base.pattern) tightened.push(`pattern ${base.pattern === undefined ? 'none' : `'${String(base.pattern)}'`} → '${head.pattern}'`);
  if (tightened.length) {
    add(ctx, { rule: 'request-constraint-tightened', level: 'breaking', message: `${where}: ${tightened.join(', ')}; values that were valid are now rejected.`, pointer, operation, elements: [path] });
  }
}

function compareSchema(
  ctx: Ctx,
  baseSchema: Json | undefined,
  headSchema: Json | undefined,
  direction: Direction,
  where: string,
  path: ElementPath,
  pointer: string,
  operation: string,
  seen: Set<string>,
  depth = 0,
): void {
  if (depth > MAX_SCHEMA_DEPTH || baseSchema === undefined || headSchema === undefined) return;
  const base = resolveSchema(ctx.base, baseSchema);
  const head = resolveSchema(ctx.head, headSchema);
  // Recursive schemas: compare each pair of named schemas once per path.
  const key = `${base.ref ?? '-'}|${head.ref ?? '-'}|${direction}`;
  if (base.ref && head.ref) {
    if (seen.has(key) || ctx.comparedSchemas.has(key)) return;
    ctx.comparedSchemas.add(key);
    seen = new Set(seen).add(key);
  }
  const b = base.node;
  const h = head.node;
  const baseType = getTypeLabel(b);
  const headType = getTypeLabel(h);
  if (baseType && headType && baseType !== headType) {
    const baseTypes = getTypeSet(b);
    const headTypes = getTypeSet(h);
    // Requests may accept more types, responses may return fewer: anything else breaks someone.
    const widenedRequest = direction === 'request' && isSubset(baseTypes, headTypes);
    const narrowedResponse = direction === 'response' && isSubset(headTypes, baseTypes);
    if (widenedRequest || narrowedResponse) {
      add(ctx, { rule: `${direction}-type-${widenedRequest ? 'widened' : 'narrowed'}`, level: 'non-breaking', message: `${where}: type changed from ${baseType} to ${headType}.`, pointer, operation, elements: [path] });
    } else {
      add(ctx, { rule: `${direction}-type-changed`, level: 'breaking', message: `${where}: type changed from ${baseType} to ${headType}.`, pointer, operation, elements: [path] });
      return;
    }
  }
  if (direction === 'response' && isNullable(h) && !isNullable(b)) {
    add(ctx, { rule: 'response-became-nullable', level: 'breaking', message: `${where} may now be null; clients that expect a value break.`, pointer, operation, elements: [path] });
  }
  if (direction === 'request' && isNullable(b) && !isNullable(h)) {
    add(ctx, { rule: 'request-null-rejected', level: 'breaking', message: `${where} no longer accepts null.`, pointer, operation, elements: [path] });
  }
  const baseEnum = Array.isArray(b.enum) ? b.enum.map((v) => JSON.stringify(v)) : undefined;
  const headEnum = Array.isArray(h.enum) ? h.enum.map((v) => JSON.stringify(v)) : undefined;
  if (baseEnum && headEnum) {
    const removed = baseEnum.filter((v) => !headEnum.includes(v));
    const added = headEnum.filter((v) => !baseEnum.includes(v));
    if (removed.length) {
      add(ctx, direction === 'request'
        ? { rule: 'request-enum-narrowed', level: 'breaking', message: `${where}: enum value ${removed.join(', ')} is no longer accepted.`, pointer, operation, elements: [path] }
        : { rule: 'response-enum-value-removed', level: 'breaking', message: `${where}: enum value ${removed.join(', ')} is no longer returned; clients that match on it break.`, pointer, operation, elements: [path] });
    }
    if (added.length) {
      add(ctx, direction === 'request'
        ? { rule: 'request-enum-widened', level: 'non-breaking', message: `${where}: enum value ${added.join(', ')} is now accepted.`, pointer, operation, elements: [path] }
        : { rule: 'response-enum-value-added', level: 'info', message: `${where}: may now return enum value ${added.join(', ')}; check that clients tolerate unknown values.`, pointer, operation, elements: [path] });
    }
  } else if (!baseEnum && headEnum && direction === 'request') {
    add(ctx, { rule: 'request-enum-narrowed', level: 'breaking', message: `${where}: now only accepts ${headEnum.join(', ')}.`, pointer, operation, elements: [path] });
  }
  if (direction === 'request') compareConstraints(ctx, b, h, where, path, pointer, operation);

  const baseShape = flattenSchema(ctx.base, b);
  const headShape = flattenSchema(ctx.head, h);
  for (const [name, baseProperty] of baseShape.properties) {
    const propertyWhere = `${where}.${name}`;
    const propertyPointer = `${pointer}/properties/${escapePointerSegment(name)}`;
    const propertyPath: ElementPath = [...path, { kind: 'property', name }];
    const headProperty = headShape.properties.get(name);
    if (headProperty === undefined) {
      add(ctx, direction === 'response'
        ? { rule: 'response-property-removed', level: 'breaking', message: `${propertyWhere} is no longer returned.`, pointer: propertyPointer, operation, inBase: true, elements: [propertyPath] }
        : { rule: 'request-property-removed', level: 'non-breaking', message: `${propertyWhere} is no longer read from requests.`, pointer: propertyPointer, operation, inBase: true, elements: [propertyPath] });
      continue;
    }
    if (direction === 'request' && headShape.required.has(name) && !baseShape.required.has(name)) {
      add(ctx, { rule: 'request-property-became-required', level: 'breaking', message: `${propertyWhere} is now required.`, pointer: propertyPointer, operation, elements: [propertyPath] });
    }
    if (direction === 'response' && baseShape.required.has(name) && !headShape.required.has(name)) {
      add(ctx, { rule: 'response-property-became-optional', level: 'breaking', message: `${propertyWhere} may now be missing from responses; clients that rely on it break.`, pointer: propertyPointer, operation, elements: [propertyPath] });
    }
    compareSchema(ctx, baseProperty, headProperty, direction, propertyWhere, propertyPath, propertyPointer, operation, seen, depth + 1);
  }
  for (const [name] of headShape.properties) {
    if (baseShape.properties.has(name)) continue;
    const propertyPointer = `${pointer}/properties/${escapePointerSegment(name)}`;
    const propertyPath: ElementPath = [...path, { kind: 'property', name }];
    if (direction === 'request' && headShape.required.has(name)) {
      add(ctx, { rule: 'required-request-property-added', level: 'breaking', message: `${where}.${name} is a new required property; existing requests lack it.`, pointer: propertyPointer, operation, elements: [propertyPath] });
    } else {
      add(ctx, { rule: `${direction}-property-added`, level: 'non-breaking', message: `${where}.${name} was added.`, pointer: propertyPointer, operation, elements: [propertyPath] });
    }
  }
  if (isObject(b.items) && isObject(h.items)) compareSchema(ctx, b.items, h.items, direction, `${where}[]`, [...path, { kind: 'items' }], `${pointer}/items`, operation, seen, depth + 1);
}

// --- operations ----------------------------------------------------------------------------------

interface OperationEntry {
  key: string;
  method: string;
  path: string;
  operation: JsonObject;
  pathItem: JsonObject;
  pointer: string;
  reach: Reach;
}

function collectOperations(view: JsonObject, apiReach: Reach): Map<string, OperationEntry> {
  const operations = new Map<string, OperationEntry>();
  for (const [pathKey, rawItem] of entriesOf(view.paths)) {
    const pathItem = derefObject(view, rawItem);
    const itemReach = narrowReach(apiReach, pathItem);
    for (const method of HTTP_METHODS) {
      if (!isObject(pathItem[method])) continue;
      const operation = pathItem[method] as JsonObject;
      const key = `${method.toUpperCase()} ${pathKey}`;
      operations.set(key, { key, method, path: pathKey, operation, pathItem, pointer: `#/paths/${escapePointerSegment(pathKey)}/${method}`, reach: narrowReach(itemReach, operation) });
    }
  }
  return operations;
}

function getParameters(document: JsonObject, entry: OperationEntry): Map<string, JsonObject> {
  const parameters = new Map<string, JsonObject>();
  // Path parameters are matched by their place in the template, so renaming `{id}` changes nothing.
  const variables = [...entry.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  for (const raw of [...asArray(entry.pathItem.parameters), ...asArray(entry.operation.parameters)]) {
    const parameter = derefObject(document, raw);
    const position = parameter.in === 'path' ? variables.indexOf(String(parameter.name)) : -1;
    parameters.set(position >= 0 ? `path:#${position}` : `${String(parameter.in)}:${String(parameter.name)}`, parameter);
  }
  return parameters;
}

function compareParameters(ctx: Ctx, base: OperationEntry, head: OperationEntry): void {
  const baseParameters = getParameters(ctx.base, base);
  const headParameters = getParameters(ctx.head, head);
  const operation = head.key;
  for (const [key, headParameter] of headParameters) {
    const name = String(headParameter.name);
    const location = String(headParameter.in);
    const pointer = `${head.pointer}/parameters`;
    const path: ElementPath = [operationStep(operation), { kind: 'parameter', in: location, name }];
    const elements = [path];
    const baseParameter = baseParameters.get(key);
    if (!baseParameter) {
      const moved = [...baseParameters.values()].find((p) => p.name === name && p.in !== location);
      if (moved) {
        add(ctx, { rule: 'parameter-location-changed', level: 'breaking', message: `${operation}: parameter '${name}' moved from ${String(moved.in)} to ${location}.`, pointer, operation, elements });
      } else if (headParameter.required === true || location === 'path') {
        const rule = location === 'header' ? 'required-header-added' : 'required-parameter-added';
        add(ctx, { rule, level: 'breaking', message: `${operation}: new required ${location} parameter '${name}'; existing calls lack it.`, pointer, operation, elements });
      } else {
        add(ctx, { rule: 'optional-parameter-added', level: 'non-breaking', message: `${operation}: new optional ${location} parameter '${name}'.`, pointer, operation, elements });
      }
      continue;
    }
    if (headParameter.required === true && baseParameter.required !== true && location !== 'path') {
      add(ctx, { rule: 'parameter-became-required', level: 'breaking', message: `${operation}: ${location} parameter '${name}' is now required.`, pointer, operation, elements });
    }
    compareSchema(ctx, baseParameter.schema, headParameter.schema, 'request', `${operation}: ${location} parameter '${name}'`, path, pointer, operation, new Set());
  }
  for (const [key, baseParameter] of baseParameters) {
    if (headParameters.has(key)) continue;
    const name = String(baseParameter.name);
    if ([...headParameters.values()].some((p) => p.name === name)) continue;
    add(ctx, { rule: 'parameter-removed', level: 'non-breaking', message: `${operation}: ${String(baseParameter.in)} parameter '${name}' was removed; it is ignored if sent.`, pointer: `${base.pointer}/parameters`, operation, inBase: true, elements: [[operationStep(operation), { kind: 'parameter', in: String(baseParameter.in), name }]] });
  }
}

function getMediaSchemas(content: Json | undefined): Map<string, Json | undefined> {
  const media = new Map<string, Json | undefined>();
  for (const [type, raw] of entriesOf(content)) media.set(type, asObject(raw).schema);
  return media;
}

function compareRequestBody(ctx: Ctx, base: OperationEntry, head: OperationEntry): void {
  const operation = head.key;
  const baseBody = derefObject(ctx.base, base.operation.requestBody);
  const headBody = derefObject(ctx.head, head.operation.requestBody);
  const pointer = `${head.pointer}/requestBody`;
  const path: ElementPath = [operationStep(operation), { kind: 'request-body' }];
  if (!base.operation.requestBody && head.operation.requestBody && headBody.required === true) {
    add(ctx, { rule: 'request-body-added-required', level: 'breaking', message: `${operation}: a request body is now required.`, pointer, operation, elements: [path] });
    return;
  }
  if (headBody.required === true && base.operation.requestBody && baseBody.required !== true) {
    add(ctx, { rule: 'request-body-became-required', level: 'breaking', message: `${operation}: the request body is now required.`, pointer, operation, elements: [path] });
  }
  const baseMedia = getMediaSchemas(baseBody.content);
  const headMedia = getMediaSchemas(headBody.content);
  for (const [type, baseSchema] of baseMedia) {
    if (!headMedia.has(type)) {
      add(ctx, { rule: 'request-media-type-removed', level: 'breaking', message: `${operation}: request bodies of type ${type} are no longer accepted.`, pointer, operation, inBase: true, elements: [[...path, { kind: 'media-type', name: type }]] });
      continue;
    }
    compareSchema(ctx, baseSchema, headMedia.get(type), 'request', `${operation}: request body`, [...path, { kind: 'media-type', name: type }], `${pointer}/content/${escapePointerSegment(type)}/schema`, operation, new Set());
  }
}

function compareResponses(ctx: Ctx, base: OperationEntry, head: OperationEntry): void {
  const operation = head.key;
  const headResponses = asObject(head.operation.responses);
  for (const [status, rawBase] of entriesOf(base.operation.responses)) {
    const pointer = `${head.pointer}/responses/${escapePointerSegment(status)}`;
    const path: ElementPath = [operationStep(operation), { kind: 'response', status }];
    if (!Object.hasOwn(headResponses, status)) {
      add(ctx, { rule: 'response-status-removed', level: 'breaking', message: `${operation}: response ${status} was removed.`, pointer: `${base.pointer}/responses/${escapePointerSegment(status)}`, operation, inBase: true, elements: [path] });
      continue;
    }
    const baseResponse = derefObject(ctx.base, rawBase);
    const headResponse = derefObject(ctx.head, headResponses[status]);
    const headMedia = getMediaSchemas(headResponse.content);
    for (const [type, baseSchema] of getMediaSchemas(baseResponse.content)) {
      if (!headMedia.has(type)) {
        add(ctx, { rule: 'response-media-type-removed', level: 'breaking', message: `${operation}: response ${status} no longer returns ${type}.`, pointer, operation, elements: [[...path, { kind: 'media-type', name: type }]] });
        continue;
      }
      compareSchema(ctx, baseSchema, headMedia.get(type), 'response', `${operation}: response ${status}`, [...path, { kind: 'media-type', name: type }], `${pointer}/content/${escapePointerSegment(type)}/schema`, operation, new Set());
    }
  }
  for (const status of Object.keys(headResponses)) {
    if (!Object.hasOwn(asObject(base.operation.responses), status)) {
      add(ctx, { rule: 'response-status-added', level: 'non-breaking', message: `${operation}: response ${status} was added.`, pointer: `${head.pointer}/responses/${escapePointerSegment(status)}`, operation, elements: [[operationStep(operation), { kind: 'response', status }]] });
    }
  }
}

/** One way in: scheme name to the scopes it needs. An empty requirement means anonymous access. */
type Requirement = Map<string, Set<string>>;

function getRequirements(view: JsonObject, operation: JsonObject): Requirement[] {
  const raw = asArray(operation.security ?? view.security);
  // No requirement at all means anyone may call it.
  if (raw.length === 0) return [new Map()];
  return raw.map((requirement) => new Map(entriesOf(requirement).map(([scheme, scopes]) => [scheme, new Set(asArray(scopes).filter((s): s is string => typeof s === 'string'))])));
}

/** Whether credentials that satisfy `held` also satisfy `needed`. */
function satisfies(held: Requirement, needed: Requirement): boolean {
  for (const [scheme, scopes] of needed) {
    const have = held.get(scheme);
    if (!have) return false;
    for (const scope of scopes) if (!have.has(scope)) return false;
  }
  return true;
}

/** The schemes and scopes a requirement names. */
function toSchemeElements(requirement: Requirement): ElementPath[] {
  return [...requirement].flatMap(([scheme, scopes]) => [
    [{ kind: 'security-scheme', name: scheme }] as ElementPath,
    ...[...scopes].map((scope): ElementPath => [{ kind: 'security-scheme', name: scheme }, { kind: 'scope', name: scope }]),
  ]);
}

/**
 * Requirements are alternatives: a client that got in one way before must still find a way in.
 * Only when some old way no longer suffices is the change breaking.
 */
function compareSecurity(ctx: Ctx, base: OperationEntry, head: OperationEntry): void {
  const operation = head.key;
  const headRequirements = getRequirements(ctx.head, head.operation);
  for (const before of getRequirements(ctx.base, base.operation)) {
    if (headRequirements.some((after) => satisfies(before, after))) continue;
    const named = [[operationStep(operation)], ...[before, ...headRequirements].flatMap(toSchemeElements)];
    const elements = [...new Map(named.map((element) => [JSON.stringify(element), element])).values()];
    const sameSchemes = headRequirements.find((after) => [...after.keys()].every((scheme) => before.has(scheme)) && after.size > 0);
    const describe = (requirement: Requirement) => (requirement.size === 0 ? 'no authentication' : [...requirement].map(([scheme, scopes]) => (scopes.size ? `${scheme} (${[...scopes].join(', ')})` : scheme)).join(' + '));
    if (sameSchemes && before.size > 0) {
      const added = [...sameSchemes].flatMap(([scheme, scopes]) => [...scopes].filter((scope) => !before.get(scheme)?.has(scope)).map((scope) => `${scope} of ${scheme}`));
      add(ctx, { rule: 'operation-scope-added', level: 'breaking', message: `${operation}: now also needs scope ${added.join(', ')}; existing tokens may lack it.`, pointer: `${head.pointer}/security`, operation, elements });
    } else {
      add(ctx, { rule: 'security-requirement-changed', level: 'breaking', message: `${operation}: callers using ${describe(before)} are no longer accepted (now: ${headRequirements.map(describe).join(' or ')}).`, pointer: `${head.pointer}/security`, operation, elements });
    }
  }
}

/** `/pets/{id}` and `/pets/{petId}` are the same URLs: renaming a path variable moves nothing. */
function toPathShape(key: string): string {
  return key.replace(/\{[^}]*\}/g, '{}');
}

function compareOperation(ctx: Ctx, base: OperationEntry, head: OperationEntry): void {
  const key = head.key;
  // An operation that only inherits the API's audience moves with it; report it only when it
  // (or its path item) says something of its own, in either version.
  const ownMarkers = [base.operation, base.pathItem, head.operation, head.pathItem].some((node) => getDeclaredVisibility(node));
  if (ownMarkers) compareReach(ctx, base.reach, head.reach, key, 'operation', head.pointer, key);
  compareParameters(ctx, base, head);
  compareRequestBody(ctx, base, head);
  compareResponses(ctx, base, head);
  compareSecurity(ctx, base, head);
  if (head.operation.deprecated === true && base.operation.deprecated !== true) {
    add(ctx, { rule: 'operation-deprecated', level: 'info', message: `${key} is now deprecated.`, pointer: head.pointer, operation: key, elements: [[operationStep(key)]] });
  }
}

function compareOperations(ctx: Ctx, baseApi: Reach, headApi: Reach, baseLifecycleDeprecated: boolean): void {
  const baseOperations = collectOperations(ctx.base, baseApi);
  const headOperations = collectOperations(ctx.head, headApi);
  const headByShape = new Map([...headOperations.values()].map((e) => [toPathShape(e.key), e]));
  const baseShapes = new Set([...baseOperations.keys()].map(toPathShape));
  const headById = new Map([...headOperations.values()].filter((e) => typeof e.operation.operationId === 'string').map((e) => [e.operation.operationId as string, e]));
  const matched = new Set<string>();
  for (const [key, base] of baseOperations) {
    const head = headOperations.get(key) ?? headByShape.get(toPathShape(key));
    if (head) {
      matched.add(head.key);
      compareOperation(ctx, base, head);
      continue;
    }
    const operationId = asString(base.operation.operationId);
    const moved = operationId ? headById.get(operationId) : undefined;
    if (moved && !baseShapes.has(toPathShape(moved.key))) {
      matched.add(moved.key);
      const rule = moved.method === base.method ? 'operation-path-changed' : 'operation-method-changed';
      add(ctx, { rule, level: 'breaking', message: `${key} moved to ${moved.key} (operationId ${operationId}); calls to the old ${rule === 'operation-path-changed' ? 'path' : 'method'} fail.`, pointer: moved.pointer, operation: moved.key, elements: [[operationStep(key)], [operationStep(moved.key), { kind: 'operation-id', id: operationId! }]] });
      // What else changed, and who may now see it, still counts for the moved operation.
      compareOperation(ctx, base, moved);
      continue;
    }
    if (base.operation.deprecated === true || baseLifecycleDeprecated) {
      add(ctx, { rule: 'deprecated-operation-removed', level: 'info', message: `${key} was removed after being deprecated.`, pointer: base.pointer, operation: key, inBase: true, elements: [[operationStep(key)]] });
    } else {
      add(ctx, { rule: 'operation-removed', level: 'breaking', message: `${key} was removed; calls to it fail.`, pointer: base.pointer, operation: key, inBase: true, elements: [[operationStep(key)]] });
    }
  }
  for (const [key, head] of headOperations) {
    if (matched.has(key)) continue;
    add(ctx, { rule: 'operation-added', level: 'non-breaking', message: `${key} was added.`, pointer: head.pointer, operation: key, elements: [[operationStep(key)]] });
    // A new operation that outsiders can see is a publication, like a widened one.
    if (RANK[head.reach.audience] < RANK.internal) {
      add(ctx, { rule: 'operation-published', level: 'publication', message: `${key} is new and visible to ${describeReach(head.reach)}: review that it may be published.`, pointer: head.pointer, operation: key, elements: [[operationStep(key)]] });
    }
  }
}

function compareSchemeScopes(ctx: Ctx): void {
  const baseSchemes = asObject(asObject(ctx.base.components).securitySchemes);
  const headSchemes = asObject(asObject(ctx.head.components).securitySchemes);
  for (const [name, rawBase] of Object.entries(baseSchemes)) {
    const headScheme = asObject(headSchemes[name]);
    const baseScopes = new Set(Object.values(asObject(asObject(rawBase).flows)).flatMap((flow) => Object.keys(asObject(asObject(flow).scopes))));
    const headScopes = new Set(Object.values(asObject(headScheme.flows)).flatMap((flow) => Object.keys(asObject(asObject(flow).scopes))));
    const removed = [...baseScopes].filter((s) => !headScopes.has(s));
    if (removed.length && Object.keys(headScheme).length) {
      add(ctx, { rule: 'security-scope-removed', level: 'breaking', message: `Security scheme ${name}: scope ${removed.join(', ')} was removed; tokens asking for it are refused.`, pointer: `#/components/securitySchemes/${escapePointerSegment(name)}`, inBase: false, elements: removed.map((scope): ElementPath => [{ kind: 'security-scheme', name }, { kind: 'scope', name: scope }]) });
    }
  }
}

function describeLifecycle(value: Json | undefined): string {
  return typeof value === 'string' ? value : 'not set';
}

/** Breaking changes of an experimental API do not fail; a change of lifecycle says when that starts or ends. */
function compareLifecycle(ctx: Ctx): void {
  const before = asObject(ctx.base.info)['x-lifecycle'];
  const after = asObject(ctx.head.info)['x-lifecycle'];
  if (describeLifecycle(before) === describeLifecycle(after)) return;
  const consequence =
    before === 'experimental' ? '; from the next change on, breaking changes count' : after === 'experimental' ? '; breaking changes are reported but no longer fail' : '';
  add(ctx, {
    rule: 'api-lifecycle-changed',
    level: 'info',
    message: `The API's lifecycle changed: ${describeLifecycle(before)} → ${describeLifecycle(after)}${consequence}.`,
    pointer: after === undefined ? '#/info' : '#/info/x-lifecycle',
  });
}

/** Every classified change from `base` to `head`. */
export function diffApi(base: JsonObject, head: JsonObject): Change[] {
  const ctx: Ctx = { base, head, changes: [], comparedSchemas: new Set() };
  const baseReach = getApiReach(base);
  const headReach = getApiReach(head);
  compareReach(ctx, baseReach, headReach, 'The API', 'api', '#/info');
  compareLifecycle(ctx);
  const baseLifecycle = asObject(base.info)['x-lifecycle'];
  compareOperations(ctx, baseReach, headReach, baseLifecycle === 'deprecated');
  compareSchemeScopes(ctx);
  return ctx.changes;
}

