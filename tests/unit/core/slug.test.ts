import { describe, expect, it } from 'vitest';
import { SlugRegistry, toSlug } from '../../../src/core/slug.ts';

describe('toSlug', () => {
  it('lowercases words and joins them with hyphens', () => {
    expect(toSlug('List all Payments')).toBe('list-all-payments');
  });

  it('splits camelCase operation ids into words', () => {
    expect(toSlug('getPaymentById')).toBe('get-payment-by-id');
  });

  it('strips accents instead of dropping the letters', () => {
    expect(toSlug('Crème Brûlée')).toBe('creme-brulee');
  });

  it('turns a path that climbs out of the output folder into a plain segment', () => {
    expect(toSlug('../../etc/passwd')).toBe('etc-passwd');
  });

  it('turns `../` alone into the fallback', () => {
    expect(toSlug('../')).toBe('item');
    expect(toSlug('../', 'schema')).toBe('schema');
  });

  it('turns `__proto__` into a harmless slug', () => {
    expect(toSlug('__proto__')).toBe('proto');
  });

  it('drops shell, HTML and URL characters', () => {
    expect(toSlug('<script>alert("x")</script>?a=1&b=%20')).toBe('script-alert-x-script-a-1-b-20');
  });

  it('uses the fallback when nothing safe is left', () => {
    expect(toSlug('', 'api')).toBe('api');
    expect(toSlug('日本語', 'tag')).toBe('tag');
  });

  it('caps slugs at 80 characters without a trailing hyphen', () => {
    const slug = toSlug(`${'a'.repeat(79)} b`);
    expect(slug).toBe('a'.repeat(79));
    expect(toSlug('x'.repeat(200))).toHaveLength(80);
  });

  it('only ever yields [a-z0-9-] with no leading or trailing hyphen', () => {
    for (const value of ['GET /pets/{petId}', '  --weird--  ', 'Ωmega_Ünicode', '..\\..\\windows', 'a/b\\c:d*e?f"g<h>i|j']) {
      expect(toSlug(value)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});

describe('SlugRegistry', () => {
  it('hands out the plain slug first and numbered ones for duplicates', () => {
    const registry = new SlugRegistry();
    expect(registry.claim('getUser')).toBe('get-user');
    expect(registry.claim('get user')).toBe('get-user-2');
    expect(registry.claim('GET-USER')).toBe('get-user-3');
  });

  it('skips a numbered slug that is already taken', () => {
    const registry = new SlugRegistry();
    expect(registry.claim('get-user-2')).toBe('get-user-2');
    expect(registry.claim('get-user')).toBe('get-user');
    expect(registry.claim('get-user')).toBe('get-user-3');
  });

  it('numbers fallbacks too', () => {
    const registry = new SlugRegistry();
    expect(registry.claim('???', 'tag')).toBe('tag');
    expect(registry.claim('!!!', 'tag')).toBe('tag-2');
  });

  it('keeps separate registries independent', () => {
    expect(new SlugRegistry().claim('pets')).toBe('pets');
    expect(new SlugRegistry().claim('pets')).toBe('pets');
  });
});
