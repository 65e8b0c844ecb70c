import { describe, expect, it } from 'vitest';
import { toBudgetDiagnostic } from '../../../src/core/budget.ts';

const budget = { seconds: 60, heapMb: 4096 };

describe('toBudgetDiagnostic', () => {
  it('names the stage and the time budget, what usually causes it, and the flag that raises it', () => {
    expect(toBudgetDiagnostic({ file: 'specs/codes/openapi.yaml', stage: 'lint', kind: 'time' }, budget)).toEqual({
      rule: 'portolan/budget-exceeded',
      severity: 'error',
      message: 'The lint stage of this spec took longer than its budget of 60 s, so it was stopped. Fix what makes it costly (often a schema `pattern` that backtracks catastrophically on an example, such as ^(a+)+$ checked against "aaaa…!"), or raise the budget with --max-seconds-per-spec N.',
      file: 'specs/codes/openapi.yaml',
      line: 1,
      col: 1,
    });
  });

  it('names the heap budget and its flag when a stage ran out of memory', () => {
    expect(toBudgetDiagnostic({ file: 'specs/pets/openapi.yaml', stage: 'filter', kind: 'memory' }, budget).message).toBe(
      'The filter stage of this spec needed more than the heap budget of 4096 MB, so it was stopped. Fix what makes it costly (often schemas that reference each other in many ways, such as subtypes that allOf a base which lists them in oneOf), or raise the budget with --max-heap-mb N.',
    );
  });
});
