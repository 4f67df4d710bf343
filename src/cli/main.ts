#!/usr/bin/env node
/**
 * The `account-closure` executable: runs the command line on this process's streams.
 * A closed standard output (`| head`) ends it quietly with the status the answer has.
 *
 * @internal
 */
import { answerWith } from './batch.js'
import { serveBatch } from './pool.js'
import { EXIT, run } from './run.js'

// started again as a worker thread of `batch`, it answers lines and nothing else
if (!serveBatch(answerWith)) main()

function main(): void {
  // a reader that went away is not a fault: writes after it are dropped, the answer stands
  process.stdout.on('error', () => undefined)
  process.stderr.on('error', () => undefined)

  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }
  run(process.argv.slice(2), { ...io, batchWorker: new URL(import.meta.url) })
    .then((code) => {
      process.exitCode = code
    })
    .catch((e: unknown) => {
      process.stderr.write(`account-closure: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
      process.exitCode = EXIT.internal
    })
}
