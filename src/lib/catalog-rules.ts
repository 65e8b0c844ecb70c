// Portolan's own catalog rules run inside Redocly as a plugin, so `redocly.yaml` sets their severity
// like any other rule and their problems carry Redocly's file:line:col.
import type { Plugin, UserContext } from '@redocly/openapi-core';
import { AUDIENCES, LIFECYCLES, isAudience, isLifecycle, isPartnerId } from './audience.ts';

export const CATALOG_PLUGIN_ID = 'portolan';

/** Defaults applied under whatever the repo's redocly.yaml says; the repo's own settings win. */
export const CATALOG_RULE_DEFAULTS: Record<string, 'error' | 'warn' | 'off'> = {
  'portolan/info-x-audience': 'error',
  'portolan/info-x-partners': 'error',
  'portolan/info-x-lifecycle': 'error',
  'portolan/info-x-owner': 'warn',
  'portolan/info-x-api-id': 'error',
  'portolan/element-audience': 'error',
};

type InfoNode = Record<string, unknown>;
type InfoVisitor = { Info: (info: InfoNode, ctx: UserContext) => void };

const quoteList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

function checkAudience(info: InfoNode, ctx: UserContext): void {
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
  if (info['x-audience'] !== 'partner') {
    ctx.report({ message: "info.x-partners only applies to partner APIs: set info.x-audience to 'partner' or remove x-partners.", location });
  }
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
    message: "info.x-owner should name the owning team (e.g. 'team-payments') so readers know who to ask.",
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
};

export const catalogPlugin: Plugin = {
  id: CATALOG_PLUGIN_ID,
  rules: { oas3: ruleSet, oas2: ruleSet } as Plugin['rules'],
};
