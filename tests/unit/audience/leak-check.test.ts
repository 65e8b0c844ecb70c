import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MarkerIndex,
  getChromeTexts,
  readAsText,
  scanSite,
  selectMarkers,
  toLeakDiagnostics,
  withSlugForms,
  type LeakFinding,
  type LeakMarker,
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

  it('finds a multi-token marker as a substring', () => {
    const path = marker('admin/salaries', 'path', '#/paths/~1admin~1salaries');
    const index = new MarkerIndex([path]);
    expect(index.find('GET /superadmin/salaries/2024')).toEqual([{ marker: path, index: 10 }]);
    expect(index.find('admin and salaries, apart')).toEqual([]);
  });

  it('finds every marker present in one text', () => {
    const operation = marker('listSalaries');
    const schema = marker('PayrollRecord', 'schema name', '#/components/schemas/PayrollRecord');
    const absent = marker('bonusPool');
    const hits = new MarkerIndex([operation, schema, absent]).find('PayrollRecord from listSalaries');
    expect(hits).toHaveLength(2);
    expect(hits).toEqual(expect.arrayContaining([{ marker: operation, index: 19 }, { marker: schema, index: 0 }]));
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

  it('adds no slug for short or single-word names, for kinds that never become URLs, or when it is already a marker', () => {
    const markers = [
      marker('getX'),
      marker('salaries'),
      marker('listSalariesSecretly', 'property name', '#/components/schemas/A/properties/listSalariesSecretly'),
      marker('list-salaries', 'tag name', '#/tags/0'),
    ];
    expect(withSlugForms(markers)).toEqual(markers);
  });
});

describe('selectMarkers', () => {
  it('drops markers that occur in the visible texts or in the chrome texts', () => {
    const operation = marker('listSalariesSecretly');
    const schema = marker('PayrollRecord', 'schema name', '#/components/schemas/PayrollRecord');
    const path = marker('/payroll/salaries', 'path', '#/paths/~1payroll~1salaries');
    expect(selectMarkers([operation, schema, path], ['openapi\nPayrollRecord\nlistSalariesSecretlyV2'], ['<a href="/payroll/salaries">'])).toEqual([operation]);
  });

  it('keeps every marker when nothing visible mentions them', () => {
    const markers = [marker('listSalariesSecretly'), marker('PayrollRecord')];
    expect(selectMarkers(markers, [], [])).toEqual(markers);
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

  it('finds markers in file contents with 1-based line and column', () => {
    const operation = marker('listSalariesSecretly');
    const page = write('index.html', '<html>\n<body>\n  <p>See listSalariesSecretly.</p>\n</body>\n');
    write('clean.html', '<p>Nothing here but listSalaries.</p>');
    expect(scanSite(siteDir, [operation])).toEqual([{ marker: operation, file: page, line: 3, col: 10 }]);
  });

  it('finds markers in file and folder names, at line 1, column 1', () => {
    const slug = marker('list-salaries-secretly', 'operationId (as a URL slug)');
    const folder = path.join(siteDir, 'operations', 'list-salaries-secretly');
    const page = write('operations/list-salaries-secretly/index.html', '<p>clean</p>');
    expect(scanSite(siteDir, [slug]).sort(byPlace)).toEqual([
      { marker: slug, file: folder, line: 1, col: 1 },
      { marker: slug, file: page, line: 1, col: 1 },
    ]);
  });

  it('finds markers inside gzip-compressed files', () => {
    const schema = marker('PayrollRecord', 'schema name', '#/components/schemas/PayrollRecord');
    const fragment = write('pagefind/fragment/en_1.pf_fragment', zlib.gzipSync('{"url":"/"}\n{"meta":{"title":"PayrollRecord"}}'));
    expect(scanSite(siteDir, [schema])).toEqual([{ marker: schema, file: fragment, line: 2, col: 19 }]);
  });

  it('reports nothing when there are no markers', () => {
    write('index.html', 'listSalariesSecretly');
    expect(scanSite(siteDir, [])).toEqual([]);
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

  it('reads the chrome texts: the 404 page, shared assets and Pagefind scripts, plus any extra files', () => {
    write('404.html', 'not found');
    write('_astro/app.js', 'astro chrome');
    write('pagefind/pagefind.js', 'search chrome');
    write('pagefind/wasm.unknown.pagefind', 'wasm chrome');
    write('pagefind/fragment/en_1.pf_fragment', 'page content');
    write('operations/index.html', 'page');
    const catalog = write('catalog.json', 'catalog');
    expect(getChromeTexts(siteDir).sort()).toEqual(['astro chrome', 'not found', 'search chrome', 'wasm chrome']);
    expect(getChromeTexts(siteDir, [catalog]).sort()).toEqual(['astro chrome', 'catalog', 'not found', 'search chrome', 'wasm chrome']);
  });
});

describe('toLeakDiagnostics', () => {
  const operation = marker('listSalariesSecretly');
  const finding = (line: number): LeakFinding => ({ marker: operation, file: '/repo/dist/open/index.html', line, col: 7 });

  it('says what leaked, where it comes from and which site it is in', () => {
    expect(toLeakDiagnostics([finding(3)], 'open', '/repo')).toEqual({
      diagnostics: [
        {
          rule: 'portolan/leak-check',
          severity: 'error',
          message:
            "'listSalariesSecretly' (operationId at #/paths/~1salaries/get in specs/payroll.yaml) is in the open site, whose audience may not see it. The site was not published.",
          file: '/repo/dist/open/index.html',
          line: 3,
          col: 7,
        },
      ],
      omitted: 0,
    });
  });

  it('names the spec by its full path when its path relative to the working folder would be empty', () => {
    const { diagnostics } = toLeakDiagnostics([finding(1)], 'partner-acme', specFile);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "'listSalariesSecretly' (operationId at #/paths/~1salaries/get in /repo/specs/payroll.yaml) is in the partner-acme site, whose audience may not see it. The site was not published.",
    ]);
  });

  it('reports the first 25 findings and counts the rest', () => {
    const { diagnostics, omitted } = toLeakDiagnostics(Array.from({ length: 27 }, (_, i) => finding(i + 1)), 'partner-acme', '/repo');
    expect(diagnostics.map((d) => d.line)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(omitted).toBe(2);
  });

  it('omits nothing for exactly 25 findings', () => {
    const { diagnostics, omitted } = toLeakDiagnostics(Array.from({ length: 25 }, (_, i) => finding(i + 1)), 'open', '/repo');
    expect(diagnostics).toHaveLength(25);
    expect(omitted).toBe(0);
  });

  it('reports nothing when nothing leaked', () => {
    expect(toLeakDiagnostics([], 'open')).toEqual({ diagnostics: [], omitted: 0 });
  });
});
