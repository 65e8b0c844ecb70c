// A page of one API looks the same on every site that shows the API the same way, but for the site's
// title in its head and header. Pages are therefore rendered once with a slot in place of the title and
// the slot is filled per site. The slot is Portolan's own token of letters and digits, so it reads the
// same in every HTML context it lands in, and the title is escaped the way Astro escapes text.

/** Stands for the site title while a page is rendered; never produced by escaping anything else. */
export const SITE_TITLE_SLOT = 'PortolanSiteTitleSlot7f3c91d2';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function toEscapedHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** A page rendered with the slot, as one site shows it. */
export function fillSiteTitle(html: string, siteTitle: string): string {
  return html.split(SITE_TITLE_SLOT).join(toEscapedHtml(siteTitle));
}
