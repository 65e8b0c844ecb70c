// Specs are untrusted input. Redocly follows file and http(s) `$ref`s wherever they point and parses
// YAML without alias limits, so every file goes through this resolver instead: only relative refs to
// .yaml/.yml/.json files inside the spec's own top folder under specs/, nothing from the network, and
// a parser (the `yaml` package) with alias, size and depth limits.
import fs from 'node:fs';
import path from 'node:path';
import { BaseResolver, ResolveError, Source, YamlParseError, type Document } from '@redocly/openapi-core';
import YAML from 'yaml';
import { getLineCol } from '../core/code-frame.ts';

export interface InputLimits {
  /** Largest single file, in bytes. The largest real public spec (Microsoft Graph beta) is 47 MB. */
  maxFileBytes: number;
  /** All files of the catalog together, in bytes. */
  maxTotalBytes: number;
  /** Deepest nesting of objects and arrays in one file. */
  maxDepth: number;
  /** YAML aliases per file; each can expand to a whole subtree, so a few dozen can be a bomb. */
  maxAliases: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxDepth: 200,
  maxAliases: 100,
};

export const ALLOWED_REF_EXTENSIONS = ['.yaml', '.yml', '.json'];
/** Files up to this size are parsed as YAML even when named .json, which also catches duplicate keys. */
const STRICT_JSON_PARSE_LIMIT = 256 * 1024;
const REFUSED_PREFIX = 'portolan-refused:';
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Why a ref is refused, in words that say what to do instead. */
function getRefusal(ref: string): string | undefined {
  if (/^(https?):/i.test(ref)) return `'${ref}' points at the network; Portolan never fetches refs. Copy the file into this spec's folder and refer to it with a relative path.`;
  if (/^file:/i.test(ref)) return `'${ref}' is a file: URL; use a relative path to a file inside this spec's folder.`;
  if (/^data:/i.test(ref)) return `'${ref.slice(0, 40)}' is a data: URL; put the content in a .yaml or .json file inside this spec's folder.`;
  if (SCHEME.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) return `'${ref}' uses a URL scheme; only relative paths to files inside this spec's folder are followed.`;
  if (path.isAbsolute(ref) || /^[a-z]:[\\/]/i.test(ref)) return `'${ref}' is an absolute path; use a path relative to the referring file, inside this spec's folder.`;
  return undefined;
}

function toSize(bytes: number): string {
  const MB = 1024 * 1024;
  return bytes >= MB ? `${(bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** An error Redocly reports like its own parse errors: message, then `(line:col)`. */
function toParseError(message: string, source: Source, line: number, col: number): YamlParseError {
  return new YamlParseError(new Error(`${message} (${line}:${col})`), source);
}

function getDepth(value: unknown, limit: number): number {
  // Iterative, so a hostile nesting depth cannot overflow the stack while it is being measured.
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Redocly treats `externalValue` like a `$ref` and reads (or fetches) its target into the bundle.
 * Portolan never does: the key is parked under another name while Redocly works and restored after,
 * so the page can offer it as a link.
 */
export const PARKED_EXTERNAL_VALUE = 'x-portolan-external-value';

/** Renames a string-valued key everywhere in a tree, in place; returns how many it renamed. */
function renameKeyEverywhere(node: unknown, from: string, to: string): number {
  let renamed = 0;
  const stack = [node];
  while (stack.length) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null) continue;
    if (!Array.isArray(current)) {
      const record = current as Record<string, unknown>;
      if (typeof record[from] === 'string') {
        record[to] = record[from];
        delete record[from];
        renamed += 1;
      }
    }
    for (const child of Object.values(current)) stack.push(child);
  }
  return renamed;
}

function hideExternalValues(node: unknown): number {
  return renameKeyEverywhere(node, 'externalValue', PARKED_EXTERNAL_VALUE);
}

/** Puts parked `externalValue`s back, in place. */
export function restoreExternalValues(node: unknown): void {
  renameKeyEverywhere(node, PARKED_EXTERNAL_VALUE, 'externalValue');
}

export class SafeResolver extends BaseResolver {
  private readonly specsRoot: string;
  private readonly limits: InputLimits;
  private totalBytes = 0;
  /** How many externalValues were parked; bundles need restoring only when some were. */
  parkedExternalValues = 0;

  constructor(specsDir: string, limits: InputLimits = DEFAULT_LIMITS) {
    super({ http: { headers: [] } });
    this.specsRoot = fs.realpathSync(specsDir);
    this.limits = limits;
  }

  /** The folder a file's refs must stay in: its first folder under specs/, or specs/ itself. */
  getTopFolder(file: string): string {
    let real = file;
    try {
      real = fs.realpathSync(file);
    } catch {
      // A file that vanished: judge it by the path it was loaded from.
    }
    const relative = path.relative(this.specsRoot, real);
    const first = relative.split(path.sep)[0];
    if (!first || first.startsWith('..') || path.isAbsolute(relative) || relative.split(path.sep).length === 1) return this.specsRoot;
    return path.join(this.specsRoot, first);
  }

  override resolveExternalRef(base: string | null, ref: string): string {
    if (ref.startsWith(REFUSED_PREFIX)) return ref;
    // No base: a root document Portolan found itself under specs/.
    if (!base) return path.resolve(ref);
    const refusal = getRefusal(ref);
    if (refusal) return `${REFUSED_PREFIX}${refusal}`;
    if (base.startsWith(REFUSED_PREFIX)) return `${REFUSED_PREFIX}refused because the referring file was refused.`;
    let target: string;
    try {
      target = path.resolve(path.dirname(base), decodeURI(ref));
    } catch {
      return `${REFUSED_PREFIX}'${ref}' is not a valid relative path.`;
    }
    if (!ALLOWED_REF_EXTENSIONS.includes(path.extname(target).toLowerCase())) {
      return `${REFUSED_PREFIX}'${ref}' is not a .yaml, .yml or .json file; only descriptions are followed, never other files.`;
    }
    const top = this.getTopFolder(base);
    let real: string;
    try {
      real = fs.realpathSync(target);
    } catch {
      return `${REFUSED_PREFIX}'${ref}' does not exist (looked for ${path.relative(this.specsRoot, target) || target} under the specs folder).`;
    }
    if (real !== top && !real.startsWith(top + path.sep)) {
      const where = path.relative(this.specsRoot, top) || 'the specs folder';
      return `${REFUSED_PREFIX}'${ref}' leads outside ${where === 'the specs folder' ? where : `this spec's folder (${where}/)`}; refs may only point at files inside it.`;
    }
    return real;
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (absoluteRef.startsWith(REFUSED_PREFIX)) throw new ResolveError(new Error(`refused: ${absoluteRef.slice(REFUSED_PREFIX.length)}`));
    let size: number;
    try {
      const stat = fs.statSync(absoluteRef);
      if (!stat.isFile()) throw new Error(`${absoluteRef} is not a file`);
      size = stat.size;
    } catch (error) {
      throw new ResolveError(error as Error);
    }
    if (size > this.limits.maxFileBytes) {
      throw new ResolveError(new Error(`refused: the file is ${toSize(size)}, over the ${toSize(this.limits.maxFileBytes)} limit per file (--max-file-mb).`));
    }
    this.totalBytes += size;
    if (this.totalBytes > this.limits.maxTotalBytes) {
      throw new ResolveError(new Error(`refused: the catalog's files add up to more than the ${toSize(this.limits.maxTotalBytes)} limit (--max-total-mb).`));
    }
    const content = await fs.promises.readFile(absoluteRef, 'utf8');
    return new Source(absoluteRef, content.replace(/\r\n/g, '\n'));
  }

  override parseDocument(source: Source, isRoot = false): Document {
    const text = source.body;
    const isJson = source.absoluteRef.toLowerCase().endsWith('.json');
    let parsed: unknown;
    if (text.trim() === '') throw toParseError('the file is empty; a description needs at least `openapi`, `info` and `paths`', source, 1, 1);
    if (isJson) {
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        const message = (error as Error).message;
        const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
        const { line, col } = getLineCol(text, offset);
        throw toParseError(`not valid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '').replace(/^Unexpected token '(.)', .*$/s, "unexpected '$1'")}`, source, line, col);
      }
    }
    // YAML files, and JSON files small enough to check for duplicate keys, which JSON.parse ignores.
    if (!isJson || text.length <= STRICT_JSON_PARSE_LIMIT) {
      const document = YAML.parseDocument(text, {
        uniqueKeys: true,
        prettyErrors: false,
        strict: true,
        // Only the core schema: no !!js/function or other tags that construct program objects.
        schema: 'core',
        customTags: [],
      });
      const problem = document.errors[0] ?? document.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED' || w.code === 'BAD_ALIAS');
      if (problem) {
        const { line, col } = getLineCol(text, problem.pos[0]);
        throw toParseError(describeYamlProblem(problem, this.limits), source, line, col);
      }
      try {
        parsed = document.toJS({ maxAliasCount: this.limits.maxAliases });
      } catch (error) {
        // Expansion failed: point at the first alias, where the blow-up starts.
        let offset = 0;
        YAML.visit(document, {
          Alias(_, node) {
            offset = node.range?.[0] ?? 0;
            return YAML.visit.BREAK;
          },
        });
        const { line, col } = getLineCol(text, offset);
        throw toParseError(describeYamlProblem(error as Error, this.limits), source, line, col);
      }
    }
    if (getDepth(parsed, this.limits.maxDepth) > this.limits.maxDepth) {
      throw toParseError(`nesting is deeper than ${this.limits.maxDepth} levels (--max-depth)`, source, 1, 1);
    }
    this.parkedExternalValues += hideExternalValues(parsed);
    if (isRoot && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
      throw toParseError(`the root of a description must be a mapping with \`openapi\` or \`swagger\`, \`info\` and \`paths\` (found ${Array.isArray(parsed) ? 'a list' : typeof parsed === 'object' ? 'nothing' : `a ${typeof parsed}`})`, source, 1, 1);
    }
    return { source, parsed };
  }
}

function describeYamlProblem(problem: Error & { code?: string }, limits: InputLimits): string {
  const first = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (problem.code) {
    case 'DUPLICATE_KEY':
      return 'duplicated mapping key: each key may appear once per mapping';
    case 'TAG_RESOLVE_FAILED':
      return `${first}; YAML tags are not allowed in descriptions`;
    default:
      if (/alias/i.test(first) && /exceed|count|resource/i.test(first)) {
        return `too many YAML aliases (more than ${limits.maxAliases}), which is how alias bombs exhaust memory; write the values out or raise --max-aliases`;
      }
      return first;
  }
}
