import { defineConfig } from 'vitest/config'

// Stryker mutates src/ (the command line excluded), so its runs leave out the tests of the built
// command line and the build that they need. test/setup.ts pins the fast-check seed under Stryker.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the command line's tests, the examples run against the packed tarball, and the browser tests
    // of the playground (which start a browser, and whose checks run in the page) are left out: they
    // exercise dist/, built before the mutants, so they could not kill one
    exclude: [
      'test/cli*.test.ts',
      'test/examples.test.ts',
      'test/playground.test.ts',
      'test/purity.test.ts',
      'test/testing.test.ts',
      'test/types.test.ts',
      // counts when the struct decoders are written, a module-wide state that other files change
      // first when modules are shared between files (isolate: false, below)
      'test/struct-early.test.ts',
    ],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    // one module graph per worker: @fast-check/vitest takes seconds to import, once is enough
    isolate: false,
  },
})
