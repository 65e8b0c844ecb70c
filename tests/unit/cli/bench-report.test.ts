// The build report as npm run bench reads it, and what bench prints from it: per set, per site, the
// README table and the slopes.
import { describe, expect, it } from 'vitest';
import { BuildReportError, readBuildReport, toBuildReport } from '../../../src/cli/build-report.ts';
import { formatBytes, formatMemory, formatSetReport, formatSlopes, formatSummaryTable, getSetTotals, type BenchResult } from '../../../src/cli/bench-format.ts';
import type { SiteMeasure } from '../../../src/cli/bench-site-stats.ts';

const MIB = 1024 * 1024;

const REPORT = {
  version: 1,
  stages: [{ name: 'load', seconds: 2.5 }, { name: 'history', seconds: 0.5 }],
  sites: [{ name: 'internal', outDir: '/tmp/dist/internal', apis: 2, pages: 7, seconds: 9 }],
  seconds: 12.25,
};

describe('readBuildReport', () => {
  it('reads what --report writes', () => {
    expect(readBuildReport(JSON.stringify(REPORT))).toEqual(REPORT);
  });

  it("keeps a site's stages and its rendered and reused pages, and ignores fields it does not know", () => {
    const site = { ...REPORT.sites[0], stages: { render: 6, pagefind: 2 }, rendered: 5, reused: 2, cacheKey: 'abc' };
    const report = readBuildReport(JSON.stringify({ ...REPORT, sites: [site], engine: 'next' }));
    expect(report.sites[0]).toEqual({ name: 'internal', outDir: '/tmp/dist/internal', apis: 2, pages: 7, seconds: 9, stages: { render: 6, pagefind: 2 }, rendered: 5, reused: 2 });
    expect(report).not.toHaveProperty('engine');
  });

  it.each([
    ['cut-off JSON', '{', /^not JSON/],
    ['another version', JSON.stringify({ ...REPORT, version: 2 }), 'version 2 is not 1'],
    ['no sites', JSON.stringify({ ...REPORT, sites: undefined }), 'a report needs stages, sites and seconds'],
    ['a stage without seconds', JSON.stringify({ ...REPORT, stages: [{ name: 'load' }] }), 'stages[0]: a stage needs a name and seconds'],
    ['pages as text', JSON.stringify({ ...REPORT, sites: [{ ...REPORT.sites[0], pages: '7' }] }), 'sites[0] (internal): apis, pages and seconds must be numbers'],
    ['a site stage as text', JSON.stringify({ ...REPORT, sites: [{ ...REPORT.sites[0], stages: { render: 'slow' } }] }), 'sites[0] (internal): stages must map names to seconds'],
    ['a negative reused count', JSON.stringify({ ...REPORT, sites: [{ ...REPORT.sites[0], reused: -1 }] }), 'sites[0] (internal): reused must be a page count'],
  ])('refuses a report with %s, saying what is wrong', (_, text, message) => {
    expect(() => readBuildReport(text)).toThrow(BuildReportError);
    expect(() => readBuildReport(text)).toThrow(message);
  });
});

describe('toBuildReport', () => {
  it('names each site by its folder and keeps its stages and page counts', () => {
    const sites = [
      { target: { audience: 'partner' as const, partner: 'acme' }, outDir: '/out/partner-acme', apis: 3, pages: 20, seconds: 4, stages: { assemble: 1 }, rendered: 20, reused: 0 },
      { target: { audience: 'open' as const }, outDir: '/out/open', apis: 1, pages: 5, seconds: 1, stages: { assemble: 0.5 }, rendered: 1, reused: 4 },
    ];
    expect(toBuildReport([{ name: 'load', seconds: 1 }], sites, 6)).toEqual({
      version: 1,
      stages: [{ name: 'load', seconds: 1 }],
      sites: [
        { name: 'partner-acme', outDir: '/out/partner-acme', apis: 3, pages: 20, seconds: 4, stages: { assemble: 1 }, rendered: 20, reused: 0 },
        { name: 'open', outDir: '/out/open', apis: 1, pages: 5, seconds: 1, stages: { assemble: 0.5 }, rendered: 1, reused: 4 },
      ],
      seconds: 6,
    });
  });
});

function site(name: string, pageBytes: number[], operations?: number): SiteMeasure {
  return {
    name,
    pages: pageBytes.map((bytes, i) => ({ file: `page-${i}/index.html`, bytes })),
    bytes: pageBytes.reduce((a, b) => a + b, 0) + 1_000,
    pagefindBytes: 1_000,
    ...(operations !== undefined ? { operations } : {}),
  };
}

function mixedResult(size: number, wallSeconds: number, sites: SiteMeasure[], report?: BenchResult['report']): BenchResult {
  return { set: { kind: 'mixed', size }, scope: 'every site', exitCode: 0, wallSeconds, memory: { rssBytes: 2048 * MIB, pssBytes: 1536 * MIB, largestProcessRssBytes: 900 * MIB, processes: 4 }, timeMaxRssBytes: 1000 * MIB, ...(report ? { report } : {}), sites };
}

describe('getSetTotals', () => {
  it('takes the median and largest page over every site, and sums operations × sites', () => {
    const totals = getSetTotals([site('internal', [10_000, 30_000, 20_000], 12), site('open', [40_000], 5)]);
    expect(totals).toEqual({ pages: 4, bytes: 102_000, pagefindBytes: 2_000, medianPage: 25_000, largestPage: { file: 'open/page-0/index.html', bytes: 40_000 }, operations: 17 });
  });

  it('leaves operations unknown when one site cannot count them', () => {
    expect(getSetTotals([site('internal', [1], 12), site('open', [1])]).operations).toBeUndefined();
  });
});

describe('formatSetReport', () => {
  it('prints wall time, the stages, the memory of the tree, the largest page and one row per site with a sum that adds no times', () => {
    const report = readBuildReport(JSON.stringify({
      ...REPORT,
      sites: [
        { name: 'internal', outDir: '/d/internal', apis: 2, pages: 3, seconds: 9, stages: { render: 6 }, rendered: 3, reused: 0 },
        { name: 'open', outDir: '/d/open', apis: 1, pages: 1, seconds: 1, stages: { render: 0.5 }, rendered: 0, reused: 1 },
      ],
    }));
    const text = formatSetReport(mixedResult(50, 13.04, [site('internal', [10_000, 30_000, 20_000], 12), site('open', [1_500_000], 5)], report));
    expect(text).toBe(
      [
        'mixed-50, every site: 2 sites, 17 operations × sites',
        '  wall 13.0 s; build report: 12.3 s in all; load 2.5 s, history 0.5 s, rest 9.3 s',
        '  peak memory: process tree 1.50 GiB PSS, 2.00 GiB RSS summed (up to 4 processes); largest single process 1000 MiB (/usr/bin/time -v)',
        '  largest page: 1.5 MB, open/page-0/index.html',
        '',
        '| site | APIs | operations | seconds | render s | rendered | reused | pages | bytes | median page | largest page | Pagefind |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        '| internal | 2 | 12 | 9.0 | 6.0 | 3 | 0 | 3 | 61 KB | 20 KB | 30 KB | 1.0 KB |',
        '| open | 1 | 5 | 1.0 | 0.5 | 0 | 1 | 1 | 1.5 MB | 1.5 MB | 1.5 MB | 1.0 KB |',
        '| all sites | – | 17 | – | – | 3 | 1 | 4 | 1.6 MB | 25 KB | 1.5 MB | 2.0 KB |',
      ].join('\n'),
    );
  });

  it('shows no stage columns the build did not report, and no sum for a single site', () => {
    const result: BenchResult = { set: { kind: 'sample', size: 50 }, scope: 'internal site', exitCode: 0, wallSeconds: 33, report: readBuildReport(JSON.stringify(REPORT)), sites: [site('internal', [22_000], 1214)] };
    const lines = formatSetReport(result).split('\n');
    expect(lines[2]).toBe('  peak memory: process tree not sampled (no /proc); largest single process n/a');
    expect(lines.slice(5)).toEqual([
      '| site | APIs | operations | seconds | pages | bytes | median page | largest page | Pagefind |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| internal | 2 | 1,214 | 9.0 | 1 | 23 KB | 22 KB | 22 KB | 1.0 KB |',
    ]);
  });

  it('says a failed build failed', () => {
    expect(formatSetReport({ set: { kind: 'mixed', size: 200 }, scope: 'every site', exitCode: 1, wallSeconds: 140, sites: [] })).toBe('mixed-200, every site: the build failed (exit 1) after 140 s');
  });
});

describe('formatSummaryTable', () => {
  it('gives one README row per set, failed sets included', () => {
    const ok = mixedResult(50, 125.4, [site('internal', [10_000, 30_000], 1000), site('open', [20_000], 400)]);
    const failed: BenchResult = { set: { kind: 'mixed', size: 200 }, scope: 'every site', exitCode: 1, wallSeconds: 10, sites: [] };
    expect(formatSummaryTable([ok, failed]).split('\n')).toEqual([
      '| set | sites | operations × sites | wall | peak memory (tree PSS) | largest process | pages | output | median page | largest page | Pagefind |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| mixed-50, every site | 2 | 1,400 | 125 s | 1.50 GiB | 1000 MiB | 3 | 62 KB | 20 KB | 30 KB | 2.0 KB |',
      '| mixed-200, every site | – | – | failed (exit 1) after 10.0 s | – | – | – | – | – | – | – |',
    ]);
  });
});

describe('formatSlopes', () => {
  it('prints the slope of wall time and output bytes against operations × sites, per kind of set', () => {
    // Four times the operations × sites: four times the time (linear), sixteen times the bytes (quadratic).
    const small = mixedResult(50, 100, [site('internal', [49_000], 1000)]);
    const large = mixedResult(200, 400, [site('internal', [399_000], 2000), site('open', [399_000], 2000)]);
    expect(formatSlopes([small, large])).toEqual([
      "log-log slope against x = operations shown, summed over the sites of a set (each site counts the operations its catalog.json lists); 1 is linear, 2 quadratic:",
      '  mixed (mixed-50, mixed-200): wall time 1.00, output bytes 2.00',
    ]);
  });

  it('prints nothing with one size of each kind', () => {
    expect(formatSlopes([mixedResult(50, 100, [site('internal', [1], 10)])])).toEqual([]);
  });
});

describe('sizes', () => {
  it('writes bytes in powers of 1,000 and memory in powers of 1,024', () => {
    expect([formatBytes(999), formatBytes(22_400), formatBytes(161_000_000), formatBytes(1_480_000_000)]).toEqual(['1.0 KB', '22 KB', '161 MB', '1.5 GB']);
    expect([formatMemory(866 * MIB), formatMemory(2.5 * 1024 * MIB)]).toEqual(['866 MiB', '2.50 GiB']);
  });
});
