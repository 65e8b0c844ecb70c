// Starlight reads two collections. Portolan's API pages come from the pipeline's data folder, not
// from here, but each collection holds one real file so that Astro never warns about an empty one:
// `docs` holds the not-found page (a draft, so it gets no route of its own besides /404), and `i18n`
// holds Portolan's wording for Starlight's interface.
import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
