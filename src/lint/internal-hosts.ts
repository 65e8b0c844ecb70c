// Which hosts a server can point at, and whether one of them looks internal. A server's URL may leave
// out the scheme (`//api.corp/v1`) and may take its host from server variables, whose `default` and
// `enum` values are hosts a reader can pick: each of them counts.

/** Host patterns that mean "inside the company"; `*` matches any run of characters, `?` one character. */
export const DEFAULT_INTERNAL_HOST_PATTERNS = [
  'localhost', '127.*', '10.*', '192.168.*', '172.1[6-9].*', '172.2?.*', '172.3[01].*', '*.internal', '*.local', '*.corp', '*.corp.*', '*.svc', '*.svc.*', '*.intranet.*',
];

/** Stands in for a variable with no usable value; no host pattern a team would write matches it. */
const UNKNOWN_VARIABLE_VALUE = 'portolan-unknown-variable';
const VARIABLE = /\{([^{}]*)\}/g;

export function toHostMatcher(patterns: readonly string[]): (host: string) => boolean {
  const expressions = patterns.map((pattern) => {
    const escaped = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${escaped}$`, 'i');
  });
  return (host) => expressions.some((expression) => expression.test(host));
}

/**
 * The host a server URL names, or undefined for a relative URL (`/v1`). A URL without a scheme
 * (`//api.corp/v1`) names a host too. A trailing dot (`api.corp.`) is the same host.
 */
export function getUrlHost(url: string): string | undefined {
  const absolute = url.startsWith('//') ? `https:${url}` : url;
  try {
    return new URL(absolute).hostname.replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/** The host of Swagger 2.0's `host` field (`api.corp:8080`, `[::1]:8080`), without its port. */
export function getSwaggerHost(host: string): string | undefined {
  return getUrlHost(host.includes('//') ? host : `//${host}`);
}

/** A host the server can resolve to, and where that host comes from. */
export interface ServerHost {
  host: string;
  /** Path from the server object to the value that makes this host: `['url']` or `['variables', 'env', 'enum', 1]`. */
  at: (string | number)[];
  /** The variable and value that make this host, when it comes from a variable. */
  variable?: { name: string; value: string };
}

type Variables = Record<string, { default?: unknown; enum?: unknown }>;

function asVariables(value: unknown): Variables {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Variables) : {};
}

function getDefault(variables: Variables, name: string): string {
  const value = Object.hasOwn(variables, name) ? variables[name]?.default : undefined;
  return typeof value === 'string' ? value : UNKNOWN_VARIABLE_VALUE;
}

/**
 * Every host the server URL can name: the URL with each variable at its default, then each
 * variable's default and enum values in turn with the others at their defaults. That is linear in the
 * number of values (not every combination), and every value is tried once.
 */
export function getServerHosts(url: string, variables: unknown): ServerHost[] {
  const vars = asVariables(variables);
  const names = [...new Set([...url.matchAll(VARIABLE)].map((match) => match[1]!))];
  const fill = (name?: string, value?: string) => url.replace(VARIABLE, (_, used: string) => (used === name ? value! : getDefault(vars, used)));
  const hosts: ServerHost[] = [];
  // The URL's own text: variables stand for nothing in particular, so a host that looks internal
  // whatever they hold (`{region}.api.corp`) is the URL's fault, not a variable's.
  const literal = getUrlHost(url.replace(VARIABLE, UNKNOWN_VARIABLE_VALUE));
  if (literal) hosts.push({ host: literal, at: ['url'] });
  for (const name of names) {
    const variable = Object.hasOwn(vars, name) ? vars[name] : undefined;
    const values: [string, (string | number)[]][] = [];
    if (typeof variable?.default === 'string') values.push([variable.default, ['variables', name, 'default']]);
    if (Array.isArray(variable?.enum)) {
      variable.enum.forEach((value, index) => {
        if (typeof value === 'string') values.push([value, ['variables', name, 'enum', index]]);
      });
    }
    for (const [value, at] of values) {
      const host = getUrlHost(fill(name, value));
      if (host) hosts.push({ host, at, variable: { name, value } });
    }
  }
  return hosts;
}

/**
 * The hosts of a server that look internal, one per value that makes one. When the URL's own text
 * makes the host internal, that is the one problem, named with its variables at their defaults.
 */
export function getInternalServerHosts(url: string, variables: unknown, isInternal: (host: string) => boolean): ServerHost[] {
  const [literal, ...fromVariables] = getServerHosts(url, variables);
  if (literal && literal.variable === undefined && isInternal(literal.host)) {
    return [{ ...literal, host: getUrlHost(url.replace(VARIABLE, (_, name: string) => getDefault(asVariables(variables), name))) ?? literal.host }];
  }
  return [literal, ...fromVariables].filter((candidate): candidate is ServerHost => candidate?.variable !== undefined && isInternal(candidate.host));
}
