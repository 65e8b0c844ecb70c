// Search for one assembled site: Pagefind over its pages, as Starlight would run it, but on the site
// Portolan put together from the render cache (render runs leave Starlight nothing to index).
import path from 'node:path';
import * as pagefind from 'pagefind';

export class SearchIndexError extends Error {}

function check<T extends { errors: string[] }>(response: T, siteDir: string): T {
  if (response.errors.length) throw new SearchIndexError(`Pagefind could not index ${siteDir}: ${response.errors.join('; ')}`);
  return response;
}

/** Indexes every page of `siteDir` into `siteDir/pagefind/`; returns the number of pages indexed. */
export async function writeSearchIndex(siteDir: string): Promise<number> {
  const { index } = check(await pagefind.createIndex(), siteDir);
  if (!index) throw new SearchIndexError(`Pagefind could not index ${siteDir}`);
  const { page_count: pages } = check(await index.addDirectory({ path: siteDir }), siteDir);
  check(await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') }), siteDir);
  await index.deleteIndex();
  return pages;
}

/** Stops Pagefind's helper process; the next index starts it again. */
export async function closeSearchIndexer(): Promise<void> {
  await pagefind.close();
}
