// A copy-ready curl command built from the spec: the first server, path parameters filled with their
// examples, required query parameters and headers, the credential each scheme needs, and a body.
import { getExampleValue } from './example.ts';
import { asObject, asString, type Json, type JsonObject } from '../core/openapi-shape.ts';

export interface CurlInput {
  method: string;
  path: string;
  serverUrl?: string;
  parameters: { name: string; in: string; required: boolean; example?: Json; schema?: Json }[];
  body?: { mediaType: string; example?: Json; schema?: Json };
  /** The security schemes of the first requirement that applies. */
  schemes: JsonObject[];
  document: JsonObject;
}

const BASE_URL_PLACEHOLDER = 'https://api.example.com';
/**
 * A body example longer than this (a recorded response of 100 KB) would make the command the page's
 * bulk: the command then sends a body made from the schema, and the example stays in the description file.
 */
export const MAX_BODY_EXAMPLE_CHARS = 20_000;

export function toShellQuoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function toPlainValue(value: Json | undefined, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A value from the spec, or a readable `{name}` placeholder that is never percent-encoded. */
function getParameterValue(parameter: CurlInput['parameters'][number], document: JsonObject): { value: string; placeholder: boolean } {
  if (parameter.example !== undefined) return { value: toPlainValue(parameter.example, parameter.name), placeholder: false };
  const generated = getExampleValue(parameter.schema, document);
  if (generated === null || generated === undefined || generated === 'string') return { value: `{${parameter.name}}`, placeholder: true };
  return { value: toPlainValue(generated, `{${parameter.name}}`), placeholder: false };
}

function toUrlValue(parameter: CurlInput['parameters'][number], document: JsonObject): string {
  const { value, placeholder } = getParameterValue(parameter, document);
  return placeholder ? value : encodeURIComponent(value);
}

/**
 * Spec text is always single-quoted, so nothing in an example can run when the command is pasted;
 * only the credential variables we add ($API_KEY, $TOKEN, ...) are left for the shell to expand.
 */
const CREDENTIAL_VARIABLE = /\$(API_KEY|TOKEN|USERNAME|PASSWORD)\b/g;
/** Text the shell treats literally inside double quotes. */
const DOUBLE_QUOTE_SAFE = /^[^$`"\\!]*$/;

function toShellWord(text: string): string {
  const parts = text.split(CREDENTIAL_VARIABLE);
  if (parts.length === 1) return toShellQuoted(text);
  // split() with a capture group alternates literal text and variable names.
  const literals = parts.filter((_, index) => index % 2 === 0);
  if (literals.every((literal) => DOUBLE_QUOTE_SAFE.test(literal))) return `"${text}"`;
  return parts.map((part, index) => (index % 2 === 1 ? `"$${part}"` : part ? toShellQuoted(part) : '')).join('');
}

function toServerBase(serverUrl: string | undefined): string {
  if (!serverUrl || !/^https?:\/\//i.test(serverUrl)) return `${BASE_URL_PLACEHOLDER}${serverUrl && serverUrl !== '/' ? serverUrl : ''}`;
  // Server variables keep their {braces}; a reader replaces them like any placeholder.
  return serverUrl.replace(/\/+$/, '');
}

export function toCurl(input: CurlInput): string {
  const { document } = input;
  let path = input.path;
  const query: string[] = [];
  const headers: string[] = [];
  const cookies: string[] = [];
  const args: string[] = [];
  for (const parameter of input.parameters) {
    if (parameter.in === 'path') {
      path = path.split(`{${parameter.name}}`).join(toUrlValue(parameter, document));
    } else if (parameter.required && parameter.in === 'query') {
      query.push(`${encodeURIComponent(parameter.name)}=${toUrlValue(parameter, document)}`);
    } else if (parameter.required && parameter.in === 'header') {
      headers.push(`${parameter.name}: ${getParameterValue(parameter, document).value}`);
    } else if (parameter.required && parameter.in === 'cookie') {
      cookies.push(`${parameter.name}=${getParameterValue(parameter, document).value}`);
    }
  }
  for (const scheme of input.schemes) {
    const type = asString(scheme.type);
    const name = asString(scheme.name) ?? 'api_key';
    if (type === 'apiKey' && scheme.in === 'query') query.push(`${encodeURIComponent(name)}=$API_KEY`);
    else if (type === 'apiKey' && scheme.in === 'cookie') cookies.push(`${name}=$API_KEY`);
    else if (type === 'apiKey') headers.push(`${name}: $API_KEY`);
    else if (type === 'http' && asString(scheme.scheme)?.toLowerCase() === 'basic') args.push(`--user ${toShellWord('$USERNAME:$PASSWORD')}`);
    else if (type === 'http' || type === 'oauth2' || type === 'openIdConnect') headers.push('Authorization: Bearer $TOKEN');
  }
  const url = `${toServerBase(input.serverUrl)}${path}${query.length ? `?${query.join('&')}` : ''}`;
  const lines = [`curl --request ${input.method.toUpperCase()}`, `  --url ${toShellWord(url)}`];
  for (const header of headers) lines.push(`  --header ${toShellWord(header)}`);
  if (cookies.length) lines.push(`  --cookie ${toShellWord(cookies.join('; '))}`);
  for (const arg of args) lines.push(`  ${arg}`);
  if (input.body) {
    const { mediaType } = input.body;
    const { example } = input.body;
    const usable = example !== undefined && example !== null && JSON.stringify(example).length <= MAX_BODY_EXAMPLE_CHARS;
    const value = usable ? example : getExampleValue(input.body.schema, document);
    lines.push(`  --header ${toShellQuoted(`Content-Type: ${mediaType}`)}`);
    if (/json/i.test(mediaType)) {
      lines.push(`  --data ${toShellQuoted(JSON.stringify(value, null, 2))}`);
    } else if (mediaType === 'multipart/form-data') {
      for (const [key, field] of Object.entries(asObject(value))) lines.push(`  --form ${toShellQuoted(`${key}=${toPlainValue(field, '')}`)}`);
    } else if (mediaType === 'application/x-www-form-urlencoded') {
      for (const [key, field] of Object.entries(asObject(value))) lines.push(`  --data-urlencode ${toShellQuoted(`${key}=${toPlainValue(field, '')}`)}`);
    } else {
      lines.push(`  --data ${toShellQuoted(toPlainValue(value, ''))}`);
    }
  }
  return lines.join(' \\\n');
}
