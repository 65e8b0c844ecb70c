// A render run (see site-build.ts) renders pages for the render cache, not a site: Portolan assembles
// each site from the cache and indexes it for search itself. This integration, placed before
// Starlight's, moves what Astro wrote to the folder the build named, so Starlight's own search
// indexing finds nothing to index and costs nothing.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function getRenderedOutputIntegration(renderedDir: string | undefined): AstroIntegration {
  return {
    name: 'portolan:rendered-output',
    hooks: {
      'astro:build:done': ({ dir }) => {
        if (!renderedDir) return;
        const outDir = fileURLToPath(dir);
        fs.renameSync(outDir, renderedDir);
        fs.mkdirSync(outDir, { recursive: true });
      },
    },
  };
}
