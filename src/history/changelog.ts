// Each API's changelog, from the git history of its files. Versions are loaded once per build
// (the I/O part); each audience's entries are then computed from that audience's filtered views, so
// a partner never reads "removed internal operation X".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '@redocly/openapi-core';
import type { ApiRecord } from '../load/api.ts';
import { diffApi, type ChangeLevel } from './api-diff.ts';
import { getDeclaredApiAudience, isVisibleTo, type BuildTarget } from '../core/audience.ts';
import { exportFiles, getLog, type Commit } from '../core/git.ts';
import { loadSpec, type SpecVersion } from '../load/load.ts';
import { asObject, type JsonObject } from '../core/openapi-shape.ts';
import { SafeResolver } from '../load/safe-resolver.ts';
import { convertSwagger2 } from '../load/swagger2.ts';
import { filterDocument } from '../audience/visibility.ts';

export const DEFAULT_CHANGELOG_DEPTH = 10;

export interface HistoricVersion {
  commit: Commit;
  document: JsonObject;
  version: SpecVersion;
}

export interface ChangelogEntry {
  date: string;
  /** info.version at that commit. */
  version: string;
  commit: string;
  /** Commit subjects are free text written for colleagues, so only the internal site shows them. */
  subject?: string;
  changes: { level: ChangeLevel; rule: string; message: string }[];
}

/**
 * The API as it was at each of its last commits, newest first. The root and the files it referenced
 * at HEAD are read with `git archive`, so the history of a multi-file spec follows its fragments too.
 */
export async function loadHistory(api: ApiRecord, repo: string, config: Config, depth = DEFAULT_CHANGELOG_DEPTH): Promise<HistoricVersion[]> {
  const commits = getLog(repo, api.spec.files, depth + 1);
  const versions: HistoricVersion[] = [];
  for (const commit of commits) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-history-'));
    try {
      exportFiles(repo, commit.hash, api.spec.files, work);
      const root = path.join(work, path.relative(repo, api.file));
      if (!fs.existsSync(root)) continue;
      const result = await loadSpec(root, config, new SafeResolver(work), { lint: false });
      if (result.spec) versions.push({ commit, document: result.spec.document as JsonObject, version: result.spec.version });
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  return versions;
}

function toVisibleView(document: JsonObject, version: SpecVersion, target: BuildTarget): JsonObject | undefined {
  const { audience, partners } = getDeclaredApiAudience(document.info);
  if (!isVisibleTo(audience, partners, target)) return undefined;
  const oas = version === 'oas2' ? 'oas2' : 'oas3';
  const filtered = filterDocument(document, target, oas).document;
  return oas === 'oas2' ? convertSwagger2(filtered) : filtered;
}

/**
 * The entries `target` may read: changes between consecutive versions, as that audience sees them.
 * `complete` says the history reaches the API's first commit, which then appears as its creation.
 */
export function toChangelog(history: readonly HistoricVersion[], target: BuildTarget, complete = false): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  for (let index = 0; index + 1 < history.length; index += 1) {
    const newer = history[index]!;
    const older = history[index + 1]!;
    const after = toVisibleView(newer.document, newer.version, target);
    if (!after) continue;
    const before = toVisibleView(older.document, older.version, target);
    const changes = before
      ? diffApi(before, after).map(({ level, rule, message }) => ({ level, rule, message }))
      : [{ level: 'non-breaking' as const, rule: 'api-added', message: 'The API was published.' }];
    // A commit that changed nothing this audience can see does not appear in its changelog.
    if (changes.length === 0) continue;
    entries.push({
      date: newer.commit.date,
      version: String(asObject(newer.document.info).version ?? ''),
      commit: newer.commit.hash.slice(0, 10),
      subject: target.audience === 'internal' ? newer.commit.subject : undefined,
      changes,
    });
  }
  const first = history.at(-1);
  if (complete && first && toVisibleView(first.document, first.version, target)) {
    entries.push({
      date: first.commit.date,
      version: String(asObject(first.document.info).version ?? ''),
      commit: first.commit.hash.slice(0, 10),
      subject: target.audience === 'internal' ? first.commit.subject : undefined,
      changes: [{ level: 'non-breaking', rule: 'api-added', message: 'The API was added to the catalog.' }],
    });
  }
  return entries;
}

export interface ApiHistory {
  versions: HistoricVersion[];
  /** The versions reach back to the API's first commit. */
  complete: boolean;
}

export async function loadApiHistory(api: ApiRecord, repo: string, config: Config, depth = DEFAULT_CHANGELOG_DEPTH): Promise<ApiHistory> {
  const versions = await loadHistory(api, repo, config, depth);
  return { versions, complete: versions.length <= depth };
}
