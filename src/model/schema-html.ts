// The HTML of a schema tree, as the SchemaTree component shows it. A tree is the largest part of most
// pages (hundreds of nodes on a model page), and as a recursive Astro component every node cost a
// component instance of its own; written here as one string it costs a few string joins per node.
// The page record keeps the tree as data (the leak check reads records as the words a page may show);
// this runs when the page renders. Every value from the record goes through one escaping helper,
// except `descriptionHtml`, which the model already sanitized.
import { toHtmlText } from '../core/html-text.ts';
import type { SchemaNode } from './schema-view.ts';

const VARIANT_LABELS: Record<NonNullable<SchemaNode['variants']>['kind'], string> = { allOf: 'All of', oneOf: 'One of', anyOf: 'Any of' };

const code = (text: string): string => `<code>${toHtmlText(text)}</code>`;
const link = (href: string, text: string): string => `<a href="${toHtmlText(href)}">${toHtmlText(text)}</a>`;

function toTypeHtml(node: SchemaNode): string {
  if (node.link && node.link.href) return link(node.link.href, node.typeLabel);
  // `array<Pet>` where Pet is only a link: the link goes on the item's name.
  const items = node.items;
  if (items?.linkOnly && items.link?.href && node.typeLabel.startsWith('array<')) {
    return `array&lt;${link(items.link.href, items.typeLabel)}&gt;${toHtmlText(node.typeLabel.slice(`array<${items.typeLabel}>`.length))}`;
  }
  return toHtmlText(node.typeLabel);
}

function toFactsHtml(node: SchemaNode): string {
  if (node.constraints.length === 0 && !node.enumValues && node.defaultValue === undefined && node.example === undefined) return '';
  let html = '<ul class="schema-facts">';
  for (const constraint of node.constraints) html += `<li>${code(constraint)}</li>`;
  if (node.enumValues) html += `<li>enum: ${node.enumValues.map(code).join(', ')}</li>`;
  if (node.defaultValue !== undefined) html += `<li>default: ${code(node.defaultValue)}</li>`;
  if (node.example !== undefined) html += `<li>example: ${code(node.example)}</li>`;
  return `${html}</ul>`;
}

function toDiscriminatorHtml(discriminator: NonNullable<SchemaNode['discriminator']>): string {
  const mapping = discriminator.mapping.map((entry) => ` · ${code(entry.value)} → ${entry.link ? link(entry.link.href, entry.link.name) : '?'}`);
  return `<p class="schema-discriminator">Discriminator: ${code(discriminator.propertyName)}${mapping.join('')}</p>`;
}

/** A nested tree under a label: an array's items, a map's values. */
function toLabelledHtml(label: string, node: SchemaNode): string {
  return `<div class="schema-items"><span class="schema-label">${label}</span>${toSchemaTreeHtml(node)}</div>`;
}

/** One schema node and everything below it; `root` is the tree's top, which shows no name. */
export function toSchemaTreeHtml(node: SchemaNode, root = false): string {
  let html = root ? '<div class="schema-node schema-root">' : '<div class="schema-node">';
  if (!root && node.name !== undefined) {
    html += `<span class="schema-name">${code(node.name)}${node.required ? '<span class="schema-required" title="required">required</span>' : ''}</span>`;
  }
  html += `<span class="schema-type">${toTypeHtml(node)}</span>`;
  if (node.title && node.link && node.title !== node.typeLabel) html += `<span class="schema-title">${toHtmlText(node.title)}</span>`;
  for (const flag of node.flags) html += `<span class="schema-flag schema-flag-${toHtmlText(flag)}">${toHtmlText(flag)}</span>`;
  if (node.linkOnly === 'recursive') html += `<span class="schema-note">recursive: see ${toHtmlText(node.typeLabel)} above</span>`;
  if (node.linkOnly === 'truncated') html += '<span class="schema-note">truncated here; follow the schema link for the rest</span>';
  if (node.descriptionHtml) html += `<div class="schema-description">${node.descriptionHtml}</div>`;
  html += toFactsHtml(node);
  if (node.discriminator) html += toDiscriminatorHtml(node.discriminator);
  const children = node.properties ?? [];
  if (children.length > 0) html += `<ul class="schema-children">${children.map((child) => `<li>${toSchemaTreeHtml(child)}</li>`).join('')}</ul>`;
  if (node.items && (node.items.properties || node.items.variants || node.items.items)) html += toLabelledHtml('items', node.items);
  if (node.additionalProperties) html += toLabelledHtml('additional properties', node.additionalProperties);
  if (node.variants) {
    const variants = node.variants.nodes.map((variant) => `<li>${toSchemaTreeHtml(variant)}</li>`).join('');
    html += `<div class="schema-variants"><span class="schema-label">${VARIANT_LABELS[node.variants.kind]}</span><ol>${variants}</ol></div>`;
  }
  return `${html}</div>`;
}
