import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERNAL_HOST_PATTERNS, getInternalServerHosts, getServerHosts, getSwaggerHost, getUrlHost, toHostMatcher } from '../../../src/lint/internal-hosts.ts';

const isInternal = toHostMatcher(DEFAULT_INTERNAL_HOST_PATTERNS);

describe('server hosts', () => {
  it('reads the host of URLs with and without a scheme, and none from a relative path', () => {
    expect(getUrlHost('https://API.example.com:8443/v1')).toBe('api.example.com');
    expect(getUrlHost('//build.corp/v1')).toBe('build.corp');
    expect(getUrlHost('/v1')).toBeUndefined();
  });

  it('reads a Swagger 2.0 host without its port, brackets kept for IPv6', () => {
    expect(getSwaggerHost('build.corp:8443')).toBe('build.corp');
    expect(getSwaggerHost('[::1]:8080')).toBe('[::1]');
  });

  it('lists the host of each variable value, with the other variables at their defaults', () => {
    const variables = { env: { default: 'api', enum: ['api', 'staging'] }, domain: { default: 'example.com', enum: ['example.com', 'corp.local'] } };
    expect(getServerHosts('https://{env}.{domain}/v1', variables).map((h) => `${h.host} <- ${h.at.join('/')}`)).toEqual([
      'portolan-unknown-variable.portolan-unknown-variable <- url',
      'api.example.com <- variables/env/default',
      'api.example.com <- variables/env/enum/0',
      'staging.example.com <- variables/env/enum/1',
      'api.example.com <- variables/domain/default',
      'api.example.com <- variables/domain/enum/0',
      'api.corp.local <- variables/domain/enum/1',
    ]);
  });

  it('blames the URL, not its variables, when its own text names an internal host', () => {
    expect(getInternalServerHosts('https://{region}.api.corp', { region: { default: 'eu', enum: ['eu', 'us'] } }, isInternal)).toEqual([{ host: 'eu.api.corp', at: ['url'] }]);
  });

  it('finds an internal host in a variable that holds the whole base URL', () => {
    expect(getInternalServerHosts('{base}/v1', { base: { default: 'https://api.example.com', enum: ['https://api.example.com', 'http://10.0.0.7'] } }, isInternal)).toEqual([
      { host: '10.0.0.7', at: ['variables', 'base', 'enum', 1], variable: { name: 'base', value: 'http://10.0.0.7' } },
    ]);
  });
});
