import { chromium } from 'playwright-core';
const [,, url, out, width='1280', theme='dark', full='0', sel=''] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: theme });
await page.goto(url); if (sel) await page.locator(sel).first().scrollIntoViewIfNeeded(); await page.screenshot({ path: out, fullPage: full === '1' });
await browser.close();
