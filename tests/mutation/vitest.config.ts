import { defineConfig } from 'vitest/config';

// Mutation runs execute the tests once per mutant, so they use the fast tests only: unit tests, plus
// the integration tests that call the filter directly without building a site.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/readme-example.test.ts'],
    testTimeout: 60_000,
  },
});
