// The few git questions Portolan asks, answered by the git command line (I/O at the edge). Nothing
// here checks anything out: other versions are read with `git archive` into a temp folder.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export class GitError extends Error {}

function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.error) throw new GitError(`git is not available: ${result.error.message}`);
  if (result.status !== 0) throw new GitError(result.stderr.trim().split('\n')[0] || `git ${args[0]} failed`);
  return result.stdout;
}

/** The repository's top folder, or undefined when `dir` is not inside a git work tree. */
export function getRepoRoot(dir: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

export function hasRevision(repo: string, ref: string): boolean {
  return spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repo }).status === 0;
}

/** Files under `dir` that differ from `ref` in the work tree (committed or not), plus new untracked ones. */
export function getChangedFiles(repo: string, ref: string, dir: string): string[] {
  const relative = path.relative(repo, dir) || '.';
  const changed = git(repo, ['diff', '--name-only', '--no-renames', ref, '--', relative]).split('\n');
  const untracked = git(repo, ['ls-files', '--others', '--exclude-standard', '--', relative]).split('\n');
  return [...new Set([...changed, ...untracked].filter(Boolean))].map((file) => path.join(repo, file)).sort();
}

/** Writes the folder `dir` as it was at `ref` into `dest`. Returns false when it did not exist then. */
export function exportTree(repo: string, ref: string, dir: string, dest: string): boolean {
  const relative = path.relative(repo, dir);
  const listing = git(repo, ['ls-tree', '-r', '--name-only', ref, '--', relative || '.']).split('\n').filter(Boolean);
  if (listing.length === 0) return false;
  const archive = execFileSync('git', ['archive', '--format=tar', ref, '--', relative || '.'], { cwd: repo, maxBuffer: 1 << 30 });
  fs.mkdirSync(dest, { recursive: true });
  const untar = spawnSync('tar', ['-x', '-C', dest], { input: archive });
  if (untar.status !== 0) throw new GitError(`could not unpack ${ref}:${relative}: ${untar.stderr.toString().trim()}`);
  return true;
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

/** Writes the given files as they were at `ref` into `dest` (same relative paths); missing ones are skipped. */
export function exportFiles(repo: string, ref: string, files: string[], dest: string): string[] {
  const relative = files.map((file) => path.relative(repo, file));
  const present = new Set(git(repo, ['ls-tree', '-r', '--name-only', ref, '--', ...relative]).split('\n').filter(Boolean));
  const wanted = relative.filter((file) => present.has(file));
  if (wanted.length === 0) return [];
  const archive = execFileSync('git', ['archive', '--format=tar', ref, '--', ...wanted], { cwd: repo, maxBuffer: 1 << 30 });
  fs.mkdirSync(dest, { recursive: true });
  const untar = spawnSync('tar', ['-x', '-C', dest], { input: archive });
  if (untar.status !== 0) throw new GitError(`could not unpack files of ${ref}: ${untar.stderr.toString().trim()}`);
  return wanted.map((file) => path.join(dest, file));
}
