// The history path end to end, in git repositories made by the test: changelogs after a narrowing,
// old versions that break HEAD's rules (a symlinked root, a $ref loop, a broken file), and git
// failures. None of them may crash a build, leak a name, or hide a breaking change from the diff.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands.ts';
import { runDiff } from '../../src/cli/diff-command.ts';
import { toDisplayPath } from '../../src/core/diagnostics.ts';
import { getCommitHash } from '../../src/core/git.ts';
import { loadApiHistory, loadCatalogHistory, toChangelog } from '../../src/history/changelog.ts';
import { loadCatalog } from '../../src/load/catalog-load.ts';
import { getConfigPath, loadLintConfig } from '../../src/lint/lint-config.ts';
import { capture } from '../helpers/run.ts';
import { findInSite, readAllText } from '../helpers/site-files.ts';

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
const short = (repo: string, ref: string) => getCommitHash(repo, ref).slice(0, 10);

/** A git repository with a `specs/` folder and Redocly's minimal rules. */
function makeRepo(name: string): { repo: string; specs: string } {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), `portolan-${name}-`));
  const specs = path.join(repo, 'specs');
  fs.mkdirSync(specs);
  fs.writeFileSync(path.join(specs, 'redocly.yaml'), 'extends:\n  - minimal\nrules:\n  security-defined: off\n');
  git(repo, 'init', '-q', '-b', 'main');
  return { repo, specs };
}

function write(specs: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(specs, file)), { recursive: true });
  fs.writeFileSync(path.join(specs, file), text);
}

function commit(repo: string, subject: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', subject);
}

/** An open API whose `paths` are given as YAML lines, indented by two. */
const openApi = (title: string, paths: string) => `openapi: 3.1.0
info:
  title: ${title}
  version: 1.0.0
  x-audience: open
  x-owner: team-${title.toLowerCase()}
  contact: { email: team@example.com }
servers:
  - url: https://api.northwind.test
paths:
${paths}`;

const changelogText = (site: string, api: string) =>
  fs.readFileSync(path.join(site, 'apis', api, 'changelog', 'index.html'), 'utf8').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('changelogs after an operation is narrowed', () => {
  let repo: string;
  let specs: string;

  beforeAll(() => {
    ({ repo, specs } = makeRepo('narrowed'));
    const operations = (auditMarker: string) => `  /accounts:
    get:
      operationId: listAccounts
      responses:
        '200': { description: The accounts. }
  /audits:
    get:
      operationId: listAudits${auditMarker}
      responses:
        '200': { description: The audits. }
`;
    write(specs, 'bank/openapi.yaml', openApi('Bank', operations('')));
    commit(repo, 'Publish the bank API');
    write(specs, 'bank/openapi.yaml', openApi('Bank', operations('\n      x-internal: true')));
    commit(repo, 'Audits are internal after all');
  });

  it('builds every site; the open changelog counts the operation and the open site names it nowhere; the internal site names it', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-narrowed-out-'));
    const result = await capture(runBuild, ['--specs', specs, '--out', out]);
    expect(result.code, result.stderr).toBe(0);

    expect(changelogText(path.join(out, 'open'), 'bank')).toContain(`${short(repo, 'HEAD')} breaking 1 operation is no longer available.`);
    const open = readAllText(path.join(out, 'open'));
    expect(findInSite(open, 'listAudits')).toEqual([]);
    expect(findInSite(open, '/audits')).toEqual([]);

    const internal = changelogText(path.join(out, 'internal'), 'bank');
    expect(internal).toContain('Audits are internal after all breaking GET /audits is narrowed to internal (was open): consumers outside it lose access.');
  });
});

describe('old versions keep the rules of HEAD', () => {
  let repo: string;
  let specs: string;
  let secret: string;

  beforeAll(() => {
    ({ repo, specs } = makeRepo('history-rules'));
    // Commit 1: the root is a symlink to a description outside the specs folder (and the repo).
    secret = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-outside-')), 'vault.yaml');
    fs.writeFileSync(secret, openApi('Vault', "  /vault:\n    get:\n      operationId: getVaultSecrets\n      responses:\n        '200': { description: Secrets. }\n"));
    fs.mkdirSync(path.join(specs, 'pets'));
    fs.symlinkSync(secret, path.join(specs, 'pets', 'openapi.yaml'));
    commit(repo, 'Pets, as a link');
    // Commit 2: a real root whose schema file has a $ref loop.
    const petsRoot = (parameters: string) =>
      openApi('Pets', `  /pets:\n    get:\n      operationId: listPets\n      summary: List pets\n${parameters}      responses:\n        '200':\n          description: The pets.\n          content:\n            application/json:\n              schema: { $ref: './schemas.yaml#/Pet' }\n`);
    fs.rmSync(path.join(specs, 'pets', 'openapi.yaml'));
    write(specs, 'pets/openapi.yaml', petsRoot(''));
    write(specs, 'pets/schemas.yaml', "Pet: { $ref: '#/Animal' }\nAnimal: { $ref: '#/Pet' }\n");
    commit(repo, 'Pets, with a loop');
    // Commit 3: the loop is fixed. Commit 4: a new parameter.
    write(specs, 'pets/schemas.yaml', 'Pet: { type: object, properties: { name: { type: string } } }\n');
    commit(repo, 'Fix the loop');
    write(specs, 'pets/openapi.yaml', petsRoot("      parameters:\n        - { name: limit, in: query, schema: { type: integer } }\n"));
    commit(repo, 'Add limit');
  });

  it('builds with a warning per unreadable version, never follows the symlink, and keeps the readable entries', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-history-rules-out-'));
    const result = await capture(runBuild, ['--specs', specs, '--audience', 'internal', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const root = toDisplayPath(path.join(specs, 'pets', 'openapi.yaml'));
    expect(result.stderr).toBe(
      [
        `${root}:1:1  warning  portolan/history-unreadable  At commit ${short(repo, 'HEAD~2')} this description cannot be read (portolan/self-reference): A $ref in a file this description references resolves to itself; point it at a real schema. The changelog leaves that version out.`,
        `${root}:1:1  warning  portolan/history-unreadable  At commit ${short(repo, 'HEAD~3')} this file is a symlink (to ${secret}), and Portolan never follows symlinks, in history as at HEAD. The changelog leaves that version out.`,
        '0 errors, 2 warnings in 1 API',
        '',
      ].join('\n'),
    );
    const changelog = changelogText(out, 'pets');
    expect(changelog).toContain("Add limit added GET /pets: new optional query parameter 'limit'.");
    // The first readable version is not the API's first commit, so no entry claims it was added then.
    expect(changelog).not.toContain('The API was added to the catalog.');
    expect(findInSite(readAllText(out), 'getVaultSecrets')).toEqual([]);
    expect(findInSite(readAllText(out), '/vault')).toEqual([]);
  });

  it('fails the diff against a base whose root was a symlink, naming the file and the ref', async () => {
    const result = await capture(runDiff, ['--specs', specs, '--base', 'HEAD~3']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        `${toDisplayPath(path.join(specs, 'pets', 'openapi.yaml'))}:1:1  error  portolan/history-unreadable  At HEAD~3 (${short(repo, 'HEAD~3')}) this file is a symlink (to ${secret}), and Portolan never follows symlinks, in history as at HEAD. Its changes since then cannot be checked: review them by hand, then pass --allow-breaking.`,
        '0 breaking changes, 0 publications, 0 non-breaking, 0 informational in 1 changed API; 1 base file could not be read',
        '',
      ].join('\n'),
    );
  });

  it('fails the diff against a base with a $ref loop instead of crashing, and passes with --allow-breaking, saying so', async () => {
    const result = await capture(runDiff, ['--specs', specs, '--base', 'HEAD~2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        `${toDisplayPath(path.join(specs, 'pets', 'openapi.yaml'))}:1:1  error  portolan/history-unreadable  At HEAD~2 (${short(repo, 'HEAD~2')}) this description cannot be read (portolan/self-reference): A $ref in a file this description references resolves to itself; point it at a real schema. Its changes since then cannot be checked: review them by hand, then pass --allow-breaking.`,
        '0 breaking changes, 0 publications, 0 non-breaking, 0 informational in 1 changed API; 1 base file could not be read',
        '',
      ].join('\n'),
    );
    const allowed = await capture(runDiff, ['--specs', specs, '--base', 'HEAD~2', '--allow-breaking']);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toMatch(/Breaking changes and unreadable base versions allowed by --allow-breaking\.\n$/);
  });
});

describe("an old version's refs stay in its own folder", () => {
  it("refuses a ref into another API's folder, with a warning that names the commit", async () => {
    const { repo, specs } = makeRepo('history-sandbox');
    const vault = openApi('Vault', "  /vault:\n    get:\n      operationId: getVaultSecrets\n      summary: Secrets\n      responses:\n        '200': { description: Secrets. }\n");
    write(specs, 'vault/openapi.yaml', vault.replace('x-audience: open', 'x-audience: internal').replace('paths:', 'components:\n  schemas:\n    Secret: { type: object, properties: { vaultToken: { type: string } } }\npaths:'));
    const pets = (schema: string) =>
      openApi('Pets', `  /pets:\n    get:\n      operationId: listPets\n      summary: List pets\n      responses:\n        '200':\n          description: The pets.\n          content:\n            application/json:\n              schema: ${schema}\n`);
    write(specs, 'pets/openapi.yaml', pets("{ $ref: '../vault/openapi.yaml#/components/schemas/Secret' }"));
    commit(repo, 'Pets borrow the vault schema');
    write(specs, 'pets/openapi.yaml', pets('{ type: object, properties: { name: { type: string } } }'));
    commit(repo, 'Pets have their own schema');
    const config = await loadLintConfig(getConfigPath(specs));
    const api = (await loadCatalog(specs, config)).apis.find((candidate) => candidate.id === 'pets')!;
    const loaded = await loadApiHistory(api, { repo, specsDir: specs, config });
    expect(loaded.history!.versions.map((version) => version.commit.subject)).toEqual(['Pets have their own schema']);
    expect(JSON.stringify(loaded.history)).not.toContain('vaultToken');
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]).toMatchObject({ rule: 'portolan/history-unreadable', severity: 'warn', file: path.join(specs, 'pets', 'openapi.yaml') });
    const message = loaded.diagnostics[0]!.message;
    expect(message.startsWith(`At commit ${short(repo, 'HEAD~1')} this description cannot be read (`)).toBe(true);
    expect(message).toContain("'../vault/openapi.yaml' resolves to vault/openapi.yaml, in another API's folder (vault/); refs may only point at files in this API's folder (pets/) or in the shared folder (_shared/).");
    expect(message.endsWith(' The changelog leaves that version out.')).toBe(true);
  });
});

describe('a base that does not parse', () => {
  it('is an error that names the file, the ref and the parse error, not a newly published API', async () => {
    const { repo, specs } = makeRepo('broken-base');
    const pets = openApi('Pets', "  /pets:\n    get:\n      operationId: listPets\n      summary: List pets\n      responses:\n        '200': { description: The pets. }\n");
    write(specs, 'pets/openapi.yaml', pets.replace('paths:\n', 'paths:\n  /broken: [\n'));
    commit(repo, 'Broken');
    write(specs, 'pets/openapi.yaml', pets);
    const result = await capture(runDiff, ['--specs', specs, '--base', 'HEAD', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.changes).toEqual([]);
    expect(report.unreadable).toEqual([
      {
        file: toDisplayPath(path.join(specs, 'pets', 'openapi.yaml')),
        line: 12,
        col: 3,
        rule: 'portolan/history-unreadable',
        message: `At HEAD (${short(repo, 'HEAD')}) this description cannot be read (parse-error): Cannot parse this file: Flow sequence in block collection must be sufficiently indented and end with a ]. Its changes since then cannot be checked: review them by hand, then pass --allow-breaking.`,
      },
    ]);
  });
});

describe('git failures', () => {
  let repo: string;
  let specs: string;

  beforeAll(() => {
    ({ repo, specs } = makeRepo('git-failures'));
    write(specs, 'pets/openapi.yaml', openApi('Pets', "  /pets:\n    get:\n      operationId: listPets\n      summary: List pets\n      responses:\n        '200': { description: The pets. }\n"));
    commit(repo, 'Pets');
    write(specs, 'pets/openapi.yaml', openApi('Pets', "  /pets:\n    get:\n      operationId: listPets\n      summary: List pets\n      deprecated: true\n      responses:\n        '200': { description: The pets. }\n"));
    commit(repo, 'Deprecate listPets');
  });

  const loadApis = async (dir: string) => {
    const config = await loadLintConfig(getConfigPath(dir));
    return { apis: (await loadCatalog(dir, config)).apis, config };
  };

  /** Runs `run` with no git on the PATH. */
  async function withoutGit<T>(run: () => Promise<T>): Promise<T> {
    const saved = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-no-git-path-'));
    try {
      return await run();
    } finally {
      process.env.PATH = saved;
    }
  }

  it('an unknown --base is a usage error (exit 2) that says so', async () => {
    const result = await capture(runDiff, ['--specs', specs, '--base', 'origin/nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`--base: 'origin/nope' is not a commit in ${repo}; fetch it first (e.g. git fetch origin main).\n`);
  });

  it('without git, the diff is a usage error (exit 2) and the build skips changelogs with a note', async () => {
    const diff = await withoutGit(() => capture(runDiff, ['--specs', specs, '--base', 'HEAD']));
    expect(diff.code).toBe(2);
    expect(diff.stderr).toBe('git is not installed or not on the PATH; npm run diff compares with a git ref, so it needs git.\n');
    const { apis, config } = await loadApis(specs);
    const history = await withoutGit(() => loadCatalogHistory(apis, specs, config));
    expect(history).toEqual({ diagnostics: [], notes: ['changelogs skipped: git is not installed or not on the PATH'] });
  });

  it('a repository without commits skips changelogs with a note', async () => {
    const { repo: empty, specs: emptySpecs } = makeRepo('no-commits');
    fs.cpSync(path.join(specs, 'pets'), path.join(emptySpecs, 'pets'), { recursive: true });
    const { apis, config } = await loadApis(emptySpecs);
    expect(await loadCatalogHistory(apis, emptySpecs, config)).toEqual({ diagnostics: [], notes: [`changelogs skipped: ${toDisplayPath(empty)} has no commits yet`] });
  });

  it('a shallow clone says its changelogs are cut short, and does not call its oldest commit the creation', async () => {
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-shallow-'));
    git(clone, 'clone', '-q', '--depth', '1', `file://${repo}`, '.');
    const cloneSpecs = path.join(clone, 'specs');
    const { apis, config } = await loadApis(cloneSpecs);
    const loaded = await loadCatalogHistory(apis, cloneSpecs, config);
    expect(loaded.notes).toEqual(['changelogs reach back only as far as this shallow clone: fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI)']);
    expect(loaded.diagnostics).toEqual([]);
    const history = loaded.histories!.get('pets')!;
    expect(history.complete).toBe(false);
    expect(toChangelog(history, { audience: 'internal' })).toEqual([]);
  });

  it('a file whose content the repository lacks costs that version, with a warning, and fails the diff against it', async () => {
    const { repo: broken, specs: brokenSpecs } = makeRepo('missing-object');
    fs.cpSync(path.join(specs, 'pets'), path.join(brokenSpecs, 'pets'), { recursive: true });
    commit(broken, 'Pets');
    fs.appendFileSync(path.join(brokenSpecs, 'pets', 'openapi.yaml'), "  /cats:\n    get:\n      summary: List cats\n      responses:\n        '200': { description: The cats. }\n");
    commit(broken, 'Cats');
    // What a partial clone looks like: the tree names the file, but its content was never fetched.
    const oid = git(broken, 'rev-parse', 'HEAD~1:specs/pets/openapi.yaml').trim();
    fs.rmSync(path.join(broken, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    const { apis, config } = await loadApis(brokenSpecs);
    const root = path.join(brokenSpecs, 'pets', 'openapi.yaml');
    const loaded = await loadApiHistory(apis[0]!, { repo: broken, specsDir: brokenSpecs, config });
    expect(loaded.history!.versions.map((version) => version.commit.subject)).toEqual(['Cats']);
    expect(loaded.history!.complete).toBe(false);
    const reason = `this file cannot be read from git: the repository lacks its content (object ${oid}); fetch the full history (git fetch --unshallow).`;
    expect(loaded.diagnostics).toEqual([
      { rule: 'portolan/history-unreadable', severity: 'warn', message: `At commit ${short(broken, 'HEAD~1')} ${reason} The changelog leaves that version out.`, file: root, line: 1, col: 1 },
    ]);
    const diff = await capture(runDiff, ['--specs', brokenSpecs, '--base', 'HEAD~1']);
    expect(diff.code).toBe(1);
    expect(diff.stderr).toBe(
      [
        `${toDisplayPath(root)}:1:1  error  portolan/history-unreadable  At HEAD~1 (${short(broken, 'HEAD~1')}) ${reason} Its changes since then cannot be checked: review them by hand, then pass --allow-breaking.`,
        '0 breaking changes, 0 publications, 0 non-breaking, 0 informational in 1 changed API; 1 base file could not be read',
        '',
      ].join('\n'),
    );
  });
});
