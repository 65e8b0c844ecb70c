// Reads the environment the build script hands to Astro. Only folder paths cross this boundary; the
// spec-derived data stays in JSON files that pages read as data.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SITE_DATA_ENV = 'PORTOLAN_SITE_DATA';
export const OUT_DIR_ENV = 'PORTOLAN_OUT_DIR';
export const CACHE_DIR_ENV = 'PORTOLAN_CACHE_DIR';
export const SITE_TITLE_ENV = 'PORTOLAN_SITE_TITLE';
export const SITE_URL_ENV = 'PORTOLAN_SITE_URL';
/** Set for a render run: where its pages go once Astro has written them (see site/rendered-output.ts). */
export const RENDERED_DIR_ENV = 'PORTOLAN_RENDERED_DIR';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface AstroSettings {
  title: string;
  description: string;
  outDir: string;
  cacheDir: string;
  siteUrl?: string;
  dataDir?: string;
  renderedDir?: string;
}

export function readSiteSettings(env: Record<string, string | undefined>): AstroSettings {
  return {
    title: env[SITE_TITLE_ENV] || 'Portolan API catalog',
    description: 'API catalog and reference documentation.',
    outDir: env[OUT_DIR_ENV] || path.join(PROJECT_ROOT, 'dist', 'internal'),
    cacheDir: env[CACHE_DIR_ENV] || path.join(PROJECT_ROOT, 'node_modules', '.astro-cache'),
    siteUrl: env[SITE_URL_ENV] || undefined,
    dataDir: env[SITE_DATA_ENV] || undefined,
    renderedDir: env[RENDERED_DIR_ENV] || undefined,
  };
}
