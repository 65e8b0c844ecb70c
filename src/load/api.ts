// What an API says about itself (info.x-*), read once from the bundled document into a typed record.
import path from 'node:path';
import { getDeclaredApiAudience, isLifecycle, type Audience, type Lifecycle } from '../core/audience.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { LoadedSpec } from './load.ts';
import { toSummary } from '../core/markdown.ts';
import { asObject, asString } from '../core/openapi-shape.ts';
import { getPathDerivedId } from './spec-files.ts';
import { toSlug } from '../core/slug.ts';

export interface ApiRecord {
  id: string;
  title: string;
  summary: string;
  version: string;
  audience: Audience;
  /** Partner ids that may see a partner API; undefined means every partner. */
  partners?: string[];
  owner?: string;
  lifecycle?: Lifecycle;
  file: string;
  spec: LoadedSpec;
}

export function toApiRecord(spec: LoadedSpec, specsDir: string): ApiRecord {
  const info = asObject(spec.document.info);
  const explicitId = asString(info['x-api-id']);
  const id = toSlug(explicitId ?? getPathDerivedId(specsDir, spec.file), 'api');
  const { audience, partners } = getDeclaredApiAudience(info);
  return {
    id,
    title: asString(info.title) ?? id,
    summary: toSummary(info.description),
    version: String(info.version ?? ''),
    audience,
    partners,
    owner: asString(info['x-owner']),
    lifecycle: isLifecycle(info['x-lifecycle']) ? info['x-lifecycle'] : undefined,
    file: spec.file,
    spec,
  };
}

/** Two APIs with one id would overwrite each other's pages: an error that names both files. */
export function getDuplicateIdDiagnostics(apis: readonly ApiRecord[], cwd = process.cwd()): Diagnostic[] {
  const byId = new Map<string, ApiRecord>();
  const diagnostics: Diagnostic[] = [];
  for (const api of apis) {
    const first = byId.get(api.id);
    if (!first) {
      byId.set(api.id, api);
      continue;
    }
    diagnostics.push({
      rule: 'portolan/unique-api-id',
      severity: 'error',
      message: `API id '${api.id}' is already used by ${path.relative(cwd, first.file) || first.file}; set a distinct info.x-api-id in one of them.`,
      file: api.file,
      ...api.spec.idLocation,
    });
  }
  return diagnostics;
}
