// Each API's changelog, from the git history of its files. Versions are loaded once per build
// (the I/O part), with every rule of the HEAD load path; each audience's entries are then computed
// from that audience's filtered views, and name only what that audience can see today.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '@redocly/openapi-core';
import type { ApiRecord } from '../load/api.ts';
import { diffApi, type Change, type ChangeLevel } from './api-diff.ts';
import { getDeclaredApiAudience, isVisibleTo, type BuildTarget } from '../core/audience.ts';
import { toDisplayPath, type Diagnostic } from '../core/diagnostics.ts';
import { getGitProblem, getLog, getRepoRoot, getShallowBoundaries, GitError, hasRevision, type Commit } from '../core/git.ts';
import type { SpecVersion } from '../load/load.ts';
import { asObject, type JsonObject } from '../core/openapi-shape.ts';
import { SHARED_FOLDER } from '../load/api-folders.ts';
import { DEFAULT_LIMITS, type InputLimits } from '../load/safe-resolver.ts';
import { convertSwagger2 } from '../load/swagger2.ts';
import { filterDocument } from '../audience/visibility.ts';
import { getNoun, hasElement, type ElementPath, type ElementStep } from './element-path.ts';
import {
  exportVersion,
  getSkippedEntry,
  HISTORY_UNREADABLE,
  loadExportedSpec,
  removeExport,
  toExportedFile,
  toGitPath,
  toSkippedDiagnostic,
  toUnreadableDiagnostic,
} from './version-load.ts';

export const DEFAULT_CHANGELOG_DEPTH = 10;
const LEFT_OUT = 'The changelog leaves that version out.';

export interface HistoricVersion {
  commit: Commit;
  document: JsonObject;
  version: SpecVersion;
}

export interface ChangelogChange {
  level: ChangeLevel;
  rule: string;
  message: string;
}

export interface ChangelogEntry {
  date: string;
  /** info.version at that commit. */
  version: string;
  commit: string;
  /** Commit subjects are free text written for colleagues, so only the internal site shows them. */
  subject?: string;
  changes: ChangelogChange[];
}

export interface ApiHistory {
  /** Readable versions, newest first. */
  versions: HistoricVersion[];
  /** The versions reach back to the API's first commit. */
  complete: boolean;
  /** The description as this build publishes it: what each audience can see today. */
  current: { document: JsonObject; version: SpecVersion };
}

export interface HistoryOptions {
  repo: string;
  specsDir: string;
  config: Config;
  limits?: InputLimits;
  depth?: number;
  /** Commits where a shallow clone's history is cut off: they are not the API's first. */
  shallowBoundaries?: ReadonlySet<string>;
}

function toRealPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * The files an old version may use, relative to the repository: the API's own folder (or its single
 * file), the shared folder, and whatever it references today.
 */
function getHistoryPaths(api: ApiRecord, repo: string, specsDir: string): string[] {
  const specs = toRealPath(specsDir);
  const parts = path.relative(specs, toRealPath(api.file)).split(path.sep);
  const area = parts.length > 1 ? path.join(specs, parts[0]!) : toRealPath(api.file);
  const paths = [area, path.join(specs, SHARED_FOLDER), ...api.spec.files.map(toRealPath)].map((file) => toGitPath(repo, file));
  return [...new Set(paths.filter((p) => p && !p.startsWith('..')))];
}

/**
 * The API as it was at each of its last commits, newest first, each loaded by HEAD's loader. A
 * version that cannot be read is left out with a warning; a commit where the root did not exist yet
 * is skipped quietly.
 */
export async function loadApiHistory(api: ApiRecord, options: HistoryOptions): Promise<{ history?: ApiHistory; diagnostics: Diagnostic[] }> {
  const { repo, specsDir, config, limits = DEFAULT_LIMITS, depth = DEFAULT_CHANGELOG_DEPTH, shallowBoundaries = new Set() } = options;
  const diagnostics: Diagnostic[] = [];
  const root = toRealPath(api.file);
  const current = { document: api.spec.document as JsonObject, version: api.spec.version };
  let commits: Commit[];
  try {
    commits = getLog(repo, [root, ...api.spec.files.map(toRealPath)], depth + 1);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    diagnostics.push({ rule: HISTORY_UNREADABLE, severity: 'warn', message: `The git history of this API cannot be read (${error.message}), so its site has no changelog.`, file: api.file, line: 1, col: 1 });
    return { diagnostics };
  }
  const paths = getHistoryPaths(api, repo, specsDir);
  const versions: HistoricVersion[] = [];
  // Whether the oldest commit that has the root could be read: only then is it the API's creation.
  let oldestReadable = true;
  for (const commit of commits) {
    const at = `commit ${commit.hash.slice(0, 10)}`;
    let exported: ReturnType<typeof exportVersion>;
    try {
      exported = exportVersion(repo, commit.hash, at, toRealPath(specsDir), paths);
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      diagnostics.push({ rule: HISTORY_UNREADABLE, severity: 'warn', message: `At ${at} the files of this API cannot be read from git (${error.message}). ${LEFT_OUT}`, file: api.file, line: 1, col: 1 });
      oldestReadable = false;
      continue;
    }
    try {
      const skipped = getSkippedEntry(exported, root);
      if (skipped) {
        diagnostics.push(toSkippedDiagnostic(exported, skipped, 'warn', LEFT_OUT));
        oldestReadable = false;
        continue;
      }
      const exportedRoot = toExportedFile(exported, root);
      // The root did not exist yet: an earlier commit of a file it references today.
      if (!fs.existsSync(exportedRoot)) continue;
      const result = await loadExportedSpec(exported, exportedRoot, config, limits);
      if (result.spec) {
        versions.push({ commit, document: result.spec.document as JsonObject, version: result.spec.version });
        oldestReadable = true;
      } else {
        diagnostics.push(toUnreadableDiagnostic(exported, exportedRoot, result, 'warn', LEFT_OUT));
        oldestReadable = false;
      }
    } finally {
      removeExport(exported);
    }
  }
  const oldest = commits.at(-1);
  const complete = commits.length <= depth && oldestReadable && !(oldest && shallowBoundaries.has(oldest.hash));
  return { history: { versions, complete, current }, diagnostics };
}

export interface CatalogHistory {
  /** Absent when there is no history to read (no git, no repository, no commits). */
  histories?: Map<string, ApiHistory>;
  diagnostics: Diagnostic[];
  /** Lines for the build log: why changelogs are skipped or incomplete. */
  notes: string[];
}

/** Every API's recent history for its changelog. Outside a git checkout there is none, and that is fine. */
export async function loadCatalogHistory(apis: readonly ApiRecord[], specsDir: string, config: Config, limits: InputLimits = DEFAULT_LIMITS): Promise<CatalogHistory> {
  const gitProblem = getGitProblem();
  if (gitProblem) return { diagnostics: [], notes: [`changelogs skipped: ${gitProblem}`] };
  const repo = getRepoRoot(specsDir);
  if (!repo) return { diagnostics: [], notes: [`changelogs skipped: ${toDisplayPath(specsDir)} is not in a git checkout`] };
  if (!hasRevision(repo, 'HEAD')) return { diagnostics: [], notes: [`changelogs skipped: ${toDisplayPath(repo)} has no commits yet`] };
  const notes: string[] = [];
  let shallowBoundaries = new Set<string>();
  try {
    shallowBoundaries = getShallowBoundaries(repo);
  } catch {
    // Without the list, no commit is taken for a cut-off point; the changelogs are still right.
  }
  if (shallowBoundaries.size > 0) {
    notes.push('changelogs reach back only as far as this shallow clone: fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI)');
  }
  const histories = new Map<string, ApiHistory>();
  const diagnostics: Diagnostic[] = [];
  for (const api of apis) {
    const loaded = await loadApiHistory(api, { repo, specsDir, config, limits, shallowBoundaries });
    diagnostics.push(...loaded.diagnostics);
    if (loaded.history) histories.set(api.id, loaded.history);
  }
  return { histories, diagnostics, notes };
}

function toVisibleView(document: JsonObject, version: SpecVersion, target: BuildTarget): JsonObject | undefined {
  const { audience, partners } = getDeclaredApiAudience(document.info);
  if (!isVisibleTo(audience, partners, target)) return undefined;
  const oas = version === 'oas2' ? 'oas2' : 'oas3';
  const filtered = filterDocument(document, target, oas).document;
  return oas === 'oas2' ? convertSwagger2(filtered) : filtered;
}

/** The first element along `path` that `view` lacks, and how far along it is. */
function findMissingStep(view: JsonObject, path: ElementPath): number {
  for (let end = 1; end <= path.length; end += 1) if (!hasElement(view, path.slice(0, end))) return end - 1;
  return -1;
}

interface Withdrawn {
  /** The operation the elements belong to, when the audience still sees it. */
  operation?: string;
  step: ElementStep;
  /** The changes took the elements away (rather than changed them before they went). */
  removal: boolean;
  elements: Set<string>;
  changes: number;
  breaking: boolean;
}

/** What the audience reads instead of a change that names an element it cannot see today. */
function toWithdrawnMessage(group: Withdrawn): string {
  const count = group.elements.size;
  const noun = getNoun(group.step, count);
  const prefix = group.operation ? `${group.operation}: ` : '';
  if (group.removal) return `${prefix}${count} ${noun} ${count === 1 ? 'is' : 'are'} no longer available.`;
  const elements = count === 1 ? `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}` : `${count} ${noun}`;
  return `${prefix}${group.changes} ${group.changes === 1 ? 'change' : 'changes'} to ${elements} that ${count === 1 ? 'is' : 'are'} no longer available.`;
}

/**
 * The changes as an audience may read them: a change that names an element the audience cannot see
 * today (hidden since, or gone) is not repeated, only counted: "1 operation is no longer available".
 */
function toNameableChanges(changes: readonly Change[], today: JsonObject): ChangelogChange[] {
  const out: (ChangelogChange | Withdrawn)[] = [];
  const groups = new Map<string, Withdrawn>();
  for (const change of changes) {
    const missing = (change.elements ?? []).map((path) => ({ path, at: findMissingStep(today, path) })).find(({ at }) => at >= 0);
    if (!missing) {
      out.push({ level: change.level, rule: change.rule, message: change.message });
      continue;
    }
    // An operation whose id changed is still that operation; what sits under a visible operation is counted under it.
    const at = missing.path[missing.at]!.kind === 'operation-id' ? 0 : missing.at;
    const step = missing.path[at]!;
    const parent = missing.path[0];
    const operation = at > 0 && parent?.kind === 'operation' ? parent.key : undefined;
    const removal = change.inBase === true || change.rule.endsWith('-removed');
    const key = JSON.stringify([operation ?? '', getNoun(step, 1), removal]);
    let group = groups.get(key);
    if (!group) {
      group = { operation, step, removal, elements: new Set(), changes: 0, breaking: false };
      groups.set(key, group);
      out.push(group);
    }
    group.elements.add(JSON.stringify(missing.path.slice(0, at + 1)));
    group.changes += 1;
    group.breaking ||= change.level === 'breaking';
  }
  return out.map((item) =>
    'step' in item ? { level: item.breaking ? 'breaking' : 'info', rule: item.removal ? 'elements-withdrawn' : 'withdrawn-elements-changed', message: toWithdrawnMessage(item) } : item,
  );
}

function toEntry(version: HistoricVersion, target: BuildTarget, changes: ChangelogChange[]): ChangelogEntry {
  return {
    date: version.commit.date,
    version: String(asObject(version.document.info).version ?? ''),
    commit: version.commit.hash.slice(0, 10),
    subject: target.audience === 'internal' ? version.commit.subject : undefined,
    changes,
  };
}

/**
 * The entries `target` may read: changes between consecutive versions, as that audience sees them.
 * Only the internal site names everything; every other site names only what its audience can see
 * in today's description. A complete history ends with the API's creation.
 */
export function toChangelog(history: ApiHistory, target: BuildTarget): ChangelogEntry[] {
  const today = toVisibleView(history.current.document, history.current.version, target);
  if (!today) return [];
  const toReadable = (changes: Change[]): ChangelogChange[] =>
    target.audience === 'internal' ? changes.map(({ level, rule, message }) => ({ level, rule, message })) : toNameableChanges(changes, today);
  const { versions } = history;
  // Each version is filtered once, though it is compared twice (as the newer and as the older).
  const views = versions.map((version) => toVisibleView(version.document, version.version, target));
  const entries: ChangelogEntry[] = [];
  for (let index = 0; index + 1 < versions.length; index += 1) {
    const newer = versions[index]!;
    const after = views[index];
    if (!after) continue;
    const before = views[index + 1];
    const changes = before ? toReadable(diffApi(before, after)) : [{ level: 'non-breaking' as const, rule: 'api-added', message: 'The API was published.' }];
    // A commit that changed nothing this audience can see does not appear in its changelog.
    if (changes.length === 0) continue;
    entries.push(toEntry(newer, target, changes));
  }
  const first = versions.at(-1);
  if (history.complete && first && views.at(-1)) {
    entries.push(toEntry(first, target, [{ level: 'non-breaking', rule: 'api-added', message: 'The API was added to the catalog.' }]));
  }
  return entries;
}
