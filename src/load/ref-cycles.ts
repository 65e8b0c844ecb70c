// A `$ref` that resolves to itself (`A: {$ref: '#/components/schemas/A'}`, or A → B → A with nothing
// but refs in between) describes nothing, and Redocly's resolver throws on it instead of reporting it.
// Recursive schemas (a node whose children refer back to it) are fine and are not flagged here.
import { getByPointer, isObject, escapePointerSegment, type Json } from '../core/openapi-shape.ts';


function normalize(ref: string): string {
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref;
  }
}

/** JSON pointers of the `$ref`s in a document that lead back to themselves through refs alone. */
export function findSelfReferences(document: Json): string[] {
  const found: string[] = [];
  const stack: [Json, string][] = [[document, '#']];
  while (stack.length) {
    const [node, pointer] = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((child, index) => stack.push([child, `${pointer}/${index}`]));
      continue;
    }
    if (!isObject(node)) continue;
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
      const seen = new Set([normalize(pointer)]);
      let ref: string = node.$ref;
      for (let hops = 0; hops < 64; hops += 1) {
        const key = normalize(ref);
        if (seen.has(key)) {
          found.push(pointer);
          break;
        }
        seen.add(key);
        const target = getByPointer(document, ref);
        if (!isObject(target) || typeof target.$ref !== 'string' || !target.$ref.startsWith('#')) break;
        ref = target.$ref;
      }
    }
    for (const [key, child] of Object.entries(node)) stack.push([child, `${pointer}/${escapePointerSegment(key)}`]);
  }
  return found.sort();
}
