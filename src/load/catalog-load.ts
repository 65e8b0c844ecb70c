// Stage one and two of the pipeline for a whole specs folder: find the root documents, lint and bundle
// each, and read their metadata. Every problem is collected; nothing stops at the first one. A file
// that ends up in no API is a warning, and a folder with no API at all is an error.
import fs from 'node:fs';
import path from 'node:path';
import { YamlParseError, type Config } from '@redocly/openapi-core';
import { getDuplicateIdDiagnostics, toApiRecord, type ApiRecord } from './api.ts';
import { getArea, isInArea, SHARED_FOLDER, toSpecsPath, type Area } from './api-folders.ts';
import { toDisplayPath, type Diagnostic } from '../core/diagnostics.ts';
import { loadSpec, type LoadOptions } from './load.ts';
import { getReachCounts } from './reachable-files.ts';
import { DEFAULT_LIMITS, SafeResolver, type InputLimits } from './safe-resolver.ts';
import { isRootDocument, listSpecFiles } from './spec-files.ts';

export interface CatalogLoadResult {
  apis: ApiRecord[];
  diagnostics: Diagnostic[];
  /** Root documents found, plus files that could not be parsed and so may be roots. */
  rootCount: number;
}

export interface RootScan {
  roots: string[];
  /** Every description file under the specs folder, roots included, in name order. */
  files: string[];
  /** Files that could not be parsed, so nobody can tell whether they are roots: each with its error. */
  unparsed: Map<string, Diagnostic>;
  /** Problems found while scanning, such as a file over the catalog's total size. */
  diagnostics: Diagnostic[];
}

function toScanDiagnostic(error: unknown, file: string): Diagnostic {
  if (error instanceof YamlParseError) {
    const message = error.message.replace(/\s*\(\d+:\d+\)$/, '');
    return { rule: 'parse-error', severity: 'error', message: `Cannot parse this file: ${message}.`, file, line: error.line || 1, col: error.col || 1 };
  }
  const message = (error as Error).message.replace(/^refused: /, '');
  return { rule: 'portolan/refused-file', severity: 'error', message: `Refused this file: ${message}`, file, line: 1, col: 1 };
}

/**
 * Finds the root documents by parsing every file (with the same resolver the load then uses, so each
 * file is parsed once). Files in the shared folder are never roots: they exist to be referenced.
 */
export async function findRootDocuments(specsDir: string, limits: InputLimits = DEFAULT_LIMITS, resolver = new SafeResolver(specsDir, limits), budget: Pick<LoadOptions, 'onStage' | 'exceeded'> = {}): Promise<RootScan> {
  const files = await listSpecFiles(specsDir);
  const scan: RootScan = { roots: [], files, unparsed: new Map(), diagnostics: [] };
  for (const file of files) {
    if (getArea(resolver.specsRoot, fs.realpathSync(file)).kind === 'shared') continue;
    // Oversized files are left to the resolver, which refuses them with the limit's name.
    if (fs.statSync(file).size > limits.maxFileBytes) {
      scan.roots.push(file);
      continue;
    }
    const exceeded = budget.exceeded?.get(file);
    if (exceeded) {
      scan.unparsed.set(file, exceeded);
      continue;
    }
    try {
      budget.onStage?.(file, 'parse');
      const document = await resolver.resolveDocument(null, file);
      if (document instanceof Error) throw document;
      if (isRootDocument(document.parsed)) scan.roots.push(file);
    } catch (error) {
      const diagnostic = toScanDiagnostic(error, file);
      if (diagnostic.rule === 'parse-error') scan.unparsed.set(file, diagnostic);
      else scan.diagnostics.push(diagnostic);
    }
  }
  return scan;
}

/** Where the catalog's layout (roots, API folders, the shared folder) is explained. */
const ADDING_AN_API_DOCS = 'README.md#adding-an-api';

function getOrphanMessage(specsRoot: string, file: string): string {
  const area = getArea(specsRoot, file);
  switch (area.kind) {
    case 'shared':
      return `No API references this shared file, so nothing publishes it: reference it with a $ref from an API, or delete it.`;
    case 'api-folder':
      return `This file is not a root document (no top-level openapi or swagger key) and no $ref from an API reaches it, so nothing publishes it: reference it from the API in ${toSpecsPath(specsRoot, area.folder)}/, or delete it.`;
    default:
      return `This file is not a root document (no top-level openapi or swagger key), and a file directly in the specs folder can be referenced by no API, so nothing publishes it: make it an API, move it into an API's folder or into ${SHARED_FOLDER}/, or delete it.`;
  }
}

/**
 * Files that end up in no API: a warning naming each. A file that does not parse is an error instead
 * (it may be a root); its folder gets no orphan warnings, since what it references is unknown.
 */
function getUnusedFileDiagnostics(scan: RootScan, reached: Set<string>, resolver: SafeResolver): { diagnostics: Diagnostic[]; unparsedRoots: number } {
  const diagnostics: Diagnostic[] = [];
  const unknownAreas: Area[] = [];
  const roots = new Set(scan.roots);
  let unparsedRoots = 0;
  for (const [file, diagnostic] of scan.unparsed) {
    if (reached.has(fs.realpathSync(file))) continue;
    diagnostics.push(diagnostic);
    if (!/the file is empty/.test(diagnostic.message)) unparsedRoots += 1;
    unknownAreas.push(getArea(resolver.specsRoot, fs.realpathSync(file)));
  }
  for (const file of scan.files) {
    const real = fs.realpathSync(file);
    if (reached.has(real) || scan.unparsed.has(file) || roots.has(file)) continue;
    if (unknownAreas.some((area) => area.kind === 'api-folder' && isInArea(area, real))) continue;
    diagnostics.push({ rule: 'portolan/orphan-file', severity: 'warn', message: getOrphanMessage(resolver.specsRoot, real), file, line: 1, col: 1, docs: ADDING_AN_API_DOCS });
  }
  return { diagnostics, unparsedRoots };
}

function getNoApisDiagnostic(specsDir: string): Diagnostic {
  const folder = toDisplayPath(path.resolve(specsDir));
  return {
    rule: 'portolan/no-apis',
    severity: 'error',
    message: `No API found in ${folder}/: an API is a .yaml, .yml or .json file with a top-level openapi or swagger key, in its own folder (${folder}/<api>/openapi.yaml) or directly in ${folder}/. Add one with npm run new-api -- --id <api> --owner <team>, or pass the folder that holds your specs with --specs DIR.`,
    file: path.resolve(specsDir),
    line: 1,
    col: 1,
    docs: ADDING_AN_API_DOCS,
  };
}

/**
 * Loads every API of a specs folder. Given `roots` (a pull request's changed APIs), loads only those
 * and skips the catalog-wide checks (orphans, no APIs), which need every root.
 */
export async function loadCatalog(specsDir: string, config: Config, roots?: string[], limits: InputLimits = DEFAULT_LIMITS, options: LoadOptions = {}): Promise<CatalogLoadResult> {
  const resolver = new SafeResolver(specsDir, limits);
  const scan = roots ? undefined : await findRootDocuments(specsDir, limits, resolver, options);
  const rootFiles = roots ?? scan!.roots;
  const reachCounts = scan ? await getReachCounts(scan.roots, resolver) : undefined;
  if (reachCounts) resolver.setSharedFiles(new Set([...reachCounts].filter(([, count]) => count > 1).map(([file]) => file)));
  const apis: ApiRecord[] = [];
  const diagnostics: Diagnostic[] = [...(scan?.diagnostics ?? [])];
  for (const file of rootFiles) {
    const result = await loadSpec(file, config, resolver, options);
    diagnostics.push(...result.diagnostics);
    if (result.spec) apis.push(toApiRecord(result.spec, specsDir));
  }
  diagnostics.push(...getDuplicateIdDiagnostics(apis));
  let rootCount = rootFiles.length;
  if (scan && reachCounts) {
    const unused = getUnusedFileDiagnostics(scan, new Set(reachCounts.keys()), resolver);
    diagnostics.push(...unused.diagnostics);
    rootCount += unused.unparsedRoots;
    if (rootCount === 0) diagnostics.push(getNoApisDiagnostic(specsDir));
  }
  return { apis, diagnostics, rootCount };
}
