import { describe, expect, it } from 'vitest';
import { getPageModelVocabulary } from '../../../src/site/page-vocabulary.ts';

describe('the phrases of Portolan\'s vocabulary', () => {
  // Computed inside each test, so that mutation runs know which tests run the probe.
  it('are the open site\'s when no site is named', () => {
    expect(getPageModelVocabulary()).toEqual(getPageModelVocabulary({ audience: 'open' }));
  });

  it('each hold a letter or digit, without a shell line continuation or surrounding space', () => {
    const vocabulary = getPageModelVocabulary({ audience: 'open' });
    expect(vocabulary.filter((phrase) => !/[A-Za-z0-9]/.test(phrase))).toEqual([]);
    expect(vocabulary.filter((phrase) => phrase.endsWith('\\') || phrase !== phrase.trim())).toEqual([]);
    expect(vocabulary).toEqual(expect.arrayContaining(['--header', '--data', '--url']));
  });

  it('leave out what a spec wrote on its own: status codes, formats, scheme and flow values, versions', () => {
    const vocabulary = getPageModelVocabulary({ audience: 'open' });
    for (const echoed of ['200', '404', 'uuid', 'date-time', 'bearer', 'apiKey', 'oauth2', '3.1.0', 'production', 'openIdConnect']) expect(vocabulary, echoed).not.toContain(echoed);
  });
});
