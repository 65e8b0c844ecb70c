// Writes each site's data (filter and page model, per API) in a worker under the per-spec budget. An
// API whose stage runs out of time or heap ends the worker; the rest are prepared again without it,
// so every API over budget is named, and then the build stops before Astro runs.
import type { BuildTarget } from '../core/audience.ts';
import { BudgetError, DEFAULT_SPEC_BUDGET, toBudgetDiagnostic, type SpecBudget } from '../core/budget.ts';
import { BudgetedWorker } from '../core/budgeted-worker.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { ApiHistory } from '../history/changelog.ts';
import type { ApiRecord } from '../load/api.ts';
import type { PreparedSite } from './site-build.ts';

/** One site's data to write; the APIs and their histories are sent only to a worker that lacks them. */
export interface SiteDataTask {
  target: BuildTarget;
  dataDir: string;
  /** Files of APIs already over budget, left out. */
  exclude: string[];
  apis?: ApiRecord[];
  histories?: [string, ApiHistory][];
}

const WORKER = new URL('./site-data-worker.ts', import.meta.url);

export interface SiteDataPreparer {
  /** Writes the site's data; throws BudgetError naming every API over budget. */
  prepare(target: BuildTarget, dataDir: string): Promise<PreparedSite>;
  close(): Promise<void>;
}

/** `workerUrl` is for tests, which inject a worker with a stage that never ends. */
export function createSiteDataPreparer(apis: readonly ApiRecord[], histories?: ReadonlyMap<string, ApiHistory>, budget: SpecBudget = DEFAULT_SPEC_BUDGET, workerUrl = WORKER): SiteDataPreparer {
  const worker = new BudgetedWorker<SiteDataTask, PreparedSite>(workerUrl, budget);
  /** The number of the worker that holds the APIs; a budget that ends it means sending them again. */
  let holder = 0;
  return {
    async prepare(target, dataDir) {
      const exceeded = new Map<string, Diagnostic>();
      for (;;) {
        const current = worker.start();
        const data = current === holder ? {} : { apis: [...apis], histories: histories ? [...histories] : undefined };
        holder = current;
        const outcome = await worker.run({ target, dataDir, exclude: [...exceeded.keys()], ...data });
        if ('result' in outcome) {
          if (exceeded.size === 0) return outcome.result;
          throw new BudgetError([...exceeded.values()]);
        }
        exceeded.set(outcome.breach.file, toBudgetDiagnostic(outcome.breach, budget));
      }
    },
    close: () => worker.close(),
  };
}
