// Stage one and two of the pipeline for a whole specs folder: find the root documents, lint and bundle
// each, and read their metadata. Every problem is collected; nothing stops at the first one.
import fs from 'node:fs/promises';
import type { Config } from '@redocly/openapi-core';
import { getDuplicateIdDiagnostics, toApiRecord, type ApiRecord } from './api.ts';
import type { Diagnostic } from './diagnostics.ts';
import { createResolver, loadSpec } from './load.ts';
import { isRootDocumentText, listSpecFiles } from './spec-files.ts';

export interface CatalogLoadResult {
  apis: ApiRecord[];
  diagnostics: Diagnostic[];
  rootCount: number;
}

export async function findRootDocuments(specsDir: string): Promise<string[]> {
  const files = await listSpecFiles(specsDir);
  const roots: string[] = [];
  for (const file of files) {
    const text = await fs.readFile(file, 'utf8');
    if (isRootDocumentText(file, text)) roots.push(file);
  }
  return roots;
}

export async function loadCatalog(specsDir: string, config: Config, roots?: string[]): Promise<CatalogLoadResult> {
  const rootFiles = roots ?? (await findRootDocuments(specsDir));
  const resolver = createResolver();
  const apis: ApiRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of rootFiles) {
    const result = await loadSpec(file, config, resolver);
    diagnostics.push(...result.diagnostics);
    if (result.spec) apis.push(toApiRecord(result.spec, specsDir));
  }
  diagnostics.push(...getDuplicateIdDiagnostics(apis));
  return { apis, diagnostics, rootCount: rootFiles.length };
}
