// Turns a JSON Schema (OpenAPI flavour, 3.0 or 3.1) into a tree the page renders. Named schemas that
// are not expanded become links to their place on the API's model pages, which keeps every page's size
// bounded by what it documents, and makes recursive schemas a link back instead of an endless tree.
import { toSafeHtml } from '../core/markdown.ts';
import { asArray, asObject, entriesOf, getByPointer, getRefName, isObject, escapePointerSegment, type Json, type JsonObject } from '../core/openapi-shape.ts';
import { estimateSchemaNodeBytes } from './page-size.ts';

export const SCHEMA_REF_PREFIX = '#/components/schemas/';
/** Nesting deeper than this is cut off with a note; real specs rarely pass 8. */
export const MAX_SCHEMA_DEPTH = 10;
/** Upper bound on nodes in one rendered schema, so a single page cannot balloon. */
export const MAX_SCHEMA_NODES = 400;
/** Upper bound on the estimated HTML of one rendered schema: a few hundred long descriptions are more. */
export const MAX_SCHEMA_BYTES = 120_000;
/** Upper bound on the estimated HTML of all the schemas on one operation's page together. */
export const MAX_PAGE_SCHEMA_BYTES = 120_000;

export interface SchemaLink {
  name: string;
  href: string;
}

export interface SchemaNode {
  name?: string;
  required?: boolean;
  typeLabel: string;
  link?: SchemaLink;
  /** This node is only a link: expanding it here would recurse (or the budget ran out). */
  linkOnly?: 'recursive' | 'collapsed' | 'truncated';
  title?: string;
  descriptionHtml?: string;
  flags: string[];
  constraints: string[];
  enumValues?: string[];
  defaultValue?: string;
  example?: string;
  properties?: SchemaNode[];
  items?: SchemaNode;
  additionalProperties?: SchemaNode;
  variants?: { kind: 'allOf' | 'oneOf' | 'anyOf'; nodes: SchemaNode[] };
  discriminator?: { propertyName: string; mapping: { value: string; link?: SchemaLink }[] };
}

/** What is left to spend: nodes, and estimated bytes of HTML. */
export interface SchemaBudget {
  nodes: number;
  bytes: number;
}

/**
 * What the schema trees of one page share: what is left of the page's budget, and the named schemas
 * already expanded on it, with the bytes that took.
 */
export interface PageSchemas {
  budget: SchemaBudget;
  expanded: Map<string, number>;
}

export interface SchemaViewContext {
  document: JsonObject;
  getSchemaHref: (name: string) => string | undefined;
  /** Set for the trees of one operation's page, so that together they stay within one budget. */
  page?: PageSchemas;
}

interface WalkState {
  context: SchemaViewContext;
  chain: readonly string[];
  /** How many more named schemas may be expanded inline along this branch. */
  expand: number;
  depth: number;
  /** The tree's own budget, and the page's when it has one: the tree stops when either is spent. */
  budgets: SchemaBudget[];
}

export function createPageSchemas(): PageSchemas {
  return { budget: { nodes: Number.POSITIVE_INFINITY, bytes: MAX_PAGE_SCHEMA_BYTES }, expanded: new Map() };
}

const isSpent = (state: WalkState): boolean => state.budgets.some((budget) => budget.nodes <= 0 || budget.bytes <= 0);

function spend(state: WalkState, nodes: number, bytes: number): void {
  for (const budget of state.budgets) {
    budget.nodes -= nodes;
    budget.bytes -= bytes;
  }
}

const CONSTRAINT_KEYS = [
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength',
  'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'const', 'contentMediaType',
  'contentEncoding',
];

/** A value shown inline (a default, an example, an enum value) longer than this is cut, ending in `…`. */
export const MAX_VALUE_CHARS = 4_000;

/** `text` cut to `maxChars` with `…` at the end, never inside a surrogate pair. */
export function toShortened(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const end = /[\uD800-\uDBFF]/.test(text[maxChars - 1] ?? '') ? maxChars - 1 : maxChars;
  return `${text.slice(0, end)}…`;
}

/** A spec value as the page shows it: strings as written, anything else as JSON, cut at `maxChars`. */
export function toDisplayValue(value: unknown, maxChars = MAX_VALUE_CHARS): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
  } catch {
    text = String(value);
  }
  return toShortened(text, maxChars);
}

function getTypes(schema: JsonObject): string[] {
  const raw = schema.type;
  const types = Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : typeof raw === 'string' ? [raw] : [];
  if (schema.nullable === true && !types.includes('null')) types.push('null');
  return types;
}

function toLink(name: string, context: SchemaViewContext): SchemaLink {
  return { name, href: context.getSchemaHref(name) ?? '' };
}

function getTypeLabel(schema: JsonObject, state: WalkState): string {
  if (typeof schema.$ref === 'string') {
    return getRefName(schema.$ref, SCHEMA_REF_PREFIX) ?? schema.$ref;
  }
  const types = getTypes(schema);
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  const labels = types.map((type) => {
    if (type === 'array') {
      const items = asObject(schema.items);
      return `array<${Object.keys(items).length ? getTypeLabel(items, state) : 'any'}>`;
    }
    return format && type !== 'null' ? `${type}<${format}>` : type;
  });
  if (labels.length) return labels.join(' | ');
  if (schema.properties || schema.additionalProperties) return 'object';
  if (schema.allOf) return 'all of';
  if (schema.oneOf) return 'one of';
  if (schema.anyOf) return 'any of';
  if (schema.items) return 'array';
  return 'any';
}

function getFlags(schema: JsonObject): string[] {
  const flags: string[] = [];
  if (getTypes(schema).includes('null')) flags.push('nullable');
  if (schema.readOnly === true) flags.push('read-only');
  if (schema.writeOnly === true) flags.push('write-only');
  if (schema.deprecated === true) flags.push('deprecated');
  return flags;
}

function getConstraints(schema: JsonObject): string[] {
  const constraints: string[] = [];
  for (const key of CONSTRAINT_KEYS) {
    if (key in schema) constraints.push(`${key}: ${toDisplayValue(schema[key]).replace(/\s+/g, ' ')}`);
  }
  return constraints;
}

function linkNode(name: string, state: WalkState, linkOnly: NonNullable<SchemaNode['linkOnly']>, schema: JsonObject): SchemaNode {
  const node: SchemaNode = {
    typeLabel: name,
    link: toLink(name, state.context),
    linkOnly,
    descriptionHtml: toSafeHtml(schema.description) || undefined,
    flags: getFlags(schema),
    constraints: [],
  };
  spend(state, 0, estimateSchemaNodeBytes(node));
  return node;
}

function walk(value: Json | undefined, state: WalkState): SchemaNode {
  const schema = asObject(value);
  spend(state, 1, 0);

  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    const name = getRefName(ref, SCHEMA_REF_PREFIX);
    const target = asObject(getByPointer(state.context.document, ref));
    // 3.1 allows siblings next to $ref (a description that overrides the target's).
    const merged: JsonObject = { ...target, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) };
    const key = name ?? ref;
    if (state.chain.includes(key)) return name ? linkNode(name, state, 'recursive', merged) : { typeLabel: 'recursive', flags: [], constraints: [] };
    const spent = isSpent(state);
    // A schema already shown in full on this page is shown again only while the page has room for it.
    const page = state.context.page;
    const shown = name === undefined ? undefined : page?.expanded.get(name);
    const noRoom = page !== undefined && shown !== undefined && shown > page.budget.bytes;
    if (name && (state.expand <= 0 || spent || noRoom)) return linkNode(name, state, spent ? 'truncated' : 'collapsed', merged);
    const bytesBefore = page?.budget.bytes ?? 0;
    const node = walk(merged, { ...state, chain: [...state.chain, key], expand: name ? state.expand - 1 : state.expand });
    if (name && page && shown === undefined) page.expanded.set(name, bytesBefore - page.budget.bytes);
    if (name) {
      node.link = toLink(name, state.context);
      if (node.typeLabel === 'object' || node.typeLabel === 'any') node.typeLabel = name;
      else node.title ??= name;
    }
    return node;
  }

  const node: SchemaNode = {
    typeLabel: getTypeLabel(schema, state),
    title: typeof schema.title === 'string' ? schema.title : undefined,
    descriptionHtml: toSafeHtml(schema.description) || undefined,
    flags: getFlags(schema),
    constraints: getConstraints(schema),
  };
  if (Array.isArray(schema.enum)) node.enumValues = schema.enum.map((value) => toDisplayValue(value));
  if ('default' in schema) node.defaultValue = toDisplayValue(schema.default);
  const example = 'example' in schema ? schema.example : Array.isArray(schema.examples) ? schema.examples[0] : undefined;
  if (example !== undefined) node.example = toDisplayValue(example);
  spend(state, 0, estimateSchemaNodeBytes(node));

  if (state.depth >= MAX_SCHEMA_DEPTH || isSpent(state)) {
    if (schema.properties || schema.items || schema.allOf || schema.oneOf || schema.anyOf) node.linkOnly = 'truncated';
    return node;
  }
  const child = { ...state, depth: state.depth + 1 };

  const required = new Set(asArray(schema.required).filter((r): r is string => typeof r === 'string'));
  const properties = entriesOf(schema.properties);
  if (properties.length) {
    node.properties = [];
    for (const [name, propertySchema] of properties) {
      if (isSpent(state)) {
        node.linkOnly = 'truncated';
        break;
      }
      node.properties.push({ ...walk(propertySchema, child), name, required: required.has(name) });
    }
  }
  if (isObject(schema.items)) node.items = walk(schema.items, child);
  if (isObject(schema.additionalProperties)) node.additionalProperties = walk(schema.additionalProperties, child);
  for (const kind of ['allOf', 'oneOf', 'anyOf'] as const) {
    const variants = asArray(schema[kind]);
    if (variants.length) {
      node.variants = { kind, nodes: variants.map((variant) => walk(variant, child)) };
      break;
    }
  }
  if (isObject(schema.discriminator) && typeof schema.discriminator.propertyName === 'string') {
    node.discriminator = {
      propertyName: schema.discriminator.propertyName,
      mapping: entriesOf(schema.discriminator.mapping).map(([value, ref]) => {
        const name = typeof ref === 'string' ? getRefName(ref, SCHEMA_REF_PREFIX) : undefined;
        return { value, link: name ? toLink(name, state.context) : undefined };
      }),
    };
  }
  return node;
}

const getTreeBudget = (): SchemaBudget => ({ nodes: MAX_SCHEMA_NODES, bytes: MAX_SCHEMA_BYTES });

/**
 * A schema as rendered inside an operation: the first named schema met on each branch is expanded,
 * named schemas below it are links.
 */
export function toSchemaNode(schema: Json | undefined, context: SchemaViewContext, expandNamed = 1): SchemaNode {
  const budgets = [getTreeBudget(), ...(context.page ? [context.page.budget] : [])];
  return walk(schema, { context, chain: [], expand: expandNamed, depth: 0, budgets });
}

/** A named component schema on its model page: its structure in full, other named schemas as links. */
export function toNamedSchemaNode(name: string, context: SchemaViewContext): SchemaNode {
  const schema = getByPointer(context.document, `${SCHEMA_REF_PREFIX}${escapePointerSegment(name)}`);
  return walk(schema, { context, chain: [name], expand: 0, depth: 0, budgets: [getTreeBudget()] });
}

function forEachLink(node: SchemaNode, visit: (link: SchemaLink) => void): void {
  if (node.link) visit(node.link);
  for (const entry of node.discriminator?.mapping ?? []) if (entry.link) visit(entry.link);
  for (const child of [...(node.properties ?? []), ...(node.variants?.nodes ?? []), node.items, node.additionalProperties]) {
    if (child) forEachLink(child, visit);
  }
}

/**
 * Points every schema link of a tree at `getHref(name)`. Model pages are split by the size of their
 * trees, and the trees link to each other: they are built first, and linked once the pages are known.
 */
export function relinkSchemaNode(node: SchemaNode, getHref: (name: string) => string | undefined): void {
  forEachLink(node, (link) => {
    link.href = getHref(link.name) ?? '';
  });
}
