// `npm run dev` rewrites the site data folder when a spec changes. Pages read that folder as data,
// which Vite does not watch, so this plugin tells Astro its route data is stale and reloads the browser.
import path from 'node:path';
import type { Plugin } from 'vite';

export const ROUTES_FILE = 'routes.json';

export function getDevReloadPlugin(dataDir: string): Plugin {
  const marker = path.join(dataDir, ROUTES_FILE);
  return {
    name: 'portolan-dev-reload',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add(marker);
      server.watcher.on('change', (file) => {
        if (path.resolve(file) !== marker) return;
        for (const [name, environment] of Object.entries(server.environments)) {
          if (name !== 'client') environment.hot.send('astro:content-changed', {});
        }
        server.environments.client?.hot.send({ type: 'full-reload', path: '*' });
      });
    },
  };
}
