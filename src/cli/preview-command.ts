// `npm run preview`: serves one built site on this machine. `--out DIR` names the folder holding the
// sites, as it does for build, so the site is DIR/internal, DIR/open, DIR/partner or
// DIR/partner-<id>. Each preview is its own small static server (sirv, the server Astro's own
// preview uses), so several can run side by side on different ports, and a port that is taken is a
// clear usage error instead of a quiet move to another port.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { getTargetName, type BuildTarget } from '../core/audience.ts';
import { toDisplayPath } from '../core/diagnostics.ts';
import { parsePreviewArgs, UsageError } from './cli-args.ts';
import { DEFAULT_OUT_DIR, EXIT_OK, processIo, withUsageErrors, type Io } from './commands.ts';

export const DEFAULT_PREVIEW_PORT = 4321;
/** Loopback only: a preview is for the person at this machine, and internal sites must not reach the network. */
const PREVIEW_HOST = '127.0.0.1';
const NOT_FOUND_PAGE = '404.html';

function isSite(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}

/**
 * The site folder to serve: `<outRoot>/<site>` as a full build writes it, or `outRoot` itself when it
 * is one site (what `build --audience A --out DIR` writes).
 */
export function getPreviewSiteDir(outRoot: string, target: BuildTarget, explicitOut: boolean): string {
  const siteDir = path.join(outRoot, getTargetName(target));
  if (isSite(siteDir)) return siteDir;
  if (explicitOut && isSite(outRoot)) return outRoot;
  const build = explicitOut ? `npm run build -- --out ${toDisplayPath(outRoot)}` : 'npm run build';
  const why = explicitOut ? ' (--out names the folder that holds the sites, as it does for build)' : '';
  throw new UsageError(`${toDisplayPath(siteDir)} holds no built site${why}. Build it first with '${build}', then run the preview again.`);
}

/** Starts serving `siteDir`; a port in use is a usage error that names it. */
export function startPreviewServer(siteDir: string, port: number): Promise<http.Server> {
  const notFound = path.join(siteDir, NOT_FOUND_PAGE);
  // dev: files are looked up per request, so a rebuild (which swaps the folder) shows at once.
  const serve = sirv(siteDir, {
    dev: true,
    etag: true,
    onNoMatch: (_request, response) => {
      response.statusCode = 404;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'Not found');
    },
  });
  const server = http.createServer((request, response) => serve(request, response));
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new UsageError(`Port ${port} is in use: stop what is serving there, or pick another port with --port N.`));
      else if (error.code === 'EACCES') reject(new UsageError(`Port ${port} needs privileges this user lacks: pick a port above 1023 with --port N.`));
      else reject(error);
    });
    server.listen(port, PREVIEW_HOST, () => resolve(server));
  });
}

export interface RunningPreview {
  url: string;
  server: http.Server;
}

/** Parses the arguments, finds the site and starts serving it. */
export async function startPreview(args: string[], io: Io): Promise<RunningPreview> {
  const options = parsePreviewArgs(args);
  const target: BuildTarget = { audience: options.audience ?? 'internal', partner: options.partner };
  const siteDir = getPreviewSiteDir(options.outRoot ?? path.resolve(DEFAULT_OUT_DIR), target, options.outRoot !== undefined);
  const port = options.port ?? DEFAULT_PREVIEW_PORT;
  const server = await startPreviewServer(siteDir, port);
  const url = `http://localhost:${port}/`;
  io.stdout(`Serving ${toDisplayPath(siteDir)} at ${url} (Ctrl+C to stop)\n`);
  return { url, server };
}

/** The command: exit 0 once serving (the server keeps the process alive), 2 for usage problems. */
export function runPreview(args: string[], io: Io = processIo): Promise<number> {
  return withUsageErrors(io, async () => {
    await startPreview(args, io);
    return EXIT_OK;
  });
}
