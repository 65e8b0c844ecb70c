// `npm run diff -- --base <ref>`: every spec changed since a git ref (or pulling in a changed file) is
// compared with its version at that ref, read from git into a temp copy (no checkout) and loaded with
// HEAD's rules, and each change is classified. Breaking changes, and base versions that cannot be
// read, exit 1 unless --allow-breaking.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '@redocly/openapi-core';
import { toApiRecord, type ApiRecord } from '../load/api.ts';
import { diffApi, type Change } from '../history/api-diff.ts';
import { findRootDocuments } from '../load/catalog-load.ts';
import { DEFAULT_SPECS_DIR, UsageError } from './cli-args.ts';
import { EXIT_OK, EXIT_SPEC_PROBLEMS, processIo, withUsageErrors, type Io } from './commands.ts';
import { OUTPUT_FORMATS, hasErrors, isOutputFormat, toStylish, type Diagnostic, type OutputFormat } from '../core/diagnostics.ts';
import { formatFindings, type Finding } from '../history/diff-report.ts';
import { getChangedFiles, getCommitHash, getGitProblem, getRepoRoot, GitError, hasRevision } from '../core/git.ts';
import { getConfigPath, loadLintConfig } from '../lint/lint-config.ts';
import { getByPointer, type JsonObject } from '../core/openapi-shape.ts';
import { getAffectedRoots } from '../core/ref-graph.ts';
import { isSpecFileName } from '../load/spec-files.ts';
import { convertSwagger2 } from '../load/swagger2.ts';
import {
  exportVersion,
  loadExportedSpec,
  loadSpecSafely,
  removeExport,
  toExportedFile,
  toGitPath,
  toRepoFile,
  toSkippedDiagnostic,
  toUnreadableDiagnostic,
  type ExportedVersion,
} from '../history/version-load.ts';
import { getLineColLocation, Source } from '@redocly/openapi-core';

export const DIFF_USAGE = `usage: npm run diff -- --base REF [--specs DIR] [--config FILE] [--format ${OUTPUT_FORMATS.join('|')}] [--allow-breaking]`;

export interface DiffOptions {
  base: string;
  specsDir: string;
  configPath?: string;
  format: OutputFormat;
  allowBreaking: boolean;
}

export function parseDiffArgs(args: string[]): DiffOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { base: { type: 'string' }, specs: { type: 'string' }, config: { type: 'string' }, format: { type: 'string' }, 'allow-breaking': { type: 'boolean' } },
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${DIFF_USAGE}`);
  }
  if (typeof values.base !== 'string' || !values.base) throw new UsageError(`--base is required: the git ref to compare with, e.g. origin/main\n${DIFF_USAGE}`);
  const format = typeof values.format === 'string' ? values.format : 'stylish';
  if (!isOutputFormat(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')} (got '${format}')\n${DIFF_USAGE}`);
  return {
    base: values.base,
    specsDir: path.resolve(typeof values.specs === 'string' ? values.specs : DEFAULT_SPECS_DIR),
    configPath: typeof values.config === 'string' ? values.config : undefined,
    format,
    allowBreaking: values['allow-breaking'] === true,
  };
}

interface Side {
  apis: Map<string, ApiRecord>;
  diagnostics: Diagnostic[];
}

/** Loads and bundles roots with HEAD's loader but without lint: a base version need not pass today's rules. */
async function loadHead(specsDir: string, roots: string[], config: Config): Promise<Side> {
  const apis = new Map<string, ApiRecord>();
  const diagnostics: Diagnostic[] = [];
  for (const root of roots) {
    const result = await loadSpecSafely(specsDir, root, config);
    diagnostics.push(...result.diagnostics.filter((d) => d.severity === 'error'));
    if (result.spec) {
      const api = toApiRecord(result.spec, specsDir);
      apis.set(api.id, api);
    }
  }
  return { apis, diagnostics };
}

interface BaseSide {
  apis: Map<string, ApiRecord>;
  /** Each base file that could not be read, as an error naming the ref. */
  problems: Diagnostic[];
  /** Work-tree paths of those files: the APIs that use them are not compared. */
  unreadable: Set<string>;
}

const CANNOT_COMPARE = 'Its changes since then cannot be checked: review them by hand, then pass --allow-breaking.';

/**
 * The affected APIs as they were at the base, from the exported copy. A base version that cannot be
 * read is an error, never a reason to treat its API as new: that would hide its breaking changes.
 */
async function loadBase(exported: ExportedVersion, changed: readonly string[], head: Side, config: Config): Promise<BaseSide> {
  const side: BaseSide = { apis: new Map(), problems: [], unreadable: new Set() };
  // The files that matter: the changed ones and every file a changed API uses today.
  const relevant = new Set([...changed, ...[...head.apis.values()].flatMap((api) => [api.file, ...api.spec.files])].map(toRealPath));
  const addProblem = (problem: Diagnostic, file: string) => {
    side.problems.push(problem);
    side.unreadable.add(file);
  };
  for (const entry of exported.tree.skipped) {
    const file = path.join(exported.repo, entry.path);
    if (isSpecFileName(path.basename(file)) && relevant.has(file)) addProblem(toSkippedDiagnostic(exported, entry, 'error', CANNOT_COMPARE), file);
  }
  if (!fs.existsSync(exported.specsDir)) return side;
  const scan = await findRootDocuments(exported.specsDir);
  const changedInBase = changed.map((file) => toExportedFile(exported, file));
  for (const [file, diagnostic] of [...scan.unparsed, ...scan.diagnostics.map((d) => [d.file, d] as const)]) {
    if (relevant.has(toRepoFile(exported, file))) addProblem(toUnreadableDiagnostic(exported, file, { diagnostics: [diagnostic] }, 'error', CANNOT_COMPARE), toRepoFile(exported, file));
  }
  for (const root of getAffectedRoots(scan.roots, changedInBase)) {
    const result = await loadExportedSpec(exported, root, config);
    if (!result.spec) {
      addProblem(toUnreadableDiagnostic(exported, root, result, 'error', CANNOT_COMPARE), toRepoFile(exported, root));
      continue;
    }
    const api = toApiRecord(result.spec, exported.specsDir);
    side.apis.set(api.id, api);
  }
  return side;
}

function toRealPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function toView(api: ApiRecord): JsonObject {
  const document = api.spec.document as JsonObject;
  return api.spec.version === 'oas2' ? convertSwagger2(document) : document;
}

type Locate = (file: string, pointer: string) => { line: number; col: number };

/**
 * Finds the line of a pointer in a root file, or of its nearest ancestor that the root file itself
 * holds. Each file is read and parsed once per run, however many findings point into it.
 */
function createLocator(): Locate {
  const files = new Map<string, { source: Source; parsed: unknown } | undefined>();
  const load = (file: string) => {
    if (!files.has(file)) {
      try {
        const text = fs.readFileSync(file, 'utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        files.set(file, { source: new Source(file, text), parsed });
      } catch {
        files.set(file, undefined);
      }
    }
    return files.get(file);
  };
  return (file, pointer) => {
    const loaded = load(file);
    if (!loaded) return { line: 1, col: 1 };
    const segments = pointer.split('/');
    for (let end = segments.length; end > 1; end -= 1) {
      const candidate = segments.slice(0, end).join('/');
      if (loaded.parsed !== undefined && getByPointer(loaded.parsed, candidate) === undefined) continue;
      try {
        const { start } = getLineColLocation({ source: loaded.source, pointer: candidate, reportOnKey: true });
        if (start.line > 1 || end === 2) return { line: start.line, col: start.col };
      } catch {
        // try the parent
      }
    }
    return { line: 1, col: 1 };
  };
}

function isExperimental(api: ApiRecord | undefined): boolean {
  return api?.lifecycle === 'experimental';
}

function toFindings(locate: Locate, changes: Change[], api: ApiRecord, baseApi: ApiRecord | undefined, baseFile: string | undefined): Finding[] {
  const experimental = isExperimental(api) || isExperimental(baseApi);
  return changes.map((change) => {
    // Removals have no place in the new file; they are shown at the nearest part that still exists.
    const file = change.inBase && baseFile && !fs.existsSync(api.file) ? baseFile : api.file;
    const at = locate(file, change.pointer);
    return { ...change, apiId: api.id, file, ...at, failing: change.level === 'breaking' && !experimental };
  });
}

/** The repository that holds the specs, or a usage error that says why there is none. */
function getRepo(specsDir: string): string {
  const gitProblem = getGitProblem();
  if (gitProblem) throw new UsageError(`${gitProblem}; npm run diff compares with a git ref, so it needs git.`);
  const repo = getRepoRoot(specsDir);
  if (!repo) throw new UsageError(`${specsDir} is not inside a git repository; npm run diff compares with a git ref.`);
  return repo;
}

/** A git command that fails outright (not a file it cannot read) is a problem of the checkout: exit 2. */
function readGit<T>(base: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(`git cannot read ${base}: ${error.message}`);
    throw error;
  }
}

export function runDiff(args: string[], io: Io = processIo): Promise<number> {
  return withUsageErrors(io, async () => {
    const options = parseDiffArgs(args);
    if (!fs.existsSync(options.specsDir)) throw new UsageError(`${options.specsDir}: no such folder; pass the folder that holds your specs with --specs DIR.`);
    const repo = getRepo(options.specsDir);
    if (!hasRevision(repo, options.base)) throw new UsageError(`--base: '${options.base}' is not a commit in ${repo}; fetch it first (e.g. git fetch origin main).`);
    const config = await loadLintConfig(getConfigPath(options.specsDir, options.configPath));
    const specsDir = toRealPath(options.specsDir);

    const changed = readGit(options.base, () => getChangedFiles(repo, options.base, specsDir));
    const headRoots = getAffectedRoots((await findRootDocuments(specsDir)).roots, changed);
    const head = await loadHead(specsDir, headRoots, config);
    if (hasErrors(head.diagnostics)) {
      io.stderr(toStylish(head.diagnostics, headRoots.length));
      io.stderr('Cannot compare: the current versions above do not load. Fix them first (npm run lint).\n');
      return EXIT_SPEC_PROBLEMS;
    }
    const hash = readGit(options.base, () => getCommitHash(repo, options.base));
    const exported = readGit(options.base, () => exportVersion(repo, hash, `${options.base} (${hash.slice(0, 10)})`, specsDir, [toGitPath(repo, specsDir)], false));
    try {
      const base = await loadBase(exported, changed, head, config);
      const findings: Finding[] = [];
      const locate = createLocator();
      const isUnreadable = (api: ApiRecord) => [api.file, ...api.spec.files].some((file) => base.unreadable.has(toRealPath(file)));
      const ids = new Set([...head.apis.keys(), ...base.apis.keys()]);
      for (const id of [...ids].sort()) {
        const now = head.apis.get(id);
        const before = base.apis.get(id);
        if (now && before) {
          findings.push(...toFindings(locate, diffApi(toView(before), toView(now)), now, before, before.file));
        } else if (now) {
          // Not new: its base exists but could not be read, which is reported as an error.
          if (isUnreadable(now)) continue;
          const widened = now.audience !== 'internal';
          findings.push(...toFindings(locate, [{ rule: 'api-added', level: 'non-breaking', message: `New API ${now.title} (${now.id}).`, pointer: '#/info' }], now, undefined, undefined));
          if (widened) {
            findings.push(...toFindings(locate, [{ rule: 'api-published', level: 'publication', message: `New API ${now.title} is visible to ${now.audience === 'open' ? 'the public' : now.partners ? `partners ${now.partners.join(', ')}` : 'every partner'}: review that it may be published.`, pointer: '#/info' }], now, undefined, undefined));
          }
        } else if (before) {
          const retiring = before.lifecycle === 'deprecated' || before.lifecycle === 'retired';
          const change: Change = retiring
            ? { rule: 'deprecated-api-removed', level: 'info', message: `API ${before.title} (${before.id}) was removed after being ${before.lifecycle}.`, pointer: '#/info', inBase: true }
            : { rule: 'api-removed', level: 'breaking', message: `API ${before.title} (${before.id}) was removed; every consumer loses it.`, pointer: '#/info', inBase: true };
          // The file is gone from the work tree: point at the path it had.
          const file = toRepoFile(exported, before.file);
          findings.push({ ...change, apiId: before.id, file, line: 1, col: 1, failing: change.level === 'breaking' && !isExperimental(before) });
        }
      }
      const text = formatFindings(findings, options.format, ids.size, process.cwd(), base.problems);
      if (options.format === 'stylish') io.stderr(text);
      else io.stdout(text);
      const failing = findings.some((f) => f.failing) || base.problems.length > 0;
      if (failing && options.allowBreaking) io.stderr(base.problems.length ? 'Breaking changes and unreadable base versions allowed by --allow-breaking.\n' : 'Breaking changes allowed by --allow-breaking.\n');
      return failing && !options.allowBreaking ? EXIT_SPEC_PROBLEMS : EXIT_OK;
    } finally {
      removeExport(exported);
    }
  });
}
