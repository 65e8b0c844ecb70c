// Per-spec budgets: every stage that works on one spec (parse, lint, bundle, filter, page model) gets
// at most so many seconds, in a worker whose heap is capped. A hostile or pathological spec then fails
// on its own, named with its stage, and the rest of the catalog is reported as usual.
import type { Diagnostic } from './diagnostics.ts';

export const SPEC_STAGES = ['parse', 'lint', 'bundle', 'filter', 'page model'] as const;
export type SpecStage = (typeof SPEC_STAGES)[number];

export interface SpecBudget {
  /** Longest one stage of one spec may run. */
  seconds: number;
  /** Heap of the worker that runs the stages (V8's old generation), in MB. */
  heapMb: number;
}

/**
 * The largest real public spec (Microsoft Graph beta, 47 MB) loads in about 35 s and 1.3 GB on a
 * 2-core machine; a minute and Node's usual heap leave room for it on a slower one.
 */
export const DEFAULT_SPEC_BUDGET: SpecBudget = { seconds: 60, heapMb: 4096 };

/** Below this a worker cannot even load Redocly, so no spec would get a fair try. */
export const MIN_HEAP_MB = 128;

export const BUDGET_RULE = 'portolan/budget-exceeded';
export const SECONDS_FLAG = '--max-seconds-per-spec';
export const HEAP_FLAG = '--max-heap-mb';

/** Told as each stage of each spec starts. */
export type StageReporter = (file: string, stage: SpecStage) => void;

/** A spec's stage ran out of time or memory. */
export interface BudgetBreach {
  file: string;
  stage: SpecStage;
  kind: 'time' | 'memory';
}

/** What usually makes each stage slow, so the message says where to look. */
const LIKELY_CAUSES: Record<SpecStage, string> = {
  parse: 'a very large file, or YAML that expands to a huge document',
  lint: 'a schema `pattern` that backtracks catastrophically on an example, such as ^(a+)+$ checked against "aaaa…!"',
  bundle: 'a very large description, or many files pulled in by $ref',
  filter: 'schemas that reference each other in many ways, such as subtypes that allOf a base which lists them in oneOf',
  'page model': 'very large or deeply nested schemas',
};

export function toBudgetDiagnostic(breach: BudgetBreach, budget: SpecBudget): Diagnostic {
  const { stage, kind } = breach;
  const exceeded = kind === 'time'
    ? `The ${stage} stage of this spec took longer than its budget of ${budget.seconds} s, so it was stopped`
    : `The ${stage} stage of this spec needed more than the heap budget of ${budget.heapMb} MB, so it was stopped`;
  const raise = kind === 'time' ? `${SECONDS_FLAG} N` : `${HEAP_FLAG} N`;
  return {
    rule: BUDGET_RULE,
    severity: 'error',
    message: `${exceeded}. Fix what makes it costly (often ${LIKELY_CAUSES[stage]}), or raise the budget with ${raise}.`,
    file: breach.file,
    line: 1,
    col: 1,
  };
}

/** A site's specs exceeded their budgets: the site is not built, and each is named. */
export class BudgetError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    super('a spec exceeded its budget');
    this.diagnostics = diagnostics;
  }
}
