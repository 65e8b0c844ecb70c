// Command-line parsing shared by the scripts. Usage errors exit 2 with the command's usage text.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isAudience, isPartnerId, type Audience } from '../core/audience.ts';
import { DEFAULT_MAX_PROBLEMS, OUTPUT_FORMATS, isOutputFormat, type OutputFormat } from '../core/diagnostics.ts';
import { DEFAULT_LIMITS, type InputLimits } from '../load/safe-resolver.ts';
import { DEFAULT_SPEC_BUDGET, HEAP_FLAG, MIN_HEAP_MB, SECONDS_FLAG, type SpecBudget } from '../core/budget.ts';

export class UsageError extends Error {}

/** What the problem listing shows: `--quiet` (errors only) and `--max-problems N`. */
export interface ListingOptions {
  quiet: boolean;
  maxProblems: number;
}

export interface BuildOptions extends ListingOptions {
  specsDir: string;
  limits: InputLimits;
  outDir?: string;
  audience?: Audience;
  partner?: string;
  configPath?: string;
  budget: SpecBudget;
  /** Where to write the JSON timing report (build-report.ts). */
  reportPath?: string;
  /** The render cache kept between builds (site/render-cache.ts); undefined with --no-cache. */
  cacheDir?: string;
  /** `--shard K/N`: render one Nth of the pages into the cache, assemble no site. */
  shard?: { index: number; count: number };
  /** `--merge DIR...`: render caches of shards to build the sites from. */
  mergeFrom?: string[];
  /** `--jobs N`: Astro runs at once (default: the machine's cores). */
  jobs?: number;
}

export interface LintOptions extends ListingOptions {
  specsDir: string;
  limits: InputLimits;
  budget: SpecBudget;
  configPath?: string;
  format: OutputFormat;
  /** Lint only the specs changed since this git ref, and the specs that reference a changed file. */
  changedSince?: string;
}

export const DEFAULT_SPECS_DIR = 'specs';

const LIMIT_USAGE = '[--max-file-mb N] [--max-total-mb N] [--max-depth N] [--max-aliases N]';
const BUDGET_USAGE = `[${SECONDS_FLAG} N] [${HEAP_FLAG} N]`;
const LISTING_USAGE = '[--quiet] [--max-problems N]';
export const BUILD_USAGE = `usage: npm run build -- [--specs DIR] [--out DIR] [--audience internal|partner|open] [--partner ID] [--config FILE] [--report FILE] [--cache DIR | --no-cache] [--jobs N] [--shard K/N | --merge DIR...] ${LISTING_USAGE} ${LIMIT_USAGE} ${BUDGET_USAGE}`;
/** Where the render cache lives unless --cache names another folder; CI keeps it between runs. */
export const DEFAULT_CACHE_DIR = '.cache/portolan';
export const LINT_USAGE = `usage: npm run lint -- [--specs DIR] [--config FILE] [--format ${OUTPUT_FORMATS.join('|')}] [--changed-since REF] ${LISTING_USAGE} ${LIMIT_USAGE} ${BUDGET_USAGE}`;
export const PREVIEW_USAGE = 'usage: npm run preview -- [--audience internal|partner|open] [--partner ID] [--out DIR] [--port N]';

/** String options by name; the one boolean flag (`--quiet`) is read only by toListingOptions, as unknown. */
type ParsedValues = Record<string, string | undefined>;

function parse(args: string[], options: Record<string, { readonly type: 'string' | 'boolean' }>, usage: string): ParsedValues {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as ParsedValues;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

const LIMIT_OPTIONS = {
  'max-file-mb': { type: 'string' },
  'max-total-mb': { type: 'string' },
  'max-depth': { type: 'string' },
  'max-aliases': { type: 'string' },
} as const;

const BUDGET_OPTIONS = {
  'max-seconds-per-spec': { type: 'string' },
  'max-heap-mb': { type: 'string' },
} as const;

/** The per-spec budget: `--max-seconds-per-spec N` (per stage) and `--max-heap-mb N`. */
function toBudget(values: Record<string, string | undefined>, usage: string): SpecBudget {
  const read = (flag: string, fallback: number): number => {
    const raw = values[flag.slice(2)];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0 || raw.trim() === '') throw new UsageError(`${flag} must be a positive number (got '${raw}')\n${usage}`);
    return value;
  };
  const heapMb = Math.ceil(read(HEAP_FLAG, DEFAULT_SPEC_BUDGET.heapMb));
  if (heapMb < MIN_HEAP_MB) throw new UsageError(`${HEAP_FLAG} must be at least ${MIN_HEAP_MB}: the worker needs that much to start (got '${values[HEAP_FLAG.slice(2)]}')\n${usage}`);
  return { seconds: read(SECONDS_FLAG, DEFAULT_SPEC_BUDGET.seconds), heapMb };
}

const LISTING_OPTIONS = {
  quiet: { type: 'boolean' },
  'max-problems': { type: 'string' },
} as const;

function toListingOptions(values: Record<string, unknown>, usage: string): ListingOptions {
  const raw = values['max-problems'];
  const maxProblems = raw === undefined ? DEFAULT_MAX_PROBLEMS : Number(raw);
  if (!Number.isInteger(maxProblems) || maxProblems < 0 || (typeof raw === 'string' && raw.trim() === '')) {
    throw new UsageError(`--max-problems must be a whole number, 0 or more (got '${String(raw)}')\n${usage}`);
  }
  return { quiet: values.quiet === true, maxProblems };
}

function toLimits(values: Record<string, string | undefined>, usage: string): InputLimits {
  const read = (name: string, fallback: number, scale: number): number => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${name} must be a positive number (got '${raw}')\n${usage}`);
    return Math.round(value * scale);
  };
  const MB = 1024 * 1024;
  return {
    maxFileBytes: read('max-file-mb', DEFAULT_LIMITS.maxFileBytes, MB),
    maxTotalBytes: read('max-total-mb', DEFAULT_LIMITS.maxTotalBytes, MB),
    maxDepth: read('max-depth', DEFAULT_LIMITS.maxDepth, 1),
    maxAliases: read('max-aliases', DEFAULT_LIMITS.maxAliases, 1),
  };
}

function toAudienceOptions(values: Record<string, string | undefined>, usage: string): { audience?: Audience; partner?: string } {
  const { audience, partner } = values;
  if (audience !== undefined && !isAudience(audience)) throw new UsageError(`--audience must be internal, partner or open (got '${audience}')\n${usage}`);
  if (partner !== undefined && !isPartnerId(partner)) throw new UsageError(`--partner must be a partner id like 'acme-retail' (got '${partner}')\n${usage}`);
  if (partner !== undefined && audience !== undefined && audience !== 'partner') throw new UsageError(`--partner goes with --audience partner\n${usage}`);
  return { audience: partner !== undefined ? 'partner' : audience, partner };
}

function toShard(raw: string | undefined): BuildOptions['shard'] {
  if (raw === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be K/N with 1 <= K <= N, like 2/4 (got '${raw}')\n${BUILD_USAGE}`);
  return { index, count };
}

function toJobs(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const jobs = Number(raw);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number, 1 or more (got '${raw}')\n${BUILD_USAGE}`);
  return jobs;
}

export function parseBuildArgs(args: string[]): BuildOptions {
  const buildOptions = { specs: { type: 'string' }, out: { type: 'string' }, audience: { type: 'string' }, partner: { type: 'string' }, config: { type: 'string' }, report: { type: 'string' }, cache: { type: 'string' }, 'no-cache': { type: 'boolean' }, jobs: { type: 'string' }, shard: { type: 'string' }, merge: { type: 'boolean' }, ...LISTING_OPTIONS, ...LIMIT_OPTIONS, ...BUDGET_OPTIONS } as const;
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: buildOptions, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${BUILD_USAGE}`);
  }
  const values = parsed.values as ParsedValues;
  const merge = parsed.values.merge === true;
  if (parsed.positionals.length && !merge) throw new UsageError(`Unexpected argument '${parsed.positionals[0]}': only --merge takes folders\n${BUILD_USAGE}`);
  if (merge && parsed.positionals.length === 0) throw new UsageError(`--merge needs the shards' cache folders, like --merge shard-1 shard-2\n${BUILD_USAGE}`);
  if (merge && values.shard !== undefined) throw new UsageError(`--shard renders one part and --merge joins the parts: use one of them\n${BUILD_USAGE}`);
  if (parsed.values['no-cache'] === true && values.cache !== undefined) throw new UsageError(`--cache and --no-cache contradict each other\n${BUILD_USAGE}`);
  const shard = toShard(values.shard);
  if (shard && parsed.values['no-cache'] === true) throw new UsageError(`--shard writes its pages to the cache: it cannot run with --no-cache\n${BUILD_USAGE}`);
  return {
    cacheDir: parsed.values['no-cache'] === true ? undefined : path.resolve(values.cache ?? DEFAULT_CACHE_DIR),
    shard,
    mergeFrom: merge ? parsed.positionals.map((dir) => path.resolve(dir)) : undefined,
    jobs: toJobs(values.jobs),
    specsDir: path.resolve(values.specs ?? DEFAULT_SPECS_DIR),
    limits: toLimits(values, BUILD_USAGE),
    budget: toBudget(values, BUILD_USAGE),
    ...toListingOptions(values, BUILD_USAGE),
    outDir: values.out ? path.resolve(values.out) : undefined,
    configPath: values.config,
    reportPath: values.report ? path.resolve(values.report) : undefined,
    ...toAudienceOptions(values, BUILD_USAGE),
  };
}

export function parseLintArgs(args: string[]): LintOptions {
  const values = parse(args, { specs: { type: 'string' }, config: { type: 'string' }, format: { type: 'string' }, 'changed-since': { type: 'string' }, ...LISTING_OPTIONS, ...LIMIT_OPTIONS, ...BUDGET_OPTIONS }, LINT_USAGE);
  const format = values.format ?? 'stylish';
  if (!isOutputFormat(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')} (got '${format}')\n${LINT_USAGE}`);
  return {
    specsDir: path.resolve(values.specs ?? DEFAULT_SPECS_DIR),
    configPath: values.config,
    format,
    limits: toLimits(values, LINT_USAGE),
    budget: toBudget(values, LINT_USAGE),
    changedSince: values['changed-since'],
    ...toListingOptions(values, LINT_USAGE),
  };
}

export interface PreviewOptions {
  audience?: Audience;
  partner?: string;
  /** The folder holding the sites, as for build; absent means dist/. */
  outRoot?: string;
  port?: number;
}

function toPort(raw: string | undefined, usage: string): number | undefined {
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!(Number.isInteger(port) && port > 0 && port < 65536)) throw new UsageError(`--port must be a TCP port number from 1 to 65535 (got '${raw}')\n${usage}`);
  return port;
}

export function parsePreviewArgs(args: string[]): PreviewOptions {
  const values = parse(args, { audience: { type: 'string' }, partner: { type: 'string' }, out: { type: 'string' }, port: { type: 'string' } }, PREVIEW_USAGE);
  return { ...toAudienceOptions(values, PREVIEW_USAGE), outRoot: values.out ? path.resolve(values.out) : undefined, port: toPort(values.port, PREVIEW_USAGE) };
}

export const DEV_USAGE = `usage: npm run dev -- [--specs DIR] [--config FILE] [--audience internal|partner|open] [--partner ID] [--port N] ${LISTING_USAGE} ${LIMIT_USAGE}`;

export interface DevOptions extends ListingOptions {
  specsDir: string;
  limits: InputLimits;
  audience?: Audience;
  partner?: string;
  configPath?: string;
  port?: number;
}

export function parseDevArgs(args: string[]): DevOptions {
  const values = parse(args, { specs: { type: 'string' }, audience: { type: 'string' }, partner: { type: 'string' }, config: { type: 'string' }, port: { type: 'string' }, ...LISTING_OPTIONS, ...LIMIT_OPTIONS }, DEV_USAGE);
  return {
    specsDir: path.resolve(values.specs ?? DEFAULT_SPECS_DIR),
    limits: toLimits(values, DEV_USAGE),
    configPath: values.config,
    port: toPort(values.port, DEV_USAGE),
    ...toListingOptions(values, DEV_USAGE),
    ...toAudienceOptions(values, DEV_USAGE),
  };
}
