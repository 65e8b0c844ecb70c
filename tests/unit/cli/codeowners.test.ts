import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BEGIN_MARKER,
  CODEOWNERS_USAGE,
  CodeownersMarkerError,
  END_MARKER,
  getBlockDifferences,
  getCurrentBlock,
  getEntryPath,
  mergeCodeownersBlock,
  runCodeowners,
  toCodeownersBlock,
  toOwnerHandle,
  toPathOwner,
} from '../../../src/cli/codeowners.ts';
import { capture } from '../../helpers/run.ts';

const repo = path.resolve('/repo');
const specs = path.join(repo, 'specs');

describe('toOwnerHandle', () => {
  it('keeps an owner that is already a GitHub handle', () => {
    expect(toOwnerHandle('@jdoe', undefined)).toBe('@jdoe');
    expect(toOwnerHandle('@northwind/payments', 'other')).toBe('@northwind/payments');
  });

  it('puts a team name under the organisation', () => {
    expect(toOwnerHandle('team-payments', 'northwind')).toBe('@northwind/team-payments');
  });

  it('has no handle for a team name without an organisation, or for free text', () => {
    expect(toOwnerHandle('team-payments', undefined)).toBeUndefined();
    expect(toOwnerHandle('Payments team', 'northwind')).toBeUndefined();
    expect(toOwnerHandle('@northwind/payments\n* @mallory', 'northwind')).toBeUndefined();
  });
});

describe('getEntryPath', () => {
  it('maps a folder-rooted API to its whole top folder', () => {
    expect(getEntryPath(specs, path.join(specs, 'payments', 'openapi.yaml'), repo)).toBe('/specs/payments/');
    expect(getEntryPath(specs, path.join(specs, 'payments', 'v2', 'openapi.yaml'), repo)).toBe('/specs/payments/');
  });

  it('maps an API that is one file in the specs folder to that file', () => {
    expect(getEntryPath(specs, path.join(specs, 'billing.yaml'), repo)).toBe('/specs/billing.yaml');
  });

  it('starts from the repository root wherever the specs folder is', () => {
    const nested = path.join(repo, 'api', 'specs');
    expect(getEntryPath(nested, path.join(nested, 'billing.yaml'), repo)).toBe('/api/specs/billing.yaml');
    expect(getEntryPath(repo, path.join(repo, 'billing.yaml'), repo)).toBe('/billing.yaml');
  });
});

describe('toPathOwner', () => {
  it('says why an API has no owner', () => {
    expect(toPathOwner('/specs/a/', undefined, 'northwind')).toEqual({ path: '/specs/a/', problem: 'no x-owner' });
    expect(toPathOwner('/specs/a/', '  ', 'northwind')).toEqual({ path: '/specs/a/', problem: 'no x-owner' });
    expect(toPathOwner('/specs/a/', 'Team A', 'northwind')).toEqual({ path: '/specs/a/', problem: 'x-owner is not a team name or GitHub handle' });
  });

  it('refuses a path CODEOWNERS would read as something else', () => {
    expect(toPathOwner('/specs/my api.yaml', 'team-a', 'northwind')).toEqual({ path: '/specs/my api.yaml', problem: 'path has characters CODEOWNERS cannot match' });
  });
});

describe('toCodeownersBlock', () => {
  it('writes one line per path between the markers, sorted by path', () => {
    expect(
      toCodeownersBlock([
        { path: '/specs/tracking/', owner: '@northwind/team-tracking' },
        { path: '/specs/billing.yaml', owner: '@jdoe' },
        { path: '/specs/Zeta.yaml', owner: '@northwind/zeta' },
      ]),
    ).toEqual([BEGIN_MARKER, '/specs/Zeta.yaml @northwind/zeta', '/specs/billing.yaml @jdoe', '/specs/tracking/ @northwind/team-tracking', END_MARKER]);
  });

  it('is the same whatever order the APIs come in', () => {
    const apis = [
      { path: '/specs/b/', owner: '@o/b' },
      { path: '/specs/a/', owner: '@o/a' },
      { path: '/specs/c.yaml', problem: 'no x-owner' as const },
    ];
    expect(toCodeownersBlock(apis)).toEqual(toCodeownersBlock([...apis].reverse()));
  });

  it('asks every owning team of a shared folder, on one line', () => {
    expect(
      toCodeownersBlock([
        { path: '/specs/payments/', owner: '@o/refunds' },
        { path: '/specs/payments/', owner: '@o/cards' },
        { path: '/specs/payments/', owner: '@o/cards' },
      ]),
    ).toEqual([BEGIN_MARKER, '/specs/payments/ @o/cards @o/refunds', END_MARKER]);
  });

  it('lists APIs nobody can be asked about as comments after the entries', () => {
    expect(
      toCodeownersBlock([
        { path: '/specs/foo/', problem: 'no x-owner' },
        { path: '/specs/a.yaml', owner: '@o/a' },
        { path: '/specs/bar.yaml', problem: 'x-owner is not a team name or GitHub handle' },
      ]),
    ).toEqual([BEGIN_MARKER, '/specs/a.yaml @o/a', '# no x-owner: /specs/foo/', '# x-owner is not a team name or GitHub handle: /specs/bar.yaml', END_MARKER]);
  });

  it('quotes a hostile path so it cannot start a line of its own', () => {
    const block = toCodeownersBlock([toPathOwner('/specs/x\n* @mallory.yaml', '@o/x', undefined)]);
    expect(block).toEqual([BEGIN_MARKER, '# path has characters CODEOWNERS cannot match: "/specs/x\\n* @mallory.yaml"', END_MARKER]);
  });
});

describe('mergeCodeownersBlock', () => {
  const block = [BEGIN_MARKER, '/specs/a/ @o/a', END_MARKER];

  it('writes just the block into an empty file', () => {
    expect(mergeCodeownersBlock('', block)).toBe(`${BEGIN_MARKER}\n/specs/a/ @o/a\n${END_MARKER}\n`);
  });

  it('appends the block after a blank line, keeping what was there', () => {
    expect(mergeCodeownersBlock('* @o/platform', block)).toBe(`* @o/platform\n\n${BEGIN_MARKER}\n/specs/a/ @o/a\n${END_MARKER}\n`);
    expect(mergeCodeownersBlock('* @o/platform\n\n', block)).toBe(`* @o/platform\n\n${BEGIN_MARKER}\n/specs/a/ @o/a\n${END_MARKER}\n`);
  });

  it('replaces the old block in place, leaving the lines around it untouched', () => {
    const before = `# Platform\n* @o/platform\n${BEGIN_MARKER}\n/specs/old/ @o/old\n${END_MARKER}\n/docs/  @o/docs   \n`;
    expect(mergeCodeownersBlock(before, block)).toBe(`# Platform\n* @o/platform\n${BEGIN_MARKER}\n/specs/a/ @o/a\n${END_MARKER}\n/docs/  @o/docs   \n`);
  });

  it('keeps a file’s CRLF line endings', () => {
    const before = `* @o/platform\r\n${BEGIN_MARKER}\r\n${END_MARKER}\r\n`;
    expect(mergeCodeownersBlock(before, block)).toBe(`* @o/platform\r\n${BEGIN_MARKER}\r\n/specs/a/ @o/a\r\n${END_MARKER}\r\n`);
  });

  it('refuses markers that do not make exactly one block', () => {
    expect(() => mergeCodeownersBlock(`${BEGIN_MARKER}\n/specs/a/ @o/a\n`, block)).toThrow(CodeownersMarkerError);
    expect(() => mergeCodeownersBlock(`${END_MARKER}\n${BEGIN_MARKER}\n`, block)).toThrow(CodeownersMarkerError);
    expect(() => mergeCodeownersBlock(`${BEGIN_MARKER}\n${END_MARKER}\n${BEGIN_MARKER}\n${END_MARKER}\n`, block)).toThrow(
      "the '# BEGIN portolan' and '# END portolan' lines do not make one block; fix them by hand or delete the block, then run npm run codeowners again.",
    );
  });
});

describe('getCurrentBlock and getBlockDifferences', () => {
  it('reads the block back out of a file', () => {
    expect(getCurrentBlock(`* @o/p\r\n${BEGIN_MARKER}\r\n/specs/a/ @o/a\r\n${END_MARKER}\r\n`)).toEqual([BEGIN_MARKER, '/specs/a/ @o/a', END_MARKER]);
    expect(getCurrentBlock('* @o/p\n')).toBeUndefined();
  });

  it('marks lines the file has with - and lines it lacks with +', () => {
    expect(getBlockDifferences([BEGIN_MARKER, '/specs/a/ @o/old', END_MARKER], [BEGIN_MARKER, '/specs/a/ @o/a', '/specs/b/ @o/b', END_MARKER])).toEqual([
      '- /specs/a/ @o/old',
      '+ /specs/a/ @o/a',
      '+ /specs/b/ @o/b',
    ]);
  });

  it('says when only the order differs, and nothing when the blocks match', () => {
    expect(getBlockDifferences(['x', 'b', 'a'], ['x', 'a', 'b'])).toEqual(['  (the same lines, in another order)']);
    expect(getBlockDifferences(['x', 'a'], ['x', 'a'])).toEqual([]);
  });
});

// The command on fixture catalogs. CODEOWNERS paths start at the current folder, the project root here.
describe('npm run codeowners', () => {
  const fixture = (name: string) => path.join('tests', 'fixtures', name);
  const tempFile = (content?: string) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-codeowners-test-')), 'CODEOWNERS');
    if (content !== undefined) fs.writeFileSync(file, content);
    return file;
  };
  const BASIC_BLOCK = [
    BEGIN_MARKER,
    '/tests/fixtures/codeowners-basic/billing.yaml @northwind/billing-crew',
    '/tests/fixtures/codeowners-basic/labels.json @jdoe',
    '/tests/fixtures/codeowners-basic/payments/ @northwind/team-payments',
    END_MARKER,
  ].join('\n');

  it('maps every API to its owner, after the lines already in the file', async () => {
    const file = tempFile('* @northwind/platform\n');
    const result = await capture(runCodeowners, ['--specs', fixture('codeowners-basic'), '--file', file, '--org', 'northwind']);
    expect(result).toEqual({ code: 0, stdout: `Wrote ${file}: 3 entries for 3 APIs.\n`, stderr: '' });
    expect(fs.readFileSync(file, 'utf8')).toBe(`* @northwind/platform\n\n${BASIC_BLOCK}\n`);
  });

  it('creates the file and its folder when there is none, and leaves an up-to-date file alone', async () => {
    const file = path.join(path.dirname(tempFile()), '.github', 'CODEOWNERS');
    const args = ['--specs', fixture('codeowners-basic'), '--file', file, '--org', 'northwind'];
    await capture(runCodeowners, args);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${BASIC_BLOCK}\n`);
    expect(await capture(runCodeowners, args)).toEqual({ code: 0, stdout: `${file} is up to date: 3 entries for 3 APIs.\n`, stderr: '' });
  });

  it('--check passes when the block is what it would write', async () => {
    const file = tempFile(`${BASIC_BLOCK}\n# after\n`);
    const result = await capture(runCodeowners, ['--specs', fixture('codeowners-basic'), '--file', file, '--org', 'northwind', '--check']);
    expect(result).toEqual({ code: 0, stdout: `${file} is up to date: 3 entries for 3 APIs.\n`, stderr: '' });
  });

  it('--check fails on a stale block, names the lines and the command that fixes it', async () => {
    const file = tempFile(`${BASIC_BLOCK.replace('@jdoe', '@someone-else')}\n`);
    const before = fs.readFileSync(file, 'utf8');
    const result = await capture(runCodeowners, ['--check', '--specs', fixture('codeowners-basic'), '--file', file, '--org', 'northwind']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        `${file} is out of date (- in the file, + expected):`,
        '- /tests/fixtures/codeowners-basic/labels.json @someone-else',
        '+ /tests/fixtures/codeowners-basic/labels.json @jdoe',
        `Run npm run codeowners -- --specs tests/fixtures/codeowners-basic --file ${file} --org northwind to update it.`,
        '',
      ].join('\n'),
    });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('--check fails when the file has no block', async () => {
    const file = tempFile('* @northwind/platform\n');
    const result = await capture(runCodeowners, ['--specs', fixture('codeowners-basic'), '--file', file, '--org', 'northwind', '--check']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${file} has no portolan block. Run npm run codeowners -- --specs tests/fixtures/codeowners-basic --file ${file} --org northwind to add it.\n`);
  });

  it('lists an API without x-owner in the block, says so, and fails --check', async () => {
    const file = tempFile();
    const args = ['--specs', fixture('codeowners-unowned'), '--file', file];
    const note = "Nobody is asked to review these APIs:\n  no x-owner: /tests/fixtures/codeowners-unowned/orders.yaml\nSet info.x-owner to a team name (with --org) or a GitHub handle like '@org/team'.\n";
    expect(await capture(runCodeowners, args)).toEqual({ code: 0, stdout: `Wrote ${file}: 1 entry for 2 APIs.\n`, stderr: note });
    expect(fs.readFileSync(file, 'utf8')).toBe(
      `${BEGIN_MARKER}\n/tests/fixtures/codeowners-unowned/stock/ @northwind/stock\n# no x-owner: /tests/fixtures/codeowners-unowned/orders.yaml\n${END_MARKER}\n`,
    );
    expect(await capture(runCodeowners, [...args, '--check'])).toEqual({ code: 1, stdout: '', stderr: note });
  });

  it('refuses to write when an API does not load, naming it (exit 1)', async () => {
    const file = tempFile();
    const result = await capture(runCodeowners, ['--specs', fixture('codeowners-broken'), '--file', file]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Cannot read the owners of APIs that do not load: tests/fixtures/codeowners-broken/orders.yaml. Run npm run lint to see why.\n',
    });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('needs --org when an owner is a bare team name (exit 2)', async () => {
    const file = tempFile();
    const result = await capture(runCodeowners, ['--specs', fixture('codeowners-basic'), '--file', file]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `These x-owner values are not GitHub handles: team-payments (/tests/fixtures/codeowners-basic/payments/). Pass --org ORG to map each to @ORG/<x-owner>, or write x-owner as '@org/team'.\n${CODEOWNERS_USAGE}\n`,
    });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('treats broken markers in the file as a usage error and leaves the file alone (exit 2)', async () => {
    const file = tempFile(`${BEGIN_MARKER}\n/specs/a/ @o/a\n`);
    const result = await capture(runCodeowners, ['--specs', fixture('codeowners-basic'), '--file', file, '--org', 'northwind']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `${file}: the '# BEGIN portolan' and '# END portolan' lines do not make one block; fix them by hand or delete the block, then run npm run codeowners again.\n`,
    });
    expect(fs.readFileSync(file, 'utf8')).toBe(`${BEGIN_MARKER}\n/specs/a/ @o/a\n`);
  });

  it('rejects an unknown flag, a bad --org and a specs folder outside the repository (exit 2)', async () => {
    expect(await capture(runCodeowners, ['--owner', 'x'])).toEqual({ code: 2, stdout: '', stderr: `Unknown option '--owner'\n${CODEOWNERS_USAGE}\n` });
    expect(await capture(runCodeowners, ['--org', '@northwind'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `--org must be a GitHub organisation name, like 'northwind' (got '@northwind')\n${CODEOWNERS_USAGE}\n`,
    });
    const outside = path.dirname(tempFile());
    expect(await capture(runCodeowners, ['--specs', outside])).toEqual({
      code: 2,
      stdout: '',
      stderr: `${outside} is outside the current folder; run npm run codeowners from the repository root, which CODEOWNERS paths start from.\n${CODEOWNERS_USAGE}\n`,
    });
  });
});
