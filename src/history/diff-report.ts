// Renders classified changes in the same formats as lint problems: stylish lines for people, JSON for
// tools, GitHub annotations on the changed lines, and a Markdown table for the pull request. Base
// versions that could not be read come first in each: their changes were not checked at all.
import type { Change, ChangeLevel } from './api-diff.ts';
import { escapeGithubData, escapeGithubProperty, escapeMarkdownCell, sortDiagnostics, toDisplayPath, type Diagnostic, type OutputFormat } from '../core/diagnostics.ts';

export interface Finding extends Change {
  apiId: string;
  file: string;
  line: number;
  col: number;
  /** Breaking and counted against the exit code (not for experimental APIs). */
  failing: boolean;
}

const LEVEL_ORDER: Record<ChangeLevel, number> = { breaking: 0, publication: 1, 'non-breaking': 2, info: 3 };
const LEVEL_ICON: Record<ChangeLevel, string> = { breaking: '🛑', publication: '📣', 'non-breaking': '✅', info: 'ℹ️' };

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message),
  );
}

function toLevelLabel(finding: Finding): string {
  return finding.level === 'breaking' && !finding.failing ? 'breaking (experimental API: reported, not failing)' : finding.level;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function toDiffSummary(findings: readonly Finding[], apiCount: number, unreadableCount = 0): string {
  const count = (level: ChangeLevel) => findings.filter((f) => f.level === level).length;
  const unreadable = unreadableCount ? `; ${plural(unreadableCount, 'base file')} could not be read` : '';
  return `${plural(count('breaking'), 'breaking change')}, ${plural(count('publication'), 'publication')}, ${count('non-breaking')} non-breaking, ${count('info')} informational in ${plural(apiCount, 'changed API')}${unreadable}`;
}

function toStylish(findings: readonly Finding[], apiCount: number, cwd: string, problems: readonly Diagnostic[]): string {
  const lines = [
    ...sortDiagnostics(problems).map((d) => `${toDisplayPath(d.file, cwd)}:${d.line}:${d.col}  error  ${d.rule}  ${d.message}`),
    ...sortFindings(findings).map((f) => `${toDisplayPath(f.file, cwd)}:${f.line}:${f.col}  ${toLevelLabel(f)}  ${f.rule}  ${f.message}`),
  ];
  const publications = findings.filter((f) => f.level === 'publication');
  if (publications.length) {
    // Publications are called out loudly: someone must decide that this may be shown to outsiders.
    lines.push('', `PUBLICATION REVIEW NEEDED: ${publications.length === 1 ? '1 change makes' : `${publications.length} changes make`} content visible to a wider audience (see the lines marked publication).`);
  }
  lines.push(toDiffSummary(findings, apiCount, problems.length));
  return lines.join('\n') + '\n';
}

function toJson(findings: readonly Finding[], apiCount: number, cwd: string, problems: readonly Diagnostic[]): string {
  return (
    JSON.stringify(
      {
        apis: apiCount,
        breaking: findings.filter((f) => f.level === 'breaking').length,
        failing: findings.filter((f) => f.failing).length,
        publications: findings.filter((f) => f.level === 'publication').length,
        changes: sortFindings(findings).map((f) => ({
          api: f.apiId,
          file: toDisplayPath(f.file, cwd),
          line: f.line,
          col: f.col,
          level: f.level,
          failing: f.failing,
          rule: f.rule,
          operation: f.operation ?? null,
          pointer: f.pointer,
          message: f.message,
        })),
        unreadable: sortDiagnostics(problems).map((d) => ({ file: toDisplayPath(d.file, cwd), line: d.line, col: d.col, rule: d.rule, message: d.message })),
      },
      null,
      2,
    ) + '\n'
  );
}


function toGithub(findings: readonly Finding[], apiCount: number, cwd: string, problems: readonly Diagnostic[]): string {
  const unreadable = sortDiagnostics(problems).map(
    (d) => `::error file=${escapeGithubProperty(toDisplayPath(d.file, cwd))},line=${d.line},col=${d.col},title=${escapeGithubProperty(d.rule)}::${escapeGithubData(d.message)}`,
  );
  const changes = sortFindings(findings).map((f) => {
    const command = f.failing ? 'error' : f.level === 'publication' || f.level === 'breaking' ? 'warning' : 'notice';
    const title = f.level === 'publication' ? `publication: ${f.rule}` : `${f.level}: ${f.rule}`;
    return `::${command} file=${escapeGithubProperty(toDisplayPath(f.file, cwd))},line=${f.line},col=${f.col},title=${escapeGithubProperty(title)}::${escapeGithubData(f.message)}`;
  });
  const lines = [...unreadable, ...changes, toDiffSummary(findings, apiCount, problems.length)];
  return lines.join('\n') + '\n';
}


function toMarkdown(findings: readonly Finding[], apiCount: number, cwd: string, problems: readonly Diagnostic[]): string {
  const failing = findings.filter((f) => f.failing).length + problems.length;
  const publications = findings.filter((f) => f.level === 'publication').length;
  const lines = [`### ${failing ? '🛑' : publications ? '📣' : '✅'} Portolan API changes: ${toDiffSummary(findings, apiCount, problems.length)}`, ''];
  if (problems.length) lines.push(`> **Not compared:** ${problems.length === 1 ? '1 file' : `${problems.length} files`} at the base could not be read, so the changes of the APIs using them were not checked.`, '');
  if (publications) lines.push(`> **Publication review needed:** ${publications === 1 ? '1 change makes' : `${publications} changes make`} content visible to a wider audience.`, '');
  if (findings.length || problems.length) {
    lines.push('| | Level | API | Location | Rule | Change |', '|---|---|---|---|---|---|');
    for (const d of sortDiagnostics(problems)) {
      lines.push(`| 🛑 | unreadable base | | \`${escapeMarkdownCell(toDisplayPath(d.file, cwd))}:${d.line}\` | \`${d.rule}\` | ${escapeMarkdownCell(d.message)} |`);
    }
    for (const f of sortFindings(findings)) {
      lines.push(`| ${LEVEL_ICON[f.level]} | ${escapeMarkdownCell(toLevelLabel(f))} | \`${f.apiId}\` | \`${escapeMarkdownCell(toDisplayPath(f.file, cwd))}:${f.line}\` | \`${f.rule}\` | ${escapeMarkdownCell(f.message)} |`);
    }
  }
  return lines.join('\n') + '\n';
}

/** `problems` are base files that could not be read (errors): listed first in every format. */
export function formatFindings(findings: readonly Finding[], format: OutputFormat, apiCount: number, cwd = process.cwd(), problems: readonly Diagnostic[] = []): string {
  switch (format) {
    case 'json':
      return toJson(findings, apiCount, cwd, problems);
    case 'github':
      return toGithub(findings, apiCount, cwd, problems);
    case 'markdown':
      return toMarkdown(findings, apiCount, cwd, problems);
    default:
      return toStylish(findings, apiCount, cwd, problems);
  }
}
