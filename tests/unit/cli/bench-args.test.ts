// npm run bench's options: which sets to build, and clear usage errors.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSetName, getSpecsDir, parseBenchArgs } from '../../../src/cli/bench-args.ts';
import { UsageError } from '../../../src/cli/cli-args.ts';

const ROOT = '/work/main';
const NO_ENV = {};

describe('parseBenchArgs', () => {
  it('builds sample-50 for the internal site when given nothing, from .cache/corpus', () => {
    const options = parseBenchArgs([], ROOT, NO_ENV);
    expect(options.sets).toEqual([{ kind: 'sample', size: 50 }]);
    expect(options.audience).toBe('internal');
    expect(options.corpus).toBe(path.resolve('.cache/corpus'));
    expect(options.mixedScript).toBe('/work/shared/corpus/mixed.mjs');
  });

  it('runs several samples and mixed catalogs in one go, samples first', () => {
    const options = parseBenchArgs(['--mixed', '50,200', '--sample', '10'], ROOT, NO_ENV);
    expect(options.sets.map(getSetName)).toEqual(['sample-10', 'mixed-50', 'mixed-200']);
  });

  it('takes the corpus from PORTOLAN_CORPUS unless --corpus names one', () => {
    expect(parseBenchArgs([], ROOT, { PORTOLAN_CORPUS: '/data/corpus' }).corpus).toBe('/data/corpus');
    expect(parseBenchArgs(['--corpus', '/c'], ROOT, { PORTOLAN_CORPUS: '/data/corpus' }).corpus).toBe('/c');
  });

  it('reuses a mixed catalog, with {N} standing for each size', () => {
    const options = parseBenchArgs(['--mixed', '50,200', '--specs', '/work/mixed-{N}'], ROOT, NO_ENV);
    expect(options.sets.map((set) => getSpecsDir(options, set))).toEqual(['/work/mixed-50', '/work/mixed-200']);
    const single = parseBenchArgs(['--mixed', '50', '--specs', '/work/mixed-50'], ROOT, NO_ENV);
    expect(getSpecsDir(single, single.sets[0]!)).toBe('/work/mixed-50');
  });

  it.each([
    [['--sample', 'fifty'], "--sample takes sample sizes like 50 or 50,200 (got 'fifty')"],
    [['--mixed', '50,'], "--mixed takes sample sizes like 50 or 50,200 (got '50,')"],
    [['--mixed', '0'], "--mixed takes sample sizes like 50 or 50,200 (got '0')"],
    [['--audience', 'public'], "--audience must be internal, partner or open (got 'public')"],
    [['--specs', '/work/mixed-50'], '--specs names a mixed catalog to reuse; it goes with --mixed N'],
    [['--mixed', '50,200', '--specs', '/work/mixed-50'], '--specs with several --mixed sets needs {N} for the size, e.g. --specs ../mixed-{N}'],
    [['--sampel', '50'], "Unknown option '--sampel'"],
  ])('refuses %j with a usage error', (args, message) => {
    expect(() => parseBenchArgs(args, ROOT, NO_ENV)).toThrow(UsageError);
    expect(() => parseBenchArgs(args, ROOT, NO_ENV)).toThrow(message);
  });
});
