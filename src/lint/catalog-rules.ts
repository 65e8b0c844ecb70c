// Portolan's own catalog rules run inside Redocly as a plugin, so `redocly.yaml` sets their severity
// like any other rule and their problems carry Redocly's file:line:col.
import type { Plugin, UserContext } from '@redocly/openapi-core';
import { AUDIENCES, DEFAULT_AUDIENCE, LIFECYCLES, describeVisibility, getDeclaredApiAudience, getMarkerContradiction, isAudience, isLifecycle, isPartnerId, type Audience } from '../core/audience.ts';
import { DEFAULT_INTERNAL_HOST_PATTERNS, getInternalServerHosts, getSwaggerHost, toHostMatcher } from './internal-hosts.ts';
import { noScaffoldPlaceholderRule } from './scaffold-placeholder-rule.ts';

export const CATALOG_PLUGIN_ID = 'portolan';

/** Defaults applied under whatever the repo's redocly.yaml says; the repo's own settings win. */
export const CATALOG_RULE_DEFAULTS: Record<string, 'error' | 'warn' | 'off'> = {
  'portolan/info-x-audience': 'error',
  'portolan/info-x-partners': 'error',
  'portolan/info-x-lifecycle': 'error',
  'portolan/info-x-owner': 'error',
  'portolan/info-contact': 'error',
  'portolan/server-internal-host': 'error',
  'portolan/info-x-api-id': 'error',
  'portolan/element-audience': 'error',
  'portolan/no-scaffold-placeholder': 'warn',
};

type InfoNode = Record<string, unknown>;
type InfoVisitor = { Info: (info: InfoNode, ctx: UserContext) => void };

const quoteList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Two audience markers that say different things, on info or on any element: an error naming both,
 * how the build reads them (the narrower), and the fix. `only` limits the report to contradictions
 * involving that marker, so the info rules each report their own.
 */
function reportMarkerContradiction(node: Record<string, unknown>, ctx: UserContext, prefix: string, only?: string): void {
  const contradiction = getMarkerContradiction(node);
  if (!contradiction) return;
  const keys = contradiction.markers.map((marker) => marker.split(':')[0]!);
  if (only && !keys.includes(only)) return;
  const [first, second] = contradiction.markers.map((marker) => `${prefix}${marker}`);
  const what = prefix ? 'the API' : 'the element';
  ctx.report({
    message: `${first} and ${second} contradict each other; ${what} is read as ${describeVisibility(contradiction.readAs)}, the narrower of the two. Keep one: ${contradiction.fix}.`,
    location: ctx.location.child([only ?? keys[0]!]),
  });
}

function checkAudience(info: InfoNode, ctx: UserContext): void {
  // info's markers follow the rules of every element's: x-internal counts here too.
  if ('x-internal' in info && typeof info['x-internal'] !== 'boolean') {
    ctx.report({
      message: `info.x-internal must be true or false (got ${JSON.stringify(info['x-internal'])}); it is shorthand for info.x-audience: internal.`,
      location: ctx.location.child(['x-internal']),
    });
  }
  reportMarkerContradiction(info, ctx, 'info.', 'x-internal');
  if (!('x-audience' in info)) return;
  const value = info['x-audience'];
  if (!isAudience(value)) {
    ctx.report({
      message: `info.x-audience must be one of ${quoteList(AUDIENCES)} (got ${JSON.stringify(value)}); leave it out to keep the API internal.`,
      location: ctx.location.child(['x-audience']),
    });
  }
}

function checkPartners(info: InfoNode, ctx: UserContext): void {
  if (!('x-partners' in info)) return;
  const value = info['x-partners'];
  const location = ctx.location.child(['x-partners']);
  if (!Array.isArray(value) || value.length === 0) {
    ctx.report({ message: 'info.x-partners must be a non-empty list of partner ids; leave it out to show the API to every partner.', location });
    return;
  }
  value.forEach((id, index) => {
    if (!isPartnerId(id)) {
      ctx.report({
        message: `Partner id ${JSON.stringify(id)} is not valid: use lowercase letters, digits and hyphens (e.g. 'acme-retail').`,
        location: location.child([index]),
      });
    }
  });
  if (info['x-audience'] === 'partner' || info['x-internal'] === true) return;
  const contradiction = getMarkerContradiction(info);
  if (contradiction?.markers.includes('x-partners')) reportMarkerContradiction(info, ctx, 'info.', 'x-partners');
  else ctx.report({ message: "info.x-partners only applies to partner APIs: set info.x-audience to 'partner' or remove x-partners.", location });
}

function checkLifecycle(info: InfoNode, ctx: UserContext): void {
  if (!('x-lifecycle' in info)) return;
  const value = info['x-lifecycle'];
  if (!isLifecycle(value)) {
    ctx.report({
      message: `info.x-lifecycle must be one of ${quoteList(LIFECYCLES)} (got ${JSON.stringify(value)}).`,
      location: ctx.location.child(['x-lifecycle']),
    });
  }
}

function checkOwner(info: InfoNode, ctx: UserContext): void {
  const value = info['x-owner'];
  if (typeof value === 'string' && value.trim()) return;
  ctx.report({
    message: "info.x-owner is required: name the owning team (e.g. 'team-payments') so readers know who to ask and CODEOWNERS knows who reviews.",
    location: 'x-owner' in info ? ctx.location.child(['x-owner']) : ctx.location.key(),
  });
}

function checkApiId(info: InfoNode, ctx: UserContext): void {
  if (!('x-api-id' in info)) return;
  const value = info['x-api-id'];
  if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(value)) {
    ctx.report({
      message: `info.x-api-id must use lowercase letters, digits and hyphens (got ${JSON.stringify(value)}).`,
      location: ctx.location.child(['x-api-id']),
    });
  }
}

/**
 * `x-audience`, `x-internal` and `x-partners` on any element (the API's own are checked on info).
 * Values are checked strictly: the build never guesses a wider audience from a sloppy one.
 */
function checkElementAudience(node: unknown, ctx: UserContext): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node) || ctx.type.name === 'Info') return;
  // Markers are specification extensions: an object that takes none (a map of property, example or
  // schema names) holds names, and a key `x-internal` there is a property called so.
  if (!ctx.type.extensionsPrefix) return;
  const element = node as Record<string, unknown>;
  if ('x-audience' in element && !isAudience(element['x-audience'])) {
    ctx.report({
      message: `x-audience must be one of ${quoteList(AUDIENCES)} (got ${JSON.stringify(element['x-audience'])}).`,
      location: ctx.location.child(['x-audience']),
    });
  }
  if ('x-internal' in element && typeof element['x-internal'] !== 'boolean') {
    ctx.report({
      message: `x-internal must be true or false (got ${JSON.stringify(element['x-internal'])}); it is shorthand for x-audience: internal.`,
      location: ctx.location.child(['x-internal']),
    });
  }
  if ('x-partners' in element) {
    const value = element['x-partners'];
    if (!Array.isArray(value) || value.length === 0 || !value.every(isPartnerId)) {
      ctx.report({
        message: `x-partners must be a non-empty list of partner ids such as 'acme-retail' (got ${JSON.stringify(value)}).`,
        location: ctx.location.child(['x-partners']),
      });
    }
  }
  reportMarkerContradiction(element, ctx, '');
}

/** Open and partner APIs are read by people outside the company, who need someone to contact. */
function checkContact(info: InfoNode, ctx: UserContext): void {
  const audience = info['x-audience'];
  if (audience !== 'open' && audience !== 'partner') return;
  const contact = info.contact;
  const hasWay = typeof contact === 'object' && contact !== null && ['email', 'url'].some((k) => {
    const value = (contact as Record<string, unknown>)[k];
    return typeof value === 'string' && value.trim() !== '';
  });
  if (hasWay) return;
  ctx.report({
    message: `info.contact with an email or url is required for ${audience} APIs: outside readers need a way to reach the owning team.`,
    location: 'contact' in info ? ctx.location.child(['contact']) : ctx.location.key(),
  });
}

/**
 * Servers of open and partner APIs must not point at internal hosts, unless the server itself is
 * marked internal (then it is removed from what outsiders see). Every host a server can name counts:
 * its URL's, with or without a scheme, and each default and enum value of its variables. Patterns
 * come from the rule's `patterns` option in redocly.yaml.
 */
function serverInternalHostRule(options: { patterns?: unknown }) {
  const isInternal = toHostMatcher(Array.isArray(options?.patterns) ? options.patterns.filter((p): p is string => typeof p === 'string') : DEFAULT_INTERNAL_HOST_PATTERNS);
  let audience: Audience = DEFAULT_AUDIENCE;
  const isOutside = () => audience === 'open' || audience === 'partner';
  const apiKind = () => (audience === 'open' ? 'an open' : 'a partner');
  return {
    Root: { enter: (root: Record<string, unknown>, ctx: UserContext) => {
      audience = getDeclaredApiAudience(root.info).audience;
      if (!isOutside() || typeof root.host !== 'string') return;
      // Swagger 2.0 has no server objects: a marker next to `host` would be a marker on the whole
      // document, which filters nothing, so only 3.x servers can be marked away.
      const host = getSwaggerHost(root.host);
      if (!host || !isInternal(host)) return;
      ctx.report({ message: `Server host '${host}' looks internal, but this is ${apiKind()} API: use its public host.`, location: ctx.location.child(['host']) });
    } },
    Server: (server: Record<string, unknown>, ctx: UserContext) => {
      // Only a valid marker takes a server away; a sloppy one is reported by element-audience, and the host too.
      if (!isOutside() || typeof server.url !== 'string' || server['x-internal'] === true || server['x-audience'] === 'internal') return;
      for (const { host, at, variable } of getInternalServerHosts(server.url, server.variables, isInternal)) {
        const source = variable ? ` (server variable '${variable.name}' set to '${variable.value}')` : '';
        const fix = variable ? `list only public hosts in variable '${variable.name}'` : 'use its public host';
        ctx.report({
          message: `Server host '${host}'${source} looks internal, but this is ${apiKind()} API: ${fix}, or mark the server x-internal: true.`,
          location: ctx.location.child(at),
        });
      }
    },
  };
}

function infoRule(check: (info: InfoNode, ctx: UserContext) => void): () => InfoVisitor {
  return () => ({ Info: (info, ctx) => check(info, ctx) });
}

// Plugins passed as objects are not prefixed by Redocly, so the ids carry the prefix themselves.
const ruleSet = {
  [`${CATALOG_PLUGIN_ID}/info-x-audience`]: infoRule(checkAudience),
  [`${CATALOG_PLUGIN_ID}/info-x-partners`]: infoRule(checkPartners),
  [`${CATALOG_PLUGIN_ID}/info-x-lifecycle`]: infoRule(checkLifecycle),
  [`${CATALOG_PLUGIN_ID}/info-x-owner`]: infoRule(checkOwner),
  [`${CATALOG_PLUGIN_ID}/info-x-api-id`]: infoRule(checkApiId),
  [`${CATALOG_PLUGIN_ID}/element-audience`]: () => ({ any: { enter: checkElementAudience } }),
  [`${CATALOG_PLUGIN_ID}/info-contact`]: infoRule(checkContact),
  [`${CATALOG_PLUGIN_ID}/server-internal-host`]: serverInternalHostRule,
  [`${CATALOG_PLUGIN_ID}/no-scaffold-placeholder`]: noScaffoldPlaceholderRule,
};

export const catalogPlugin: Plugin = {
  id: CATALOG_PLUGIN_ID,
  rules: { oas3: ruleSet, oas2: ruleSet } as unknown as Plugin['rules'],
};
