import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The folders under src/ are the pipeline's stages, in the order data flows through them. A module may
// import from its own stage or an earlier one; an upward import would let an early stage depend on a
// later one, and the folder names would stop telling the truth about the data flow.
const STAGES = ['core', 'load', 'lint', 'audience', 'history', 'model', 'site', 'cli'] as const;
const IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

function listModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listModules(full);
    return /\.(ts|mts)$/.test(entry.name) ? [full] : [];
  });
}

function getStage(file: string): string | undefined {
  const [top = ''] = path.relative('src', file).split(path.sep);
  return (STAGES as readonly string[]).includes(top) ? top : undefined;
}

function getUpwardImports(): string[] {
  const problems: string[] = [];
  for (const stage of STAGES) {
    for (const file of listModules(path.join('src', stage))) {
      for (const [, specifier = ''] of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = getStage(path.relative(process.cwd(), path.resolve(path.dirname(file), specifier)));
        if (target && STAGES.indexOf(target as (typeof STAGES)[number]) > STAGES.indexOf(stage)) problems.push(`${file} imports ${specifier}`);
      }
    }
  }
  return problems;
}

describe('the source layout', () => {
  it('has one folder per pipeline stage and no loose modules under src/lib', () => {
    for (const stage of STAGES) expect(fs.statSync(path.join('src', stage)).isDirectory(), stage).toBe(true);
    expect(fs.existsSync(path.join('src', 'lib'))).toBe(false);
  });

  it('imports only from the same stage, an earlier one or core', () => {
    expect(getUpwardImports()).toEqual([]);
  });

  it('keeps the renderer out of the pipeline: no stage imports src/pages or src/components', () => {
    const intoRenderer = STAGES.flatMap((stage) =>
      listModules(path.join('src', stage)).filter((file) => /from '[^']*\/(pages|components)\//.test(fs.readFileSync(file, 'utf8'))),
    );
    expect(intoRenderer).toEqual([]);
  });
});
