// The ESM entry bundled and minified as an app's bundler would, fp-ts and io-ts left out,
// gzipped: at most 27 KiB (27 648 bytes). (10 KiB until 0.2.0, 14 KiB in 0.2.0; in 0.3.0 the whole
// entry gained the policies' own decoders, the JSON Schema derived from codecs with the published
// schema as a module, the run-time checks of rules, names and time-zone offsets: about 24 KiB; then
// the built-in rules' trusted path and the loops of the facts selectors: 25 590 B, 10 B under the
// 25 KiB of then, so the guard moved to 26 KiB; then the fixes of an attacker's review of the packed
// package (lists read once, rules' paths and options checked, a codec's result read, instants' and
// maxErrors' reasons, the JSON Schema of the package's own codecs): 26 994 B, so it moved to 27 KiB.
// What an app pays is measured per import by scripts/browser-size.mjs, against the budgets there.)
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

import { build } from 'esbuild'

const LIMIT = 27 * 1024

/** The ESM entry (dist/index.js) bundled and minified without the peers, and its gzipped size. */
export const entrySize = async () => {
  const result = await build({
    entryPoints: ['dist/index.js'],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    external: ['fp-ts', 'fp-ts/*', 'io-ts', 'io-ts/*'],
    treeShaking: true,
  })
  const code = result.outputFiles[0].contents
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { minified, gzipped } = await entrySize()
  console.log(`dist/index.js: ${minified} B minified, ${gzipped} B gzipped (limit ${LIMIT} B)`)
  if (gzipped > LIMIT) {
    console.error('over the size limit')
    process.exit(1)
  }
}
