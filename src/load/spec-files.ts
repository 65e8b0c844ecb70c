// Finds the API descriptions under a specs folder. A root document is a file whose parsed content has
// a top-level `openapi` or `swagger` key; every other YAML or JSON file is a fragment reached by `$ref`.
import fs from 'node:fs/promises';
import path from 'node:path';

export const SPEC_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
// Lint config (redocly.yaml) and the portal's branding (portolan.yaml) live beside the specs but are not specs.
const CONFIG_FILE_NAMES = new Set(['redocly.yaml', 'redocly.yml', '.redocly.yaml', 'portolan.yaml']);

export function isSpecFileName(name: string): boolean {
  return SPEC_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)) && !CONFIG_FILE_NAMES.has(name);
}

export async function listSpecFiles(specsDir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(full);
      } else if (entry.isFile() && isSpecFileName(entry.name)) {
        found.push(full);
      }
    }
  }
  await walk(specsDir);
  return found;
}

const ROOT_KEYS = ['openapi', 'swagger'];

function hasRootKey(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ROOT_KEYS.some((key) => Object.hasOwn(value, key));
}

/**
 * Whether a parsed file is a root document: a mapping with a top-level `openapi` or `swagger` key,
 * however the file spells it (JSON in a .yaml file, quoted or flow-style keys, a byte order mark).
 * A list whose first item is one is a root written wrongly: it counts, so loading it reports why.
 */
export function isRootDocument(parsed: unknown): boolean {
  return hasRootKey(parsed) || (Array.isArray(parsed) && hasRootKey(parsed[0]));
}

/** `specs/payments/openapi.yaml` is `payments`, `specs/billing.yaml` is `billing`. */
export function getPathDerivedId(specsDir: string, file: string): string {
  const relative = path.relative(specsDir, file).split(path.sep);
  const base = relative.pop() ?? '';
  const stem = base.replace(/\.(ya?ml|json)$/i, '');
  const generic = /^(openapi|swagger|api|index|spec)$/i.test(stem);
  const parts = generic && relative.length > 0 ? relative : [...relative, stem];
  return parts.join('-');
}
