// A company names its portal in specs/portolan.yaml: every page of a built site shows its title, logo,
// accent colour and footer link, and a broken file stops the build before anything is built.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands.ts';
import { capture, type CommandResult } from '../helpers/run.ts';
import { readHtml } from '../helpers/site-files.ts';

const SPECS = 'tests/fixtures/branding';
let site: string;
let result: CommandResult;

beforeAll(async () => {
  site = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-branding-')), 'partner');
  result = await capture(runBuild, ['--specs', SPECS, '--audience', 'partner', '--out', site]);
});

describe('a site built from a branded catalog', () => {
  it('builds cleanly', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('has the title the branding file gives this site, in the header and in every page title', () => {
    const catalog = readHtml(site, '/');
    expect(catalog).toContain('<title>API catalog | Acme Freight for Partners</title>');
    expect(readHtml(site, '/apis/parcels/operations/list-parcels/')).toContain('<title>List parcels | Acme Freight for Partners</title>');
    expect(catalog).toContain('<a href="/" class="site-title pt-site-title"><img class="pt-logo" src="/branding/logo.svg" alt=""><span translate="no">Acme Freight for Partners</span></a>');
  });

  it('carries a copy of the logo', () => {
    expect(fs.readFileSync(path.join(site, 'branding', 'logo.svg'), 'utf8')).toBe(fs.readFileSync(path.join(SPECS, 'brand', 'logo.svg'), 'utf8'));
  });

  it('sets the accent colour as a CSS variable in the head of every page', () => {
    for (const page of ['/', '/apis/parcels/']) {
      const html = readHtml(site, page);
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head).toContain('<style>:root{--pt-accent:#c0392b;');
      expect(head).toContain('--sl-color-accent:var(--pt-accent)');
    }
  });

  it('ends every page with the footer link', () => {
    for (const page of ['/', '/apis/parcels/']) {
      expect(readHtml(site, page)).toContain('<p class="pt-footer-link"><a href="https://www.acme-freight.example/" rel="noopener">Acme Freight home</a></p>');
    }
  });
});

describe('a broken branding file', () => {
  it('stops the build with exit 2 and the file, line and fix, before anything is built', async () => {
    const specs = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-bad-branding-'));
    fs.cpSync(SPECS, specs, { recursive: true });
    fs.writeFileSync(path.join(specs, 'portolan.yaml'), 'branding:\n  name: Acme Freight\n  accentColor: red\n');
    const out = path.join(specs, 'out');
    const broken = await capture(runBuild, ['--specs', specs, '--out', out]);
    expect(broken).toEqual({
      code: 2,
      stdout: '',
      stderr: `${path.join(specs, 'portolan.yaml')}:3:16: branding.accentColor must be a hex colour like '#0b6e4f' or '#0b6' (got 'red'). See README.md#branding.\n`,
    });
    expect(fs.existsSync(out)).toBe(false);
  });
});
