import path from 'node:path';
import { lintFromString, type Config } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toNewApiDocument, toSpecText, type NewApiOptions } from '../../../src/cli/scaffold.ts';
import { CATALOG_RULE_DEFAULTS } from '../../../src/lint/catalog-rules.ts';
import { DEFAULT_CONFIG_PATH, loadLintConfig } from '../../../src/lint/lint-config.ts';
import { toDiagnostic } from '../../../src/load/load.ts';

const RULE = 'portolan/no-scaffold-placeholder';
const options: NewApiOptions = { id: 'payments', owner: 'team-payments', title: 'Payments API', audience: 'internal', specsDir: '/repo/specs', format: 'yaml' };

/** Lints a description given as data; lists this rule's problems as `pointer severity message`. */
async function placeholderProblems(document: Record<string, unknown>, config: Config): Promise<string[]> {
  const ref = path.resolve('/repo/specs/payments/openapi.yaml');
  const problems = await lintFromString({ source: toSpecText(document, 'yaml'), absoluteRef: ref, config });
  return problems.map((p) => toDiagnostic(p, ref)).filter((d) => d.rule === RULE).map((d) => `${d.pointer} ${d.severity} ${d.message}`);
}

const DESCRIPTION = 'This description is the placeholder npm run new-api wrote: replace it with your own.';

describe(RULE, () => {
  let config: Config;
  beforeAll(async () => {
    config = await loadLintConfig(DEFAULT_CONFIG_PATH);
  });

  it('is a warning by default', () => {
    expect(CATALOG_RULE_DEFAULTS[RULE]).toBe('warn');
  });

  it('warns at every placeholder new-api writes for an internal API', async () => {
    expect(await placeholderProblems(toNewApiDocument(options), config)).toEqual([
      `#/info/description warn ${DESCRIPTION}`,
      "#/info/license/url warn 'https://legal.example/licenses/proprietary' is a placeholder URL npm run new-api wrote: replace it with the real one.",
      "#/servers/0/url warn 'https://api.example/payments' is a placeholder URL npm run new-api wrote: replace it with the real one.",
      `#/servers/0/description warn ${DESCRIPTION}`,
      `#/tags/0/description warn ${DESCRIPTION}`,
      `#/paths/~1health/get/description warn ${DESCRIPTION}`,
      `#/components/securitySchemes/bearerAuth/description warn ${DESCRIPTION}`,
    ]);
  });

  it('makes every placeholder of a partner API an error, the support URL included', async () => {
    const problems = await placeholderProblems(toNewApiDocument({ ...options, audience: 'partner' }), config);
    expect(problems).toHaveLength(8);
    expect(problems.every((p) => p.includes(' error ') && p.endsWith('Placeholders must never reach partner readers.'))).toBe(true);
    expect(problems[1]).toBe("#/info/contact/url error 'https://support.example/apis/payments' is a placeholder URL npm run new-api wrote: replace it with the real one. Placeholders must never reach partner readers.");
  });

  it('makes placeholders of an open API errors even where redocly.yaml sets the rule to warn', async () => {
    const warn = await loadLintConfig(path.resolve('tests/fixtures/unit-scaffold-placeholder/warn.yaml'));
    const problems = await placeholderProblems(toNewApiDocument({ ...options, audience: 'open' }), warn);
    expect(problems[0]).toBe(`#/info/description error ${DESCRIPTION} Placeholders must never reach open readers.`);
  });

  it('says nothing once the text is the team’s own, and reads a property named description as a name', async () => {
    const document = toNewApiDocument(options) as Record<string, any>;
    document.info.description = 'Moves money between accounts.';
    document.info.license = { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' };
    document.servers = [{ url: 'https://payments.northwind.example.com' }];
    document.tags[0].description = 'Whether the API is up.';
    document.paths['/health'].get.description = 'Answers 200 while the service is up.';
    document.components.securitySchemes.bearerAuth.description = 'A token from the identity service.';
    document.components.schemas.Health.properties.description = { type: 'string', description: 'Free text.' };
    expect(await placeholderProblems(document, config)).toEqual([]);
  });

  it('can be turned off in redocly.yaml', async () => {
    const off = await loadLintConfig(path.resolve('tests/fixtures/unit-scaffold-placeholder/off.yaml'));
    expect(await placeholderProblems(toNewApiDocument({ ...options, audience: 'open' }), off)).toEqual([]);
  });
});
