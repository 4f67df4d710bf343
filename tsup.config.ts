import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

import { defineConfig } from 'tsup'
import type { Options } from 'tsup'

type Plugin = NonNullable<Options['esbuildPlugins']>[number]

const require = createRequire(import.meta.url)

/**
 * Bundles fp-ts and io-ts from their ES module builds (`es6/`) rather than their CommonJS `lib/`:
 * `fp-ts/lib/Either.js` (or `fp-ts/Either`) becomes `fp-ts/es6/Either.js`. ES modules can be
 * tree-shaken and need no CommonJS wrapper at start-up.
 */
const peersAsEsModules: Plugin = {
  name: 'peers-as-es-modules',
  setup(build) {
    const roots = new Map(['fp-ts', 'io-ts'].map((p) => [p, dirname(require.resolve(`${p}/package.json`))]))
    build.onResolve({ filter: /^(fp-ts|io-ts)(\/|$)/ }, (args) => {
      const [, peer = '', rest = ''] = /^(fp-ts|io-ts)(?:\/(?:lib\/|es6\/)?(.*?))?(?:\.js)?$/.exec(args.path) ?? []
      const root = roots.get(peer)
      if (root === undefined) return undefined
      return { path: join(root, 'es6', `${rest === '' ? 'index' : rest}.js`) }
    })
  },
}

/**
 * The command's second file: `src/cli/loadMore.ts` (what only `batch`, `--rules` and the worker
 * threads need) is written, for the command's build, to require dist/cli-more.cjs (built from
 * src/cli/more.ts) from the folder of the bin's real file (a bin started through a symbolic link,
 * as with `--preserve-symlinks-main`, still finds it), so that `check` starts without compiling
 * it. The second file holds its own copy of what it uses: a snapshot it decodes is answered by its
 * own engine, with its own default rules; `check` without `--rules` uses only the first file's.
 */
const moreApart: Plugin = {
  name: 'cli-more-apart',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]cli[\\/]loadMore\.ts$/ }, () => ({
      loader: 'js',
      contents: [
        "import { realpathSync } from 'node:fs'",
        "import { dirname, join } from 'node:path'",
        // require, not import(): both files are CommonJS, and import() would set up Node's ES
        // module loader and read the file asynchronously (about 50 ms of `batch`'s start)
        "export const loadMore = async () => require(join(dirname(realpathSync(__filename)), 'cli-more.cjs'))",
      ].join('\n'),
    }))
  },
}

// Three builds. The library (and its testing helpers) keeps fp-ts, io-ts and fast-check external:
// they are peers. Its ESM build imports `fp-ts/lib/*.js`, which Node's ESM loader resolves; the
// build for bundlers imports fp-ts's ES modules instead. The command line bundles everything it
// needs (fp-ts and io-ts as ES modules), so that it runs with only this package installed. `npm run build` empties dist/ first (a `clean` here would race between the
// two builds).
export default defineConfig([
  {
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: false,
    target: 'node20',
    // one copy of the model for both entries: the API takes only snapshots that its own decoder
    // returned, so the testing helpers' snapshots must come from that same module
    splitting: true,
    treeshake: true,
  },
  {
    // for bundlers (the `browser` and `module` conditions): one ES module per source module in
    // dist/browser/, not one file, so that an app's bundler drops every module the app does not
    // reach (the package has no side effects). In one file it could drop only what it can prove
    // pure, and every top-level `defineRule(…)`, codec or `closureWith(…)` call would stay.
    // scripts/browser-imports.mjs then points the fp-ts imports at the bare subpaths, whose
    // `module` field gives fp-ts's ES modules, and writes dist/index.browser.js, which re-exports
    // dist/browser/index.js.
    entry: ['src/**/*.ts', '!src/cli/**', '!src/testing/**'],
    outDir: 'dist/browser',
    bundle: false,
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    treeshake: false,
  },
  {
    // the command: one CommonJS file, minified, its peers bundled as ES modules. On Node 20 a
    // CommonJS script starts faster than ES modules (no ESM loader to set up, no module graph to
    // link): `check` on a small snapshot is the package's cold start. What only `batch` needs is
    // imported dynamically and run only then; `--rules` modules are still loaded with `import()`.
    // The worker threads of `batch` start from this same file.
    entry: { cli: 'src/cli/main.ts', 'cli-more': 'src/cli/more.ts' },
    format: ['cjs'],
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'node20',
    splitting: false,
    // esbuild's own tree shaking (tsup's `treeshake` would run Rollup over the output, which
    // hoists every `require` of a Node module to the top, loading node:worker_threads for `check`)
    treeshake: false,
    minify: true,
    // import.meta.url (the script worker threads start from) as the file's URL, made by
    // pathToFileURL (tsup's shim writes `file:` + the path, wrong for a path with `#` or `%`)
    define: { 'import.meta.url': '__accountClosureScriptUrl' },
    // ("use strict" first: the bundle is ES modules' code, which is strict)
    banner: { js: '"use strict";\nvar __accountClosureScriptUrl = require("node:url").pathToFileURL(__filename).href;' },
    noExternal: [/^fp-ts/, /^io-ts/],
    esbuildPlugins: [peersAsEsModules, moreApart],
  },
])
