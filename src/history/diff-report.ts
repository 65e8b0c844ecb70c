// Renders classified changes in the same formats as lint problems: stylish lines for people, JSON for
// tools, GitHub annotations on the changed lines, and a Markdown table for the pull request.
import type { Change, ChangeLevel } from './api-diff.ts';
import { escapeGithubData, escapeGithubProperty, escapeMarkdownCell, toDisplayPath, type OutputFormat } from '../core/diagnostics.ts';

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

export function toDiffSummary(findings: readonly Finding[], apiCount: number): string {
  const count = (level: ChangeLevel) => findings.filter((f) => f.level === level).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('breaking'), 'breaking change')}, ${plural(count('publication'), 'publication')}, ${count('non-breaking')} non-breaking, ${count('info')} informational in ${plural(apiCount, 'changed API')}`;
}

function toStylish(findings: readonly Finding[], apiCount: number, cwd: string): string {
  const lines = sortFindings(findings).map((f) => `${toDisplayPath(f.file, cwd)}:${f.line}:${f.col}  ${toLevelLabel(f)}  ${f.rule}  ${f.message}`);
  const publications = findings.filter((f) => f.level === 'publication');
  if (publications.length) {
    // Publications are called out loudly: someone must decide that this may be shown to outsiders.
    lines.push('', `PUBLICATION REVIEW NEEDED: ${publications.length === 1 ? '1 change makes' : `${publications.length} changes make`} content visible to a wider audience (see the lines marked publication).`);
  }
  lines.push(toDiffSummary(findings, apiCount));
  return lines.join('\n') + '\n';
}

function toJson(findings: readonly Finding[], apiCount: number, cwd: string): string {
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
      },
      null,
      2,
    ) + '\n'
  );
}


function toGithub(findings: readonly Finding[], apiCount: number, cwd: string): string {
  const lines = sortFindings(findings).map((f) => {
    const command = f.failing ? 'error' : f.level === 'publication' || f.level === 'breaking' ? 'warning' : 'notice';
    const title = f.level === 'publication' ? `publication: ${f.rule}` : `${f.level}: ${f.rule}`;
    return `::${command} file=${escapeGithubProperty(toDisplayPath(f.file, cwd))},line=${f.line},col=${f.col},title=${escapeGithubProperty(title)}::${escapeGithubData(f.message)}`;
  });
  lines.push(toDiffSummary(findings, apiCount));
  return lines.join('\n') + '\n';
}


function toMarkdown(findings: readonly Finding[], apiCount: number, cwd: string): string {
  const failing = findings.filter((f) => f.failing).length;
  const publications = findings.filter((f) => f.level === 'publication').length;
  const lines = [`### ${failing ? '🛑' : publications ? '📣' : '✅'} Portolan API changes: ${toDiffSummary(findings, apiCount)}`, ''];
  if (publications) lines.push(`> **Publication review needed:** ${publications === 1 ? '1 change makes' : `${publications} changes make`} content visible to a wider audience.`, '');
  if (findings.length) {
    lines.push('| | Level | API | Location | Rule | Change |', '|---|---|---|---|---|---|');
    for (const f of sortFindings(findings)) {
      lines.push(`| ${LEVEL_ICON[f.level]} | ${escapeMarkdownCell(toLevelLabel(f))} | \`${f.apiId}\` | \`${escapeMarkdownCell(toDisplayPath(f.file, cwd))}:${f.line}\` | \`${f.rule}\` | ${escapeMarkdownCell(f.message)} |`);
    }
  }
  return lines.join('\n') + '\n';
}

export function formatFindings(findings: readonly Finding[], format: OutputFormat, apiCount: number, cwd = process.cwd()): string {
  switch (format) {
    case 'json':
      return toJson(findings, apiCount, cwd);
    case 'github':
      return toGithub(findings, apiCount, cwd);
    case 'markdown':
      return toMarkdown(findings, apiCount, cwd);
    default:
      return toStylish(findings, apiCount, cwd);
  }
}
