// What `npm run new-api` writes for a team to replace. The scaffold writes these and the
// `portolan/no-scaffold-placeholder` rule looks for them, so both read the same constants: a reworded
// placeholder can never slip past the rule.

/** Descriptions the scaffold writes, each saying what belongs there instead. */
export const SCAFFOLD_PLACEHOLDER_DESCRIPTIONS = {
  api: "Replace this with one or two sentences on what the API does and who it is for; the catalog shows them as the API's summary.",
  server: 'Placeholder: replace with the base URL clients call.',
  tag: 'Whether the API is up. An example tag: replace it with your own.',
  operation: 'An example operation to show the shape the house rules expect: replace it with your own.',
  securityScheme: 'Placeholder: say how clients get a token, or replace this scheme with yours.',
} as const;

/**
 * Hosts of the scaffold's placeholder URLs. `.example` is reserved (RFC 2606), so none of them can
 * ever be a real host, and a URL on one of them is always a placeholder.
 */
export const SCAFFOLD_PLACEHOLDER_HOSTS = {
  server: 'api.example',
  support: 'support.example',
  license: 'legal.example',
} as const;

export const getPlaceholderServerUrl = (apiId: string) => `https://${SCAFFOLD_PLACEHOLDER_HOSTS.server}/${apiId}`;
export const getPlaceholderSupportUrl = (apiId: string) => `https://${SCAFFOLD_PLACEHOLDER_HOSTS.support}/apis/${apiId}`;
export const PLACEHOLDER_LICENSE_URL = `https://${SCAFFOLD_PLACEHOLDER_HOSTS.license}/licenses/proprietary`;

const PLACEHOLDER_DESCRIPTIONS = new Set<string>(Object.values(SCAFFOLD_PLACEHOLDER_DESCRIPTIONS));
const PLACEHOLDER_HOSTS = new Set<string>(Object.values(SCAFFOLD_PLACEHOLDER_HOSTS));

export function isPlaceholderDescription(text: string): boolean {
  return PLACEHOLDER_DESCRIPTIONS.has(text.trim());
}

export function isPlaceholderUrl(url: string): boolean {
  try {
    return PLACEHOLDER_HOSTS.has(new URL(url.startsWith('//') ? `https:${url}` : url).hostname.replace(/\.$/, ''));
  } catch {
    return false;
  }
}
