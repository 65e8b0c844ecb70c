// Starlight reads its `docs` collection for hand-written pages; Portolan's API pages come from the
// pipeline's data folder instead, so this collection is normally empty.
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
