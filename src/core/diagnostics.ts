// Diagnostics are data: every stage reports problems in this one shape, and only this module turns
// them into text, so lint, load and build errors all read the same way.
import path from 'node:path';
import { toCodeFrame } from './code-frame.ts';

export type Severity = 'error' | 'warn';

export interface Diagnostic {
  /** Stable kebab-case id: a Redocly rule id, a `portolan/...` catalog rule, or a load/build failure. */
  rule: string;
  severity: Severity;
  message: string;
  /** Absolute path of the file the problem is in. */
  file: string;
  /** JSON pointer inside that file, when known. */
  pointer?: string;
  line: number;
  col: number;
  /** Link to the rule's documentation, when it has one. */
  docs?: string;
}

export const OUTPUT_FORMATS = ['stylish', 'json', 'github', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule),
  );
}

export function toDisplayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export function toSummaryLine(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = `${fileCount} ${fileCount === 1 ? 'API' : 'APIs'}`;
  return `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} in ${files}`;
}

export interface StylishOptions {
  /** Reads a file's text for code frames; without it each problem is one line. */
  getSource?: (file: string) => string | undefined;
}

/**
 * `file:line:col  severity  rule-id  message`, one problem a line, then the summary. With a source
 * reader, each problem also shows its code frame and the rule's documentation.
 */
export function toStylish(diagnostics: readonly Diagnostic[], fileCount: number, cwd = process.cwd(), options: StylishOptions = {}): string {
  const lines: string[] = [];
  for (const d of sortDiagnostics(diagnostics)) {
    lines.push(`${toDisplayPath(d.file, cwd)}:${d.line}:${d.col}  ${d.severity === 'error' ? 'error' : 'warning'}  ${d.rule}  ${d.message}`);
    if (!options.getSource) continue;
    const source = options.getSource(d.file);
    const frame = source === undefined ? '' : toCodeFrame(source, d.line, d.col);
    if (frame) lines.push(frame.replace(/^/gm, '  '));
    lines.push(`    docs: ${d.docs ?? getRuleDocs(d.rule)}`, '');
  }
  lines.push(toSummaryLine(diagnostics, fileCount));
  return lines.join('\n') + '\n';
}

/** Portolan's own rules are documented in its README; Redocly's on its site. */
export const PORTOLAN_RULES_DOCS = 'README.md#lint-rules';
export const SECURITY_MODEL_DOCS = 'README.md#security-model';
/** Problems with the input itself (what the build refuses), explained in the security model. */
const INPUT_RULES = new Set(['parse-error', 'unsupported-version', 'portolan/refused-ref', 'portolan/refused-file', 'portolan/self-reference']);

function getRuleDocs(rule: string): string {
  if (INPUT_RULES.has(rule)) return SECURITY_MODEL_DOCS;
  return rule.startsWith('portolan/') || !/^[a-z0-9-]+$/.test(rule) ? PORTOLAN_RULES_DOCS : `https://redocly.com/docs/cli/rules/${rule}`;
}

/**
 * Text for a Markdown table cell in a PR comment. Spec text is untrusted, so beyond `|` it must not
 * become markup, a link or an @-mention that pings people. Backticks stay: code spans are inert.
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/\n/g, ' ')
    .replace(/[\\*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/@/g, '&#64;');
}

/** A summary table for a pull-request comment or a job summary. */
export function toMarkdown(diagnostics: readonly Diagnostic[], fileCount: number, cwd = process.cwd()): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const icon = errors ? '❌' : diagnostics.length ? '⚠️' : '✅';
  const lines = [`### ${icon} Portolan lint: ${toSummaryLine(diagnostics, fileCount)}`, ''];
  if (diagnostics.length) {
    lines.push('| | Location | Rule | Message |', '|---|---|---|---|');
    for (const d of sortDiagnostics(diagnostics)) {
      const where = `\`${escapeMarkdownCell(toDisplayPath(d.file, cwd))}:${d.line}:${d.col}\``;
      lines.push(`| ${d.severity === 'error' ? 'error' : 'warning'} | ${where} | [\`${d.rule}\`](${d.docs ?? getRuleDocs(d.rule)}) | ${escapeMarkdownCell(d.message)} |`);
    }
  }
  return lines.join('\n') + '\n';
}

export function toJson(diagnostics: readonly Diagnostic[], fileCount: number, cwd = process.cwd()): string {
  const problems = sortDiagnostics(diagnostics).map((d) => ({
    file: toDisplayPath(d.file, cwd),
    line: d.line,
    col: d.col,
    pointer: d.pointer ?? null,
    severity: d.severity === 'error' ? 'error' : 'warning',
    rule: d.rule,
    message: d.message,
    docs: d.docs ?? null,
  }));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return JSON.stringify({ apis: fileCount, errors, warnings: diagnostics.length - errors, problems }, null, 2) + '\n';
}

/** GitHub workflow-command escaping, for a message. */
export function escapeGithubData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow-command escaping, for a property such as file= or title=. */
export function escapeGithubProperty(value: string): string {
  return escapeGithubData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands, so problems show up on the changed lines of a pull request. */
export function toGithub(diagnostics: readonly Diagnostic[], fileCount: number, cwd = process.cwd()): string {
  const lines = sortDiagnostics(diagnostics).map((d) => {
    const level = d.severity === 'error' ? 'error' : 'warning';
    const props = `file=${escapeGithubProperty(toDisplayPath(d.file, cwd))},line=${d.line},col=${d.col},title=${escapeGithubProperty(d.rule)}`;
    return `::${level} ${props}::${escapeGithubData(d.message)}`;
  });
  lines.push(toSummaryLine(diagnostics, fileCount));
  return lines.join('\n') + '\n';
}

export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: OutputFormat,
  fileCount: number,
  cwd = process.cwd(),
  options: StylishOptions = {},
): string {
  switch (format) {
    case 'json':
      return toJson(diagnostics, fileCount, cwd);
    case 'github':
      return toGithub(diagnostics, fileCount, cwd);
    case 'markdown':
      return toMarkdown(diagnostics, fileCount, cwd);
    default:
      return toStylish(diagnostics, fileCount, cwd, options);
  }
}
