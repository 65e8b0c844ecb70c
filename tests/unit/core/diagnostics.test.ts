import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatDiagnostics,
  hasErrors,
  sortDiagnostics,
  escapeMarkdownCell,
  toGithub,
  toJson,
  toMarkdown,
  toStylish,
  toSummaryLine,
  getProblemCounts,
  toReportedDiagnostics,
  type Diagnostic,
} from '../../../src/core/diagnostics.ts';

const cwd = path.resolve('/repo');

const missingOwner: Diagnostic = {
  rule: 'portolan/info-x-owner',
  severity: 'warn',
  message: "info.x-owner should name the owning team (e.g. 'team-payments') so readers know who to ask.",
  file: path.join(cwd, 'specs/payments/openapi.yaml'),
  pointer: '#/info',
  line: 2,
  col: 1,
};
const badAudience: Diagnostic = {
  rule: 'portolan/info-x-audience',
  severity: 'error',
  message: 'info.x-audience must be one of \'open\', \'partner\', \'internal\' (got "public"); leave it out to keep the API internal.',
  file: path.join(cwd, 'specs/payments/openapi.yaml'),
  pointer: '#/info/x-audience',
  line: 6,
  col: 15,
};
const missing4xx: Diagnostic = {
  rule: 'operation-4xx-response',
  severity: 'error',
  message: 'Operation must have at least one `4XX` response.',
  file: path.join(cwd, 'specs/billing.yaml'),
  pointer: '#/paths/~1invoices/get/responses',
  line: 12,
  col: 7,
  docs: 'https://redocly.com/docs/cli/rules/operation-4xx-response',
};

describe('toStylish', () => {
  it('prints file:line:col  severity  rule-id  message, sorted by file and line, then the summary', () => {
    expect(toStylish([badAudience, missingOwner, missing4xx], 2, cwd)).toBe(
      [
        'specs/billing.yaml:12:7  error  operation-4xx-response  Operation must have at least one `4XX` response.',
        "specs/payments/openapi.yaml:2:1  warning  portolan/info-x-owner  info.x-owner should name the owning team (e.g. 'team-payments') so readers know who to ask.",
        'specs/payments/openapi.yaml:6:15  error  portolan/info-x-audience  info.x-audience must be one of \'open\', \'partner\', \'internal\' (got "public"); leave it out to keep the API internal.',
        '2 errors, 1 warning in 2 APIs',
        '',
      ].join('\n'),
    );
  });

  it('keeps the absolute path of a file outside the working folder', () => {
    const outside = { ...missing4xx, file: path.resolve('/elsewhere/billing.yaml') };
    expect(toStylish([outside], 1, cwd).split('\n')[0]).toBe(
      `${path.resolve('/elsewhere/billing.yaml')}:12:7  error  operation-4xx-response  Operation must have at least one \`4XX\` response.`,
    );
  });

  it('prints only the summary when there is nothing to report', () => {
    expect(toStylish([], 3, cwd)).toBe('0 errors, 0 warnings in 3 APIs\n');
  });
});

describe('toStylish with code frames (npm run lint)', () => {
  const sources: Record<string, string> = {
    [path.join(cwd, 'specs/payments/openapi.yaml')]: "openapi: 3.1.0\ninfo:\n  title: Payments\n  version: '1'\n  x-owner: team-payments\n  x-audience: public\npaths: {}\n",
  };
  const getSource = (file: string) => sources[file];

  it('follows each problem with its indented code frame, its docs link and a blank line', () => {
    expect(toStylish([badAudience, missing4xx], 2, cwd, { getSource })).toBe(
      [
        'specs/billing.yaml:12:7  error  operation-4xx-response  Operation must have at least one `4XX` response.',
        '    docs: https://redocly.com/docs/cli/rules/operation-4xx-response',
        '',
        'specs/payments/openapi.yaml:6:15  error  portolan/info-x-audience  info.x-audience must be one of \'open\', \'partner\', \'internal\' (got "public"); leave it out to keep the API internal.',
        "    4 |   version: '1'",
        '    5 |   x-owner: team-payments',
        '  > 6 |   x-audience: public',
        '      |               ^',
        '    7 | paths: {}',
        '    8 | ',
        '    docs: README.md#lint-rules',
        '',
        '2 errors, 0 warnings in 2 APIs',
        '',
      ].join('\n'),
    );
  });

  it('links Redocly rules without a docs link of their own to their Redocly page', () => {
    const unresolved: Diagnostic = { ...missing4xx, rule: 'no-unresolved-refs', message: "Can't resolve $ref", docs: undefined };
    expect(toStylish([unresolved], 1, cwd, { getSource: () => undefined }).split('\n')[1]).toBe('    docs: https://redocly.com/docs/cli/rules/no-unresolved-refs');
  });

  it('prints one line a problem without a source reader, as the build does', () => {
    expect(toStylish([missing4xx], 1, cwd)).toBe(
      'specs/billing.yaml:12:7  error  operation-4xx-response  Operation must have at least one `4XX` response.\n1 error, 0 warnings in 1 API\n',
    );
  });
});

describe('toMarkdown', () => {
  it('writes a heading with the summary and a table of problems with docs links, sorted', () => {
    const warning: Diagnostic = { ...missing4xx, severity: 'warn' };
    expect(toMarkdown([badAudience, warning], 2, cwd)).toBe(
      [
        '### ❌ Portolan lint: 1 error, 1 warning in 2 APIs',
        '',
        '| | Location | Rule | Message |',
        '|---|---|---|---|',
        '| warning | `specs/billing.yaml:12:7` | [`operation-4xx-response`](https://redocly.com/docs/cli/rules/operation-4xx-response) | Operation must have at least one `4XX` response. |',
        '| error | `specs/payments/openapi.yaml:6:15` | [`portolan/info-x-audience`](README.md#lint-rules) | info.x-audience must be one of \'open\', \'partner\', \'internal\' (got "public"); leave it out to keep the API internal. |',
        '',
      ].join('\n'),
    );
  });

  it('escapes | in paths and messages, and < and newlines in messages, so a problem stays one row', () => {
    const odd: Diagnostic = {
      rule: 'portolan/info-x-lifecycle',
      severity: 'error',
      message: 'must be one of a | b (got "<beta>")\nsee the README',
      file: path.join(cwd, 'specs/pay|ments.yaml'),
      line: 7,
      col: 16,
    };
    expect(toMarkdown([odd], 1, cwd).split('\n')[4]).toBe(
      '| error | `specs/pay\\|ments.yaml:7:16` | [`portolan/info-x-lifecycle`](README.md#lint-rules) | must be one of a \\| b (got "&lt;beta>") see the README |',
    );
  });

  it('shows a warning sign for warnings only, and a check mark and no table when there is nothing', () => {
    expect(toMarkdown([missingOwner], 1, cwd).split('\n')[0]).toBe('### ⚠️ Portolan lint: 0 errors, 1 warning in 1 API');
    expect(toMarkdown([], 3, cwd)).toBe('### ✅ Portolan lint: 0 errors, 0 warnings in 3 APIs\n\n');
  });
});

describe('toSummaryLine', () => {
  it('uses singular words for one of each', () => {
    expect(toSummaryLine([badAudience, missingOwner], 1)).toBe('1 error, 1 warning in 1 API');
  });
});

describe('sortDiagnostics', () => {
  it('orders problems on the same spot by rule id', () => {
    const a = { ...badAudience, rule: 'b-rule' };
    const b = { ...badAudience, rule: 'a-rule' };
    expect(sortDiagnostics([a, b]).map((d) => d.rule)).toEqual(['a-rule', 'b-rule']);
  });
});

describe('hasErrors', () => {
  it('is false for warnings only', () => {
    expect(hasErrors([missingOwner])).toBe(false);
    expect(hasErrors([missingOwner, missing4xx])).toBe(true);
  });
});

describe('toJson', () => {
  it('reports counts and each problem with a relative path, pointer and docs link', () => {
    expect(JSON.parse(toJson([missingOwner, missing4xx], 2, cwd))).toEqual({
      apis: 2,
      errors: 1,
      warnings: 1,
      problems: [
        {
          file: 'specs/billing.yaml',
          line: 12,
          col: 7,
          pointer: '#/paths/~1invoices/get/responses',
          severity: 'error',
          rule: 'operation-4xx-response',
          message: 'Operation must have at least one `4XX` response.',
          docs: 'https://redocly.com/docs/cli/rules/operation-4xx-response',
        },
        {
          file: 'specs/payments/openapi.yaml',
          line: 2,
          col: 1,
          pointer: '#/info',
          severity: 'warning',
          rule: 'portolan/info-x-owner',
          message: "info.x-owner should name the owning team (e.g. 'team-payments') so readers know who to ask.",
          docs: null,
        },
      ],
    });
  });

  it('ends with a newline so it can be piped', () => {
    expect(toJson([], 0, cwd).endsWith('}\n')).toBe(true);
  });
});

describe('toGithub', () => {
  it('writes one workflow command per problem, then the summary', () => {
    expect(toGithub([missingOwner, missing4xx], 2, cwd)).toBe(
      [
        '::error file=specs/billing.yaml,line=12,col=7,title=operation-4xx-response::Operation must have at least one `4XX` response.',
        "::warning file=specs/payments/openapi.yaml,line=2,col=1,title=portolan/info-x-owner::info.x-owner should name the owning team (e.g. 'team-payments') so readers know who to ask.",
        '1 error, 1 warning in 2 APIs',
        '',
      ].join('\n'),
    );
  });

  it('escapes % and newlines in messages, and also : and , in properties', () => {
    const odd: Diagnostic = {
      rule: 'no:colon,rule',
      severity: 'error',
      message: '100% broken:\nsecond line\r',
      file: path.join(cwd, 'specs/a,b:c.yaml'),
      line: 1,
      col: 2,
    };
    expect(toGithub([odd], 1, cwd).split('\n')[0]).toBe(
      '::error file=specs/a%2Cb%3Ac.yaml,line=1,col=2,title=no%3Acolon%2Crule::100%25 broken:%0Asecond line%0D',
    );
  });
});

describe('formatDiagnostics', () => {
  it('picks the writer by format name', () => {
    expect(formatDiagnostics([missing4xx], 'stylish', 1, cwd)).toBe(toStylish([missing4xx], 1, cwd));
    expect(formatDiagnostics([missing4xx], 'json', 1, cwd)).toBe(toJson([missing4xx], 1, cwd));
    expect(formatDiagnostics([missing4xx], 'github', 1, cwd)).toBe(toGithub([missing4xx], 1, cwd));
    expect(formatDiagnostics([missing4xx], 'markdown', 1, cwd)).toBe(toMarkdown([missing4xx], 1, cwd));
  });
});

describe('escapeMarkdownCell', () => {
  it('keeps spec text in a PR comment from becoming a mention, a link or markup, but keeps code spans', () => {
    expect(escapeMarkdownCell('ping @org/team via [x](https://evil.example) | *bold* <b>`code`</b>\nnext')).toBe(
      'ping &#64;org/team via \\[x\\](https://evil.example) \\| \\*bold\\* &lt;b>`code`&lt;/b> next',
    );
  });
});

/** `count` problems of one rule in one file, on lines 1, 2, 3, … */
function makeProblems(count: number, rule: string, severity: Diagnostic['severity'], file: string): Diagnostic[] {
  return Array.from({ length: count }, (_, i) => ({ rule, severity, message: `${rule} problem ${i + 1}`, file: path.join(cwd, file), line: i + 1, col: 1 }));
}

describe('the summary tables (ten problems or more)', () => {
  const many = [
    ...makeProblems(6, 'parameter-description', 'warn', 'specs/orders.yaml'),
    ...makeProblems(2, 'operation-4xx-response', 'error', 'specs/billing.yaml'),
    ...makeProblems(3, 'parameter-description', 'warn', 'specs/billing.yaml'),
  ];

  it('follow the listing with counts per rule and per file, errors first, then the most problems', () => {
    const lines = toStylish(many, 2, cwd).split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'specs/billing.yaml:1:1  error  operation-4xx-response  operation-4xx-response problem 1',
      'specs/billing.yaml:1:1  warning  parameter-description  parameter-description problem 1',
    ]);
    expect(lines.slice(11)).toEqual([
      '',
      'Problems by rule, worst first:',
      '  errors  warnings  rule',
      '       2         0  operation-4xx-response',
      '       0         9  parameter-description',
      '',
      'Problems by file, worst first:',
      '  errors  warnings  file',
      '       2         3  specs/billing.yaml',
      '       0         6  specs/orders.yaml',
      '',
      '2 errors, 9 warnings in 2 APIs',
      '',
    ]);
  });

  it('are left out below ten problems, where the listing says it all', () => {
    expect(toStylish(many.slice(0, 9), 2, cwd)).not.toContain('Problems by rule');
  });

  it('show the 20 worst rows and fold the rest into one', () => {
    const files = Array.from({ length: 23 }, (_, i) => makeProblems(i + 1, 'parameter-description', 'warn', `specs/api-${String(i + 1).padStart(2, '0')}.yaml`)).flat();
    const text = toStylish(files, 23, cwd, { maxProblems: 0 });
    const byFile = text.split('Problems by file, worst first:\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(byFile).toHaveLength(22);
    expect(byFile.slice(0, 3)).toEqual(['  errors  warnings  file', '       0        23  specs/api-23.yaml', '       0        22  specs/api-22.yaml']);
    expect(byFile.at(-1)).toBe('       0         6  …3 more files');
  });

  it('print a file name holding a newline quoted on one line, so it cannot forge a line of output', () => {
    const forged = makeProblems(10, 'parameter-description', 'warn', 'specs/x\n::error file=a::forged.yaml');
    expect(toStylish(forged, 1, cwd)).toContain('       0        10  "specs/x\\n::error file=a::forged.yaml"\n');
  });
});

describe('--max-problems', () => {
  const problems = [
    ...makeProblems(3, 'parameter-description', 'warn', 'specs/a.yaml'),
    ...makeProblems(2, 'operation-4xx-response', 'error', 'specs/b.yaml'),
  ];

  it('lists at most N problems, errors before warnings, in file order, then says how many more there are and shows the tables', () => {
    expect(toStylish(problems, 2, cwd, { maxProblems: 3 })).toBe(
      [
        'specs/a.yaml:1:1  warning  parameter-description  parameter-description problem 1',
        'specs/b.yaml:1:1  error  operation-4xx-response  operation-4xx-response problem 1',
        'specs/b.yaml:2:1  error  operation-4xx-response  operation-4xx-response problem 2',
        '…and 2 more problems (0 errors, 2 warnings), not listed: --max-problems 3.',
        '',
        'Problems by rule, worst first:',
        '  errors  warnings  rule',
        '       2         0  operation-4xx-response',
        '       0         3  parameter-description',
        '',
        'Problems by file, worst first:',
        '  errors  warnings  file',
        '       2         0  specs/b.yaml',
        '       0         3  specs/a.yaml',
        '',
        '2 errors, 3 warnings in 2 APIs',
        '',
      ].join('\n'),
    );
  });

  it('lists 100 problems by default', () => {
    const text = toStylish(makeProblems(130, 'parameter-description', 'warn', 'specs/a.yaml'), 1, cwd);
    expect(text.split('\n').filter((line) => line.startsWith('specs/a.yaml:'))).toHaveLength(100);
    expect(text).toContain('\n…and 30 more problems (0 errors, 30 warnings), not listed: --max-problems 100.\n');
  });

  it('with 0 lists nothing and keeps the tables and the closing line', () => {
    expect(toStylish(problems, 2, cwd, { maxProblems: 0 }).split('\n').slice(0, 2)).toEqual([
      '…and 5 more problems (2 errors, 3 warnings), not listed: --max-problems 0.',
      '',
    ]);
  });

  it('caps the annotations of the github format the same way', () => {
    expect(toGithub(problems, 2, cwd, { maxProblems: 1 }).split('\n').slice(0, 3)).toEqual([
      '::error file=specs/b.yaml,line=1,col=1,title=operation-4xx-response::operation-4xx-response problem 1',
      '…and 4 more problems (1 error, 3 warnings), not listed: --max-problems 1.',
      'Problems by rule, worst first:',
    ]);
  });

  it('caps the markdown table and adds count tables per rule and per file', () => {
    expect(toMarkdown(problems, 2, cwd, { maxProblems: 1 })).toBe(
      [
        '### ❌ Portolan lint: 2 errors, 3 warnings in 2 APIs',
        '',
        '| | Location | Rule | Message |',
        '|---|---|---|---|',
        '| error | `specs/b.yaml:1:1` | [`operation-4xx-response`](https://redocly.com/docs/cli/rules/operation-4xx-response) | operation-4xx-response problem 1 |',
        '',
        '…and 4 more problems (1 error, 3 warnings), not listed: --max-problems 1.',
        '',
        '| Rule | Errors | Warnings |',
        '|---|---:|---:|',
        '| [`operation-4xx-response`](https://redocly.com/docs/cli/rules/operation-4xx-response) | 2 | 0 |',
        '| [`parameter-description`](https://redocly.com/docs/cli/rules/parameter-description) | 0 | 3 |',
        '',
        '| File | Errors | Warnings |',
        '|---|---:|---:|',
        '| `specs/b.yaml` | 2 | 0 |',
        '| `specs/a.yaml` | 0 | 3 |',
        '',
      ].join('\n'),
    );
  });

  it('never caps JSON: machines read every problem', () => {
    expect(JSON.parse(formatDiagnostics(makeProblems(130, 'parameter-description', 'warn', 'specs/a.yaml'), 'json', 1, cwd, { maxProblems: 1 })).problems).toHaveLength(130);
  });
});

describe('--quiet', () => {
  const problems = [...makeProblems(2, 'parameter-description', 'warn', 'specs/a.yaml'), ...makeProblems(1, 'operation-4xx-response', 'error', 'specs/b.yaml')];

  it('keeps only errors and counts the warnings it left out', () => {
    const { reported, hiddenWarnings } = toReportedDiagnostics(problems, true);
    expect(reported.map((d) => d.rule)).toEqual(['operation-4xx-response']);
    expect(hiddenWarnings).toBe(2);
    expect(toReportedDiagnostics(problems, false)).toEqual({ reported: problems, hiddenWarnings: 0 });
  });

  it('says in the closing line how many warnings were not shown', () => {
    const { reported, hiddenWarnings } = toReportedDiagnostics(problems, true);
    expect(toStylish(reported, 2, cwd, { hiddenWarnings })).toBe(
      'specs/b.yaml:1:1  error  operation-4xx-response  operation-4xx-response problem 1\n1 error in 2 APIs (2 warnings not shown: --quiet)\n',
    );
    expect(toMarkdown([], 2, cwd, { hiddenWarnings: 1 })).toBe('### ✅ Portolan lint: 0 errors in 2 APIs (1 warning not shown: --quiet)\n\n');
  });
});

describe('getProblemCounts', () => {
  it('orders by errors, then warnings, then name', () => {
    const counts = getProblemCounts(
      [...makeProblems(1, 'b', 'warn', 'x.yaml'), ...makeProblems(1, 'a', 'warn', 'x.yaml'), ...makeProblems(2, 'c', 'warn', 'x.yaml'), ...makeProblems(1, 'd', 'error', 'x.yaml')],
      (d) => d.rule,
    );
    expect(counts).toEqual([
      { name: 'd', errors: 1, warnings: 0 },
      { name: 'c', errors: 0, warnings: 2 },
      { name: 'a', errors: 0, warnings: 1 },
      { name: 'b', errors: 0, warnings: 1 },
    ]);
  });
});
