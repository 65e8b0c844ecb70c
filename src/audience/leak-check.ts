// The leak check: after a site is built, every file of it (decompressed, file names included) is
// scanned for identifiers that exist only in content its audience may not see. A hit stops the build
// before the site replaces the previous one. What counts as a hit is decided by the site's own
// reading of the markers (identifiers.ts), per API: a page of one API may show only what that API
// shows, and the chrome (the site's own words, Portolan's vocabulary) is never a marker.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { getLineCol } from '../core/code-frame.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { IdentifierOrigin } from './identifiers.ts';
import { toSlug } from '../core/slug.ts';

export interface LeakMarker extends IdentifierOrigin {
  text: string;
  /** The spec the identifier comes from. */
  file: string;
}

export interface LeakFinding {
  marker: LeakMarker;
  /** The file it was found in, relative to the site's root, with `/` separators. */
  file: string;
  line: number;
  col: number;
}

const TOKEN = /[A-Za-z0-9_]+/g;
const MAX_REPORTED_FINDINGS = 25;
/** Slug forms of these kinds end up in URLs and file names, so they are markers too. */
const SLUGGED_KINDS = new Set(['operationId', 'schema name', 'tag name', 'webhook name', 'API title']);

function getTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const WORD_CHAR = /[A-Za-z0-9_]/;
/** Around a longer marker, these continue a name: `/check` is not in `/check-in` nor `list-pets` in `get-list-pets`. */
const NAME_CHAR = /[A-Za-z0-9_-]/;

interface IndexedMarker {
  marker: LeakMarker;
  /** Where the key token starts inside the marker's text. */
  offset: number;
}

/** Finds which of many markers occur in a text, in time linear in the text. */
export class MarkerIndex {
  private readonly byKeyToken = new Map<string, IndexedMarker[]>();

  constructor(markers: Iterable<LeakMarker>) {
    const list = [...markers];
    // Each marker is looked up by its rarest word among all markers (the longest of equally rare
    // ones), so common words like `v1` or `api` do not make every path a candidate at every place.
    const frequency = new Map<string, number>();
    for (const marker of list) for (const token of new Set(getTokens(marker.text))) frequency.set(token, (frequency.get(token) ?? 0) + 1);
    for (const marker of list) {
      const key = getTokens(marker.text).reduce<string | undefined>((best, token) => {
        if (best === undefined) return token;
        const [a, b] = [frequency.get(token)!, frequency.get(best)!];
        return a < b || (a === b && token.length > best.length) ? token : best;
      }, undefined);
      if (!key) continue;
      const offset = [...marker.text.matchAll(TOKEN)].find((match) => match[0] === key)!.index;
      const bucket = this.byKeyToken.get(key) ?? [];
      bucket.push({ marker, offset });
      this.byKeyToken.set(key, bucket);
    }
  }

  get size(): number {
    return this.byKeyToken.size;
  }

  /**
   * Markers found in `text`, each with where it first occurs: single-word markers as whole words, longer
   * ones (paths, titles, slugs) as whole names, not as the start or end of a longer name. Only the
   * places where a marker's key word stands are compared.
   */
  find(text: string): { marker: LeakMarker; index: number }[] {
    const positions = new Map<string, number[]>();
    for (const match of text.matchAll(TOKEN)) {
      if (!this.byKeyToken.has(match[0])) continue;
      const list = positions.get(match[0]);
      if (list) list.push(match.index);
      else positions.set(match[0], [match.index]);
    }
    const hits: { marker: LeakMarker; index: number }[] = [];
    for (const [token, places] of positions) {
      for (const { marker, offset } of this.byKeyToken.get(token)!) {
        if (marker.text === token) {
          hits.push({ marker, index: places[0]! });
          continue;
        }
        for (const place of places) {
          if (!isNameAt(text, marker.text, place - offset)) continue;
          hits.push({ marker, index: place - offset });
          break;
        }
      }
    }
    return hits;
  }
}

/** Whether `text` holds `name` at `start`, as a whole name rather than part of a longer one. */
function isNameAt(text: string, name: string, start: number): boolean {
  if (start < 0 || !text.startsWith(name, start)) return false;
  if (WORD_CHAR.test(name[0]!) && start > 0 && NAME_CHAR.test(text[start - 1]!)) return false;
  const after = text[start + name.length];
  return !(WORD_CHAR.test(name.at(-1)!) && after !== undefined && NAME_CHAR.test(after));
}

/** Adds slug forms (`list-salaries-secretly` for `listSalariesSecretly`) of names that become URLs. */
export function withSlugForms(markers: LeakMarker[]): LeakMarker[] {
  const out = new Map(markers.map((m) => [m.text, m]));
  for (const marker of markers) {
    if (!SLUGGED_KINDS.has(marker.kind)) continue;
    const slug = toSlug(marker.text, '');
    if (slug.length >= 6 && slug.includes('-') && !out.has(slug)) out.set(slug, { ...marker, text: slug, kind: `${marker.kind} (as a URL slug)` });
  }
  return [...out.values()];
}

/** Markers that occur in any of `texts`. */
export function findMarkersIn(index: MarkerIndex, texts: Iterable<string>, into: Set<LeakMarker> = new Set()): Set<LeakMarker> {
  for (const text of texts) for (const { marker } of index.find(text)) into.add(marker);
  return into;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? [full, ...listFiles(full)] : [full];
  });
}

/** File content as text; Pagefind's gzip files are decompressed first. */
export function readAsText(file: string): string {
  let bytes = fs.readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = zlib.gunzipSync(bytes);
    } catch {
      // Not really gzip: scan the raw bytes.
    }
  }
  return bytes.toString('utf8');
}

/** Where a file of a built site belongs, as the leak check judges it. */
export interface FileScope {
  /** The API whose pages or download hold the file; undefined for files every API shares (the catalog). */
  apiId?: string;
  /**
   * The text of the data the file was rendered from (a page's record). On such a file a marker counts
   * only if it occurs in that data too: whatever else the page prints is the site's own chrome. Without
   * it, the whole file is judged.
   */
  data?: string;
  /**
   * A file judged whole that may hold the site's chrome (the 404 page, a page without a record): the
   * chrome's words are excused on it. Downloads hold no chrome, and pages with data need no excuse.
   */
  holdsChrome?: boolean;
}

/**
 * Says where a file belongs, given its path relative to the site and a way to read it; undefined for
 * the site's runtime (scripts, styles, the search runtime), which holds nothing a spec wrote.
 */
export type ScopeOf = (relativePath: string, read: () => string) => FileScope | undefined;

export interface LeakReferenceTexts {
  /** What must not appear, slug forms included. */
  markers: LeakMarker[];
  /** Per API (by id): what the site may show of it. A page of that API may show these markers. */
  visibleTexts: ReadonlyMap<string, readonly string[]>;
  /** Words of the site's own chrome and Portolan's own vocabulary, excused on files that hold chrome. */
  chromeTexts: readonly string[];
}

/**
 * Scans every file of a built site (names included, gzip decompressed). A marker found on a file of
 * one API is excused only by what that API shows; on a shared file (catalog, 404) by what any API the
 * site shows does; on a file that holds chrome, by the chrome's words too. Findings name files by their
 * path inside the site.
 */
export function scanSite(siteDir: string, reference: LeakReferenceTexts, scopeOf: ScopeOf = () => ({})): LeakFinding[] {
  const index = new MarkerIndex(reference.markers);
  if (index.size === 0) return [];
  const chrome = findMarkersIn(index, reference.chromeTexts);
  const byApi = new Map<string, Set<LeakMarker>>();
  for (const [apiId, texts] of reference.visibleTexts) byApi.set(apiId, findMarkersIn(index, texts));
  const shared = new Set<LeakMarker>();
  for (const excused of byApi.values()) for (const marker of excused) shared.add(marker);

  const inData = new Map<string, Set<LeakMarker>>();
  const findings: LeakFinding[] = [];
  for (const file of listFiles(siteDir)) {
    const relative = path.relative(siteDir, file).split(path.sep).join('/');
    const isFile = fs.statSync(file).isFile();
    let text: string | undefined;
    const read = (): string => (text ??= isFile ? readAsText(file) : '');
    const scope = scopeOf(relative, read);
    if (!scope) continue;
    const excused = scope.apiId === undefined ? shared : (byApi.get(scope.apiId) ?? new Set<LeakMarker>());
    const counts = (marker: LeakMarker): boolean => !excused.has(marker) && !(scope.holdsChrome && chrome.has(marker));
    let search = index;
    if (scope.data !== undefined) {
      // Only what the page's data holds can count on it: when that is nothing, the page is clean
      // without reading it, which keeps the check fast on sites of tens of thousands of pages.
      const found = inData.get(scope.data) ?? findMarkersIn(index, [scope.data]);
      inData.set(scope.data, found);
      const candidates = [...found].filter(counts);
      if (candidates.length === 0) continue;
      search = new MarkerIndex(candidates);
    }
    for (const { marker } of search.find(relative)) if (counts(marker)) findings.push({ marker, file: relative, line: 1, col: 1 });
    if (!isFile) continue;
    const content = read();
    for (const hit of search.find(content)) if (counts(hit.marker)) findings.push({ marker: hit.marker, file: relative, ...getLineCol(content, hit.index) });
  }
  return findings;
}

/**
 * The first findings as diagnostics; the rest are only counted, since one leak usually shows on many
 * pages. Files are named where the site would have been published (`publicDir`), since the folder it
 * was built in is gone by the time anyone reads the message.
 */
export function toLeakDiagnostics(findings: LeakFinding[], siteName: string, publicDir: string, cwd = process.cwd()): { diagnostics: Diagnostic[]; omitted: number } {
  const diagnostics = findings.slice(0, MAX_REPORTED_FINDINGS).map((finding): Diagnostic => ({
    rule: 'portolan/leak-check',
    severity: 'error',
    message:
      `'${finding.marker.text}' (${finding.marker.kind} at ${finding.marker.pointer} in ${path.relative(cwd, finding.marker.file) || finding.marker.file}) ` +
      `is in the ${siteName} site, whose audience may not see it. The site was not published.`,
    file: path.join(publicDir, ...finding.file.split('/')),
    line: finding.line,
    col: finding.col,
  }));
  return { diagnostics, omitted: Math.max(0, findings.length - MAX_REPORTED_FINDINGS) };
}
