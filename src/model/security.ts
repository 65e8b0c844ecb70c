// Explains security schemes in words a reader can act on: what kind, where the credential goes, and
// for OAuth the flows with their URLs and scopes.
import { toSafeHtml, toSafeUrl } from '../core/markdown.ts';
import { asArray, asObject, asString, entriesOf, type Json, type JsonObject } from '../core/openapi-shape.ts';

export interface OAuthFlowView {
  name: string;
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  scopes: { name: string; description: string }[];
}

export interface SecuritySchemeView {
  key: string;
  typeLabel: string;
  summary: string;
  descriptionHtml?: string;
  flows: OAuthFlowView[];
}

/** One way to authenticate an operation: every scheme in it applies together (AND). */
export type SecurityRequirementView = { scheme: string; scopes: string[] }[];

const FLOW_LABELS: Record<string, string> = {
  implicit: 'Implicit',
  password: 'Resource owner password',
  clientCredentials: 'Client credentials',
  authorizationCode: 'Authorization code',
};

function describe(scheme: JsonObject): { typeLabel: string; summary: string } {
  const type = asString(scheme.type) ?? 'unknown';
  switch (type) {
    case 'apiKey': {
      const where = { header: 'request header', query: 'query parameter', cookie: 'cookie' }[asString(scheme.in) ?? ''] ?? 'request';
      return { typeLabel: 'API key', summary: `Send the key in the ${where} \`${asString(scheme.name) ?? ''}\`.` };
    }
    case 'http': {
      const httpScheme = (asString(scheme.scheme) ?? '').toLowerCase();
      if (httpScheme === 'basic') return { typeLabel: 'HTTP Basic', summary: 'Send `Authorization: Basic <base64(user:password)>`.' };
      if (httpScheme === 'bearer') {
        const format = asString(scheme.bearerFormat);
        return { typeLabel: 'HTTP Bearer', summary: `Send \`Authorization: Bearer <token>\`${format ? ` (token format: ${format})` : ''}.` };
      }
      return { typeLabel: `HTTP ${httpScheme}`, summary: `Use the HTTP \`${httpScheme}\` authentication scheme in the \`Authorization\` header.` };
    }
    case 'oauth2':
      return { typeLabel: 'OAuth 2.0', summary: 'Obtain an access token through one of the flows below and send it as `Authorization: Bearer <token>`.' };
    case 'openIdConnect': {
      const url = toSafeUrl(scheme.openIdConnectUrl);
      return { typeLabel: 'OpenID Connect', summary: url ? `Discover the provider's configuration at <${url}>.` : 'OpenID Connect discovery.' };
    }
    case 'mutualTLS':
      return { typeLabel: 'Mutual TLS', summary: 'Present a client certificate during the TLS handshake.' };
    default:
      return { typeLabel: type, summary: '' };
  }
}

/** The anchor of a scheme's explanation on the API overview. */
export function toSchemeAnchor(key: string): string {
  return `security-${key.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

export function toSecuritySchemeView(key: string, scheme: JsonObject): SecuritySchemeView {
  const { typeLabel, summary } = describe(scheme);
  const flows: OAuthFlowView[] = entriesOf(scheme.flows).map(([name, raw]) => {
    const flow = asObject(raw);
    return {
      name: FLOW_LABELS[name] ?? name,
      authorizationUrl: toSafeUrl(flow.authorizationUrl) ?? asString(flow.authorizationUrl),
      tokenUrl: toSafeUrl(flow.tokenUrl) ?? asString(flow.tokenUrl),
      refreshUrl: toSafeUrl(flow.refreshUrl) ?? asString(flow.refreshUrl),
      scopes: entriesOf(flow.scopes).map(([scope, description]) => ({ name: scope, description: String(description ?? '') })),
    };
  });
  return { key, typeLabel, summary: toSafeHtml(summary), descriptionHtml: toSafeHtml(scheme.description) || undefined, flows };
}

export function toSecurityRequirements(requirements: Json | undefined): SecurityRequirementView[] {
  return asArray(requirements).map((requirement) =>
    entriesOf(requirement).map(([scheme, scopes]) => ({
      scheme,
      scopes: asArray(scopes).filter((s): s is string => typeof s === 'string'),
    })),
  );
}
