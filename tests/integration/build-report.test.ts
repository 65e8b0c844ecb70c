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
  it('writes version 1: the stages from load on, one entry per site with its stages and page counts, and the total seconds', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-report-test-'));
    const out = path.join(work, 'dist');
    const file = path.join(work, 'reports', 'build.json');
    const result = await capture(runBuild, ['--specs', FIXTURE, '--audience', 'open', '--out', out, '--cache', path.join(work, 'cache'), '--report', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(Object.keys(json).sort()).toEqual(['seconds', 'sites', 'stages', 'version']);
    expect(json.version).toBe(1);
    expect(json.stages.slice(0, 2).map((stage: { name: string }) => stage.name)).toEqual(['load', 'history']);
    for (const stage of json.stages) expect(stage).toEqual({ name: expect.any(String), seconds: expect.any(Number) });
    expect(json.sites).toEqual([
      { name: 'open', outDir: out, apis: 1, pages: expect.any(Number), seconds: expect.any(Number), stages: expect.any(Object), rendered: expect.any(Number), reused: expect.any(Number) },
    ]);
    const [site] = json.sites;
    // The open site shows the pets API: its catalog, overview and operation pages at least.
    expect(site.pages).toBeGreaterThanOrEqual(3);
    // A cold build with a cache of its own reuses nothing.
    expect(site).toMatchObject({ rendered: site.pages, reused: 0 });
    for (const seconds of Object.values(site.stages)) expect(seconds).toEqual(expect.any(Number));
    const stagesSeconds = json.stages.reduce((sum: number, stage: { seconds: number }) => sum + stage.seconds, 0);
    expect(json.seconds).toBeGreaterThanOrEqual(stagesSeconds);
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
