// Launches headless Chromium for end-to-end tests: a system one when installed, otherwise the one npm
// installed (see chromium.ts for the choice and the variables that override it).
import { chromium, type Browser } from 'playwright-core';
import { getChromium } from './chromium.ts';

// headless and chromiumSandbox: false below add --headless and --no-sandbox (tests run as root on CI,
// where Chromium's sandbox cannot start). The network flags keep Chromium from calling home: the machines
// have no network, and refused connections slow every start.
const CHROMIUM_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, description } = await getChromium();
  const browser = await chromium.launch({ executablePath, headless: true, chromiumSandbox: false, args: CHROMIUM_FLAGS });
  console.info(`browser tests run in ${description}, version ${browser.version()}`);
  return browser;
}
