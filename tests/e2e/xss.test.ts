// Spec text is untrusted: a catalog whose every rendered field carries an XSS payload
// (tests/fixtures/xss) is built for the open audience and every page is opened in headless Chromium.
// No payload may run, leave live markup or navigate away, and the legitimate Markdown next to the
// payloads must still render.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { capture } from '../helpers/run.ts';
import { listFiles, readAllText } from '../helpers/site-files.ts';
import { serveDirectory } from '../helpers/static-server.ts';

const FIXTURE = 'tests/fixtures/xss';

/** Every page of the built site: catalog, overviews, tags, operations, the webhook, model pages. */
const ROUTES = [
  '/',
  '/apis/evil/',
  '/apis/evil/changelog/',
  '/apis/evil/operations/create-item/',
  '/apis/evil/operations/img-src-x-onerror-window-xss-2/',
  '/apis/evil/schemas/',
  '/apis/evil/tags/script-window-xss-1-script/',
  '/apis/evil/tags/svg-onload-window-xss-3/',
  '/apis/evil/webhooks/svg-onload-window-xss-3/',
  '/apis/legacy/',
  '/apis/legacy/changelog/',
  '/apis/legacy/operations/svg-onload-window-xss-3/',
  '/apis/legacy/schemas/',
  '/apis/legacy/tags/img-src-x-onerror-window-xss-2/',
];

/** Payload openings that must never appear in an HTML file as markup (escaped text is fine). */
const LIVE_MARKUP_NEEDLES = ['<script>window.__xss', '<img src=x onerror', '<svg onload', '<iframe', 'onerror="window.__xss'];

let out: string;
let browser: Browser;
let server: Awaited<ReturnType<typeof serveDirectory>>;

beforeAll(async () => {
  out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-xss-')), 'open');
  const result = await capture(runBuild, ['--specs', FIXTURE, '--audience', 'open', '--out', out]);
  expect(result.code, result.stderr).toBe(0);
  server = await serveDirectory(out);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The URL path of every index.html in the built site. */
function readRoutes(siteDir: string): string[] {
  return listFiles(siteDir)
    .filter((file) => path.basename(file) === 'index.html')
    .map((file) => path.relative(siteDir, path.dirname(file)).split(path.sep).join('/'))
    .map((dir) => (dir ? `/${dir}/` : '/'))
    .sort();
}

interface DomReport {
  eventHandlerAttributes: string[];
  scriptUrls: string[];
  forbiddenElements: string[];
  foreignForms: string[];
  hidingStyles: string[];
  payloadScripts: string[];
  bodyDisplay: string;
}

/** Runs in the page: everything a payload could have left in the live DOM. Must be self-contained. */
function inspectDom(options: { catalogPage: boolean }): DomReport {
  const show = (element: Element) => element.outerHTML.slice(0, 160);
  const all = [...document.querySelectorAll('*')];

  const eventHandlerAttributes = all.flatMap((element) =>
    element.getAttributeNames().filter((name) => /^on/i.test(name)).map((name) => `<${element.localName} ${name}>: ${show(element)}`),
  );

  // The literal selectors, plus the URL each link-like attribute resolves to (which also catches
  // leading whitespace, entities and mixed case). Pagefind's own search form uses action="javascript:void(0);".
  const scriptUrls = [...document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]')].map(show);
  for (const element of all) {
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      if (name === 'action' && element.matches('#starlight__search form.pagefind-ui__form') && value === 'javascript:void(0);') continue;
      let protocol = '';
      try {
        protocol = new URL(value, document.baseURI).protocol;
      } catch {
        continue;
      }
      if (['javascript:', 'vbscript:', 'data:'].includes(protocol)) scriptUrls.push(`${name}=${value}: ${show(element)}`);
    }
  }

  const forbiddenElements = [
    ...document.querySelectorAll('iframe, frame, frameset, object, embed, base, meta[http-equiv="refresh" i]'),
  ].map(show);

  // Portolan's catalog filter (catalog page only) and the Pagefind form inside Starlight's search dialog.
  const foreignForms = [...document.querySelectorAll('form')]
    .filter((form) => !(options.catalogPage && form.matches('form#catalog-filters')) && !form.matches('#starlight__search form.pagefind-ui__form'))
    .map(show);

  const hidingStyles = [...document.querySelectorAll('style')]
    .filter((style) => /body\s*\{[^}]*display\s*:\s*none/i.test(style.textContent ?? ''))
    .map(show);

  const payloadScripts = [...document.querySelectorAll('script')]
    .filter((script) => (script.textContent ?? '').includes('__xss'))
    .map(show);

  return {
    eventHandlerAttributes,
    scriptUrls,
    forbiddenElements,
    foreignForms,
    hidingStyles,
    payloadScripts,
    bodyDisplay: getComputedStyle(document.body).display,
  };
}

const readXss = (page: Page) =>
  page.evaluate(() => (Object.hasOwn(window, '__xss') ? String((window as unknown as { __xss: unknown }).__xss) : null));

interface Visit {
  page: Page;
  dialogs: string[];
  externalRequests: string[];
  navigations: string[];
  close: () => Promise<void>;
}

/** Opens a route in a fresh context that records dialogs, navigations and any request off the site. */
async function visit(route: string): Promise<Visit> {
  const context = await browser.newContext();
  const origin = new URL(server.url).origin;
  const dialogs: string[] = [];
  const externalRequests: string[] = [];
  const navigations: string[] = [];
  await context.route('**/*', async (intercepted) => {
    const url = intercepted.request().url();
    if (new URL(url).origin === origin) return intercepted.continue();
    externalRequests.push(url);
    return intercepted.abort();
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  await page.goto(`${server.url}${route}`, { waitUntil: 'load' });
  return { page, dialogs, externalRequests, navigations, close: () => context.close() };
}

describe('the built site', () => {
  it('has exactly the pages this test visits', () => {
    expect(readRoutes(out)).toEqual([...ROUTES].sort());
  });
});

describe('the checks themselves', () => {
  it('notice each kind of payload when it does reach a page', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(
        [
          '<p>x</p><img src=x onerror="window.__xss=2"><a href=" JavaScript:window.__xss=4">a</a><iframe></iframe><object></object>',
          '<meta http-equiv="Refresh" content="60"><style>body{display:none}</style><form action="/"></form><script>window.__xss=1</script>',
        ].join(''),
      );
      const dom = await page.evaluate(inspectDom, { catalogPage: true });
      expect(dom.eventHandlerAttributes).toHaveLength(1);
      expect(dom.scriptUrls).toHaveLength(1);
      expect(dom.forbiddenElements).toHaveLength(3);
      expect(dom.foreignForms).toHaveLength(1);
      expect(dom.hidingStyles).toHaveLength(1);
      expect(dom.bodyDisplay).toBe('none');
      expect(dom.payloadScripts).toHaveLength(1);
      expect(await readXss(page)).not.toBeNull();
    } finally {
      await context.close();
    }
  });

  it('treat a quoted attribute value as inert but keep tags and their attribute names', () => {
    expect(withoutAttributeValues('<p title="<img src=x onerror=1>" data-x=\'<svg onload=1>\'>a &lt;iframe&gt;</p>')).toBe('<p title="" data-x="">a &lt;iframe&gt;</p>');
    expect(withoutAttributeValues('<img src="x" onerror="window.__xss=2"><title><svg onload=1></title>')).toBe('<img src="" onerror=""><title><svg onload=1></title>');
  });
});

describe.each(ROUTES)('page %s', (route) => {
  it('runs no payload, holds no live payload markup and stays on the site', async () => {
    const { page, dialogs, externalRequests, navigations, close } = await visit(route);
    try {
      // Soft assertions: a failing page reports every problem it has, not only the first.
      expect.soft(await readXss(page), 'window.__xss right after load').toBeNull();
      await page.waitForTimeout(300);
      expect.soft(await readXss(page), 'window.__xss 300 ms after load').toBeNull();

      const dom = await page.evaluate(inspectDom, { catalogPage: route === '/' });
      expect.soft(dom.eventHandlerAttributes, 'elements with on* attributes').toEqual([]);
      expect.soft(dom.scriptUrls, 'javascript:/data: URLs').toEqual([]);
      expect.soft(dom.forbiddenElements, 'iframe/object/embed/base/meta refresh').toEqual([]);
      expect.soft(dom.foreignForms, 'forms other than the catalog filter and Pagefind search').toEqual([]);
      expect.soft(dom.hidingStyles, '<style> hiding the body').toEqual([]);
      expect.soft(dom.bodyDisplay, 'body display').not.toBe('none');
      expect.soft(dom.payloadScripts, 'script elements carrying a payload').toEqual([]);

      // The document title is the page title as text: spec text cannot end the <title> element early.
      const heading = `${await page.locator('h1#_top').textContent()} | `;
      expect.soft((await page.title()).slice(0, heading.length), 'document title').toBe(heading);

      expect.soft(dialogs, 'dialogs opened').toEqual([]);
      expect.soft(page.url(), 'page URL').toBe(`${server.url}${route}`);
      expect.soft(navigations.filter((url) => !url.startsWith(`${server.url}/`)), 'navigations off the site').toEqual([]);
      expect.soft(externalRequests, 'requests off the site').toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('legitimate content next to the payloads', () => {
  it('renders the Markdown of the OpenAPI 3.1 overview, and template-like text literally', async () => {
    const { page, close } = await visit('/apis/evil/');
    try {
      const description = page.locator('.api-description');
      expect(await description.locator('table').count()).toBe(1);
      expect(await description.locator('table td').allTextContents()).toEqual(['cell one', 'cell two']);
      expect(await description.locator('strong').allTextContents()).toContain('bold marker text');
      expect(await description.locator('a[href="https://docs.example.com/guide"]').textContent()).toBe('docs');
      expect(await description.locator('details > summary').textContent()).toBe('More');
      expect(await description.locator('details').textContent()).toContain('hidden text');
      expect(await description.locator('br').count()).toBeGreaterThan(0);
      expect(await description.locator('p', { hasText: /^\{process\.env\.HOME\}$/ }).count()).toBe(1);
      expect(await description.locator('p', { hasText: /^export const x = 1$/ }).count()).toBe(1);

      const text = await page.locator('main').innerText();
      expect(text).toContain('{process.env.HOME}');
      expect(text).toContain('export const x = 1');
      // Payloads in plain-text fields are shown as text, not dropped and not parsed.
      expect(await page.locator('h1').textContent()).toBe('Evil API <script>window.__xss=1</script> <img src=x onerror="window.__xss=2">');
    } finally {
      await close();
    }
  });

  it('renders the Markdown of the Swagger 2.0 overview, and template-like text literally', async () => {
    const { page, close } = await visit('/apis/legacy/');
    try {
      const description = page.locator('.api-description');
      expect(await description.locator('strong').allTextContents()).toContain('legacy bold');
      const text = await description.innerText();
      expect(text).toContain('{process.env.HOME}');
      expect(text).toContain('export const x = 1');
      expect(await page.locator('h1').textContent()).toBe('Legacy API </script><script>window.__xss=8</script>');
    } finally {
      await close();
    }
  });

  it('shows the catalog summary as text', async () => {
    const { page, close } = await visit('/');
    try {
      expect(await page.locator('.catalog-summary').allTextContents()).toContain('Evil API with bold marker text and <script>window.__xss=1</script> in a code span.');
    } finally {
      await close();
    }
  });
});

describe('search', () => {
  it('shows results for payload text without running it', async () => {
    const { page, dialogs, externalRequests, close } = await visit('/');
    try {
      await page.locator('site-search button[data-open-modal]').click();
      await page.locator('#starlight__search .pagefind-ui__search-input').fill('window.__xss');
      await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300);
      expect(await readXss(page)).toBeNull();
      const dom = await page.evaluate(inspectDom, { catalogPage: true });
      expect(dom.eventHandlerAttributes).toEqual([]);
      expect(dom.scriptUrls).toEqual([]);
      expect(dom.forbiddenElements).toEqual([]);
      expect(dom.payloadScripts).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(externalRequests).toEqual([]);
      // Result titles are the page titles as text.
      expect(await page.locator('.pagefind-ui__result-link').allTextContents()).toContain('"><img src=x onerror="window.__xss=2"> Create an item');
    } finally {
      await close();
    }
  });
});

/** A copy of an HTML file with every quoted attribute value emptied: `<` inside a quoted value is inert. */
function withoutAttributeValues(html: string): string {
  return html.replace(/<[a-zA-Z][^\s/>]*(?:\s+[^\s"'=<>/`]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g, (tag) =>
    tag.replace(/=\s*("[^"]*"|'[^']*')/g, '=""'),
  );
}

describe('the built files', () => {
  it('hold no payload as markup in any HTML file', () => {
    const hits: string[] = [];
    for (const [file, text] of readAllText(out)) {
      if (!file.endsWith('.html')) continue;
      const markup = withoutAttributeValues(text);
      for (const needle of LIVE_MARKUP_NEEDLES) {
        for (let at = markup.indexOf(needle); at >= 0; at = markup.indexOf(needle, at + 1)) {
          hits.push(`${file}: ${JSON.stringify(needle)} in …${markup.slice(Math.max(0, at - 60), at + 80)}…`);
        }
      }
    }
    expect(hits).toEqual([]);
  });

  it('give no tag in any HTML file an on* attribute', () => {
    const hits: string[] = [];
    for (const [file, text] of readAllText(out)) {
      if (!file.endsWith('.html')) continue;
      for (const tag of withoutAttributeValues(text).match(/<[a-zA-Z][^>]*>/g) ?? []) {
        if (/\son[a-z]+\s*=/i.test(tag)) hits.push(`${file}: ${tag.slice(0, 160)}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
