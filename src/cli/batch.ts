/**
 * `batch`: NDJSON snapshots in, one JSON record out per non-empty line, in order, streaming,
 * in bounded memory whatever a line holds.
 *
 * @internal
 */
import type { Readable, Writable } from 'node:stream'
import { TextDecoder } from 'node:util'

import type { BillingCycleEnd } from '../billing/week.js'
import { decodeError } from '../model/DecodeError.js'
import type { DecodeErrors } from '../model/DecodeError.js'
import { agencyTarget } from '../model/Target.js'
import type { Target } from '../model/Target.js'
import { readSnapshotText } from '../model/text.js'
import { briefWith } from '../closure/closureWith.js'
import { toISOString } from '../model/Instant.js'
import { defaultRules } from '../rules/defaultRules.js'
import { jsonText } from './escape.js'
import { lines } from './lines.js'
import { answerJob, JobBuilder, Pool } from './pool.js'
import type { Answer, Done, WorkerSettings } from './pool.js'

export interface BatchOptions {
  readonly agency: string | undefined
  readonly billingCycleEnd: BillingCycleEnd
  readonly maxLineBytes: number
  /**
   * Worker threads to answer lines on: how many, and the script they run (the command's own).
   * Without them, or with fewer than 2, lines are answered on this thread.
   */
  readonly threads?: { readonly count: number; readonly script: URL }
  /** Called now and then with the number of lines answered (for a progress display). */
  readonly progress?: (lines: number) => void
}

export interface Tally {
  lines: number
  closable: number
  blocked: number
  invalid: number
}

/** How much output is gathered before it is written. */
const CHUNK = 64 * 1024

/** The first errors of a line, and how many there were in all. */
const MAX_ERRORS = 100

const utf8 = new TextDecoder('utf-8', { fatal: true })
const brief = briefWith(defaultRules)

type Outcome = { readonly kind: 'closable' | 'blocked' | 'invalid'; readonly json: string }

const failure = (line: number, error: 'not-json' | 'invalid' | 'too-large', errors: DecodeErrors, userId?: string): Outcome => {
  // decodeSnapshot lists at most MAX_ERRORS and then one error at '' that counts the rest
  const last = errors[errors.length - 1]
  const more = errors.length > MAX_ERRORS && last !== undefined ? Number(/^(\d+) more$/.exec(last.found)?.[1] ?? 0) : 0
  const listed = more > 0 ? errors.slice(0, MAX_ERRORS) : errors
  return {
    kind: 'invalid',
    json: jsonText({
      line,
      ...(userId === undefined ? {} : { userId }),
      error,
      errors: listed,
      errorCount: listed.length + more,
    }),
  }
}

/** The record of one line: a verdict in brief, or why it is not a snapshot. */
export const summarise = (bytes: Uint8Array, line: number, target: Target | undefined, billingCycleEnd: BillingCycleEnd): Outcome => {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return failure(line, 'not-json', [decodeError('', 'UTF-8 text', 'bytes that are not UTF-8')])
  }
  const read = readSnapshotText(text, { maxErrors: MAX_ERRORS })
  if (read._tag === 'NotJson') return failure(line, 'not-json', read.errors)
  if (read._tag === 'Invalid') return failure(line, 'invalid', read.errors)
  const a = brief(read.snapshot, target, { billingCycleEnd })
  const closable = a.blockers.length === 0
  return {
    kind: closable ? 'closable' : 'blocked',
    json: jsonText({
      line,
      userId: read.snapshot.user.id,
      path: a.path,
      closable,
      blockers: a.blockers.map((b) => b._tag),
      earliestAt: a.earliest._tag === 'Some' ? toISOString(a.earliest.value) : null,
    }),
  }
}

/** A line's bytes, without the byte-order mark that may start the input. */
const withoutBom = (line: number, b: Uint8Array): Uint8Array =>
  line === 1 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b

const isBlank = (b: Uint8Array): boolean => {
  for (const c of b) if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false
  return true
}

/** Resolves when the stream can take more, or will never again. */
const drained = (output: Writable): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      output.off('drain', done)
      output.off('close', done)
      output.off('error', done)
      resolve()
    }
    output.on('drain', done)
    output.on('close', done)
    output.on('error', done)
  })

/** How each line is answered, on whichever thread answers it. */
export const answerWith = (settings: Omit<WorkerSettings, 'role'>): Answer => {
  const target = settings.agency === undefined ? undefined : agencyTarget(settings.agency)
  return (bytes, line) =>
    typeof bytes === 'number'
      ? failure(line, 'too-large', [decodeError('', `a line of at most ${settings.maxLineBytes} bytes`, `${bytes} bytes`)])
      : summarise(bytes, line, target, settings.billingCycleEnd)
}

/** A job is sent once it holds this many lines or bytes. */
const JOB_LINES = 256
const JOB_BYTES = 1024 * 1024

/**
 * Streams `input` to `output`, one record per non-empty line; stops early, quietly, when the
 * output is closed. Resolves to the tally of what was answered. Lines are answered in jobs of a
 * few hundred; with `threads`, on worker threads, with the same output.
 */
export const batch = async (input: Readable, output: Writable, options: BatchOptions): Promise<Tally> => {
  const tally: Tally = { lines: 0, closable: 0, blocked: 0, invalid: 0 }
  const settings = { agency: options.agency, billingCycleEnd: options.billingCycleEnd, maxLineBytes: options.maxLineBytes }
  const answer = answerWith(settings)
  const threads = options.threads
  const workers = threads === undefined ? 1 : Math.max(1, threads.count)
  // a reader that went away (| head) ends the batch quietly
  let closed = false
  const onClosed = (): void => {
    closed = true
  }
  output.on('error', onClosed)
  output.on('close', onClosed)
  const open = (): boolean => !closed && output.writable
  // records are written in chunks: one write per line costs more than answering it
  let pending = ''
  const put = async (text: string): Promise<void> => {
    pending += text
    if (pending.length >= CHUNK) {
      const chunk = pending
      pending = ''
      if (!output.write(chunk)) await drained(output)
    }
  }
  const count = (d: Omit<Done, 'id' | 'text'>, lastLine: number): void => {
    tally.closable += d.closable
    tally.blocked += d.blocked
    tally.invalid += d.invalid
    if (options.progress !== undefined && Math.floor(lastLine / 1000) > Math.floor(tally.lines / 1000)) options.progress(lastLine)
    tally.lines = lastLine
  }

  let pool: Pool | undefined
  const job = new JobBuilder()
  let jobs = 0
  let lastLine = 0
  const underway: Array<{ readonly done: Promise<Done>; readonly lastLine: number }> = []
  const writeFirst = async (): Promise<void> => {
    const first = underway.shift()
    if (first === undefined) return
    const d = await first.done
    if (!open()) return
    count(d, first.lastLine)
    await put(d.text)
  }
  /** Answers the job filled so far: on a worker, or here with one thread, and for an input shorter than one job. */
  const send = async (last: boolean): Promise<void> => {
    if (job.count === 0) return
    const taken = job.take(jobs++)
    // (starting threads for a short input would cost more than it saves)
    if (pool === undefined && (workers === 1 || last)) {
      const d = answerJob(taken, answer)
      count(d, lastLine)
      return put(d.text)
    }
    pool ??= new Pool((threads as { readonly script: URL }).script, workers, settings)
    underway.push({ done: pool.run(taken), lastLine })
    if (underway.length >= 2 * workers) await writeFirst()
  }
  try {
    for await (const l of lines(input, options.maxLineBytes)) {
      if (!open()) break
      lastLine = l.line
      if (l._tag === 'TooLarge') job.addTooLarge(l.line, l.bytes)
      else {
        const bytes = withoutBom(l.line, l.bytes)
        if (!isBlank(bytes)) job.add(l.line, bytes)
      }
      if (job.count >= JOB_LINES || job.bytes >= JOB_BYTES) await send(false)
    }
    if (open()) await send(true)
    while (underway.length > 0 && open()) await writeFirst()
    if (open()) {
      tally.lines = lastLine
      if (pending.length > 0) output.write(pending)
    }
  } finally {
    output.off('error', onClosed)
    output.off('close', onClosed)
    await pool?.close()
  }
  return tally
}
