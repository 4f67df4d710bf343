#!/usr/bin/env node
/**
 * The `account-closure` executable: runs the command line on this process's streams.
 * A closed standard output (`| head`) ends it quietly with the status the answer has.
 *
 * @internal
 */
import { isMainThread, workerData } from 'node:worker_threads'

import { escapeText } from './escape.js'
import { firstLine } from './rules.js'
import { EXIT, run } from './run.js'

const isBatchWorker = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'account-closure/batch'

// started again as a worker thread of `batch`, it answers lines and nothing else (loaded only then)
if (!isMainThread && isBatchWorker(workerData))
  void import('./worker.js').then((w) => w.serve(workerData as Parameters<typeof w.serve>[0]))
else main()

function main(): void {
  // a reader that went away is not a fault: writes after it are dropped, the answer stands (a
  // write that fails otherwise is followed by the command itself, and is exit 74)
  process.stdout.on('error', () => undefined)
  process.stderr.on('error', () => undefined)

  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }
  run(process.argv.slice(2), { ...io, batchWorker: new URL(import.meta.url) })
    .then((code) => {
      process.exitCode = code
    })
    .catch((e: unknown) => {
      // one line, escaped like every other message (the error may carry text from the input or a rules module)
      process.stderr.write(`account-closure: internal error: ${escapeText(firstLine(e))}\n`)
      process.exitCode = EXIT.internal
    })
}
