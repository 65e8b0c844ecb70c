// Builds a small fixture catalog for every audience, once, and checks what each site shows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands.ts';
import { capture, type CommandResult } from '../helpers/run.ts';
import { findInSite, readAllText, readHtml } from '../helpers/site-files.ts';

const FIXTURE = path.resolve('tests/fixtures/catalog-basic');
let out: string;
let result: CommandResult;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-build-test-'));
  result = await capture(runBuild, ['--specs', FIXTURE, '--out', out]);
});

const site = (name: string) => path.join(out, name);
const catalogOf = (name: string) => JSON.parse(fs.readFileSync(path.join(site(name), 'catalog.json'), 'utf8')) as { id: string; title: string; partners: string[] }[];

describe('a full build of a catalog', () => {
  it('succeeds and writes one site per audience and named partner', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['internal', 'open', 'partner', 'partner-acme']);
    expect(result.stdout).toMatch(/^built open: 1 APIs, \d+ pages \(\d+ rendered, \d+ reused\) in [\d.]+ s \(prepare [\d.]+ s, (render [\d.]+ s, )?assemble [\d.]+ s, search [\d.]+ s, leak check [\d.]+ s\)$/m);
  });

  it('lists every API in the internal catalog.json with its facts', () => {
    const entries = catalogOf('internal');
    expect(entries.map((e) => e.id).sort()).toEqual(['kennels', 'payroll', 'pets', 'vets']);
    expect(entries.find((e) => e.id === 'pets')).toEqual({
      id: 'pets',
      title: 'Pet Store Open API',
      summary: 'Public pet catalogue. {process.env.HOME} stays literal.',
      version: '2.1.0',
      audience: 'open',
      partners: [],
      owner: 'team-pets',
      lifecycle: 'production',
      tags: ['Pets'],
      operations: 1,
      docs: '/apis/pets/',
      spec: '/specs/pets.yaml',
    });
    expect(entries.find((e) => e.id === 'payroll')).toMatchObject({ audience: 'internal', owner: 'team-people', lifecycle: null });
    expect(entries.find((e) => e.id === 'kennels')).toMatchObject({ audience: 'partner', partners: ['acme'] });
  });

  it('counts the APIs and operations on the catalog page, which works without JavaScript', () => {
    const text = readHtml(site('internal'), '/').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('Internal catalog: 4 APIs with 4 operations.');
    expect(text).toContain('Showing 4 of 4');
    expect(readHtml(site('open'), '/').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')).toContain('Public catalog: 1 API with 1 operation.');
  });

  it('shows each audience only the APIs it may see', () => {
    expect(catalogOf('open').map((e) => e.id)).toEqual(['pets']);
    expect(catalogOf('partner').map((e) => e.id).sort()).toEqual(['pets', 'vets']);
    expect(catalogOf('partner-acme').map((e) => e.id).sort()).toEqual(['kennels', 'pets', 'vets']);
  });

  it('leaves no trace of an internal API anywhere in the open and partner sites', () => {
    for (const name of ['open', 'partner', 'partner-acme']) {
      const files = readAllText(site(name));
      expect(findInSite(files, 'Staff Payroll Secret API'), name).toEqual([]);
      expect(findInSite(files, 'listSalariesSecretly'), name).toEqual([]);
    }
    const open = readAllText(site('open'));
    expect(findInSite(open, 'listKennelSlots')).toEqual([]);
    expect(findInSite(open, 'bookVetVisit')).toEqual([]);
    expect(findInSite(readAllText(site('partner')), 'listKennelSlots')).toEqual([]);
  });

  it('puts the operation, its parameters, responses and a curl example on its own page', () => {
    const html = readHtml(site('internal'), '/apis/pets/operations/get-pet-by-id/');
    expect(html).toContain('<title>Fetch one pet | Portolan · Internal</title>');
    expect(html).toContain('/pets/{petId}');
    expect(html).toContain('getPetById');
    expect(html).toMatch(/<code class="param-name"[^>]*>petId<\/code>/);
    expect(html).toMatch(/<code class="param-name"[^>]*>verbose<\/code>/);
    expect(html).toContain("<p>The pet's id.</p>");
    expect(html).toMatch(/default: <code[^>]*>false<\/code>/);
    expect(html).toMatch(/class="status status-2xx"[^>]*>200</);
    expect(html).toMatch(/class="status status-4xx"[^>]*>404</);
    expect(html).toContain("curl --request GET \\\n  --url &#39;https://pets.example.com/v2/pets/p-42&#39; \\\n  --header &quot;X-Pet-Key: $API_KEY&quot;");
  });

  it("links an operation's schema to its anchor on the API's model page", () => {
    const html = readHtml(site('internal'), '/apis/pets/operations/get-pet-by-id/');
    expect(html).toMatch(/<a href="\/apis\/pets\/schemas\/#pet"[^>]*>Pet<\/a>/);
    expect(fs.existsSync(path.join(site('internal'), 'apis/pets/schemas/pet'))).toBe(false);
  });

  it('renders a recursive schema on its model page with a link back to its anchor', () => {
    const html = readHtml(site('internal'), '/apis/pets/schemas/');
    expect(html).toMatch(/<h2 id="pet"[^>]*><code>Pet<\/code><\/h2>/);
    expect(html).toContain('recursive: see Pet above');
    expect(html).toMatch(/<a href="\/apis\/pets\/schemas\/#pet"[^>]*>Pet<\/a>/);
    expect(html).toContain('nullable');
    expect(html).toContain('read-only');
  });

  it('renders 3.1 webhooks and Swagger 2.0 bodies', () => {
    const webhook = readHtml(site('internal'), '/apis/pets/webhooks/pet-adopted/');
    expect(webhook).toContain('A pet found a home');
    const vets = readHtml(site('internal'), '/apis/vets/operations/book-vet-visit/');
    expect(vets).toContain('Request body');
    expect(vets).toContain('string&lt;date-time&gt;');
    // No host in a 2.0 spec: the curl example uses a placeholder instead of crashing the build.
    expect(vets).toContain('https://api.example.com/vets/visits');
  });

  it('shows description text literally instead of evaluating it', () => {
    const html = readHtml(site('internal'), '/apis/pets/');
    expect(html).toContain('Public <strong>pet</strong> catalogue. {process.env.HOME} stays literal.');
  });

  it('serves the bundled description as one file with no external refs', () => {
    const bundled = fs.readFileSync(path.join(site('open'), 'specs/pets.yaml'), 'utf8');
    expect(bundled).not.toContain('./schemas/Pet.yaml');
    expect(bundled).toContain('#/components/schemas/Pet');
  });

  it('indexes every site for search separately', () => {
    for (const name of ['internal', 'open', 'partner', 'partner-acme']) {
      expect(fs.existsSync(path.join(site(name), 'pagefind', 'pagefind.js')), name).toBe(true);
    }
  });

  it('keeps page size independent of the catalog: the sidebar lists tags, not operations', () => {
    const html = readHtml(site('internal'), '/apis/pets/operations/get-pet-by-id/');
    const sidebar = html.slice(html.indexOf('id="starlight__sidebar"'), html.indexOf('</sl-sidebar-pane>'));
    expect(sidebar).toContain('Pets');
    expect(sidebar).not.toContain('Kennel Partner API');
    expect(sidebar).not.toContain('Fetch one pet');
  });
});
