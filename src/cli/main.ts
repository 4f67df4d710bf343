#!/usr/bin/env node
/**
 * The `account-closure` executable: runs the command line on this process's streams.
 * A closed standard output (`| head`) ends it quietly with the status the answer has.
 *
 * @internal
 */
import { EXIT, run } from './run.js'

// a reader that went away is not a fault: writes after it are dropped, the answer stands
process.stdout.on('error', () => undefined)
process.stderr.on('error', () => undefined)

run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env })
  .then((code) => {
    process.exitCode = code
  })
  .catch((e: unknown) => {
    process.stderr.write(`account-closure: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = EXIT.internal
  })
