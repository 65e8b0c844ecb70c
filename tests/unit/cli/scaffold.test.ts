import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { getNewSpecFile, parseNewApiArgs, toDefaultTitle, toNewApiDocument, toSpecText, type NewApiOptions } from '../../../src/cli/scaffold.ts';

const options: NewApiOptions = {
  id: 'payments-gateway',
  owner: 'team-payments',
  title: 'Payments Gateway API',
  audience: 'internal',
  specsDir: path.resolve('/repo/specs'),
  format: 'yaml',
};

const getInfo = (document: Record<string, unknown>) => document.info as Record<string, unknown>;

describe('toDefaultTitle', () => {
  it('makes a title from the id, ending in API', () => {
    expect(toDefaultTitle('payments-gateway')).toBe('Payments Gateway API');
    expect(toDefaultTitle('x')).toBe('X API');
  });

  it('does not say API twice when the id already ends in api', () => {
    expect(toDefaultTitle('orders-api')).toBe('Orders API');
  });
});

describe('parseNewApiArgs', () => {
  it('defaults to an internal YAML spec under specs/ titled from the id', () => {
    expect(parseNewApiArgs(['--id', 'payments-gateway', '--owner', 'team-payments'])).toEqual({
      id: 'payments-gateway',
      owner: 'team-payments',
      title: 'Payments Gateway API',
      audience: 'internal',
      partners: undefined,
      specsDir: path.resolve('specs'),
      format: 'yaml',
    });
  });

  it('reads a comma-separated partner list once per partner', () => {
    const parsed = parseNewApiArgs(['--id', 'kennels', '--owner', 'team-kennels', '--audience', 'partner', '--partners', 'acme-retail, globex,acme-retail']);
    expect(parsed.partners).toEqual(['acme-retail', 'globex']);
  });
});

describe('toNewApiDocument', () => {
  it('fills every catalog field, with an experimental lifecycle and the owner as contact', () => {
    const info = getInfo(toNewApiDocument(options));
    expect(info).toMatchObject({
      title: 'Payments Gateway API',
      version: '0.1.0',
      contact: { name: 'team-payments' },
      'x-owner': 'team-payments',
      'x-audience': 'internal',
      'x-lifecycle': 'experimental',
    });
    expect(info).not.toHaveProperty('x-partners');
  });

  it('gives open and partner APIs a contact URL, so outside readers can reach the team', () => {
    expect(getInfo(toNewApiDocument({ ...options, audience: 'open' })).contact).toEqual({
      name: 'team-payments',
      url: 'https://support.example/apis/payments-gateway',
    });
  });

  it('names the partners only when some were given', () => {
    const info = getInfo(toNewApiDocument({ ...options, audience: 'partner', partners: ['acme-retail'] }));
    expect(info['x-partners']).toEqual(['acme-retail']);
  });

  it('points the server at the reserved .example domain', () => {
    expect(toNewApiDocument(options).servers).toEqual([
      { url: 'https://api.example/payments-gateway', description: 'Placeholder: replace with the base URL clients call.' },
    ]);
  });
});

describe('toSpecText', () => {
  const oddTitle = 'Pay: "quoted" # not a comment\n- not: a list';

  it('keeps a title with YAML syntax in it as plain text', () => {
    const text = toSpecText(toNewApiDocument({ ...options, title: oddTitle }), 'yaml');
    expect(YAML.parse(text).info.title).toBe(oddTitle);
    expect(YAML.parse(text).info['x-owner']).toBe('team-payments');
  });

  it('writes JSON that parses back to the same document', () => {
    const document = toNewApiDocument({ ...options, title: oddTitle });
    expect(JSON.parse(toSpecText(document, 'json'))).toEqual(document);
  });

  it('starts the YAML with a comment saying what to do next', () => {
    expect(toSpecText(toNewApiDocument(options), 'yaml').split('\n')[0]).toBe(
      '# Created by npm run new-api. Replace the placeholders and the example operation, then run npm run lint.',
    );
  });
});

describe('getNewSpecFile', () => {
  it('puts the spec in a folder named after the id', () => {
    expect(getNewSpecFile(options)).toBe(path.resolve('/repo/specs/payments-gateway/openapi.yaml'));
    expect(getNewSpecFile({ ...options, format: 'json' })).toBe(path.resolve('/repo/specs/payments-gateway/openapi.json'));
  });
});
