// The lines around a problem, with a caret under its column, the way Redocly's and Babel's stylish
// output shows them: enough context to fix the line without opening the file.
const CONTEXT_LINES = 2;
const MAX_LINE_WIDTH = 160;
const CUT_MARK = '…';

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

/**
 * Where the shown part of each line starts: at the line's start, unless the column lies beyond the
 * width shown (a minified JSON file is one long line), then so that the column sits in the middle.
 */
function getWindowStart(lineLength: number, col: number): number {
  if (lineLength <= MAX_LINE_WIDTH || col <= MAX_LINE_WIDTH / 2) return 0;
  return Math.max(0, Math.min(col - 1 - MAX_LINE_WIDTH / 2, lineLength - MAX_LINE_WIDTH));
}

/** One line's part inside the window, with a cut mark wherever text was left out. */
function toWindowText(content: string, start: number): string {
  const left = start > 0 ? (content.length > 0 ? CUT_MARK : ' ') : '';
  const right = content.length > start + MAX_LINE_WIDTH ? CUT_MARK : '';
  return `${left}${content.slice(start, start + MAX_LINE_WIDTH)}${right}`;
}

export function toCodeFrame(text: string, line: number, col: number): string {
  if (line < 1) return '';
  const first = Math.max(1, line - CONTEXT_LINES);
  const window = getLines(text, first, line + CONTEXT_LINES).map((content) => content.replace(/\t/g, ' '));
  const problemLine = window[line - first];
  if (problemLine === undefined) return '';
  const last = first + window.length - 1;
  const width = String(last).length;
  // Every line shares one window, so the lines around the problem stay aligned with it.
  const start = getWindowStart(problemLine.length, col);
  const caret = Math.max(0, Math.min(col - 1 - start, MAX_LINE_WIDTH)) + (start > 0 ? CUT_MARK.length : 0);
  const out: string[] = [];
  window.forEach((content, index) => {
    const number = first + index;
    out.push(`${number === line ? '>' : ' '} ${String(number).padStart(width)} | ${toWindowText(content, start)}`);
    if (number === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(caret)}^`);
  });
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
