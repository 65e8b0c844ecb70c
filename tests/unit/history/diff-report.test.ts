// Rendering classified API changes: stylish lines, JSON, GitHub annotations and the Markdown table.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/diagnostics.ts';
import { formatFindings, sortFindings, toDiffSummary, type Finding } from '../../../src/history/diff-report.ts';

const cwd = '/repo';
const PETS = '/repo/specs/pets/openapi.yaml';
const ORDERS = '/repo/specs/orders/openapi.yaml';

function finding(change: Pick<Finding, 'rule' | 'level' | 'message'> & Partial<Finding>): Finding {
  return { apiId: 'pets', file: PETS, line: 1, col: 1, pointer: '#/info', failing: change.level === 'breaking', ...change };
}

// Deliberately out of order: the formats sort them.
const added = finding({ rule: 'operation-added', level: 'non-breaking', message: 'POST /pets was added.', operation: 'POST /pets', pointer: '#/paths/~1pets/post', line: 30, col: 5 });
const deprecated = finding({ rule: 'operation-deprecated', level: 'info', message: 'GET /pets is now deprecated.', operation: 'GET /pets', pointer: '#/paths/~1pets/get', line: 8, col: 5 });
const published = finding({
  rule: 'operation-published',
  level: 'publication',
  message: 'POST /pets is new and visible to open: review that it may be published.',
  operation: 'POST /pets',
  pointer: '#/paths/~1pets/post',
  line: 30,
  col: 5,
});
const removed = finding({
  rule: 'operation-removed',
  level: 'breaking',
  message: 'GET /pets/{id} was removed; calls to it fail.',
  operation: 'GET /pets/{id}',
  pointer: '#/paths/~1pets~1{id}/get',
  inBase: true,
  line: 12,
  col: 3,
});
const experimentalBreak = finding({
  apiId: 'orders',
  file: ORDERS,
  rule: 'response-property-removed',
  level: 'breaking',
  failing: false,
  message: 'GET /orders: response 200.total is no longer returned.',
  operation: 'GET /orders',
  pointer: '#/paths/~1orders/get/responses/200/content/application~1json/schema/properties/total',
  line: 4,
  col: 3,
});
const findings = [added, deprecated, published, removed, experimentalBreak];

describe('sortFindings', () => {
  it('puts breaking first, then publications, non-breaking and information; then by file, line and rule', () => {
    expect(sortFindings(findings)).toEqual([experimentalBreak, removed, published, added, deprecated]);
  });

  it('orders findings of one level by line, then rule, then message', () => {
    const a = finding({ rule: 'b-rule', level: 'info', message: 'x', line: 5 });
    const b = finding({ rule: 'a-rule', level: 'info', message: 'y', line: 5 });
    const c = finding({ rule: 'a-rule', level: 'info', message: 'x', line: 5 });
    const d = finding({ rule: 'z-rule', level: 'info', message: 'x', line: 2 });
    expect(sortFindings([a, b, c, d])).toEqual([d, c, b, a]);
  });

  it('does not reorder its input', () => {
    const input = [added, removed];
    sortFindings(input);
    expect(input).toEqual([added, removed]);
  });
});

describe('toDiffSummary', () => {
  it('counts each level, with singular and plural', () => {
    expect(toDiffSummary(findings, 2)).toBe('2 breaking changes, 1 publication, 1 non-breaking, 1 informational in 2 changed APIs');
    expect(toDiffSummary([removed], 1)).toBe('1 breaking change, 0 publications, 0 non-breaking, 0 informational in 1 changed API');
    expect(toDiffSummary([published, published, added, added], 3)).toBe('0 breaking changes, 2 publications, 2 non-breaking, 0 informational in 3 changed APIs');
    expect(toDiffSummary([], 0)).toBe('0 breaking changes, 0 publications, 0 non-breaking, 0 informational in 0 changed APIs');
  });
});

describe('formatFindings: stylish', () => {
  it('lists findings sorted, calls out publications, and ends with the summary', () => {
    expect(formatFindings(findings, 'stylish', 2, cwd)).toBe(
      [
        'specs/orders/openapi.yaml:4:3  breaking (experimental API: reported, not failing)  response-property-removed  GET /orders: response 200.total is no longer returned.',
        'specs/pets/openapi.yaml:12:3  breaking  operation-removed  GET /pets/{id} was removed; calls to it fail.',
        'specs/pets/openapi.yaml:30:5  publication  operation-published  POST /pets is new and visible to open: review that it may be published.',
        'specs/pets/openapi.yaml:30:5  non-breaking  operation-added  POST /pets was added.',
        'specs/pets/openapi.yaml:8:5  info  operation-deprecated  GET /pets is now deprecated.',
        '',
        'PUBLICATION REVIEW NEEDED: 1 change makes content visible to a wider audience (see the lines marked publication).',
        '2 breaking changes, 1 publication, 1 non-breaking, 1 informational in 2 changed APIs',
        '',
      ].join('\n'),
    );
  });

  it('says "changes make" for several publications', () => {
    const widened = finding({ rule: 'api-audience-widened', level: 'publication', message: 'The API becomes visible to open (was internal): review that it may be published.', line: 3, col: 3 });
    expect(formatFindings([published, widened], 'stylish', 1, cwd)).toBe(
      [
        'specs/pets/openapi.yaml:3:3  publication  api-audience-widened  The API becomes visible to open (was internal): review that it may be published.',
        'specs/pets/openapi.yaml:30:5  publication  operation-published  POST /pets is new and visible to open: review that it may be published.',
        '',
        'PUBLICATION REVIEW NEEDED: 2 changes make content visible to a wider audience (see the lines marked publication).',
        '0 breaking changes, 2 publications, 0 non-breaking, 0 informational in 1 changed API',
        '',
      ].join('\n'),
    );
  });

  it('has no publication line without publications', () => {
    expect(formatFindings([removed, added], 'stylish', 1, cwd)).toBe(
      [
        'specs/pets/openapi.yaml:12:3  breaking  operation-removed  GET /pets/{id} was removed; calls to it fail.',
        'specs/pets/openapi.yaml:30:5  non-breaking  operation-added  POST /pets was added.',
        '1 breaking change, 0 publications, 1 non-breaking, 0 informational in 1 changed API',
        '',
      ].join('\n'),
    );
  });

  it('prints only the summary when nothing changed', () => {
    expect(formatFindings([], 'stylish', 0, cwd)).toBe('0 breaking changes, 0 publications, 0 non-breaking, 0 informational in 0 changed APIs\n');
  });

  it('keeps paths outside the working folder absolute', () => {
    const outside = finding({ rule: 'operation-added', level: 'non-breaking', message: 'POST /x was added.', file: '/elsewhere/api.yaml', line: 2, col: 1 });
    expect(formatFindings([outside], 'stylish', 1, cwd).split('\n')[0]).toBe('/elsewhere/api.yaml:2:1  non-breaking  operation-added  POST /x was added.');
  });
});

describe('formatFindings: json', () => {
  it('gives counts and every change, sorted, with the operation or null', () => {
    const infoChange = finding({ rule: 'api-audience-widened', level: 'publication', message: 'The API becomes visible to open (was internal): review that it may be published.', line: 3, col: 3 });
    const expected = {
      apis: 2,
      breaking: 2,
      failing: 1,
      publications: 2,
      changes: [
        {
          api: 'orders',
          file: 'specs/orders/openapi.yaml',
          line: 4,
          col: 3,
          level: 'breaking',
          failing: false,
          rule: 'response-property-removed',
          operation: 'GET /orders',
          pointer: '#/paths/~1orders/get/responses/200/content/application~1json/schema/properties/total',
          message: 'GET /orders: response 200.total is no longer returned.',
        },
        {
          api: 'pets',
          file: 'specs/pets/openapi.yaml',
          line: 12,
          col: 3,
          level: 'breaking',
          failing: true,
          rule: 'operation-removed',
          operation: 'GET /pets/{id}',
          pointer: '#/paths/~1pets~1{id}/get',
          message: 'GET /pets/{id} was removed; calls to it fail.',
        },
        {
          api: 'pets',
          file: 'specs/pets/openapi.yaml',
          line: 3,
          col: 3,
          level: 'publication',
          failing: false,
          rule: 'api-audience-widened',
          operation: null,
          pointer: '#/info',
          message: 'The API becomes visible to open (was internal): review that it may be published.',
        },
        {
          api: 'pets',
          file: 'specs/pets/openapi.yaml',
          line: 30,
          col: 5,
          level: 'publication',
          failing: false,
          rule: 'operation-published',
          operation: 'POST /pets',
          pointer: '#/paths/~1pets/post',
          message: 'POST /pets is new and visible to open: review that it may be published.',
        },
        {
          api: 'pets',
          file: 'specs/pets/openapi.yaml',
          line: 30,
          col: 5,
          level: 'non-breaking',
          failing: false,
          rule: 'operation-added',
          operation: 'POST /pets',
          pointer: '#/paths/~1pets/post',
          message: 'POST /pets was added.',
        },
        {
          api: 'pets',
          file: 'specs/pets/openapi.yaml',
          line: 8,
          col: 5,
          level: 'info',
          failing: false,
          rule: 'operation-deprecated',
          operation: 'GET /pets',
          pointer: '#/paths/~1pets/get',
          message: 'GET /pets is now deprecated.',
        },
      ],
      unreadable: [],
    };
    // Exact text: key order, two-space indentation and the final newline are part of the format.
    expect(formatFindings([...findings, infoChange], 'json', 2, cwd)).toBe(JSON.stringify(expected, null, 2) + '\n');
  });

  it('gives an empty list when nothing changed', () => {
    expect(JSON.parse(formatFindings([], 'json', 0, cwd))).toEqual({ apis: 0, breaking: 0, failing: 0, publications: 0, changes: [], unreadable: [] });
  });
});

describe('formatFindings: github', () => {
  it('annotates: error for failing, warning for publications and non-failing breaking, notice otherwise', () => {
    expect(formatFindings(findings, 'github', 2, cwd)).toBe(
      [
        '::warning file=specs/orders/openapi.yaml,line=4,col=3,title=breaking%3A response-property-removed::GET /orders: response 200.total is no longer returned.',
        '::error file=specs/pets/openapi.yaml,line=12,col=3,title=breaking%3A operation-removed::GET /pets/{id} was removed; calls to it fail.',
        '::warning file=specs/pets/openapi.yaml,line=30,col=5,title=publication%3A operation-published::POST /pets is new and visible to open: review that it may be published.',
        '::notice file=specs/pets/openapi.yaml,line=30,col=5,title=non-breaking%3A operation-added::POST /pets was added.',
        '::notice file=specs/pets/openapi.yaml,line=8,col=5,title=info%3A operation-deprecated::GET /pets is now deprecated.',
        '2 breaking changes, 1 publication, 1 non-breaking, 1 informational in 2 changed APIs',
        '',
      ].join('\n'),
    );
  });

  it('escapes , : % and newlines in properties, and % and newlines in the message', () => {
    const odd = finding({
      file: '/repo/specs/a,b:c%d/openapi.yaml',
      rule: 'operation-removed',
      level: 'breaking',
      message: 'GET /x: 100% gone,\nsee: notes\r\nend',
      line: 7,
      col: 2,
    });
    expect(formatFindings([odd], 'github', 1, cwd)).toBe(
      [
        '::error file=specs/a%2Cb%3Ac%25d/openapi.yaml,line=7,col=2,title=breaking%3A operation-removed::GET /x: 100%25 gone,%0Asee: notes%0D%0Aend',
        '1 breaking change, 0 publications, 0 non-breaking, 0 informational in 1 changed API',
        '',
      ].join('\n'),
    );
  });

  it('escapes a newline in a file name', () => {
    const odd = finding({ file: '/repo/specs/a\nb.yaml', rule: 'operation-added', level: 'non-breaking', message: 'ok' });
    expect(formatFindings([odd], 'github', 1, cwd).split('\n')[0]).toBe('::notice file=specs/a%0Ab.yaml,line=1,col=1,title=non-breaking%3A operation-added::ok');
  });
});

describe('formatFindings: markdown', () => {
  it('renders a heading, the publication call-out and a table of sorted findings', () => {
    expect(formatFindings(findings, 'markdown', 2, cwd)).toBe(
      [
        '### 🛑 Portolan API changes: 2 breaking changes, 1 publication, 1 non-breaking, 1 informational in 2 changed APIs',
        '',
        '> **Publication review needed:** 1 change makes content visible to a wider audience.',
        '',
        '| | Level | API | Location | Rule | Change |',
        '|---|---|---|---|---|---|',
        '| 🛑 | breaking (experimental API: reported, not failing) | `orders` | `specs/orders/openapi.yaml:4` | `response-property-removed` | GET /orders: response 200.total is no longer returned. |',
        '| 🛑 | breaking | `pets` | `specs/pets/openapi.yaml:12` | `operation-removed` | GET /pets/{id} was removed; calls to it fail. |',
        '| 📣 | publication | `pets` | `specs/pets/openapi.yaml:30` | `operation-published` | POST /pets is new and visible to open: review that it may be published. |',
        '| ✅ | non-breaking | `pets` | `specs/pets/openapi.yaml:30` | `operation-added` | POST /pets was added. |',
        '| ℹ️ | info | `pets` | `specs/pets/openapi.yaml:8` | `operation-deprecated` | GET /pets is now deprecated. |',
        '',
      ].join('\n'),
    );
  });

  it('uses the publication icon when publications but nothing failing, and "changes make" for several', () => {
    const text = formatFindings([published, published, experimentalBreak], 'markdown', 2, cwd);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '### 📣 Portolan API changes: 1 breaking change, 2 publications, 0 non-breaking, 0 informational in 2 changed APIs',
      '',
      '> **Publication review needed:** 2 changes make content visible to a wider audience.',
      '',
    ]);
  });

  it('escapes pipes, newlines and < in cells', () => {
    const odd = finding({ rule: 'response-type-changed', level: 'non-breaking', message: 'a | b\nc <script>', file: '/repo/specs/x|y.yaml', line: 9 });
    expect(formatFindings([odd], 'markdown', 1, cwd)).toBe(
      [
        '### ✅ Portolan API changes: 0 breaking changes, 0 publications, 1 non-breaking, 0 informational in 1 changed API',
        '',
        '| | Level | API | Location | Rule | Change |',
        '|---|---|---|---|---|---|',
        '| ✅ | non-breaking | `pets` | `specs/x\\|y.yaml:9` | `response-type-changed` | a \\| b c &lt;script> |',
        '',
      ].join('\n'),
    );
  });

  it('renders only the heading when nothing changed', () => {
    expect(formatFindings([], 'markdown', 0, cwd)).toBe('### ✅ Portolan API changes: 0 breaking changes, 0 publications, 0 non-breaking, 0 informational in 0 changed APIs\n\n');
  });
});

describe('formatFindings: a lifecycle change', () => {
  const lifecycle = finding({
    rule: 'api-lifecycle-changed',
    level: 'info',
    message: "The API's lifecycle changed: experimental → production; from the next change on, breaking changes count.",
    pointer: '#/info/x-lifecycle',
    line: 6,
    col: 3,
  });

  it('is an informational line in stylish', () => {
    expect(formatFindings([lifecycle], 'stylish', 1, cwd)).toBe(
      [
        "specs/pets/openapi.yaml:6:3  info  api-lifecycle-changed  The API's lifecycle changed: experimental → production; from the next change on, breaking changes count.",
        '0 breaking changes, 0 publications, 0 non-breaking, 1 informational in 1 changed API',
        '',
      ].join('\n'),
    );
  });

  it('is a change in JSON', () => {
    expect(JSON.parse(formatFindings([lifecycle], 'json', 1, cwd)).changes).toEqual([
      {
        api: 'pets',
        file: 'specs/pets/openapi.yaml',
        line: 6,
        col: 3,
        level: 'info',
        failing: false,
        rule: 'api-lifecycle-changed',
        operation: null,
        pointer: '#/info/x-lifecycle',
        message: "The API's lifecycle changed: experimental → production; from the next change on, breaking changes count.",
      },
    ]);
  });

  it('is a notice in GitHub annotations', () => {
    expect(formatFindings([lifecycle], 'github', 1, cwd).split('\n')[0]).toBe(
      "::notice file=specs/pets/openapi.yaml,line=6,col=3,title=info%3A api-lifecycle-changed::The API's lifecycle changed: experimental → production; from the next change on, breaking changes count.",
    );
  });

  it('is a row in the Markdown table', () => {
    expect(formatFindings([lifecycle], 'markdown', 1, cwd).split('\n').at(-2)).toBe(
      "| ℹ️ | info | `pets` | `specs/pets/openapi.yaml:6` | `api-lifecycle-changed` | The API's lifecycle changed: experimental → production; from the next change on, breaking changes count. |",
    );
  });
});

describe('formatFindings: base files that could not be read', () => {
  const unreadable: Diagnostic = {
    rule: 'portolan/history-unreadable',
    severity: 'error',
    message: 'At main (1a2b3c4d5e) this file is a symlink (to /etc/secret.yaml), and Portolan never follows symlinks, in history as at HEAD. Its changes since then cannot be checked: review them by hand, then pass --allow-breaking.',
    file: PETS,
    line: 1,
    col: 1,
  };

  it('come first in stylish, and the summary counts them', () => {
    expect(formatFindings([added], 'stylish', 1, cwd, [unreadable])).toBe(
      [
        `specs/pets/openapi.yaml:1:1  error  portolan/history-unreadable  ${unreadable.message}`,
        'specs/pets/openapi.yaml:30:5  non-breaking  operation-added  POST /pets was added.',
        '0 breaking changes, 0 publications, 1 non-breaking, 0 informational in 1 changed API; 1 base file could not be read',
        '',
      ].join('\n'),
    );
  });

  it('are listed under unreadable in JSON', () => {
    expect(JSON.parse(formatFindings([], 'json', 1, cwd, [unreadable])).unreadable).toEqual([
      { file: 'specs/pets/openapi.yaml', line: 1, col: 1, rule: 'portolan/history-unreadable', message: unreadable.message },
    ]);
  });

  it('are error annotations in GitHub format', () => {
    expect(formatFindings([], 'github', 1, cwd, [unreadable])).toBe(
      [
        `::error file=specs/pets/openapi.yaml,line=1,col=1,title=portolan/history-unreadable::${unreadable.message}`,
        '0 breaking changes, 0 publications, 0 non-breaking, 0 informational in 1 changed API; 1 base file could not be read',
        '',
      ].join('\n'),
    );
  });

  it('turn the Markdown heading red, with a call-out and a row each', () => {
    expect(formatFindings([], 'markdown', 1, cwd, [unreadable])).toBe(
      [
        '### 🛑 Portolan API changes: 0 breaking changes, 0 publications, 0 non-breaking, 0 informational in 1 changed API; 1 base file could not be read',
        '',
        '> **Not compared:** 1 file at the base could not be read, so the changes of the APIs using them were not checked.',
        '',
        '| | Level | API | Location | Rule | Change |',
        '|---|---|---|---|---|---|',
        `| 🛑 | unreadable base | | \`specs/pets/openapi.yaml:1\` | \`portolan/history-unreadable\` | ${unreadable.message} |`,
        '',
      ].join('\n'),
    );
  });
});
