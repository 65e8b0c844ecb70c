// The browser tests run on any machine npm can install on: a system Chromium when there is one, the
// npm-shipped one otherwise, and the environment variables pick either on purpose.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseChromium, SYSTEM_CHROMIUM_PATH, unpackBrotli } from './chromium.ts';

const withSystemChromium = (file: string) => file === SYSTEM_CHROMIUM_PATH || file === '/opt/chrome/chrome';
const withoutSystemChromium = (file: string) => file === '/opt/chrome/chrome';

describe('choosing the Chromium for the browser tests', () => {
  it('uses the system Chromium when it is installed', () => {
    expect(chooseChromium({}, withSystemChromium)).toEqual({
      kind: 'executable',
      executablePath: '/usr/bin/chromium',
      description: 'system Chromium /usr/bin/chromium',
    });
  });

  it('uses the npm-shipped Chromium when there is no system one', () => {
    expect(chooseChromium({}, withoutSystemChromium)).toEqual({ kind: 'npm' });
  });

  it('uses the npm-shipped Chromium when PORTOLAN_BROWSER=npm, even with a system one', () => {
    expect(chooseChromium({ PORTOLAN_BROWSER: 'npm' }, withSystemChromium)).toEqual({ kind: 'npm' });
  });

  it('uses the system Chromium when PORTOLAN_BROWSER=system', () => {
    expect(chooseChromium({ PORTOLAN_BROWSER: 'system' }, withSystemChromium)).toMatchObject({ executablePath: '/usr/bin/chromium' });
  });

  it('refuses PORTOLAN_BROWSER=system without a system Chromium instead of quietly using another', () => {
    expect(() => chooseChromium({ PORTOLAN_BROWSER: 'system' }, withoutSystemChromium)).toThrow(
      "PORTOLAN_BROWSER=system: /usr/bin/chromium not found. Install Debian's chromium (apt-get install chromium), " +
        'or unset PORTOLAN_BROWSER to use the Chromium that npm installed.',
    );
  });

  it('refuses a PORTOLAN_BROWSER value it does not know', () => {
    expect(() => chooseChromium({ PORTOLAN_BROWSER: 'firefox' }, withSystemChromium)).toThrow(
      'PORTOLAN_BROWSER=firefox is not a browser choice: use system or npm, or unset it.',
    );
  });

  it('uses PORTOLAN_CHROMIUM over both the system and the npm-shipped one', () => {
    expect(chooseChromium({ PORTOLAN_CHROMIUM: '/opt/chrome/chrome' }, withSystemChromium)).toEqual({
      kind: 'executable',
      executablePath: '/opt/chrome/chrome',
      description: 'PORTOLAN_CHROMIUM=/opt/chrome/chrome',
    });
  });

  it('refuses a PORTOLAN_CHROMIUM that names no file', () => {
    expect(() => chooseChromium({ PORTOLAN_CHROMIUM: '/opt/missing' }, withSystemChromium)).toThrow(
      'PORTOLAN_CHROMIUM=/opt/missing: no such file. Point it at a Chromium or Chrome executable, or unset it.',
    );
  });

  it('refuses PORTOLAN_CHROMIUM together with PORTOLAN_BROWSER, so a forced choice is never silently ignored', () => {
    expect(() => chooseChromium({ PORTOLAN_CHROMIUM: '/opt/chrome/chrome', PORTOLAN_BROWSER: 'npm' }, withSystemChromium)).toThrow(
      'PORTOLAN_CHROMIUM and PORTOLAN_BROWSER are both set: PORTOLAN_CHROMIUM names one browser, ' +
        'PORTOLAN_BROWSER picks between the system and the npm-shipped one. Unset one of them.',
    );
  });

  it('treats an empty variable as unset', () => {
    expect(chooseChromium({ PORTOLAN_CHROMIUM: '', PORTOLAN_BROWSER: '' }, withoutSystemChromium)).toEqual({ kind: 'npm' });
  });
});

describe('unpacking the npm-shipped Chromium', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-unpack-'));
  const source = path.join(folder, 'tool.br');
  fs.writeFileSync(source, zlib.brotliCompressSync('#!/bin/sh\necho unpacked\n'));

  it('writes an executable file, leaving no partial file beside it', async () => {
    const target = path.join(folder, 'first', 'tool');
    expect(await unpackBrotli(source, target)).toBe(target);
    expect(fs.readFileSync(target, 'utf8')).toBe('#!/bin/sh\necho unpacked\n');
    expect(fs.statSync(target).mode & 0o100).toBe(0o100);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['tool']);
  });

  it('keeps a binary it unpacked before', async () => {
    const target = path.join(folder, 'second', 'tool');
    fs.mkdirSync(path.dirname(target));
    fs.writeFileSync(target, 'unpacked earlier');
    await unpackBrotli(source, target);
    expect(fs.readFileSync(target, 'utf8')).toBe('unpacked earlier');
  });

  it('leaves nothing behind when the archive is broken', async () => {
    const broken = path.join(folder, 'broken.br');
    fs.writeFileSync(broken, 'not brotli');
    const target = path.join(folder, 'third', 'tool');
    await expect(unpackBrotli(broken, target)).rejects.toThrow('Decompression failed');
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });
});
