// The render cache and shards on a real build of a small catalog: a page is rendered once for every
// site that shows it, again only when something that shapes it changed, never taken from a cache that
// fails its checks, and shards joined by --merge give exactly the sites a single build gives.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands.ts';
import { capture } from '../helpers/run.ts';

const BASIC = path.resolve('tests/fixtures/catalog-basic');
const MARKERS = path.resolve('tests/fixtures/audience-markers');
const SITES = ['internal', 'open', 'partner', 'partner-acme'];

function makeDir(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-render-cache-')), name);
}

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

/** Files that differ between two output folders (by name or by bytes); empty when they are identical. */
function getDifferences(a: string, b: string): string[] {
  const left = listFiles(a).sort();
  const right = listFiles(b).sort();
  const names = [...new Set([...left, ...right])].sort();
  return names.filter((name) => !left.includes(name) || !right.includes(name) || !fs.readFileSync(path.join(a, name)).equals(fs.readFileSync(path.join(b, name))));
}

/** "built <site>: ... (N rendered, M reused)" for every site, as [site, N, M]. */
function getCounts(stdout: string): [string, number, number][] {
  return [...stdout.matchAll(/^built ([\w-]+): .*\((\d+) rendered, (\d+) reused\)/gm)].map((m) => [m[1]!, Number(m[2]), Number(m[3])]);
}

async function build(specs: string, out: string, ...flags: string[]) {
  const result = await capture(runBuild, ['--specs', specs, '--out', out, '--quiet', ...flags]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

describe('a build with a render cache', () => {
  it('renders every page once, and a second build renders none and writes the same bytes as a build without cache', async () => {
    const cache = makeDir('cache');
    const first = await build(BASIC, makeDir('first'), '--cache', cache);
    const rendered = getCounts(first.stdout);
    expect(rendered.map(([site]) => site).sort()).toEqual([...SITES].sort());
    // The open API's pages are the same on every site; only the internal site renders them.
    expect(rendered.find(([site]) => site === 'internal')![2]).toBe(0);
    for (const [site, , reused] of rendered.filter(([name]) => name !== 'internal')) expect(reused, site).toBeGreaterThan(0);

    const second = await build(BASIC, makeDir('second'), '--cache', cache);
    expect(second.stdout).toMatch(/^rendered 0 of 55 pages in 0 runs/m);
    expect(getCounts(second.stdout).map(([, count]) => count)).toEqual([0, 0, 0, 0]);
    const clean = makeDir('clean');
    await build(BASIC, clean, '--no-cache');
    expect(getDifferences(path.join(path.dirname(first.stdout.match(/^done: (\S+),/m)![1]!)), clean)).toEqual([]);
    expect(getDifferences(path.dirname(second.stdout.match(/^done: (\S+),/m)![1]!), clean)).toEqual([]);
  });

  it('renders again only the changed spec\'s pages and the catalogs that list it, and the result equals a clean build', async () => {
    const specs = makeDir('specs');
    fs.cpSync(BASIC, specs, { recursive: true });
    const cache = makeDir('cache');
    await build(specs, makeDir('before'), '--cache', cache);
    const vets = path.join(specs, 'vets.json');
    fs.writeFileSync(vets, fs.readFileSync(vets, 'utf8').replace('"title": "Vet Visits Shared API"', '"title": "Veterinary Visits Shared API"'));
    const out = makeDir('after');
    const after = await build(specs, out, '--cache', cache);
    const rendered = new Map(getCounts(after.stdout).map(([site, count]) => [site, count]));
    // The internal site renders the vets API's pages and its catalog page, which lists the new title;
    // the open site does not show the vets API, so it renders nothing.
    const vetsPages = listFiles(path.join(out, 'internal', 'apis', 'vets')).filter((file) => file.endsWith('.html')).length;
    expect(vetsPages).toBeGreaterThan(2);
    expect(rendered.get('internal')).toBe(vetsPages + 1);
    expect(rendered.get('open')).toBe(0);
    const clean = makeDir('clean');
    await build(specs, clean, '--no-cache');
    expect(getDifferences(out, clean)).toEqual([]);
    expect(fs.readFileSync(path.join(out, 'internal', 'index.html'), 'utf8')).toContain('Veterinary Visits Shared API');
  });

  it('renders again what fails its check, and ignores a folder that is not a render cache', async () => {
    const cache = makeDir('cache');
    const before = makeDir('before');
    await build(BASIC, before, '--cache', cache);
    const pages = listFiles(cache).filter((file) => file.endsWith('.html'));
    fs.writeFileSync(path.join(cache, pages[0]!), '<p>planted</p>');
    const out = makeDir('after');
    const after = await build(BASIC, out, '--cache', cache);
    expect(after.stdout).toMatch(/^render cache: 1 entries of the [\w-]+ site failed their check; rendering them again$/m);
    expect(getDifferences(out, before)).toEqual([]);

    const foreign = makeDir('foreign');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'not a cache');
    const ignored = await build(BASIC, makeDir('ignored'), '--cache', foreign);
    expect(ignored.stdout).toContain(`render cache ignored: ${foreign} is not a Portolan render cache (it holds other files and no portolan-render-cache.json); every page is rendered`);
    expect(fs.readdirSync(foreign)).toEqual(['notes.txt']);
  });
});

describe('a build in shards', () => {
  it('renders a part of the pages per shard, and --merge gives the sites of a single build, leak-checked', async () => {
    const shards = [makeDir('shard-1'), makeDir('shard-2')];
    const parts = [];
    for (const [index, cache] of shards.entries()) {
      const result = await build(BASIC, makeDir('unused'), '--shard', `${index + 1}/2`, '--cache', cache);
      expect(result.stdout).toMatch(new RegExp(`^done: shard ${index + 1}/2 rendered \\d+ pages into .*; join the shards with --merge$`, 'm'));
      parts.push(Number(result.stdout.match(/^rendered (\d+) of \d+ pages/m)![1]));
    }
    for (const part of parts) expect(part).toBeGreaterThan(0);
    const merged = makeDir('merged');
    const result = await build(BASIC, merged, '--merge', ...shards, '--cache', makeDir('merge-cache'));
    expect(result.stdout).toMatch(/^merged \d+ pages from 2 shards/m);
    expect(result.stdout).toMatch(/^rendered 0 of 55 pages/m);
    for (const site of SITES) expect(result.stdout).toMatch(new RegExp(`^built ${site}: .*leak check [\\d.]+ s\\)$`, 'm'));
    const single = makeDir('single');
    await build(BASIC, single, '--no-cache');
    expect(getDifferences(merged, single)).toEqual([]);
  });

  it('refuses to merge a folder that is not a shard\'s cache, as a usage error', async () => {
    const missing = makeDir('missing');
    const result = await capture(runBuild, ['--specs', BASIC, '--out', makeDir('out'), '--quiet', '--merge', missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`Build stopped: ${missing} is not a Portolan render cache (it does not exist).\n`);
  });
});

describe('partner sites that show what other sites show', () => {
  it('take those pages from the rendering of the first site and still pass the leak check', async () => {
    // As on a terminal: progress lines carry an estimate of the time left.
    const result = await capture(runBuild, ['--specs', MARKERS, '--out', makeDir('out'), '--quiet', '--no-cache'], { showEstimates: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}rendered \d+ of \d+ pages planned so far \([\d.]+ s, about \d+ s left\)$/m);
    const counts = getCounts(result.stdout);
    const partners = counts.filter(([site]) => site.startsWith('partner-'));
    expect(partners.length).toBeGreaterThan(1);
    for (const [site, , reused] of partners) expect(reused, site).toBeGreaterThan(0);
    for (const [site] of counts) expect(result.stdout).toMatch(new RegExp(`^built ${site}: .*leak check [\\d.]+ s\\)$`, 'm'));
  });
});
