// Points the bundler build's fp-ts imports at the bare subpaths (`fp-ts/lib/Either.js` becomes
// `fp-ts/Either`): a bundler then follows fp-ts's `module` field to its ES modules, the ones an app
// that imports `fp-ts/Either` itself gets, so that the app carries one copy of each module. (Node's
// ESM loader cannot resolve the bare subpaths, which is why the Node build keeps `lib/*.js`.)
import { readFileSync, writeFileSync } from 'node:fs'

const file = 'dist/index.browser.js'
const text = readFileSync(file, 'utf8')
const rewritten = text.replace(/(["'])fp-ts\/lib\/([A-Za-z]+)\.js\1/g, '$1fp-ts/$2$1')
if (/fp-ts\/lib\//.test(rewritten)) {
  console.error(`${file} still imports fp-ts/lib`)
  process.exit(1)
}
writeFileSync(file, rewritten)
