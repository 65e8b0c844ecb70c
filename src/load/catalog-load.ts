// Stage one and two of the pipeline for a whole specs folder: find the root documents, lint and bundle
// each, and read their metadata. Every problem is collected; nothing stops at the first one.
import fs from 'node:fs/promises';
import type { Config } from '@redocly/openapi-core';
import { getDuplicateIdDiagnostics, toApiRecord, type ApiRecord } from './api.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { loadSpec, type LoadOptions } from './load.ts';
import { DEFAULT_LIMITS, SafeResolver, type InputLimits } from './safe-resolver.ts';
import { isRootDocumentText, listSpecFiles } from './spec-files.ts';

export interface CatalogLoadResult {
  apis: ApiRecord[];
  diagnostics: Diagnostic[];
  rootCount: number;
}

export interface RootScan {
  roots: string[];
  /** Files that cannot be anything: empty ones. */
  diagnostics: Diagnostic[];
}

export async function findRootDocuments(specsDir: string, limits: InputLimits = DEFAULT_LIMITS): Promise<RootScan> {
  const files = await listSpecFiles(specsDir);
  const roots: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const { size } = await fs.stat(file);
    // Oversized files are left to the resolver, which refuses them with the limit's name.
    if (size > limits.maxFileBytes) {
      roots.push(file);
      continue;
    }
    const text = await fs.readFile(file, 'utf8');
    if (text.trim() === '') {
      diagnostics.push({ rule: 'parse-error', severity: 'error', message: 'Cannot parse this file: the file is empty; delete it or write a description in it.', file, line: 1, col: 1 });
    } else if (isRootDocumentText(file, text)) {
      roots.push(file);
    }
  }
  return { roots, diagnostics };
}

export async function loadCatalog(specsDir: string, config: Config, roots?: string[], limits: InputLimits = DEFAULT_LIMITS, options: LoadOptions = {}): Promise<CatalogLoadResult> {
  const scan = roots ? { roots, diagnostics: [] } : await findRootDocuments(specsDir, limits);
  const rootFiles = scan.roots;
  const resolver = new SafeResolver(specsDir, limits);
  const apis: ApiRecord[] = [];
  const diagnostics: Diagnostic[] = [...scan.diagnostics];
  for (const file of rootFiles) {
    const result = await loadSpec(file, config, resolver, options);
    diagnostics.push(...result.diagnostics);
    if (result.spec) apis.push(toApiRecord(result.spec, specsDir));
  }
  diagnostics.push(...getDuplicateIdDiagnostics(apis));
  return { apis, diagnostics, rootCount: rootFiles.length };
}
