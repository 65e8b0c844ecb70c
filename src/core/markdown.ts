// Descriptions are CommonMark written by many teams and read by partners and the public, so they are
// rendered by markdown-it (a CommonMark-compliant renderer, HTML allowed for tables and <details>) and
// then passed through sanitize-html's allowlist. Both are widely used and maintained; sanitize-html runs
// in Node without a DOM, unlike DOMPurify, so the build needs no jsdom.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

export const ALLOWED_URL_SCHEMES = ['http', 'https', 'mailto'];

const markdown = new MarkdownIt('commonmark', { html: true, linkify: false }).enable(['table', 'strikethrough']);

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em', 'h1', 'h2',
    'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'kbd', 'li', 'ol', 'p', 'pre', 's', 'span', 'strong', 'sub',
    'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['align', 'colspan', 'rowspan'],
    th: ['align', 'colspan', 'rowspan'],
    ol: ['start'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ALLOWED_URL_SCHEMES,
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
};

const SAFE_HTML_OPTIONS: sanitizeHtml.IOptions = {
  ...SANITIZE_OPTIONS,
  allowedAttributes: { ...SANITIZE_OPTIONS.allowedAttributes, a: ['href', 'title', 'rel'] },
};
/**
 * A schema's description is shown on every operation page that uses the schema, so the same text is
 * rendered many times; rendering and sanitizing were a third of the page model's time on sample-50.
 * The result depends only on the text, so it is remembered (and forgotten in bulk to bound memory).
 */
const MAX_REMEMBERED_HTML = 20_000;
const rememberedHtml = new Map<string, string>();

/** Spec Markdown to HTML that is safe to place in a page. */
export function toSafeHtml(source: unknown): string {
  if (typeof source !== 'string' || source.trim() === '') return '';
  const remembered = rememberedHtml.get(source);
  if (remembered !== undefined) return remembered;
  const html = sanitizeHtml(markdown.render(source), SAFE_HTML_OPTIONS);
  if (rememberedHtml.size >= MAX_REMEMBERED_HTML) rememberedHtml.clear();
  rememberedHtml.set(source, html);
  return html;
}

/** A URL from a spec field (externalDocs, contact, terms) if its scheme is allowed, else undefined. */
export function toSafeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  return ALLOWED_URL_SCHEMES.includes(url.protocol.slice(0, -1)) ? url.href : undefined;
}

/**
 * The words a description shows once rendered: the text of its Markdown, without markup, entities
 * decoded. `_Note:_` shows as "Note:", so a reading of what a page may show needs this form too.
 */
export function toMarkdownText(source: unknown): string {
  if (typeof source !== 'string' || source.trim() === '') return '';
  return sanitizeHtml(markdown.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    // Last, so an escaped entity in the source (`&amp;lt;`) stays the text `&lt;`.
    .replace(/&amp;/g, '&');
}

/** First sentence or line of a description, as plain text, for catalog cards and meta descriptions. */
export function toSummary(source: unknown, maxLength = 200): string {
  if (typeof source !== 'string') return '';
  const text = toMarkdownText(source.split(/\n\s*\n/)[0] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}
