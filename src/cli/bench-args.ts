// The options of npm run bench. A set is a corpus sample built for one audience (`--sample N`) or the
// six-site catalog that ../shared/corpus/mixed.mjs makes from it, built for every site (`--mixed N`).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isAudience, type Audience } from '../core/audience.ts';
import { UsageError } from './cli-args.ts';

export const BENCH_USAGE =
  'usage: npm run bench -- [--sample N[,N...]] [--mixed N[,N...]] [--corpus DIR] [--audience internal|partner|open] [--specs DIR] [--mixed-script FILE] [--keep]';

export type BenchKind = 'sample' | 'mixed';

export interface BenchSet {
  kind: BenchKind;
  size: number;
}

export interface BenchOptions {
  sets: BenchSet[];
  /** The folder fetch.sh made: sample-N.txt lists and directory/. */
  corpus: string;
  /** The audience a sample is built for; mixed sets build every site. */
  audience: Audience;
  /** An existing mixed catalog to build instead of making one; `{N}` stands for the set's size. */
  specs?: string;
  mixedScript: string;
  keep: boolean;
}

export const DEFAULT_SAMPLE = 50;
export const DEFAULT_CORPUS = '.cache/corpus';
/** Where the shared corpus tools live, beside the project. */
export const DEFAULT_MIXED_SCRIPT = '../shared/corpus/mixed.mjs';
export const SIZE_PLACEHOLDER = '{N}';

export function getSetName(set: BenchSet): string {
  return `${set.kind}-${set.size}`;
}

function toSizes(raw: string | undefined, flag: string): number[] {
  if (raw === undefined) return [];
  return raw.split(',').map((part) => {
    const size = Number(part.trim());
    if (!Number.isInteger(size) || size <= 0 || part.trim() === '') throw new UsageError(`${flag} takes sample sizes like 50 or 50,200 (got '${raw}')\n${BENCH_USAGE}`);
    return size;
  });
}

/** The mixed catalog folder to reuse for `set`, if --specs names one. */
export function getSpecsDir(options: BenchOptions, set: BenchSet): string | undefined {
  return options.specs?.replaceAll(SIZE_PLACEHOLDER, String(set.size));
}

/** Paths resolve against the working folder, as for build; the default mixed.mjs sits beside `projectRoot`. */
export function parseBenchArgs(args: string[], projectRoot: string, env: NodeJS.ProcessEnv = process.env): BenchOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        sample: { type: 'string' },
        mixed: { type: 'string' },
        corpus: { type: 'string' },
        audience: { type: 'string' },
        specs: { type: 'string' },
        'mixed-script': { type: 'string' },
        keep: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${BENCH_USAGE}`);
  }
  const text = (name: string) => values[name] as string | undefined;
  const mixed = toSizes(text('mixed'), '--mixed').map((size): BenchSet => ({ kind: 'mixed', size }));
  const samples = toSizes(text('sample'), '--sample').map((size): BenchSet => ({ kind: 'sample', size }));
  const sets = samples.length + mixed.length > 0 ? [...samples, ...mixed] : [{ kind: 'sample' as const, size: DEFAULT_SAMPLE }];
  const audience = text('audience') ?? 'internal';
  if (!isAudience(audience)) throw new UsageError(`--audience must be internal, partner or open (got '${audience}')\n${BENCH_USAGE}`);
  const specs = text('specs');
  if (specs !== undefined && mixed.length === 0) throw new UsageError(`--specs names a mixed catalog to reuse; it goes with --mixed N\n${BENCH_USAGE}`);
  if (specs !== undefined && mixed.length > 1 && !specs.includes(SIZE_PLACEHOLDER)) {
    throw new UsageError(`--specs with several --mixed sets needs ${SIZE_PLACEHOLDER} for the size, e.g. --specs ../mixed-${SIZE_PLACEHOLDER}\n${BENCH_USAGE}`);
  }
  return {
    sets,
    corpus: path.resolve(text('corpus') ?? env.PORTOLAN_CORPUS ?? DEFAULT_CORPUS),
    audience,
    ...(specs !== undefined ? { specs: path.resolve(specs) } : {}),
    mixedScript: text('mixed-script') !== undefined ? path.resolve(text('mixed-script')!) : path.resolve(projectRoot, DEFAULT_MIXED_SCRIPT),
    keep: values.keep === true,
  };
}
