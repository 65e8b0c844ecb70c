// The worker side of loadCatalogWithinBudget: loads the catalog with the repo's lint config, telling
// the budget which spec and stage it is in.
import module from 'node:module';
import type { CatalogLoadResult } from '../load/catalog-load.ts';
import type { CatalogLoadTask } from './budgeted-catalog-load.ts';

// A worker imports Redocly and the loader again; Node's on-disk compile cache makes that about 40%
// cheaper from the second run on. Enabled before the imports it is meant to speed up.
module.enableCompileCache?.();
const { serveBudgetedTasks } = await import('../core/budgeted-worker.ts');
const { loadCatalog } = await import('../load/catalog-load.ts');
const { loadLintConfig } = await import('./lint-config.ts');

serveBudgetedTasks<CatalogLoadTask, CatalogLoadResult>(async (task, onStage) => {
  const config = await loadLintConfig(task.configPath);
  const result = await loadCatalog(task.specsDir, config, task.roots, task.limits, { ...task.options, onStage, exceeded: new Map(task.exceeded) });
  return task.withApis ? result : { ...result, apis: [] };
});
