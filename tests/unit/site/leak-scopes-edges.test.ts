import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPhraseRemover, createScopeOf } from '../../../src/site/leak-scopes.ts';

describe('createPhraseRemover at its edges', () => {
  it('leaves a text as it is when there is no phrase with a word in it', () => {
    expect(createPhraseRemover([])('Payroll API')).toBe('Payroll API');
    expect(createPhraseRemover(['·', ' '])('Payroll · API')).toBe('Payroll · API');
  });

  it('does not remove a phrase from the end of a longer word', () => {
    expect(createPhraseRemover(['in'])('within in')).toBe('within \n');
  });

  it('removes the longest phrase where phrases overlap', () => {
    expect(createPhraseRemover(['Data', 'Data models of'])('Data models of Payroll')).toBe('\n Payroll');
  });

  it('removes a phrase that starts or ends with a sign even right beside a word', () => {
    const remove = createPhraseRemover(['← All APIs', 'Schemas ·']);
    expect(remove('Home← All APIs')).toBe('Home\n');
    expect(remove('Schemas ·Payroll')).toBe('\nPayroll');
  });

  it('trims phrases, and removes regular expression signs as written', () => {
    expect(createPhraseRemover(['  Operations tagged  ', 'Type (any)'])('Operations tagged pets, Type (any) or Type a')).toBe('\n pets, \n or Type a');
  });
});

const words = (text: string | undefined) => (text ?? '').split(/\s+/).filter(Boolean);

describe('createScopeOf at its edges', () => {
  let dataDir: string;
  const read = (text: string) => () => text;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-scope-edges-'));
    fs.mkdirSync(path.join(dataDir, 'pages'));
    fs.writeFileSync(path.join(dataDir, 'routes.json'), JSON.stringify([{ slug: 'apis/payroll', file: 'pages/0.json' }]));
    fs.writeFileSync(path.join(dataDir, 'pages', '0.json'), JSON.stringify({ kind: 'overview', title: 'Payroll overview' }));
    fs.writeFileSync(path.join(dataDir, 'catalog.json'), JSON.stringify([{ id: 'payroll', title: 'Payroll' }]));
    fs.writeFileSync(path.join(dataDir, 'site.json'), JSON.stringify({ title: 'Staff Portal' }));
  });

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const scopeOf = () => createScopeOf({ dataDir, specFiles: new Map([['payroll.yaml', 'payroll']]), phrases: ['overview'] });

  it('judges the catalog data file as shared, by the catalog, without the site settings', () => {
    fs.writeFileSync(path.join(dataDir, 'catalog.json'), JSON.stringify([{ id: 'payroll', title: 'Payroll', summary: 'Staff Portal data' }]));
    const scope = scopeOf()('catalog.json', read(''));
    expect(scope?.apiId).toBeUndefined();
    expect(words(scope?.data)).toEqual(['payroll', 'Payroll', 'data']);
  });

  it('judges a Pagefind fragment without a readable page URL whole, as a file that holds chrome', () => {
    const scope = scopeOf();
    expect(scope('pagefind/fragment/en_1.pf_fragment', read('pagefind_dcd not json'))).toEqual({ holdsChrome: true });
    expect(scope('pagefind/fragment/en_2.pf_fragment', read('{"url":7}'))).toEqual({ holdsChrome: true });
    expect(scope('pagefind/fragment/en_3.pf_fragment', read('{"content":"x"}'))).toEqual({ holdsChrome: true });
  });

  it('judges a fragment of a page without a record whole, by the API of its URL', () => {
    expect(scopeOf()('pagefind/fragment/en_4.pf_fragment', read('{"url":"/apis/payroll/extra/"}'))).toEqual({ apiId: 'payroll', holdsChrome: true });
  });

  it('judges folders and unknown files whole, by the API their path names', () => {
    const scope = scopeOf();
    expect(scope('apis/payroll/operations', read(''))).toEqual({ apiId: 'payroll', holdsChrome: true });
    expect(scope('apis', read(''))).toEqual({ apiId: undefined, holdsChrome: true });
    expect(scope('robots.txt', read(''))).toEqual({ apiId: undefined, holdsChrome: true });
    expect(scope('other/payroll/index.txt', read(''))).toEqual({ apiId: undefined, holdsChrome: true });
  });

  it('judges a download of an unknown spec as shared, and the specs folder by no API', () => {
    const scope = scopeOf();
    expect(scope('specs/unknown.yaml', read(''))).toEqual({ apiId: undefined });
    expect(scope('specs', read(''))).toEqual({ apiId: undefined, holdsChrome: true });
  });

  it('judges only index.html files as pages, and only files at the top of pagefind/fragment/ as fragments: anything else is judged whole', () => {
    const scope = scopeOf();
    expect(words(scope('apis/payroll/index.html', read(''))?.data)).toEqual(['Payroll']);
    expect(scope('apis/payroll/notindex.html', read(''))).toEqual({ apiId: 'payroll', holdsChrome: true });
    expect(scope('pagefind/fragment/en/1.pf_fragment', read('{"url":"/apis/payroll/"}'))).toEqual({ apiId: undefined, holdsChrome: true });
    expect(scope('apis/payroll/pagefind/fragment/en_1.pf_fragment', read('{"url":"/"}'))).toEqual({ apiId: 'payroll', holdsChrome: true });
  });

  it('leaves out only the runtime: not a file whose name merely contains a runtime folder', () => {
    const scope = scopeOf();
    expect(scope('apis/payroll/_astro/x.js', read(''))).toEqual({ apiId: 'payroll', holdsChrome: true });
    expect(scope('docs/favicon.svg', read(''))).toEqual({ apiId: undefined, holdsChrome: true });
    expect(scope('favicon.svg.bak', read(''))).toEqual({ apiId: undefined, holdsChrome: true });
    expect(scope('docs/pagefind/pagefind.js', read(''))).toEqual({ apiId: undefined, holdsChrome: true });
  });

  it('reads a page record once, however many files are rendered from it', () => {
    const scope = scopeOf();
    const first = scope('apis/payroll/index.html', read(''));
    fs.rmSync(path.join(dataDir, 'pages', '0.json'));
    expect(scope('pagefind/fragment/en_5.pf_fragment', read('{"url":"/apis/payroll/"}'))).toEqual(first);
  });
});
