// Loads descriptions as they were at an older commit, with every rule of the HEAD load path. The
// files are exported from git into a temp copy of the specs folder (regular files only: a committed
// symlink is never written, so never followed) and loaded by the same loader as HEAD, sandbox and
// limits included. Nothing here throws for a broken version: it becomes a diagnostic that names the
// commit and the file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '@redocly/openapi-core';
import type { Diagnostic, Severity } from '../core/diagnostics.ts';
import { exportTree, SYMLINK_MODE, type SkippedEntry, type TreeExport } from '../core/git.ts';
import { getReferencedFiles } from '../core/ref-graph.ts';
import { loadSpecIn, type LoadResult } from '../load/load.ts';
import { isSpecFileName } from '../load/spec-files.ts';
import { DEFAULT_LIMITS, type InputLimits } from '../load/safe-resolver.ts';

/** The rule id of every version from git history that cannot be read. */
export const HISTORY_UNREADABLE = 'portolan/history-unreadable';

/** A path relative to the repository, as git writes it (`/` separators). */
export function toGitPath(repo: string, file: string): string {
  return path.relative(repo, file).split(path.sep).join('/');
}

/** A copy of some of the repository's files as they were at one commit, in a temp folder. */
export interface ExportedVersion {
  repo: string;
  /** How messages name the commit: `commit 1a2b3c4d5e` or `origin/main (1a2b3c4d5e)`. */
  at: string;
  work: string;
  /** The specs folder inside the copy. */
  specsDir: string;
  tree: TreeExport;
}

/** Files pulled in by refs beyond the exported folders; enough for any real spec, and a bound for hostile ones. */
const MAX_REFERENCED_FILES = 2000;

/**
 * Adds the files that exported descriptions reference, as they were at `ref`, when they lie in the
 * specs folder. The loader then judges each ref as it would at HEAD ("leads into another API's
 * folder"), instead of finding a file missing that existed at that commit.
 */
function exportReferencedFiles(exported: ExportedVersion, ref: string): void {
  const scanned = new Set<string>();
  const tried = new Set<string>();
  for (;;) {
    const wanted: string[] = [];
    for (const file of exported.tree.written) {
      if (scanned.has(file) || !isSpecFileName(path.basename(file))) continue;
      scanned.add(file);
      for (const target of getReferencedFiles(file, fs.readFileSync(file, 'utf8'))) {
        const relative = path.relative(exported.specsDir, target);
        if (relative.startsWith('..') || path.isAbsolute(relative) || !isSpecFileName(path.basename(target))) continue;
        if (fs.existsSync(target) || tried.has(target)) continue;
        tried.add(target);
        wanted.push(toGitPath(exported.work, target));
      }
    }
    if (wanted.length === 0 || tried.size > MAX_REFERENCED_FILES) return;
    const more = exportTree(exported.repo, ref, wanted, exported.work);
    exported.tree.written.push(...more.written);
    exported.tree.skipped.push(...more.skipped);
  }
}

/**
 * Exports `paths` (relative to the repository) at `ref`, and (unless they are the whole specs folder)
 * the files in the specs folder that their descriptions reference. Remove it with `removeExport`.
 */
export function exportVersion(repo: string, ref: string, at: string, specsDir: string, paths: string[], followRefs = true): ExportedVersion {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-history-'));
  try {
    const exported = { repo, at, work, specsDir: path.join(work, path.relative(repo, specsDir)), tree: exportTree(repo, ref, paths, work) };
    if (followRefs) exportReferencedFiles(exported, ref);
    return exported;
  } catch (error) {
    removeExport({ work });
    throw error;
  }
}

export function removeExport(exported: Pick<ExportedVersion, 'work'>): void {
  fs.rmSync(exported.work, { recursive: true, force: true });
}

/** Where a file of the copy is in the repository's work tree. */
export function toRepoFile(exported: ExportedVersion, file: string): string {
  const relative = path.relative(exported.work, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : path.join(exported.repo, relative);
}

/** Where a file of the work tree is in the copy. */
export function toExportedFile(exported: ExportedVersion, file: string): string {
  return path.join(exported.work, path.relative(exported.repo, file));
}

/** The symlink or submodule committed at `file`'s path, if that is what the commit holds there. */
export function getSkippedEntry(exported: ExportedVersion, file: string): SkippedEntry | undefined {
  const gitPath = toGitPath(exported.repo, file);
  return exported.tree.skipped.find((entry) => entry.path === gitPath);
}

/**
 * Loads one root with the HEAD loader and its sandbox, without lint (old versions need not pass
 * today's rules). Never throws: whatever the loader throws becomes its error.
 */
export async function loadSpecSafely(specsDir: string, root: string, config: Config, limits: InputLimits = DEFAULT_LIMITS): Promise<LoadResult> {
  try {
    return await loadSpecIn(specsDir, root, config, { lint: false, limits });
  } catch (error) {
    return { diagnostics: [{ rule: 'load-failed', severity: 'error', message: (error as Error).message, file: root, line: 1, col: 1 }] };
  }
}

/** Loads one root of the copy, sandboxed to the copy's specs folder. */
export function loadExportedSpec(exported: ExportedVersion, root: string, config: Config, limits: InputLimits = DEFAULT_LIMITS): Promise<LoadResult> {
  return loadSpecSafely(exported.specsDir, root, config, limits);
}

function describeSkipped(entry: SkippedEntry): string {
  if (entry.missing) return `cannot be read from git: the repository lacks its content (object ${entry.oid}); fetch the full history (git fetch --unshallow).`;
  return entry.mode === SYMLINK_MODE
    ? `is a symlink (to ${entry.target ?? 'an unknown target'}), and Portolan never follows symlinks, in history as at HEAD.`
    : `is not a regular file (git mode ${entry.mode}), so it cannot be read.`;
}

/** A committed symlink (or submodule), or a file whose content git lacks, where a description should be. */
export function toSkippedDiagnostic(exported: ExportedVersion, entry: SkippedEntry, severity: Severity, consequence: string): Diagnostic {
  return {
    rule: HISTORY_UNREADABLE,
    severity,
    message: `At ${exported.at} this file ${describeSkipped(entry)} ${consequence}`,
    file: path.join(exported.repo, entry.path),
    line: 1,
    col: 1,
  };
}

/** A version that did not load: its first error, placed in the repository and named with its commit. */
export function toUnreadableDiagnostic(exported: ExportedVersion, root: string, result: LoadResult, severity: Severity, consequence: string): Diagnostic {
  const problem = result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0];
  // A ref to a file that was not written reads as a missing file: say why it is missing.
  const unread = exported.tree.skipped.filter((entry) => isSpecFileName(path.posix.basename(entry.path)));
  const note = unread.length
    ? ` Not read from that version: ${unread.map((entry) => `${entry.path} (${entry.missing ? 'content missing from the repository' : entry.mode === SYMLINK_MODE ? 'a symlink' : `git mode ${entry.mode}`})`).join(', ')}.`
    : '';
  return {
    rule: HISTORY_UNREADABLE,
    severity,
    message: `At ${exported.at} this description cannot be read (${problem?.rule ?? 'load-failed'}): ${problem?.message ?? 'it did not load.'}${note} ${consequence}`,
    file: toRepoFile(exported, problem?.file ?? root),
    pointer: problem?.pointer,
    line: problem?.line ?? 1,
    col: problem?.col ?? 1,
  };
}
