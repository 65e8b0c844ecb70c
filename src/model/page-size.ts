// Estimates of how many bytes of HTML a part of a page record becomes once rendered, so that lists are
// split into pages by what they weigh, not by how many items they hold: a hundred enum schemas fit
// on one page, a hundred objects with documented properties do not. The figures are the markup the
// components write around each piece (SchemaTree.astro, OperationList.astro, Starlight's table of
// contents), rounded up; only their order of magnitude matters.
import type { SchemaNode } from './schema-view.ts';
import type { OperationLink } from './site-model.ts';

/** The wrapper of one node: its div, the type span, the list item that holds it. */
const NODE_MARKUP = 130;
/** A property name with its code tag; the required mark adds its own span. */
const NAME_MARKUP = 50;
const REQUIRED_MARKUP = 70;
/** A link around a type label, besides its href. */
const LINK_MARKUP = 15;
/** Each flag, note, description or fact: its element and class. */
const PIECE_MARKUP = 45;
/** The labelled box around items, additional properties or a list of variants. */
const BOX_MARKUP = 90;
/** A named schema's heading on a model page, and its two entries in Starlight's table of contents. */
const MODEL_HEADING_MARKUP = 60;
const TOC_ENTRY_MARKUP = 110;
/** One operation in a list: the item, link, method badge and path. */
const OPERATION_LINK_MARKUP = 120;

const textBytes = (text: string | undefined): number => (text === undefined ? 0 : text.length);

/** The HTML one node of a schema tree renders to without its children, in bytes, roughly. */
export function estimateSchemaNodeBytes(node: SchemaNode): number {
  let bytes = NODE_MARKUP + textBytes(node.typeLabel);
  if (node.name !== undefined) bytes += NAME_MARKUP + node.name.length + (node.required ? REQUIRED_MARKUP : 0);
  if (node.link) bytes += LINK_MARKUP + node.link.href.length;
  if (node.title !== undefined) bytes += PIECE_MARKUP + node.title.length;
  if (node.linkOnly) bytes += PIECE_MARKUP + 40;
  if (node.descriptionHtml !== undefined) bytes += PIECE_MARKUP + node.descriptionHtml.length;
  for (const text of [...node.flags, ...node.constraints, ...(node.enumValues ?? [])]) bytes += PIECE_MARKUP + text.length;
  if (node.defaultValue !== undefined) bytes += PIECE_MARKUP + node.defaultValue.length;
  if (node.example !== undefined) bytes += PIECE_MARKUP + node.example.length;
  if (node.discriminator) {
    bytes += BOX_MARKUP + node.discriminator.propertyName.length;
    for (const { value, link } of node.discriminator.mapping) bytes += PIECE_MARKUP + value.length + (link ? LINK_MARKUP + link.name.length + link.href.length : 0);
  }
  return bytes;
}

/** The HTML a schema tree renders to, in bytes, roughly. */
export function estimateSchemaBytes(node: SchemaNode): number {
  let bytes = estimateSchemaNodeBytes(node);
  for (const property of node.properties ?? []) bytes += estimateSchemaBytes(property);
  if (node.items) bytes += BOX_MARKUP + estimateSchemaBytes(node.items);
  if (node.additionalProperties) bytes += BOX_MARKUP + estimateSchemaBytes(node.additionalProperties);
  if (node.variants) for (const variant of node.variants.nodes) bytes += BOX_MARKUP + estimateSchemaBytes(variant);
  return bytes;
}

/** A named schema on a model page: its heading, its table-of-contents entries and its tree. */
export function estimateModelBytes(name: string, anchor: string, node: SchemaNode): number {
  return MODEL_HEADING_MARKUP + name.length + anchor.length + 2 * (TOC_ENTRY_MARKUP + name.length + anchor.length) + estimateSchemaBytes(node);
}

/** One operation in a tag's list. */
export function estimateOperationLinkBytes(link: OperationLink): number {
  return OPERATION_LINK_MARKUP + link.href.length + link.method.length + link.path.length + textBytes(link.summary);
}
