// Audiences are ordered internal ⊃ partner ⊃ open. Everything about who may see what lives here, so
// whole-API filtering today and element-level narrowing (#3) share one definition.
export const AUDIENCES = ['open', 'partner', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Untagged means internal: nothing is ever published wider by accident. */
export const DEFAULT_AUDIENCE: Audience = 'internal';

export const LIFECYCLES = ['experimental', 'production', 'deprecated', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

const AUDIENCE_RANK: Record<Audience, number> = { open: 0, partner: 1, internal: 2 };

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

export function isLifecycle(value: unknown): value is Lifecycle {
  return typeof value === 'string' && (LIFECYCLES as readonly string[]).includes(value);
}

/** Partner ids become folder names (`dist/partner-<id>`), so they are held to slug characters. */
export const PARTNER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function isPartnerId(value: unknown): value is string {
  return typeof value === 'string' && PARTNER_ID_PATTERN.test(value);
}

/**
 * The audience an API declares in `info`: `x-audience` (absent or invalid means internal) and
 * `x-partners` (absent means every partner).
 */
export function getDeclaredApiAudience(info: unknown): { audience: Audience; partners?: string[] } {
  const record = typeof info === 'object' && info !== null ? (info as Record<string, unknown>) : {};
  const raw = record['x-partners'];
  return {
    audience: isAudience(record['x-audience']) ? record['x-audience'] : DEFAULT_AUDIENCE,
    partners: Array.isArray(raw) ? raw.filter(isPartnerId) : undefined,
  };
}

/** One site to build: the internal site, the open site, the all-partners site, or one partner's site. */
export interface BuildTarget {
  audience: Audience;
  /** Set only for a single partner's site. */
  partner?: string;
}

export function getTargetName(target: BuildTarget): string {
  return target.partner ? `partner-${target.partner}` : target.audience;
}

export function getTargetLabel(target: BuildTarget): string {
  if (target.partner) return `Partner: ${target.partner}`;
  return { open: 'Public', partner: 'Partners', internal: 'Internal' }[target.audience];
}

/** Whether content marked for `audience` (and, for partner content, `partners`) may appear on `target`. */
export function isVisibleTo(audience: Audience, partners: readonly string[] | undefined, target: BuildTarget): boolean {
  if (AUDIENCE_RANK[audience] > AUDIENCE_RANK[target.audience]) return false;
  if (audience !== 'partner' || target.audience !== 'partner' || !partners) return true;
  // A partner list restricts: the all-partners site shows only what every partner may see.
  return target.partner !== undefined && partners.includes(target.partner);
}

/** Every site a full build writes: internal, open, partner, and one per partner named in any spec. */
export function getBuildTargets(partnerIds: Iterable<string>): BuildTarget[] {
  const partners = [...new Set(partnerIds)].sort();
  return [
    { audience: 'internal' },
    { audience: 'open' },
    { audience: 'partner' },
    ...partners.map((partner): BuildTarget => ({ audience: 'partner', partner })),
  ];
}
