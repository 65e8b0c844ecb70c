import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MarkerIndex,
  readAsText,
  scanSite,
  findMarkersIn,
  toLeakDiagnostics,
  withSlugForms,
  type LeakFinding,
  type LeakMarker,
  type ScopeOf,
} from '../../../src/audience/leak-check.ts';

const specFile = '/repo/specs/payroll.yaml';

function marker(text: string, kind = 'operationId', pointer = '#/paths/~1salaries/get'): LeakMarker {
  return { text, kind, pointer, file: specFile };
}

describe('MarkerIndex', () => {
  it('finds a single-token marker only as a whole token', () => {
    const secret = marker('secretThing');
    const index = new MarkerIndex([secret]);
    expect(index.find('the secretThings list, mySecretThing, secretThing_2')).toEqual([]);
    expect(index.find('call secretThing() now')).toEqual([{ marker: secret, index: 5 }]);
  });

  it('reports where the marker stands as a whole token, not where it is part of a longer one', () => {
    const secret = marker('secretThing');
    expect(new MarkerIndex([secret]).find('secretThings or secretThing')).toEqual([{ marker: secret, index: 16 }]);
  });

  it('finds a multi-token marker as a whole name inside a longer text', () => {
    const path = marker('admin/salaries', 'path', '#/paths/~1admin~1salaries');
    const index = new MarkerIndex([path]);
    expect(index.find('GET /admin/salaries/2024')).toEqual([{ marker: path, index: 5 }]);
    expect(index.find('admin and salaries, apart')).toEqual([]);
  });

  it('does not find a longer marker as the start or end of a longer name: a path in a slug, a slug in a slug', () => {
    const path = marker('/check', 'path', '#/paths/~1check');
    const slug = marker('list-pets', 'operationId (as a URL slug)');
    const index = new MarkerIndex([path, slug]);
    expect(index.find('/operations/check-current-user /superadmin/check2 get-list-pets list-pets-v2')).toEqual([]);
    expect(index.find('see /check/7 and /operations/list-pets/')).toEqual([
      { marker: path, index: 4 },
      { marker: slug, index: 29 },
    ]);
  });

  it('finds every marker present in one text', () => {
    const operation = marker('listSalaries');
    const schema = marker('PayrollRecord', 'schema name', '#/components/schemas/PayrollRecord');
    const absent = marker('bonusPool');
    const hits = new MarkerIndex([operation, schema, absent]).find('PayrollRecord from listSalaries');
    expect(hits).toHaveLength(2);
    expect(hits).toEqual(expect.arrayContaining([{ marker: operation, index: 19 }, { marker: schema, index: 0 }]));
  });

  it('finds a single-word marker as a word even beside a hyphen, where it first stands', () => {
    const grade = marker('payGrade', 'property name');
    expect(new MarkerIndex([grade]).find('x-payGrade and payGrade')).toEqual([{ marker: grade, index: 2 }]);
  });

  it('finds a marker that starts or ends with a sign after or before a longer name: a path below a folder, a server URL with a version', () => {
    const path = marker('/check', 'path', '#/paths/~1check');
    const server = marker('https://hr.acme.test/', 'server URL', '#/servers/0');
    const index = new MarkerIndex([path, server]);
    expect(index.find('GET /superadmin/check')).toEqual([{ marker: path, index: 15 }]);
    expect(index.find('base https://hr.acme.test/v2')).toEqual([{ marker: server, index: 5 }]);
  });

  it('finds a longer name where it stands whole even when its longest word stands elsewhere first', () => {
    const slug = marker('list-pay-grades', 'operationId (as a URL slug)');
    expect(new MarkerIndex([slug]).find('grades: get-list-pay-grades, then list-pay-grades')).toEqual([{ marker: slug, index: 34 }]);
  });

  it('finds a longer name at the very start of a text', () => {
    const path = marker('admin/salaries', 'path', '#/paths/~1admin~1salaries');
    expect(new MarkerIndex([path]).find('admin/salaries is private')).toEqual([{ marker: path, index: 0 }]);
  });

  it('ignores markers without a single word character', () => {
    expect(new MarkerIndex([marker('---'), marker('/')]).size).toBe(0);
  });
});

describe('withSlugForms', () => {
  it('adds the URL slug of an operationId', () => {
    const operation = marker('listSalariesSecretly');
    expect(withSlugForms([operation])).toEqual([
      operation,
      { text: 'list-salaries-secretly', kind: 'operationId (as a URL slug)', pointer: '#/paths/~1salaries/get', file: specFile },
    ]);
  });

  it('adds slugs of schema, tag, webhook and API names too', () => {
    const markers = [
      marker('PayrollRecord', 'schema name', '#/components/schemas/PayrollRecord'),
      marker('Payroll Admin', 'tag name', '#/tags/0'),
      marker('salaryChanged', 'webhook name', '#/webhooks/salaryChanged'),
      marker('Payroll API', 'API title', '#/info/title'),
    ];
    expect(withSlugForms(markers).slice(markers.length).map((m) => [m.text, m.kind])).toEqual([
      ['payroll-record', 'schema name (as a URL slug)'],
      ['payroll-admin', 'tag name (as a URL slug)'],
      ['salary-changed', 'webhook name (as a URL slug)'],
      ['payroll-api', 'API title (as a URL slug)'],
    ]);
  });

  it('adds a slug from six characters on, never a shorter one', () => {
    expect(withSlugForms([marker('abCde')]).map((m) => m.text)).toEqual(['abCde', 'ab-cde']);
    expect(withSlugForms([marker('abCd')]).map((m) => m.text)).toEqual(['abCd']);
  });

  it('adds no slug for short or single-word names, for kinds that never become URLs, or when it is already a marker', () => {
    const markers = [
      marker('getX'),
      marker('salaries'),
      marker('Payroll'),
      marker('listSalariesSecretly', 'property name', '#/components/schemas/A/properties/listSalariesSecretly'),
      marker('list-salaries', 'tag name', '#/tags/0'),
    ];
    expect(withSlugForms(markers)).toEqual(markers);
  });
});

describe('findMarkersIn', () => {
  it('lists the markers that occur in any of the texts, as whole names', () => {
    const operation = marker('listSalariesSecretly');
    const schema = marker('PayrollRecord', 'schema name', '#/components/schemas/PayrollRecord');
    const path = marker('/payroll/salaries', 'path', '#/paths/~1payroll~1salaries');
    const found = findMarkersIn(new MarkerIndex([operation, schema, path]), ['openapi\nPayrollRecord\nlistSalariesSecretlyV2', '<a href="/payroll/salaries">']);
    expect([...found]).toEqual([schema, path]);
  });

  it('adds to the set it is given', () => {
    const operation = marker('listSalariesSecretly');
    const into = new Set<LeakMarker>();
    expect(findMarkersIn(new MarkerIndex([operation]), ['nothing here'], into)).toBe(into);
    expect(into.size).toBe(0);
  });
});

describe('scanSite and readAsText', () => {
  let siteDir: string;

  beforeEach(() => {
    siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-leak-'));
  });

  afterEach(() => {
    fs.rmSync(siteDir, { recursive: true, force: true });
  });

  function write(relative: string, content: string | Buffer): string {
    const file = path.join(siteDir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  const byPlace = (a: LeakFinding, b: LeakFinding) => a.file.localeCompare(b.file) || a.marker.text.localeCompare(b.marker.text);

  const reference = (markers: LeakMarker[], visibleTexts: Record<string, string[]> = {}, chromeTexts: string[] = []) => ({
    markers,
    visibleTexts: new Map(Object.entries(visibleTexts)),
    chromeTexts,
  });

  it('finds markers in file contents with 1-based line and column, naming the file by its path in the site', () => {
    const operation = marker('listSalariesSecretly');
    write('apis/pets/index.html', '<html>\n<body>\n  <p>See listSalariesSecretly.</p>\n</body>\n');
    write('clean.html', '<p>Nothing here but listSalaries.</p>');
    expect(scanSite(siteDir, reference([operation]))).toEqual([{ marker: operation, file: 'apis/pets/index.html', line: 3, col: 10 }]);
  });

  it('finds markers in file and folder names, at line 1, column 1', () => {
    const slug = marker('list-salaries-secretly', 'operationId (as a URL slug)');
    write('operations/list-salaries-secretly/index.html', '<p>clean</p>');
    expect(scanSite(siteDir, reference([slug])).sort(byPlace)).toEqual([
      { marker: slug, file: 'operations/list-salaries-secretly', line: 1, col: 1 },
      { marker: slug, file: 'operations/list-salaries-secretly/index.html', line: 1, col: 1 },
    ]);
  });

  it('finds markers inside gzip-compressed files', () => {
    const schema = marker('PayrollRecord', 'schema name', '#/components/schemas/PayrollRecord');
    write('pagefind/fragment/en_1.pf_fragment', zlib.gzipSync('{"url":"/"}\n{"meta":{"title":"PayrollRecord"}}'));
    expect(scanSite(siteDir, reference([schema]))).toEqual([{ marker: schema, file: 'pagefind/fragment/en_1.pf_fragment', line: 2, col: 19 }]);
  });

  it('reports nothing when there are no markers', () => {
    write('index.html', 'listSalariesSecretly');
    expect(scanSite(siteDir, reference([]))).toEqual([]);
  });

  describe('scopes', () => {
    const payGrade = marker('payGrade', 'property name', '#/components/schemas/Employee/properties/payGrade');
    const byApi: ScopeOf = (relative) => ({ apiId: relative.startsWith('apis/') ? relative.split('/')[1] : undefined });

    it('excuses a marker on the files of an API that shows it, and nowhere else', () => {
      write('apis/shop/index.html', 'payGrade');
      write('apis/hr/index.html', 'payGrade');
      const findings = scanSite(siteDir, reference([payGrade], { shop: ['payGrade'] }), byApi);
      expect(findings.map((f) => f.file)).toEqual(['apis/hr/index.html']);
    });

    it('excuses a marker on a shared file when any API the site shows shows it', () => {
      write('index.html', 'payGrade');
      expect(scanSite(siteDir, reference([payGrade], { shop: ['payGrade'] }), byApi)).toEqual([]);
      expect(scanSite(siteDir, reference([payGrade], {}), byApi).map((f) => f.file)).toEqual(['index.html']);
    });

    it('excuses the words of the chrome on files that hold chrome, and only there', () => {
      write('apis/hr/index.html', 'payGrade');
      write('specs/hr.yaml', 'payGrade: {}');
      const scopes: ScopeOf = (relative) => ({ apiId: relative.startsWith('apis/') ? 'hr' : undefined, holdsChrome: relative.endsWith('.html') });
      expect(scanSite(siteDir, reference([payGrade], {}, ['<label>payGrade</label>']), scopes).map((f) => f.file)).toEqual(['specs/hr.yaml']);
    });

    it('counts a marker on a page only when the data the page was rendered from holds it', () => {
      write('apis/hr/index.html', '<div hidden>payGrade</div>');
      const chromeOnly: ScopeOf = () => ({ apiId: 'hr', data: 'Employee\nsalary' });
      const inData: ScopeOf = () => ({ apiId: 'hr', data: 'Employee\npayGrade' });
      expect(scanSite(siteDir, reference([payGrade]), chromeOnly)).toEqual([]);
      expect(scanSite(siteDir, reference([payGrade]), inData)).toEqual([{ marker: payGrade, file: 'apis/hr/index.html', line: 1, col: 13 }]);
    });

    it('counts a marker in a page\'s file name only when the page\'s data holds it too', () => {
      const operations = marker('operations', 'property name', '#/components/schemas/Batch/properties/operations');
      const slug = marker('list-pay-grades', 'operationId (as a URL slug)');
      write('apis/hr/operations/list-pay-grades/index.html', '<a href="/apis/hr/operations/list-pay-grades/">x</a>');
      const scopes: ScopeOf = (relative) => (relative.endsWith('.html') ? { apiId: 'hr', data: '/apis/hr/\nlist-pay-grades/' } : undefined);
      expect(scanSite(siteDir, reference([operations, slug]), scopes)).toEqual([
        { marker: slug, file: 'apis/hr/operations/list-pay-grades/index.html', line: 1, col: 1 },
        { marker: slug, file: 'apis/hr/operations/list-pay-grades/index.html', line: 1, col: 30 },
      ]);
    });

    it('excuses a marker in the name of a file of an API that shows it', () => {
      write('specs/payGrade.yaml', 'openapi: 3.1.0');
      write('apis/hr/payGrade.html', 'clean');
      const scopes: ScopeOf = (relative) => ({ apiId: relative.startsWith('specs/') ? 'shop' : 'hr' });
      expect(scanSite(siteDir, reference([payGrade], { shop: ['payGrade'] }), scopes).map((f) => [f.file, f.line, f.col])).toEqual([['apis/hr/payGrade.html', 1, 1]]);
    });

    it('skips the files the scope leaves out (the runtime), names included', () => {
      write('_astro/payGrade.js', 'payGrade');
      const runtime: ScopeOf = (relative) => (relative.startsWith('_astro') ? undefined : {});
      expect(scanSite(siteDir, reference([payGrade]), runtime)).toEqual([]);
    });
  });

  it('reads plain files as UTF-8 and decompresses gzip files', () => {
    const plain = write('a.txt', 'Zürich payroll');
    const gzipped = write('b.gz', zlib.gzipSync('Zürich payroll'));
    expect(readAsText(plain)).toBe('Zürich payroll');
    expect(readAsText(gzipped)).toBe('Zürich payroll');
  });

  it('reads a file that only starts like gzip as it is', () => {
    const fake = write('fake.bin', Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('listSalariesSecretly')]));
    expect(readAsText(fake)).toBe('\u001f\ufffdlistSalariesSecretly');
  });
});

describe('toLeakDiagnostics', () => {
  const operation = marker('listSalariesSecretly');
  const finding = (line: number): LeakFinding => ({ marker: operation, file: 'apis/payroll/index.html', line, col: 7 });

  it('says what leaked, where it comes from and which site it is in, naming the file where the site would be published', () => {
    expect(toLeakDiagnostics([finding(3)], 'open', '/repo/dist/open', '/repo')).toEqual({
      diagnostics: [
        {
          rule: 'portolan/leak-check',
          severity: 'error',
          message:
            "'listSalariesSecretly' (operationId at #/paths/~1salaries/get in specs/payroll.yaml) is in the open site, whose audience may not see it. The site was not published.",
          file: '/repo/dist/open/apis/payroll/index.html',
          line: 3,
          col: 7,
        },
      ],
      omitted: 0,
    });
  });

  it('names the spec by its full path when its path relative to the working folder would be empty', () => {
    const { diagnostics } = toLeakDiagnostics([finding(1)], 'partner-acme', '/repo/dist/partner-acme', specFile);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "'listSalariesSecretly' (operationId at #/paths/~1salaries/get in /repo/specs/payroll.yaml) is in the partner-acme site, whose audience may not see it. The site was not published.",
    ]);
  });

  it('reports the first 25 findings and counts the rest', () => {
    const { diagnostics, omitted } = toLeakDiagnostics(Array.from({ length: 27 }, (_, i) => finding(i + 1)), 'partner-acme', '/repo/dist/partner-acme', '/repo');
    expect(diagnostics.map((d) => d.line)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(omitted).toBe(2);
  });

  it('omits nothing for exactly 25 findings', () => {
    const { diagnostics, omitted } = toLeakDiagnostics(Array.from({ length: 25 }, (_, i) => finding(i + 1)), 'open', '/repo/dist/open', '/repo');
    expect(diagnostics).toHaveLength(25);
    expect(omitted).toBe(0);
  });

  it('reports nothing when nothing leaked', () => {
    expect(toLeakDiagnostics([], 'open', '/repo/dist/open')).toEqual({ diagnostics: [], omitted: 0 });
  });
});
