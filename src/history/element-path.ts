// The elements a classified change names, as paths of names from the API down (an operation, then
// its parameter, response, media type and schema properties), and whether a version still has them.
// A changelog asks this of the version an audience sees today, so it never names what that audience
// cannot see.
import { HTTP_METHODS, asArray, asObject, derefObject, isObject, type Json, type JsonObject } from '../core/openapi-shape.ts';
import { flattenSchema, resolveSchema } from './schema-walk.ts';

export type ElementStep =
  | { kind: 'operation'; key: string }
  | { kind: 'operation-id'; id: string }
  | { kind: 'parameter'; in: string; name: string }
  | { kind: 'request-body' }
  | { kind: 'response'; status: string }
  | { kind: 'media-type'; name: string }
  | { kind: 'property'; name: string }
  | { kind: 'items' }
  | { kind: 'security-scheme'; name: string }
  | { kind: 'scope'; name: string };

export type ElementPath = readonly ElementStep[];

export const operationStep = (key: string): ElementStep => ({ kind: 'operation', key });

/** `GET /pets` back to the path item and the operation in it. */
function findOperation(view: JsonObject, key: string): { pathItem: JsonObject; operation: JsonObject } | undefined {
  const space = key.indexOf(' ');
  const method = key.slice(0, space).toLowerCase();
  const pathKey = key.slice(space + 1);
  const paths = asObject(view.paths);
  if (!(HTTP_METHODS as readonly string[]).includes(method) || !Object.hasOwn(paths, pathKey)) return undefined;
  const pathItem = derefObject(view, paths[pathKey]);
  return isObject(pathItem[method]) ? { pathItem, operation: pathItem[method] as JsonObject } : undefined;
}

function findParameter(view: JsonObject, pathItem: JsonObject, operation: JsonObject, location: string, name: string): JsonObject | undefined {
  for (const raw of [...asArray(operation.parameters), ...asArray(pathItem.parameters)]) {
    const parameter = derefObject(view, raw);
    if (parameter.in === location && parameter.name === name) return parameter;
  }
  return undefined;
}

function getScopes(scheme: JsonObject): Set<string> {
  return new Set(Object.values(asObject(scheme.flows)).flatMap((flow) => Object.keys(asObject(asObject(flow).scopes))));
}

/** The schema a step into properties or items starts from: a parameter's or media type's schema, or the schema itself. */
function toSchema(view: JsonObject, node: Json, isSchema: boolean): JsonObject {
  return resolveSchema(view, isSchema ? node : asObject(node).schema).node;
}

/** Whether every element along `path` exists in `view`. */
export function hasElement(view: JsonObject, path: ElementPath): boolean {
  let pathItem: JsonObject = {};
  let operation: JsonObject = {};
  let node: Json = view;
  let isSchema = false;
  for (const step of path) {
    switch (step.kind) {
      case 'operation': {
        const found = findOperation(view, step.key);
        if (!found) return false;
        ({ pathItem, operation } = found);
        node = operation;
        break;
      }
      case 'operation-id':
        if (operation.operationId !== step.id) return false;
        break;
      case 'parameter': {
        const parameter = findParameter(view, pathItem, operation, step.in, step.name);
        if (!parameter) return false;
        node = parameter;
        isSchema = false;
        break;
      }
      case 'request-body':
        if (operation.requestBody === undefined) return false;
        node = derefObject(view, operation.requestBody);
        break;
      case 'response': {
        const responses = asObject(operation.responses);
        if (!Object.hasOwn(responses, step.status)) return false;
        node = derefObject(view, responses[step.status]);
        break;
      }
      case 'media-type': {
        const content = asObject(asObject(node).content);
        if (!Object.hasOwn(content, step.name)) return false;
        node = asObject(content[step.name]);
        isSchema = false;
        break;
      }
      case 'property': {
        const property = flattenSchema(view, toSchema(view, node, isSchema)).properties.get(step.name);
        if (property === undefined) return false;
        node = property;
        isSchema = true;
        break;
      }
      case 'items': {
        const items: Json | undefined = toSchema(view, node, isSchema).items;
        if (!isObject(items)) return false;
        node = items;
        isSchema = true;
        break;
      }
      case 'security-scheme': {
        const schemes = asObject(asObject(view.components).securitySchemes);
        if (!Object.hasOwn(schemes, step.name)) return false;
        node = asObject(schemes[step.name]);
        break;
      }
      case 'scope':
        if (!getScopes(asObject(node)).has(step.name)) return false;
        break;
    }
  }
  return true;
}

const NOUNS: Record<ElementStep['kind'], [string, string]> = {
  operation: ['operation', 'operations'],
  'operation-id': ['operation', 'operations'],
  parameter: ['parameter', 'parameters'],
  'request-body': ['request body', 'request bodies'],
  response: ['response', 'responses'],
  'media-type': ['media type', 'media types'],
  property: ['property', 'properties'],
  items: ['schema', 'schemas'],
  'security-scheme': ['security scheme', 'security schemes'],
  scope: ['scope', 'scopes'],
};

/** What an element is called in a sentence, singular or plural. */
export function getNoun(step: ElementStep, count: number): string {
  const [singular, plural] = NOUNS[step.kind];
  return count === 1 ? singular : plural;
}
