import { describe, expect, it } from 'vitest';
import { toCodeFrame } from '../../../src/core/code-frame.ts';

const sixLines = ['openapi: 3.1.0', 'info:', '  title: Pets', '  version: 1.0.0', '  x-audience: Public', 'paths: {}'].join('\n');

describe('toCodeFrame', () => {
  it('shows two lines either side, marks the line and puts a caret under the column', () => {
    expect(toCodeFrame(sixLines, 4, 12)).toBe(
      [
        '  2 | info:',
        '  3 |   title: Pets',
        '> 4 |   version: 1.0.0',
        '    |            ^',
        '  5 |   x-audience: Public',
        '  6 | paths: {}',
      ].join('\n'),
    );
  });

  it('shows no lines before the first line', () => {
    expect(toCodeFrame(sixLines, 1, 1)).toBe(['> 1 | openapi: 3.1.0', '    | ^', '  2 | info:', '  3 |   title: Pets'].join('\n'));
  });

  it('shows no lines after the last line', () => {
    expect(toCodeFrame(sixLines, 6, 8)).toBe(
      ['  4 |   version: 1.0.0', '  5 |   x-audience: Public', '> 6 | paths: {}', '    |        ^'].join('\n'),
    );
  });

  it('right-aligns line numbers to the widest one shown', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(toCodeFrame(text, 9, 6)).toBe(
      ['   7 | line 7', '   8 | line 8', '>  9 | line 9', '     |      ^', '  10 | line 10', '  11 | line 11'].join('\n'),
    );
  });

  it('turns tabs into single spaces, so the caret stays under the same character', () => {
    expect(toCodeFrame('info:\n\ttitle: Pets', 2, 2)).toBe(['  1 | info:', '> 2 |  title: Pets', '    |  ^'].join('\n'));
  });

  it('cuts a long line at 160 characters when the column is near its start', () => {
    const long = `description: ${'x'.repeat(200)}`;
    expect(toCodeFrame(long, 1, 14)).toBe([`> 1 | ${long.slice(0, 160)}…`, `    | ${' '.repeat(13)}^`].join('\n'));
  });

  it('shows a window of a long line centred on the column, cut marks on both sides, in a minified JSON file', () => {
    const paths = Array.from({ length: 30 }, (_, i) => `"/orders/${i}":{}`).join(',');
    const json = `{"openapi":"3.1.0","paths":{${paths}},"info":{"title":"Orders","version":"1","x-audience":"Public","x-owner":"team-orders"},"servers":[${'{"url":"https://api.example.com"},'.repeat(8)}{"url":"https://x.example"}]}`;
    const col = json.indexOf('"Public"') + 1;
    const frame = toCodeFrame(json, 1, col);
    const start = col - 1 - 80;
    expect(frame).toBe([`> 1 | …${json.slice(start, start + 160)}…`, `    | ${' '.repeat(81)}^`].join('\n'));
    const [shown, caret] = frame.split('\n');
    expect(shown!.slice(caret!.indexOf('^'))).toMatch(/^"Public","x-owner"/);
  });

  it('ends the window at the end of the line when the column is near it', () => {
    const json = `{"openapi":"3.1.0",${'"x-pad":0,'.repeat(30)}"x-audience":"Public"}`;
    const col = json.indexOf('"Public"') + 1;
    expect(toCodeFrame(json, 1, col)).toBe([`> 1 | …${json.slice(-160)}`, `    | ${' '.repeat(1 + col - 1 - (json.length - 160))}^`].join('\n'));
  });

  it('moves the lines around a problem by the same window, so they stay aligned with it', () => {
    const text = ['{', `  "a": "${'y'.repeat(300)}", "b": "Public", "c": "${'z'.repeat(300)}"`, '}'].join('\n');
    const col = text.split('\n')[1]!.indexOf('"Public"') + 1;
    expect(toCodeFrame(text, 2, col)).toBe(
      ['  1 | …', `> 2 | …${text.split('\n')[1]!.slice(col - 81, col + 79)}…`, `    | ${' '.repeat(81)}^`, '  3 | …'].join('\n'),
    );
  });

  it('returns nothing for a line outside the text', () => {
    expect(toCodeFrame(sixLines, 0, 1)).toBe('');
    expect(toCodeFrame(sixLines, 7, 1)).toBe('');
  });
});
