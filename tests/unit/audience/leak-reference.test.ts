import { describe, expect, it } from 'vitest';
import { toApiRecord, type ApiRecord } from '../../../src/load/api.ts';
import { getLeakReference } from '../../../src/audience/audience-views.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';

const specsDir = '/repo/specs';
const openSite = { audience: 'open' } as const;

function apiOf(name: string, document: JsonObject): ApiRecord {
  const file = `${specsDir}/${name}.yaml`;
  return toApiRecord({ file, version: 'oas3_1', document, files: [file], idLocation: { pointer: '#/info', line: 1, col: 1 } }, specsDir);
}

describe('the leak check reference at its edges', () => {
  it('looks for an API id of exactly four characters', () => {
    const team = apiOf('team', { openapi: '3.1.0', info: { title: 'Staff', version: '1' }, paths: {} });
    expect(getLeakReference([team], openSite).candidates.map((candidate) => [candidate.text, candidate.kind])).toEqual([
      ['team', 'API id'],
      ['Staff', 'API title'],
    ]);
  });

  it('lets an API\'s pages show its owner and lifecycle, which Portolan reads from info', () => {
    const pets = apiOf('pets', { openapi: '3.1.0', info: { title: 'Pets', version: '1', 'x-audience': 'open', 'x-owner': 'team-kennel', 'x-lifecycle': 'experimental' }, paths: {} });
    const [strings] = getLeakReference([pets], openSite).visibleTexts.get('pets')!.map((text) => text.split('\n'));
    expect(strings!.slice(-2)).toEqual(['team-kennel', 'experimental']);
  });

  it('makes slug forms of shown strings up to 200 characters that hold a letter or digit', () => {
    const long = `Pets ${'x'.repeat(195)}`;
    const longer = `Pets ${'y'.repeat(196)}`;
    const pets = apiOf('pets', { openapi: '3.1.0', info: { title: 'Pets', version: '1', 'x-audience': 'open', description: long, summary: longer }, paths: { '/--': {} } });
    const [, slugs] = getLeakReference([pets], openSite).visibleTexts.get('pets')!.map((text) => text.split('\n'));
    expect(slugs).toContain(`/pets-${'x'.repeat(75)}/`);
    expect(slugs!.some((slug) => slug.includes('yyyy'))).toBe(false);
    expect(slugs).not.toContain('//');
  });

  it('names the first spec as where another partner\'s id comes from', () => {
    const deals = apiOf('deals', { openapi: '3.1.0', info: { title: 'Deals', version: '1', 'x-audience': 'open' }, paths: { '/deals': { get: { 'x-partners': ['globex'], responses: {} } } } });
    expect(getLeakReference([deals], { audience: 'partner', partner: 'acme' }).candidates.filter((candidate) => candidate.kind === 'partner id')).toEqual([
      { text: 'globex', kind: 'partner id', pointer: '#/info/x-partners', file: deals.file },
    ]);
  });
});
