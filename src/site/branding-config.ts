// The portal's branding, from `<specs>/portolan.yaml`: the site titles, a logo, the accent colour and a
// footer link. The file is optional; every value is checked here, once, and a bad one stops the
// command with exit 2 and the file, line and column of the value. Its text only ever travels as data.
import fs from 'node:fs';
import path from 'node:path';
import YAML, { isMap, isScalar, LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import { AUDIENCES, isPartnerId } from '../core/audience.ts';
import { toDisplayPath } from '../core/diagnostics.ts';
import { toSafeUrl } from '../core/markdown.ts';
import { ConfigError } from '../lint/lint-config.ts';

export const BRANDING_FILE_NAME = 'portolan.yaml';
export const BRANDING_DOCS = 'README.md#branding';
export const LOGO_EXTENSIONS = ['.svg', '.png', '.jpg', '.jpeg', '.webp'] as const;
export const MAX_LOGO_BYTES = 1024 * 1024;
const MAX_TEXT_LENGTH = 120;
const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const BRANDING_KEYS = ['name', 'titles', 'logo', 'accentColor', 'footerLink'] as const;
const FOOTER_KEYS = ['label', 'url'] as const;
// An SVG logo is served from the site's own origin, so opened on its own it could run script there.
const ACTIVE_SVG_CONTENT = /<script|<foreignObject|\son[a-z]+\s*=|javascript:|<iframe|<embed|<object/i;

export interface Branding {
  /** Replaces "Portolan" in the site titles: "<name> · Internal". */
  name?: string;
  /** A whole title for one site, by site name: internal, partner, open or partner-<id>. */
  titles: Record<string, string>;
  /** Absolute path of the logo file, inside the specs folder. */
  logoFile?: string;
  /** `#rgb` or `#rrggbb`. */
  accentColor?: string;
  footerLink?: { label: string; url: string };
}

export const NO_BRANDING: Branding = { titles: {} };

export class BrandingError extends ConfigError {}

/** Reads and checks `<specsDir>/portolan.yaml`; no file means no branding. */
export function loadBranding(specsDir: string): Branding {
  const file = path.join(specsDir, BRANDING_FILE_NAME);
  if (!fs.existsSync(file)) return NO_BRANDING;
  return parseBranding(fs.readFileSync(file, 'utf8'), file, specsDir);
}

/** Checks the text of a branding file; `file` and `specsDir` place errors and the logo. */
export function parseBranding(text: string, file: string, specsDir: string): Branding {
  const lineCounter = new LineCounter();
  const shown = toDisplayPath(file);
  const fail = (node: Node | Pair | null | undefined, message: string): never => {
    const offset = (node && 'range' in node && node.range ? node.range[0] : undefined) ?? (node && 'key' in node && isScalar(node.key) ? node.key.range?.[0] : undefined) ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    throw new BrandingError(`${shown}:${line}:${col}: ${message} See ${BRANDING_DOCS}.`);
  };

  const document = YAML.parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const [syntaxError] = document.errors;
  if (syntaxError) {
    const { line, col } = lineCounter.linePos(syntaxError.pos[0]);
    throw new BrandingError(`${shown}:${line}:${col}: not valid YAML: ${syntaxError.message.split('\n')[0]} See ${BRANDING_DOCS}.`);
  }
  const root = document.contents;
  if (root === null) return NO_BRANDING;
  if (!isMap(root)) fail(root, "the file must be a mapping with one key, 'branding'.");
  const rootMap = root as YAMLMap;
  for (const pair of rootMap.items) {
    if (getKey(pair) !== 'branding') fail(pair, `unknown key '${getKey(pair)}'; the file has one key, 'branding'.`);
  }
  const brandingNode = rootMap.get('branding', true) as Node | undefined;
  if (brandingNode === undefined || (isScalar(brandingNode) && brandingNode.value === null)) return NO_BRANDING;
  if (!isMap(brandingNode)) fail(brandingNode, `branding must be a mapping of ${BRANDING_KEYS.join(', ')}.`);
  const branding = brandingNode as YAMLMap;
  for (const pair of branding.items) {
    const key = getKey(pair);
    if (!(BRANDING_KEYS as readonly string[]).includes(key)) fail(pair, `unknown key '${key}' in branding; the keys are ${BRANDING_KEYS.join(', ')}.`);
  }

  const readText = (node: Node | undefined, where: string): string | undefined => {
    if (node === undefined) return undefined;
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'string' || value.trim() === '') fail(node, `${where} must be a non-empty text.`);
    const text = (value as string).trim();
    if (/[\u0000-\u001f\u007f]/.test(text)) fail(node, `${where} must be one line of text.`);
    if (text.length > MAX_TEXT_LENGTH) fail(node, `${where} must be at most ${MAX_TEXT_LENGTH} characters (it has ${text.length}).`);
    return text;
  };

  const result: Branding = { titles: {} };
  result.name = readText(branding.get('name', true) as Node | undefined, 'branding.name');

  const titlesNode = branding.get('titles', true) as Node | undefined;
  if (titlesNode !== undefined) {
    if (!isMap(titlesNode)) fail(titlesNode, "branding.titles must map site names to titles, e.g. 'open: Northwind Developers'.");
    for (const pair of (titlesNode as YAMLMap).items) {
      const site = getKey(pair);
      const isSite = (AUDIENCES as readonly string[]).includes(site) || (site.startsWith('partner-') && isPartnerId(site.slice('partner-'.length)));
      if (!isSite) fail(pair, `branding.titles has an unknown site '${site}'; use internal, partner, open or partner-<id>.`);
      result.titles[site] = readText(pair.value as Node, `branding.titles.${site}`)!;
    }
  }

  const logoNode = branding.get('logo', true) as Node | undefined;
  const logo = readText(logoNode, 'branding.logo');
  if (logo !== undefined) result.logoFile = getLogoFile(logo, specsDir, (message) => fail(logoNode, message));

  const accentNode = branding.get('accentColor', true) as Node | undefined;
  const accent = readText(accentNode, 'branding.accentColor');
  if (accent !== undefined) {
    if (!HEX_COLOUR.test(accent)) fail(accentNode, `branding.accentColor must be a hex colour like '#0b6e4f' or '#0b6' (got '${accent}').`);
    result.accentColor = accent.toLowerCase();
  }

  const footerNode = branding.get('footerLink', true) as Node | undefined;
  if (footerNode !== undefined) {
    if (!isMap(footerNode)) fail(footerNode, 'branding.footerLink must be a mapping with a label and a url.');
    const footer = footerNode as YAMLMap;
    for (const pair of footer.items) {
      if (!(FOOTER_KEYS as readonly string[]).includes(getKey(pair))) fail(pair, `unknown key '${getKey(pair)}' in branding.footerLink; the keys are label and url.`);
    }
    const label = readText(footer.get('label', true) as Node | undefined, 'branding.footerLink.label');
    const urlNode = footer.get('url', true) as Node | undefined;
    const url = readText(urlNode, 'branding.footerLink.url');
    if (label === undefined || url === undefined) fail(footerNode, 'branding.footerLink needs both a label and a url.');
    const safe = toSafeUrl(url);
    if (safe === undefined || !safe.startsWith('https://')) fail(urlNode, `branding.footerLink.url must be an https:// URL (got '${url}').`);
    result.footerLink = { label: label!, url: safe! };
  }
  return result;
}

function getKey(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** The logo's absolute path: a relative path to a file inside the specs folder, of an image type. */
function getLogoFile(logo: string, specsDir: string, fail: (message: string) => never): string {
  const inSpecs = `a file inside ${toDisplayPath(specsDir)}/, given relative to it`;
  if (path.isAbsolute(logo) || /^[a-z][a-z0-9+.-]*:/i.test(logo)) fail(`branding.logo must be ${inSpecs} (got '${logo}').`);
  const file = path.resolve(specsDir, logo);
  const relative = path.relative(specsDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) fail(`branding.logo must be ${inSpecs}; '${logo}' leaves the folder.`);
  const extension = path.extname(file).toLowerCase();
  if (!(LOGO_EXTENSIONS as readonly string[]).includes(extension)) fail(`branding.logo must be one of ${LOGO_EXTENSIONS.join(', ')} (got '${logo}').`);
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    fail(`branding.logo: ${toDisplayPath(file)} does not exist.`);
  }
  const realRelative = path.relative(fs.realpathSync(specsDir), real!);
  if (realRelative.startsWith('..') || path.isAbsolute(realRelative)) fail(`branding.logo must be ${inSpecs}; '${logo}' links outside it.`);
  const stat = fs.statSync(real!);
  if (!stat.isFile()) fail(`branding.logo: ${toDisplayPath(file)} is not a file.`);
  if (stat.size > MAX_LOGO_BYTES) fail(`branding.logo: ${toDisplayPath(file)} is larger than 1 MB; use a smaller image.`);
  if (extension === '.svg' && ACTIVE_SVG_CONTENT.test(fs.readFileSync(real!, 'utf8'))) {
    fail(`branding.logo: ${toDisplayPath(file)} holds scripts, event handlers or embedded content; a logo must be a plain image.`);
  }
  return file;
}
