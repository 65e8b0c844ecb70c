// Which Chromium the browser tests drive. playwright-core never downloads a browser, so the tests use a
// system Chromium when one is installed, and otherwise the one that the @sparticuz/chromium devDependency
// ships inside its npm package: `npm install && npm test` then needs nothing else on the machine.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const SYSTEM_CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_PATH_VARIABLE = 'PORTOLAN_CHROMIUM';
export const BROWSER_VARIABLE = 'PORTOLAN_BROWSER';
const BROWSER_VALUES = ['system', 'npm'] as const;
type BrowserValue = (typeof BROWSER_VALUES)[number];

const NPM_CHROMIUM_PACKAGE = '@sparticuz/chromium';
// Under node_modules, so it is never committed and goes away with `rm -rf node_modules`; one folder per
// package version, so an upgraded package never launches a binary unpacked from the previous one.
const UNPACK_ROOT = fileURLToPath(new URL('../../node_modules/.cache/portolan-chromium/', import.meta.url));

export type ChromiumChoice =
  | { kind: 'executable'; executablePath: string; description: string }
  | { kind: 'npm' };

type Environment = Record<string, string | undefined>;

/** Decides from the environment and the file system which Chromium to launch; throws on a setting it cannot honour. */
export function chooseChromium(env: Environment, isFile: (file: string) => boolean): ChromiumChoice {
  const explicitPath = env[CHROMIUM_PATH_VARIABLE] || undefined;
  const browser = getBrowserValue(env);
  if (explicitPath !== undefined) {
    if (browser !== undefined) {
      throw new Error(
        `${CHROMIUM_PATH_VARIABLE} and ${BROWSER_VARIABLE} are both set: ${CHROMIUM_PATH_VARIABLE} names one browser, ` +
          `${BROWSER_VARIABLE} picks between the system and the npm-shipped one. Unset one of them.`,
      );
    }
    if (!isFile(explicitPath)) {
      throw new Error(`${CHROMIUM_PATH_VARIABLE}=${explicitPath}: no such file. Point it at a Chromium or Chrome executable, or unset it.`);
    }
    return { kind: 'executable', executablePath: explicitPath, description: `${CHROMIUM_PATH_VARIABLE}=${explicitPath}` };
  }
  const hasSystemChromium = isFile(SYSTEM_CHROMIUM_PATH);
  if (browser === 'system' && !hasSystemChromium) {
    throw new Error(
      `${BROWSER_VARIABLE}=system: ${SYSTEM_CHROMIUM_PATH} not found. Install Debian's chromium (apt-get install chromium), ` +
        `or unset ${BROWSER_VARIABLE} to use the Chromium that npm installed.`,
    );
  }
  if (browser === 'npm' || !hasSystemChromium) return { kind: 'npm' };
  return { kind: 'executable', executablePath: SYSTEM_CHROMIUM_PATH, description: `system Chromium ${SYSTEM_CHROMIUM_PATH}` };
}

function getBrowserValue(env: Environment): BrowserValue | undefined {
  const value = env[BROWSER_VARIABLE] || undefined;
  if (value === undefined) return undefined;
  if (!(BROWSER_VALUES as readonly string[]).includes(value)) {
    throw new Error(`${BROWSER_VARIABLE}=${value} is not a browser choice: use ${BROWSER_VALUES.join(' or ')}, or unset it.`);
  }
  return value as BrowserValue;
}

/** The Chromium executable to launch, with a line that tells the reader of a test log which one it is. */
export async function getChromium(env: Environment = process.env): Promise<{ executablePath: string; description: string }> {
  const choice = chooseChromium(env, isFile);
  if (choice.kind === 'executable') return choice;
  const { directory, version } = getNpmChromiumPackage();
  const executablePath = await unpackBrotli(path.join(directory, 'bin', 'chromium.br'), path.join(UNPACK_ROOT, version, 'chromium'));
  return { executablePath, description: `npm-shipped Chromium (${NPM_CHROMIUM_PACKAGE} ${version}) ${executablePath}` };
}

function getNpmChromiumPackage(): { directory: string; version: string } {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(NPM_CHROMIUM_PACKAGE);
  } catch {
    throw new Error(`${NPM_CHROMIUM_PACKAGE} is not installed: run npm install (it is a devDependency), or install Debian's chromium.`);
  }
  // The package exports only its code, so its folder is found from the entry point's path.
  const marker = path.join('node_modules', ...NPM_CHROMIUM_PACKAGE.split('/'));
  const directory = entry.slice(0, entry.lastIndexOf(marker) + marker.length);
  const { version } = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as { version: string };
  return { directory, version };
}

/**
 * Unpacks a brotli-compressed executable once. The package's own unpacker writes to a fixed /tmp/chromium
 * that it reuses whatever version or half-written state it is in; this one writes a temporary file and
 * renames it into place, so a test that starts while another unpacks never launches a partial binary.
 */
export async function unpackBrotli(source: string, target: string): Promise<string> {
  if (isFile(target)) return target;
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.${randomUUID()}.partial`;
  try {
    await pipeline(fs.createReadStream(source), zlib.createBrotliDecompress(), fs.createWriteStream(partial, { mode: 0o755 }));
    await fs.promises.rename(partial, target);
  } finally {
    await fs.promises.rm(partial, { force: true });
  }
  return target;
}

function isFile(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}
