import { describe, expect, it } from 'vitest';
import { findDuplicateKey, parseJson } from '../../../src/load/json-parse.ts';

describe('parseJson', () => {
  it('returns the value of valid JSON', () => {
    expect(parseJson('{"openapi": "3.1.0", "paths": {}}')).toEqual({ value: { openapi: '3.1.0', paths: {} } });
  });

  it('reports a duplicate key at its second appearance, where JSON.parse would keep the last silently', () => {
    expect(parseJson('{\n  "x-internal": true,\n  "x-internal": false\n}')).toEqual({
      problem: { message: 'duplicated mapping key "x-internal": each key may appear once per mapping', line: 3, col: 3 },
    });
  });

  it('reports a syntax error at its line and column', () => {
    expect(parseJson('{\n  "a": 1,,\n}')).toEqual({ problem: { message: 'not valid JSON: Expected double-quoted property name', line: 2, col: 10 } });
  });
});

describe('findDuplicateKey', () => {
  it('finds duplicates in nested objects and inside arrays', () => {
    expect(findDuplicateKey('{"a": {"b": 1, "b": 2}}')?.col).toBe(16);
    expect(findDuplicateKey('[{"b": 1}, {"c": 1, "c": 2}]')?.col).toBe(21);
  });

  it('compares keys as decoded, so an escaped spelling is the same key', () => {
    expect(findDuplicateKey('{"b": 1, "\\u0062": 2}')?.message).toBe('duplicated mapping key "b": each key may appear once per mapping');
  });

  it('does not confuse equal keys of different objects, or keys with values', () => {
    expect(findDuplicateKey('{"a": {"b": 1}, "c": {"b": 2}, "d": "a", "b": [{"b": 1}, {"b": 2}]}')).toBeUndefined();
  });

  it('checks files of every size: a duplicate at the end of 300 KB of JSON is found', () => {
    const properties = Array.from({ length: 6000 }, (_, index) => `    "property${index}": {"type": "string", "description": "padding text"}`);
    const text = `{\n  "type": "object",\n  "x-internal": true,\n  "properties": {\n${properties.join(',\n')}\n  },\n  "x-internal": false\n}\n`;
    expect(text.length).toBeGreaterThan(300 * 1024);
    expect(findDuplicateKey(text)).toEqual({
      message: 'duplicated mapping key "x-internal": each key may appear once per mapping',
      line: properties.length + 6,
      col: 3,
    });
  });
});
