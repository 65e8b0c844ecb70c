// One site's branding: its title, and the logo, accent colour and footer link its pages show. The
// pipeline writes them into the site's data folder (the logo as a public file), and the renderer's
// components read them back as data.
import fs from 'node:fs';
import path from 'node:path';
import { getTargetLabel, getTargetName, type BuildTarget } from '../core/audience.ts';
import { SITE_DATA_ENV } from '../core/site-settings.ts';
import type { Branding } from './branding-config.ts';

export const DEFAULT_PORTAL_NAME = 'Portolan';
export const BRANDING_DATA_FILE = 'branding.json';
/** Where the logo lands in every site. */
export const LOGO_PUBLIC_DIR = 'branding';

/** What the components show; only checked values from the branding config. */
export interface SiteBranding {
  logo?: { src: string };
  accentColor?: string;
  footerLink?: { label: string; url: string };
}

/** "Portolan · Internal", "Northwind Logistics · Partner: acme", or the site's own title from the config. */
export function getBrandedSiteTitle(branding: Branding, target: BuildTarget): string {
  return branding.titles[getTargetName(target)] ?? `${branding.name ?? DEFAULT_PORTAL_NAME} · ${getTargetLabel(target)}`;
}

/** Writes the branding of one site into its data folder and copies the logo into its public files. */
export function writeSiteBranding(dataDir: string, branding: Branding): SiteBranding {
  const site: SiteBranding = {};
  if (branding.logoFile) {
    const name = `logo${path.extname(branding.logoFile).toLowerCase()}`;
    fs.mkdirSync(path.join(dataDir, 'public', LOGO_PUBLIC_DIR), { recursive: true });
    fs.copyFileSync(branding.logoFile, path.join(dataDir, 'public', LOGO_PUBLIC_DIR, name));
    site.logo = { src: `/${LOGO_PUBLIC_DIR}/${name}` };
  }
  if (branding.accentColor) site.accentColor = branding.accentColor;
  if (branding.footerLink) site.footerLink = branding.footerLink;
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, BRANDING_DATA_FILE), JSON.stringify(site));
  return site;
}

/** The renderer's side: the branding the pipeline wrote; none when it wrote none. */
export function readSiteBranding(env: Record<string, string | undefined> = process.env): SiteBranding {
  const dir = env[SITE_DATA_ENV];
  if (!dir) return {};
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, BRANDING_DATA_FILE), 'utf8')) as SiteBranding;
  } catch {
    return {};
  }
}

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Starlight's accent variables for both themes, from one colour: the colour itself, and lighter and
 * darker shades for text and backgrounds. The colour was checked as hex, and is checked again here,
 * because this text goes into a <style> element.
 */
export function toAccentCss(accentColor: string): string {
  if (!HEX_COLOUR.test(accentColor)) throw new Error(`not a hex colour: ${JSON.stringify(accentColor)}`);
  const mix = (percent: number, other: string) => `color-mix(in srgb, var(--pt-accent) ${percent}%, ${other})`;
  return (
    `:root{--pt-accent:${accentColor};--sl-color-accent-low:${mix(35, 'black')};--sl-color-accent:var(--pt-accent);--sl-color-accent-high:${mix(35, 'white')}}` +
    `:root[data-theme='light']{--sl-color-accent-low:${mix(20, 'white')};--sl-color-accent:var(--pt-accent);--sl-color-accent-high:${mix(70, 'black')}}`
  );
}
