// npm run bench's arithmetic: medians, the largest page, what a site folder weighs, and the log-log slope.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getLargest, getLogLogSlope, getMedian } from '../../../src/cli/bench-stats.ts';
import { countCatalogOperations, measureSite } from '../../../src/cli/bench-site-stats.ts';

describe('getMedian', () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(getMedian([30, 10, 20])).toBe(20);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(getMedian([4, 1, 3, 2])).toBe(2.5);
  });

  it('is 0 for no pages', () => {
    expect(getMedian([])).toBe(0);
  });
});

describe('getLargest', () => {
  it('names the biggest file, the first of equals', () => {
    expect(getLargest([{ file: 'a.html', bytes: 5 }, { file: 'b.html', bytes: 9 }, { file: 'c.html', bytes: 9 }])).toEqual({ file: 'b.html', bytes: 9 });
  });

  it('is undefined for no files', () => {
    expect(getLargest([])).toBeUndefined();
  });
});

describe('getLogLogSlope', () => {
  it('is 1 when cost doubles with size', () => {
    expect(getLogLogSlope([{ x: 100, y: 30 }, { x: 200, y: 60 }, { x: 400, y: 120 }])).toBeCloseTo(1, 10);
  });

  it('is 2 when cost grows with the square of size', () => {
    expect(getLogLogSlope([{ x: 10, y: 100 }, { x: 100, y: 10_000 }])).toBeCloseTo(2, 10);
  });

  it('fits the best line through points that are not exactly on one', () => {
    // ln-ln points (0, 0), (1, 1), (2, 3): least squares gives 1.5.
    expect(getLogLogSlope([{ x: 1, y: 1 }, { x: Math.E, y: Math.E }, { x: Math.E ** 2, y: Math.E ** 3 }])).toBeCloseTo(1.5, 10);
  });

  it('is undefined for one size, or for a size or cost of zero', () => {
    expect(getLogLogSlope([{ x: 50, y: 10 }])).toBeUndefined();
    expect(getLogLogSlope([{ x: 50, y: 10 }, { x: 50, y: 12 }])).toBeUndefined();
    expect(getLogLogSlope([{ x: 0, y: 10 }, { x: 50, y: 12 }])).toBeUndefined();
    expect(getLogLogSlope([{ x: 10, y: 0 }, { x: 50, y: 12 }])).toBeUndefined();
  });
});

describe('measureSite', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  function makeSite(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-bench-site-'));
    made.push(dir);
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
  }

  it('counts HTML pages with their sizes, all bytes, the Pagefind index and the operations catalog.json lists', () => {
    const catalog = JSON.stringify([{ id: 'pets', operations: 3 }, { id: 'vets', operations: 4 }]);
    const dir = makeSite({
      'index.html': 'x'.repeat(10),
      'apis/pets/index.html': 'x'.repeat(30),
      'pagefind/pagefind.js': 'x'.repeat(100),
      'pagefind/index/en.pf_index': 'x'.repeat(50),
      'catalog.json': catalog,
    });
    const site = measureSite('internal', dir);
    expect(site.name).toBe('internal');
    expect(site.pages.sort((a, b) => a.bytes - b.bytes)).toEqual([{ file: 'index.html', bytes: 10 }, { file: path.join('apis', 'pets', 'index.html'), bytes: 30 }]);
    expect(site.bytes).toBe(190 + catalog.length);
    expect(site.pagefindBytes).toBe(150);
    expect(site.operations).toBe(7);
  });

  it('leaves the operations unknown when the site has no catalog.json', () => {
    expect(measureSite('open', makeSite({ 'index.html': '<h1>hi</h1>' })).operations).toBeUndefined();
  });
});

describe('countCatalogOperations', () => {
  it('is unknown unless every entry counts its operations', () => {
    expect(countCatalogOperations([])).toBe(0);
    expect(countCatalogOperations([{ operations: 2 }, { id: 'x' }])).toBeUndefined();
    expect(countCatalogOperations({ operations: 2 })).toBeUndefined();
  });
});
