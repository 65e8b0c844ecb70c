// Reading other versions from git: only regular files are ever written, so a committed symlink is
// reported and never followed; a shallow clone names the commits where its history is cut off.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportTree, getCommitHash, getShallowBoundaries, GitError, listTree } from '../../../src/core/git.ts';

let repo: string;
let outside: string;
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-git-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-git-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.yaml'), 'token: hunter2\n');
  fs.mkdirSync(path.join(repo, 'specs', 'pets'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'specs', 'pets', 'openapi.yaml'), 'openapi: 3.1.0\n');
  fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(repo, 'specs', 'pets', 'schemas.yaml'));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'First');
  fs.writeFileSync(path.join(repo, 'specs', 'pets', 'openapi.yaml'), 'openapi: 3.1.1\n');
  git(repo, 'commit', '-qam', 'Second');
});

describe('exportTree', () => {
  it('writes the regular files as they were at the ref, and lists symlinks with their targets without writing them', () => {
    const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-git-export-'));
    const exported = exportTree(repo, 'HEAD~1', ['specs'], dest);
    expect(exported.written).toEqual([path.join(dest, 'specs', 'pets', 'openapi.yaml')]);
    expect(fs.readFileSync(path.join(dest, 'specs', 'pets', 'openapi.yaml'), 'utf8')).toBe('openapi: 3.1.0\n');
    expect(exported.skipped).toEqual([{ mode: '120000', oid: expect.stringMatching(/^[0-9a-f]{40}$/), path: 'specs/pets/schemas.yaml', target: path.join(outside, 'secret.yaml') }]);
    expect(fs.existsSync(path.join(dest, 'specs', 'pets', 'schemas.yaml'))).toBe(false);
  });

  it('writes nothing for a folder that did not exist at the ref', () => {
    const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-git-export-'));
    expect(exportTree(repo, 'HEAD', ['specs/orders'], dest)).toEqual({ written: [], skipped: [] });
  });

  it('is a GitError naming the ref when the ref is unknown', () => {
    expect(() => listTree(repo, 'no-such-ref', ['specs'])).toThrow(GitError);
    expect(() => listTree(repo, 'no-such-ref', ['specs'])).toThrow("fatal: Not a valid object name no-such-ref");
  });
});

describe('getShallowBoundaries', () => {
  it('is empty for a full clone', () => {
    expect(getShallowBoundaries(repo)).toEqual(new Set());
  });

  it('names the commit where a shallow clone is cut off', () => {
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-git-shallow-'));
    git(clone, 'clone', '-q', '--depth', '1', `file://${repo}`, '.');
    expect(getShallowBoundaries(clone)).toEqual(new Set([getCommitHash(repo, 'HEAD')]));
  });
});
