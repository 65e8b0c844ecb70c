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

  it('cuts long lines at 160 characters and keeps the caret within them', () => {
    const long = `description: ${'x'.repeat(200)}`;
    expect(toCodeFrame(long, 1, 190)).toBe([`> 1 | ${long.slice(0, 160)}…`, `    | ${' '.repeat(160)}^`].join('\n'));
  });

  it('returns nothing for a line outside the text', () => {
    expect(toCodeFrame(sixLines, 0, 1)).toBe('');
    expect(toCodeFrame(sixLines, 7, 1)).toBe('');
  });
});
