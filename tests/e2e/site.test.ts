// A reader's path through a built site in a real browser: filter the catalog, search for an
// operation, and land on its page. And a writer's: npm run dev shows spec errors in the browser.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { capture } from '../helpers/run.ts';
import { serveDirectory } from '../helpers/static-server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let page: Page;

beforeAll(async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-e2e-')), 'internal');
  const result = await capture(runBuild, ['--specs', 'tests/fixtures/catalog-basic', '--audience', 'internal', '--out', out]);
  expect(result.code, result.stderr).toBe(0);
  server = await serveDirectory(out);
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const visibleTitles = () => page.locator('.catalog-entry:visible .catalog-title').allTextContents();

async function searchFor(query: string): Promise<string[]> {
  await page.goto(`${server.url}/`);
  await page.locator('site-search button[data-open-modal]').click();
  const input = page.locator('#starlight__search .pagefind-ui__search-input');
  await input.fill(query);
  const results = page.locator('.pagefind-ui__result-link');
  await results.first().waitFor({ timeout: 15_000 });
  return results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
}

describe('the catalog page', () => {
  it('lists every API and narrows the list as filters change', async () => {
    await page.goto(`${server.url}/`);
    expect((await visibleTitles()).sort()).toEqual(['Kennel Partner API', 'Pet Store Open API', 'Staff Payroll Secret API', 'Vet Visits Shared API']);
    await expect.poll(() => page.locator('#catalog-shown').textContent()).toBe('4');

    await page.selectOption('select[name="audience"]', 'partner');
    expect((await visibleTitles()).sort()).toEqual(['Kennel Partner API', 'Vet Visits Shared API']);
    expect(await page.locator('#catalog-shown').textContent()).toBe('2');

    await page.fill('input[name="q"]', 'kennel');
    expect(await visibleTitles()).toEqual(['Kennel Partner API']);

    await page.selectOption('select[name="audience"]', '');
    await page.fill('input[name="q"]', '');
    await page.selectOption('select[name="owner"]', 'team-pets');
    expect(await visibleTitles()).toEqual(['Pet Store Open API']);
  });

  it('offers every tag of the catalog in its tag menu and filters by it', async () => {
    await page.goto(`${server.url}/`);
    expect(await page.locator('select[name="tag"] option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual(['', 'Pets']);
    await page.selectOption('select[name="tag"]', 'Pets');
    expect(await visibleTitles()).toEqual(['Pet Store Open API']);
  });
});

describe('search', () => {
  it('finds an operation by operationId and leads to its page', async () => {
    const results = await searchFor('getPetById');
    expect(results[0]).toBe('/apis/pets/operations/get-pet-by-id/');
    await page.locator('.pagefind-ui__result-link').first().click();
    await page.waitForURL('**/apis/pets/operations/get-pet-by-id/');
    expect(await page.locator('h1').textContent()).toBe('Fetch one pet');
    expect(await page.locator('.operation-path').first().textContent()).toBe('/pets/{petId}');
  });

  it('finds an operation by its summary and by its path', async () => {
    expect(await searchFor('Book a vet visit')).toContain('/apis/vets/operations/book-vet-visit/');
    expect(await searchFor('/visits')).toContain('/apis/vets/operations/book-vet-visit/');
  });

  it('finds an API by its title', async () => {
    expect(await searchFor('Kennel Partner')).toContain('/apis/kennels/');
  });
});

describe('schemas', () => {
  it('are headings on their API\'s model page, listed under "On this page", and an operation\'s schema link lands on its heading', async () => {
    await page.goto(`${server.url}/apis/pets/operations/get-pet-by-id/`);
    await page.locator('.schema-type a', { hasText: 'Pet' }).first().click();
    await page.waitForURL('**/apis/pets/schemas/#pet');
    expect(await page.locator('h2#pet').textContent()).toBe('Pet');
    await expect.poll(() => page.locator('h2#pet').evaluate((heading) => heading.getBoundingClientRect().top)).toBeLessThan(200);
    const toc = page.locator('starlight-toc nav a');
    expect(await toc.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).hash))).toContain('#pet');
  });

  it('are found in search by what they hold, and the result leads to their heading', async () => {
    await searchFor('nickname');
    const links = page.locator('.pagefind-ui__result-link');
    const hrefs = await links.evaluateAll((found) => found.map((link) => `${(link as HTMLAnchorElement).pathname}${(link as HTMLAnchorElement).hash}`));
    expect(hrefs).toContain('/apis/pets/schemas/#pet');
  });
});

/** A port nothing listens on right now. */
async function getFreePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('npm run dev', () => {
  it('shows spec errors in the browser, escaped, instead of a stale page, and the site again once they are fixed', async () => {
    const specs = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-dev-e2e-')), 'specs');
    fs.cpSync('tests/fixtures/catalog-basic', specs, { recursive: true });
    const petsFile = path.join(specs, 'pets', 'openapi.yaml');
    const original = fs.readFileSync(petsFile, 'utf8');
    const port = await getFreePort();
    // Its own process group, so the Astro server it starts is stopped with it.
    const dev = spawn(process.execPath, ['scripts/dev.ts', '--specs', specs, '--port', String(port)], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    dev.stdout.on('data', (chunk) => (output += chunk));
    dev.stderr.on('data', (chunk) => (output += chunk));
    const devPage = await browser.newPage();
    const catalogTitles = () => devPage.locator('.catalog-title').allTextContents().catch(() => []);
    const errorText = () => devPage.locator('#portolan-dev-errors').textContent({ timeout: 1_000 }).catch(() => null);
    try {
      await expect.poll(() => output, { timeout: 120_000, interval: 250 }).toContain(`http://localhost:${port}/`);
      await devPage.goto(`http://localhost:${port}/`);
      await expect.poll(catalogTitles, { timeout: 60_000 }).toContain('Pet Store Open API');

      fs.writeFileSync(petsFile, original.replace('  x-audience: open', '  x-audience: "<b>Open</b>"'));
      await expect.poll(errorText, { timeout: 60_000 }).toBe(
        [
          `${petsFile}:6:15  error  portolan/info-x-audience  info.x-audience must be one of 'open', 'partner', 'internal' (got "<b>Open</b>"); leave it out to keep the API internal.`,
          '    4 |   version: 2.1.0',
          '    5 |   description: Public **pet** catalogue. {process.env.HOME} stays literal.',
          '  > 6 |   x-audience: "<b>Open</b>"',
          '      |               ^',
          '    7 |   x-owner: team-pets',
          '    8 |   x-lifecycle: production',
          '    docs: README.md#lint-rules',
          '',
          '1 error, 0 warnings in 4 APIs',
          '',
        ].join('\n'),
      );
      expect(await devPage.locator('h1').textContent()).toBe('The site was not updated: the specs have errors');
      expect(await devPage.locator('#portolan-dev-errors b').count()).toBe(0);

      fs.writeFileSync(petsFile, original);
      await expect.poll(catalogTitles, { timeout: 60_000 }).toContain('Pet Store Open API');
      expect(await errorText()).toBeNull();
    } finally {
      await devPage.close();
      process.kill(-dev.pid!, 'SIGTERM');
    }
  });
});
