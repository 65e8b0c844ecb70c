// specs/portolan.yaml: what a valid branding file gives, and the one clear error (file:line:col, what
// to write instead) that each kind of mistake gets.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrandingError, loadBranding, NO_BRANDING, parseBranding } from '../../../src/site/branding-config.ts';
import { getBrandedSiteTitle, toAccentCss } from '../../../src/site/site-branding.ts';

/** A specs folder with a logo and the given portolan.yaml text. */
function makeSpecs(yaml: string): string {
  const specs = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-branding-'));
  fs.mkdirSync(path.join(specs, 'brand'));
  fs.writeFileSync(path.join(specs, 'brand', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(specs, 'portolan.yaml'), yaml);
  return specs;
}

function getError(yaml: string): string {
  const specs = makeSpecs(yaml);
  try {
    loadBranding(specs);
  } catch (error) {
    expect(error).toBeInstanceOf(BrandingError);
    return (error as Error).message.replaceAll(`${specs}${path.sep}`, 'specs/');
  }
  throw new Error('no error');
}

describe('loadBranding', () => {
  it('reads every setting of a valid file', () => {
    const specs = makeSpecs(
      [
        'branding:',
        '  name: Northwind Logistics',
        '  titles:',
        '    open: Northwind Developers',
        '    partner-acme: Northwind for Acme',
        '  logo: brand/logo.svg',
        "  accentColor: '#0F6F8F'",
        '  footerLink:',
        '    label: Support',
        '    url: https://support.northwind.example/help',
      ].join('\n'),
    );
    expect(loadBranding(specs)).toEqual({
      name: 'Northwind Logistics',
      titles: { open: 'Northwind Developers', 'partner-acme': 'Northwind for Acme' },
      logoFile: path.join(specs, 'brand', 'logo.svg'),
      accentColor: '#0f6f8f',
      footerLink: { label: 'Support', url: 'https://support.northwind.example/help' },
    });
  });

  it('gives no branding without a file, or with an empty one', () => {
    expect(loadBranding(fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-no-branding-')))).toEqual(NO_BRANDING);
    expect(loadBranding(makeSpecs(''))).toEqual(NO_BRANDING);
    expect(loadBranding(makeSpecs('branding:\n'))).toEqual(NO_BRANDING);
  });
});

describe('a branding file with a mistake', () => {
  const see = ' See README.md#branding.';

  it('names the file, line and column of a colour that is not hex', () => {
    expect(getError('branding:\n  accentColor: green\n')).toBe(`specs/portolan.yaml:2:16: branding.accentColor must be a hex colour like '#0b6e4f' or '#0b6' (got 'green').${see}`);
  });

  it('refuses a logo path that leaves the specs folder, is absolute or a URL', () => {
    expect(getError('branding:\n  logo: ../secrets/key.svg\n')).toMatch(/^specs\/portolan\.yaml:2:9: branding\.logo must be a file inside .+\/, given relative to it; '\.\.\/secrets\/key\.svg' leaves the folder\. See README\.md#branding\.$/);
    expect(getError('branding:\n  logo: /etc/logo.svg\n')).toMatch(/^specs\/portolan\.yaml:2:9: branding\.logo must be a file inside .+\/, given relative to it \(got '\/etc\/logo\.svg'\)\./);
    expect(getError('branding:\n  logo: https://cdn.example/logo.svg\n')).toMatch(/\(got 'https:\/\/cdn\.example\/logo\.svg'\)\./);
  });

  it('refuses a logo that is missing, not an image, or links outside the folder', () => {
    expect(getError('branding:\n  logo: brand/nope.svg\n')).toBe(`specs/portolan.yaml:2:9: branding.logo: specs/brand/nope.svg does not exist.${see}`);
    expect(getError('branding:\n  logo: brand/logo.txt\n')).toBe(`specs/portolan.yaml:2:9: branding.logo must be one of .svg, .png, .jpg, .jpeg, .webp (got 'brand/logo.txt').${see}`);
    const specs = makeSpecs('branding:\n  logo: brand/outside.svg\n');
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-outside-')), 'logo.svg');
    fs.writeFileSync(outside, '<svg/>');
    fs.symlinkSync(outside, path.join(specs, 'brand', 'outside.svg'));
    expect(() => loadBranding(specs)).toThrow(/branding\.logo must be a file inside .+; 'brand\/outside\.svg' links outside it\./);
  });

  it('refuses an SVG logo with a script in it, since the site serves it from its own origin', () => {
    const specs = makeSpecs('branding:\n  logo: brand/logo.svg\n');
    fs.writeFileSync(path.join(specs, 'brand', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    expect(() => loadBranding(specs)).toThrow(/portolan\.yaml:2:9: branding\.logo: .+logo\.svg holds scripts, event handlers or embedded content; a logo must be a plain image\./);
  });

  it('accepts only an https footer URL', () => {
    for (const url of ['http://northwind.example', 'javascript:alert(1)', 'mailto:help@northwind.example', 'not a url']) {
      expect(getError(`branding:\n  footerLink:\n    label: Help\n    url: ${url}\n`)).toBe(`specs/portolan.yaml:4:10: branding.footerLink.url must be an https:// URL (got '${url}').${see}`);
    }
    expect(getError('branding:\n  footerLink:\n    label: Help\n')).toBe(`specs/portolan.yaml:3:5: branding.footerLink needs both a label and a url.${see}`);
  });

  it('names an unknown key, an unknown site and a title that is not one line of text', () => {
    expect(getError('branding:\n  colour: red\n')).toBe(`specs/portolan.yaml:2:3: unknown key 'colour' in branding; the keys are name, titles, logo, accentColor, footerLink.${see}`);
    expect(getError('site:\n  name: X\n')).toBe(`specs/portolan.yaml:1:1: unknown key 'site'; the file has one key, 'branding'.${see}`);
    expect(getError('branding:\n  titles:\n    public: Developers\n')).toBe(`specs/portolan.yaml:3:5: branding.titles has an unknown site 'public'; use internal, partner, open or partner-<id>.${see}`);
    expect(getError('branding:\n  name: "Two\\nlines"\n')).toBe(`specs/portolan.yaml:2:9: branding.name must be one line of text.${see}`);
    expect(getError('branding:\n  name: [a, b]\n')).toBe(`specs/portolan.yaml:2:9: branding.name must be a non-empty text.${see}`);
  });

  it('reports YAML syntax errors and duplicate keys with their place', () => {
    expect(getError('branding:\n  name: Northwind\n  name: Again\n')).toMatch(/^specs\/portolan\.yaml:3:3: not valid YAML: Map keys must be unique/);
    expect(getError('branding: [\n')).toMatch(/^specs\/portolan\.yaml:\d+:\d+: not valid YAML: /);
  });

  it('parses text passed in directly, for the same errors without a file', () => {
    expect(() => parseBranding('branding:\n  accentColor: "#12345"\n', '/repo/specs/portolan.yaml', '/repo/specs')).toThrow(
      "/repo/specs/portolan.yaml:2:16: branding.accentColor must be a hex colour like '#0b6e4f' or '#0b6' (got '#12345').",
    );
  });
});

describe('getBrandedSiteTitle', () => {
  it('is "<name> · <site label>", or the whole title the file sets for that site', () => {
    const branding = { ...NO_BRANDING, name: 'Northwind Logistics', titles: { open: 'Northwind Developers' } };
    expect(getBrandedSiteTitle(NO_BRANDING, { audience: 'internal' })).toBe('Portolan · Internal');
    expect(getBrandedSiteTitle(branding, { audience: 'partner', partner: 'acme' })).toBe('Northwind Logistics · Partner: acme');
    expect(getBrandedSiteTitle(branding, { audience: 'open' })).toBe('Northwind Developers');
  });
});

describe('toAccentCss', () => {
  it('sets the accent variables of both themes from the colour, and refuses anything but hex', () => {
    expect(toAccentCss('#0f6f8f')).toContain(':root{--pt-accent:#0f6f8f;');
    expect(() => toAccentCss('red;}body{display:none')).toThrow('not a hex colour');
  });
});
