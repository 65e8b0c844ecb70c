import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG_PATH, getConfigPath, loadLintConfig } from '../../../src/lint/lint-config.ts';

const fixtures = path.resolve('tests/fixtures/unit-lint-config');
const fixture = (name: string) => path.join(fixtures, name);

async function errorOf(configPath: string): Promise<ConfigError> {
  try {
    await loadLintConfig(configPath);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`${configPath} loaded without an error`);
}

describe('getConfigPath', () => {
  it('prefers --config, then the specs folder redocly.yaml, then the default', () => {
    expect(getConfigPath('specs', 'custom/lint.yaml')).toBe(path.resolve('custom/lint.yaml'));
    expect(getConfigPath('tests/fixtures/unit-catalog-dup')).toBe(path.join('tests/fixtures/unit-catalog-dup', 'redocly.yaml'));
    expect(getConfigPath(fixtures)).toBe(DEFAULT_CONFIG_PATH);
  });
});

describe('loadLintConfig', () => {
  it('says when the config cannot be read', async () => {
    expect((await errorOf(fixture('missing.yaml'))).message).toBe(`${fixture('missing.yaml')}: cannot read the lint config; check the --config path.`);
  });

  it('says when the config is not valid YAML, on one line', async () => {
    expect((await errorOf(fixture('broken.yaml'))).message).toBe(
      `${fixture('broken.yaml')}: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1:`,
    );
  });

  it('says when the config is not a mapping', async () => {
    expect((await errorOf(fixture('list.yaml'))).message).toBe(`${fixture('list.yaml')}: a redocly.yaml must be a mapping (e.g. "extends: [recommended]").`);
  });

  it('names the rule with an invalid severity', async () => {
    expect((await errorOf(fixture('bad-severity.yaml'))).message).toBe(
      `${fixture('bad-severity.yaml')}: invalid lint config: \`operation-4xx-response\` can be one of the following only: "error", "warn", "off". (at #/rules/operation-4xx-response)`,
    );
  });

  it('loads the default config shipped with Portolan', async () => {
    await expect(loadLintConfig(DEFAULT_CONFIG_PATH)).resolves.toBeDefined();
  });
});
