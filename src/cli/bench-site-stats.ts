// What one built site weighs, read from its folder: HTML pages, all bytes, the Pagefind index, and the
// operations it shows (from the catalog.json it publishes, which counts each API's visible operations).
import fs from 'node:fs';
import path from 'node:path';
import type { SizedFile } from './bench-stats.ts';

export interface SiteMeasure {
  name: string;
  /** Every HTML page, relative to the site folder. */
  pages: SizedFile[];
  /** Every file of the site. */
  bytes: number;
  pagefindBytes: number;
  /** Operations the site shows; undefined when it publishes no readable catalog.json. */
  operations?: number;
}

const PAGEFIND_DIR = 'pagefind';
const CATALOG_FILE = 'catalog.json';

function listFiles(dir: string): SizedFile[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    if (!entry.isFile()) return [];
    const full = path.join(entry.parentPath, entry.name);
    return [{ file: path.relative(dir, full), bytes: fs.statSync(full).size }];
  });
}

/** The sum of `operations` over the catalog's entries. */
export function countCatalogOperations(catalog: unknown): number | undefined {
  if (!Array.isArray(catalog)) return undefined;
  let total = 0;
  for (const entry of catalog) {
    const operations = (entry as { operations?: unknown } | null)?.operations;
    if (!Number.isInteger(operations)) return undefined;
    total += operations as number;
  }
  return total;
}

function readOperations(siteDir: string): number | undefined {
  try {
    return countCatalogOperations(JSON.parse(fs.readFileSync(path.join(siteDir, CATALOG_FILE), 'utf8')));
  } catch {
    return undefined;
  }
}

export function measureSite(name: string, siteDir: string): SiteMeasure {
  const files = listFiles(siteDir);
  const pagefindPrefix = PAGEFIND_DIR + path.sep;
  const operations = readOperations(siteDir);
  return {
    name,
    pages: files.filter((f) => f.file.endsWith('.html')),
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    pagefindBytes: files.filter((f) => f.file.startsWith(pagefindPrefix)).reduce((sum, f) => sum + f.bytes, 0),
    ...(operations !== undefined ? { operations } : {}),
  };
}
