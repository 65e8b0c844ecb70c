// Which files a spec pulls in through relative `$ref`s, found by scanning text rather than parsing, so
// a pull-request check can pick the affected specs out of a large catalog in well under a second.
import fs from 'node:fs';
import path from 'node:path';

/** The file part of every relative `$ref` in a YAML or JSON text. */
const REF = /["']?\$ref["']?\s*:\s*["']?([^"'#\s,}]*)/g;

export function getReferencedFiles(file: string, text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(REF)) {
    const target = match[1];
    if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || path.isAbsolute(target)) continue;
    found.add(path.resolve(path.dirname(file), decodeURI(target)));
  }
  return [...found];
}

/** Every file a root reaches through refs, the root included. */
export function getDependencies(root: string, read: (file: string) => string | undefined = readText): Set<string> {
  const seen = new Set<string>();
  const pending = [path.resolve(root)];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = read(file);
    if (text !== undefined) pending.push(...getReferencedFiles(file, text));
  }
  return seen;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The roots that are among the changed files or pull one of them in. */
export function getAffectedRoots(roots: readonly string[], changedFiles: Iterable<string>): string[] {
  const changed = new Set([...changedFiles].map((f) => path.resolve(f)));
  return roots.filter((root) => [...getDependencies(root)].some((file) => changed.has(file)));
}
