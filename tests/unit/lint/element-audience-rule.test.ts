import path from 'node:path';
import { lint, type Config } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_RULE_DEFAULTS } from '../../../src/lint/catalog-rules.ts';
import { loadLintConfig } from '../../../src/lint/lint-config.ts';
import { toDiagnostic } from '../../../src/load/load.ts';

const fixtures = path.resolve('tests/fixtures/unit-element-audience');

/** Lints one fixture and reports each problem as `line:col severity rule message`. */
async function problemsOf(file: string, config: Config): Promise<string[]> {
  const ref = path.join(fixtures, file);
  const problems = await lint({ ref, config });
  return problems.map((problem) => toDiagnostic(problem, ref)).map((d) => `${d.line}:${d.col} ${d.severity} ${d.rule} ${d.message}`);
}

describe('portolan/element-audience', () => {
  let config: Config;
  beforeAll(async () => {
    config = await loadLintConfig(path.join(fixtures, 'redocly.yaml'));
  });

  it('is an error by default', () => {
    expect(CATALOG_RULE_DEFAULTS['portolan/element-audience']).toBe('error');
  });

  it('points at x-audience: Internal on an operation, x-internal: "yes" on a server and x-partners: acme on a property', async () => {
    // An x-internal that is not true does not make the server internal, so its corp host is reported too.
    expect((await problemsOf('bad-values.yaml', config)).sort()).toEqual([
      `10:10 error portolan/server-internal-host Server host 'pets.corp.test' looks internal, but this is an open API: use its public host, or mark the server x-internal: true.`,
      `11:17 error portolan/element-audience x-internal must be true or false (got "yes"); it is shorthand for x-audience: internal.`,
      `16:19 error portolan/element-audience x-audience must be one of 'open', 'partner', 'internal' (got "Internal").`,
      `27:33 error portolan/element-audience x-partners must be a non-empty list of partner ids such as 'acme-retail' (got "acme").`,
    ]);
  });

  it('reports nothing for valid markers, nor for marker-like keys inside example values', async () => {
    expect(await problemsOf('good.yaml', config)).toEqual([]);
  });

  it('leaves the markers on info to the info rules, which check x-internal there too', async () => {
    expect(await problemsOf('info-markers.yaml', config)).toEqual([
      `7:15 error portolan/info-x-audience info.x-internal must be true or false (got "yes"); it is shorthand for info.x-audience: internal.`,
      `6:15 error portolan/info-x-audience info.x-audience must be one of 'open', 'partner', 'internal' (got "Internal"); leave it out to keep the API internal.`,
    ]);
  });
});
