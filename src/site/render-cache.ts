// Rendered pages kept between builds, so a merge that changes one spec renders only that spec's pages.
// An entry is found by its render key: a hash of everything that shapes the page's HTML (the page
// record, its URL, and the renderer version: Portolan's sources, its dependencies' versions, branding,
// site settings and lint config). Nothing in the cache is trusted: the folder must carry Portolan's
// marker, each entry is checked against the content hash the manifest recorded when it was written,
// and anything that does not match is rendered again. Writes go through a temporary name and a rename,
// so a build killed halfway leaves at worst an entry the manifest does not know.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Names the folder as Portolan's: a folder without it (or with another format) is never used. */
export const CACHE_MARKER_FILE = 'portolan-render-cache.json';
const CACHE_FORMAT = 1;
const MANIFEST_FILE = 'manifest.json';
const ASSETS_DIR = 'assets';
const PAGES_DIR = 'pages';
/** Keys are sha256 hex digests. */
const KEY = /^[0-9a-f]{64}$/;

export function toHash(...parts: (string | Buffer)[]): string {
  const hash = crypto.createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    // A separator no part can end with, so ('ab', 'c') and ('a', 'bc') differ.
    hash.update('\0');
  }
  return hash.digest('hex');
}

interface Manifest {
  format: number;
  version: string;
  /** Render key -> sha256 of the stored HTML. */
  pages: Record<string, string>;
  /** Site-relative asset path (`_astro/x.css`) -> sha256 of its bytes. */
  assets: Record<string, string>;
}

export interface RenderCache {
  /** Where entries are stored. */
  dir: string;
  has(key: string): boolean;
  /** The stored HTML, or undefined when it is missing or does not match its recorded hash. */
  read(key: string): string | undefined;
  write(key: string, html: string): void;
  /** Stores the runtime files (scripts, styles) a render produced; names are content hashes already. */
  addAssets(siteDir: string): void;
  /** Copies every stored runtime file into a site. */
  copyAssets(siteDir: string): void;
  hasAssets(): boolean;
  /** Entries that failed their check and will be rendered again. */
  readonly rejected: number;
  /** Records what this build wrote, for the next build. */
  save(): void;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function writeAtomically(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

function isManifest(value: unknown, version: string): value is Manifest {
  if (typeof value !== 'object' || value === null) return false;
  const manifest = value as Partial<Manifest>;
  return manifest.format === CACHE_FORMAT && manifest.version === version && typeof manifest.pages === 'object' && manifest.pages !== null && typeof manifest.assets === 'object' && manifest.assets !== null;
}

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** Why a folder cannot be used as the cache, or undefined when it can (missing and empty folders can). */
export function getForeignReason(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  if (!fs.statSync(dir).isDirectory()) return 'it is not a folder';
  const entries = fs.readdirSync(dir);
  if (entries.length === 0) return undefined;
  const marker = readJson(path.join(dir, CACHE_MARKER_FILE)) as { tool?: unknown; format?: unknown } | undefined;
  if (marker?.tool !== 'portolan') return `it holds other files and no ${CACHE_MARKER_FILE}`;
  if (marker.format !== CACHE_FORMAT) return `it was written by another Portolan cache format (${String(marker.format)})`;
  return undefined;
}

/**
 * Opens the cache in `dir` for renderer `version`. Entries of other versions are removed (they can never
 * be used again). A folder that is not Portolan's is left alone: the build then uses `fallbackDir`, a
 * fresh folder of its own, and renders everything.
 */
export function openRenderCache(dir: string, version: string, warn: (line: string) => void = () => {}, fallbackDir?: string): RenderCache {
  const foreign = getForeignReason(dir);
  if (foreign) {
    if (!fallbackDir) throw new MergeSourceError(`${dir} is not a Portolan render cache (${foreign})`);
    warn(`render cache ignored: ${dir} is not a Portolan render cache (${foreign}); every page is rendered`);
    return openRenderCache(fallbackDir, version);
  }
  fs.mkdirSync(dir, { recursive: true });
  writeAtomically(path.join(dir, CACHE_MARKER_FILE), JSON.stringify({ tool: 'portolan', format: CACHE_FORMAT }) + '\n');
  const versionDir = path.join(dir, version.slice(0, 16));
  for (const entry of fs.readdirSync(dir)) {
    if (entry !== CACHE_MARKER_FILE && path.join(dir, entry) !== versionDir) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
  const stored = readJson(path.join(versionDir, MANIFEST_FILE));
  if (fs.existsSync(path.join(versionDir, MANIFEST_FILE)) && !isManifest(stored, version)) warn(`render cache: ${path.join(versionDir, MANIFEST_FILE)} is unreadable; every page is rendered`);
  const manifest: Manifest = isManifest(stored, version) ? stored : { format: CACHE_FORMAT, version, pages: {}, assets: {} };
  const pageFile = (key: string) => path.join(versionDir, PAGES_DIR, key.slice(0, 2), `${key}.html`);
  // Nothing rendered is held in memory: a 200-API catalog renders gigabytes of HTML. What a build wrote
  // is read back from disk, checked like anything else.
  let rejected = 0;

  const cache: RenderCache = {
    dir,
    has: (key) => KEY.test(key) && manifest.pages[key] !== undefined,
    read(key) {
      const expected = manifest.pages[key];
      if (!KEY.test(key) || expected === undefined) return undefined;
      let html: string;
      try {
        html = fs.readFileSync(pageFile(key), 'utf8');
      } catch {
        html = '';
      }
      if (toHash(html) !== expected) {
        rejected++;
        delete manifest.pages[key];
        return undefined;
      }
      return html;
    },
    write(key, html) {
      if (!KEY.test(key)) throw new Error(`not a render key: ${key}`);
      writeAtomically(pageFile(key), html);
      manifest.pages[key] = toHash(html);
    },
    addAssets(siteDir) {
      for (const file of listFiles(path.join(siteDir, '_astro'))) {
        const relative = `_astro/${file}`;
        const bytes = fs.readFileSync(path.join(siteDir, relative));
        writeAtomically(path.join(versionDir, ASSETS_DIR, relative), bytes);
        manifest.assets[relative] = toHash(bytes);
      }
    },
    copyAssets(siteDir) {
      for (const [relative, expected] of Object.entries(manifest.assets)) {
        const source = path.join(versionDir, ASSETS_DIR, relative);
        // Names come from the manifest: only `_astro/<name>` below the cache is ever read.
        if (!/^_astro\/[\w./-]+$/.test(relative) || relative.includes('..')) throw new Error(`render cache: unexpected asset name ${relative}`);
        const bytes = fs.existsSync(source) ? fs.readFileSync(source) : Buffer.alloc(0);
        if (toHash(bytes) !== expected) throw new Error(`render cache: ${source} does not match its recorded hash; remove ${dir} and build again`);
        fs.mkdirSync(path.dirname(path.join(siteDir, relative)), { recursive: true });
        fs.writeFileSync(path.join(siteDir, relative), bytes);
      }
    },
    hasAssets: () => Object.keys(manifest.assets).length > 0,
    get rejected() {
      return rejected;
    },
    save() {
      // Another build may have saved since this one started: keep its entries too.
      const latest = readJson(path.join(versionDir, MANIFEST_FILE));
      const merged: Manifest = isManifest(latest, version)
        ? { ...manifest, pages: { ...latest.pages, ...manifest.pages }, assets: { ...latest.assets, ...manifest.assets } }
        : manifest;
      writeAtomically(path.join(versionDir, MANIFEST_FILE), JSON.stringify(merged));
    },
  };
  return cache;
}

/**
 * Adds the entries of other caches (each shard of a build writes its own) to `cache`, each checked
 * against its own manifest. Returns how many pages were taken over.
 */
export function mergeRenderCaches(cache: RenderCache, sources: readonly string[], version: string): number {
  let merged = 0;
  for (const source of sources) {
    if (!fs.existsSync(source)) throw new MergeSourceError(`${source} is not a Portolan render cache (it does not exist)`);
    const shard = openRenderCache(source, version);
    const versionDir = path.join(source, version.slice(0, 16));
    const manifest = readJson(path.join(versionDir, MANIFEST_FILE));
    if (!isManifest(manifest, version)) throw new MergeSourceError(`${source} was rendered by another Portolan version or with other settings: render its shard again with this commit`);
    for (const key of Object.keys(manifest.pages)) {
      if (cache.has(key)) continue;
      const html = shard.read(key);
      if (html === undefined) throw new MergeSourceError(`${source}: the page ${key} does not match its recorded hash; render that shard again`);
      cache.write(key, html);
      merged++;
    }
    for (const [relative, expected] of Object.entries(manifest.assets)) {
      const file = path.join(versionDir, ASSETS_DIR, relative);
      if (!/^_astro\/[\w./-]+$/.test(relative) || relative.includes('..') || !fs.existsSync(file) || toHash(fs.readFileSync(file)) !== expected) {
        throw new MergeSourceError(`${source}: the runtime file ${relative} is missing or does not match its recorded hash; render that shard again`);
      }
    }
    cache.addAssets(path.join(versionDir, ASSETS_DIR));
  }
  return merged;
}

export class MergeSourceError extends Error {}
