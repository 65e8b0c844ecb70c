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
