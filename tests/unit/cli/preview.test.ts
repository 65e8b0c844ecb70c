// npm run preview: --out means what it means for build (the folder holding the sites), several
// previews run side by side, and expected problems are one clear line with exit 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPreview, startPreview, type RunningPreview } from '../../../src/cli/preview-command.ts';
import { capture } from '../../helpers/run.ts';

/** A folder laid out as `build --out DIR` writes it, with a page naming each site. */
function makeOutRoot(sites: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-preview-'));
  for (const site of sites) {
    fs.mkdirSync(path.join(root, site, 'apis', 'orders'), { recursive: true });
    fs.writeFileSync(path.join(root, site, 'index.html'), `<h1>${site} catalog</h1>`);
    fs.writeFileSync(path.join(root, site, 'apis', 'orders', 'index.html'), `<h1>${site} orders</h1>`);
    fs.writeFileSync(path.join(root, site, '404.html'), `<h1>${site} not found</h1>`);
  }
  return root;
}

/** A port nothing listens on right now. */
async function getFreePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function fetchText(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

const running: RunningPreview[] = [];
const silent = { stdout: () => {}, stderr: () => {} };

afterEach(async () => {
  for (const preview of running.splice(0)) {
    preview.server.closeAllConnections();
    await new Promise((resolve) => preview.server.close(resolve));
  }
});

describe('npm run preview -- --out DIR', () => {
  it('serves DIR/internal by default and DIR/<site> for --audience or --partner, two at a time on their own ports', async () => {
    const root = makeOutRoot(['internal', 'open', 'partner-acme']);
    const [internalPort, partnerPort] = [await getFreePort(), await getFreePort()];
    let stdout = '';
    const io = { stdout: (text: string) => (stdout += text), stderr: () => {} };
    running.push(await startPreview(['--out', root, '--port', String(internalPort)], io));
    running.push(await startPreview(['--out', root, '--partner', 'acme', '--port', String(partnerPort)], io));
    expect(stdout).toBe(
      `Serving ${path.join(root, 'internal')} at http://localhost:${internalPort}/ (Ctrl+C to stop)\n` +
        `Serving ${path.join(root, 'partner-acme')} at http://localhost:${partnerPort}/ (Ctrl+C to stop)\n`,
    );
    expect(await fetchText(`http://127.0.0.1:${internalPort}/`)).toEqual({ status: 200, text: '<h1>internal catalog</h1>' });
    expect(await fetchText(`http://127.0.0.1:${partnerPort}/apis/orders/`)).toEqual({ status: 200, text: '<h1>partner-acme orders</h1>' });
    expect(await fetchText(`http://127.0.0.1:${partnerPort}/apis/nothing/`)).toEqual({ status: 404, text: '<h1>partner-acme not found</h1>' });
  });

  it('serves DIR itself when it is the one site that build --audience A --out DIR wrote', async () => {
    const root = makeOutRoot(['open']);
    const port = await getFreePort();
    running.push(await startPreview(['--out', path.join(root, 'open'), '--audience', 'open', '--port', String(port)], silent));
    expect((await fetchText(`http://127.0.0.1:${port}/`)).text).toBe('<h1>open catalog</h1>');
  });
});

describe('expected problems are one message and exit 2', () => {
  it('names the missing site folder and the build command that makes it', async () => {
    const root = makeOutRoot(['internal']);
    const result = await capture(runPreview, ['--out', root, '--audience', 'open']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `${path.join(root, 'open')} holds no built site (--out names the folder that holds the sites, as it does for build). Build it first with 'npm run build -- --out ${root}', then run the preview again.\n`,
    });
  });

  it('says when the port is taken, from the real script, without a stack trace', async () => {
    const root = makeOutRoot(['internal']);
    const port = await getFreePort();
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const result = spawnSync(process.execPath, ['scripts/preview.ts', '--out', root, '--port', String(port)], { encoding: 'utf8' });
      expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
        status: 2,
        stdout: '',
        stderr: `Port ${port} is in use: stop what is serving there, or pick another port with --port N.\n`,
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('refuses a port that is not a port number', async () => {
    const result = await capture(runPreview, ['--port', '70000']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe("--port must be a TCP port number from 1 to 65535 (got '70000')");
  });
});
