// The leak check on real builds: quiet on correct sites, loud on broken filters (judged by its own
// reading of the markers, not the filter's), and a staging area that never leaves a site behind in the
// output folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands.ts';
import type { DocumentFilter } from '../../src/audience/audience-views.ts';
import { filterDocument } from '../../src/audience/visibility.ts';
import { capture } from '../helpers/run.ts';
import { readAllText } from '../helpers/site-files.ts';

const KEYWORD_NAMES = path.resolve('tests/fixtures/leak-keyword-names');
const RENDERED_WORDS = path.resolve('tests/fixtures/leak-rendered-words');
const MARKERS = path.resolve('tests/fixtures/audience-markers');
const BASIC = path.resolve('tests/fixtures/catalog-basic');
const noFilter: DocumentFilter = (document) => ({ document: structuredClone(document), removed: [] });

function makeOut(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-leak-check-'));
}

/** The leak-check lines of a build's error output, without their line:column. */
function getLeakLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.includes('portolan/leak-check'))
    .map((line) => line.replace(/:\d+:\d+ {2}/, ':L:C  '));
}

describe('hidden names that are ordinary words or schema keywords', () => {
  it('are not flagged when the filter hides them: the site builds', async () => {
    const out = makeOut();
    const result = await capture(runBuild, ['--specs', KEYWORD_NAMES, '--audience', 'open', '--out', path.join(out, 'open')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const download = fs.readFileSync(path.join(out, 'open', 'specs', 'prefs.yaml'), 'utf8');
    expect(download).not.toMatch(/settings|default|enum/);
  });

  it('are each named when a broken filter lets them through, at the path the file would have had in the site', async () => {
    const out = makeOut();
    const result = await capture(runBuild, ['--specs', KEYWORD_NAMES, '--audience', 'open', '--out', path.join(out, 'open')], { filter: noFilter });
    expect(result.code).toBe(1);
    const spec = path.relative(process.cwd(), path.join(KEYWORD_NAMES, 'prefs.yaml'));
    const leak = (name: string, file: string) =>
      `${path.join(out, 'open', file)}:L:C  error  portolan/leak-check  '${name}' (property name at #/components/schemas/Preferences/properties/${name} in ${spec}) is in the open site, whose audience may not see it. The site was not published.`;
    const lines = getLeakLines(result.stderr);
    for (const name of ['settings', 'default', 'enum']) {
      expect(lines).toContain(leak(name, 'apis/prefs/schemas/index.html'));
      expect(lines).toContain(leak(name, 'specs/prefs.yaml'));
    }
    // Nothing names the staging folder, which is gone by the time anyone reads the message.
    expect(result.stderr).not.toContain('.staging');
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

// Found on a 200-API real catalog: words a visible page shows because of how Portolan renders visible
// content (Markdown emphasis, a fenced block's language class, an example request with its path
// filled in) matched names that another element hides.
describe('hidden names that a visible page shows by rendering visible content', () => {
  it('are not flagged: `_Note:_`, a ```json block and /guides/getting-started/steps do not name the hidden elements', async () => {
    const out = makeOut();
    const result = await capture(runBuild, ['--specs', RENDERED_WORDS, '--audience', 'open', '--out', path.join(out, 'open'), '--quiet']);
    expect(getLeakLines(result.stderr)).toEqual([]);
    expect(result.code).toBe(0);
    const page = fs.readFileSync(path.join(out, 'open', 'apis', 'guides', 'operations', 'list-guide-steps', 'index.html'), 'utf8');
    expect(page).toContain('<em>Note:</em>');
    expect(page).toContain('class="language-json"');
    expect(page).toContain('https://guides.example.com/guides/getting-started/steps');
  });

  it('are still flagged where a broken filter shows them', async () => {
    const out = makeOut();
    const result = await capture(runBuild, ['--specs', RENDERED_WORDS, '--audience', 'open', '--out', path.join(out, 'open'), '--quiet'], { filter: noFilter });
    expect(result.code).toBe(1);
    const spec = (name: string) => path.relative(process.cwd(), path.join(RENDERED_WORDS, name));
    const lines = getLeakLines(result.stderr);
    expect(lines).toContain(
      `${path.join(out, 'open', 'specs', 'ledger.yaml')}:L:C  error  portolan/leak-check  'Note' (title at #/components/schemas/Entry/properties/remark in ${spec('ledger.yaml')}) is in the open site, whose audience may not see it. The site was not published.`,
    );
    expect(lines).toContain(
      `${path.join(out, 'open', 'specs', 'ledger.yaml')}:L:C  error  portolan/leak-check  'language' (property name at #/components/schemas/Entry/properties/remark/properties/language in ${spec('ledger.yaml')}) is in the open site, whose audience may not see it. The site was not published.`,
    );
    // The hidden operation's example `/guides/getting-started` is not among them: the visible example
    // request shows that very path, so it tells the audience nothing new.
    expect(lines).toContain(
      `${path.join(out, 'open', 'specs', 'guides.yaml')}:L:C  error  portolan/leak-check  'getDraftGuide' (operationId at #/paths/~1guides~1{slug}/get in ${spec('guides.yaml')}) is in the open site, whose audience may not see it. The site was not published.`,
    );
  });
});

describe('the leak check judges by its own reading of the markers', () => {
  it('fails the all-partners site when a broken partner rule shows it one partner\'s content', async () => {
    // A filter whose partner rule treats the all-partners site as acme's: acme-only content would be
    // published to every partner. The leak check must not share that judgement.
    const brokenPartnerRule: DocumentFilter = (document, target, version) =>
      filterDocument(document, target.audience === 'partner' && !target.partner ? { audience: 'partner', partner: 'acme' } : target, version);
    const out = makeOut();
    const result = await capture(runBuild, ['--specs', MARKERS, '--audience', 'partner', '--out', path.join(out, 'partner')], { filter: brokenPartnerRule });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ {2}error {2}portolan\/leak-check {2}'mk\w*Acme' \([^)]*\) is in the partner site, whose audience may not see it\. The site was not published\.$/m);
    expect(result.stderr).toContain('Build stopped by the leak check: earlier output in the out folder is untouched.');
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe('staging', () => {
  it('removes what a killed build left behind, never publishes it, and gives the site ordinary permissions', async () => {
    const out = makeOut();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const stale = [
      // A full build killed while staging, the current layout and the layout of earlier versions.
      `${out}.staging/build-${dead}-AbC123/internal/index.html`,
      `${out}/.internal.building-QwErTy/index.html`,
      `${out}/internal.old-${dead}/index.html`,
      // A single-site build killed while staging.
      `${out}/open.staging/build-${dead}-XyZ789/open/index.html`,
    ];
    for (const file of stale) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'listSalariesSecretly from a killed build');
    }
    const result = await capture(runBuild, ['--specs', BASIC, '--audience', 'open', '--out', path.join(out, 'open')]);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['open']);
    expect(fs.existsSync(`${out}.staging`)).toBe(false);
    const site = readAllText(path.join(out, 'open'));
    expect([...site.values()].some((text) => text.includes('from a killed build'))).toBe(false);

    const modes = new Set<string>();
    for (const entry of fs.readdirSync(path.join(out, 'open'), { recursive: true, encoding: 'utf8' })) {
      const stat = fs.statSync(path.join(out, 'open', entry));
      modes.add(`${stat.isDirectory() ? 'dir' : 'file'} ${(stat.mode & 0o777).toString(8)}`);
    }
    modes.add(`dir ${(fs.statSync(path.join(out, 'open')).mode & 0o777).toString(8)}`);
    expect([...modes].sort()).toEqual(['dir 755', 'file 644']);
  });
});
