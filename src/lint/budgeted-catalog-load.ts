// Loads a catalog (parse, lint, bundle) in a worker under the per-spec budget. A spec whose stage
// runs out of time or heap ends the worker; the catalog is loaded again with that spec reported as
// over budget, so one hostile spec costs its budget once and every other spec is reported as usual.
import type { Diagnostic } from '../core/diagnostics.ts';
import { DEFAULT_SPEC_BUDGET, toBudgetDiagnostic, type SpecBudget } from '../core/budget.ts';
import { BudgetedWorker } from '../core/budgeted-worker.ts';
import type { CatalogLoadResult } from '../load/catalog-load.ts';
import type { LoadOptions } from '../load/load.ts';
import { DEFAULT_LIMITS, type InputLimits } from '../load/safe-resolver.ts';

/** What the worker needs to load the catalog itself: all of it plain data. */
export interface CatalogLoadTask {
  specsDir: string;
  /** The worker reads the lint config from its file, as the command did. */
  configPath: string;
  roots?: string[];
  limits: InputLimits;
  options: Pick<LoadOptions, 'lint' | 'bundle'>;
  /** Files already over budget, each with its problem. */
  exceeded: [string, Diagnostic][];
  /** Whether to send the loaded APIs back; lint needs only the problems, and copying documents costs. */
  withApis: boolean;
}

const WORKER = new URL('./catalog-load-worker.ts', import.meta.url);

export interface BudgetedLoadOptions {
  roots?: string[];
  limits?: InputLimits;
  load?: Pick<LoadOptions, 'lint' | 'bundle'>;
  budget?: SpecBudget;
  /** Leave out the loaded APIs (apis is empty): for callers that need only the problems. */
  problemsOnly?: boolean;
}

/** Starts a catalog load's worker early, so its imports overlap the command's own start-up. */
export function prepareCatalogLoad(budget: SpecBudget = DEFAULT_SPEC_BUDGET): BudgetedWorker<CatalogLoadTask, CatalogLoadResult> {
  const worker = new BudgetedWorker<CatalogLoadTask, CatalogLoadResult>(WORKER, budget);
  worker.start();
  return worker;
}

export async function loadCatalogWithinBudget(specsDir: string, configPath: string, options: BudgetedLoadOptions = {}, worker = prepareCatalogLoad(options.budget)): Promise<CatalogLoadResult> {
  const exceeded = new Map<string, Diagnostic>();
  try {
    for (;;) {
      const outcome = await worker.run({ specsDir, configPath, roots: options.roots, limits: options.limits ?? DEFAULT_LIMITS, options: options.load ?? {}, exceeded: [...exceeded], withApis: !options.problemsOnly });
      if ('result' in outcome) return outcome.result;
      // A file over budget is never tried again, so each round names a new one and the rounds end.
      if (exceeded.has(outcome.breach.file)) throw new Error(`${outcome.breach.file} was over budget twice`);
      exceeded.set(outcome.breach.file, toBudgetDiagnostic(outcome.breach, worker.budget));
    }
  } finally {
    await worker.close();
  }
}
