import path from 'node:path';
import { lint, type Config } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/load/catalog-load.ts';
import { CATALOG_RULE_DEFAULTS } from '../../../src/lint/catalog-rules.ts';
import { loadLintConfig } from '../../../src/lint/lint-config.ts';
import { toDiagnostic } from '../../../src/load/load.ts';

const fixtures = path.resolve('tests/fixtures/unit-catalog-rules');

/** Lints one fixture and reports each problem as `line:col severity rule message`. */
async function problemsOf(file: string, config: Config): Promise<string[]> {
  const ref = path.join(fixtures, file);
  const problems = await lint({ ref, config });
  return problems
    .map((problem) => toDiagnostic(problem, ref))
    .map((d) => `${d.line}:${d.col} ${d.severity} ${d.rule} ${d.message}`);
}

describe('Portolan catalog rules', () => {
  let config: Config;
  beforeAll(async () => {
    config = await loadLintConfig(path.join(fixtures, 'redocly.yaml'));
  });

  it('reports nothing for an API with valid catalog fields', async () => {
    expect(await problemsOf('good.yaml', config)).toEqual([]);
  });

  it('points at an unknown audience, lifecycle and malformed API id', async () => {
    expect(await problemsOf('bad-values.yaml', config)).toEqual([
      `6:15 error portolan/info-x-audience info.x-audience must be one of 'open', 'partner', 'internal' (got "public"); leave it out to keep the API internal.`,
      `7:16 error portolan/info-x-lifecycle info.x-lifecycle must be one of 'experimental', 'production', 'deprecated', 'retired' (got "beta").`,
      `8:13 error portolan/info-x-api-id info.x-api-id must use lowercase letters, digits and hyphens (got "Bad_Id").`,
    ]);
  });

  it('points at each invalid partner id and at x-partners on an API that is not for partners', async () => {
    expect(await problemsOf('bad-partners.yaml', config)).toEqual([
      `9:7 error portolan/info-x-partners Partner id "Acme Retail" is not valid: use lowercase letters, digits and hyphens (e.g. 'acme-retail').`,
      `8:5 error portolan/info-x-partners info.x-partners only applies to partner APIs: set info.x-audience to 'partner' or remove x-partners.`,
    ]);
  });

  it('rejects an empty partner list', async () => {
    expect(await problemsOf('empty-partners.yaml', config)).toEqual([
      `7:15 error portolan/info-x-partners info.x-partners must be a non-empty list of partner ids; leave it out to show the API to every partner.`,
    ]);
  });

  it('points at the info key when x-owner is missing, with the severity set in redocly.yaml', async () => {
    expect(await problemsOf('no-owner.yaml', config)).toEqual([
      `2:1 warn portolan/info-x-owner info.x-owner is required: name the owning team (e.g. 'team-payments') so readers know who to ask and CODEOWNERS knows who reviews.`,
    ]);
  });

  it('checks Swagger 2.0 descriptions too, pointing at a blank x-owner', async () => {
    expect(await problemsOf('blank-owner.yaml', config)).toEqual([
      `5:12 warn portolan/info-x-owner info.x-owner is required: name the owning team (e.g. 'team-payments') so readers know who to ask and CODEOWNERS knows who reviews.`,
    ]);
  });

  it('reports a missing owner as an error by default', async () => {
    expect(CATALOG_RULE_DEFAULTS['portolan/info-x-owner']).toBe('error');
    const defaults = await loadLintConfig(path.join(fixtures, 'defaults.yaml'));
    expect(await problemsOf('no-owner.yaml', defaults)).toEqual([
      `2:1 error portolan/info-x-owner info.x-owner is required: name the owning team (e.g. 'team-payments') so readers know who to ask and CODEOWNERS knows who reviews.`,
    ]);
  });

  it('lets redocly.yaml turn a catalog rule off', async () => {
    const off = await loadLintConfig(path.join(fixtures, 'off.yaml'));
    expect(await problemsOf('no-owner.yaml', off)).toEqual([]);
  });
});

describe('portolan/info-contact', () => {
  let defaults: Config;
  beforeAll(async () => {
    defaults = await loadLintConfig(path.join(fixtures, 'defaults.yaml'));
  });

  it('is an error by default', () => {
    expect(CATALOG_RULE_DEFAULTS['portolan/info-contact']).toBe('error');
  });

  it('points at the info key of an open API without a contact', async () => {
    expect(await problemsOf('contact-open-missing.yaml', defaults)).toEqual([
      '2:1 error portolan/info-contact info.contact with an email or url is required for open APIs: outside readers need a way to reach the owning team.',
    ]);
  });

  it('points at a partner API contact that has neither email nor url', async () => {
    expect(await problemsOf('contact-without-way.yaml', defaults)).toEqual([
      '8:5 error portolan/info-contact info.contact with an email or url is required for partner APIs: outside readers need a way to reach the owning team.',
    ]);
  });

  it('accepts a partner API with contact.email', async () => {
    expect(await problemsOf('contact-partner.yaml', defaults)).toEqual([]);
  });

  it('asks nothing of an internal API', async () => {
    expect(await problemsOf('contact-internal.yaml', defaults)).toEqual([]);
  });
});

describe('portolan/server-internal-host', () => {
  let defaults: Config;
  beforeAll(async () => {
    defaults = await loadLintConfig(path.join(fixtures, 'defaults.yaml'));
  });

  it('is an error by default', () => {
    expect(CATALOG_RULE_DEFAULTS['portolan/server-internal-host']).toBe('error');
  });

  it('points at the url of an open API server on an internal host, and only at that one', async () => {
    expect(await problemsOf('server-corp.yaml', defaults)).toEqual([
      "10:10 error portolan/server-internal-host Server host 'api.corp.example.com' looks internal, but this is an open API: use its public host, or mark the server x-internal: true.",
    ]);
  });

  it('accepts the same server once it is marked x-internal: true', async () => {
    expect(await problemsOf('server-corp-marked.yaml', defaults)).toEqual([]);
  });

  it('ignores servers of internal APIs', async () => {
    expect(await problemsOf('server-corp-internal-api.yaml', defaults)).toEqual([]);
  });

  it('flags localhost and corp hosts by default, but not a host only the repo calls internal', async () => {
    expect(await problemsOf('server-custom-hosts.yaml', defaults)).toEqual([
      "9:10 error portolan/server-internal-host Server host 'api.corp.example.com' looks internal, but this is an open API: use its public host, or mark the server x-internal: true.",
      "10:10 error portolan/server-internal-host Server host 'localhost' looks internal, but this is an open API: use its public host, or mark the server x-internal: true.",
    ]);
  });

  it('uses only the patterns set in redocly.yaml when it sets some', async () => {
    const custom = await loadLintConfig(path.join(fixtures, 'internal-hosts.yaml'));
    expect(await problemsOf('server-custom-hosts.yaml', custom)).toEqual([
      "11:10 error portolan/server-internal-host Server host 'api.mycorp.example' looks internal, but this is an open API: use its public host, or mark the server x-internal: true.",
    ]);
    expect(await problemsOf('server-corp.yaml', custom)).toEqual([]);
  });

  // Its contact has only a url, which is enough: the one problem is the host.
  it('checks the host of a Swagger 2.0 partner API, without its port', async () => {
    expect(await problemsOf('swagger-localhost.yaml', defaults)).toEqual([
      "9:7 error portolan/server-internal-host Server host 'localhost' looks internal, but this is a partner API: use its public host.",
    ]);
  });

  it('reads the host of a server URL without a scheme, and skips a relative one', async () => {
    expect(await problemsOf('server-protocol-relative.yaml', defaults)).toEqual([
      "10:10 error portolan/server-internal-host Server host 'build.corp' looks internal, but this is an open API: use its public host, or mark the server x-internal: true.",
    ]);
  });

  it('checks every default and enum value of server variables, pointing at the value that names the internal host', async () => {
    expect(await problemsOf('server-variables.yaml', defaults)).toEqual([
      "13:33 error portolan/server-internal-host Server host 'staging.corp' (server variable 'host' set to 'staging.corp') looks internal, but this is an open API: list only public hosts in variable 'host', or mark the server x-internal: true.",
      "17:18 error portolan/server-internal-host Server host 'localhost' (server variable 'base' set to 'http://localhost:8080') looks internal, but this is an open API: list only public hosts in variable 'base', or mark the server x-internal: true.",
      "18:10 error portolan/server-internal-host Server host 'eu.api.corp' looks internal, but this is an open API: use its public host, or mark the server x-internal: true.",
    ]);
  });

  it('checks the host of a Swagger 2.0 open API, without its port or trailing dot', async () => {
    expect(await problemsOf('swagger-corp-host.yaml', defaults)).toEqual([
      "9:7 error portolan/server-internal-host Server host 'build.corp' looks internal, but this is an open API: use its public host.",
    ]);
  });
});

describe('loadCatalog', () => {
  const specsDir = path.resolve('tests/fixtures/unit-catalog-dup');

  it('loads every root, skips fragments and reports two APIs that derive the same id', async () => {
    const config = await loadLintConfig(path.join(specsDir, 'redocly.yaml'));
    const result = await loadCatalog(specsDir, config);
    expect(result.rootCount).toBe(2);
    expect(result.apis.map((api) => [api.id, api.title])).toEqual([
      ['orders', 'Orders (folder)'],
      ['orders', 'Orders (flat file)'],
    ]);
    expect(result.diagnostics).toEqual([
      {
        rule: 'portolan/unique-api-id',
        severity: 'error',
        message: `API id 'orders' is already used by ${path.relative(process.cwd(), path.join(specsDir, 'orders/openapi.yaml'))}; set a distinct info.x-api-id in one of them.`,
        file: path.join(specsDir, 'orders.yaml'),
        pointer: '#/info',
        line: 2,
        col: 1,
      },
    ]);
  });
});
