// `npm run new-api`: starts a team's API from a spec that already lints clean under the house rules, so
// the first pull request is about the API and not about metadata. The spec is built as data and
// serialized, never templated, so no title, owner or id can change the shape of the file.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { DEFAULT_AUDIENCE, isAudience, isPartnerId, type Audience } from '../core/audience.ts';
import { loadCatalogWithinBudget } from '../lint/budgeted-catalog-load.ts';
import { DEFAULT_SPECS_DIR, UsageError } from './cli-args.ts';
import { checkSpecsDir, EXIT_OK, EXIT_SPEC_PROBLEMS, processIo, withUsageErrors, type Io } from './commands.ts';
import { toDisplayPath } from '../core/diagnostics.ts';
import { getConfigPath, loadLintConfig } from '../lint/lint-config.ts';
import { getPlaceholderServerUrl, getPlaceholderSupportUrl, PLACEHOLDER_LICENSE_URL, SCAFFOLD_PLACEHOLDER_DESCRIPTIONS } from '../lint/scaffold-placeholders.ts';
import { asObject, asString } from '../core/openapi-shape.ts';
import { toSlug } from '../core/slug.ts';

export const NEW_API_USAGE =
  'usage: npm run new-api -- --id ID --owner TEAM [--audience open|partner|internal] [--partners ID,ID] [--title TITLE] [--specs DIR] [--format yaml|json]';

export const SPEC_FORMATS = ['yaml', 'json'] as const;
export type SpecFormat = (typeof SPEC_FORMATS)[number];

export interface NewApiOptions {
  id: string;
  owner: string;
  title: string;
  audience: Audience;
  /** Only for partner APIs; undefined means every partner. */
  partners?: string[];
  specsDir: string;
  format: SpecFormat;
}

/** The id becomes a folder name and the API's URL segment, so it is held to the catalog's id rule. */
const API_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** Team names and GitHub handles (`team-payments`, `@northwind/payments`); no spaces, so CODEOWNERS can use it. */
const OWNER_PATTERN = /^[A-Za-z0-9_./@-]+$/;

const NEW_API_OPTIONS = {
  id: { type: 'string' },
  owner: { type: 'string' },
  audience: { type: 'string' },
  partners: { type: 'string' },
  title: { type: 'string' },
  specs: { type: 'string' },
  format: { type: 'string' },
} as const;

function toUsageError(message: string): UsageError {
  return new UsageError(`${message}\n${NEW_API_USAGE}`);
}

function isSpecFormat(value: string): value is SpecFormat {
  return (SPEC_FORMATS as readonly string[]).includes(value);
}

function toApiId(raw: string | undefined): string {
  if (raw === undefined) throw toUsageError("--id is required: the API's id, like 'payments-gateway'");
  if (!API_ID_PATTERN.test(raw)) throw toUsageError(`--id must be lowercase letters, digits and hyphens, like 'payments-gateway' (got '${raw}')`);
  // The catalog publishes ids through toSlug; an id it would rewrite would not match its own folder.
  const published = toSlug(raw, 'api');
  if (published !== raw) throw toUsageError(`--id '${raw}' would be published as '${published}'; use --id ${published}`);
  return raw;
}

function toOwner(raw: string | undefined): string {
  if (raw === undefined) throw toUsageError("--owner is required: the owning team, like 'team-payments'");
  if (!OWNER_PATTERN.test(raw)) throw toUsageError(`--owner must be a team name or GitHub handle without spaces, like 'team-payments' (got '${raw}')`);
  return raw;
}

function toPartners(raw: string | undefined, audience: Audience): string[] | undefined {
  if (raw === undefined) return undefined;
  if (audience !== 'partner') throw toUsageError('--partners goes with --audience partner');
  const partners = [...new Set(raw.split(',').map((id) => id.trim()))];
  if (partners.length === 0 || !partners.every(isPartnerId)) {
    throw toUsageError(`--partners must be a comma-separated list of partner ids, like 'acme-retail,globex' (got '${raw}')`);
  }
  return partners;
}

export function parseNewApiArgs(args: string[]): NewApiOptions {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({ args, options: NEW_API_OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw toUsageError((error as Error).message);
  }
  const id = toApiId(values.id);
  const owner = toOwner(values.owner);
  const audience = values.audience ?? DEFAULT_AUDIENCE;
  if (!isAudience(audience)) throw toUsageError(`--audience must be internal, partner or open (got '${audience}')`);
  const format = values.format ?? 'yaml';
  if (!isSpecFormat(format)) throw toUsageError(`--format must be yaml or json (got '${format}')`);
  const title = values.title ?? toDefaultTitle(id);
  if (title.trim() === '') throw toUsageError('--title must not be empty; leave it out to use one made from the id');
  return {
    id,
    owner,
    title,
    audience,
    partners: toPartners(values.partners, audience),
    specsDir: path.resolve(values.specs ?? DEFAULT_SPECS_DIR),
    format,
  };
}

/** `payments-gateway` is "Payments Gateway API"; `orders-api` is "Orders API", not "Orders Api API". */
export function toDefaultTitle(id: string): string {
  const words = id.split('-').filter(Boolean).map((word) => (word === 'api' ? 'API' : word[0]!.toUpperCase() + word.slice(1)));
  if (words.at(-1) !== 'API') words.push('API');
  return words.join(' ');
}

/**
 * Outside readers of open and partner APIs need a way to reach the team (portolan/info-contact), so
 * those get a placeholder URL; an internal API's readers can find the team by its name.
 */
function toContact(options: NewApiOptions): Record<string, string> {
  if (options.audience === 'internal') return { name: options.owner };
  return { name: options.owner, url: getPlaceholderSupportUrl(options.id) };
}

/**
 * The new API's description: every field the house rules ask for, filled with placeholders that say
 * what to write, and one example operation. Lint points at each placeholder until it is replaced
 * (portolan/no-scaffold-placeholder), and reports nothing else.
 */
export function toNewApiDocument(options: NewApiOptions): Record<string, unknown> {
  const info: Record<string, unknown> = {
    title: options.title,
    version: '0.1.0',
    description: SCAFFOLD_PLACEHOLDER_DESCRIPTIONS.api,
    contact: toContact(options),
    license: { name: 'Proprietary', url: PLACEHOLDER_LICENSE_URL },
    'x-owner': options.owner,
    'x-audience': options.audience,
    ...(options.partners ? { 'x-partners': options.partners } : {}),
    'x-lifecycle': 'experimental',
  };
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: getPlaceholderServerUrl(options.id), description: SCAFFOLD_PLACEHOLDER_DESCRIPTIONS.server }],
    security: [{ bearerAuth: [] }],
    tags: [{ name: 'Health', description: SCAFFOLD_PLACEHOLDER_DESCRIPTIONS.tag }],
    paths: {
      '/health': {
        get: {
          operationId: 'getHealth',
          summary: 'Check the API is up',
          description: SCAFFOLD_PLACEHOLDER_DESCRIPTIONS.operation,
          tags: ['Health'],
          responses: {
            '200': {
              description: 'The API is up.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
            },
            '401': {
              description: 'The request has no valid bearer token.',
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: SCAFFOLD_PLACEHOLDER_DESCRIPTIONS.securityScheme },
      },
      schemas: {
        Health: {
          type: 'object',
          required: ['status'],
          properties: { status: { type: 'string', enum: ['ok'], description: 'Always `ok` when the API answers.' } },
        },
        Problem: {
          type: 'object',
          description: 'An error, as RFC 9457 problem details.',
          required: ['title', 'status'],
          properties: {
            type: { type: 'string', format: 'uri-reference', description: 'Identifies the kind of problem.' },
            title: { type: 'string', description: 'A short summary of the kind of problem.' },
            status: { type: 'integer', description: 'The HTTP status code.' },
            detail: { type: 'string', description: 'What went wrong with this request.' },
          },
        },
      },
    },
  };
}

export function toSpecText(document: Record<string, unknown>, format: SpecFormat): string {
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  const doc = new YAML.Document(document);
  doc.commentBefore = ' Created by npm run new-api. Replace the placeholders and the example operation, then run npm run lint.';
  return doc.toString({ lineWidth: 0 });
}

export function getNewSpecFile(options: Pick<NewApiOptions, 'specsDir' | 'id' | 'format'>): string {
  return path.join(options.specsDir, options.id, `openapi.${options.format}`);
}

/** What already claims this id, as a sentence naming it, or undefined when the id is free. */
export async function getExistingApi(specsDir: string, id: string): Promise<string | undefined> {
  const folder = path.join(specsDir, id);
  if (fs.existsSync(folder)) return `${toDisplayPath(folder)}/ already exists`;
  for (const extension of ['yaml', 'yml', 'json']) {
    const file = path.join(specsDir, `${id}.${extension}`);
    if (fs.existsSync(file)) return `${toDisplayPath(file)} already exists`;
  }
  // Ids also come from info.x-api-id and from nested paths (specs/payments/gateway/openapi.yaml is
  // payments-gateway); two APIs with one id would be a lint error the moment the new one lands.
  const configPath = getConfigPath(specsDir);
  await loadLintConfig(configPath);
  const { apis } = await loadCatalogWithinBudget(specsDir, configPath);
  const taken = apis.find((api) => api.id === id);
  if (!taken) return undefined;
  const source = asString(asObject(taken.spec.document.info)['x-api-id']) ? 'its info.x-api-id' : 'its path';
  return `API id '${id}' is already used by ${toDisplayPath(taken.file)} (from ${source})`;
}

function getNextSteps(file: string, options: NewApiOptions): string {
  const lint = options.specsDir === path.resolve(DEFAULT_SPECS_DIR) ? 'npm run lint' : `npm run lint -- --specs ${toDisplayPath(options.specsDir)}`;
  return [
    `Created ${toDisplayPath(file)}`,
    '',
    'Next steps:',
    `  1. Edit ${toDisplayPath(file)}: replace the placeholder description, server URL, contact, license and security scheme, and replace GET /health with your operations.`,
    `  2. Run ${lint} and fix what it reports.`,
    `  3. Open a pull request; ${options.owner} is named as the owner.`,
    '',
  ].join('\n');
}

export function runNewApi(args: string[], io: Io = processIo): Promise<number> {
  return withUsageErrors(io, async () => {
    const options = parseNewApiArgs(args);
    checkSpecsDir(options.specsDir);
    const existing = await getExistingApi(options.specsDir, options.id);
    if (existing) {
      io.stderr(`Not created: ${existing}. Choose another --id; new-api never overwrites a spec.\n`);
      return EXIT_SPEC_PROBLEMS;
    }
    const file = getNewSpecFile(options);
    // Non-recursive mkdir and 'wx' fail if something appeared since the check: still never overwrites.
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, toSpecText(toNewApiDocument(options), options.format), { flag: 'wx' });
    io.stdout(getNextSteps(file, options));
    return EXIT_OK;
  });
}
