import { describe, expect, it } from 'vitest';
import { toSecurityRequirements, toSecuritySchemeView } from '../../../src/model/security.ts';

describe('toSecuritySchemeView', () => {
  it('says where an API key goes', () => {
    expect(toSecuritySchemeView('key', { type: 'apiKey', in: 'header', name: 'X-API-Key' })).toEqual({
      key: 'key',
      typeLabel: 'API key',
      summary: '<p>Send the key in the request header <code>X-API-Key</code>.</p>\n',
      descriptionHtml: undefined,
      flows: [],
    });
    expect(toSecuritySchemeView('q', { type: 'apiKey', in: 'query', name: 'api_key' }).summary).toBe(
      '<p>Send the key in the query parameter <code>api_key</code>.</p>\n',
    );
    expect(toSecuritySchemeView('c', { type: 'apiKey', in: 'cookie', name: 'sid' }).summary).toBe('<p>Send the key in the cookie <code>sid</code>.</p>\n');
  });

  it('explains HTTP Basic and Bearer, whatever the case of the scheme name', () => {
    expect(toSecuritySchemeView('basic', { type: 'http', scheme: 'Basic' })).toMatchObject({
      typeLabel: 'HTTP Basic',
      summary: '<p>Send <code>Authorization: Basic &lt;base64(user:password)&gt;</code>.</p>\n',
    });
    expect(toSecuritySchemeView('jwt', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })).toMatchObject({
      typeLabel: 'HTTP Bearer',
      summary: '<p>Send <code>Authorization: Bearer &lt;token&gt;</code> (token format: JWT).</p>\n',
    });
  });

  it('names other HTTP schemes as written', () => {
    expect(toSecuritySchemeView('d', { type: 'http', scheme: 'Digest' })).toMatchObject({
      typeLabel: 'HTTP digest',
      summary: '<p>Use the HTTP <code>digest</code> authentication scheme in the <code>Authorization</code> header.</p>\n',
    });
  });

  it('lists OAuth 2.0 flows with readable names, URLs and scopes', () => {
    const view = toSecuritySchemeView('oauth', {
      type: 'oauth2',
      flows: {
        authorizationCode: {
          authorizationUrl: 'https://auth.test/authorize',
          tokenUrl: 'https://auth.test/token',
          refreshUrl: 'https://auth.test/refresh',
          scopes: { 'orders:read': 'Read orders' },
        },
        clientCredentials: { tokenUrl: '/oauth/token', scopes: {} },
      },
    });
    expect(view.typeLabel).toBe('OAuth 2.0');
    expect(view.summary).toBe(
      '<p>Obtain an access token through one of the flows below and send it as <code>Authorization: Bearer &lt;token&gt;</code>.</p>\n',
    );
    expect(view.flows).toEqual([
      {
        name: 'Authorization code',
        authorizationUrl: 'https://auth.test/authorize',
        tokenUrl: 'https://auth.test/token',
        refreshUrl: 'https://auth.test/refresh',
        scopes: [{ name: 'orders:read', description: 'Read orders' }],
      },
      { name: 'Client credentials', authorizationUrl: undefined, tokenUrl: '/oauth/token', refreshUrl: undefined, scopes: [] },
    ]);
  });

  it('links the OpenID Connect discovery URL only when it is http(s)', () => {
    expect(toSecuritySchemeView('oidc', { type: 'openIdConnect', openIdConnectUrl: 'https://id.test/.well-known/openid-configuration' }).summary).toBe(
      '<p>Discover the provider\'s configuration at <a href="https://id.test/.well-known/openid-configuration" rel="noopener noreferrer nofollow">https://id.test/.well-known/openid-configuration</a>.</p>\n',
    );
    expect(toSecuritySchemeView('oidc', { type: 'openIdConnect', openIdConnectUrl: 'javascript:alert(1)' }).summary).toBe('<p>OpenID Connect discovery.</p>\n');
  });

  it('explains mutual TLS', () => {
    expect(toSecuritySchemeView('mtls', { type: 'mutualTLS' }).summary).toBe('<p>Present a client certificate during the TLS handshake.</p>\n');
  });

  it('renders the scheme description as safe HTML', () => {
    expect(toSecuritySchemeView('key', { type: 'apiKey', in: 'header', name: 'K', description: 'Ask **ops**<script>alert(1)</script>' }).descriptionHtml).toBe(
      '<p>Ask <strong>ops</strong></p>\n',
    );
  });
});

describe('toSecurityRequirements', () => {
  it('keeps alternatives apart and schemes within one requirement together', () => {
    expect(toSecurityRequirements([{ key: [], oauth: ['orders:read', 'orders:write'] }, { basic: [] }])).toEqual([
      [
        { scheme: 'key', scopes: [] },
        { scheme: 'oauth', scopes: ['orders:read', 'orders:write'] },
      ],
      [{ scheme: 'basic', scopes: [] }],
    ]);
  });

  it('keeps an empty requirement, which makes authentication optional', () => {
    expect(toSecurityRequirements([{}, { key: [] }])).toEqual([[], [{ scheme: 'key', scopes: [] }]]);
  });

  it('gives no requirements when none are declared', () => {
    expect(toSecurityRequirements(undefined)).toEqual([]);
  });
});
