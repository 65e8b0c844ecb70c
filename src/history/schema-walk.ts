// How the diff reads a schema: through its $refs, with the properties of `allOf` branches merged in.
// Shared by the diff and by the check of what a changelog may name, so both see the same elements.
import { asArray, asObject, entriesOf, getByPointer, isObject, type Json, type JsonObject } from '../core/openapi-shape.ts';

const MAX_REF_HOPS = 16;
const MAX_ALLOF_DEPTH = 8;

export function resolveSchema(document: JsonObject, schema: Json | undefined): { node: JsonObject; ref?: string } {
  let node: Json | undefined = schema;
  let ref: string | undefined;
  for (let hops = 0; isObject(node) && typeof node.$ref === 'string' && hops < MAX_REF_HOPS; hops += 1) {
    ref = node.$ref;
    node = getByPointer(document, node.$ref);
  }
  return { node: asObject(node), ref };
}

/** Properties and required names, with `allOf` branches merged in. */
export function flattenSchema(document: JsonObject, schema: JsonObject, depth = 0): { properties: Map<string, Json>; required: Set<string> } {
  const properties = new Map<string, Json>(entriesOf(schema.properties));
  const required = new Set(asArray(schema.required).filter((r): r is string => typeof r === 'string'));
  if (depth < MAX_ALLOF_DEPTH) {
    for (const branch of asArray(schema.allOf)) {
      const inner = flattenSchema(document, resolveSchema(document, branch).node, depth + 1);
      for (const [name, value] of inner.properties) if (!properties.has(name)) properties.set(name, value);
      for (const name of inner.required) required.add(name);
    }
  }
  return { properties, required };
}
