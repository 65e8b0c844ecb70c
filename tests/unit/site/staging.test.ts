import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getStagingRoot, prepareStaging, removeStaleStaging, setPublicModes, swapIn } from '../../../src/site/staging.ts';

/** The pid of a process that has exited: what a killed build leaves in its folder names. */
function getDeadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-staging-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function put(relative: string, content = 'x'): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function listTree(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((entry) => entry.split(path.sep).join('/')).sort();
}

describe('getStagingRoot', () => {
  it('stages a full build beside the output folder, and a single site beside its own folder', () => {
    expect(getStagingRoot(['/srv/dist/internal', '/srv/dist/open'])).toBe('/srv/dist.staging');
    expect(getStagingRoot(['/srv/public-site'])).toBe('/srv/public-site.staging');
  });
});

describe('removeStaleStaging', () => {
  it('removes what killed builds left: their staging folders, and the staging older versions kept inside the output', () => {
    const dead = getDeadPid();
    put(`dist.staging/build-${dead}-AbC123/internal/index.html`, 'internal site');
    put(`dist/open.staging/build-${dead}-XyZ789/open/index.html`);
    put('dist/.internal.building-QwErTy/index.html', 'internal site');
    put(`dist/internal.old-${dead}/index.html`, 'previous internal site');
    put('dist/open/index.html', 'published');
    const removed = removeStaleStaging([path.join(root, 'dist', 'internal'), path.join(root, 'dist', 'open')]);
    expect(removed.map((dir) => path.relative(root, dir)).sort()).toEqual(
      [`dist.staging/build-${dead}-AbC123`, `dist/.internal.building-QwErTy`, `dist/internal.old-${dead}`, `dist/open.staging/build-${dead}-XyZ789`].sort(),
    );
    expect(listTree(root)).toEqual(['dist', 'dist/open', 'dist/open/index.html']);
  });

  it('keeps the staging of a build that is still running, and everything else in the output folder', () => {
    put(`dist.staging/build-${process.pid}-Running/open/index.html`);
    put('dist/open/index.html');
    put('dist/notes.old-release/readme.txt');
    expect(removeStaleStaging([path.join(root, 'dist', 'internal'), path.join(root, 'dist', 'open')])).toEqual([]);
    expect(listTree(root)).toContain(`dist.staging/build-${process.pid}-Running/open/index.html`);
    expect(listTree(root)).toContain('dist/notes.old-release/readme.txt');
  });
});

describe('prepareStaging', () => {
  it('makes a staging folder beside the output, cleaned first, and removes it when done', () => {
    const dead = getDeadPid();
    put(`dist.staging/build-${dead}-Old/internal/index.html`);
    const staging = prepareStaging([path.join(root, 'dist', 'internal'), path.join(root, 'dist', 'open')]);
    expect(path.dirname(staging.dir)).toBe(path.join(root, 'dist.staging'));
    expect(fs.readdirSync(path.join(root, 'dist.staging'))).toEqual([path.basename(staging.dir)]);
    expect(path.dirname(staging.getSiteDir('open'))).toBe(staging.dir);
    staging.remove();
    expect(fs.readdirSync(root)).toEqual([]);
  });
});

describe('setPublicModes', () => {
  it('gives folders 0755 and files 0644, whatever they were created with', () => {
    put('site/apis/pets/index.html');
    fs.chmodSync(path.join(root, 'site', 'apis', 'pets', 'index.html'), 0o600);
    fs.chmodSync(path.join(root, 'site', 'apis'), 0o700);
    fs.chmodSync(path.join(root, 'site'), 0o700);
    setPublicModes(path.join(root, 'site'));
    const modes = ['site', 'site/apis', 'site/apis/pets', 'site/apis/pets/index.html'].map((relative) => (fs.statSync(path.join(root, relative)).mode & 0o777).toString(8));
    expect(modes).toEqual(['755', '755', '755', '644']);
  });
});

describe('swapIn', () => {
  it('replaces the published site with the built one and leaves nothing of the old one behind', () => {
    put('dist/open/old.html', 'old');
    const staging = prepareStaging([path.join(root, 'dist', 'open')]);
    const siteDir = staging.getSiteDir('open');
    fs.mkdirSync(siteDir);
    fs.writeFileSync(path.join(siteDir, 'new.html'), 'new');
    swapIn(siteDir, path.join(root, 'dist', 'open'), staging);
    staging.remove();
    expect(listTree(root)).toEqual(['dist', 'dist/open', 'dist/open/new.html']);
  });
});
