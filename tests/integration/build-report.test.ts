// npm run build -- --report FILE: the build writes its own timings as JSON, which npm run bench reads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands.ts';
import { readBuildReport } from '../../src/cli/build-report.ts';
import { capture } from '../helpers/run.ts';

const FIXTURE = path.resolve('tests/fixtures/catalog-basic');

describe('npm run build -- --report FILE', () => {
  it('writes version 1 with the load and history stages, one entry per site built and the total seconds', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-report-test-'));
    const out = path.join(work, 'dist');
    const file = path.join(work, 'reports', 'build.json');
    const result = await capture(runBuild, ['--specs', FIXTURE, '--audience', 'open', '--out', out, '--report', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(json).toEqual({
      version: 1,
      stages: [
        { name: 'load', seconds: expect.any(Number) },
        { name: 'history', seconds: expect.any(Number) },
      ],
      sites: [{ name: 'open', outDir: out, apis: 1, pages: expect.any(Number), seconds: expect.any(Number) }],
      seconds: expect.any(Number),
    });
    // The open site shows the pets API: its catalog, overview and operation pages at least.
    expect(json.sites[0].pages).toBeGreaterThanOrEqual(3);
    const parts = json.stages[0].seconds + json.stages[1].seconds + json.sites[0].seconds;
    expect(json.seconds).toBeGreaterThanOrEqual(parts);
    expect(readBuildReport(fs.readFileSync(file, 'utf8'))).toEqual(json);
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('writes no report when the build stops', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-report-test-'));
    const file = path.join(work, 'build.json');
    const result = await capture(runBuild, ['--specs', path.resolve('tests/fixtures/lint-errors'), '--out', path.join(work, 'dist'), '--report', file]);
    expect(result.code).toBe(1);
    expect(fs.existsSync(file)).toBe(false);
    fs.rmSync(work, { recursive: true, force: true });
  });
});
