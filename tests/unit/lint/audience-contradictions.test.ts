import path from 'node:path';
import { lint, type Config } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLintConfig } from '../../../src/lint/lint-config.ts';
import { toDiagnostic } from '../../../src/load/load.ts';

const fixtures = path.resolve('tests/fixtures/unit-audience-contradictions');

/** Lints one fixture and reports each problem as `line:col severity rule message`. */
async function problemsOf(file: string, config: Config): Promise<string[]> {
  const ref = path.join(fixtures, file);
  const problems = await lint({ ref, config });
  return problems.map((problem) => toDiagnostic(problem, ref)).map((d) => `${d.line}:${d.col} ${d.severity} ${d.rule} ${d.message}`);
}

describe('contradictory audience markers are lint errors', () => {
  let config: Config;
  beforeAll(async () => {
    config = await loadLintConfig(path.join(fixtures, 'redocly.yaml'));
  });

  it('names both markers on an element, how the build reads them and the fix', async () => {
    expect((await problemsOf('elements.yaml', config)).sort()).toEqual([
      `12:19 error portolan/element-audience x-audience: open and x-partners contradict each other; the element is read as partner content for acme, the narrower of the two. Keep one: remove x-partners to make it open, or set x-audience: partner to show it only to the partners listed.`,
      `18:19 error portolan/element-audience x-internal: true and x-audience: partner contradict each other; the element is read as internal, the narrower of the two. Keep one: remove x-internal to show it to partners, or remove x-audience to keep it internal.`,
      `24:19 error portolan/element-audience x-internal: false and x-audience: internal contradict each other; the element is read as internal, the narrower of the two. Keep one: remove x-internal: false to keep it internal, or change x-audience to show it wider.`,
    ]);
  });

  it('reads x-internal: true next to x-audience: open on info like on any element', async () => {
    expect(await problemsOf('info-internal-open.yaml', config)).toEqual([
      `7:15 error portolan/info-x-audience info.x-internal: true and info.x-audience: open contradict each other; the API is read as internal, the narrower of the two. Keep one: remove x-internal to show it to everyone, or remove x-audience to keep it internal.`,
    ]);
  });

  it('reports x-audience: open with x-partners on info as a contradiction', async () => {
    expect(await problemsOf('info-open-partners.yaml', config)).toEqual([
      `7:15 error portolan/info-x-partners info.x-audience: open and info.x-partners contradict each other; the API is read as partner content for acme, the narrower of the two. Keep one: remove x-partners to make it open, or set x-audience: partner to show it only to the partners listed.`,
    ]);
  });

  it('does not read properties or Examples named x-internal, x-audience or value as markers', async () => {
    expect(await problemsOf('keyword-names.yaml', config)).toEqual([]);
  });
});
