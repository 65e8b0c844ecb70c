// Where each file of a built site comes from, for the leak check: which API's pages it belongs to (its
// URL, or for a search fragment the URL it indexes), and which page record it was rendered from. A
// word on a page that is not in its record was printed by the chrome (Starlight, Portolan's
// templates), and Portolan's own phrases are taken out of the record, so only what a spec wrote is
// judged. Files with no record (the 404 page, anything unexpected) are judged whole.
import fs from 'node:fs';
import path from 'node:path';
import type { FileScope, ScopeOf } from '../audience/leak-check.ts';
import type { RouteEntry } from '../model/site-model.ts';
import { API_BASE, SPEC_BASE } from '../model/pages.ts';
import { collectRecordStrings } from './record-text.ts';

/** The site's runtime: scripts, styles and the search runtime, the same for any catalog. */
const RUNTIME_FILE = /^(_astro\/|pagefind\/(?!fragment\/)|favicon\.svg$)/;
const SEARCH_FRAGMENT = /^pagefind\/fragment\/[^/]+$/;
const WORD = /[A-Za-z0-9_]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes Portolan's phrases from a text, each only where it stands as whole words, so that taking out
 * "in" never breaks "internalNotes" apart.
 */
export function createPhraseRemover(phrases: readonly string[]): (text: string) => string {
  const patterns = [...new Set(phrases.map((phrase) => phrase.trim()).filter((phrase) => WORD.test(phrase)))]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => `${WORD.test(phrase[0]!) ? '(?<![A-Za-z0-9_])' : ''}${escapeRegExp(phrase)}${WORD.test(phrase.at(-1)!) ? '(?![A-Za-z0-9_])' : ''}`);
  if (patterns.length === 0) return (text) => text;
  const pattern = new RegExp(patterns.join('|'), 'g');
  return (text) => text.replace(pattern, '\n');
}

/** The URL a page file is served at: `apis/pets/index.html` is `/apis/pets/`. */
function toPageUrl(relativePath: string): string | undefined {
  if (relativePath === 'index.html') return '/';
  return relativePath.endsWith('/index.html') ? `/${relativePath.slice(0, -'index.html'.length)}` : undefined;
}

/** The URL a Pagefind fragment indexes. Decompressed, a fragment is a signature and then JSON. */
function getFragmentUrl(text: string): string | undefined {
  try {
    const url = (JSON.parse(text.slice(text.indexOf('{'))) as { url?: unknown }).url;
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}

export interface SiteLayout {
  /** The data folder the site was rendered from (routes, page records, catalog). */
  dataDir: string;
  /** Download file name → API id, for `specs/<file>`. */
  specFiles: ReadonlyMap<string, string>;
  /** Portolan's own phrases (page model vocabulary, site title and label): not spec content. */
  phrases: readonly string[];
}

/**
 * Says, for each file of a site built from `layout.dataDir`, which API it belongs to and what data made
 * it: an API page its record, the catalog page the catalog.
 */
export function createScopeOf(layout: SiteLayout): ScopeOf {
  const readData = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(layout.dataDir, file), 'utf8'));
  const routes = new Map((readData('routes.json') as RouteEntry[]).map((route) => [`/${route.slug}/`, route.file]));
  // The site's settings (title, label, branding) are Portolan's configuration, not any spec's words.
  const removePhrases = createPhraseRemover([...layout.phrases, ...collectRecordStrings(readData('site.json'))]);
  const dataByUrl = new Map<string, string | undefined>();

  const getApiId = (url: string): string | undefined => {
    const [, base, id] = url.split('/');
    return `/${base}` === API_BASE && id ? id : undefined;
  };
  const getData = (url: string): string | undefined => {
    if (!dataByUrl.has(url)) {
      const file = url === '/' ? undefined : routes.get(url);
      const records = url === '/' ? [readData('catalog.json')] : file ? [readData(file)] : undefined;
      dataByUrl.set(url, records && removePhrases(collectRecordStrings(records).join('\n')));
    }
    return dataByUrl.get(url);
  };
  const toScope = (url: string): FileScope => {
    const data = getData(url);
    return data === undefined ? { apiId: getApiId(url), holdsChrome: true } : { apiId: getApiId(url), data };
  };

  return (relativePath, read) => {
    if (RUNTIME_FILE.test(relativePath)) return undefined;
    if (SEARCH_FRAGMENT.test(relativePath)) {
      const url = getFragmentUrl(read());
      return url ? toScope(url) : { holdsChrome: true };
    }
    const pageUrl = toPageUrl(relativePath);
    if (pageUrl) return toScope(pageUrl);
    if (relativePath === 'catalog.json') return { data: removePhrases(collectRecordStrings(readData('catalog.json')).join('\n')) };
    const [top, name] = relativePath.split('/');
    if (`/${top}` === SPEC_BASE && name) return { apiId: layout.specFiles.get(name) };
    // Folders (only their names are read) and anything else: judged whole, by the API its path names.
    return { apiId: getApiId(`/${relativePath}/`), holdsChrome: true };
  };
}
