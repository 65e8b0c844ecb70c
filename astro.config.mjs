// @ts-check
// The build script (scripts/build.ts) prepares one site's data folder and then runs Astro once per
// audience with PORTOLAN_SITE_DATA pointing at it. Nothing from a spec is ever written into source here.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { getDevReloadPlugin } from './src/site/dev-reload.ts';
import { readSiteSettings } from './src/core/site-settings.ts';
import { getRenderedOutputIntegration } from './src/site/rendered-output.ts';

const settings = readSiteSettings(process.env);

export default defineConfig({
  site: settings.siteUrl,
  outDir: settings.outDir,
  cacheDir: settings.cacheDir,
  // Spec downloads and catalog.json are prepared per site; a build never sees another site's files.
  publicDir: settings.dataDir ? `${settings.dataDir}/public` : './src/empty-public',
  vite: { plugins: settings.dataDir ? [getDevReloadPlugin(settings.dataDir)] : [] },
  integrations: [
    // Before Starlight: a render run's pages leave before Starlight would index them (Portolan indexes sites itself).
    getRenderedOutputIntegration(settings.renderedDir),
    starlight({
      title: settings.title,
      description: settings.description,
      customCss: ['./src/styles/portolan.css'],
      // The portal's branding (logo, accent colour, footer link) is read as data by these components.
      components: {
        Head: './src/components/SiteHead.astro',
        SiteTitle: './src/components/SiteTitle.astro',
        Footer: './src/components/SiteFooter.astro',
      },
      // Each page passes its own API-scoped sidebar; this global one is only the way back to the catalog.
      sidebar: [{ label: 'API catalog', link: '/' }],
      pagefind: true,
      lastUpdated: false,
    }),
  ],
});
