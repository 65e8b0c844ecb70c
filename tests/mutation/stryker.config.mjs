// Mutation testing of the modules that hold the audience promise: the filter, the identifier scan,
// the leak check (its own marker reading, its reference, its scan, how it scopes a built site's files
// and which words count as Portolan's) and the $ref sandbox. `npm run mutation` runs it (minutes, not
// part of `npm test`); `npm run mutation -- --mutate src/load/safe-resolver.ts` narrows it to one module.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/mutation/vitest.config.ts', related: false },
  mutate: [
    'src/audience/visibility.ts',
    'src/audience/identifiers.ts',
    'src/audience/marker-reading.ts',
    'src/audience/audience-views.ts',
    'src/audience/leak-check.ts',
    'src/site/leak-scopes.ts',
    'src/site/page-vocabulary.ts',
    'src/load/safe-resolver.ts',
  ],
  checkers: [],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.cache/mutation/report.json' },
  tempDirName: '.cache/stryker-tmp',
  incremental: false,
  concurrency: 2,
  timeoutMS: 20_000,
  ignorePatterns: ['dist', '.cache', '.astro', 'node_modules'],
  thresholds: { high: 90, low: 80, break: null },
};
