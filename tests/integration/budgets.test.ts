// Hostile specs never hang lint or build: a stage over its budget fails that spec, named with the
// stage, and the rest of the catalog is reported as usual.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild, runLint } from '../../src/cli/commands.ts';
import { BUILD_USAGE, LINT_USAGE } from '../../src/cli/cli-args.ts';
import { toDisplayPath } from '../../src/core/diagnostics.ts';
import { capture } from '../helpers/run.ts';

const REGEX_SPECS = path.resolve('tests/fixtures/hostile-specs/regex');
const BACKTRACKING = toDisplayPath(path.join(REGEX_SPECS, 'backtracking', 'openapi.yaml'));
const PLAIN = toDisplayPath(path.join(REGEX_SPECS, 'plain', 'openapi.yaml'));
const OVER_BUDGET = 'error  portolan/budget-exceeded  The lint stage of this spec took longer than its budget of 2 s, so it was stopped. Fix what makes it costly (often a schema `pattern` that backtracks catastrophically on an example, such as ^(a+)+$ checked against "aaaa…!"), or raise the budget with --max-seconds-per-spec N.';

describe('a pattern that backtracks catastrophically on its example', () => {
  it('fails lint for its spec alone, and every other spec is linted as usual', async () => {
    const result = await capture(runLint, ['--specs', REGEX_SPECS, '--max-seconds-per-spec', '2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${BACKTRACKING}:1:1  ${OVER_BUDGET}\n`);
    expect(result.stderr).toContain('    docs: README.md#security-model\n');
    expect(result.stderr).toContain(`${PLAIN}:24:24  warning  no-invalid-media-type-examples  Example value must conform to the schema: must match pattern "^a+$".`);
    expect(result.stderr).toMatch(/\n1 error, 2 warnings in 2 APIs\n$/);
  });

  it('stops the build before any site is written', async () => {
    const result = await capture(runBuild, ['--specs', REGEX_SPECS, '--max-seconds-per-spec', '2', '--out', path.join(REGEX_SPECS, 'never-written')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${BACKTRACKING}:1:1  ${OVER_BUDGET}`);
    expect(result.stderr).toMatch(/Build stopped: fix the errors above \(earlier output in the out folder is untouched\)\.\n$/);
  });
});

describe('budget flags', () => {
  it.each([
    ['lint', '--max-seconds-per-spec 0', runLint, LINT_USAGE, "--max-seconds-per-spec must be a positive number (got '0')"],
    ['build', '--max-seconds-per-spec soon', runBuild, BUILD_USAGE, "--max-seconds-per-spec must be a positive number (got 'soon')"],
    ['lint', '--max-heap-mb 64', runLint, LINT_USAGE, "--max-heap-mb must be at least 128: the worker needs that much to start (got '64')"],
  ] as const)('%s refuses %s with exit 2', async (_name, flag, command, usage, message) => {
    const args = flag.split(' ');
    expect(await capture(command, ['--specs', REGEX_SPECS, ...args])).toEqual({ code: 2, stdout: '', stderr: `${message}\n${usage}\n` });
  });
});
