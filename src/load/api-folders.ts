// Which part of the specs folder a file belongs to, and so where its `$ref`s may lead. Each API owns
// its top folder (`specs/payments/...`, several roots there are versions of one team's API) or is a
// single file directly in `specs/`. `specs/_shared/` holds what every API may pull in (common error
// schemas); it belongs to no API, so it may only reference itself. Nothing else crosses between APIs:
// one team's spec must not publish another team's files.
import path from 'node:path';

/** The one folder every API may reference. Its files are bundled into each API that uses them. */
export const SHARED_FOLDER = '_shared';

export type Area =
  | { kind: 'api-folder'; folder: string }
  | { kind: 'single-file'; file: string }
  | { kind: 'shared'; folder: string }
  | { kind: 'outside' };

/** True when `file` is `folder` or inside it; `specs/api` does not contain `specs/api-secrets`. */
export function isInside(folder: string, file: string): boolean {
  return file === folder || file.startsWith(folder + path.sep);
}

/** The area of a real (symlink-free) absolute path, relative to the real specs folder. */
export function getArea(specsRoot: string, file: string): Area {
  if (!isInside(specsRoot, file) || file === specsRoot) return { kind: 'outside' };
  const parts = path.relative(specsRoot, file).split(path.sep);
  if (parts.length === 1) return { kind: 'single-file', file };
  const folder = path.join(specsRoot, parts[0]!);
  return parts[0] === SHARED_FOLDER ? { kind: 'shared', folder } : { kind: 'api-folder', folder };
}

export function isInArea(area: Area, file: string): boolean {
  switch (area.kind) {
    case 'api-folder':
    case 'shared':
      return isInside(area.folder, file);
    case 'single-file':
      return area.file === file;
    case 'outside':
      return false;
  }
}

/** A path inside the specs folder as users write it: `payments/schemas/Order.yaml`. */
export function toSpecsPath(specsRoot: string, file: string): string {
  return path.relative(specsRoot, file).split(path.sep).join('/');
}

function describeAllowed(specsRoot: string, area: Area): string {
  const shared = `the shared folder (${SHARED_FOLDER}/)`;
  switch (area.kind) {
    case 'api-folder':
      return `refs may only point at files in this API's folder (${toSpecsPath(specsRoot, area.folder)}/) or in ${shared}`;
    case 'single-file':
      return `a single-file API's refs may only point at the file itself or at files in ${shared}`;
    default:
      return `refs in ${shared} may only point at other files in it`;
  }
}

function describeTarget(specsRoot: string, target: Area): string {
  switch (target.kind) {
    case 'api-folder':
      return `in another API's folder (${toSpecsPath(specsRoot, target.folder)}/)`;
    case 'single-file':
      return 'directly in the specs folder, where each file is an API of its own';
    default:
      return 'outside the shared folder';
  }
}

function describeFix(specsRoot: string, from: Area): string {
  switch (from.kind) {
    case 'api-folder':
      return `Move the file into ${toSpecsPath(specsRoot, from.folder)}/ or into ${SHARED_FOLDER}/.`;
    case 'single-file':
      return `Move the file into ${SHARED_FOLDER}/, or make this API a folder (specs/<api>/openapi.yaml) and keep its files there.`;
    default:
      return `Move the file into ${SHARED_FOLDER}/: every API pulls shared files in, so they may only reference each other.`;
  }
}

/**
 * Why a `$ref` from `base` to `target` (both real paths) is refused, or undefined when it may be
 * followed. The answer depends only on the two files, so one resolver can serve a whole catalog.
 */
export function getCrossApiRefusal(specsRoot: string, base: string, target: string, ref: string): string | undefined {
  const from = getArea(specsRoot, base);
  if (from.kind === 'outside') return `'${ref}' is in a file outside the specs folder, whose refs are never followed.`;
  if (!isInside(specsRoot, target)) {
    return `'${ref}' leads outside the specs folder; ${describeAllowed(specsRoot, from)}.`;
  }
  const to = getArea(specsRoot, target);
  if (isInArea(from, target) || to.kind === 'shared') return undefined;
  return `'${ref}' resolves to ${toSpecsPath(specsRoot, target)}, ${describeTarget(specsRoot, to)}; ${describeAllowed(specsRoot, from)}. ${describeFix(specsRoot, from)}`;
}
