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

export function toSummaryLine(diagnostics: readonly Diagnostic[], fileCount: number, hiddenWarnings = 0): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = `${fileCount} ${fileCount === 1 ? 'API' : 'APIs'}`;
  if (hiddenWarnings > 0 && warnings === 0) {
    return `${errors} ${errors === 1 ? 'error' : 'errors'} in ${files} (${hiddenWarnings} ${hiddenWarnings === 1 ? 'warning' : 'warnings'} not shown: --quiet)`;
  }
  return `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} in ${files}`;
}

/** How many problems the human formats list one by one by default, as Redocly's CLI does. */
export const DEFAULT_MAX_PROBLEMS = 100;
/** Rows per summary table; a catalog of thousands of files would otherwise drown the summary too. */
export const SUMMARY_TABLE_ROWS = 20;

export interface ReportOptions {
  /** Problems listed one by one (stylish, github, markdown); the summary tables count every one. */
  maxProblems?: number;
  /** Warnings that `--quiet` left out, so the closing line can say so. */
  hiddenWarnings?: number;
}

/** `--quiet`: errors only. Warnings are counted, so the summary can say how many were left out. */
export function toReportedDiagnostics(diagnostics: readonly Diagnostic[], quiet: boolean): { reported: Diagnostic[]; hiddenWarnings: number } {
  if (!quiet) return { reported: [...diagnostics], hiddenWarnings: 0 };
  const reported = diagnostics.filter((d) => d.severity === 'error');
  return { reported, hiddenWarnings: diagnostics.length - reported.length };
}

/**
 * The problems listed one by one when there are more than `max`: errors before warnings, so a capped
 * listing never hides an error behind warnings, shown in file order. The rest are only counted.
 */
export function getListedDiagnostics(diagnostics: readonly Diagnostic[], max = DEFAULT_MAX_PROBLEMS): { listed: Diagnostic[]; omitted: Diagnostic[] } {
  const sorted = sortDiagnostics(diagnostics);
  if (sorted.length <= max) return { listed: sorted, omitted: [] };
  const bySeverity = [...sorted.filter((d) => d.severity === 'error'), ...sorted.filter((d) => d.severity !== 'error')];
  const chosen = new Set(bySeverity.slice(0, max));
  return { listed: sorted.filter((d) => chosen.has(d)), omitted: bySeverity.slice(max) };
}

function countWord(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `…and 412 more problems (2 errors, 410 warnings), not listed: --max-problems 100.` */
export function toOmittedLine(omitted: readonly Diagnostic[], max: number): string {
  const errors = omitted.filter((d) => d.severity === 'error').length;
  return `…and ${omitted.length} more ${omitted.length === 1 ? 'problem' : 'problems'} (${countWord(errors, 'error')}, ${countWord(omitted.length - errors, 'warning')}), not listed: --max-problems ${max}.`;
}

export interface ProblemCount {
  name: string;
  errors: number;
  warnings: number;
}

/** Problems counted per rule or per file, the worst first: most errors, then most warnings, then by name. */
export function getProblemCounts(diagnostics: readonly Diagnostic[], getName: (d: Diagnostic) => string): ProblemCount[] {
  const counts = new Map<string, ProblemCount>();
  for (const d of diagnostics) {
    const name = getName(d);
    const count = counts.get(name) ?? { name, errors: 0, warnings: 0 };
    if (d.severity === 'error') count.errors += 1;
    else count.warnings += 1;
    counts.set(name, count);
  }
  return [...counts.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The rows a summary table shows, and the rest folded into one count. */
function getShownRows(counts: readonly ProblemCount[]): { rows: ProblemCount[]; rest?: ProblemCount } {
  if (counts.length <= SUMMARY_TABLE_ROWS) return { rows: [...counts] };
  const hidden = counts.slice(SUMMARY_TABLE_ROWS);
  const rest = {
    name: `${hidden.length} more`,
    errors: hidden.reduce((sum, c) => sum + c.errors, 0),
    warnings: hidden.reduce((sum, c) => sum + c.warnings, 0),
  };
  return { rows: counts.slice(0, SUMMARY_TABLE_ROWS), rest };
}

/**
 * The summary tables come with this many problems or more, or when the listing was cut; a short
 * listing says everything they would.
 */
export const SUMMARY_TABLE_MIN_PROBLEMS = 10;

function hasSummaryTables(diagnostics: readonly Diagnostic[], omitted: readonly Diagnostic[]): boolean {
  return diagnostics.length >= SUMMARY_TABLE_MIN_PROBLEMS || omitted.length > 0;
}

/** File names come from pull requests: a newline in one must not start a line of its own (a fake annotation). */
function toOneLine(name: string): string {
  return /[\u0000-\u001f\u007f]/.test(name) ? JSON.stringify(name) : name;
}

function toTextTable(title: string, column: string, counts: readonly ProblemCount[], unit: string): string[] {
  const { rows, rest } = getShownRows(counts);
  const all = rest ? [...rows, { ...rest, name: `…${rest.name} ${unit}` }] : rows;
  const errorWidth = Math.max('errors'.length, ...all.map((c) => String(c.errors).length));
  const warningWidth = Math.max('warnings'.length, ...all.map((c) => String(c.warnings).length));
  return [
    `${title}:`,
    `  ${'errors'.padStart(errorWidth)}  ${'warnings'.padStart(warningWidth)}  ${column}`,
    ...all.map((c) => `  ${String(c.errors).padStart(errorWidth)}  ${String(c.warnings).padStart(warningWidth)}  ${toOneLine(c.name)}`),
  ];
}

/** Counts per rule and per file, the worst first, so a team with thousands of problems sees where to start. */
export function toSummaryTables(diagnostics: readonly Diagnostic[], cwd = process.cwd()): string[] {
  return [
    ...toTextTable('Problems by rule, worst first', 'rule', getProblemCounts(diagnostics, (d) => d.rule), 'rules'),
    '',
    ...toTextTable('Problems by file, worst first', 'file', getProblemCounts(diagnostics, (d) => toDisplayPath(d.file, cwd)), 'files'),
  ];
}

export interface StylishOptions extends ReportOptions {
  /** Reads a file's text for code frames; without it each problem is one line. */
  getSource?: (file: string) => string | undefined;
}

/**
 * `file:line:col  severity  rule-id  message`, one problem a line (at most `maxProblems`), then the
 * summary tables and the closing line. With a source reader, each problem also shows its code frame
 * and the rule's documentation.
 */
export function toStylish(diagnostics: readonly Diagnostic[], fileCount: number, cwd = process.cwd(), options: StylishOptions = {}): string {
  const max = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const { listed, omitted } = getListedDiagnostics(diagnostics, max);
  const lines: string[] = [];
  for (const d of listed) {
    lines.push(`${toDisplayPath(d.file, cwd)}:${d.line}:${d.col}  ${d.severity === 'error' ? 'error' : 'warning'}  ${d.rule}  ${d.message}`);
    if (!options.getSource) continue;
    const source = options.getSource(d.file);
    const frame = source === undefined ? '' : toCodeFrame(source, d.line, d.col);
    if (frame) lines.push(frame.replace(/^/gm, '  '));
    lines.push(`    docs: ${d.docs ?? getRuleDocs(d.rule)}`, '');
  }
  if (omitted.length > 0) lines.push(toOmittedLine(omitted, max), '');
  if (hasSummaryTables(diagnostics, omitted)) {
    if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
    lines.push(...toSummaryTables(diagnostics, cwd), '');
  }
  lines.push(toSummaryLine(diagnostics, fileCount, options.hiddenWarnings));
  return lines.join('\n') + '\n';
}

/** Portolan's own rules are documented in its README; Redocly's on its site. */
export const PORTOLAN_RULES_DOCS = 'README.md#lint-rules';
export const SECURITY_MODEL_DOCS = 'README.md#security-model';
/** Problems with the input itself (what the build refuses), explained in the security model. */
const INPUT_RULES = new Set(['parse-error', 'unsupported-version', 'portolan/refused-ref', 'portolan/refused-file', 'portolan/self-reference', 'portolan/budget-exceeded']);

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

function toMarkdownCountTable(column: string, counts: readonly ProblemCount[], toCell: (name: string) => string, unit: string): string[] {
  const { rows, rest } = getShownRows(counts);
  return [
    `| ${column} | Errors | Warnings |`,
    '|---|---:|---:|',
    ...rows.map((c) => `| ${toCell(c.name)} | ${c.errors} | ${c.warnings} |`),
    ...(rest ? [`| …${rest.name} ${unit} | ${rest.errors} | ${rest.warnings} |`] : []),
  ];
}

/**
 * A summary table for a pull-request comment or a job summary: at most `maxProblems` rows (comments
 * have a size limit), then counts per rule and per file.
 */
export function toMarkdown(diagnostics: readonly Diagnostic[], fileCount: number, cwd = process.cwd(), options: ReportOptions = {}): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const icon = errors ? '❌' : diagnostics.length ? '⚠️' : '✅';
  const lines = [`### ${icon} Portolan lint: ${toSummaryLine(diagnostics, fileCount, options.hiddenWarnings)}`, ''];
  if (diagnostics.length) {
    const max = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
    const { listed, omitted } = getListedDiagnostics(diagnostics, max);
    if (listed.length > 0) lines.push('| | Location | Rule | Message |', '|---|---|---|---|');
    for (const d of listed) {
      const where = `\`${escapeMarkdownCell(toDisplayPath(d.file, cwd))}:${d.line}:${d.col}\``;
      lines.push(`| ${d.severity === 'error' ? 'error' : 'warning'} | ${where} | [\`${d.rule}\`](${d.docs ?? getRuleDocs(d.rule)}) | ${escapeMarkdownCell(d.message)} |`);
    }
    if (omitted.length > 0) lines.push('', toOmittedLine(omitted, max));
    if (hasSummaryTables(diagnostics, omitted)) {
      const ruleCell = (rule: string) => `[\`${escapeMarkdownCell(rule)}\`](${getRuleDocs(rule)})`;
      const fileCell = (file: string) => `\`${escapeMarkdownCell(file)}\``;
      lines.push('', ...toMarkdownCountTable('Rule', getProblemCounts(diagnostics, (d) => d.rule), ruleCell, 'rules'));
      lines.push('', ...toMarkdownCountTable('File', getProblemCounts(diagnostics, (d) => toDisplayPath(d.file, cwd)), fileCell, 'files'));
    }
  }
  return lines.join('\n') + '\n';
}

/** Every problem, whatever `maxProblems` says: machines read all of it. `--quiet` still leaves warnings out. */
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

/**
 * GitHub Actions workflow commands, so problems show up on the changed lines of a pull request. GitHub
 * shows only the first few annotations of a step, so the listing is capped like the stylish one.
 */
export function toGithub(diagnostics: readonly Diagnostic[], fileCount: number, cwd = process.cwd(), options: ReportOptions = {}): string {
  const max = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const { listed, omitted } = getListedDiagnostics(diagnostics, max);
  const lines = listed.map((d) => {
    const level = d.severity === 'error' ? 'error' : 'warning';
    const props = `file=${escapeGithubProperty(toDisplayPath(d.file, cwd))},line=${d.line},col=${d.col},title=${escapeGithubProperty(d.rule)}`;
    return `::${level} ${props}::${escapeGithubData(d.message)}`;
  });
  if (omitted.length > 0) lines.push(toOmittedLine(omitted, max));
  if (hasSummaryTables(diagnostics, omitted)) lines.push(...toSummaryTables(diagnostics, cwd));
  lines.push(toSummaryLine(diagnostics, fileCount, options.hiddenWarnings));
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
      return toGithub(diagnostics, fileCount, cwd, options);
    case 'markdown':
      return toMarkdown(diagnostics, fileCount, cwd, options);
    default:
      return toStylish(diagnostics, fileCount, cwd, options);
  }
}
