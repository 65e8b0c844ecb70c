// Where sites are built before they are published. The staging folder sits beside the output folder
// (`dist.staging/` for a full build into `dist/`, `<out>.staging/` for a single site), on the same file
// system so publishing is a rename, and never inside the folder that gets deployed: a build killed
// halfway must not leave an internal site where a deploy of `dist/` would pick it up. Every build first
// removes what killed builds left behind, and built sites get ordinary permissions for web servers.
import fs from 'node:fs';
import path from 'node:path';

export const STAGING_SUFFIX = '.staging';
/** One build's folder inside a staging folder: `build-<pid>-<random>`. */
const BUILD_FOLDER = /^build-(\d+)-/;
/** Staging of earlier Portolan versions, inside the output folder: `.internal.building-AbC123`. */
const LEGACY_STAGING = /^\.(.+)\.building-/;
/** A site being replaced, left by a build killed during the swap: `internal.old-1234`. */
const LEGACY_RETIRED = /\.old-(\d+)$/;
export const DIR_MODE = 0o755;
export const FILE_MODE = 0o644;

export interface Staging {
  /** The staging folder of this build. */
  dir: string;
  /** A new, empty folder to build the site `name` in. */
  getSiteDir(name: string): string;
  /** Where the published site `name` is moved while its replacement is renamed into place. */
  getRetiredDir(name: string): string;
  /** Removes this build's staging, and the staging folder when no other build uses it. */
  remove(): void;
}

/**
 * The staging folder for a build writing `outDirs`: beside their common parent for a full build (all
 * sites), beside the site's own folder for a single site.
 */
export function getStagingRoot(outDirs: readonly string[]): string {
  const resolved = outDirs.map((dir) => path.resolve(dir));
  if (resolved.length === 1) return `${resolved[0]}${STAGING_SUFFIX}`;
  return `${path.dirname(resolved[0]!)}${STAGING_SUFFIX}`;
}

/** Whether the process `pid` still runs: staging named after a process that is gone is stale. */
export function isProcessRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // Not empty (another build is running) or already gone.
  }
}

/**
 * Removes staging that no running build owns: build folders of processes that are gone, and the
 * staging earlier versions kept inside the output folder (`.<site>.building-*`, `<site>.old-<pid>`).
 */
export function removeStaleStaging(outDirs: readonly string[]): string[] {
  const removed: string[] = [];
  const remove = (dir: string): void => {
    fs.rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  };
  const resolved = outDirs.map((dir) => path.resolve(dir));
  const parents = [...new Set(resolved.map((dir) => path.dirname(dir)))];
  const roots = new Set([getStagingRoot(resolved), ...resolved.map((dir) => `${dir}${STAGING_SUFFIX}`), ...parents.map((dir) => `${dir}${STAGING_SUFFIX}`)]);
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    for (const entry of fs.readdirSync(root)) {
      const pid = BUILD_FOLDER.exec(entry)?.[1];
      if (!pid || !isProcessRunning(Number(pid))) remove(path.join(root, entry));
    }
    removeIfEmpty(root);
  }
  for (const parent of parents) {
    if (!fs.existsSync(parent)) continue;
    for (const entry of fs.readdirSync(parent)) {
      const retiredBy = LEGACY_RETIRED.exec(entry)?.[1];
      if (LEGACY_STAGING.test(entry) || (retiredBy && !isProcessRunning(Number(retiredBy)))) remove(path.join(parent, entry));
    }
  }
  return removed;
}

/** Cleans up after killed builds, then makes this build's staging folder. */
export function prepareStaging(outDirs: readonly string[]): Staging {
  removeStaleStaging(outDirs);
  const root = getStagingRoot(outDirs);
  fs.mkdirSync(root, { recursive: true, mode: DIR_MODE });
  const dir = fs.mkdtempSync(path.join(root, `build-${process.pid}-`));
  return {
    dir,
    getSiteDir(name) {
      const siteDir = path.join(dir, name);
      fs.rmSync(siteDir, { recursive: true, force: true });
      return siteDir;
    },
    getRetiredDir: (name) => path.join(dir, `${name}.retired`),
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
      removeIfEmpty(root);
    },
  };
}

/** Ordinary permissions for a published site, whatever the umask or mkdtemp chose: 0755 folders, 0644 files. */
export function setPublicModes(dir: string): void {
  fs.chmodSync(dir, DIR_MODE);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) setPublicModes(full);
    else if (entry.isFile()) fs.chmodSync(full, FILE_MODE);
  }
}

/** Replaces `finalDir` with `builtDir` in two renames, so readers never see a half-written site. */
export function swapIn(builtDir: string, finalDir: string, staging: Staging): void {
  fs.mkdirSync(path.dirname(finalDir), { recursive: true, mode: DIR_MODE });
  const retired = staging.getRetiredDir(path.basename(finalDir));
  if (fs.existsSync(finalDir)) fs.renameSync(finalDir, retired);
  fs.renameSync(builtDir, finalDir);
  fs.rmSync(retired, { recursive: true, force: true });
}
