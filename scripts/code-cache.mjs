// Writes dist/cli-main.cache, the V8 code cache the bin (dist/cli.cjs) compiles the command with:
// the bytes of dist/cli-main.cjs, then V8's data for it. Run by `npm run build` after tsup.
//
// The data is made by a child Node that compiles the command exactly as the bin does (with the
// bin's own `compiled`), runs `check` on an example snapshot so that the functions a `check` calls
// are compiled too, and writes the cache as it exits. This process then compiles the command with
// that cache as the bin would, and removes it if V8 refuses it (the bin then compiles as Node
// would; nothing changes but the time). The cache holds only for this Node's V8 and flags: on
// any other, V8 refuses it and the bin compiles the command itself.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'

const require = createRequire(import.meta.url)
const bin = resolve('dist/cli.cjs')
const { filesOf, compiled, start } = require(bin)
const { main, cache } = filesOf(bin)

if (process.argv[2] === '--train') {
  const { script, bytes } = compiled(main, undefined)
  process.argv = [process.argv[0], bin, 'check', resolve('examples/snapshots/client-owner-mid-week.json')]
  process.on('exit', () => writeFileSync(cache, Buffer.concat([bytes, script.createCachedData()])))
  start(script, main)
} else {
  rmSync(cache, { force: true })
  const r = spawnSync(process.execPath, [resolve('scripts/code-cache.mjs'), '--train'], { stdio: ['ignore', 'ignore', 'inherit'] })
  // (the example is blocked: `check` exits 1)
  if (r.status !== 1) throw new Error(`the code cache's run of check exited ${r.status}`)
  const { script, usable } = compiled(main, readFileSync(cache))
  if (!usable || script.cachedDataRejected !== false) {
    rmSync(cache, { force: true })
    console.warn('code cache: V8 refused the data it just made; the bin compiles the command without one')
  }
}
