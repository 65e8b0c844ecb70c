// Starlight reads two collections. Portolan's API pages come from the pipeline's data folder, not
// from here, but each collection holds one real file so that Astro never warns about an empty one:
// `docs` holds the not-found page (a draft, so it gets no route of its own besides /404), and `i18n`
// holds Portolan's wording for Starlight's interface.
import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

const toDocsSchema = docsSchema();
let docs: ReturnType<typeof toDocsSchema> | undefined;

export const collections = {
  // <StarlightPage> asks for this schema on every page it renders, and building it (Zod) cost more
  // than a millisecond a page; it is the same schema every time, so it is built once. The context
  // only differs in its `image()` helper, which checks a hero image no Portolan page has.
  docs: defineCollection({ loader: docsLoader(), schema: (context) => (docs ??= toDocsSchema(context)) }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
