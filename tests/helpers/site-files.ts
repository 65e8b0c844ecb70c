// Reads every file of a built site as text, decompressing Pagefind's gzip files, so tests can assert
// what is (and is not) anywhere in the output.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

export function readAllText(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of listFiles(dir)) {
    let bytes = fs.readFileSync(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
    files.set(path.relative(dir, file), bytes.toString('utf8'));
  }
  return files;
}

/** Files (and file names) that contain `needle`. */
export function findInSite(site: Map<string, string>, needle: string): string[] {
  return [...site].filter(([name, text]) => name.includes(needle) || text.includes(needle)).map(([name]) => name);
}

export function readHtml(siteDir: string, urlPath: string): string {
  return fs.readFileSync(path.join(siteDir, urlPath.replace(/^\//, ''), 'index.html'), 'utf8');
}
