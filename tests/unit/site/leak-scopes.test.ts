import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPhraseRemover, createScopeOf } from '../../../src/site/leak-scopes.ts';

describe('createPhraseRemover', () => {
  it('removes Portolan\'s phrases only where they stand as whole words', () => {
    const remove = createPhraseRemover(['Operations tagged', 'in', 'Data models of', '.']);
    expect(remove('Operations tagged payroll in internalNotes.')).toBe('\n payroll \n internalNotes.');
    expect(remove('Data models of Payroll API.')).toBe('\n Payroll API.');
  });
});

const words = (text: string | undefined) => (text ?? '').split(/\s+/).filter(Boolean);

describe('createScopeOf', () => {
  let dataDir: string;
  const read = (text: string) => () => text;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-scopes-'));
    fs.mkdirSync(path.join(dataDir, 'pages'));
    fs.writeFileSync(path.join(dataDir, 'routes.json'), JSON.stringify([{ slug: 'apis/payroll/schemas', file: 'pages/0.json' }]));
    fs.writeFileSync(path.join(dataDir, 'pages', '0.json'), JSON.stringify({ kind: 'schemas', title: 'Schemas · Payroll', description: 'Data models of Payroll.', schemas: [{ name: 'models' }] }));
    fs.writeFileSync(path.join(dataDir, 'catalog.json'), JSON.stringify([{ id: 'payroll', title: 'Payroll' }]));
    fs.writeFileSync(path.join(dataDir, 'site.json'), JSON.stringify({ title: 'Payroll Portal', label: 'Public' }));
  });

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const scopeOf = () => createScopeOf({ dataDir, specFiles: new Map([['payroll.yaml', 'payroll']]), phrases: ['Schemas ·', 'Data models of', 'Portolan', 'Public'] });

  it('judges an API page by its API and by the record it was rendered from, without Portolan\'s phrases', () => {
    const scope = scopeOf()('apis/payroll/schemas/index.html', read(''));
    expect(scope?.apiId).toBe('payroll');
    expect(words(scope?.data)).toEqual(['schemas', 'Payroll', 'Payroll.', 'models']);
  });

  it('judges the catalog page as shared, by the catalog, and a Pagefind fragment by the page it indexes', () => {
    const scope = scopeOf();
    const catalog = scope('index.html', read(''));
    expect(catalog?.apiId).toBeUndefined();
    expect(words(catalog?.data)).toEqual(['payroll', 'Payroll']);
    const fragment = scope('pagefind/fragment/en_1.pf_fragment', read('pagefind_dcd{"url":"/apis/payroll/schemas/","content":"…"}'));
    expect(fragment?.apiId).toBe('payroll');
    expect(words(fragment?.data)).toEqual(['schemas', 'Payroll', 'Payroll.', 'models']);
  });

  it('takes the site settings (title, label) out of the data: they are configuration, not a spec', () => {
    fs.writeFileSync(path.join(dataDir, 'catalog.json'), JSON.stringify([{ id: 'payroll', title: 'Payroll', summary: 'Payroll Portal Public data' }]));
    expect(words(scopeOf()('index.html', read(''))?.data)).toEqual(['payroll', 'Payroll', 'data']);
  });

  it('judges a download whole, by its API', () => {
    expect(scopeOf()('specs/payroll.yaml', read(''))).toEqual({ apiId: 'payroll' });
  });

  it('judges a page without a record, like the 404 page, whole, as a page that holds chrome', () => {
    expect(scopeOf()('404.html', read(''))).toEqual({ apiId: undefined, holdsChrome: true });
    expect(scopeOf()('apis/payroll/extra/index.html', read(''))).toEqual({ apiId: 'payroll', holdsChrome: true });
  });

  it('leaves out the runtime: scripts, styles and the search runtime', () => {
    const scope = scopeOf();
    expect(['_astro/page.js', 'pagefind/pagefind.js', 'pagefind/index/en_1.pf_index', 'favicon.svg'].map((file) => scope(file, read('')))).toEqual([undefined, undefined, undefined, undefined]);
  });
});
