// Escapes text for places that take HTML. Starlight writes head entries (the page <title> among them)
// with set:html, so a spec-derived title must arrive there already escaped.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function toHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** The page's <title> as a Starlight head entry, escaped: `Page | Site`. */
export function toTitleHead(pageTitle: string, siteTitle: string): { tag: 'title'; content: string } {
  return { tag: 'title', content: toHtmlText(`${pageTitle} | ${siteTitle}`) };
}
