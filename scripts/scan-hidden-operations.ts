// An independent check of built sites: which operations each site may show, decided from the specs'
// audience markers read here (not by Portolan's filter nor its leak check), and whether the sites
// agree. It takes the operationIds that occur exactly once in the whole catalog (as a whole word, so a
// hit can only be that operation) and greps every file of every site, Pagefind decompressed.
//
//   node scripts/scan-hidden-operations.ts --specs DIR --out DIR
//
// Reports, per site, how many of those operations are hidden from it and how many of them were found
// anyway (must be 0), and how many of the ones it may show it does show. Exit 1 when a hidden one is
// found, or the internal site lacks any. Root files only: path items pulled in by `$ref` from other
// files are not followed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import YAML from 'yaml';

type Reading = { rank: number; partners?: string[] };
type Site = { name: string; audience: 'internal' | 'partner' | 'open'; partner?: string };
interface Operation {
  id: string;
  file: string;
  readings: Reading[];
}

const RANK = { open: 0, partner: 1, internal: 2 } as const;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const MIN_ID_LENGTH = 6;
const WORD = /[A-Za-z0-9_]/;

/** Markers of one object, narrowest reading; undefined when it has none. Deliberately not shared with src/. */
function readMarkers(node: Record<string, unknown>): Reading | undefined {
  const has = (key: string) => Object.hasOwn(node, key);
  if (!has('x-audience') && !has('x-internal') && !has('x-partners')) return undefined;
  if (has('x-internal') && node['x-internal'] !== false) return { rank: RANK.internal };
  const audience = node['x-audience'];
  if (has('x-audience') && audience !== 'open' && audience !== 'partner' && audience !== 'internal') return { rank: RANK.internal };
  const rank = has('x-audience') ? RANK[audience as keyof typeof RANK] : RANK.open;
  if (!has('x-partners')) return { rank };
  const partners = node['x-partners'];
  if (!Array.isArray(partners) || partners.length === 0 || !partners.every((p) => typeof p === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(p))) return { rank: RANK.internal };
  return rank === RANK.internal ? { rank } : { rank: RANK.partner, partners };
}

function maySee(site: Site, reading: Reading): boolean {
  if (reading.rank > RANK[site.audience]) return false;
  if (reading.rank !== RANK.partner || site.audience !== 'partner' || !reading.partners) return true;
  return site.partner !== undefined && reading.partners.includes(site.partner);
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

function readText(file: string): string {
  let bytes = fs.readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
  return bytes.toString('utf8');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Operations of the root descriptions in `specsDir`, each with the markers of its API, path item and itself. */
function readOperations(specsDir: string): { operations: Operation[]; catalogText: string } {
  const operations: Operation[] = [];
  const texts: string[] = [];
  for (const file of listFiles(specsDir).filter((f) => /\.(json|ya?ml)$/i.test(f))) {
    const text = fs.readFileSync(file, 'utf8');
    texts.push(text);
    let document: unknown;
    try {
      document = YAML.parse(text, { maxAliasCount: 100 });
    } catch {
      continue;
    }
    if (!isObject(document) || (document.openapi === undefined && document.swagger === undefined)) continue;
    const info = isObject(document.info) ? document.info : {};
    const api = readMarkers(info) ?? { rank: RANK.internal };
    for (const section of ['paths', 'webhooks']) {
      const items = isObject(document[section]) ? document[section] : {};
      for (const item of Object.values(items)) {
        if (!isObject(item)) continue;
        const itemReading = readMarkers(item);
        for (const method of METHODS) {
          const operation = item[method];
          if (!isObject(operation) || typeof operation.operationId !== 'string') continue;
          const readings = [api, itemReading, readMarkers(operation)].filter((r): r is Reading => r !== undefined);
          operations.push({ id: operation.operationId, file, readings });
        }
      }
    }
  }
  return { operations, catalogText: texts.join('\n') };
}

/** How often `word` stands as a whole word in `text`. */
function countWord(text: string, word: string, limit = 2): number {
  let count = 0;
  for (let index = text.indexOf(word); index >= 0 && count < limit; index = text.indexOf(word, index + 1)) {
    const before = index > 0 ? text[index - 1]! : '';
    const after = text[index + word.length] ?? '';
    if (!WORD.test(before) && !WORD.test(after)) count += 1;
  }
  return count;
}

function toSite(name: string): Site | undefined {
  if (name === 'internal' || name === 'open' || name === 'partner') return { name, audience: name };
  if (name.startsWith('partner-')) return { name, audience: 'partner', partner: name.slice('partner-'.length) };
  return undefined;
}

const { values } = parseArgs({ options: { specs: { type: 'string' }, out: { type: 'string' } } });
if (!values.specs || !values.out) {
  console.error('usage: node scripts/scan-hidden-operations.ts --specs DIR --out DIR');
  process.exit(2);
}
const { operations, catalogText } = readOperations(values.specs);
// Whole words of the catalog, counted once: an id that stands once in every spec file together is unique.
const catalogWords = new Map<string, number>();
for (const word of catalogText.match(/[A-Za-z0-9_]+/g) ?? []) catalogWords.set(word, (catalogWords.get(word) ?? 0) + 1);
const countInCatalog = (id: string) => (/^[A-Za-z0-9_]+$/.test(id) ? (catalogWords.get(id) ?? 0) : countWord(catalogText, id));
const unique = operations.filter((op) => op.id.length >= MIN_ID_LENGTH && countInCatalog(op.id) === 1);
console.log(`${operations.length} operations in ${values.specs}; ${unique.length} operationIds occur exactly once in the catalog`);

let failed = false;
for (const name of fs.readdirSync(values.out).sort()) {
  const site = toSite(name);
  if (!site || !fs.statSync(path.join(values.out, name)).isDirectory()) continue;
  const siteDir = path.join(values.out, name);
  const hidden = unique.filter((op) => !op.readings.every((reading) => maySee(site, reading)));
  const shown = unique.filter((op) => !hidden.includes(op));
  // One file at a time: a 200-API site is over a gigabyte of text, too much to hold at once.
  const wanted = new Set(unique.map((op) => op.id));
  const found = new Set<string>();
  // An id with other characters (`pets.list`) is looked for only in files holding its longest word.
  const phrasesByWord = new Map<string, string[]>();
  for (const id of unique.map((op) => op.id).filter((id) => !/^[A-Za-z0-9_]+$/.test(id))) {
    const key = (id.match(/[A-Za-z0-9_]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
    phrasesByWord.set(key, [...(phrasesByWord.get(key) ?? []), id]);
  }
  for (const file of listFiles(siteDir)) {
    const text = `${path.relative(siteDir, file)}\n${readText(file)}`;
    const words = new Set(text.match(/[A-Za-z0-9_]+/g) ?? []);
    for (const word of words) {
      if (wanted.has(word)) found.add(word);
      for (const id of phrasesByWord.get(word) ?? []) if (!found.has(id) && countWord(text, id, 1) > 0) found.add(id);
    }
  }
  const isIn = (id: string) => found.has(id);
  const leaked = hidden.filter((op) => isIn(op.id));
  const present = shown.filter((op) => isIn(op.id));
  console.log(`${name}: ${hidden.length} hidden from it, ${leaked.length} of them found; ${present.length} of the ${shown.length} it may show are there`);
  for (const op of leaked.slice(0, 20)) console.log(`  found hidden ${op.id} (${path.relative(process.cwd(), op.file)})`);
  if (leaked.length > 0 || (site.audience === 'internal' && present.length !== shown.length)) failed = true;
}
process.exit(failed ? 1 : 0);
