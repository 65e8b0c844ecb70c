import { describe, expect, it } from 'vitest';
import { toSafeHtml, toSafeUrl, toSummary } from '../../../src/core/markdown.ts';

describe('toSafeHtml: what descriptions may use', () => {
  it('renders pipe tables', () => {
    expect(toSafeHtml('| Code | Meaning |\n|---|---|\n| 402 | Card declined |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>Code</th>\n<th>Meaning</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>402</td>\n<td>Card declined</td>\n</tr>\n</tbody>\n</table>\n',
    );
  });

  it('keeps <details> blocks with Markdown inside', () => {
    expect(toSafeHtml('<details><summary>Limits</summary>\n\nAt most **100** calls.\n\n</details>')).toBe(
      '<details><summary>Limits</summary>\n<p>At most <strong>100</strong> calls.</p>\n</details>',
    );
  });

  it('renders bold, emphasis and strikethrough', () => {
    expect(toSafeHtml('**bold** *em* ~~gone~~')).toBe('<p><strong>bold</strong> <em>em</em> <s>gone</s></p>\n');
  });

  it('keeps http links, with rel attributes that stop tab-napping and SEO spam', () => {
    expect(toSafeHtml('[Docs](https://example.com/docs "Guide")')).toBe(
      '<p><a href="https://example.com/docs" title="Guide" rel="noopener noreferrer nofollow">Docs</a></p>\n',
    );
  });

  it('keeps the language class on fenced code', () => {
    expect(toSafeHtml('```json\n{"a": 1}\n```')).toBe('<pre><code class="language-json">{"a": 1}\n</code></pre>\n');
  });

  it('returns an empty string for blank or missing descriptions', () => {
    expect(toSafeHtml('   ')).toBe('');
    expect(toSafeHtml(undefined)).toBe('');
    expect(toSafeHtml(42)).toBe('');
  });
});

describe('toSafeHtml: what descriptions may not do', () => {
  it('drops <script> elements and their content', () => {
    expect(toSafeHtml('Hello <script>alert(1)</script>world')).toBe('<p>Hello world</p>\n');
  });

  it('drops event handler attributes such as onerror', () => {
    expect(toSafeHtml('<img src="logo.png" alt="Logo" onerror="alert(1)">')).toBe('<img src="logo.png" alt="Logo" />');
  });

  it('does not turn a Markdown javascript: link into a link', () => {
    const html = toSafeHtml('[click](javascript:alert(1))');
    expect(html).not.toContain('<a');
    expect(html).toBe('<p>[click](javascript:alert(1))</p>\n');
  });

  it('does not turn an entity-encoded javascript&#58; link into a link', () => {
    expect(toSafeHtml('[click](javascript&#58;alert(1))')).not.toContain('href');
  });

  it('strips the href of an HTML anchor with an entity-encoded javascript&#58; URL', () => {
    expect(toSafeHtml('<a href="javascript&#58;alert(1)">click</a>')).toBe('<p><a rel="noopener noreferrer nofollow">click</a></p>\n');
  });

  it('strips protocol-relative and data: URLs', () => {
    expect(toSafeHtml('<a href="//evil.example/x">a</a> <img src="data:image/svg+xml,<svg/>">')).toBe(
      '<p><a rel="noopener noreferrer nofollow">a</a> <img /></p>\n',
    );
  });

  it('drops iframes, style blocks and forms', () => {
    expect(toSafeHtml('<iframe src="https://evil.example"></iframe>after')).toBe('after');
    expect(toSafeHtml('<style>body{display:none}</style>after')).toBe('after');
    expect(toSafeHtml('<form action="https://evil.example"><input name="card"><button>Pay</button></form>after')).toBe('Payafter');
  });

  it('drops style and class attributes on ordinary elements', () => {
    expect(toSafeHtml('<span style="position:fixed" class="overlay">hi</span>')).toBe('<p><span>hi</span></p>\n');
  });

  it('shows MDX expressions literally instead of evaluating them', () => {
    expect(toSafeHtml('Your home is {process.env.HOME}')).toBe('<p>Your home is {process.env.HOME}</p>\n');
  });

  it('shows an MDX export statement literally', () => {
    expect(toSafeHtml('export const x = 1')).toBe('<p>export const x = 1</p>\n');
  });
});

describe('toSafeUrl', () => {
  it('accepts http, https and mailto URLs', () => {
    expect(toSafeUrl('https://example.com/terms')).toBe('https://example.com/terms');
    expect(toSafeUrl('http://example.com')).toBe('http://example.com/');
    expect(toSafeUrl('mailto:api@example.com')).toBe('mailto:api@example.com');
  });

  it('trims and normalises what it accepts', () => {
    expect(toSafeUrl('  HTTPS://Example.COM/a b ')).toBe('https://example.com/a%20b');
  });

  it('rejects other schemes', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.com', 'file:///etc/passwd', 'vbscript:x']) {
      expect(toSafeUrl(url)).toBeUndefined();
    }
  });

  it('rejects relative URLs and non-strings', () => {
    expect(toSafeUrl('/terms')).toBeUndefined();
    expect(toSafeUrl('example.com')).toBeUndefined();
    expect(toSafeUrl(undefined)).toBeUndefined();
    expect(toSafeUrl({ url: 'https://example.com' })).toBeUndefined();
  });
});

describe('toSummary', () => {
  it('gives the first paragraph as plain text', () => {
    expect(toSummary('Moves **money** between [accounts](https://example.com).\nWorks in EUR.\n\nSecond paragraph.')).toBe(
      'Moves money between accounts. Works in EUR.',
    );
  });

  it('gives the heading text when the description starts with a heading', () => {
    expect(toSummary('# Payments API\n\nMoves money.')).toBe('Payments API');
  });

  it('drops scripts and shows ampersands and quotes as characters', () => {
    expect(toSummary('Tom & Jerry say "hi" <script>alert(1)</script>it\'s fine')).toBe('Tom & Jerry say "hi" it\'s fine');
  });

  it('shows an escaped entity in a code span literally', () => {
    expect(toSummary('Write `&lt;` to get a less-than sign.')).toBe('Write &lt; to get a less-than sign.');
  });

  it('shortens long text with an ellipsis within the limit', () => {
    expect(toSummary('word '.repeat(10), 12)).toBe('word word w…');
    expect(toSummary('x'.repeat(300))).toHaveLength(200);
  });

  it('gives an empty string for a missing description', () => {
    expect(toSummary(undefined)).toBe('');
  });
});
