// The leak check's own reading of the audience markers (`x-audience`, `x-internal`, `x-partners`). It is
// written apart from the filter's on purpose: the leak check must decide what a site may not show
// without sharing the judgement it checks, so a broken rule in the filter cannot vouch for itself.
import type { BuildTarget } from '../core/audience.ts';

/** How narrow an audience is: a site of rank r may show content of rank r or lower. */
const RANK = { open: 0, partner: 1, internal: 2 } as const;
type Rank = (typeof RANK)[keyof typeof RANK];

/** What an element's markers allow, read as narrowly as any of them says. */
export interface MarkerReading {
  rank: Rank;
  /** Partner content only: the partners named; absent means every partner. */
  partners?: readonly string[];
}

const INTERNAL: MarkerReading = { rank: RANK.internal };
/** Partner ids as the build accepts them; anything else names no partner, so it reads as internal. */
const PARTNER_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

function has(node: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.hasOwn(node, key);
}

/**
 * The markers of one element, or undefined when it has none. Invalid values read as internal, and
 * markers that contradict each other (`x-audience: open` with `x-partners`, `x-internal: true` with
 * `x-audience: open`) as the narrowest audience any of them names.
 */
export function readMarkers(node: Readonly<Record<string, unknown>>): MarkerReading | undefined {
  if (!has(node, 'x-audience') && !has(node, 'x-internal') && !has(node, 'x-partners')) return undefined;
  if (has(node, 'x-internal') && node['x-internal'] !== false) return INTERNAL;
  let rank: Rank = RANK.open;
  if (has(node, 'x-audience')) {
    const audience = node['x-audience'];
    if (audience !== 'open' && audience !== 'partner' && audience !== 'internal') return INTERNAL;
    rank = RANK[audience];
  }
  if (!has(node, 'x-partners')) return { rank };
  const partners = node['x-partners'];
  if (!Array.isArray(partners) || partners.length === 0 || !partners.every((id) => typeof id === 'string' && PARTNER_ID.test(id))) return INTERNAL;
  // A partner list narrows open content to those partners, and never widens internal content.
  return rank === RANK.internal ? INTERNAL : { rank: RANK.partner, partners: partners as string[] };
}

/** Whether content read as `reading` may be shown on the site of `target`. */
export function mayShow(reading: MarkerReading | undefined, target: BuildTarget): boolean {
  if (!reading) return true;
  if (reading.rank > RANK[target.audience]) return false;
  if (reading.rank !== RANK.partner || target.audience !== 'partner' || !reading.partners) return true;
  // The all-partners site shows only what every partner may see.
  return target.partner !== undefined && reading.partners.includes(target.partner);
}

/**
 * The audience an API declares on `info`: the same markers, except that an API without any is
 * internal, so nothing is published by accident.
 */
export function readApiMarkers(info: unknown): MarkerReading {
  const node = typeof info === 'object' && info !== null && !Array.isArray(info) ? (info as Record<string, unknown>) : {};
  return readMarkers(node) ?? INTERNAL;
}
