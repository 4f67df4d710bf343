// The build for bundlers (dist/browser/, one ES module per source module): points its fp-ts
// imports at the bare subpaths (`fp-ts/lib/Either.js` becomes `fp-ts/Either`), so that a bundler
// follows fp-ts's `module` field to its ES modules, the ones an app that imports `fp-ts/Either`
// itself gets, and the app carries one copy of each module. (Node's ESM loader cannot resolve the
// bare subpaths, which is why the Node build keeps `lib/*.js`.) Then writes dist/index.browser.js,
// the entry of the `browser` and `module` conditions, which re-exports dist/browser/index.js.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = 'dist/browser'
let failed = false
for (const entry of readdirSync(root, { recursive: true })) {
  const file = join(root, String(entry))
  if (!file.endsWith('.js')) continue
  const text = readFileSync(file, 'utf8')
  const rewritten = text.replace(/(["'])fp-ts\/lib\/([A-Za-z]+)\.js\1/g, '$1fp-ts/$2$1')
  if (/fp-ts\/lib\//.test(rewritten)) {
    console.error(`${file} still imports fp-ts/lib`)
    failed = true
  }
  if (rewritten !== text) writeFileSync(file, rewritten)
}
writeFileSync('dist/index.browser.js', "export * from './browser/index.js'\n")
if (failed) process.exit(1)
