import { defineConfig } from 'tsup'

// Three builds. The library (and its testing helpers) keeps fp-ts, io-ts and fast-check external:
// they are peers. Its ESM build imports `fp-ts/lib/*.js`, which Node's ESM loader resolves; the
// build for bundlers imports fp-ts's ES modules instead. The command line bundles everything it needs, so that it runs with only this
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
    // for bundlers (the `browser` and `module` conditions): scripts/browser-imports.mjs then points
    // its fp-ts imports at the bare subpaths, whose `module` field gives fp-ts's ES modules
    entry: { 'index.browser': 'src/index.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
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
