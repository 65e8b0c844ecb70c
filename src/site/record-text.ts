// The text of a page record (the data a page is rendered from), as the page shows it: every string
// value, with the HTML that rendered Markdown became reduced to its words and attribute values. The
// leak check compares a page's markers with this text: a word on the page that is not in its record
// was printed by the site's chrome.

/** The tags the Markdown sanitizer lets through (core/markdown.ts): only these are read as markup. */
const MARKUP_TAG = /<\/?(?:a|abbr|b|blockquote|br|code|dd|del|details|div|dl|dt|em|h[1-6]|hr|i|img|kbd|li|ol|p|pre|s|span|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead|tr|u|ul)\b((?:\s+[A-Za-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*\/?>/gi;
const ATTRIBUTE = /([A-Za-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** Attributes whose values a spec wrote: link targets, image sources and their titles and alt texts. */
const SPEC_ATTRIBUTES = new Set(['href', 'src', 'title', 'alt']);
/** markdown-it writes a fenced block's info string as `class="language-<info>"`: only `<info>` is the spec's. */
const CODE_LANGUAGE_PREFIX = /(^|\s)language-/g;

function toAttributeText(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (SPEC_ATTRIBUTES.has(lower)) return value;
  return lower === 'class' ? value.replace(CODE_LANGUAGE_PREFIX, '$1') : '';
}
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(lt|gt|amp|quot|apos|nbsp));/gi;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (match, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = decimal ? Number(decimal) : hex ? Number.parseInt(hex, 16) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : match;
    return NAMED_ENTITIES[name!.toLowerCase()] ?? match;
  });
}

/**
 * Markup reduced to its text and the attribute values a spec wrote (link targets, titles, a code
 * block's language), entities decoded. What the renderer adds (`rel`, the `language-` prefix) is chrome.
 */
export function toPlainText(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  const reduced = text.replace(MARKUP_TAG, (_tag, attributes: string) => ` ${[...attributes.matchAll(ATTRIBUTE)].map((m) => toAttributeText(m[1]!, m[2] ?? m[3] ?? '')).join(' ')} `);
  return decodeEntities(reduced);
}

/**
 * Summaries cut to length end in `…`, often in the middle of a word (`config…` of `configured`): the
 * cut piece is not a word the spec wrote, so it is left out.
 */
const CUT_WORD = /\S*…$/;

/** Every string value of a record, in order, as plain text. Keys are the record's own field names. */
export function collectRecordStrings(record: unknown, into: string[] = []): string[] {
  if (typeof record === 'string') into.push(toPlainText(record).replace(CUT_WORD, '…'));
  else if (Array.isArray(record)) record.forEach((item) => collectRecordStrings(item, into));
  else if (typeof record === 'object' && record !== null) Object.values(record).forEach((item) => collectRecordStrings(item, into));
  return into;
}
