// Strict JSON for descriptions of any size. JSON.parse keeps the last of two equal keys without a
// word, so a later `"x-internal": false` would silently win over an earlier `true`. jsonc-parser's
// visitor walks the same text token by token, without building a second tree, and reports the second
// key: on a 47 MB file it takes about as long as JSON.parse and a few MB of memory, where parsing the
// JSON as YAML (the old check for small files) takes seconds and hundreds of MB at 5 MB.
import jsonc from 'jsonc-parser';
import { getLineCol } from '../core/code-frame.ts';

export interface JsonProblem {
  message: string;
  line: number;
  col: number;
}

export type JsonParseResult = { value: unknown; problem?: undefined } | { value?: undefined; problem: JsonProblem };

/** Where JSON.parse stopped, from its message ("... at position 12 (line 2 column 3)"). */
function getSyntaxProblem(text: string, error: Error): JsonProblem {
  const offset = Number(/position (\d+)/.exec(error.message)?.[1] ?? 0);
  const reason = error.message.replace(/ in JSON at position \d+.*$/s, '').replace(/^Unexpected token '(.)', .*$/s, "unexpected '$1'");
  return { message: `not valid JSON: ${reason}`, ...getLineCol(text, offset) };
}

/** The first key that appears twice in one object, at its second appearance. */
export function findDuplicateKey(text: string): JsonProblem | undefined {
  // One set of names per object that is still open: memory follows the nesting, not the file.
  const open: Set<string>[] = [];
  let found: { name: string; offset: number } | undefined;
  jsonc.visit(text, {
    onObjectBegin: () => {
      open.push(new Set());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (name, offset) => {
      const names = open.at(-1);
      if (!names || found) return;
      if (names.has(name)) found = { name, offset };
      else names.add(name);
    },
  });
  if (!found) return undefined;
  return {
    message: `duplicated mapping key ${JSON.stringify(found.name)}: each key may appear once per mapping`,
    ...getLineCol(text, found.offset),
  };
}

/** Parses JSON strictly: a syntax error or a duplicate key is a problem with its line and column. */
export function parseJson(text: string): JsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: getSyntaxProblem(text, error as Error) };
  }
  const duplicate = findDuplicateKey(text);
  return duplicate ? { problem: duplicate } : { value };
}
