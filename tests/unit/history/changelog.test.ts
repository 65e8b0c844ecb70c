// Each audience's changelog names only what that audience can see in today's description; what it
// could see before and cannot now is counted, never named. The internal site keeps every detail.
import { describe, expect, it } from 'vitest';
import { toChangelog, type ApiHistory, type HistoricVersion } from '../../../src/history/changelog.ts';
import type { BuildTarget } from '../../../src/core/audience.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';

const OPEN: BuildTarget = { audience: 'open' };
const INTERNAL: BuildTarget = { audience: 'internal' };

const ok = (schema?: JsonObject): JsonObject => ({ '200': { description: 'OK', ...(schema ? { content: { 'application/json': { schema } } } : {}) } });

/** An open API; `paths` are its operations. */
function api(paths: JsonObject, info: JsonObject = {}): JsonObject {
  return { openapi: '3.1.0', info: { title: 'Pets', version: '1.0.0', 'x-audience': 'open', ...info }, paths };
}

/** Versions newest first, as git log lists them: commit N is the Nth from the start. */
function history(documents: JsonObject[], current: JsonObject = documents[0]!): ApiHistory {
  const versions: HistoricVersion[] = documents.map((document, index) => {
    const n = documents.length - index;
    return { commit: { hash: String(n).repeat(40), date: `2025-01-0${n}`, subject: `Commit ${n}` }, document, version: 'oas3_1' };
  });
  return { versions, complete: false, current: { document: current, version: 'oas3_1' } };
}

const changesOf = (target: BuildTarget, documents: JsonObject[], current?: JsonObject) =>
  toChangelog(history(documents, current), target).map((entry) => ({ commit: entry.commit, changes: entry.changes }));

const pets = { get: { operationId: 'listPets', responses: ok() } };
const secret = (extra: JsonObject = {}) => ({ get: { operationId: 'getLedger', responses: ok(), ...extra } });

describe('toChangelog: what a site may name', () => {
  it('counts an operation narrowed to internal on the open site, without naming it; the internal site names it', () => {
    const before = api({ '/pets': pets, '/ledger': secret() });
    const after = api({ '/pets': pets, '/ledger': secret({ 'x-internal': true }) });
    const open = changesOf(OPEN, [after, before]);
    expect(open).toEqual([{ commit: '2222222222', changes: [{ level: 'breaking', rule: 'elements-withdrawn', message: '1 operation is no longer available.' }] }]);
    expect(JSON.stringify(open)).not.toMatch(/ledger/i);
    expect(changesOf(INTERNAL, [after, before])).toEqual([
      {
        commit: '2222222222',
        changes: [{ level: 'breaking', rule: 'operation-audience-narrowed', message: 'GET /ledger is narrowed to internal (was open): consumers outside it lose access.' }],
      },
    ]);
  });

  it("counts an operation taken off a partner's x-partners on that partner's site only", () => {
    const partnerApi = (partners: string[]) => api({ '/pets': pets, '/ledger': secret({ 'x-partners': partners }) }, { 'x-audience': 'partner' });
    const acme = changesOf({ audience: 'partner', partner: 'acme' }, [partnerApi(['globex']), partnerApi(['acme', 'globex'])]);
    expect(acme).toEqual([{ commit: '2222222222', changes: [{ level: 'breaking', rule: 'elements-withdrawn', message: '1 operation is no longer available.' }] }]);
    expect(changesOf({ audience: 'partner', partner: 'globex' }, [partnerApi(['globex']), partnerApi(['acme', 'globex'])])).toEqual([]);
  });

  it('counts older changes to an operation hidden since, under that operation, in every entry', () => {
    const first = api({ '/pets': pets, '/ledger': secret() });
    const second = api({ '/pets': pets, '/ledger': secret({ parameters: [{ name: 'year', in: 'query', schema: { type: 'integer' } }] }) });
    const third = api({ '/pets': pets, '/ledger': secret({ 'x-internal': true, parameters: [{ name: 'year', in: 'query', schema: { type: 'integer' } }] }) });
    const open = changesOf(OPEN, [third, second, first]);
    expect(open).toEqual([
      { commit: '3333333333', changes: [{ level: 'breaking', rule: 'elements-withdrawn', message: '1 operation is no longer available.' }] },
      { commit: '2222222222', changes: [{ level: 'info', rule: 'withdrawn-elements-changed', message: '1 change to an operation that is no longer available.' }] },
    ]);
    expect(JSON.stringify(open)).not.toMatch(/ledger|year/i);
  });

  it('counts a removed property under its operation, which the audience still sees; the internal site names it', () => {
    const before = api({ '/pets': { get: { responses: ok({ type: 'object', properties: { name: { type: 'string' }, chip: { type: 'string' } } }) } } });
    const after = api({ '/pets': { get: { responses: ok({ type: 'object', properties: { name: { type: 'string' } } }) } } });
    expect(changesOf(OPEN, [after, before])).toEqual([
      { commit: '2222222222', changes: [{ level: 'breaking', rule: 'elements-withdrawn', message: 'GET /pets: 1 property is no longer available.' }] },
    ]);
    expect(changesOf(INTERNAL, [after, before])[0]!.changes).toEqual([{ level: 'breaking', rule: 'response-property-removed', message: 'GET /pets: response 200.chip is no longer returned.' }]);
  });

  it('counts several withdrawn operations in one line', () => {
    const before = api({ '/pets': pets, '/ledger': secret(), '/audit': secret() });
    const after = api({ '/pets': pets });
    expect(changesOf(OPEN, [after, before])[0]!.changes).toEqual([{ level: 'breaking', rule: 'elements-withdrawn', message: '2 operations are no longer available.' }]);
  });

  it('names what the audience still sees', () => {
    const before = api({ '/pets': pets });
    const after = api({ '/pets': { get: { ...pets.get, parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }] } } });
    expect(changesOf(OPEN, [after, before])[0]!.changes).toEqual([
      { level: 'non-breaking', rule: 'optional-parameter-added', message: "GET /pets: new optional query parameter 'limit'." },
    ]);
  });

  it('judges by the description being published, not by the newest commit', () => {
    const limit = { name: 'limit', in: 'query', schema: { type: 'integer' } };
    const before = api({ '/pets': pets });
    const after = api({ '/pets': { get: { ...pets.get, parameters: [limit] } } });
    const narrowedSinceLastCommit = api({ '/pets': { get: { ...pets.get, parameters: [limit], 'x-internal': true } } });
    expect(changesOf(OPEN, [after, before], narrowedSinceLastCommit)[0]!.changes).toEqual([
      { level: 'info', rule: 'withdrawn-elements-changed', message: '1 change to an operation that is no longer available.' },
    ]);
  });

  it('has no entries for an audience that cannot see the API today', () => {
    const before = api({ '/pets': pets });
    const after = api({ '/pets': pets, '/ledger': secret() });
    expect(changesOf(OPEN, [after, before], api({ '/pets': pets }, { 'x-audience': 'internal' }))).toEqual([]);
  });
});
