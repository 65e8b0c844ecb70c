// Specs are untrusted input. Redocly follows file and http(s) `$ref`s wherever they point and parses
// YAML without alias limits, so every file goes through this resolver instead: only relative refs to
// .yaml/.yml/.json files inside the API's own folder or the shared folder (see api-folders.ts),
// nothing from the network, roots that are real files inside the specs folder, and parsers with
// alias, size, depth and duplicate-key checks.
import fs from 'node:fs';
import path from 'node:path';
import { BaseResolver, ResolveError, Source, YamlParseError, type Document } from '@redocly/openapi-core';
import YAML from 'yaml';
import { getLineCol } from '../core/code-frame.ts';
import { getCrossApiRefusal, isInside, toSpecsPath } from './api-folders.ts';
import { parseJson } from './json-parse.ts';

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
const REFUSED_PREFIX = 'portolan-refused:';
/** A ref to a file that is not there: not a refusal, an unresolved ref (see unresolved-ref.ts). */
const MISSING_PREFIX = 'portolan-missing:';
export const MISSING_MESSAGE_PREFIX = 'missing: ';
const BYTE_ORDER_MARK = /^\uFEFF/;
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
  /** The real path of the specs folder: every file read lies inside it. */
  readonly specsRoot: string;
  private readonly limits: InputLimits;
  private totalBytes = 0;
  /** How many externalValues were parked; bundles need restoring only when some were. */
  parkedExternalValues = 0;

  /** For a resolver made by forBundle: where the documents come from. */
  private readonly parent?: SafeResolver;
  /** Real paths of the files more than one API uses; undefined when unknown (then every file is). */
  private sharedFiles?: ReadonlySet<string>;

  constructor(specsDir: string, limits: InputLimits = DEFAULT_LIMITS, parent?: SafeResolver) {
    super({ http: { headers: [] } });
    this.specsRoot = fs.realpathSync(specsDir);
    this.limits = limits;
    this.parent = parent;
  }

  /**
   * A resolver for bundling one API. Redocly's bundle rewrites `$ref`s in the documents it walks, in
   * place; a file that several APIs use (anything in the shared folder) must reach the next API as
   * written. The fork reads this resolver's parsed documents, as private copies for files that more
   * than one API uses, and what it caches afterwards is exactly the files that API pulled in.
   */
  forBundle(): SafeResolver {
    return new SafeResolver(this.specsRoot, this.limits, this);
  }

  /** Says which files several APIs use: only those need copying for a bundle, which saves time and memory. */
  setSharedFiles(files: ReadonlySet<string>): void {
    this.sharedFiles = files;
  }

  private isSharedFile(absoluteRef: string): boolean {
    if (!this.sharedFiles) return true;
    try {
      return this.sharedFiles.has(fs.realpathSync(absoluteRef));
    } catch {
      return true;
    }
  }

  override async resolveDocument<T = unknown>(base: string | null, ref: string, isRoot = false): Promise<Document<T> | ResolveError | YamlParseError> {
    if (!this.parent) return super.resolveDocument<T>(base, ref, isRoot);
    const absoluteRef = this.resolveExternalRef(base, ref);
    let copy = this.cache.get(absoluteRef);
    if (!copy) {
      const parent = this.parent;
      copy = parent.resolveDocument(base, ref, isRoot).then((document) => {
        if (document instanceof Error || !parent.isSharedFile(absoluteRef)) return document;
        return { source: document.source, parsed: structuredClone(document.parsed) };
      });
      this.cache.set(absoluteRef, copy);
    }
    return copy as Promise<Document<T> | ResolveError>;
  }

  /** Whether any parsed document had an externalValue parked: bundles then need it restored. */
  hasParkedExternalValues(): boolean {
    return this.parkedExternalValues > 0 || (this.parent?.hasParkedExternalValues() ?? false);
  }

  /**
   * A root is read by its own path, so it must be a real file inside the specs folder: a root
   * committed as a symlink could otherwise read anything on the machine.
   */
  private getRootRefusal(file: string): string | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      // A missing root is reported by loadExternalRef with the system's message.
      return undefined;
    }
    if (stat.isSymbolicLink()) return 'the file is a symbolic link; only real files under the specs folder are read, so commit the file itself.';
    if (!isInside(this.specsRoot, fs.realpathSync(file))) return 'the file lies outside the specs folder.';
    return undefined;
  }

  override resolveExternalRef(base: string | null, ref: string): string {
    if (ref.startsWith(REFUSED_PREFIX) || ref.startsWith(MISSING_PREFIX)) return ref;
    if (!base) {
      const file = path.resolve(ref);
      const refusal = this.getRootRefusal(file);
      return refusal ? `${REFUSED_PREFIX}${refusal}` : file;
    }
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
    let realBase = base;
    let real: string;
    try {
      realBase = fs.realpathSync(base);
      real = fs.realpathSync(target);
    } catch {
      // The file is not there. Where it would be is judged from the referring file's real folder (the
      // specs folder may be given through a symlink), and by the same rules as a file that is there:
      // "missing" would invite the author to create it in another API's folder, only to be refused then.
      const missing = path.resolve(path.dirname(realBase), decodeURI(ref));
      const missingCrossing = getCrossApiRefusal(this.specsRoot, realBase, missing, ref);
      if (missingCrossing) return `${REFUSED_PREFIX}${missingCrossing}`;
      return `${MISSING_PREFIX}'${ref}': there is no file ${toSpecsPath(this.specsRoot, missing)} in the specs folder (a path is relative to the file that holds the $ref).`;
    }
    const crossing = getCrossApiRefusal(this.specsRoot, realBase, real, ref);
    return crossing ? `${REFUSED_PREFIX}${crossing}` : real;
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (absoluteRef.startsWith(REFUSED_PREFIX)) throw new ResolveError(new Error(`refused: ${absoluteRef.slice(REFUSED_PREFIX.length)}`));
    if (absoluteRef.startsWith(MISSING_PREFIX)) throw new ResolveError(new Error(`${MISSING_MESSAGE_PREFIX}${absoluteRef.slice(MISSING_PREFIX.length)}`));
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
    // A byte order mark is not content: without it JSON parses and columns match the editor's.
    return new Source(absoluteRef, content.replace(BYTE_ORDER_MARK, '').replace(/\r\n/g, '\n'));
  }

  /** Parses any file the same way, root or not, so a document read once serves both roles. */
  override parseDocument(source: Source): Document {
    const text = source.body;
    let parsed: unknown;
    if (text.trim() === '') throw toParseError('the file is empty; delete it or write a description in it', source, 1, 1);
    if (source.absoluteRef.toLowerCase().endsWith('.json')) {
      const result = parseJson(text);
      if (result.problem) throw toParseError(result.problem.message, source, result.problem.line, result.problem.col);
      parsed = result.value;
    } else {
      parsed = this.parseYaml(source);
    }
    if (getDepth(parsed, this.limits.maxDepth) > this.limits.maxDepth) {
      throw toParseError(`nesting is deeper than ${this.limits.maxDepth} levels (--max-depth)`, source, 1, 1);
    }
    this.parkedExternalValues += hideExternalValues(parsed);
    return { source, parsed };
  }

  private parseYaml(source: Source): unknown {
    const text = source.body;
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
      throw toParseError(describeYamlProblem(problem, this.limits, document), source, line, col);
    }
    try {
      // The yaml package counts the anchored node as one expansion of itself: without the + 1, a file
      // with exactly --max-aliases aliases would be refused as having more.
      return document.toJS({ maxAliasCount: this.limits.maxAliases + 1 });
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
      throw toParseError(describeYamlProblem(error as Error, this.limits, document), source, line, col);
    }
  }
}

/** The key a YAML error points at, as the parser read it, for naming it in the message. */
function getKeyAt(document: YAML.Document, offset: number): string | undefined {
  let key: string | undefined;
  YAML.visit(document, {
    Pair(_, pair) {
      if (YAML.isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return YAML.visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}

function describeYamlProblem(problem: Error & { code?: string; pos?: [number, number] }, limits: InputLimits, document: YAML.Document): string {
  const first = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (problem.code) {
    case 'DUPLICATE_KEY': {
      const key = problem.pos ? getKeyAt(document, problem.pos[0]) : undefined;
      return `duplicated mapping key${key === undefined ? '' : ` ${JSON.stringify(key)}`}: each key may appear once per mapping`;
    }
    case 'TAG_RESOLVE_FAILED':
      return `${first}; YAML tags are not allowed in descriptions`;
    default:
      if (/alias/i.test(first) && /exceed|count|resource/i.test(first)) {
        return `too many YAML aliases (more than ${limits.maxAliases}), which is how alias bombs exhaust memory; write the values out or raise --max-aliases`;
      }
      return first;
  }
}
