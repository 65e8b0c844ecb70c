// The leak check: after a site is built, every file of it (decompressed, file names included) is
// scanned for identifiers that exist only in content its audience may not see. A hit stops the build
// before the site replaces the previous one.
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
  /** The output file it was found in, absolute. */
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

/** The longest token of a marker: the cheapest way to rule a file in or out before a substring search. */
function getKeyToken(text: string): string | undefined {
  return getTokens(text).reduce<string | undefined>((longest, token) => (!longest || token.length > longest.length ? token : longest), undefined);
}

/** Finds which of many markers occur in a text, in time linear in the text. */
export class MarkerIndex {
  private readonly byKeyToken = new Map<string, LeakMarker[]>();

  constructor(markers: Iterable<LeakMarker>) {
    for (const marker of markers) {
      const key = getKeyToken(marker.text);
      if (!key) continue;
      const list = this.byKeyToken.get(key) ?? [];
      list.push(marker);
      this.byKeyToken.set(key, list);
    }
  }

  get size(): number {
    return this.byKeyToken.size;
  }

  /** Markers found in `text`: single-token markers as whole tokens, longer ones as substrings. */
  find(text: string, tokens: ReadonlySet<string> = new Set(getTokens(text))): { marker: LeakMarker; index: number }[] {
    const hits: { marker: LeakMarker; index: number }[] = [];
    for (const token of tokens) {
      for (const marker of this.byKeyToken.get(token) ?? []) {
        if (marker.text === token) {
          hits.push({ marker, index: new RegExp(`(?<![A-Za-z0-9_])${token}(?![A-Za-z0-9_])`).exec(text)?.index ?? text.indexOf(token) });
        } else {
          const index = text.indexOf(marker.text);
          if (index >= 0) hits.push({ marker, index });
        }
      }
    }
    return hits;
  }
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

/**
 * Drops markers a site may legitimately contain: those that occur in what it may see (the filtered
 * descriptions, the catalog) and those that are ordinary words of the site's own chrome.
 */
export function selectMarkers(candidates: LeakMarker[], visibleTexts: string[], chromeTexts: string[]): LeakMarker[] {
  const index = new MarkerIndex(candidates);
  const excluded = new Set<LeakMarker>();
  for (const text of [...visibleTexts, ...chromeTexts]) {
    for (const { marker } of index.find(text)) excluded.add(marker);
  }
  return candidates.filter((marker) => !excluded.has(marker));
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

/** Spec-independent files of a built site: its shared assets and its 404 page. */
export function getChromeTexts(siteDir: string, extraFiles: string[] = []): string[] {
  const files = listFiles(siteDir).filter((file) => {
    const relative = path.relative(siteDir, file).split(path.sep).join('/');
    return relative === '404.html' || relative.startsWith('_astro/') || /^pagefind\/([^/]+\.(js|css)|wasm\.[^/]+)$/.test(relative);
  });
  return [...files, ...extraFiles].filter((file) => fs.statSync(file).isFile()).map(readAsText);
}

export function scanSite(siteDir: string, markers: LeakMarker[]): LeakFinding[] {
  const index = new MarkerIndex(markers);
  if (index.size === 0) return [];
  const findings: LeakFinding[] = [];
  for (const file of listFiles(siteDir)) {
    const name = path.relative(siteDir, file);
    for (const { marker } of index.find(name)) findings.push({ marker, file, line: 1, col: 1 });
    if (!fs.statSync(file).isFile()) continue;
    const text = readAsText(file);
    for (const hit of index.find(text)) findings.push({ marker: hit.marker, file, ...getLineCol(text, hit.index) });
  }
  return findings;
}

/** The first findings as diagnostics; the rest are only counted, since one leak usually shows on many pages. */
export function toLeakDiagnostics(findings: LeakFinding[], siteName: string, cwd = process.cwd()): { diagnostics: Diagnostic[]; omitted: number } {
  const diagnostics = findings.slice(0, MAX_REPORTED_FINDINGS).map((finding): Diagnostic => ({
    rule: 'portolan/leak-check',
    severity: 'error',
    message:
      `'${finding.marker.text}' (${finding.marker.kind} at ${finding.marker.pointer} in ${path.relative(cwd, finding.marker.file) || finding.marker.file}) ` +
      `is in the ${siteName} site, whose audience may not see it. The site was not published.`,
    file: finding.file,
    line: finding.line,
    col: finding.col,
  }));
  return { diagnostics, omitted: Math.max(0, findings.length - MAX_REPORTED_FINDINGS) };
}
