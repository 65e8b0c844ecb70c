// Loads the repo's redocly.yaml (or Portolan's default) into a Redocly Config with Portolan's catalog
// rules plugged in. A broken config is a usage problem (exit 2), never a spec problem.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfig, lintConfig, type Config } from '@redocly/openapi-core';
import YAML from 'yaml';
import { CATALOG_RULE_DEFAULTS, catalogPlugin } from './catalog-rules.ts';

export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('../config/redocly.yaml', import.meta.url));
export const CONFIG_FILE_NAME = 'redocly.yaml';

export class ConfigError extends Error {}

/** `--config` if given, else `<specs>/redocly.yaml` if it exists, else the project's own. */
export function getConfigPath(specsDir: string, explicit?: string): string {
  if (explicit) return path.resolve(explicit);
  const inSpecs = path.join(specsDir, CONFIG_FILE_NAME);
  return fs.existsSync(inSpecs) ? inSpecs : DEFAULT_CONFIG_PATH;
}

export async function loadLintConfig(configPath: string): Promise<Config> {
  let text: string;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch {
    throw new ConfigError(`${configPath}: cannot read the lint config; check the --config path.`);
  }
  let raw: unknown;
  try {
    raw = YAML.parse(text, { maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new ConfigError(`${configPath}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${configPath}: a redocly.yaml must be a mapping (e.g. "extends: [recommended]").`);
  }
  const rawConfig = raw as Record<string, unknown>;
  const userRules = (rawConfig.rules ?? {}) as Record<string, unknown>;
  // A ref that cannot be resolved, or that Portolan refused, always stops the build: a description
  // with holes in it must never be published, whatever the repo's config says.
  const merged = { ...rawConfig, rules: { ...CATALOG_RULE_DEFAULTS, ...userRules, 'no-unresolved-refs': 'error' } };
  let config: Config;
  try {
    config = await createConfig(merged as never, { configPath, plugins: [catalogPlugin] });
  } catch (error) {
    throw new ConfigError(`${configPath}: ${(error as Error).message.split('\n')[0]}`);
  }
  const configProblems = (await lintConfig({ config })).filter((p) => p.severity === 'error');
  if (configProblems.length > 0) {
    const details = configProblems.map((p) => `${p.message} (at ${p.location[0]?.pointer ?? '#/'})`).join('; ');
    throw new ConfigError(`${configPath}: invalid lint config: ${details}`);
  }
  return config;
}
