import { describe, expect, it } from 'vitest';
import { getShardOf, MIN_PAGES_PER_RUN, planRenderRuns, type SitePages } from '../../../src/site/render-plan.ts';
import { toHash } from '../../../src/site/render-cache.ts';

// Keys are hashes in real builds; these stand in for pages whose records are equal when their names are.
const page = (name: string, slug = `apis/${name}`) => ({ key: toHash(name), slug, file: `/data/${name}.json` });
const site = (name: string, pages: string[]): SitePages => ({ name, dataDir: `/work/${name}`, catalog: page(`catalog of ${name}`, ''), pages: pages.map((p) => page(p)) });
const keysOf = (runs: ReturnType<typeof planRenderRuns>) => runs.flatMap((run) => run.pages.map((p) => p.key)).sort();

describe('planning render runs', () => {
  it('renders a page once, for the first site that shows it, and a partner site that shows the same pages renders only its catalog', () => {
    const runs = planRenderRuns([site('internal', ['pets', 'payroll']), site('partner', ['pets']), site('partner-acme', ['pets'])], () => false, { workers: 1 });
    expect(runs.map((run) => [run.site, run.pages.map((p) => p.slug), run.keepsCatalog])).toEqual([
      ['internal', ['apis/pets', 'apis/payroll'], true],
      ['partner', [], true],
      ['partner-acme', [], true],
    ]);
  });

  it('leaves out what the cache has, and plans no run at all when it has everything', () => {
    const sites = [site('internal', ['pets', 'payroll'])];
    const cached = new Set([toHash('pets'), toHash('catalog of internal')]);
    expect(planRenderRuns(sites, (key) => cached.has(key), { workers: 2 }).map((run) => run.pages.map((p) => p.slug))).toEqual([['apis/payroll']]);
    const everything = new Set([...cached, toHash('payroll')]);
    expect(planRenderRuns(sites, (key) => everything.has(key), { workers: 2 })).toEqual([]);
  });

  it('still plans one run when everything is cached but the runtime files are not', () => {
    const runs = planRenderRuns([site('internal', ['pets'])], () => true, { workers: 2, needsAnyRun: true });
    expect(runs).toEqual([{ site: 'internal', dataDir: '/work/internal', pages: [], keepsCatalog: false }]);
  });

  it('splits a large site into one run per core, but never into runs smaller than start-up is worth', () => {
    const names = Array.from({ length: MIN_PAGES_PER_RUN * 3 }, (_, i) => `op-${i}`);
    const runs = planRenderRuns([site('internal', names)], () => false, { workers: 2 });
    expect(runs.map((run) => run.pages.length)).toEqual([MIN_PAGES_PER_RUN * 1.5, MIN_PAGES_PER_RUN * 1.5]);
    expect(runs.filter((run) => run.keepsCatalog)).toHaveLength(1);
    expect(planRenderRuns([site('internal', names.slice(0, 100))], () => false, { workers: 2 })).toHaveLength(1);
  });

  it('gives every page to exactly one of N shards', () => {
    const sites = [site('internal', Array.from({ length: 200 }, (_, i) => `op-${i}`)), site('open', ['op-1', 'op-2', 'public-only'])];
    const all = keysOf(planRenderRuns(sites, () => false, { workers: 1 }));
    const shards = [1, 2, 3].map((index) => keysOf(planRenderRuns(sites, () => false, { workers: 1, shard: { index, count: 3 } })));
    expect(shards.flat().sort()).toEqual(all);
    expect(new Set(shards.flat()).size).toBe(all.length);
    for (const keys of shards) expect(keys.length).toBeGreaterThan(40);
    expect(getShardOf(toHash('op-1'), 1)).toBe(1);
  });
});
