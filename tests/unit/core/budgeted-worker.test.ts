import { afterEach, describe, expect, it } from 'vitest';
import { BudgetedWorker } from '../../../src/core/budgeted-worker.ts';
import type { StagesTask } from '../../fixtures/budget-workers/stages.ts';

const STAGES_WORKER = new URL('../../fixtures/budget-workers/stages.ts', import.meta.url);
let worker: BudgetedWorker<StagesTask, string> | undefined;
const createWorker = (seconds: number, heapMb = 256) => (worker = new BudgetedWorker<StagesTask, string>(STAGES_WORKER, { seconds, heapMb }));

afterEach(async () => {
  await worker?.close();
});

describe('BudgetedWorker', () => {
  it('returns what the worker answers, and keeps the worker for the next task', async () => {
    const budgeted = createWorker(30);
    expect(await budgeted.run({ file: 'a.yaml', stages: [{ stage: 'parse' }, { stage: 'lint' }] })).toEqual({ result: 'a.yaml: parse, lint' });
    expect(await budgeted.run({ file: 'b.yaml', stages: [{ stage: 'filter' }] })).toEqual({ result: 'b.yaml: filter' });
    expect(budgeted.start()).toBe(1);
  });

  it('ends a stage that outlives the time budget, naming the spec and the stage it was in', async () => {
    const budgeted = createWorker(0.2);
    expect(await budgeted.run({ file: 'hostile.yaml', stages: [{ stage: 'parse' }, { stage: 'lint', then: 'spin' }] })).toEqual({
      breach: { file: 'hostile.yaml', stage: 'lint', kind: 'time' },
    });
    // The next task gets a fresh worker.
    expect(await budgeted.run({ file: 'fine.yaml', stages: [{ stage: 'lint' }] })).toEqual({ result: 'fine.yaml: lint' });
    expect(budgeted.start()).toBe(2);
  });

  it('ends a stage that needs more heap than the budget', async () => {
    const budgeted = createWorker(120, 32);
    expect(await budgeted.run({ file: 'huge.yaml', stages: [{ stage: 'page model', then: 'grow' }] })).toEqual({
      breach: { file: 'huge.yaml', stage: 'page model', kind: 'memory' },
    });
  });

  it('passes on an error thrown in the worker, which stays ready for the next task', async () => {
    const budgeted = createWorker(30);
    await expect(budgeted.run({ file: 'a.yaml', stages: [{ stage: 'bundle', then: 'throw' }] })).rejects.toThrow('bundle failed on a.yaml');
    expect(await budgeted.run({ file: 'b.yaml', stages: [{ stage: 'parse' }] })).toEqual({ result: 'b.yaml: parse' });
    expect(budgeted.start()).toBe(1);
  });
});
