// `npm run dev` rewrites the site data folder when a spec changes. Pages read that folder as data,
// which Vite does not watch, so this plugin tells Astro its route data is stale and reloads the browser.
// While the specs have errors, every page request gets the error page instead of a stale site.
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { DEV_ERROR_FILE, toDevErrorPage } from './dev-error-page.ts';

export const ROUTES_FILE = 'routes.json';

function isPageRequest(accept: string | undefined, method: string | undefined): boolean {
  return (method === 'GET' || method === 'HEAD') && (accept ?? '').includes('text/html');
}

export function getDevReloadPlugin(dataDir: string): Plugin {
  const routes = path.join(dataDir, ROUTES_FILE);
  const errors = path.join(dataDir, DEV_ERROR_FILE);
  return {
    name: 'portolan-dev-reload',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add([routes, errors]);
      const reload = (file: string) => {
        const changed = path.resolve(file);
        if (changed !== routes && changed !== errors) return;
        if (changed === routes) {
          for (const [name, environment] of Object.entries(server.environments)) {
            if (name !== 'client') environment.hot.send('astro:content-changed', {});
          }
        }
        server.environments.client?.hot.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
      // Registered here, not in a returned hook, so it runs before Astro renders anything.
      server.middlewares.use((request, response, next) => {
        if (!isPageRequest(request.headers.accept, request.method)) return next();
        let problems: string;
        try {
          problems = fs.readFileSync(errors, 'utf8');
        } catch {
          return next();
        }
        response.statusCode = 500;
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.setHeader('cache-control', 'no-store');
        response.end(toDevErrorPage(problems));
      });
    },
  };
}
