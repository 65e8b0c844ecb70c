import { describe, expect, it } from 'vitest';
import { fillSiteTitle, SITE_TITLE_SLOT } from '../../../src/site/site-title-slot.ts';

describe('filling the site title into a page rendered once for several sites', () => {
  it('puts the title, escaped as HTML, everywhere the slot stands', () => {
    const html = `<title>Pets | ${SITE_TITLE_SLOT}</title><meta content="${SITE_TITLE_SLOT}"/><span>${SITE_TITLE_SLOT}</span>`;
    expect(fillSiteTitle(html, 'R&D "Docs" · <Partner: Acme>')).toBe(
      '<title>Pets | R&amp;D &quot;Docs&quot; · &lt;Partner: Acme&gt;</title><meta content="R&amp;D &quot;Docs&quot; · &lt;Partner: Acme&gt;"/><span>R&amp;D &quot;Docs&quot; · &lt;Partner: Acme&gt;</span>',
    );
  });

  it('is a token that escaping leaves as it is, so it reads the same in text and in attributes', () => {
    expect(SITE_TITLE_SLOT).toMatch(/^[A-Za-z0-9]+$/);
  });
});
