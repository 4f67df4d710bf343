import { defineConfig } from 'tsup'

// One config, three entries: the library, its testing helpers, and the command line.
// fp-ts, io-ts and fast-check are peers and stay external (tsup externalises peers).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    testing: 'src/testing/index.ts',
    cli: 'src/cli/main.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' } },
  clean: true,
  sourcemap: false,
  target: 'node20',
  splitting: false,
  treeshake: true,
})
