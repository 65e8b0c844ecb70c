import { describe, expect, it } from 'vitest';
import { mayShow, readApiMarkers, readMarkers } from '../../../src/audience/marker-reading.ts';
import type { BuildTarget } from '../../../src/core/audience.ts';

const SITES: Record<string, BuildTarget> = {
  internal: { audience: 'internal' },
  open: { audience: 'open' },
  partner: { audience: 'partner' },
  'partner-acme': { audience: 'partner', partner: 'acme' },
  'partner-globex': { audience: 'partner', partner: 'globex' },
};

/** The sites that may show an element with these markers. */
function sitesShowing(node: Record<string, unknown>): string[] {
  return Object.entries(SITES).filter(([, target]) => mayShow(readMarkers(node), target)).map(([name]) => name);
}

describe('the leak check reading of audience markers', () => {
  it('shows an element without markers everywhere', () => {
    expect(readMarkers({ type: 'string' })).toBeUndefined();
    expect(sitesShowing({})).toEqual(['internal', 'open', 'partner', 'partner-acme', 'partner-globex']);
  });

  it('reads x-audience, x-internal and x-partners', () => {
    expect(sitesShowing({ 'x-audience': 'open' })).toEqual(['internal', 'open', 'partner', 'partner-acme', 'partner-globex']);
    expect(sitesShowing({ 'x-audience': 'partner' })).toEqual(['internal', 'partner', 'partner-acme', 'partner-globex']);
    expect(sitesShowing({ 'x-audience': 'internal' })).toEqual(['internal']);
    expect(sitesShowing({ 'x-internal': true })).toEqual(['internal']);
    expect(sitesShowing({ 'x-internal': false })).toEqual(['internal', 'open', 'partner', 'partner-acme', 'partner-globex']);
    expect(sitesShowing({ 'x-audience': 'partner', 'x-partners': ['acme'] })).toEqual(['internal', 'partner-acme']);
    expect(sitesShowing({ 'x-partners': ['acme', 'globex'] })).toEqual(['internal', 'partner-acme', 'partner-globex']);
  });

  it('reads contradictions as the narrowest audience any marker names', () => {
    expect(sitesShowing({ 'x-audience': 'open', 'x-partners': ['acme'] })).toEqual(['internal', 'partner-acme']);
    expect(sitesShowing({ 'x-internal': true, 'x-audience': 'open' })).toEqual(['internal']);
    expect(sitesShowing({ 'x-internal': true, 'x-partners': ['acme'] })).toEqual(['internal']);
    expect(sitesShowing({ 'x-internal': false, 'x-audience': 'internal' })).toEqual(['internal']);
    expect(sitesShowing({ 'x-audience': 'internal', 'x-partners': ['acme'] })).toEqual(['internal']);
  });

  it('reads a value it does not understand as internal', () => {
    expect(sitesShowing({ 'x-audience': 'public' })).toEqual(['internal']);
    expect(sitesShowing({ 'x-internal': 'yes' })).toEqual(['internal']);
    expect(sitesShowing({ 'x-partners': [] })).toEqual(['internal']);
    expect(sitesShowing({ 'x-partners': 'acme' })).toEqual(['internal']);
    expect(sitesShowing({ 'x-partners': ['Acme Corp'] })).toEqual(['internal']);
  });

  it('reads an API without markers on info as internal, and otherwise like any element', () => {
    expect(readApiMarkers({ title: 'Payroll' })).toEqual({ rank: 2 });
    expect(readApiMarkers(undefined)).toEqual({ rank: 2 });
    expect(readApiMarkers(null)).toEqual({ rank: 2 });
    expect(readApiMarkers({ 'x-audience': 'open', 'x-partners': ['acme'] })).toEqual({ rank: 1, partners: ['acme'] });
    expect(readApiMarkers({ 'x-audience': 'open', 'x-internal': true })).toEqual({ rank: 2 });
  });
});

describe('the leak check reading of partner ids', () => {
  it('accepts an id of letters, digits and hyphens, up to 63 characters, starting with a letter or digit', () => {
    const longest = `a${'b'.repeat(62)}`;
    expect(sitesShowing({ 'x-partners': ['7eleven', 'acme-corp'] })).toEqual(['internal']);
    expect(mayShow(readMarkers({ 'x-partners': ['7eleven', 'acme-corp'] }), { audience: 'partner', partner: 'acme-corp' })).toBe(true);
    expect(mayShow(readMarkers({ 'x-partners': [longest] }), { audience: 'partner', partner: longest })).toBe(true);
  });

  it('reads a list with any other id as internal: too long, starting with a hyphen, with trailing characters, or not a string', () => {
    for (const partners of [[`a${'b'.repeat(63)}`], ['-acme'], ['acme!'], ['acme', 'acme corp'], ['acme', 1]]) {
      expect(readMarkers({ 'x-partners': partners }), JSON.stringify(partners)).toEqual({ rank: 2 });
    }
  });

  it('shows partner content without a partner list on every partner site, and named partner content on no partner site but its own', () => {
    expect(mayShow({ rank: 1 }, { audience: 'partner' })).toBe(true);
    expect(mayShow({ rank: 1, partners: ['acme'] }, { audience: 'partner' })).toBe(false);
    expect(mayShow({ rank: 1, partners: ['acme'] }, { audience: 'internal' })).toBe(true);
    expect(mayShow({ rank: 1, partners: ['acme'] }, { audience: 'open' })).toBe(false);
  });
});
