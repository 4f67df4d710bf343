import { defineConfig } from 'vitest/config'

// In CI, a JSON report beside the usual output lets .ci/run state what ran.
const ci = process.env['CI'] !== undefined && process.env['CI'] !== ''

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ci ? ['default', ['json', { outputFile: 'reports/vitest.json' }]] : ['default'],
  },
})
