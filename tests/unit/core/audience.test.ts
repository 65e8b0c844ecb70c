import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AUDIENCE,
  getBuildTargets,
  getDeclaredApiAudience,
  getDeclaredVisibility,
  getMarkerContradiction,
  getTargetLabel,
  getTargetName,
  isAudience,
  isLifecycle,
  isPartnerId,
  isVisibleTo,
  type BuildTarget,
} from '../../../src/core/audience.ts';

const internalSite: BuildTarget = { audience: 'internal' };
const partnerSite: BuildTarget = { audience: 'partner' };
const openSite: BuildTarget = { audience: 'open' };
const acmeSite: BuildTarget = { audience: 'partner', partner: 'acme' };
const globexSite: BuildTarget = { audience: 'partner', partner: 'globex' };

describe('isVisibleTo', () => {
  it('treats an API without x-audience as internal', () => {
    expect(DEFAULT_AUDIENCE).toBe('internal');
  });

  it('keeps an API untagged with x-audience internal off the open site', () => {
    expect(isVisibleTo(DEFAULT_AUDIENCE, undefined, openSite)).toBe(false);
  });

  it('keeps internal APIs off every partner site', () => {
    expect(isVisibleTo('internal', undefined, partnerSite)).toBe(false);
    expect(isVisibleTo('internal', undefined, acmeSite)).toBe(false);
  });

  it('shows every API on the internal site', () => {
    expect(isVisibleTo('internal', undefined, internalSite)).toBe(true);
    expect(isVisibleTo('partner', ['acme'], internalSite)).toBe(true);
    expect(isVisibleTo('open', undefined, internalSite)).toBe(true);
  });

  it('shows open APIs on every site', () => {
    for (const site of [internalSite, partnerSite, openSite, acmeSite]) expect(isVisibleTo('open', undefined, site)).toBe(true);
  });

  it('keeps partner APIs off the open site', () => {
    expect(isVisibleTo('partner', undefined, openSite)).toBe(false);
    expect(isVisibleTo('partner', ['acme'], openSite)).toBe(false);
  });

  it('shows an unrestricted partner API on the all-partners site and on each partner site', () => {
    expect(isVisibleTo('partner', undefined, partnerSite)).toBe(true);
    expect(isVisibleTo('partner', undefined, acmeSite)).toBe(true);
  });

  it('keeps an API restricted with x-partners off the all-partners site', () => {
    expect(isVisibleTo('partner', ['acme'], partnerSite)).toBe(false);
  });

  it('shows a restricted partner API only on the sites of the partners it names', () => {
    expect(isVisibleTo('partner', ['acme'], acmeSite)).toBe(true);
    expect(isVisibleTo('partner', ['acme'], globexSite)).toBe(false);
  });
});

describe('getBuildTargets', () => {
  it('builds internal, open and all-partners sites even without partners', () => {
    expect(getBuildTargets([])).toEqual([{ audience: 'internal' }, { audience: 'open' }, { audience: 'partner' }]);
  });

  it('adds one site per partner, sorted and without duplicates', () => {
    expect(getBuildTargets(['globex', 'acme', 'globex']).slice(3)).toEqual([
      { audience: 'partner', partner: 'acme' },
      { audience: 'partner', partner: 'globex' },
    ]);
  });
});

describe('target names and labels', () => {
  it('names partner sites partner-<id> and the others by audience', () => {
    expect(getTargetName(acmeSite)).toBe('partner-acme');
    expect(getTargetName(partnerSite)).toBe('partner');
    expect(getTargetName(openSite)).toBe('open');
  });

  it('labels sites for readers', () => {
    expect([internalSite, openSite, partnerSite, acmeSite].map(getTargetLabel)).toEqual(['Internal', 'Public', 'Partners', 'Partner: acme']);
  });
});

describe('value checks', () => {
  it('accepts only the three audiences', () => {
    expect(['open', 'partner', 'internal', 'public', 'Open', 1].map(isAudience)).toEqual([true, true, true, false, false, false]);
  });

  it('accepts only the four lifecycles', () => {
    expect(['experimental', 'production', 'deprecated', 'retired', 'beta'].map(isLifecycle)).toEqual([true, true, true, true, false]);
  });

  it('accepts partner ids that are safe folder names', () => {
    expect(['acme', 'acme-retail', '7eleven'].every(isPartnerId)).toBe(true);
    expect(['Acme', '-acme', '../acme', 'acme retail', '', 'a'.repeat(64)].some(isPartnerId)).toBe(false);
  });
});

describe('contradictory markers read as the narrowest audience', () => {
  it('reads x-audience: open with x-partners as partner content for those partners, never as open', () => {
    expect(getDeclaredVisibility({ 'x-audience': 'open', 'x-partners': ['acme'] })).toEqual({ audience: 'partner', partners: ['acme'] });
  });

  it('reads x-internal: true with x-audience: open or partner, or with x-partners, as internal', () => {
    for (const node of [{ 'x-internal': true, 'x-audience': 'open' }, { 'x-internal': true, 'x-audience': 'partner' }, { 'x-internal': true, 'x-partners': ['acme'] }]) {
      expect(getDeclaredVisibility(node), JSON.stringify(node)).toEqual({ audience: 'internal' });
    }
  });

  it('reads x-audience: internal with x-partners, and x-internal: false with x-audience: internal, as internal', () => {
    expect(getDeclaredVisibility({ 'x-audience': 'internal', 'x-partners': ['acme'] })).toEqual({ audience: 'internal' });
    expect(getDeclaredVisibility({ 'x-internal': false, 'x-audience': 'internal' })).toEqual({ audience: 'internal' });
  });

  it('names both markers, the reading and the fix of a contradiction', () => {
    expect(getMarkerContradiction({ 'x-audience': 'open', 'x-partners': ['acme'] })).toEqual({
      markers: ['x-audience: open', 'x-partners'],
      readAs: { audience: 'partner', partners: ['acme'] },
      fix: 'remove x-partners to make it open, or set x-audience: partner to show it only to the partners listed',
    });
    expect(getMarkerContradiction({ 'x-internal': true, 'x-audience': 'open' })?.markers).toEqual(['x-internal: true', 'x-audience: open']);
  });

  it('finds no contradiction in markers that agree or in invalid values, which lint reports on their own', () => {
    for (const node of [{ 'x-audience': 'partner', 'x-partners': ['acme'] }, { 'x-internal': false, 'x-audience': 'open' }, { 'x-internal': true, 'x-audience': 'internal' }, { 'x-audience': 'open', 'x-partners': 'acme' }, {}]) {
      expect(getMarkerContradiction(node), JSON.stringify(node)).toBeUndefined();
    }
  });
});

describe('getDeclaredApiAudience: markers on info follow the rules of every element', () => {
  it('reads x-internal: true on info as internal, whatever x-audience says', () => {
    expect(getDeclaredApiAudience({ 'x-audience': 'open', 'x-internal': true })).toEqual({ audience: 'internal' });
  });

  it('reads x-audience: open with x-partners on info as partner content for those partners', () => {
    expect(getDeclaredApiAudience({ 'x-audience': 'open', 'x-partners': ['acme'] })).toEqual({ audience: 'partner', partners: ['acme'] });
  });

  it('reads an info without markers, or with an invalid partner list, as internal', () => {
    expect(getDeclaredApiAudience({ title: 'Pets' })).toEqual({ audience: 'internal' });
    expect(getDeclaredApiAudience({ 'x-audience': 'partner', 'x-partners': ['acme', 'Acme Retail'] })).toEqual({ audience: 'internal' });
    expect(getDeclaredApiAudience(undefined)).toEqual({ audience: 'internal' });
  });
});
