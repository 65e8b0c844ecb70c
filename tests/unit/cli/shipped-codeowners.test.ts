// The pull-request workflow that ships with Portolan passes its CODEOWNERS step on the example catalog
// that ships with it: the same command, with the flags the workflow passes, from the repository root.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { runCodeowners } from '../../../src/cli/codeowners.ts';
import { capture } from '../../helpers/run.ts';

const WORKFLOW = '.github/workflows/pull-request.yml';

/** The arguments after `npm run codeowners --` in the workflow's step. */
function getWorkflowCodeownersArgs(): string[] {
  const workflow = YAML.parse(fs.readFileSync(WORKFLOW, 'utf8')) as { jobs: Record<string, { steps: { run?: string }[] }> };
  const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run ?? ''));
  const command = runs.find((run) => run.includes('npm run codeowners'));
  if (!command) throw new Error(`${WORKFLOW} has no step running npm run codeowners`);
  return command.trim().split(' -- ')[1]!.trim().split(/\s+/);
}

describe('the shipped repository', () => {
  it('passes the workflow step "npm run codeowners -- --check" as it is checked in', async () => {
    const args = getWorkflowCodeownersArgs();
    expect(args).toContain('--check');
    const result = await capture(runCodeowners, args);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\.github\/CODEOWNERS is up to date: \d+ entries for \d+ APIs\.\n$/);
    expect(result.code).toBe(0);
  });
});
