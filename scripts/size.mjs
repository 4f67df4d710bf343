// The ESM entry bundled and minified as an app's bundler would, fp-ts and io-ts left out,
// gzipped: at most 14 KiB (14 336 bytes). (10 KiB until 0.2.0; the entry then gained I-JSON text
// decoding, the rule engine, alternatives and time zones: see docs/quality.md.)
import { gzipSync } from 'node:zlib'

import { build } from 'esbuild'

const LIMIT = 14 * 1024
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
const gz = gzipSync(code, { level: 9 }).length
console.log(`dist/index.js: ${code.length} B minified, ${gz} B gzipped (limit ${LIMIT} B)`)
if (gz > LIMIT) {
  console.error('over the size limit')
  process.exit(1)
}
