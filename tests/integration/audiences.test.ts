// Audience separation end to end: a fixture catalog with marker words in every kind of element
// (OpenAPI 2.0, 3.0 and 3.1, single- and multi-file) is built for every audience, and every file of
// every site is searched for every marker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConfig, lint } from '@redocly/openapi-core';
import { runBuild } from '../../src/cli/commands.ts';
import type { DocumentFilter } from '../../src/audience/audience-views.ts';
import { filterDocument } from '../../src/audience/visibility.ts';
import { toSlug } from '../../src/core/slug.ts';
import { capture, type CommandResult } from '../helpers/run.ts';
import { listFiles, readAllText, readHtml } from '../helpers/site-files.ts';

const FIXTURE = path.resolve('tests/fixtures/audience-markers');
const SITES = ['internal', 'open', 'partner', 'partner-acme', 'partner-globex'] as const;
type Site = (typeof SITES)[number];

/** A marker's suffix says who may see it. */
const ALLOWED: Record<string, Site[]> = {
  Open: ['internal', 'open', 'partner', 'partner-acme', 'partner-globex'],
  Partner: ['internal', 'partner', 'partner-acme', 'partner-globex'],
  Acme: ['internal', 'partner-acme'],
  Globex: ['internal', 'partner-globex'],
  Internal: ['internal'],
};
const MARKER = /\bmk[A-Za-z0-9]*?(Open|Partner|Acme|Globex|Internal)\b/g;

function getMarkers(): Map<string, Site[]> {
  const markers = new Map<string, Site[]>();
  for (const file of listFiles(FIXTURE)) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(MARKER)) markers.set(match[0], ALLOWED[match[1]!]!);
  }
  return markers;
}

let out: string;
let result: CommandResult;
const sites = new Map<Site, string>();

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-audience-test-'));
  result = await capture(runBuild, ['--specs', FIXTURE, '--out', out]);
  for (const site of SITES) {
    // One text holding every file of the site, file names included, Pagefind decompressed.
    const files = readAllText(path.join(out, site));
    sites.set(site, [...files].map(([name, text]) => `${name}\n${text}`).join('\n'));
  }
});

describe('element-level audiences', () => {
  it('builds every audience and partner site, and the leak check passes on each', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([...SITES].sort());
    for (const site of SITES) expect(result.stdout).toMatch(new RegExp(`^built ${site}: .*leak check [\\d.]+ s\\)$`, 'm'));
  });

  it('finds dozens of markers in the fixture, of every audience', () => {
    const markers = getMarkers();
    expect(markers.size).toBeGreaterThan(60);
    for (const suffix of Object.keys(ALLOWED)) expect([...markers.keys()].some((m) => m.endsWith(suffix)), suffix).toBe(true);
  });

  it('puts every marker in the internal site (the positive control)', () => {
    const internal = sites.get('internal')!;
    const missing = [...getMarkers().keys()].filter((marker) => !internal.includes(marker));
    expect(missing).toEqual([]);
  });

  for (const site of SITES.filter((s) => s !== 'internal')) {
    it(`shows the ${site} site exactly the markers its audience may see`, () => {
      const text = sites.get(site)!;
      const lower = text.toLowerCase();
      const wronglyPresent: string[] = [];
      const wronglyAbsent: string[] = [];
      for (const [marker, allowed] of getMarkers()) {
        if (allowed.includes(site)) {
          if (!text.includes(marker)) wronglyAbsent.push(marker);
        } else if (lower.includes(marker.toLowerCase()) || lower.includes(toSlug(marker))) {
          wronglyPresent.push(marker);
        }
      }
      expect({ wronglyPresent, wronglyAbsent }).toEqual({ wronglyPresent: [], wronglyAbsent: [] });
    });
  }

  it('never names another partner, nor the audience markers themselves, outside the internal site', () => {
    expect(sites.get('partner-acme')).not.toMatch(/globex/i);
    expect(sites.get('partner-globex')).not.toMatch(/\bacme\b/i);
    for (const site of SITES.filter((s) => s !== 'internal')) {
      expect(sites.get(site), site).not.toMatch(/x-audience|x-internal|x-partners/);
    }
    expect(JSON.parse(fs.readFileSync(path.join(out, 'partner-acme', 'catalog.json'), 'utf8')).map((e: { partners: string[] }) => e.partners)).toEqual([[], [], []]);
  });

  it('rewrites what referred to removed elements', () => {
    const spec = fs.readFileSync(path.join(out, 'open', 'specs', 'store.yaml'), 'utf8');
    // The required list, the operation's tags and the security alternatives keep only what is visible.
    expect(spec).toMatch(/required:\n\s+- mkPropOpen\n/);
    expect(spec).toMatch(/tags:\n\s+- mkTagOpen\n\s+parameters/);
    expect(spec).toMatch(/security:\n\s+- mkSchemeOpen: \[\]\n\s+responses:/);
    // A request body and callbacks that are all internal leave nothing behind, not even `{}`.
    expect(spec).not.toMatch(/callbacks: \{\}|requestBody|pathItems/);
    // The discriminator maps only the visible subtype; the oneOf branch to the hidden one is gone.
    expect(spec).toMatch(/mapping:\n\s+circle: "#\/components\/schemas\/mkCircleOpen"\n\s+mkCircleOpen:/);
    // The inline example lost the hidden property's key but kept the rest.
    expect(spec).toContain('mkPropOpen: mkValueOpen');
  });

  it('drops an internal server and the curl examples that used it', () => {
    const html = readHtml(path.join(out, 'open'), '/apis/store/operations/mk-op-get-open/');
    expect(html).toContain('https://mkserveropen.example.com/mk-path-open');
    expect(readHtml(path.join(out, 'internal'), '/apis/store/')).toContain('https://mkserverinternal.example.com');
  });

  it('serves filtered downloads that are still valid descriptions', async () => {
    const config = await createConfig({ extends: ['minimal'], rules: { 'no-unused-components': 'error' } } as never);
    for (const site of SITES.filter((s) => s !== 'internal')) {
      for (const file of fs.readdirSync(path.join(out, site, 'specs'))) {
        const problems = await lint({ ref: path.join(out, site, 'specs', file), config });
        const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
        expect(errors, `${site}/specs/${file}`).toEqual([]);
      }
    }
  });
});

describe('the leak check', () => {
  const noFilter: DocumentFilter = (document) => ({ document: structuredClone(document), removed: [] });

  it('fails the build with exit 1, names the identifier, file and element, and publishes nothing when the filter is broken', async () => {
    const sabotaged = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-sabotage-'));
    fs.mkdirSync(path.join(sabotaged, 'open'));
    fs.writeFileSync(path.join(sabotaged, 'open', 'index.html'), 'the previous site');
    const broken = await capture(runBuild, ['--specs', FIXTURE, '--audience', 'open', '--out', path.join(sabotaged, 'open')], { filter: noFilter });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /\/apis\/legacy\/operations\/mk-legacy-delete-internal\/index\.html:\d+:\d+ {2}error {2}portolan\/leak-check {2}'mkLegacyDeleteInternal' \(operationId at #\/paths\/~1mk-legacy-open\/delete in tests\/fixtures\/audience-markers\/legacy\.json\) is in the open site, whose audience may not see it\. The site was not published\.$/m,
    );
    expect(broken.stderr).toMatch(/^…and \d+ more hits of the same kind\.$/m);
    expect(broken.stderr).toContain('Build stopped by the leak check: earlier output in the out folder is untouched.');
    expect(fs.readFileSync(path.join(sabotaged, 'open', 'index.html'), 'utf8')).toBe('the previous site');
    expect(fs.readdirSync(sabotaged)).toEqual(['open']);
  });

  it('catches a filter that misses one kind of element', async () => {
    const partial: DocumentFilter = (document, target, version) => {
      const result = filterDocument(document, target, version);
      // Put a hidden property back, as a filter that forgot properties would.
      const schemas = (result.document as { components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> } }).components?.schemas;
      if (schemas?.mkSchemaOpen?.properties) schemas.mkSchemaOpen.properties.mkPropInternal = { type: 'string' };
      return result;
    };
    const out2 = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-sabotage-'));
    const broken = await capture(runBuild, ['--specs', FIXTURE, '--audience', 'open', '--out', path.join(out2, 'open')], { filter: partial });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("'mkPropInternal' (property name at #/components/schemas/mkSchemaOpen/properties/mkPropInternal in tests/fixtures/audience-markers/store/openapi.yaml) is in the open site");
  });
});
