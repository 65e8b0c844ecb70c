// Property-style tests of the audience filter: a seeded generator writes OpenAPI 3.1 and Swagger 2.0 descriptions with an
// audience marker (or none, or a contradiction, or an invalid value) in every element position, with
// names that collide with keywords and references that need percent-encoding. Alongside each
// description it records, for every element, the distinctive words it owns and on which sites it must
// remain, from its own rules (below), not from the filter's. Each site's filtered description must
// then hold every word of every element it may see, none of any element it may not, and only
// references that resolve.
import { describe, expect, it } from 'vitest';
import type { BuildTarget } from '../../../src/core/audience.ts';
import type { Json, JsonObject } from '../../../src/core/openapi-shape.ts';
import type { OasVersion } from '../../../src/core/openapi-structure.ts';
import { filterDocument } from '../../../src/audience/visibility.ts';
import { getElementReferences, visitElements } from '../../../src/core/openapi-structure.ts';

type Site = 'open' | 'partner' | 'acme';
const SITES: Record<Site, BuildTarget> = { open: { audience: 'open' }, partner: { audience: 'partner' }, acme: { audience: 'partner', partner: 'acme' } };
const ALL: Site[] = ['open', 'partner', 'acme'];

/** A way to mark an element, and the sites that may see an element marked so. */
interface Variant {
  markers: JsonObject;
  sites: Site[];
}

const VARIANTS: Variant[] = [
  { markers: {}, sites: ALL },
  { markers: {}, sites: ALL },
  { markers: {}, sites: ALL },
  { markers: { 'x-audience': 'open' }, sites: ALL },
  { markers: { 'x-internal': false }, sites: ALL },
  { markers: { 'x-audience': 'partner' }, sites: ['partner', 'acme'] },
  { markers: { 'x-partners': ['acme'] }, sites: ['acme'] },
  { markers: { 'x-audience': 'partner', 'x-partners': ['acme', 'globex'] }, sites: ['acme'] },
  { markers: { 'x-partners': ['globex'] }, sites: [] },
  { markers: { 'x-audience': 'internal' }, sites: [] },
  { markers: { 'x-internal': true }, sites: [] },
  // Contradictions read as the narrowest audience.
  { markers: { 'x-audience': 'open', 'x-partners': ['acme'] }, sites: ['acme'] },
  { markers: { 'x-internal': true, 'x-audience': 'open' }, sites: [] },
  { markers: { 'x-internal': false, 'x-audience': 'internal' }, sites: [] },
  { markers: { 'x-audience': 'internal', 'x-partners': ['acme'] }, sites: [] },
  // Invalid values count as internal.
  { markers: { 'x-audience': 'Internal' }, sites: [] },
  { markers: { 'x-internal': 'no' }, sites: [] },
];

/** Names that are also keywords somewhere in OpenAPI or JSON Schema. */
const KEYWORD_NAMES = ['example', 'default', 'enum', 'properties', 'items', 'required', '$ref', 'value', 'description', 'x-internal', 'get', 'schema'];

/** mulberry32: a small seeded PRNG, so a failing seed can be replayed. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element of a generated description, and what decides whether a site shows it. */
interface Element {
  variant: Variant;
  parent?: Element;
  /** Extra conditions beyond markers: references to visible targets, operations left in a path, ... */
  also?: (site: Site) => boolean;
}

/** A word that must be in a site's download exactly when `shown(site)`. */
interface Word {
  text: string;
  what: string;
  shown: (site: Site) => boolean;
}

/** Whether the element's own markers and those of its ancestors let `site` see it (no other rule). */
function isMarkedFor(element: Element, site: Site): boolean {
  return element.variant.sites.includes(site) && (!element.parent || isMarkedFor(element.parent, site));
}

/** Whether `site` must show the element: its markers, its ancestors', and every extra rule on the way up. */
function isExpected(element: Element, site: Site): boolean {
  return element.variant.sites.includes(site) && (!element.also || element.also(site)) && (!element.parent || isExpected(element.parent, site));
}

/** RFC 6901 escaping, then percent-encoding of what a URI fragment may not hold. */
function toFragment(segments: string[]): string {
  return `#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1')).replace(/%7E/gi, '~')).join('/')}`;
}

class Generator {
  private readonly random: () => number;
  private next = 0;
  readonly words: Word[] = [];
  private readonly operations: { element: Element; operationId: string; path: string[]; tags: string[] }[] = [];
  private readonly tags: { name: string; element: Element }[] = [];
  private readonly schemes: { name: string; element: Element; users: Element[] }[] = [];
  private readonly schemas: { name: string; element: Element; node: JsonObject; properties: { name: string; element: Element; value: (holder: Element) => Json }[]; users: Element[] }[] = [];
  private readonly parameters: { name: string; element: Element; users: Element[] }[] = [];
  private readonly pendingLinks: { response: JsonObject; element: Element }[] = [];
  /** Keywords used as names, to show the generator covers them. */
  readonly keywordNames = new Set<string>();

  private readonly version: OasVersion;

  constructor(seed: number, version: OasVersion = 'oas3') {
    this.random = createRandom(seed);
    this.version = version;
  }

  /** Where a component lives: 3.x under components, 2.0 in root sections. */
  private sectionOf(kind: 'schemas' | 'parameters'): string[] {
    if (this.version === 'oas3') return ['components', kind];
    return [kind === 'schemas' ? 'definitions' : 'parameters'];
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  /** A distinctive word: unique, and never a part of another one. */
  private word(kind: string): string {
    this.next += 1;
    return `zq${kind}${this.next}x`;
  }

  /** A name for a map entry: usually distinctive, sometimes a keyword (then the name is not a word to check). */
  private name(kind: string, taken: Set<string>): { name: string; distinctive: boolean } {
    const keyword = this.pick(KEYWORD_NAMES);
    if (this.chance(0.3) && !taken.has(keyword)) {
      taken.add(keyword);
      this.keywordNames.add(keyword);
      return { name: keyword, distinctive: false };
    }
    const name = this.word(kind);
    taken.add(name);
    return { name, distinctive: true };
  }

  private element(parent?: Element, also?: (site: Site) => boolean): { element: Element; markers: JsonObject } {
    const variant = this.pick(VARIANTS);
    return { element: { variant, parent, also }, markers: structuredClone(variant.markers) };
  }

  private owns(element: Element, text: string, what: string): void {
    this.words.push({ text, what, shown: (site) => isExpected(element, site) });
  }

  /** A schema with plain, array and map properties, each marked, and an example of its own. */
  private componentSchema(section: JsonObject, base?: Generator['schemas'][number]): void {
    // The word is the part before any character a reference must encode, so an encoded $ref shows it too.
    const word = this.word('Schema');
    const name = `${word}${this.pick([' entry', '/v1', '~x', '{id}', ''])}`;
    const record: Generator['schemas'][number] = { name, element: undefined as unknown as Element, node: {}, properties: [], users: [] };
    const { element, markers } = this.element(undefined, (site) => record.users.some((user) => isExpected(user, site)));
    record.element = element;
    this.owns(element, word, 'schema name');
    const description = this.word('SchemaText');
    this.owns(element, description, 'schema description');
    // A derived schema does not redeclare its base's property names: which of two declarations an
    // example value belongs to is covered by unit tests, not by this model.
    const taken = new Set<string>(base?.properties.map((p) => p.name));
    const properties: JsonObject = {};
    const required: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const prop = this.name('prop', taken);
      const made = this.element(element);
      const propText = this.word('PropText');
      this.owns(made.element, propText, 'property description');
      if (prop.distinctive) this.owns(made.element, prop.name, 'property name');
      const shape = this.pick(['plain', 'plain', 'array', 'map'] as const);
      if (shape === 'plain') {
        properties[prop.name] = { type: 'string', description: propText, ...made.markers };
        record.properties.push({ name: prop.name, element: made.element, value: (holder) => this.value(holder, made.element) });
      } else {
        const inner = this.element(made.element);
        const innerText = this.word(shape === 'array' ? 'ItemsText' : 'MapText');
        this.owns(inner.element, innerText, shape === 'array' ? 'items description' : 'additionalProperties description');
        const leaf = this.element(inner.element);
        const leafText = this.word('LeafText');
        this.owns(leaf.element, leafText, 'nested property description');
        const innerSchema = { type: 'object', description: innerText, properties: { leaf: { type: 'string', description: leafText, ...leaf.markers } }, ...inner.markers };
        properties[prop.name] =
          shape === 'array'
            ? { type: 'array', description: propText, items: innerSchema, ...made.markers }
            : { type: 'object', description: propText, additionalProperties: innerSchema, ...made.markers };
        record.properties.push({
          name: prop.name,
          element: made.element,
          value: (holder) => (shape === 'array' ? [{ leaf: this.value(holder, leaf.element) }] : { someKey: { leaf: this.value(holder, leaf.element) } }),
        });
      }
      if (this.chance(0.6)) required.push(prop.name);
    }
    const node: JsonObject = { type: 'object', description, properties, ...markers };
    if (required.length) node.required = required;
    if (base) {
      // allOf a base and name some of its properties in a required list of another branch.
      base.users.push(element);
      node.allOf = [{ $ref: toFragment([...this.sectionOf('schemas'), base.name]) }, { required: base.properties.map((p) => p.name) }];
    }
    record.node = node;
    section[name] = node;
    this.schemas.push(record);
    node.example = this.instanceOf(record, element);
  }

  /** A value for a property as an example in `holder`: present exactly when the holder and the property are. */
  private value(holder: Element, property: Element): string {
    const text = this.word('Value');
    this.words.push({ text, what: 'example value', shown: (site) => isExpected(holder, site) && isMarkedFor(property, site) });
    return text;
  }

  private instanceOf(schema: Generator['schemas'][number], holder: Element): JsonObject {
    const instance: JsonObject = {};
    for (const property of schema.properties) instance[property.name] = property.value(holder);
    return instance;
  }

  /** A 2.0 response's schema and its examples by media type, which are values. */
  private oas2Payload(parent: Element): JsonObject {
    const schema = this.pick(this.schemas);
    const holder: Element = { variant: VARIANTS[0]!, parent, also: (site) => isMarkedFor(schema.element, site) };
    schema.users.push(holder);
    return { schema: { $ref: toFragment([...this.sectionOf('schemas'), schema.name]) }, examples: { 'application/json': this.instanceOf(schema, holder) } };
  }

  /** A media type whose schema refers to a component schema, with an example and Example objects. */
  private mediaType(parent: Element): JsonObject {
    const { element, markers } = this.element(parent);
    const schema = this.pick(this.schemas);
    const holder: Element = { variant: VARIANTS[0]!, parent: element, also: (site) => isMarkedFor(schema.element, site) };
    schema.users.push(holder);
    const media: JsonObject = { schema: { $ref: toFragment(['components', 'schemas', schema.name]) }, example: this.instanceOf(schema, holder), ...markers };
    const taken = new Set<string>();
    const examples: JsonObject = {};
    for (let i = 0; i < 2; i += 1) {
      const exampleName = this.name('Example', taken);
      const made = this.element(holder);
      if (exampleName.distinctive) this.owns(made.element, exampleName.name, 'example name');
      const summary = this.word('ExampleText');
      this.owns(made.element, summary, 'example summary');
      examples[exampleName.name] = { summary, value: this.instanceOf(schema, made.element), ...made.markers };
    }
    media.examples = examples;
    return media;
  }

  private operation(pathItem: Element, path: string[], method: string): JsonObject {
    const { element, markers } = this.element(pathItem);
    const operationId = this.word('Op');
    this.owns(element, operationId, 'operationId');
    const summary = this.word('OpText');
    this.owns(element, summary, 'operation summary');
    const tags = this.tags.filter(() => this.chance(0.4)).map((tag) => tag.name);
    const operation: JsonObject = { operationId, summary, ...markers };
    if (tags.length) operation.tags = tags;
    this.operations.push({ element, operationId, path: [...path, method], tags });
    const parameters: Json[] = [];
    const param = this.element(element);
    const paramName = this.word('Param');
    this.owns(param.element, paramName, 'parameter name');
    parameters.push({ name: paramName, in: 'query', ...(this.version === 'oas3' ? { schema: { type: 'string' } } : { type: 'string' }), ...param.markers });
    if (this.parameters.length && this.chance(0.6)) {
      const shared = this.pick(this.parameters);
      const holder: Element = { variant: VARIANTS[0]!, parent: element, also: (site) => isMarkedFor(shared.element, site) };
      shared.users.push(holder);
      parameters.push({ $ref: toFragment([...this.sectionOf('parameters'), shared.name]) });
    }
    operation.parameters = parameters;
    if (this.version === 'oas2' && this.chance(0.5)) {
      const body = this.element(element);
      const text = this.word('BodyText');
      this.owns(body.element, text, 'body parameter description');
      const schema = this.pick(this.schemas);
      const holder: Element = { variant: VARIANTS[0]!, parent: body.element, also: (site) => isMarkedFor(schema.element, site) };
      schema.users.push(holder);
      parameters.push({ name: 'body', in: 'body', description: text, schema: { $ref: toFragment([...this.sectionOf('schemas'), schema.name]) }, ...body.markers });
    } else if (this.version === 'oas3' && this.chance(0.5)) {
      const body = this.element(element);
      const text = this.word('BodyText');
      this.owns(body.element, text, 'request body description');
      operation.requestBody = { description: text, content: { 'application/json': this.mediaType(body.element) }, ...body.markers };
    }
    const response = this.element(element);
    const responseText = this.word('ResponseText');
    this.owns(response.element, responseText, 'response description');
    const headerName = this.name('Header', new Set());
    const header = this.element(response.element);
    const headerText = this.word('HeaderText');
    this.owns(header.element, headerText, 'header description');
    if (headerName.distinctive) this.owns(header.element, headerName.name, 'header name');
    const ok: JsonObject =
      this.version === 'oas3'
        ? {
            description: responseText,
            headers: { [headerName.name]: { description: headerText, schema: { type: 'integer' }, ...header.markers } },
            content: { 'application/json': this.mediaType(response.element) },
            ...response.markers,
          }
        : { description: responseText, headers: { [headerName.name]: { description: headerText, type: 'integer', ...header.markers } }, ...this.oas2Payload(response.element), ...response.markers };
    operation.responses = { '200': ok };
    if (this.version === 'oas3') this.pendingLinks.push({ response: ok, element: response.element });
    if (this.schemes.length && this.chance(0.5)) {
      const scheme = this.pick(this.schemes);
      scheme.users.push(element);
      operation.security = [{ [scheme.name]: [] }];
    }
    if (this.version === 'oas3' && this.chance(0.4) && path[0] === 'paths') {
      const callbackName = this.name('Callback', new Set());
      const callback = this.element(element);
      if (callbackName.distinctive) this.owns(callback.element, callbackName.name, 'callback name');
      const expression = this.pick(['{$request.body#/callbackUrl}', 'value', 'example', 'default']);
      const item = this.element(callback.element);
      const inner = this.element(item.element);
      item.element.also = (site) => inner.element.variant.sites.includes(site);
      const innerText = this.word('CallbackOpText');
      this.owns(inner.element, innerText, 'callback operation summary');
      operation.callbacks = {
        [callbackName.name]: { [expression]: { post: { summary: innerText, responses: { '200': { description: 'OK' } }, ...inner.markers }, ...item.markers }, ...callback.markers },
      };
      // The callback goes when its only path item does (its own markers, or its operation's).
      callback.element.also = (site) => item.element.variant.sites.includes(site) && inner.element.variant.sites.includes(site);
    }
    return operation;
  }

  generate(): JsonObject {
    const info = { title: 'Generated', version: '1.0.0', 'x-audience': 'open' };
    const root: JsonObject = this.version === 'oas3' ? { openapi: '3.1.0', info } : { swagger: '2.0', info };
    const rootElement: Element = { variant: VARIANTS[0]! };
    // Servers and their variables (3.x only).
    const servers: Json[] = [];
    for (let i = 0; i < (this.version === 'oas3' ? 2 : 0); i += 1) {
      const server = this.element(rootElement);
      const host = this.word('host');
      this.owns(server.element, host, 'server URL');
      const variable = this.element(server.element);
      const variableText = this.word('VariableText');
      this.owns(variable.element, variableText, 'server variable description');
      servers.push({ url: `https://${host}.example.com/{region}`, variables: { region: { default: 'eu', description: variableText, ...variable.markers } }, ...server.markers });
    }
    if (this.version === 'oas3') root.servers = servers;
    // Tags: a tag stays where an operation the site sees uses it, or where no operation uses it at all.
    const tags: Json[] = [];
    for (let i = 0; i < 3; i += 1) {
      const name = this.word('Tag');
      const used = () => this.operations.filter((operation) => operation.tags.includes(name));
      const made = this.element(rootElement, (site) => used().length === 0 || used().some((operation) => isExpected(operation.element, site)));
      this.owns(made.element, name, 'tag name');
      const text = this.word('TagText');
      this.owns(made.element, text, 'tag description');
      this.tags.push({ name, element: made.element });
      tags.push({ name, description: text, ...made.markers });
    }
    root.tags = tags;
    // Components first, so operations can refer to them.
    const schemas: JsonObject = {};
    for (let i = 0; i < 3; i += 1) this.componentSchema(schemas, i > 0 && this.chance(0.5) ? this.pick(this.schemas) : undefined);
    const securitySchemes: JsonObject = {};
    for (let i = 0; i < 2; i += 1) {
      const name = this.word('Scheme');
      const record = { name, element: undefined as unknown as Element, users: [] as Element[] };
      const made = this.element(undefined, (site) => record.users.some((user) => isExpected(user, site)));
      record.element = made.element;
      this.owns(made.element, name, 'security scheme name');
      securitySchemes[name] = { type: 'apiKey', in: 'header', name: 'X-Key', ...made.markers };
      this.schemes.push(record);
    }
    const parameters: JsonObject = {};
    const sharedWord = this.word('SharedParam');
    const sharedName = `${sharedWord} ${this.pick(['a/b', 'c~d', 'e f'])}`;
    const shared = { name: sharedName, element: undefined as unknown as Element, users: [] as Element[] };
    const sharedMade = this.element(undefined, (site) => shared.users.some((user) => isExpected(user, site)));
    shared.element = sharedMade.element;
    const sharedText = this.word('SharedParamText');
    this.owns(sharedMade.element, sharedText, 'shared parameter description');
    this.owns(sharedMade.element, sharedWord, 'parameter component name');
    parameters[sharedName] = { name: 'shared', in: 'header', description: sharedText, schema: { type: 'string' }, ...sharedMade.markers };
    this.parameters.push(shared);
    const rootScheme = this.pick(this.schemes);
    rootScheme.users.push(rootElement);
    root.security = [{ [rootScheme.name]: [] }];
    // Paths: a path item goes when every operation in it does.
    const paths: JsonObject = {};
    for (let i = 0; i < 3; i += 1) {
      const path = `/${this.word('path')}/{id}`;
      const item = this.element(rootElement);
      const itemText = this.word('PathText');
      this.owns(item.element, path, 'path');
      this.owns(item.element, itemText, 'path summary');
      const node: JsonObject = { summary: itemText, ...item.markers };
      const methods = ['get', 'post', 'delete'].filter(() => this.chance(0.6));
      if (methods.length === 0) methods.push('get');
      const before = this.operations.length;
      for (const method of methods) node[method] = this.operation(item.element, ['paths', path], method);
      const own = this.operations.slice(before);
      item.element.also = (site) => own.some((operation) => operation.element.variant.sites.includes(site));
      paths[path] = node;
    }
    root.paths = paths;
    if (this.version === 'oas2') {
      Object.assign(root, { definitions: schemas, securityDefinitions: securitySchemes, parameters });
      return root;
    }
    const webhooks: JsonObject = {};
    const webhookName = this.name('Webhook', new Set());
    const webhook = this.element(rootElement);
    if (webhookName.distinctive) this.owns(webhook.element, webhookName.name, 'webhook name');
    const before = this.operations.length;
    webhooks[webhookName.name] = { post: this.operation(webhook.element, ['webhooks', webhookName.name], 'post'), ...webhook.markers };
    const hookOperation = this.operations[before]!;
    webhook.element.also = (site) => hookOperation.element.variant.sites.includes(site);
    root.webhooks = webhooks;
    // Links, by operationId or by a percent-encoded operationRef, to any operation.
    for (const { response, element } of this.pendingLinks) {
      const target = this.pick(this.operations);
      const link = this.element(element, (site) => isExpected(target.element, site));
      const linkName = this.name('Link', new Set());
      if (linkName.distinctive) this.owns(link.element, linkName.name, 'link name');
      const text = this.word('LinkText');
      this.owns(link.element, text, 'link description');
      response.links = {
        [linkName.name]: { ...(this.chance(0.5) ? { operationId: target.operationId } : { operationRef: toFragment(target.path) }), description: text, ...link.markers },
      };
    }
    root.components = { schemas, securitySchemes, parameters };
    return root;
  }
}

/** Every `$ref` and operationRef of the elements of a description (not of example values, which are data). */
function collectReferences(document: JsonObject, version: OasVersion): string[] {
  const refs: string[] = [];
  visitElements(document, version, (visit) => {
    for (const reference of getElementReferences(visit.node, visit.kind, version)) if (reference.via === '$ref' || reference.via === 'operationRef') refs.push(reference.raw);
  });
  return refs;
}

function resolves(document: JsonObject, ref: string): boolean {
  const segments = decodeURIComponent(ref.slice(1)).split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: Json | undefined = document;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return false;
    node = (node as JsonObject)[segment];
  }
  return node !== undefined;
}

/** Schemas in a description that list `required` names, with the names their allOf siblings declare. */
function getUndeclaredRequired(document: JsonObject): string[] {
  const problems: string[] = [];
  const schemas = ((document.components as JsonObject | undefined)?.schemas ?? document.definitions ?? {}) as JsonObject;
  const declaredBy = (schema: Json | undefined): string[] => {
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return [];
    const own = Object.keys((schema.properties ?? {}) as JsonObject);
    const ref = typeof schema.$ref === 'string' ? decodeURIComponent(schema.$ref.split('/').pop()!).replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
    return [...own, ...(ref ? declaredBy(schemas[ref]) : [])];
  };
  for (const [name, schema] of Object.entries(schemas)) {
    const node = schema as JsonObject;
    const branches = Array.isArray(node.allOf) ? (node.allOf as Json[]) : [];
    const declared = new Set([...declaredBy(node), ...branches.flatMap((branch) => declaredBy(branch))]);
    for (const holder of [node, ...branches]) {
      const required = (holder as JsonObject).required;
      if (Array.isArray(required)) for (const entry of required) if (typeof entry === 'string' && !declared.has(entry)) problems.push(`${name} requires ${entry}`);
    }
  }
  return problems;
}

const SEEDS = Array.from({ length: 60 }, (_, index) => index + 1);

describe.each(['oas3', 'oas2'] as const)('filterDocument on generated %s descriptions with markers in every element position', (version) => {
  it.each(SEEDS)('seed %i: each site keeps every word it may see, none it may not, and only references that resolve', (seed) => {
    const generator = new Generator(seed, version);
    const document = generator.generate();
    for (const site of ALL) {
      const filtered = filterDocument(document, SITES[site], version).document;
      const text = JSON.stringify(filtered);
      const leaked = generator.words.filter((word) => !word.shown(site) && text.includes(word.text)).map((word) => `${word.what} ${word.text}`);
      const lost = generator.words.filter((word) => word.shown(site) && !text.includes(word.text)).map((word) => `${word.what} ${word.text}`);
      expect({ site, leaked, lost }).toEqual({ site, leaked: [], lost: [] });
      expect(collectReferences(filtered, version).filter((ref) => !resolves(filtered, ref))).toEqual([]);
      expect(getUndeclaredRequired(filtered)).toEqual([]);
      const marked: string[] = [];
      visitElements(filtered, version, (visit) => void (['x-audience', 'x-internal', 'x-partners'].some((m) => Object.hasOwn(visit.node, m)) && marked.push(visit.path.join(' '))));
      expect(marked).toEqual([]);
    }
  });

  it('generates every marker variant and keyword name across the seeds, so the properties above cover them', () => {
    const text = SEEDS.map((seed) => JSON.stringify(new Generator(seed, version).generate())).join('\n');
    for (const variant of VARIANTS.filter((v) => Object.keys(v.markers).length)) {
      const shown = Object.entries(variant.markers).map(([key, value]) => `"${key}":${JSON.stringify(value)}`).join(',');
      expect(text, shown).toContain(shown);
    }
    const keywordNames = new Set(SEEDS.flatMap((seed) => {
      const generator = new Generator(seed, version);
      generator.generate();
      return [...generator.keywordNames];
    }));
    expect([...keywordNames].sort()).toEqual([...KEYWORD_NAMES].sort());
    if (version === 'oas3') expect(text).toContain('%7Bid%7D');
    expect(text).toContain('%20');
  });
});
