// The lines around a problem, with a caret under its column, the way Redocly's and Babel's stylish
// output shows them: enough context to fix the line without opening the file.
const CONTEXT_LINES = 2;
const MAX_LINE_WIDTH = 160;

/** Lines `first`..`last` (1-based) of a text, found without splitting the whole file. */
function getLines(text: string, first: number, last: number): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let number = 1; number <= last && start <= text.length; number += 1) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (number >= first) lines.push(text.slice(start, stop));
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}

export function toCodeFrame(text: string, line: number, col: number): string {
  if (line < 1) return '';
  const first = Math.max(1, line - CONTEXT_LINES);
  const window = getLines(text, first, line + CONTEXT_LINES);
  if (window.length < line - first + 1) return '';
  const last = first + window.length - 1;
  const lines = new Array<string>(first - 1).concat(window);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const content = (lines[number - 1] ?? '').replace(/\t/g, ' ');
    const shown = content.length > MAX_LINE_WIDTH ? `${content.slice(0, MAX_LINE_WIDTH)}…` : content;
    out.push(`${number === line ? '>' : ' '} ${String(number).padStart(width)} | ${shown}`);
    if (number === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, Math.min(col - 1, MAX_LINE_WIDTH)))}^`);
  }
  return out.join('\n');
}

/** The 1-based line and column of a character offset in a text. */
export function getLineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}
