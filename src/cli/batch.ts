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

export interface BatchOptions {
  readonly agency: string | undefined
  readonly billingCycleEnd: BillingCycleEnd
  readonly maxLineBytes: number
  /** Called now and then with the number of lines read (for a progress display). */
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
export const summarise = (bytes: Buffer, line: number, target: Target | undefined, billingCycleEnd: BillingCycleEnd): Outcome => {
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

const isBlank = (b: Buffer): boolean => {
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

/**
 * Streams `input` to `output`, one record per non-empty line; stops early, quietly, when the
 * output is closed. Resolves to the tally of what was answered.
 */
export const batch = async (input: Readable, output: Writable, options: BatchOptions): Promise<Tally> => {
  const tally: Tally = { lines: 0, closable: 0, blocked: 0, invalid: 0 }
  const target = options.agency === undefined ? undefined : agencyTarget(options.agency)
  // a reader that went away (| head) ends the batch quietly
  let closed = false
  const onClosed = (): void => {
    closed = true
  }
  output.on('error', onClosed)
  output.on('close', onClosed)
  let pending = ''
  const flush = (): boolean => {
    const text = pending
    pending = ''
    return output.write(text)
  }
  try {
    for await (const l of lines(input, options.maxLineBytes)) {
      if (closed || !output.writable) break
      tally.lines = l.line
      if (options.progress !== undefined && l.line % 1000 === 0) options.progress(l.line)
      let outcome: Outcome
      if (l._tag === 'TooLarge') {
        outcome = failure(l.line, 'too-large', [
          decodeError('', `a line of at most ${options.maxLineBytes} bytes`, `${l.bytes} bytes`),
        ])
      } else {
        // a byte-order mark at the start of the input is ignored
        const bytes = l.line === 1 && l.bytes[0] === 0xef && l.bytes[1] === 0xbb && l.bytes[2] === 0xbf ? l.bytes.subarray(3) : l.bytes
        if (isBlank(bytes)) continue
        outcome = summarise(bytes, l.line, target, options.billingCycleEnd)
      }
      tally[outcome.kind]++
      // records are written in chunks: one write per line costs more than answering it
      pending += `${outcome.json}\n`
      if (pending.length >= CHUNK && !flush()) await drained(output)
    }
    if (pending.length > 0 && !closed && output.writable) flush()
  } finally {
    output.off('error', onClosed)
    output.off('close', onClosed)
  }
  return tally
}
