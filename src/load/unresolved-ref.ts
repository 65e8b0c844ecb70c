// Redocly reports a `$ref` it cannot follow as "Can't resolve $ref", naming neither the reference nor
// where it looked. These diagnostics are rewritten here to say both, reading the files the resolver
// already parsed, and the resolver's refusals get their own rule id.
import fs from 'node:fs';
import { unescapePointerFragment, YamlParseError, type BaseResolver } from '@redocly/openapi-core';
import type { Diagnostic } from '../core/diagnostics.ts';
import { getByPointer, isObject } from '../core/openapi-shape.ts';
import { toSpecsPath } from './api-folders.ts';
import { MISSING_MESSAGE_PREFIX, SafeResolver } from './safe-resolver.ts';

const UNRESOLVED = "Can't resolve $ref";
const REFUSED = `${UNRESOLVED}: refused: `;
const MISSING = `${UNRESOLVED}: ${MISSING_MESSAGE_PREFIX}`;
const FAILED_TO_PARSE = 'Failed to parse: ';

function toRealPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** The `$ref` string at a diagnostic's location: a reference object, or a discriminator mapping value. */
async function getRefAt(diagnostic: Diagnostic, resolver: SafeResolver): Promise<string | undefined> {
  if (!diagnostic.pointer) return undefined;
  try {
    const document = await resolver.resolveDocument(null, diagnostic.file);
    if (document instanceof Error) return undefined;
    const node = getByPointer(document.parsed, diagnostic.pointer);
    if (typeof node === 'string') return node;
    return isObject(node) && typeof node.$ref === 'string' ? node.$ref : undefined;
  } catch {
    return undefined;
  }
}

/** Why a pointer finds nothing: the deepest part of it that exists, and the name missing there. */
function describeMissingPointer(parsed: unknown, segments: string[]): string {
  let node: unknown = parsed;
  let reached = '#';
  for (const segment of segments) {
    if (isObject(node) && typeof node.$ref === 'string') return `${reached} is itself a $ref (${JSON.stringify(node.$ref)}); point at its target instead`;
    const next = Array.isArray(node) ? node[Number(segment)] : isObject(node) && Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (next === undefined) {
      const where = reached === '#' ? 'the top level' : reached;
      return typeof node === 'object' && node !== null ? `${where} has no ${JSON.stringify(segment)}` : `${where} is not a mapping`;
    }
    node = next;
    reached += `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  }
  return 'it resolves to nothing';
}

/** "Can't resolve $ref" with the reference, the file (relative to the specs folder) and the pointer tried. */
async function explainUnresolved(diagnostic: Diagnostic, resolver: SafeResolver): Promise<Diagnostic> {
  const ref = await getRefAt(diagnostic, resolver);
  if (ref === undefined) return diagnostic;
  const hash = ref.indexOf('#');
  const uri = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  let target: Awaited<ReturnType<SafeResolver['resolveDocument']>>;
  try {
    target = uri ? await resolver.resolveDocument(diagnostic.file, uri) : await resolver.resolveDocument(null, diagnostic.file);
  } catch (error) {
    if (!(error instanceof YamlParseError)) return diagnostic;
    const where = toSpecsPath(resolver.specsRoot, toRealPath(error.source.absoluteRef));
    return { ...diagnostic, message: `${UNRESOLVED} '${ref}': ${where} cannot be parsed (its error is reported at that file).` };
  }
  if (target instanceof Error) return diagnostic;
  const where = toSpecsPath(resolver.specsRoot, toRealPath(target.source.absoluteRef));
  const segments = fragment.split('/').map(unescapePointerFragment).filter(Boolean);
  const pointer = `#${fragment}`;
  return { ...diagnostic, message: `${UNRESOLVED} '${ref}': looked in ${where} for ${pointer}, but ${describeMissingPointer(target.parsed, segments)}.` };
}

/** Rewrites Redocly's reference problems into what Portolan reports; every other diagnostic passes. */
export async function toRefDiagnostic(diagnostic: Diagnostic, resolver: BaseResolver): Promise<Diagnostic> {
  if (diagnostic.rule !== 'no-unresolved-refs') return diagnostic;
  const { message } = diagnostic;
  if (message.startsWith(REFUSED)) {
    return { ...diagnostic, rule: 'portolan/refused-ref', message: `Refused $ref: ${message.slice(REFUSED.length)}`, docs: undefined };
  }
  if (message.startsWith(MISSING)) return { ...diagnostic, message: `${UNRESOLVED} ${message.slice(MISSING.length)}` };
  if (message.startsWith(FAILED_TO_PARSE)) {
    const reason = message.slice(FAILED_TO_PARSE.length).replace(/\s*\(\d+:\d+\)$/, '');
    return { ...diagnostic, rule: 'parse-error', message: `Cannot parse this file: ${reason}.`, docs: undefined };
  }
  if (message.startsWith(UNRESOLVED) && resolver instanceof SafeResolver) return explainUnresolved(diagnostic, resolver);
  return diagnostic;
}
