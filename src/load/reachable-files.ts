// Which files the roots pull in through `$ref`s, followed the way the loader follows them (through the
// safe resolver, so a refused ref reaches nothing) over the documents it has already parsed.
import fs from 'node:fs';
import type { BaseResolver } from '@redocly/openapi-core';

/** Every `$ref` string in a parsed document, without recursion (descriptions can nest deeply). */
function getRefs(parsed: unknown): string[] {
  const refs: string[] = [];
  const stack = [parsed];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (!Array.isArray(node) && typeof (node as { $ref?: unknown }).$ref === 'string') refs.push((node as { $ref: string }).$ref);
    for (const child of Object.values(node)) stack.push(child);
  }
  return refs;
}

function toRealPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

/** The real paths of a root and of every file it reaches, directly or through other files. */
async function getFilesOfRoot(root: string, resolver: BaseResolver): Promise<Set<string>> {
  const reached = new Set<string>();
  const pending: { base: string | null; ref: string }[] = [{ base: null, ref: root }];
  while (pending.length) {
    const { base, ref } = pending.pop()!;
    const real = toRealPath(resolver.resolveExternalRef(base, ref));
    if (!real || reached.has(real)) continue;
    reached.add(real);
    let document: Awaited<ReturnType<BaseResolver['resolveDocument']>>;
    try {
      document = await resolver.resolveDocument(base, ref);
    } catch {
      // A file that does not parse is reached all the same; its error is reported where it is used.
      continue;
    }
    if (document instanceof Error) continue;
    for (const target of getRefs(document.parsed)) {
      const uri = target.split('#')[0];
      if (uri) pending.push({ base: document.source.absoluteRef, ref: uri });
    }
  }
  return reached;
}

/** For every file some root reaches (by real path): how many roots reach it. */
export async function getReachCounts(roots: readonly string[], resolver: BaseResolver): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const root of roots) {
    for (const file of await getFilesOfRoot(root, resolver)) counts.set(file, (counts.get(file) ?? 0) + 1);
  }
  return counts;
}
