import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_EXAMPLE_CHARS, toCurl, toShellQuoted, type CurlInput } from '../../../src/model/curl.ts';
import type { JsonObject } from '../../../src/core/openapi-shape.ts';

const document: JsonObject = {
  components: {
    schemas: {
      Note: { type: 'object', properties: { id: { type: 'integer', readOnly: true }, text: { type: 'string', example: "it's O'Brien's" } } },
    },
  },
};

function curl(input: Partial<CurlInput>): string {
  return toCurl({ method: 'get', path: '/', parameters: [], schemes: [], document, ...input });
}

/** What curl would receive if the command were pasted into bash with the credentials set. */
function argumentsInShell(command: string): string[] {
  const script = `curl() { for arg in "$@"; do printf '%s\\0' "$arg"; done; }\n${command}`;
  const output = execFileSync('bash', ['-c', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, API_KEY: 'key-123', TOKEN: 'tok-456', USERNAME: 'ann', PASSWORD: 'pw' },
  });
  return output.split('\0').slice(0, -1);
}

describe('toShellQuoted', () => {
  it('wraps a value in single quotes and escapes single quotes inside', () => {
    expect(toShellQuoted("it's")).toBe(`'it'\\''s'`);
  });
});

describe('toCurl: URL', () => {
  it('puts the method, the first server and the path on separate continued lines', () => {
    expect(curl({ method: 'delete', path: '/notes', serverUrl: 'https://api.notes.test/v1/' })).toBe(
      "curl --request DELETE \\\n  --url 'https://api.notes.test/v1/notes'",
    );
  });

  it('uses a placeholder host for relative or missing servers', () => {
    expect(curl({ path: '/notes', serverUrl: '/v2' })).toContain("--url 'https://api.example.com/v2/notes'");
    expect(curl({ path: '/notes', serverUrl: '/' })).toContain("--url 'https://api.example.com/notes'");
    expect(curl({ path: '/notes' })).toContain("--url 'https://api.example.com/notes'");
  });

  it('substitutes path parameters with their examples, URL-encoded', () => {
    const command = curl({
      path: '/notes/{noteId}/tags/{tag}',
      parameters: [
        { name: 'noteId', in: 'path', required: true, example: 42 },
        { name: 'tag', in: 'path', required: true, example: 'to do/now' },
      ],
    });
    expect(command).toContain("--url 'https://api.example.com/notes/42/tags/to%20do%2Fnow'");
  });

  it('fills a path parameter without example from its schema', () => {
    const command = curl({ path: '/notes/{noteId}', parameters: [{ name: 'noteId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }] });
    expect(command).toContain("--url 'https://api.example.com/notes/3fa85f64-5717-4562-b3fc-2c963f66afa6'");
  });

  it('leaves a readable {placeholder} for a string path parameter with nothing to go on', () => {
    const command = curl({ path: '/notes/{noteId}', parameters: [{ name: 'noteId', in: 'path', required: true, schema: { type: 'string' } }] });
    expect(command).toContain("--url 'https://api.example.com/notes/{noteId}'");
  });

  it('adds required query parameters and leaves optional ones out', () => {
    const command = curl({
      path: '/notes',
      parameters: [
        { name: 'limit', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } },
        { name: 'q', in: 'query', required: true, example: 'a&b' },
        { name: 'sort', in: 'query', required: false, example: 'date' },
      ],
    });
    expect(command).toContain("--url 'https://api.example.com/notes?limit=1&q=a%26b'");
  });
});

describe('toCurl: credentials', () => {
  it('sends an apiKey header as the $API_KEY shell variable', () => {
    const command = curl({ schemes: [{ type: 'apiKey', in: 'header', name: 'X-API-Key' }] });
    expect(command).toContain('--header "X-API-Key: $API_KEY"');
    expect(argumentsInShell(command)).toContain('X-API-Key: key-123');
  });

  it('sends an apiKey query parameter as the $API_KEY shell variable', () => {
    const command = curl({ path: '/notes', schemes: [{ type: 'apiKey', in: 'query', name: 'key' }] });
    expect(command).toContain('--url "https://api.example.com/notes?key=$API_KEY"');
    expect(argumentsInShell(command)).toContain('https://api.example.com/notes?key=key-123');
  });

  it('sends an apiKey cookie with the $API_KEY shell variable expanded', () => {
    const command = curl({ schemes: [{ type: 'apiKey', in: 'cookie', name: 'session' }] });
    expect(argumentsInShell(command).slice(-2)).toEqual(['--cookie', 'session=key-123']);
  });

  it('sends a bearer token as $TOKEN', () => {
    const command = curl({ schemes: [{ type: 'http', scheme: 'bearer' }] });
    expect(command).toContain('--header "Authorization: Bearer $TOKEN"');
    expect(argumentsInShell(command)).toContain('Authorization: Bearer tok-456');
  });

  it('sends OAuth 2.0 and OpenID Connect tokens as $TOKEN too', () => {
    expect(curl({ schemes: [{ type: 'oauth2' }] })).toContain('--header "Authorization: Bearer $TOKEN"');
    expect(curl({ schemes: [{ type: 'openIdConnect' }] })).toContain('--header "Authorization: Bearer $TOKEN"');
  });

  it('sends basic credentials as $USERNAME and $PASSWORD', () => {
    const command = curl({ schemes: [{ type: 'http', scheme: 'Basic' }] });
    expect(command).toContain('--user "$USERNAME:$PASSWORD"');
    expect(argumentsInShell(command)).toEqual(['--request', 'GET', '--url', 'https://api.example.com/', '--user', 'ann:pw']);
  });
});

describe('toCurl: headers and cookies from parameters', () => {
  it('adds required headers and cookies with their examples', () => {
    const command = curl({
      parameters: [
        { name: 'X-Request-Id', in: 'header', required: true, example: 'r-1' },
        { name: 'X-Debug', in: 'header', required: false, example: 'yes' },
        { name: 'region', in: 'cookie', required: true, example: 'eu' },
      ],
    });
    expect(command).toBe("curl --request GET \\\n  --url 'https://api.example.com/' \\\n  --header 'X-Request-Id: r-1' \\\n  --cookie 'region=eu'");
  });

  it('never runs shell code from a header example when pasted', () => {
    const command = curl({ parameters: [{ name: 'X-Trace', in: 'header', required: true, example: '$(echo pwned) `echo pwned`' }] });
    expect(argumentsInShell(command).slice(-2)).toEqual(['--header', 'X-Trace: $(echo pwned) `echo pwned`']);
  });
});

describe('toCurl: bodies', () => {
  it('quotes a JSON body safely for the shell, even with single quotes in the example', () => {
    const command = curl({ method: 'post', path: '/notes', body: { mediaType: 'application/json', schema: { $ref: '#/components/schemas/Note' } } });
    expect(command).toBe(
      [
        'curl --request POST \\',
        "  --url 'https://api.example.com/notes' \\",
        "  --header 'Content-Type: application/json' \\",
        `  --data '{`,
        `  "text": "it'\\''s O'\\''Brien'\\''s"`,
        `}'`,
      ].join('\n'),
    );
    expect(argumentsInShell(command).at(-1)).toBe('{\n  "text": "it\'s O\'Brien\'s"\n}');
  });

  it('prefers the media type example over one built from the schema', () => {
    const command = curl({ method: 'post', body: { mediaType: 'application/vnd.api+json', example: { text: 'hi' }, schema: { $ref: '#/components/schemas/Note' } } });
    expect(argumentsInShell(command).slice(-3)).toEqual(['Content-Type: application/vnd.api+json', '--data', '{\n  "text": "hi"\n}']);
  });

  it('sends form fields one by one', () => {
    const urlencoded = curl({ method: 'post', body: { mediaType: 'application/x-www-form-urlencoded', example: { user: 'ann lee', age: 30 } } });
    expect(argumentsInShell(urlencoded).slice(-4)).toEqual(['--data-urlencode', 'user=ann lee', '--data-urlencode', 'age=30']);
    const multipart = curl({ method: 'post', body: { mediaType: 'multipart/form-data', schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } });
    expect(argumentsInShell(multipart).slice(-2)).toEqual(['--form', 'file=<binary>']);
  });

  it(`sends a body made from the schema when the example is longer than ${MAX_BODY_EXAMPLE_CHARS} characters`, () => {
    const recorded = { text: 'x'.repeat(MAX_BODY_EXAMPLE_CHARS) };
    const command = curl({ method: 'post', body: { mediaType: 'application/json', example: recorded, schema: { $ref: '#/components/schemas/Note' } } });
    expect(argumentsInShell(command).at(-1)).toBe(`{\n  "text": "it's O'Brien's"\n}`);
  });

  it('sends other bodies as plain data', () => {
    expect(curl({ method: 'post', body: { mediaType: 'text/plain', example: "it's" } })).toContain(`  --data 'it'\\''s'`);
  });
});
