#!/usr/bin/env node
/**
 * The `account-closure` executable: runs the command line on this process's streams.
 *
 * @internal
 */
import { EXIT, run } from './run.js'

run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env })
  .then((code) => {
    process.exitCode = code
  })
  .catch((e: unknown) => {
    process.stderr.write(`account-closure: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = EXIT.internal
  })
