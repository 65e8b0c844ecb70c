// The worker side of the site-data budget: filters each API for the site's audience and writes its
// page model, telling the budget which API and stage it is in. The APIs come once per worker.
import module from 'node:module';
import type { ApiRecord } from '../load/api.ts';
import type { ApiHistory } from '../history/changelog.ts';
import type { PreparedSite } from './site-build.ts';
import type { SiteDataTask } from './budgeted-site-data.ts';

// Node's on-disk compile cache makes the worker's imports cheaper from the second run on.
module.enableCompileCache?.();
const { serveBudgetedTasks } = await import('../core/budgeted-worker.ts');
const { prepareSiteData } = await import('./site-build.ts');

let apis: ApiRecord[] = [];
let histories: Map<string, ApiHistory> | undefined;

serveBudgetedTasks<SiteDataTask, PreparedSite>(async (task, onStage) => {
  if (task.apis) apis = task.apis;
  if (task.histories) histories = new Map(task.histories);
  const excluded = new Set(task.exclude);
  return prepareSiteData(apis.filter((api) => !excluded.has(api.file)), task.target, task.dataDir, undefined, histories, onStage);
});
