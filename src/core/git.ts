// The few git questions Portolan asks, answered by the git command line (I/O at the edge). Nothing
// here checks anything out: other versions are read from git's object store into a temp folder, and
// only regular files are ever written there, so a symlink committed long ago is never followed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A git command failed; the message is git's own first line, or says that git cannot run. */
export class GitError extends Error {}

const MAX_GIT_OUTPUT = 1 << 30;
/** Tree entry modes of regular files; 120000 is a symlink, 160000 a submodule. */
const REGULAR_FILE_MODES = new Set(['100644', '100755']);
export const SYMLINK_MODE = '120000';

function runGit(cwd: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: MAX_GIT_OUTPUT });
  if (result.error) throw new GitError(describeSpawnError(result.error));
  if (result.status !== 0) throw new GitError(result.stderr.toString().trim().split('\n')[0] || `git ${args[0]} failed`);
  return result.stdout;
}

function git(cwd: string, args: string[]): string {
  return runGit(cwd, args).toString('utf8');
}

function describeSpawnError(error: Error & { code?: string }): string {
  return error.code === 'ENOENT' ? 'git is not installed or not on the PATH' : `git cannot run: ${error.message}`;
}

/** The repository's top folder, or undefined when `dir` is not inside a git work tree (or git cannot run). */
export function getRepoRoot(dir: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Why git cannot run at all (not installed, not on the PATH), or undefined when it can. */
export function getGitProblem(): string | undefined {
  const result = spawnSync('git', ['--version'], { encoding: 'utf8' });
  return result.error ? describeSpawnError(result.error) : undefined;
}

export function hasRevision(repo: string, ref: string): boolean {
  return spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repo }).status === 0;
}

/** The full hash of a commit-ish. */
export function getCommitHash(repo: string, ref: string): string {
  return git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
}

/**
 * Commits where a shallow clone's history is cut off. Such a commit looks like the first one, but
 * its parents were simply not fetched.
 */
export function getShallowBoundaries(repo: string): Set<string> {
  const file = git(repo, ['rev-parse', '--path-format=absolute', '--git-path', 'shallow']).trim();
  if (!fs.existsSync(file)) return new Set();
  return new Set(fs.readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean));
}

/** Files under `dir` that differ from `ref` in the work tree (committed or not), plus new untracked ones. */
export function getChangedFiles(repo: string, ref: string, dir: string): string[] {
  const relative = path.relative(repo, dir) || '.';
  const changed = git(repo, ['diff', '--name-only', '--no-renames', ref, '--', relative]).split('\n');
  const untracked = git(repo, ['ls-files', '--others', '--exclude-standard', '--', relative]).split('\n');
  return [...new Set([...changed, ...untracked].filter(Boolean))].map((file) => path.join(repo, file)).sort();
}

export interface Commit {
  hash: string;
  date: string;
  subject: string;
}

/** Commits that touched any of `files`, newest first. */
export function getLog(repo: string, files: string[], limit: number): Commit[] {
  if (files.length === 0) return [];
  const out = git(repo, ['log', `-n${limit}`, '--format=%H%x1f%cs%x1f%s', '--', ...files.map((f) => path.relative(repo, f))]);
  return out.split('\n').filter(Boolean).map((line) => {
    const [hash = '', date = '', subject = ''] = line.split('\x1f');
    return { hash, date, subject };
  });
}

/** One entry of a commit's tree. */
export interface TreeEntry {
  mode: string;
  oid: string;
  /** Relative to the repository's top folder, with `/` separators. */
  path: string;
}

/** Every file (recursively) at or under `paths` in `ref`'s tree. */
export function listTree(repo: string, ref: string, paths: string[]): TreeEntry[] {
  if (paths.length === 0) return [];
  const out = git(repo, ['ls-tree', '-r', '-z', '--full-tree', ref, '--', ...paths.map((p) => p || '.')]);
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode = '', , oid = ''] = record.slice(0, tab).split(' ');
    entries.push({ mode, oid, path: record.slice(tab + 1) });
  }
  return entries;
}

/** The contents of blobs, in one `git cat-file --batch` call. Objects the repository lacks are left out. */
function readBlobs(repo: string, oids: readonly string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const out = runGit(repo, ['cat-file', '--batch'], oids.map((oid) => `${oid}\n`).join(''));
  let offset = 0;
  while (offset < out.length) {
    const end = out.indexOf(0x0a, offset);
    if (end < 0) throw new GitError('git cat-file stopped in the middle of its output');
    const [oid = '', type = '', size = ''] = out.subarray(offset, end).toString('utf8').split(' ');
    if (type === 'missing') {
      offset = end + 1;
      continue;
    }
    if (!/^\d+$/.test(size)) throw new GitError(`git cat-file answered '${type}' for object ${oid}`);
    const start = end + 1;
    blobs.set(oid, out.subarray(start, start + Number(size)));
    offset = start + Number(size) + 1;
  }
  return blobs;
}

export interface SkippedEntry extends TreeEntry {
  /** What a symlink points at, as committed. */
  target?: string;
  /** The repository lacks the file's content (a shallow or partial clone). */
  missing?: boolean;
}

export interface TreeExport {
  /** Absolute paths of the regular files written under the destination. */
  written: string[];
  /** Symlinks and submodules (never written, so never followed), and files whose content is missing. */
  skipped: SkippedEntry[];
}

/**
 * Writes the regular files at or under `paths` (relative to the repository) as they were at `ref`
 * into `dest`, keeping their relative paths.
 */
export function exportTree(repo: string, ref: string, paths: string[], dest: string): TreeExport {
  const entries = listTree(repo, ref, paths);
  const regular = entries.filter((entry) => REGULAR_FILE_MODES.has(entry.mode));
  const symlinks = entries.filter((entry) => entry.mode === SYMLINK_MODE);
  const blobs = readBlobs(repo, [...new Set([...regular, ...symlinks].map((entry) => entry.oid))]);
  const root = path.resolve(dest);
  const written: string[] = [];
  const skipped: SkippedEntry[] = [];
  for (const entry of regular) {
    const content = blobs.get(entry.oid);
    if (!content) {
      skipped.push({ ...entry, missing: true });
      continue;
    }
    const file = path.resolve(root, entry.path);
    // Git never stores `..` in a tree, but a written path must stay inside the destination regardless.
    if (!file.startsWith(root + path.sep)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    written.push(file);
  }
  for (const entry of entries) {
    if (!REGULAR_FILE_MODES.has(entry.mode)) skipped.push(entry.mode === SYMLINK_MODE ? { ...entry, target: blobs.get(entry.oid)?.toString('utf8') } : entry);
  }
  return { written, skipped };
}
