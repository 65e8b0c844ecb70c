import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_MARKER_FILE, mergeRenderCaches, MergeSourceError, openRenderCache, toHash } from '../../../src/site/render-cache.ts';

const VERSION = toHash('renderer 1');
const KEY = toHash('page of pets');

function makeDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-render-cache-'));
}

/** The one stored page file of a cache. */
function findPageFile(dir: string): string {
  const pages = path.join(dir, VERSION.slice(0, 16), 'pages');
  const [bucket] = fs.readdirSync(pages);
  return path.join(pages, bucket!, fs.readdirSync(path.join(pages, bucket!))[0]!);
}

describe('the render cache', () => {
  it('gives a saved page back to the next build, and nothing to a build of another renderer version', () => {
    const dir = makeDir();
    const first = openRenderCache(dir, VERSION);
    first.write(KEY, '<p>pets</p>');
    first.save();
    expect(openRenderCache(dir, VERSION).read(KEY)).toBe('<p>pets</p>');
    const other = openRenderCache(dir, toHash('renderer 2'));
    expect(other.has(KEY)).toBe(false);
    // The old version's entries can never be used again, so they are gone.
    expect(fs.readdirSync(dir).sort()).toEqual([CACHE_MARKER_FILE].sort());
  });

  it('holds no page in memory: what this build wrote is read back from disk, so a page removed since reads as missing', () => {
    // A 200-API catalog renders gigabytes of HTML; keeping it in memory ran the build out of heap.
    const dir = makeDir();
    const cache = openRenderCache(dir, VERSION);
    cache.write(KEY, '<p>pets</p>');
    expect(cache.read(KEY)).toBe('<p>pets</p>');
    fs.rmSync(findPageFile(dir));
    expect(cache.read(KEY)).toBeUndefined();
  });

  it('does not trust an entry whose bytes changed: it reads as missing and counts as rejected', () => {
    const dir = makeDir();
    const cache = openRenderCache(dir, VERSION);
    cache.write(KEY, '<p>pets</p>');
    cache.save();
    fs.writeFileSync(findPageFile(dir), '<p>pets</p><script>alert(1)</script>');
    const next = openRenderCache(dir, VERSION);
    expect(next.has(KEY)).toBe(true);
    expect(next.read(KEY)).toBeUndefined();
    expect(next.rejected).toBe(1);
  });

  it('ignores an unreadable manifest, with a note, and starts empty', () => {
    const dir = makeDir();
    openRenderCache(dir, VERSION).save();
    fs.writeFileSync(path.join(dir, VERSION.slice(0, 16), 'manifest.json'), '{"format": 1, "pages": ');
    const notes: string[] = [];
    const cache = openRenderCache(dir, VERSION, (line) => notes.push(line));
    expect(cache.has(KEY)).toBe(false);
    expect(notes).toEqual([`render cache: ${path.join(dir, VERSION.slice(0, 16), 'manifest.json')} is unreadable; every page is rendered`]);
  });

  it('leaves a folder that is not Portolan\'s alone and uses a fresh one instead', () => {
    const foreign = makeDir();
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'mine');
    const fallback = path.join(makeDir(), 'cache');
    const notes: string[] = [];
    const cache = openRenderCache(foreign, VERSION, (line) => notes.push(line), fallback);
    cache.write(KEY, '<p>pets</p>');
    cache.save();
    expect(fs.readdirSync(foreign)).toEqual(['notes.txt']);
    expect(cache.dir).toBe(fallback);
    expect(notes).toEqual([`render cache ignored: ${foreign} is not a Portolan render cache (it holds other files and no ${CACHE_MARKER_FILE}); every page is rendered`]);
  });

  it('takes over the pages of shards, and refuses a shard whose pages do not match their hashes', () => {
    const shard = makeDir();
    const written = openRenderCache(shard, VERSION);
    written.write(KEY, '<p>pets</p>');
    written.save();
    const target = openRenderCache(makeDir(), VERSION);
    expect(mergeRenderCaches(target, [shard], VERSION)).toBe(1);
    expect(target.read(KEY)).toBe('<p>pets</p>');

    fs.writeFileSync(findPageFile(shard), 'tampered');
    expect(() => mergeRenderCaches(openRenderCache(makeDir(), VERSION), [shard], VERSION)).toThrow(
      new MergeSourceError(`${shard}: the page ${KEY} does not match its recorded hash; render that shard again`),
    );
  });

  it('refuses to merge a shard rendered by another version', () => {
    const shard = makeDir();
    const old = openRenderCache(shard, toHash('renderer 0'));
    old.write(KEY, '<p>pets</p>');
    old.save();
    expect(() => mergeRenderCaches(openRenderCache(makeDir(), VERSION), [shard], VERSION)).toThrow(
      `${shard} was rendered by another Portolan version or with other settings: render its shard again with this commit`,
    );
  });
});
