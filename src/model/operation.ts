// The view of one operation (or webhook) as its page shows it, built from the 3.x-shaped document.
import { toCurl } from './curl.ts';
import { toSafeHtml, toSafeUrl } from '../core/markdown.ts';
import {
  asArray,
  asObject,
  asString,
  derefObject,
  entriesOf,
  type Json,
  type JsonObject,
} from '../core/openapi-shape.ts';
import { createPageSchemas, toSchemaNode, toDisplayValue, type SchemaNode, type SchemaViewContext } from './schema-view.ts';
import { toSecurityRequirements, type SecurityRequirementView } from './security.ts';

export interface ExampleView {
  name: string;
  summary?: string;
  value: string;
  /** The value was longer than a page should show: the whole of it is in the description file. */
  shortened?: true;
  externalUrl?: string;
}

/**
 * An example longer than this (some specs embed recorded responses of 100 KB and more) is shown cut:
 * a page shows what an example looks like, the download holds all of it.
 */
export const MAX_EXAMPLE_CHARS = 20_000;

function toExampleValue(value: unknown): Pick<ExampleView, 'value' | 'shortened'> {
  const full = toDisplayValue(value, Number.POSITIVE_INFINITY);
  return full.length > MAX_EXAMPLE_CHARS ? { value: toDisplayValue(full, MAX_EXAMPLE_CHARS), shortened: true } : { value: full };
}

export interface MediaTypeView {
  mediaType: string;
  schema?: SchemaNode;
  examples: ExampleView[];
}

export interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  typeLabel: string;
  schema?: SchemaNode;
  descriptionHtml?: string;
  defaultValue?: string;
  enumValues?: string[];
  example?: string;
}

export interface ResponseView {
  status: string;
  descriptionHtml?: string;
  headers: ParameterView[];
  content: MediaTypeView[];
}

export interface CallbackView {
  name: string;
  operations: { method: string; expression: string; summary?: string; operationId?: string; descriptionHtml?: string; requestBody?: RequestBodyView; responses: ResponseView[] }[];
}

export interface RequestBodyView {
  required: boolean;
  descriptionHtml?: string;
  content: MediaTypeView[];
}

export interface OperationView {
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  descriptionHtml?: string;
  deprecated: boolean;
  tags: string[];
  parameters: ParameterView[];
  requestBody?: RequestBodyView;
  responses: ResponseView[];
  /** Alternatives (OR) of requirements; empty means none declared; `[[]]` means optional auth. */
  security: SecurityRequirementView[];
  callbacks: CallbackView[];
  curl?: string;
  externalDocs?: { url: string; description?: string };
}

export interface OperationInput {
  method: string;
  path: string;
  operation: JsonObject;
  pathItem: JsonObject;
  /** The document's servers (the path item's and operation's own override them). */
  servers: Json[];
  kind: 'operation' | 'webhook';
}

function toExamples(media: JsonObject, document: JsonObject): ExampleView[] {
  const examples: ExampleView[] = [];
  if ('example' in media) examples.push({ name: 'Example', ...toExampleValue(media.example) });
  for (const [name, raw] of entriesOf(media.examples)) {
    const example = derefObject(document, raw);
    const externalUrl = asString(example.externalValue);
    examples.push({
      name,
      summary: asString(example.summary),
      ...('value' in example ? toExampleValue(example.value) : { value: '' }),
      // externalValue is never fetched at build time: it is shown as a link.
      externalUrl: externalUrl && /^https?:\/\//i.test(externalUrl) ? toSafeUrl(externalUrl) : undefined,
    });
  }
  return examples;
}

function toContent(content: Json | undefined, context: SchemaViewContext): MediaTypeView[] {
  return entriesOf(content).map(([mediaType, raw]) => {
    const media = asObject(raw);
    return {
      mediaType,
      schema: media.schema !== undefined ? toSchemaNode(media.schema, context) : undefined,
      examples: toExamples(media, context.document),
    };
  });
}

function toParameterView(raw: JsonObject, context: SchemaViewContext): ParameterView {
  const schemaSource = raw.schema ?? (raw.content ? Object.values(asObject(raw.content)).map((m) => asObject(m).schema)[0] : undefined);
  const schema = schemaSource !== undefined ? toSchemaNode(schemaSource, context) : undefined;
  const example = 'example' in raw ? raw.example : Object.values(asObject(raw.examples)).map((e) => derefObject(context.document, e).value)[0];
  return {
    name: asString(raw.name) ?? '',
    in: asString(raw.in) ?? 'header',
    required: raw.required === true || raw.in === 'path',
    deprecated: raw.deprecated === true,
    typeLabel: schema?.typeLabel ?? 'any',
    schema: schema && (schema.properties || schema.variants || schema.items?.properties) ? schema : undefined,
    descriptionHtml: toSafeHtml(raw.description) || undefined,
    defaultValue: schema?.defaultValue,
    enumValues: schema?.enumValues ?? schema?.items?.enumValues,
    example: example !== undefined ? toDisplayValue(example) : schema?.example,
  };
}

function toResponses(responses: Json | undefined, context: SchemaViewContext): ResponseView[] {
  return entriesOf(responses).map(([status, raw]) => {
    const response = derefObject(context.document, raw);
    return {
      status,
      descriptionHtml: toSafeHtml(response.description) || undefined,
      headers: entriesOf(response.headers).map(([name, header]) =>
        toParameterView({ ...derefObject(context.document, header), name, in: 'header' }, context),
      ),
      content: toContent(response.content, context),
    };
  });
}

function toRequestBody(raw: Json | undefined, context: SchemaViewContext): RequestBodyView | undefined {
  if (raw === undefined) return undefined;
  const body = derefObject(context.document, raw);
  return { required: body.required === true, descriptionHtml: toSafeHtml(body.description) || undefined, content: toContent(body.content, context) };
}

/** Path-level parameters apply to every operation unless the operation redefines them. */
function getParameters(pathItem: JsonObject, operation: JsonObject, document: JsonObject): JsonObject[] {
  const merged = new Map<string, JsonObject>();
  for (const raw of [...asArray(pathItem.parameters), ...asArray(operation.parameters)]) {
    const parameter = derefObject(document, raw);
    merged.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
  }
  return [...merged.values()];
}

function toCallbacks(callbacks: Json | undefined, context: SchemaViewContext): CallbackView[] {
  return entriesOf(callbacks).map(([name, raw]) => ({
    name,
    operations: entriesOf(derefObject(context.document, raw)).flatMap(([expression, rawItem]) =>
      entriesOf(derefObject(context.document, rawItem))
        .filter(([method]) => /^(get|put|post|delete|options|head|patch|trace)$/.test(method))
        .map(([method, rawOperation]) => {
          const operation = asObject(rawOperation);
          return {
            method,
            expression,
            summary: asString(operation.summary),
            operationId: asString(operation.operationId),
            descriptionHtml: toSafeHtml(operation.description) || undefined,
            requestBody: toRequestBody(operation.requestBody, context),
            responses: toResponses(operation.responses, context),
          };
        }),
    ),
  }));
}

function getServerUrl(input: OperationInput): string | undefined {
  const servers = [asArray(input.operation.servers), asArray(input.pathItem.servers), input.servers].find((s) => s.length > 0) ?? [];
  return asString(asObject(servers[0]).url);
}

/**
 * The operation's page, in page order: its schema trees share one budget, so an operation with many
 * large bodies links to the rest instead of growing without bound.
 */
export function toOperationView(input: OperationInput, apiContext: SchemaViewContext): OperationView {
  const { operation, pathItem, method, path } = input;
  const context: SchemaViewContext = { ...apiContext, page: createPageSchemas() };
  const document = context.document;
  const rawParameters = getParameters(pathItem, operation, document);
  const parameters = rawParameters.map((p) => toParameterView(p, context));
  const requestBody = toRequestBody(operation.requestBody, context);
  const security = toSecurityRequirements(operation.security ?? document.security);
  const schemes = asObject(asObject(document.components).securitySchemes);
  const firstRequirement = security.find((requirement) => requirement.length > 0) ?? [];

  let curl: string | undefined;
  if (input.kind === 'operation') {
    const rawBody = derefObject(document, operation.requestBody);
    const firstMedia = entriesOf(rawBody.content)[0];
    const media = asObject(firstMedia?.[1]);
    const firstExample = 'example' in media ? media.example : Object.values(asObject(media.examples)).map((e) => derefObject(document, e).value).find((v) => v !== undefined);
    curl = toCurl({
      method,
      path,
      serverUrl: getServerUrl(input),
      parameters: rawParameters.map((p) => ({
        name: asString(p.name) ?? '',
        in: asString(p.in) ?? 'query',
        required: p.required === true || p.in === 'path',
        example: 'example' in p ? p.example : undefined,
        schema: p.schema,
      })),
      body: firstMedia ? { mediaType: firstMedia[0], example: firstExample, schema: media.schema } : undefined,
      schemes: firstRequirement.map((r) => derefObject(document, schemes[r.scheme])),
      document,
    });
  }

  const externalDocs = asObject(operation.externalDocs);
  const externalUrl = asString(externalDocs.url);
  return {
    method,
    path,
    operationId: asString(operation.operationId),
    summary: asString(operation.summary),
    descriptionHtml: toSafeHtml(operation.description) || undefined,
    deprecated: operation.deprecated === true,
    tags: asArray(operation.tags).filter((t): t is string => typeof t === 'string'),
    parameters,
    requestBody,
    responses: toResponses(operation.responses, context),
    security,
    callbacks: toCallbacks(operation.callbacks, context),
    curl,
    externalDocs: toSafeUrl(externalUrl) ? { url: toSafeUrl(externalUrl)!, description: asString(externalDocs.description) } : undefined,
  };
}
