import { defineConfig } from 'vitest/config'

// Stryker mutates src/ (the command line excluded), so its runs leave out the tests of the built
// command line and the build that they need. test/setup.ts pins the fast-check seed under Stryker.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the command line's tests and the browser tests of the playground (which start a browser, and
    // whose checks run in the page) are left out
    exclude: [
      'test/cli.test.ts',
      'test/cli-run.test.ts',
      'test/playground.test.ts',
      'test/purity.test.ts',
      'test/testing.test.ts',
      'test/types.test.ts',
    ],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    // one module graph per worker: @fast-check/vitest takes seconds to import, once is enough
    isolate: false,
  },
})
