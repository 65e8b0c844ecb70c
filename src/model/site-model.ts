// The contract between the pipeline and the Astro pages: everything a page renders, already filtered
// for its audience. The pages read these records and nothing else.
import type { Audience, Lifecycle } from '../core/audience.ts';
import type { ChangelogEntry } from '../history/changelog.ts';
import type { OperationView } from './operation.ts';
import type { SchemaNode } from './schema-view.ts';
import type { SecuritySchemeView } from './security.ts';

export interface CatalogEntry {
  id: string;
  title: string;
  summary: string;
  version: string;
  audience: Audience;
  partners: string[];
  owner: string | null;
  lifecycle: Lifecycle | null;
  tags: string[];
  operations: number;
  docs: string;
  spec: string;
}

export type SidebarItem = { label: string; link: string; badge?: string } | { label: string; items: SidebarItem[]; collapsed?: boolean };

export interface ApiHeader {
  id: string;
  title: string;
  version: string;
  audience: Audience;
  lifecycle: Lifecycle | null;
  owner: string | null;
  docs: string;
  spec: string;
}

export interface OperationLink {
  method: string;
  path: string;
  summary?: string;
  deprecated: boolean;
  href: string;
}

export interface TagSummary {
  name: string;
  href: string;
  descriptionHtml?: string;
  operations: number;
}

interface PageBase {
  title: string;
  description: string;
  api: ApiHeader;
  sidebar: SidebarItem[];
}

export interface OverviewPage extends PageBase {
  kind: 'overview';
  descriptionHtml?: string;
  servers: { url: string; descriptionHtml?: string }[];
  securitySchemes: SecuritySchemeView[];
  contact?: { name?: string; email?: string; url?: string };
  license?: { name: string; url?: string };
  termsOfService?: string;
  externalDocs?: { url: string; description?: string };
  tags: TagSummary[];
  webhooks: OperationLink[];
  schemaCount: number;
  schemasHref?: string;
  changelogHref?: string;
}

/** One page of a list that is split over several pages, and where the others are. */
export interface PagePart {
  href: string;
  /** The first and last item on that page, for lists in name order (schemas). */
  first?: string;
  last?: string;
}

/** A page that holds one part of a longer list: `parts[part]` is this page. */
export interface PartedPage {
  part: number;
  parts: PagePart[];
}

export interface TagPage extends PageBase, PartedPage {
  kind: 'tag';
  tag: string;
  descriptionHtml?: string;
  operations: OperationLink[];
}

export interface OperationPage extends PageBase {
  kind: 'operation' | 'webhook';
  operation: OperationView;
  /** For webhooks: the event name. */
  name?: string;
}

/** A named schema on its API's model page, under a heading whose id is `anchor`. */
export interface ModelEntry {
  name: string;
  /** `[a-z0-9-]`, unique among the API's schemas. */
  anchor: string;
  schema: SchemaNode;
}

/** One of the API's model pages: its schemas in name order, each with an anchor. */
export interface SchemasPage extends PageBase, PartedPage {
  kind: 'schemas';
  schemas: ModelEntry[];
}

export interface ChangelogPage extends PageBase {
  kind: 'changelog';
  entries: ChangelogEntry[];
}

export type PageModel = OverviewPage | TagPage | OperationPage | SchemasPage | ChangelogPage;

export interface RouteEntry {
  /** URL path below the site root, without leading or trailing slash: `apis/payments/operations/list-payments`. */
  slug: string;
  /** Data file, relative to the site data folder. */
  file: string;
}

export interface SiteSettingsFile {
  title: string;
  audience: Audience;
  partner: string | null;
  label: string;
}
