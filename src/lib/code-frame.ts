// The lines around a problem, with a caret under its column, the way Redocly's and Babel's stylish
// output shows them: enough context to fix the line without opening the file.
const CONTEXT_LINES = 2;
const MAX_LINE_WIDTH = 160;

export function toCodeFrame(text: string, line: number, col: number): string {
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - CONTEXT_LINES);
  const last = Math.min(lines.length, line + CONTEXT_LINES);
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
