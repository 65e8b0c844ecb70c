// Which pages a build renders, and in how many Astro runs. A page is rendered once per build, by the
// first site (in build order) that shows it, and not at all when the render cache has it; partner
// sites that show what another site shows therefore cost almost nothing. The work is split into runs
// of similar size so every core has one, and a shard of a build (`--shard K/N`) takes the pages whose
// keys fall to it, so N machines share the work without talking to each other.

export interface PlannedPage {
  /** The page's render key (render-version.ts, site-build.ts). */
  key: string;
  /** Its URL path without slashes at the ends; '' for the catalog page. */
  slug: string;
  /** Its record, as an absolute path in its site's data folder. */
  file: string;
}

export interface SitePages {
  name: string;
  dataDir: string;
  /** The catalog page (the site's index) and every API page. */
  catalog: PlannedPage;
  pages: readonly PlannedPage[];
}

export interface RenderRun {
  /** The site whose data folder the run reads. */
  site: string;
  dataDir: string;
  pages: PlannedPage[];
  /** Whether the run keeps the site's catalog page (every run renders it; only one keeps it). */
  keepsCatalog: boolean;
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Below this, a run's start-up (about 3 s) costs more than another core saves. */
export const MIN_PAGES_PER_RUN = 400;

/** The shard a key falls to: keys are hex hashes, so their first bits are spread evenly. */
export function getShardOf(key: string, count: number): number {
  return (Number.parseInt(key.slice(0, 8), 16) % count) + 1;
}

export interface RenderPlanner {
  /** The runs for one more site, given the sites planned before it (build order): what they claimed it skips. */
  plan(site: SitePages): RenderRun[];
}

export function createRenderPlanner(isCached: (key: string) => boolean, options: { workers: number; shard?: Shard }): RenderPlanner {
  const claimed = new Set<string>();
  const inShard = (key: string) => !options.shard || getShardOf(key, options.shard.count) === options.shard.index;
  return {
    plan(site) {
      const pages: PlannedPage[] = [];
      for (const page of site.pages) {
        if (claimed.has(page.key) || isCached(page.key) || !inShard(page.key)) continue;
        claimed.add(page.key);
        pages.push(page);
      }
      const keepsCatalog = !claimed.has(site.catalog.key) && !isCached(site.catalog.key) && inShard(site.catalog.key);
      claimed.add(site.catalog.key);
      if (pages.length === 0 && !keepsCatalog) return [];
      // Each site's pages are split so every core gets a share; a site is planned while the runs of
      // the sites before it are already rendering.
      const perRun = Math.max(MIN_PAGES_PER_RUN, Math.ceil(pages.length / Math.max(1, options.workers)));
      const chunks = Math.max(1, Math.ceil(pages.length / perRun));
      const runs: RenderRun[] = [];
      for (let chunk = 0; chunk < chunks; chunk++) {
        runs.push({ site: site.name, dataDir: site.dataDir, pages: pages.slice(chunk * perRun, (chunk + 1) * perRun), keepsCatalog: keepsCatalog && chunk === 0 });
      }
      return runs;
    },
  };
}

/**
 * The runs of a whole build at once. `needsAnyRun`: the runtime files (scripts, styles, the 404 page)
 * come out of any run, so a build with every page cached but those still renders its first site's
 * catalog to get them.
 */
export function planRenderRuns(sites: readonly SitePages[], isCached: (key: string) => boolean, options: { workers: number; shard?: Shard; needsAnyRun?: boolean }): RenderRun[] {
  const planner = createRenderPlanner(isCached, options);
  const runs = sites.flatMap((site) => planner.plan(site));
  if (runs.length === 0 && options.needsAnyRun && sites[0]) runs.push(getFallbackRun(sites[0]));
  return runs;
}

export function getFallbackRun(site: SitePages): RenderRun {
  return { site: site.name, dataDir: site.dataDir, pages: [], keepsCatalog: false };
}
