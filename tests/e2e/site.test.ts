// A reader's path through a built site in a real browser: filter the catalog, search for an
// operation, and land on its page.
import fs from 'node:fs';
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
