import { defineConfig } from 'tsup'

// Two builds. The library (and its testing helpers) keeps fp-ts, io-ts and fast-check external:
// they are peers. The command line bundles everything it needs, so that it runs with only this
// package installed. `npm run build` empties dist/ first (a `clean` here would race between the
// two builds).
export default defineConfig([
  {
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: false,
    target: 'node20',
    splitting: false,
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'node20',
    splitting: false,
    treeshake: true,
    noExternal: [/^fp-ts/, /^io-ts/],
  },
])
