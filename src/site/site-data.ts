// Writes one site's data folder (pipeline side) and reads it back (page side). The folder holds the
// catalog, the route list and one JSON file per page, so no page ever loads the whole catalog.
import fs from 'node:fs';
import path from 'node:path';
import type { CatalogEntry, PageModel, RouteEntry, SiteSettingsFile } from '../model/site-model.ts';
import { SITE_DATA_ENV } from '../core/site-settings.ts';

export const PUBLIC_DIR_NAME = 'public';
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="none" stroke="#3b5bdb" stroke-width="3"/><path d="M16 5l4 11-4 11-4-11z" fill="#3b5bdb"/></svg>\n';

export interface SiteDataWriter {
  dir: string;
  addPage(slug: string, page: PageModel): void;
  addPublicFile(relativePath: string, content: string): void;
  finish(settings: SiteSettingsFile, catalog: CatalogEntry[]): void;
}

export function createSiteDataWriter(dir: string): SiteDataWriter {
  fs.mkdirSync(path.join(dir, 'pages'), { recursive: true });
  fs.mkdirSync(path.join(dir, PUBLIC_DIR_NAME), { recursive: true });
  const routes: RouteEntry[] = [];
  return {
    dir,
    addPage(slug, page) {
      const file = `pages/${routes.length}.json`;
      fs.writeFileSync(path.join(dir, file), JSON.stringify(page));
      routes.push({ slug, file });
    },
    addPublicFile(relativePath, content) {
      const target = path.resolve(dir, PUBLIC_DIR_NAME, relativePath);
      // Defence in depth: names are slugs already, but nothing may land outside the public folder.
      if (!target.startsWith(path.resolve(dir, PUBLIC_DIR_NAME) + path.sep)) throw new Error(`refusing to write outside the site: ${relativePath}`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    },
    finish(settings, catalog) {
      fs.writeFileSync(path.join(dir, 'site.json'), JSON.stringify(settings));
      fs.writeFileSync(path.join(dir, 'catalog.json'), JSON.stringify(catalog));
      fs.writeFileSync(path.join(dir, 'routes.json'), JSON.stringify(routes));
      fs.writeFileSync(path.join(dir, PUBLIC_DIR_NAME, 'catalog.json'), JSON.stringify(catalog, null, 2) + '\n');
      fs.writeFileSync(path.join(dir, PUBLIC_DIR_NAME, 'favicon.svg'), FAVICON_SVG);
    },
  };
}

function getDataDir(): string {
  const dir = process.env[SITE_DATA_ENV];
  if (!dir) throw new Error(`${SITE_DATA_ENV} is not set: build the site with 'npm run build', which prepares the data first.`);
  return dir;
}

function readJson<T>(relativePath: string): T {
  // A render run lists pages of its site's data folder by absolute path.
  return JSON.parse(fs.readFileSync(path.resolve(getDataDir(), relativePath), 'utf8')) as T;
}

export function readRoutes(): RouteEntry[] {
  return readJson<RouteEntry[]>('routes.json');
}

export function readPage(file: string): PageModel {
  return readJson<PageModel>(file);
}

export function readCatalog(): CatalogEntry[] {
  return readJson<CatalogEntry[]>('catalog.json');
}

export function readSiteSettingsFile(): SiteSettingsFile {
  return readJson<SiteSettingsFile>('site.json');
}
