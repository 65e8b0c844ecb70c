// Turns a JSON Schema (OpenAPI flavour, 3.0 or 3.1) into a tree the page renders. Named schemas that
// are not expanded become links to their own page, which keeps every page's size bounded by what it
// documents, and makes recursive schemas a link back instead of an endless tree.
import { toSafeHtml } from '../core/markdown.ts';
import { asArray, asObject, entriesOf, getByPointer, getRefName, isObject, escapePointerSegment, type Json, type JsonObject } from '../core/openapi-shape.ts';

export const SCHEMA_REF_PREFIX = '#/components/schemas/';
/** Nesting deeper than this is cut off with a note; real specs rarely pass 8. */
export const MAX_SCHEMA_DEPTH = 10;
/** Upper bound on nodes in one rendered schema, so a single page cannot balloon. */
export const MAX_SCHEMA_NODES = 400;

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

export interface SchemaViewContext {
  document: JsonObject;
  getSchemaHref: (name: string) => string | undefined;
}

interface WalkState {
  context: SchemaViewContext;
  chain: readonly string[];
  /** How many more named schemas may be expanded inline along this branch. */
  expand: number;
  depth: number;
  budget: { nodes: number };
}

const CONSTRAINT_KEYS = [
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength',
  'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'const', 'contentMediaType',
  'contentEncoding',
];

export function toDisplayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
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
  return {
    typeLabel: name,
    link: toLink(name, state.context),
    linkOnly,
    descriptionHtml: toSafeHtml(schema.description) || undefined,
    flags: getFlags(schema),
    constraints: [],
  };
}

function walk(value: Json | undefined, state: WalkState): SchemaNode {
  const schema = asObject(value);
  state.budget.nodes -= 1;

  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    const name = getRefName(ref, SCHEMA_REF_PREFIX);
    const target = asObject(getByPointer(state.context.document, ref));
    // 3.1 allows siblings next to $ref (a description that overrides the target's).
    const merged: JsonObject = { ...target, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) };
    const key = name ?? ref;
    if (state.chain.includes(key)) return name ? linkNode(name, state, 'recursive', merged) : { typeLabel: 'recursive', flags: [], constraints: [] };
    if (name && (state.expand <= 0 || state.budget.nodes <= 0)) return linkNode(name, state, state.budget.nodes <= 0 ? 'truncated' : 'collapsed', merged);
    const node = walk(merged, { ...state, chain: [...state.chain, key], expand: name ? state.expand - 1 : state.expand });
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
  if (Array.isArray(schema.enum)) node.enumValues = schema.enum.map(toDisplayValue);
  if ('default' in schema) node.defaultValue = toDisplayValue(schema.default);
  const example = 'example' in schema ? schema.example : Array.isArray(schema.examples) ? schema.examples[0] : undefined;
  if (example !== undefined) node.example = toDisplayValue(example);

  if (state.depth >= MAX_SCHEMA_DEPTH || state.budget.nodes <= 0) {
    if (schema.properties || schema.items || schema.allOf || schema.oneOf || schema.anyOf) node.linkOnly = 'truncated';
    return node;
  }
  const child = { ...state, depth: state.depth + 1 };

  const required = new Set(asArray(schema.required).filter((r): r is string => typeof r === 'string'));
  const properties = entriesOf(schema.properties);
  if (properties.length) {
    node.properties = [];
    for (const [name, propertySchema] of properties) {
      if (state.budget.nodes <= 0) {
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

/**
 * A schema as rendered inside an operation: the first named schema met on each branch is expanded,
 * named schemas below it are links.
 */
export function toSchemaNode(schema: Json | undefined, context: SchemaViewContext, expandNamed = 1): SchemaNode {
  return walk(schema, { context, chain: [], expand: expandNamed, depth: 0, budget: { nodes: MAX_SCHEMA_NODES } });
}

/** A named component schema on its own page: its structure in full, other named schemas as links. */
export function toNamedSchemaNode(name: string, context: SchemaViewContext): SchemaNode {
  const schema = getByPointer(context.document, `${SCHEMA_REF_PREFIX}${escapePointerSegment(name)}`);
  return walk(schema, { context, chain: [name], expand: 0, depth: 0, budget: { nodes: MAX_SCHEMA_NODES } });
}
