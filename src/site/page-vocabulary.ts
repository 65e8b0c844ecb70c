// Portolan's own words: what the page model writes on a page that no spec wrote ("Data models of",
// "Operations tagged", type labels, curl commands, security explanations, changelog sentences). They
// are derived, not listed: the page model renders a probe API whose every authored string is a
// placeholder, and whatever is left once the placeholders are taken out is Portolan's. The leak check
// counts these words as chrome, like the site's own 404 page.
import type { BuildTarget } from '../core/audience.ts';
import type { Json, JsonObject } from '../core/openapi-shape.ts';
import { toApiRecord } from '../load/api.ts';
import { toChangelog, type HistoricVersion } from '../history/changelog.ts';
import { toApiPages } from '../model/pages.ts';
import { collectRecordStrings } from './record-text.ts';

/** Every string a spec's author chose in the probe starts with this; nothing Portolan writes does. */
const PLACEHOLDER = 'zqxprobe';
const PLACEHOLDER_WORD = new RegExp(`[A-Za-z0-9_]*${PLACEHOLDER}[A-Za-z0-9_]*`, 'g');
// Lower case, so that the slugs made of them are placeholders too.
const p = (name: string): string => `${PLACEHOLDER}${name.toLowerCase()}`;
const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${p(name)}` });
/**
 * Media types the probe uses. The page model echoes them inside its own lines (`--header
 * 'Content-Type: application/json'`), so phrases are cut there too: the line is Portolan's, the media
 * type the spec's.
 */
const GENERATED_WORDS = ['query', 'header', 'path', 'cookie', 'object', 'array', 'string', 'integer', 'number', 'boolean', 'null'];
const MEDIA_TYPES = ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded', 'text/plain', 'image/png'];
const SPEC_WORDS = new RegExp(`${PLACEHOLDER_WORD.source}|${MEDIA_TYPES.map((type) => type.replace(/[.+]/g, '\\$&')).join('|')}`, 'g');

/** A schema with every keyword the schema view turns into words. */
function getRichSchema(): JsonObject {
  const formats = ['email', 'uuid', 'uri', 'url', 'hostname', 'ipv4', 'ipv6', 'date', 'date-time', 'password', 'byte', 'binary', 'int32', 'int64', 'float', 'double'];
  return {
    type: 'object',
    title: p('title'),
    description: `${p('d')} **${p('bold')}** [${p('link')}](https://${p('host')}/${p('path')}) \`${p('code')}\`\n\n- ${p('item')}`,
    required: [p('str'), p('nullable')],
    properties: {
      ...Object.fromEntries(formats.map((format, index) => [p(`f${index}`), { type: format.startsWith('int') || format === 'float' || format === 'double' ? 'number' : 'string', format }])),
      [p('str')]: { type: 'string', minLength: 1, maxLength: 9, pattern: `^${p('pattern')}$`, default: p('default'), example: p('example'), readOnly: true },
      [p('nullable')]: { type: ['string', 'null'], writeOnly: true, deprecated: true, enum: [p('e1'), p('e2')] },
      [p('legacyNullable')]: { type: 'integer', nullable: true, minimum: 1, maximum: 9, exclusiveMinimum: 0, exclusiveMaximum: 10, multipleOf: 1, const: 3 },
      [p('list')]: { type: 'array', items: ref('Other'), minItems: 1, maxItems: 9, uniqueItems: true },
      [p('plainList')]: { type: 'array', items: { type: 'string' } },
      [p('anyList')]: { type: 'array' },
      [p('map')]: { type: 'object', additionalProperties: { type: 'integer' }, minProperties: 1, maxProperties: 9 },
      [p('bool')]: { type: 'boolean', examples: [true] },
      [p('blob')]: { type: 'string', contentMediaType: 'image/png', contentEncoding: 'base64' },
      [p('self')]: ref('Rich'),
      [p('other')]: ref('Other'),
      [p('all')]: { allOf: [ref('Other'), { type: 'object', properties: { [p('extra')]: { type: 'string' } } }] },
      [p('one')]: { oneOf: [ref('Cat'), ref('Dog')], discriminator: { propertyName: p('kind'), mapping: { [p('cat')]: `#/components/schemas/${p('Cat')}`, [p('dog')]: `#/components/schemas/${p('Dog')}` } } },
      [p('any')]: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
      [p('free')]: {},
      [p('deep')]: ref('Deep1'),
    },
  };
}

function getDeepSchemas(): JsonObject {
  const schemas: JsonObject = {};
  for (let depth = 1; depth <= 12; depth += 1) schemas[p(`Deep${depth}`)] = { type: 'object', properties: { [p('next')]: ref(`Deep${depth + 1}`), [p('leaf')]: { type: 'string' } } };
  return schemas;
}

const SECURITY_SCHEMES: JsonObject = {
  [p('keyHeader')]: { type: 'apiKey', in: 'header', name: p('header') },
  [p('keyQuery')]: { type: 'apiKey', in: 'query', name: p('query') },
  [p('keyCookie')]: { type: 'apiKey', in: 'cookie', name: p('cookie') },
  [p('keyElsewhere')]: { type: 'apiKey', name: p('elsewhere') },
  [p('basic')]: { type: 'http', scheme: 'basic' },
  [p('bearer')]: { type: 'http', scheme: 'bearer', bearerFormat: p('format') },
  [p('bearerPlain')]: { type: 'http', scheme: 'bearer' },
  [p('otherHttp')]: { type: 'http', scheme: p('scheme') },
  [p('oauth')]: {
    type: 'oauth2',
    description: p('d'),
    flows: {
      implicit: { authorizationUrl: `https://${p('auth')}/`, scopes: { [p('read')]: p('grants') } },
      password: { tokenUrl: `https://${p('token')}/`, refreshUrl: `https://${p('refresh')}/`, scopes: {} },
      clientCredentials: { tokenUrl: `https://${p('token')}/`, scopes: {} },
      authorizationCode: { authorizationUrl: `https://${p('auth')}/`, tokenUrl: `https://${p('token')}/`, scopes: {} },
    },
  },
  [p('openId')]: { type: 'openIdConnect', openIdConnectUrl: `https://${p('oidc')}/` },
  [p('openIdPlain')]: { type: 'openIdConnect' },
  [p('mtls')]: { type: 'mutualTLS' },
  [p('unknown')]: { type: p('type') },
};

function getOperation(name: string, extra: JsonObject = {}): JsonObject {
  return { operationId: p(name), summary: p(`${name}Summary`), tags: [p('tagA')], responses: { '200': { description: p('ok') } }, ...extra };
}

/** The probe API: every kind of page, every branch of the page model, no word of its own. */
function getProbeDocument(): JsonObject {
  const media = (schema: Json, extra: JsonObject = {}): JsonObject => ({ schema, ...extra });
  return {
    openapi: '3.1.0',
    info: {
      title: p('Title'),
      version: p('version'),
      description: p('description'),
      termsOfService: `https://${p('terms')}/`,
      contact: { name: p('contact'), email: `${p('mail')}@${p('host')}`, url: `https://${p('contact')}/` },
      license: { name: p('license'), url: `https://${p('license')}/` },
      'x-audience': 'open',
      'x-owner': p('owner'),
      'x-lifecycle': 'production',
    },
    externalDocs: { url: `https://${p('docs')}/`, description: p('docs') },
    servers: [{ url: `https://${p('server')}/${p('base')}`, description: p('server') }, { url: `/${p('relative')}` }],
    tags: [{ name: p('tagA'), description: p('tagDescription') }, { name: p('tagB') }],
    paths: {
      [`/${p('a')}/{${p('id')}}`]: {
        parameters: [{ name: p('id'), in: 'path', required: true, description: p('d'), schema: { type: 'string', format: 'uuid' } }],
        get: getOperation('get', {
          description: p('d'),
          tags: [p('tagA'), p('tagUndeclared')],
          externalDocs: { url: `https://${p('opdocs')}/` },
          parameters: [
            { name: p('q'), in: 'query', required: true, schema: { type: 'integer', minimum: 1, default: 3, enum: [1, 3] }, example: 3 },
            { name: p('h'), in: 'header', required: true, deprecated: true, schema: { type: 'string' } },
            { name: p('c'), in: 'cookie', required: true, schema: { type: 'boolean' } },
            { name: p('dates'), in: 'query', schema: { type: 'array', items: { type: 'string', format: 'date-time' } } },
            { name: p('ex'), in: 'query', required: true, examples: { [p('x')]: { value: p('value') } }, schema: { type: 'string' } },
            { name: p('plain'), in: 'query', required: true, schema: { type: 'string' } },
            { name: p('content'), in: 'query', content: { 'application/json': { schema: ref('Other') } } },
          ],
          security: [{ [p('keyHeader')]: [] }, { [p('oauth')]: [p('read')] }, {}],
          callbacks: {
            [p('callback')]: {
              [`{$request.body#/${p('url')}}`]: {
                post: { summary: p('cbSummary'), description: p('d'), requestBody: { content: { 'application/json': media(ref('Other')) } }, responses: { '200': { description: p('ok') } } },
              },
            },
          },
          responses: {
            '200': {
              description: p('ok'),
              headers: { [p('Header')]: { description: p('d'), schema: { type: 'integer' } } },
              content: {
                'application/json': media(ref('Rich'), {
                  example: { [p('key')]: p('value') },
                  examples: { [p('named')]: { summary: p('summary'), value: { [p('key')]: 1 } }, [p('external')]: { externalValue: `https://${p('external')}/` } },
                }),
              },
              links: { [p('link')]: { operationId: p('delete') } },
            },
            '404': { description: p('missing') },
            default: { description: p('error') },
          },
        }),
        post: {
          requestBody: {
            required: true,
            description: p('d'),
            content: {
              'application/json': media(ref('Rich')),
              'multipart/form-data': media({ type: 'object', properties: { [p('file')]: { type: 'string', format: 'binary' }, [p('n')]: { type: 'integer' } } }),
              'application/x-www-form-urlencoded': media({ type: 'object', properties: { [p('field')]: { type: 'string' } } }),
              'text/plain': media({ type: 'string' }),
            },
          },
          security: [{ [p('keyQuery')]: [], [p('keyCookie')]: [] }],
          responses: { '201': { description: p('created') } },
        },
        put: getOperation('put', { security: [{ [p('basic')]: [] }], requestBody: { content: { 'application/json': media(ref('Other'), { example: { [p('key')]: p('value') } }) } } }),
        delete: getOperation('delete', { deprecated: true, security: [{ [p('bearer')]: [] }] }),
        patch: getOperation('patch', { security: [{ [p('openId')]: [] }, { [p('otherHttp')]: [] }, { [p('keyElsewhere')]: [] }] }),
        head: getOperation('head', { security: [{ [p('mtls')]: [] }] }),
        options: getOperation('options', { tags: [p('tagB')] }),
      },
      [`/${p('forms')}`]: {
        post: { requestBody: { content: { 'multipart/form-data': media({ type: 'object', properties: { [p('file')]: { type: 'string', format: 'binary' } } }) } }, responses: {} },
        put: { requestBody: { content: { 'application/x-www-form-urlencoded': media({ type: 'object', properties: { [p('field')]: { type: 'string' } } }) } }, responses: {} },
        patch: { requestBody: { content: { 'text/plain': media({ type: 'string' }) } }, responses: {} },
      },
      [`/${p('untagged')}`]: { get: { responses: { '204': { description: p('empty') } } }, trace: { operationId: p('trace'), responses: {} } },
    },
    webhooks: {
      [p('hookA')]: { post: { summary: p('hookSummary'), description: p('d'), requestBody: { content: { 'application/json': media(ref('Other')) } }, responses: { '200': { description: p('ok') } } } },
      [p('hookB')]: { put: { description: p('d'), responses: {} } },
      [p('hookC')]: { post: { responses: {} } },
    },
    components: {
      schemas: {
        [p('Rich')]: getRichSchema(),
        [p('Other')]: { type: 'object', description: p('d'), properties: { [p('name')]: { type: 'string' } } },
        [p('Cat')]: { type: 'object', properties: { [p('kind')]: { type: 'string' }, [p('meow')]: { type: 'string' } } },
        [p('Dog')]: { type: 'object', properties: { [p('kind')]: { type: 'string' } } },
        [p('List')]: { type: 'array', items: ref('Other') },
        [p('Untyped')]: {},
        ...getDeepSchemas(),
      },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

/** Two versions of the probe that differ in every way the changelog puts into words. */
function getProbeHistory(document: JsonObject): HistoricVersion[] {
  const older = structuredClone(document) as JsonObject & { paths: Record<string, Record<string, JsonObject>>; components: { schemas: Record<string, JsonObject> } };
  const path = `/${p('a')}/{${p('id')}}`;
  const item = older.paths[path]!;
  item.get!.parameters = [{ name: p('gone'), in: 'query', schema: { type: 'string' } }, { name: p('moved'), in: 'header', schema: { type: 'string' } }];
  item.get!.deprecated = false;
  item.delete!.deprecated = false;
  item.get!.responses = { ...(item.get!.responses as JsonObject), '410': { description: p('gone') } };
  delete item.put;
  older.paths[`/${p('removed')}`] = { get: getOperation('removed') };
  older.paths[`/${p('old')}`] = { post: getOperation('moved') };
  const rich = older.components.schemas[p('Rich')]!;
  rich.required = [];
  rich.properties = { ...(rich.properties as JsonObject), [p('dropped')]: { type: 'string' } };
  (rich.properties as Record<string, JsonObject>)[p('str')] = { type: 'integer' };
  (rich.properties as Record<string, JsonObject>)[p('nullable')] = { type: 'string', enum: [p('e1'), p('e3')] };
  const newer = structuredClone(document) as JsonObject & { paths: Record<string, Record<string, JsonObject>> };
  newer.paths[`/${p('new')}`] = { post: getOperation('moved') };
  const commit = (n: number) => ({ hash: `${n}`.repeat(40), date: '2026-01-01', subject: p('subject') });
  return [
    { commit: commit(2), document: newer, version: 'oas3_1' },
    { commit: commit(1), document: older, version: 'oas3_1' },
  ];
}

/** Every string of a description, keys included: what the page model could echo. */
function collectDocumentStrings(node: unknown, into: Set<string>): Set<string> {
  if (typeof node === 'string') into.add(node);
  else if (Array.isArray(node)) node.forEach((item) => collectDocumentStrings(item, into));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, item] of Object.entries(node)) {
      into.add(key);
      collectDocumentStrings(item, into);
    }
  }
  return into;
}

/**
 * A curl command is assembled from lines and quoted values that recur in other combinations, and labels
 * carry counts (`Schemas (18)`): phrases are cut at line ends, quotes and numbers, without the shell's
 * line continuation, so `--user`, `--data` and `Schemas (` are recognised whatever follows them.
 */
function toPhrases(text: string): string[] {
  return text
    .split(/\n|'|"|(?<![A-Za-z0-9_])\d+(?![A-Za-z_])/)
    .map((phrase) => phrase.replace(/\s*\\$/, '').trim())
    .filter((phrase) => /[A-Za-z0-9]/.test(phrase));
}

const cache = new Map<string, string[]>();

/**
 * The phrases Portolan's page model writes for `target`, with every spec-authored word taken out: page
 * titles, headings, labels and descriptions ("Data models of"), type labels, curl commands, security
 * explanations, changelog sentences, and the catalog's field names. Values the page model only echoes
 * from a spec (an `in: query`, a `type: string`) are not Portolan's words and are left out.
 */
export function getPageModelVocabulary(target: BuildTarget = { audience: 'open' }): string[] {
  const key = JSON.stringify(target);
  const cached = cache.get(key);
  if (cached) return cached;
  const document = getProbeDocument();
  const file = `/${PLACEHOLDER}/${p('api')}.yaml`;
  const api = toApiRecord({ file, version: 'oas3_1', document, files: [file], idLocation: { pointer: '#/info', line: 1, col: 1 } }, `/${PLACEHOLDER}`);
  const changelog = toChangelog({ versions: getProbeHistory(document), complete: true, current: { document, version: 'oas3_1' } }, target);
  const { entry, pages } = toApiPages({ api, document, view: document }, target, changelog);
  const echoed = collectDocumentStrings(document, new Set());
  // The page model prints a location for every parameter and header, response headers included,
  // and a type for every schema, also where no spec writes one: those words are Portolan's.
  for (const word of GENERATED_WORDS) echoed.delete(word);
  const phrases = new Set<string>(Object.keys(entry));
  for (const text of collectRecordStrings([entry, pages])) {
    if (echoed.has(text)) continue;
    for (const phrase of text.split(SPEC_WORDS).flatMap(toPhrases)) phrases.add(phrase);
  }
  const vocabulary = [...phrases];
  cache.set(key, vocabulary);
  return vocabulary;
}
