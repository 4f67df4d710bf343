// The library in a browser bundle, as an app's bundler makes it (esbuild, platform browser, minified,
// fp-ts and io-ts bundled in): decodeSnapshot + verdict must stay within 13 kB gzipped, and an app that
// imports fp-ts/Either itself must get one copy of it. Run after `npm run build`; pass the folder of an
// app that has account-closure installed (the packed tarball), or none to use this package itself.
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

import { build } from 'esbuild'

const LIMIT = 13_000
/** An app folder whose node_modules hold this package and its peers (as links), when none is given. */
const linkedApp = () => {
  const root = resolve('.')
  const app = mkdtempSync(join(tmpdir(), 'account-closure-app-'))
  mkdirSync(join(app, 'node_modules'))
  symlinkSync(root, join(app, 'node_modules', 'account-closure'), 'dir')
  for (const peer of ['fp-ts', 'io-ts']) symlinkSync(join(root, 'node_modules', peer), join(app, 'node_modules', peer), 'dir')
  return app
}
const dir = process.argv[2] === undefined ? linkedApp() : resolve(process.argv[2])

const bundle = async (contents) => {
  const r = await build({
    stdin: { contents, resolveDir: dir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    absWorkingDir: dir,
    logLevel: 'silent',
  })
  const code = r.outputFiles[0].contents
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length, inputs: Object.keys(r.metafile.inputs) }
}

const lib = await bundle(
  "import { decodeSnapshot, verdict } from 'account-closure'\nexport const run = (u) => { const d = decodeSnapshot(u); return d._tag === 'Right' ? verdict(d.right) : d.left }\n",
)
console.log(`decodeSnapshot + verdict for the browser, with fp-ts and io-ts: ${lib.min} B minified, ${lib.gz} B gzipped (limit ${LIMIT} B)`)
const withApp = await bundle(
  "import * as E from 'fp-ts/Either'\nimport { decodeSnapshot } from 'account-closure'\nexport const run = (u) => E.isRight(decodeSnapshot(u))\n",
)
const eithers = withApp.inputs.filter((f) => /fp-ts\/(lib|es6)\/Either\.js$/.test(f))
console.log(`an app importing fp-ts/Either as well bundles: ${eithers.join(', ')}`)
const cjs = lib.inputs.filter((f) => /fp-ts\/lib\/|io-ts\/lib\//.test(f))
let failed = false
if (lib.gz > LIMIT) {
  console.error('over the browser size limit')
  failed = true
}
if (eithers.length !== 1) {
  console.error('two copies of fp-ts/Either')
  failed = true
}
if (cjs.length > 0) {
  console.error(`CommonJS modules of fp-ts or io-ts in the browser bundle: ${cjs.join(', ')}`)
  failed = true
}
if (failed) process.exit(1)
