// Picks or builds an example value for a schema, for request bodies in curl commands. Explicit
// examples win; otherwise a small value is built from the schema, depth-limited and cycle-safe.
import { asArray, createRecord, asObject, entriesOf, getByPointer, isObject, type Json, type JsonObject } from '../core/openapi-shape.ts';

const MAX_EXAMPLE_DEPTH = 6;
const MAX_EXAMPLE_PROPERTIES = 25;

const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2026-01-31T09:30:00Z',
  date: '2026-01-31',
  email: 'user@example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  uri: 'https://example.com',
  url: 'https://example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  binary: '<binary>',
  byte: 'U3dhZ2dlcg==',
};

function build(value: Json | undefined, document: JsonObject, seen: readonly string[], depth: number): Json {
  let schema = asObject(value);
  if (typeof schema.$ref === 'string') {
    if (seen.includes(schema.$ref) || depth > MAX_EXAMPLE_DEPTH) return null;
    const ref = schema.$ref;
    return build(getByPointer(document, ref), document, [...seen, ref], depth);
  }
  if ('example' in schema) return schema.example as Json;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0] as Json;
  if ('default' in schema) return schema.default as Json;
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0] as Json;
  const variants = asArray(schema.allOf);
  if (variants.length) {
    const merged: JsonObject = createRecord();
    for (const variant of variants) {
      const part = build(variant, document, seen, depth + 1);
      if (isObject(part)) Object.assign(merged, part);
    }
    return merged;
  }
  const choice = asArray(schema.oneOf)[0] ?? asArray(schema.anyOf)[0];
  if (choice !== undefined) return build(choice, document, seen, depth + 1);
  if (depth > MAX_EXAMPLE_DEPTH) return null;

  const rawType = schema.type;
  const type = Array.isArray(rawType) ? rawType.find((t) => t !== 'null') : rawType;
  if (type === 'object' || (type === undefined && isObject(schema.properties))) {
    const out: JsonObject = createRecord();
    for (const [name, propertySchema] of entriesOf(schema.properties).slice(0, MAX_EXAMPLE_PROPERTIES)) {
      if (asObject(propertySchema).readOnly === true) continue;
      out[name] = build(propertySchema, document, seen, depth + 1);
    }
    return out;
  }
  if (type === 'array') return [build(schema.items, document, seen, depth + 1)];
  if (type === 'integer' || type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 0;
  if (type === 'boolean') return true;
  if (type === 'string') {
    const format = String(schema.format);
    return Object.hasOwn(FORMAT_SAMPLES, format) ? (FORMAT_SAMPLES[format] ?? 'string') : 'string';
  }
  schema = {};
  return null;
}

export function getExampleValue(schema: Json | undefined, document: JsonObject): Json {
  return build(schema, document, [], 0);
}
