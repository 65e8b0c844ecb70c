// Loads one root description: lints it with Redocly (recommended rules, the repo's config and Portolan's
// catalog rules) and bundles it into a single document. Both share one resolver, so every file is read
// and parsed once.
import {
  BaseResolver,
  bundle,
  detectSpec,
  getLineColLocation,
  lint,
  ResolveError,
  YamlParseError,
  type Config,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import { getLineCol } from '../core/code-frame.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { StageReporter } from '../core/budget.ts';
import { getByPointer, type Json } from '../core/openapi-shape.ts';
import { findSelfReferences } from './ref-cycles.ts';
import { DEFAULT_LIMITS, restoreExternalValues, SafeResolver, type InputLimits } from './safe-resolver.ts';
import { toRefDiagnostic } from './unresolved-ref.ts';

export type SpecVersion = 'oas2' | 'oas3_0' | 'oas3_1';

export interface LoadedSpec {
  file: string;
  version: SpecVersion;
  /** The bundled description: one document, internal `#/...` refs only. */
  document: Record<string, unknown>;
  /** Every file this description pulled in, the root included. */
  files: string[];
  /** Where the API's identity is declared (`info.x-api-id`, else `info`), for catalog-level errors. */
  idLocation: { pointer: string; line: number; col: number };
}

export interface LoadResult {
  spec?: LoadedSpec;
  diagnostics: Diagnostic[];
}

const SUPPORTED_VERSIONS = new Set<string>(['oas2', 'oas3_0', 'oas3_1']);
const RULE_DOCS_BASE = 'https://redocly.com/docs/cli/rules/';

export function toDiagnostic(problem: NormalizedProblem, fallbackFile: string): Diagnostic {
  const location = problem.location[0];
  let line = 1;
  let col = 1;
  let file = fallbackFile;
  if (location) {
    file = location.source.absoluteRef || fallbackFile;
    try {
      const lineCol = getLineColLocation(location);
      line = lineCol.start.line;
      col = lineCol.start.col;
    } catch {
      // A location Redocly cannot map to text still names its file and pointer.
    }
  }
  const isBuiltIn = !problem.ruleId.includes('/') && !problem.ruleId.startsWith('struct') && problem.ruleId !== 'no-unresolved-refs';
  return {
    rule: problem.ruleId,
    severity: problem.severity === 'error' ? 'error' : 'warn',
    message: problem.message,
    file,
    pointer: location?.pointer,
    line,
    col,
    docs: isBuiltIn ? `${RULE_DOCS_BASE}${problem.ruleId}` : undefined,
  };
}

/**
 * Where the API's identity is declared, found by searching the root's text: building Redocly's AST
 * for every root just for this costs seconds on a large catalog.
 */
async function getIdLocation(file: string, document: Record<string, unknown>, resolver: BaseResolver): Promise<LoadedSpec['idLocation']> {
  const info = document.info as Record<string, unknown> | undefined;
  const key = info && 'x-api-id' in info ? 'x-api-id' : 'info';
  const pointer = key === 'info' ? '#/info' : '#/info/x-api-id';
  const root = await resolver.resolveDocument(null, file, true);
  if (root instanceof Error) return { pointer, line: 1, col: 1 };
  const text = root.source.body;
  const match = new RegExp(`^([ \\t]*)["']?${key}["']?[ \\t]*:`, 'm').exec(text) ?? new RegExp(`"${key}"\\s*:`).exec(text);
  if (!match) return { pointer, line: 1, col: 1 };
  const { line, col } = getLineCol(text, match.index);
  return { pointer, line, col: col + (match[1]?.length ?? 0) };
}

export function createResolver(): BaseResolver {
  return new BaseResolver();
}

/** A root file that cannot be parsed at all: one error at the parser's line and column. */
function toParseDiagnostic(error: YamlParseError, file: string): Diagnostic {
  const message = error.message.replace(/ in "[^"]*"/, '').replace(/\s*\(\d+:\d+\)$/, '');
  return {
    rule: 'parse-error',
    severity: 'error',
    message: `Cannot parse this file: ${message}.`,
    file: error.source?.absoluteRef || file,
    line: Number.isFinite(error.line) ? error.line : 1,
    col: Number.isFinite(error.col) ? error.col : 1,
  };
}

const SUPPORTED_VERSION = /^(2\.0|3\.0\.\d+|3\.1\.\d+)$/;

/** Checks the root parses and declares a version Portolan renders, before Redocly (which throws) sees it. */
async function checkRoot(file: string, resolver: BaseResolver): Promise<Diagnostic | undefined> {
  let root: Awaited<ReturnType<BaseResolver['resolveDocument']>>;
  try {
    root = await resolver.resolveDocument(null, file, true);
  } catch (error) {
    if (error instanceof YamlParseError) return toParseDiagnostic(error, file);
    if (error instanceof ResolveError) {
      const message = error.message.replace(/^refused: /, '');
      return { rule: 'portolan/refused-file', severity: 'error', message: `Refused this file: ${message}`, file, line: 1, col: 1 };
    }
    throw error;
  }
  if (root instanceof YamlParseError) return toParseDiagnostic(root, file);
  if (root instanceof Error) return { rule: 'parse-error', severity: 'error', message: `Cannot read this file: ${root.message}`, file, line: 1, col: 1 };
  if (typeof root.parsed !== 'object' || root.parsed === null || Array.isArray(root.parsed)) {
    const found = Array.isArray(root.parsed) ? 'a list' : `a ${typeof root.parsed}`;
    return {
      rule: 'parse-error',
      severity: 'error',
      message: `Cannot parse this file: the root of a description must be a mapping with \`openapi\` or \`swagger\`, \`info\` and \`paths\` (found ${found}).`,
      file,
      line: 1,
      col: 1,
    };
  }
  const parsed = root.parsed as Record<string, unknown>;
  const cycle = findSelfReferences(parsed as Json)[0];
  if (cycle) {
    let at = { line: 1, col: 1 };
    try {
      at = getLineColLocation({ source: root.source, pointer: `${cycle}/$ref`, reportOnKey: false }).start;
    } catch {
      // keep 1:1
    }
    return {
      rule: 'portolan/self-reference',
      severity: 'error',
      message: `This $ref resolves to itself (${JSON.stringify((getByPointer(parsed, cycle) as { $ref: string }).$ref)}), so it describes nothing: point it at a real schema, or define the schema here.`,
      file,
      pointer: cycle,
      ...at,
    };
  }
  const key = 'openapi' in parsed ? 'openapi' : 'swagger';
  const version = String(parsed[key]);
  if (SUPPORTED_VERSION.test(version)) return undefined;
  let line = 1;
  let col = 1;
  try {
    ({ line, col } = getLineColLocation({ source: root.source, pointer: `#/${key}`, reportOnKey: false }).start);
  } catch {
    // keep 1:1
  }
  return {
    rule: 'unsupported-version',
    severity: 'error',
    message: `Unsupported ${key} version ${JSON.stringify(parsed[key])}: Portolan documents OpenAPI 2.0 (swagger: "2.0"), 3.0.x and 3.1.x.`,
    file,
    pointer: `#/${key}`,
    line,
    col,
  };
}

/** Redocly's problems as Portolan reports them: reference problems explained, each problem once. */
async function toDiagnostics(problems: readonly NormalizedProblem[], file: string, resolver: BaseResolver): Promise<Diagnostic[]> {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const problem of problems) {
    const diagnostic = await toRefDiagnostic(toDiagnostic(problem, file), resolver);
    // A broken file referenced twice is reported by each reference; once is enough.
    const key = JSON.stringify([diagnostic.rule, diagnostic.file, diagnostic.line, diagnostic.col, diagnostic.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/** Redocly throws, rather than reports, on a ref loop inside a referenced file and on some parse errors. */
function toThrownDiagnostic(error: unknown, file: string): Diagnostic | undefined {
  if (error instanceof YamlParseError) return toParseDiagnostic(error, file);
  if (error instanceof Error && /circular pointer/i.test(error.message)) {
    return { rule: 'portolan/self-reference', severity: 'error', message: 'A $ref in a file this description references resolves to itself; point it at a real schema.', file, line: 1, col: 1 };
  }
  return undefined;
}

export interface LoadOptions {
  /** Skip lint and only bundle: for comparing versions, which need not pass today's rules. */
  lint?: boolean;
  /** Skip the bundle: lint needs only the problems and the root's own metadata. */
  bundle?: boolean;
  /** Told as each stage of each spec starts, so a budget can stop one that runs too long. */
  onStage?: StageReporter;
  /** Roots that already exceeded their budget: each gets this problem instead of another try. */
  exceeded?: ReadonlyMap<string, Diagnostic>;
}

export async function loadSpec(file: string, config: Config, resolver: BaseResolver, options: LoadOptions = {}): Promise<LoadResult> {
  const exceeded = options.exceeded?.get(file);
  if (exceeded) return { diagnostics: [exceeded] };
  options.onStage?.(file, 'parse');
  const rootProblem = await checkRoot(file, resolver);
  if (rootProblem) return { diagnostics: [rootProblem] };
  if (options.lint === false) {
    options.onStage?.(file, 'bundle');
    return bundleLoaded(file, config, resolver, []);
  }
  let problems: NormalizedProblem[];
  try {
    options.onStage?.(file, 'lint');
    problems = await lint({ ref: file, config, externalRefResolver: resolver });
  } catch (error) {
    // The root's own loops are caught by checkRoot; these are in the files it references.
    const thrown = toThrownDiagnostic(error, file);
    if (thrown) return { diagnostics: [thrown] };
    throw error;
  }
  const diagnostics = await toDiagnostics(problems, file, resolver);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  if (options.bundle === false) return toUnbundled(file, resolver, diagnostics);
  options.onStage?.(file, 'bundle');
  return bundleLoaded(file, config, resolver, diagnostics);
}

/** The root as parsed, unbundled: enough for the API's id and metadata. */
async function toUnbundled(file: string, resolver: BaseResolver, diagnostics: Diagnostic[]): Promise<LoadResult> {
  const root = await resolver.resolveDocument(null, file, true);
  if (root instanceof Error) return { diagnostics };
  const document = root.parsed as Record<string, unknown>;
  const version = 'swagger' in document ? 'oas2' : String(document.openapi).startsWith('3.1') ? 'oas3_1' : 'oas3_0';
  return { spec: { file, version, document, files: [file], idLocation: await getIdLocation(file, document, resolver) }, diagnostics };
}

async function bundleLoaded(file: string, config: Config, resolver: BaseResolver, diagnostics: Diagnostic[]): Promise<LoadResult> {
  // Bundling rewrites the refs of every document it walks: give it private copies (see forBundle).
  const bundleResolver = resolver instanceof SafeResolver ? resolver.forBundle() : resolver;
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    result = await bundle({ ref: file, config, externalRefResolver: bundleResolver, dereference: false });
  } catch (error) {
    // Without lint (an old version from git), bundling is the first to meet these.
    const thrown = toThrownDiagnostic(error, file);
    if (thrown) return { diagnostics: [...diagnostics, thrown] };
    throw error;
  }
  const document = result.bundle.parsed as Record<string, unknown> | undefined;
  if (document && bundleResolver instanceof SafeResolver && bundleResolver.hasParkedExternalValues()) restoreExternalValues(document);
  const bundleErrors = await toDiagnostics(result.problems.filter((p) => p.severity === 'error'), file, resolver);
  if (!document || bundleErrors.length > 0) return { diagnostics: [...diagnostics, ...bundleErrors] };

  let version: string;
  try {
    version = detectSpec(document);
  } catch (error) {
    version = String((error as Error).message);
  }
  if (!SUPPORTED_VERSIONS.has(version)) {
    diagnostics.push({
      rule: 'unsupported-version',
      severity: 'error',
      message: `Portolan documents OpenAPI 2.0, 3.0 and 3.1; this file declares ${JSON.stringify(document.openapi ?? document.swagger)}.`,
      file,
      pointer: '#/openapi',
      line: 1,
      col: 1,
    });
    return { diagnostics };
  }
  return {
    spec: { file, version: version as SpecVersion, document, files: [...result.fileDependencies], idLocation: await getIdLocation(file, document, resolver) },
    diagnostics,
  };
}

export interface LoadSpecInOptions extends LoadOptions {
  limits?: InputLimits;
}

/**
 * One API from a specs folder, with every rule the catalog load applies: the sandbox (its own folder
 * and the shared folder), no symlinked roots, the limits, strict parsing and the root checks. For
 * other copies of the catalog, such as an old commit exported to a temp folder: pass that copy's
 * specs folder, never its parent, or the API folders are not told apart.
 */
export async function loadSpecIn(specsDir: string, file: string, config: Config, options: LoadSpecInOptions = {}): Promise<LoadResult> {
  const { limits = DEFAULT_LIMITS, ...loadOptions } = options;
  return loadSpec(file, config, new SafeResolver(specsDir, limits), loadOptions);
}
