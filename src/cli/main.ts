#!/usr/bin/env node
/**
 * The `account-closure` executable: runs the command line on this process's streams.
 * A closed standard output (`| head`) ends it quietly with the status the answer has.
 *
 * @internal
 */
import { escapeText } from './escape.js'
import { firstLine } from './failure.js'
import { progress, statusChanged, stoppedEarly, thrownOutside } from './guard.js'
import { loadMore } from './loadMore.js'
import { EXIT, run } from './run.js'
import { WORKER_ARG } from './workerArg.js'

// started again as a worker thread of `batch` (with the argument the pool gives its workers), it
// answers lines and nothing else; more.ts (and node:worker_threads) load only then
if (process.argv[2] === WORKER_ARG)
  void loadMore().then((w) => {
    const settings = w.workerSettings()
    // (the argument given on a command line, not by the pool: an unknown option, said as usual)
    return settings === undefined ? main() : w.serve(settings)
  })
else main()

function main(): void {
  // a reader that went away is not a fault: writes after it are dropped, the answer stands (a
  // write that fails otherwise is followed by the command itself, and is exit 74)
  process.stdout.on('error', () => undefined)
  process.stderr.on('error', () => undefined)

  /** One line on standard error, escaped (it may carry text from a rules module), and status 70 from now on. */
  const fail = (line: string): void => {
    // (said once: a status of 70 is the command's from then on)
    if (progress.code !== EXIT.internal) process.stderr.write(`account-closure: ${escapeText(line)}\n`)
    progress.code = EXIT.internal
    process.exitCode = EXIT.internal
  }
  // a process about to end without the command's status: before the command has one (a rules
  // module whose loading never ends, one that calls process.exit), or with another one (a rules
  // module's timer calling process.exit, or setting process.exitCode, after the answer): 70
  process.on('exit', (code) => {
    if (progress.code === undefined) fail(stoppedEarly(progress))
    else if (code !== progress.code) fail(statusChanged(progress, code))
  })
  // thrown where no call of the command could catch it (a rules module's timer, a promise no one
  // waited for), even after the answer was written: one line, status 70, and nothing more runs
  const thrown = (e: unknown): void => {
    fail(thrownOutside(progress, firstLine(e)))
    process.exit()
  }
  process.on('uncaughtException', thrown)
  process.on('unhandledRejection', thrown)

  const io = {
    // made when first read: standard input's stream costs a few milliseconds to set up, and
    // `check FILE` never reads it
    get stdin() {
      return process.stdin
    },
    // (what standard input is, a folder or a file of some size, is asked of its descriptor)
    stdinFd: 0,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    batchWorker: new URL(import.meta.url),
  }
  run(process.argv.slice(2), io)
    .then((code) => {
      progress.code = code
      process.exitCode = code
    })
    .catch((e: unknown) => {
      // one line, escaped like every other message (the error may carry text from the input or a rules module)
      fail(`internal error: ${firstLine(e)}`)
    })
}
