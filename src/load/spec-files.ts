// Finds the API descriptions under a specs folder. A root document is a file with a top-level
// `openapi:` or `swagger:` key; every other YAML or JSON file is a fragment reached by `$ref`.
import fs from 'node:fs/promises';
import path from 'node:path';

export const SPEC_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const CONFIG_FILE_NAMES = new Set(['redocly.yaml', 'redocly.yml', '.redocly.yaml']);
const YAML_ROOT_KEY = /^(?:- +)?(?:openapi|swagger)[ \t]*:/m;
const JSON_ROOT_KEY = /"(?:openapi|swagger)"\s*:/;

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

/**
 * Decides from the text alone whether a file is a root document, so fragments are never parsed twice.
 * For JSON the key must appear in the top-level object; we only look at the head of the file because
 * real descriptions put `openapi`/`swagger` first or close to it.
 */
export function isRootDocumentText(fileName: string, text: string): boolean {
  if (fileName.toLowerCase().endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Broken JSON that looks like a root still counts, so the user hears about the syntax error.
      return JSON_ROOT_KEY.test(text.slice(0, 4096)) || YAML_ROOT_KEY.test(text.slice(0, 4096));
    }
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return 'openapi' in parsed || 'swagger' in parsed;
    // A list or scalar that names openapi is a root gone wrong: parsing it reports that.
    return JSON_ROOT_KEY.test(text.slice(0, 4096));
  }
  // `- openapi:` is a root written as a list item by mistake: counted, so the parse reports it.
  return YAML_ROOT_KEY.test(text);
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
