// `portolan/no-scaffold-placeholder`: text that `npm run new-api` wrote and nobody replaced. On an
// internal API it is a reminder (the rule's own severity, a warning by default); on an open or partner
// API it is always an error, because placeholder text must never reach readers outside the company.
import type { UserContext } from '@redocly/openapi-core';
import { DEFAULT_AUDIENCE, getDeclaredApiAudience, type Audience } from '../core/audience.ts';
import { isPlaceholderDescription, isPlaceholderUrl } from './scaffold-placeholders.ts';

/** Elements whose `url` the scaffold fills with a placeholder. */
const URL_ELEMENTS = new Set(['Server', 'Contact', 'License']);

type Node = Record<string, unknown>;

export function noScaffoldPlaceholderRule() {
  let audience: Audience = DEFAULT_AUDIENCE;
  const report = (ctx: UserContext, field: string, message: string) => {
    const outside = audience === 'open' || audience === 'partner';
    ctx.report({
      message: outside ? `${message} Placeholders must never reach ${audience} readers.` : message,
      location: ctx.location.child([field]),
      ...(outside ? { forceSeverity: 'error' as const } : {}),
    });
  };
  return {
    Root: { enter: (root: Node) => {
      audience = getDeclaredApiAudience(root.info).audience;
    } },
    any: { enter: (node: unknown, ctx: UserContext) => {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
      const element = node as Node;
      if (URL_ELEMENTS.has(ctx.type.name) && typeof element.url === 'string' && isPlaceholderUrl(element.url)) {
        report(ctx, 'url', `'${element.url}' is a placeholder URL npm run new-api wrote: replace it with the real one.`);
      }
      // `description` counts only where the element's type has that field: in a map of names (a
      // schema's properties) `description` is a name, not text.
      if (ctx.type.properties && 'description' in ctx.type.properties && typeof element.description === 'string' && isPlaceholderDescription(element.description)) {
        report(ctx, 'description', 'This description is the placeholder npm run new-api wrote: replace it with your own.');
      }
    } },
  };
}
