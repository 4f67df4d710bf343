#!/usr/bin/env node
/**
 * The `account-closure` executable's first file. It runs the command, `dist/cli-main.cjs` beside
 * its real file, compiled with the V8 code cache that the build wrote next to it
 * (`dist/cli-main.cache`: the bytes of `cli-main.cjs` that V8 compiled, then V8's data). The cache
 * is used only when its first part is exactly the bytes of `cli-main.cjs` now, and V8 takes it
 * only from the same V8 version with the same flags; in every other case the command is compiled
 * as Node would compile it, and runs the same. Nothing is ever written at run time.
 *
 * Required rather than run (the build's `scripts/code-cache.mjs` does so to write the cache), it
 * starts nothing and gives the functions that compile and run the command, so that the cache is
 * made from the very text this file compiles.
 *
 * @internal
 */
import { readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Script } from 'node:vm'

import { escapeText } from './escape.js'
import { firstLine } from './failure.js'

/** The command's file and its cache, beside this file's real path (its symbolic links resolved). */
export const filesOf = (bin: string): { readonly main: string; readonly cache: string } => {
  const dir = dirname(realpathSync(bin))
  return { main: join(dir, 'cli-main.cjs'), cache: join(dir, 'cli-main.cache') }
}

/**
 * The command compiled: its text wrapped as Node wraps a CommonJS module, with `cache`'s V8 data
 * when `cache` starts with the command's bytes. `usable` says whether it did (V8 may still refuse
 * the data: `script.cachedDataRejected`).
 */
export const compiled = (main: string, cache: Uint8Array | undefined) => {
  const bytes = readFileSync(main)
  const usable = cache !== undefined && cache.length > bytes.length && bytes.equals(cache.subarray(0, bytes.length))
  const text = `(function (exports, require, module, __filename, __dirname) { ${bytes.toString('utf8')}\n})`
  const script = usable ? new Script(text, { filename: main, cachedData: cache.subarray(bytes.length) }) : new Script(text, { filename: main })
  return { script, bytes, usable }
}

/**
 * Runs the compiled command as the CommonJS module `main`. It requires Node's own modules and
 * files by absolute path only, so this file's `require` serves it (`node:module`'s
 * `createRequire` would load Node's ES module loader, a few milliseconds of every start).
 */
export const start = (script: Script, main: string): void => {
  const module = { exports: {} }
  const run = script.runInThisContext() as (e: object, r: NodeRequire, m: object, f: string, d: string) => void
  run.call(module.exports, module.exports, require, module, main, dirname(main))
}

const readIfThere = (file: string): Buffer | undefined => {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

if (require.main === module) {
  let files: ReturnType<typeof filesOf> | undefined
  let script: Script | undefined
  try {
    files = filesOf(__filename)
    script = compiled(files.main, readIfThere(files.cache)).script
  } catch (e) {
    // the command's own file missing or unreadable: the command's fault (70), in one line
    process.stderr.write(`account-closure: internal error: ${escapeText(`cannot load ${files?.main ?? 'cli-main.cjs'}: ${firstLine(e)}`)}\n`)
    process.exitCode = 70
  }
  if (files !== undefined && script !== undefined) start(script, files.main)
}
