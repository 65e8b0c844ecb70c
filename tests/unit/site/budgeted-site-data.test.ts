import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BudgetError } from '../../../src/core/budget.ts';
import { DEFAULT_CONFIG_PATH, loadLintConfig } from '../../../src/lint/lint-config.ts';
import type { ApiRecord } from '../../../src/load/api.ts';
import { loadCatalog } from '../../../src/load/catalog-load.ts';
import { createSiteDataPreparer } from '../../../src/site/budgeted-site-data.ts';
import { prepareSiteData } from '../../../src/site/site-build.ts';

const POLYMORPHIC = path.resolve('tests/fixtures/hostile-specs/polymorphic');
const SLOW_FILTER_WORKER = new URL('../../fixtures/budget-workers/slow-filter-site.ts', import.meta.url);
const open = { audience: 'open' } as const;

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-budget-test-'));
const listFiles = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

/** The same API under another id and file, as a second API of the catalog. */
function copyAs(api: ApiRecord, id: string): ApiRecord {
  const copy = structuredClone(api);
  (copy.spec.document.info as Record<string, unknown>)['x-api-id'] = id;
  return { ...copy, id, title: `${copy.title} (${id})`, file: copy.file.replace('payment-methods', id) };
}

describe('site data under the per-spec budget', () => {
  let paymentMethods: ApiRecord;
  beforeAll(async () => {
    const { apis } = await loadCatalog(POLYMORPHIC, await loadLintConfig(DEFAULT_CONFIG_PATH));
    paymentMethods = apis[0]!;
  });

  it('writes what the unbudgeted preparation writes, for subtypes that allOf a base listing them in oneOf', async () => {
    const budgeted = tempDir();
    const preparer = createSiteDataPreparer([paymentMethods]);
    try {
      expect(await preparer.prepare(open, budgeted)).toEqual({ apis: 1, pages: 5 });
    } finally {
      await preparer.close();
    }
    const inThread = tempDir();
    prepareSiteData([paymentMethods], open, inThread);
    expect(listFiles(budgeted)).toEqual(listFiles(inThread));
    const download = path.join('public', 'specs', 'payment-methods.yaml');
    expect(fs.readFileSync(path.join(budgeted, download), 'utf8')).toBe(fs.readFileSync(path.join(inThread, download), 'utf8'));
  });

  it('stops a filter that never finishes and names that API and its stage, and no other', async () => {
    const slow = copyAs(paymentMethods, 'slow');
    const preparer = createSiteDataPreparer([slow, paymentMethods, copyAs(paymentMethods, 'steady')], undefined, { seconds: 0.5, heapMb: 256 }, SLOW_FILTER_WORKER);
    try {
      const error: unknown = await preparer.prepare(open, tempDir()).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(BudgetError);
      expect((error as BudgetError).diagnostics).toEqual([
        {
          rule: 'portolan/budget-exceeded',
          severity: 'error',
          message: 'The filter stage of this spec took longer than its budget of 0.5 s, so it was stopped. Fix what makes it costly (often schemas that reference each other in many ways, such as subtypes that allOf a base which lists them in oneOf), or raise the budget with --max-seconds-per-spec N.',
          file: slow.file,
          line: 1,
          col: 1,
        },
      ]);
    } finally {
      await preparer.close();
    }
  });
});
