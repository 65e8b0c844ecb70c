// The renderer's version, as the render cache sees it: one hash of everything besides a page's own
// record that can change its HTML. Portolan's sources and config files stand for Portolan's version
// (a changed component must never serve an old page), the lockfile for Astro's and Starlight's, and
// the build's inputs for the rest: branding (logo, accent colour, footer), the lint config and the
// site settings from the environment. Hashing more than strictly shapes a page only costs a re-render.
import fs from 'node:fs';
import path from 'node:path';
import { toHash } from './render-cache.ts';
import { SITE_URL_ENV } from '../core/site-settings.ts';

/** Files of the project, relative to its root, that make up the renderer. */
const RENDERER_ROOTS = ['src', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

function listFiles(root: string, relative: string): string[] {
  const full = path.join(root, relative);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [relative];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((entry) => listFiles(root, path.join(relative, entry)));
}

export interface RenderInputs {
  /** The project folder whose sources render the pages. */
  projectRoot: string;
  /** The branding as the sites receive it (titles are not part of it: they fill the title slot). */
  branding: unknown;
  /** The logo's bytes, when branding names one. */
  logoFile?: string;
  /** The lint config file's path. */
  lintConfigPath?: string;
  env?: Record<string, string | undefined>;
}

export function getRenderVersion(inputs: RenderInputs): string {
  const parts: (string | Buffer)[] = [];
  for (const file of RENDERER_ROOTS.flatMap((root) => listFiles(inputs.projectRoot, root))) {
    parts.push(file.split(path.sep).join('/'), fs.readFileSync(path.join(inputs.projectRoot, file)));
  }
  parts.push('branding', JSON.stringify(inputs.branding ?? null));
  if (inputs.logoFile && fs.existsSync(inputs.logoFile)) parts.push('logo', fs.readFileSync(inputs.logoFile));
  if (inputs.lintConfigPath && fs.existsSync(inputs.lintConfigPath)) parts.push('lint config', fs.readFileSync(inputs.lintConfigPath));
  parts.push('site url', (inputs.env ?? process.env)[SITE_URL_ENV] ?? '');
  return toHash(...parts);
}
