// npm run bench sums the memory of the build's whole process tree, read from /proc.
import { describe, expect, it } from 'vitest';
import { getDescendants, getKilobyteField, getParentPid, getPeak, sumTree } from '../../../src/cli/bench-memory.ts';

const MIB = 1024 * 1024;

describe('getDescendants', () => {
  it('finds the root, its children and their children, and no other process', () => {
    // 1 is init; 100 is the build, 101 and 102 its Astro children, 103 a grandchild; 200 is unrelated.
    const parents = new Map([[1, 0], [100, 1], [101, 100], [102, 100], [103, 101], [200, 1]]);
    expect(getDescendants(parents, 100).sort()).toEqual([100, 101, 102, 103]);
  });

  it('is the root alone when it has no children', () => {
    expect(getDescendants(new Map([[100, 1]]), 100)).toEqual([100]);
  });
});

describe('sumTree and getPeak', () => {
  it('adds up RSS and PSS, and keeps the largest single process', () => {
    const tree = sumTree([
      { pid: 100, ppid: 1, rssBytes: 300 * MIB, pssBytes: 250 * MIB },
      { pid: 101, ppid: 100, rssBytes: 700 * MIB, pssBytes: 600 * MIB },
    ]);
    expect(tree).toEqual({ rssBytes: 1000 * MIB, pssBytes: 850 * MIB, largestProcessRssBytes: 700 * MIB, processes: 2 });
  });

  it('leaves PSS out when any process hid it, rather than undercount', () => {
    expect(sumTree([{ pid: 100, ppid: 1, rssBytes: 10 }, { pid: 101, ppid: 100, rssBytes: 20, pssBytes: 15 }]).pssBytes).toBeUndefined();
  });

  it('takes the peak of each figure over all samples', () => {
    const early = { rssBytes: 900, pssBytes: 800, largestProcessRssBytes: 900, processes: 1 };
    const late = { rssBytes: 1500, pssBytes: 1100, largestProcessRssBytes: 700, processes: 3 };
    expect(getPeak([early, late])).toEqual({ rssBytes: 1500, pssBytes: 1100, largestProcessRssBytes: 900, processes: 3 });
    expect(getPeak([])).toBeUndefined();
  });
});

describe('reading /proc', () => {
  it('reads the parent from a stat line whose process name holds spaces and parentheses', () => {
    expect(getParentPid('4242 (node (astro) build) S 4200 4242 4200 0 -1 4194560')).toBe(4200);
  });

  it('reads a kilobyte field of status or smaps_rollup in bytes', () => {
    const status = 'Name:\tnode\nVmPeak:\t  999 kB\nVmRSS:\t  2048 kB\nRssAnon:\t 1000 kB\n';
    expect(getKilobyteField(status, 'VmRSS')).toBe(2048 * 1024);
    expect(getKilobyteField('Rss:   1764 kB\nPss:    483 kB\nPss_Dirty:  116 kB\n', 'Pss')).toBe(483 * 1024);
    expect(getKilobyteField('Name:\tkthreadd\n', 'VmRSS')).toBeUndefined();
  });
});
