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

/** The keys by which any element, `info` included, narrows its audience. */
export const AUDIENCE_MARKERS = ['x-audience', 'x-internal', 'x-partners'] as const;

export interface DeclaredVisibility {
  audience: Audience;
  /** For partner content: the partners that may see it; undefined means every partner. */
  partners?: string[];
}

type MarkerNode = Readonly<Record<string, unknown>>;

function asMarkerNode(node: unknown): MarkerNode {
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as MarkerNode) : {};
}

/**
 * What an element says about its own audience, or undefined when it carries no marker. Every value
 * that is not valid counts as internal, and markers that contradict each other are read as the
 * narrowest audience any of them names: lint reports both, and the build never guesses wider.
 */
export function getDeclaredVisibility(node: unknown): DeclaredVisibility | undefined {
  const record = asMarkerNode(node);
  if (!AUDIENCE_MARKERS.some((marker) => Object.hasOwn(record, marker))) return undefined;
  const internalFlag = record['x-internal'];
  if (Object.hasOwn(record, 'x-internal') && internalFlag !== false) return { audience: 'internal' };
  const hasAudience = Object.hasOwn(record, 'x-audience');
  const rawAudience = record['x-audience'];
  if (hasAudience && !isAudience(rawAudience)) return { audience: 'internal' };
  if (!Object.hasOwn(record, 'x-partners')) return { audience: hasAudience ? (rawAudience as Audience) : 'open' };
  const partners = record['x-partners'];
  if (!Array.isArray(partners) || partners.length === 0 || !partners.every(isPartnerId)) return { audience: 'internal' };
  // x-partners names partner content; with x-audience: internal the narrower of the two is internal.
  if (rawAudience === 'internal') return { audience: 'internal' };
  return { audience: 'partner', partners: [...partners] };
}

/** Two markers on one element that say different things, and how the element is read. */
export interface MarkerContradiction {
  /** The markers as written, e.g. `x-internal: true` and `x-audience: open`. */
  markers: [string, string];
  readAs: DeclaredVisibility;
  /** What to change, in words. */
  fix: string;
}

/** The first contradiction among an element's markers, or undefined. Invalid values are not contradictions. */
export function getMarkerContradiction(node: unknown): MarkerContradiction | undefined {
  const record = asMarkerNode(node);
  const audience = record['x-audience'];
  const internal = record['x-internal'];
  const partners = record['x-partners'];
  const hasPartners = Array.isArray(partners) && partners.length > 0 && partners.every(isPartnerId);
  const readAs = getDeclaredVisibility(record) ?? { audience: DEFAULT_AUDIENCE };
  if (internal === true && (audience === 'open' || audience === 'partner')) {
    return { markers: ['x-internal: true', `x-audience: ${audience}`], readAs, fix: `remove x-internal to show it to ${audience === 'open' ? 'everyone' : 'partners'}, or remove x-audience to keep it internal` };
  }
  if (internal === true && hasPartners) {
    return { markers: ['x-internal: true', 'x-partners'], readAs, fix: 'remove x-internal to show it to the partners listed, or remove x-partners to keep it internal' };
  }
  if (internal === false && audience === 'internal') {
    return { markers: ['x-internal: false', 'x-audience: internal'], readAs, fix: 'remove x-internal: false to keep it internal, or change x-audience to show it wider' };
  }
  if (hasPartners && (audience === 'open' || audience === 'internal')) {
    return {
      markers: [`x-audience: ${audience}`, 'x-partners'],
      readAs,
      fix: audience === 'open' ? "remove x-partners to make it open, or set x-audience: partner to show it only to the partners listed" : "remove x-partners to keep it internal, or set x-audience: partner to show it to the partners listed",
    };
  }
  return undefined;
}

/** How a contradiction is read, in words: "internal", "partner content for acme". */
export function describeVisibility(visibility: DeclaredVisibility): string {
  if (visibility.audience !== 'partner') return visibility.audience;
  return visibility.partners ? `partner content for ${visibility.partners.join(', ')}` : 'partner';
}

/**
 * The audience an API declares in `info`, by the same rules as any element's markers; an API that
 * declares nothing is internal. (`x-partners` absent means every partner.)
 */
export function getDeclaredApiAudience(info: unknown): DeclaredVisibility {
  return getDeclaredVisibility(info) ?? { audience: DEFAULT_AUDIENCE };
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
