// The catalog that ships in specs/ builds out of the box, every site passes the leak check, and its
// element-level flags land where the README says they do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands.ts';
import { capture, type CommandResult } from '../helpers/run.ts';
import { findInSite, readAllText } from '../helpers/site-files.ts';

let out: string;
let result: CommandResult;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-example-'));
  result = await capture(runBuild, ['--out', out]);
});

const textOf = (site: string) => readAllText(path.join(out, site));

describe('the example catalog in specs/', () => {
  it('builds every site with no lint problems, and the leak check passes on each', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['internal', 'open', 'partner', 'partner-acme-retail', 'partner-globex']);
    expect(result.stdout.match(/leak check [\d.]+ s\)$/gm)).toHaveLength(5);
  });

  it('covers every audience, Swagger 2.0, OpenAPI 3.1 webhooks and a multi-file spec', () => {
    const catalog = JSON.parse(fs.readFileSync(path.join(out, 'internal', 'catalog.json'), 'utf8')) as { id: string; audience: string; partners: string[] }[];
    expect(catalog.length).toBeGreaterThanOrEqual(6);
    expect(new Set(catalog.map((e) => e.audience))).toEqual(new Set(['open', 'partner', 'internal']));
    expect(catalog.some((e) => e.partners.length === 1)).toBe(true);
    expect(fs.existsSync(path.join(out, 'internal', 'specs', 'retail-orders.json'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'internal', 'apis', 'tracking', 'webhooks', 'shipment-status-changed', 'index.html'))).toBe(true);
  });

  it('keeps the internal operation, property, server and tag of the open tracking API off the open site', () => {
    const open = textOf('open');
    for (const hidden of ['recordManualScan', 'sortingHubCode', 'HUB-HAM-07', 'tracking.svc.corp.northwind.example', 'Operations support']) {
      expect(findInSite(open, hidden), hidden).toEqual([]);
    }
    const internal = textOf('internal');
    for (const shown of ['recordManualScan', 'sortingHubCode', 'tracking.svc.corp.northwind.example']) expect(findInSite(internal, shown).length, shown).toBeGreaterThan(0);
  });

  it('shows the partner-only property to partners and the pilot operation only to its partner', () => {
    expect(findInSite(textOf('partner'), 'carrierHandoverReference').length).toBeGreaterThan(0);
    expect(findInSite(textOf('open'), 'carrierHandoverReference')).toEqual([]);
    expect(findInSite(textOf('partner-acme-retail'), 'cancelPickup').length).toBeGreaterThan(0);
    expect(findInSite(textOf('partner-globex'), 'cancelPickup')).toEqual([]);
    expect(findInSite(textOf('partner'), 'cancelPickup')).toEqual([]);
    expect(findInSite(textOf('partner-globex'), 'acme-retail')).toEqual([]);
  });
});
