import { describe, expect, it } from 'vitest';
import { getPageModelVocabulary } from '../../../src/site/page-vocabulary.ts';
import { createPhraseRemover } from '../../../src/site/leak-scopes.ts';

describe('getPageModelVocabulary', () => {
  // Computed inside each test, never while the file is collected: mutation testing can then tell
  // which tests run the filter, instead of running every test for every mutant of it.
  const getVocabulary = () => getPageModelVocabulary({ audience: 'open' });

  it('holds the phrases the page model writes itself: headings, labels, page descriptions', () => {
    const vocabulary = getVocabulary();
    expect(vocabulary).toEqual(expect.arrayContaining(['Data models of', 'Operations tagged', 'Other operations', 'Overview', '← All APIs', 'Changes to', 'webhook of']));
  });

  it('holds the parameter locations, which it prints for response headers too', () => {
    const vocabulary = getVocabulary();
    expect(vocabulary).toEqual(expect.arrayContaining(['query', 'header', 'path', 'cookie']));
  });

  it('holds the type labels, security explanations and curl commands Portolan writes', () => {
    const vocabulary = getVocabulary();
    expect(vocabulary).toEqual(expect.arrayContaining(['string<date-time>', 'read-only', 'HTTP Bearer', 'Authorization code']));
    expect(vocabulary.some((phrase) => phrase.startsWith('curl --request GET'))).toBe(true);
  });

  it('holds no word a spec wrote, and no value it only echoes', () => {
    const vocabulary = getVocabulary();
    expect(vocabulary.join(' ')).not.toMatch(/zqxprobe/);
    expect(vocabulary).not.toContain('application/json');
    expect(vocabulary).not.toContain('production');
  });

  it('takes out of a page record only its own phrases, never a hidden name standing on its own', () => {
    const vocabulary = getVocabulary();
    const words = new Set(vocabulary.flatMap((phrase) => phrase.match(/[A-Za-z0-9_]+/g) ?? []));
    const remove = createPhraseRemover(vocabulary);
    const record = ['Data models of Payroll.', 'settings', 'debug', 'internal', 'override', 'draft', 'hidden', 'default', 'enum', 'models', 'code'].join('\n');
    expect(remove(record).split(/\s+/).filter(Boolean)).toEqual(['Payroll.', 'settings', 'debug', 'internal', 'override', 'draft', 'hidden', 'default', 'enum', 'models', 'code']);
    for (const name of ['settings', 'debug', 'internal', 'override', 'draft', 'hidden']) expect(words.has(name), name).toBe(false);
  });
});
