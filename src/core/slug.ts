// Every URL segment and file name derived from a spec goes through here, so nothing a spec says can
// produce a character outside [a-z0-9-] or a path that climbs out of the output folder.
const MAX_SLUG_LENGTH = 80;

export function toSlug(value: string, fallback = 'item'): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
  return slug || fallback;
}

/** Hands out slugs that are unique within one scope: the second `get-user` becomes `get-user-2`. */
export class SlugRegistry {
  private readonly used = new Set<string>();

  claim(value: string, fallback?: string): string {
    const base = toSlug(value, fallback);
    let slug = base;
    for (let n = 2; this.used.has(slug); n += 1) slug = `${base}-${n}`;
    this.used.add(slug);
    return slug;
  }
}
