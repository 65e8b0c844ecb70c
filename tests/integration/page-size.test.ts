// A large API (a tag of 260 operations, 300 schemas, one schema with hundreds of documented
// properties, a recorded example of 100 KB) is built once: its long lists are split over pages that link to each other, every link
// to a schema lands on that schema's heading, and no page grows past the limit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands.ts';
import { capture, type CommandResult } from '../helpers/run.ts';
import { listFiles, readHtml } from '../helpers/site-files.ts';

/** Where a page stops being small: Starlight's chrome plus a page of content. */
const PAGE_LIMIT_BYTES = 200_000;
const OPERATIONS = 260;
const SCHEMAS = 300;
const HUGE_PROPERTIES = 300;

function getLargeSpec(): object {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const paths: Record<string, object> = {};
  for (let i = 0; i < OPERATIONS; i += 1) {
    paths[`/items/${i}`] = { get: { operationId: `getItem${i}`, summary: `Fetch item number ${i}`, tags: ['Items'], responses: { '200': { description: 'The item.', content: { 'application/json': { schema: ref(`Model${i % SCHEMAS}`) } } } } } };
  }
  paths['/huge'] = { put: { operationId: 'putHuge', tags: ['Huge'], requestBody: { content: { 'application/json': { schema: ref('Huge') } } }, responses: { '200': { description: 'Stored.', content: { 'application/json': { schema: ref('Huge') } } } } } };
  const recorded = { rows: Array.from({ length: 2_000 }, (_, i) => ({ id: i, name: `recorded row ${i}` })) };
  paths['/recorded'] = { post: { operationId: 'replayRecorded', tags: ['Huge'], requestBody: { content: { 'application/json': { example: recorded } } }, responses: { '200': { description: 'The rows.', content: { 'application/json': { example: recorded } } } } } };
  const schemas: Record<string, object> = {};
  for (let i = 0; i < SCHEMAS; i += 1) {
    schemas[`Model${i}`] = { type: 'object', description: `Model number ${i}.`, properties: { id: { type: 'string' }, next: ref(`Model${(i + 1) % SCHEMAS}`), size: { type: 'integer', minimum: 0 } } };
  }
  const description = 'Documented at length, as large specs do: what it holds, when it is set, and what a client should do with it.';
  schemas.Huge = { type: 'object', properties: Object.fromEntries(Array.from({ length: HUGE_PROPERTIES }, (_, i) => [`field${i}`, { type: 'string', description, example: `value ${i}` }])) };
  return {
    openapi: '3.1.0',
    info: { title: 'Bulk API', version: '1.0.0', 'x-owner': 'team-bulk' },
    tags: [{ name: 'Items' }, { name: 'Huge' }],
    paths,
    components: { schemas },
  };
}

let out: string;
let result: CommandResult;

beforeAll(async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-page-size-'));
  fs.mkdirSync(path.join(work, 'specs'));
  fs.writeFileSync(path.join(work, 'specs', 'bulk.yaml'), YAML.stringify(getLargeSpec()));
  fs.writeFileSync(path.join(work, 'specs', 'redocly.yaml'), 'extends: []\n');
  out = path.join(work, 'internal');
  result = await capture(runBuild, ['--specs', path.join(work, 'specs'), '--audience', 'internal', '--out', out]);
}, 120_000);

const pagesOf = (prefix: string) =>
  listFiles(out)
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `/${path.relative(out, path.dirname(file)).split(path.sep).join('/')}/`)
    .filter((url) => url.startsWith(prefix))
    .sort();

describe('a large API', () => {
  it('builds', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it(`has no page over ${PAGE_LIMIT_BYTES / 1000} KB`, () => {
    const sizes = listFiles(out)
      .filter((file) => file.endsWith('.html'))
      .map((file) => [path.relative(out, file), fs.statSync(file).size] as const);
    expect(sizes.length).toBeGreaterThan(OPERATIONS);
    expect(sizes.filter(([, size]) => size > PAGE_LIMIT_BYTES)).toEqual([]);
  });

  it('shows a recorded example of 100 KB cut, saying where the whole of it is, and no longer sends it with curl', () => {
    const html = readHtml(out, '/apis/bulk/operations/replay-recorded/');
    expect(html).toContain('recorded row 10');
    expect(html).not.toContain('recorded row 1999');
    expect(html).toContain('Shortened here: the whole example is in the description file.');
    expect(fs.readFileSync(path.join(out, 'specs', 'bulk.yaml'), 'utf8')).toContain('recorded row 1999');
  });

  it('splits a tag with more operations than fit on a page into pages that link to each other', () => {
    const tagPages = pagesOf('/apis/bulk/tags/items/');
    expect(tagPages).toEqual(['/apis/bulk/tags/items/', '/apis/bulk/tags/items/2/', '/apis/bulk/tags/items/3/']);
    const listed = tagPages.flatMap((url) => [...readHtml(out, url).matchAll(/href="(\/apis\/bulk\/operations\/[^"]+)"/g)].map((m) => m[1]));
    expect(new Set(listed).size).toBe(OPERATIONS);
    const second = readHtml(out, '/apis/bulk/tags/items/2/');
    expect(second).toContain('<title>Items (2/3) · Bulk API | Portolan · Internal</title>');
    expect(second).toContain('<a href="/apis/bulk/tags/items/">1</a>');
    expect(second).toContain('<a href="/apis/bulk/tags/items/3/">3</a>');
    expect(second).toMatch(/<a href="\/apis\/bulk\/tags\/items\/3\/" rel="next"/);
  });

  it('puts the schemas on model pages of their own size, the large one alone', () => {
    const modelPages = pagesOf('/apis/bulk/schemas/');
    expect(modelPages.length).toBeGreaterThan(2);
    const headings = modelPages.map((url) => [...readHtml(out, url).matchAll(/<h2 id="([a-z0-9-]+)"[^>]*><code>([^<]+)<\/code><\/h2>/g)].map((m) => m[2]));
    expect(headings.flat()).toHaveLength(SCHEMAS + 1);
    expect(headings.find((names) => names.includes('Huge'))).toEqual(['Huge']);
  });

  it('links every schema, on every page, to a page that holds its heading', () => {
    const targets = new Map<string, Set<string>>();
    const idsOf = (url: string) => targets.get(url) ?? targets.set(url, new Set([...readHtml(out, url).matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!))).get(url)!;
    const broken: string[] = [];
    let links = 0;
    for (const url of pagesOf('/apis/bulk/')) {
      for (const [, target, anchor] of readHtml(out, url).matchAll(/href="(\/apis\/bulk\/schemas\/(?:\d+\/)?)#([^"]+)"/g)) {
        links += 1;
        if (!idsOf(target!).has(anchor!)) broken.push(`${url} → ${target}#${anchor}`);
      }
    }
    expect(links).toBeGreaterThan(SCHEMAS);
    expect(broken).toEqual([]);
  });
});
