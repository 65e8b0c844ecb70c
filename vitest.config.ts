import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Integration tests each run full Astro builds; one file at a time keeps a 2-core machine responsive
    // and keeps builds from competing for Astro's generated types folder.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
