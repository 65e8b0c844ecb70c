// Converts a bundled Swagger 2.0 document into the OpenAPI 3.x shape the page model reads. Only the
// rendered view is converted: the downloadable description stays exactly what the team wrote.
import {
  HTTP_METHODS,
  asArray,
  createRecord,
  asObject,
  asString,
  derefObject,
  entriesOf,
  isObject,
  type Json,
  type JsonObject,
} from '../core/openapi-shape.ts';

const DEFINITIONS_PREFIX = '#/definitions/';
const SCHEMAS_PREFIX = '#/components/schemas/';
const DEFAULT_MEDIA_TYPE = 'application/json';
const SCHEMA_KEYS_OF_PARAMETERS = [
  'type', 'format', 'items', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf',
];

/** Rewrites `#/definitions/X` refs to `#/components/schemas/X`, copying as it goes. */
function rewriteRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!isObject(value)) return value;
  const out: JsonObject = createRecord();
  for (const [key, child] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof child === 'string' && child.startsWith(DEFINITIONS_PREFIX)
      ? SCHEMAS_PREFIX + child.slice(DEFINITIONS_PREFIX.length)
      : rewriteRefs(child);
  }
  return out;
}

function toParameterSchema(parameter: JsonObject): JsonObject {
  const schema: JsonObject = createRecord();
  for (const key of SCHEMA_KEYS_OF_PARAMETERS) if (key in parameter) schema[key] = rewriteRefs(parameter[key] as Json);
  if (schema.type === 'file') {
    schema.type = 'string';
    schema.format = 'binary';
  }
  return schema;
}

function toParameter(parameter: JsonObject): JsonObject {
  const out: JsonObject = {
    name: parameter.name ?? '',
    in: parameter.in ?? 'query',
    schema: toParameterSchema(parameter),
  };
  for (const key of ['description', 'required', 'deprecated', 'allowEmptyValue']) if (key in parameter) out[key] = parameter[key] as Json;
  for (const [key, value] of Object.entries(parameter)) if (key.startsWith('x-')) out[key] = value;
  if ('x-example' in parameter) out.example = parameter['x-example'] as Json;
  return out;
}

function toFormBody(formParameters: JsonObject[], consumes: string[]): JsonObject {
  const properties: JsonObject = createRecord();
  const required: string[] = [];
  for (const parameter of formParameters) {
    const name = String(parameter.name ?? '');
    properties[name] = { ...toParameterSchema(parameter), ...(parameter.description ? { description: parameter.description } : {}) };
    if (parameter.required === true) required.push(name);
  }
  const hasFile = formParameters.some((p) => p.type === 'file');
  const mediaType = hasFile || consumes.includes('multipart/form-data') ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
  return {
    required: required.length > 0,
    content: { [mediaType]: { schema: { type: 'object', properties, ...(required.length ? { required } : {}) } } },
  };
}

function toResponse(document: JsonObject, value: Json, produces: string[]): JsonObject {
  const response = derefObject(document, value);
  const out: JsonObject = { description: response.description ?? '' };
  const headers: JsonObject = createRecord();
  for (const [name, header] of entriesOf(response.headers)) {
    const h = asObject(header);
    headers[name] = { description: h.description ?? '', schema: toParameterSchema(h) };
  }
  if (Object.keys(headers).length) out.headers = headers;
  const examples = asObject(response.examples);
  if (response.schema !== undefined) {
    const content: JsonObject = createRecord();
    for (const mediaType of produces) {
      content[mediaType] = {
        schema: rewriteRefs(response.schema),
        ...(mediaType in examples ? { example: examples[mediaType] as Json } : {}),
      };
    }
    out.content = content;
  }
  return out;
}

function toOperation(document: JsonObject, operation: JsonObject, pathParameters: Json[]): JsonObject {
  const consumes = asArray(operation.consumes ?? document.consumes).filter((x): x is string => typeof x === 'string');
  const produces = asArray(operation.produces ?? document.produces).filter((x): x is string => typeof x === 'string');
  const requestTypes = consumes.length ? consumes : [DEFAULT_MEDIA_TYPE];
  const responseTypes = produces.length ? produces : [DEFAULT_MEDIA_TYPE];

  // Operation parameters override path-level ones with the same name and location.
  const merged = new Map<string, JsonObject>();
  for (const raw of [...pathParameters, ...asArray(operation.parameters)]) {
    const parameter = derefObject(document, raw);
    merged.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
  }
  const parameters: Json[] = [];
  const formParameters: JsonObject[] = [];
  let requestBody: JsonObject | undefined;
  for (const parameter of merged.values()) {
    if (parameter.in === 'body') {
      const content: JsonObject = createRecord();
      for (const mediaType of requestTypes) {
        content[mediaType] = {
          schema: rewriteRefs(parameter.schema ?? {}),
          ...('x-examples' in parameter && isObject(parameter['x-examples']) && mediaType in parameter['x-examples']
            ? { example: parameter['x-examples'][mediaType] as Json }
            : {}),
        };
      }
      requestBody = { description: parameter.description ?? '', required: parameter.required === true, content };
    } else if (parameter.in === 'formData') {
      formParameters.push(parameter);
    } else {
      parameters.push(toParameter(parameter));
    }
  }
  if (formParameters.length) requestBody = toFormBody(formParameters, requestTypes);

  const responses: JsonObject = createRecord();
  for (const [status, response] of entriesOf(operation.responses)) responses[status] = toResponse(document, response, responseTypes);

  const out: JsonObject = { ...operation, parameters, responses };
  delete out.consumes;
  delete out.produces;
  delete out.schemes;
  if (requestBody) out.requestBody = requestBody;
  return out;
}

function toSecurityScheme(scheme: JsonObject): JsonObject {
  const type = asString(scheme.type);
  const base: JsonObject = scheme.description ? { description: scheme.description } : {};
  if (type === 'basic') return { ...base, type: 'http', scheme: 'basic' };
  if (type === 'apiKey') return { ...base, type: 'apiKey', name: scheme.name ?? '', in: scheme.in ?? 'header' };
  if (type === 'oauth2') {
    const flowName = { implicit: 'implicit', password: 'password', application: 'clientCredentials', accessCode: 'authorizationCode' }[
      asString(scheme.flow) ?? ''
    ] ?? 'implicit';
    const flow: JsonObject = { scopes: scheme.scopes ?? {} };
    if (scheme.authorizationUrl) flow.authorizationUrl = scheme.authorizationUrl;
    if (scheme.tokenUrl) flow.tokenUrl = scheme.tokenUrl;
    return { ...base, type: 'oauth2', flows: { [flowName]: flow } };
  }
  return { ...base, ...scheme };
}

function toServers(document: JsonObject): Json[] {
  const basePath = asString(document.basePath) ?? '';
  const host = asString(document.host);
  // Without a host the API is served relative to wherever the docs came from: say so, never crash.
  if (!host) return [{ url: basePath || '/' }];
  const schemes = asArray(document.schemes).filter((s): s is string => typeof s === 'string');
  return (schemes.length ? schemes : ['https']).map((scheme) => ({ url: `${scheme}://${host}${basePath}` }));
}

export function convertSwagger2(document: JsonObject): JsonObject {
  const paths: JsonObject = createRecord();
  for (const [pathKey, rawItem] of entriesOf(document.paths)) {
    const item = derefObject(document, rawItem);
    const pathParameters = asArray(item.parameters);
    const outItem: JsonObject = createRecord();
    for (const [key, value] of Object.entries(item)) {
      if ((HTTP_METHODS as readonly string[]).includes(key)) outItem[key] = toOperation(document, asObject(value), pathParameters);
      else if (key !== 'parameters') outItem[key] = value;
    }
    paths[pathKey] = outItem;
  }
  const schemas: JsonObject = createRecord();
  for (const [name, schema] of entriesOf(document.definitions)) schemas[name] = rewriteRefs(schema);
  const securitySchemes: JsonObject = createRecord();
  for (const [name, scheme] of entriesOf(document.securityDefinitions)) securitySchemes[name] = toSecurityScheme(asObject(scheme));

  const out: JsonObject = {
    openapi: '3.0.3',
    info: document.info ?? {},
    servers: toServers(document),
    paths,
    components: { schemas, securitySchemes },
  };
  for (const key of ['tags', 'security', 'externalDocs']) if (key in document) out[key] = document[key] as Json;
  return out;
}
