/**
 * `batch`: NDJSON snapshots in, one JSON record out per non-empty line, in order, streaming,
 * in bounded memory whatever a line holds.
 *
 * @internal
 */
import type { Readable } from 'node:stream'
import { TextDecoder } from 'node:util'

import type { BillingCycleEnd, ClosureOptions } from '../model/facts.js'
import { decodeError } from '../model/DecodeError.js'
import type { DecodeErrors } from '../model/DecodeError.js'
import { agencyTarget } from '../model/Target.js'
import type { Target } from '../model/Target.js'
import { readSnapshotText } from '../model/text.js'
import type { TextResult } from '../model/text.js'
import type { DecodeOptions } from '../model/decode.js'
import { writeDecodersEarly } from '../model/struct.js'
import { briefWith } from '../closure/closureWith.js'
import type { Instant } from '../model/Instant.js'
import { defaultRules } from '../defaults.js'
import { escapeJson, jsonText } from './escape.js'
import { lines } from './lines.js'
import type { Output } from './output.js'
import { answerJob, JobBuilder, Pool } from './pool.js'
import type { Answer, Done, Outcome, WorkerSettings } from './pool.js'
import { ruleFailure } from './failure.js'
import { readerFor } from './rules.js'
import { declaredBy, keep, unreadIn } from './unread.js'
import type { AnyRule } from './rules.js'

export interface BatchOptions {
  readonly agency: string | undefined
  readonly billingCycleEnd: BillingCycleEnd
  readonly maxLineBytes: number
  /** Rules of one's own (`--rules`): the module's URL, which worker threads import, its rules, and the module as named. */
  readonly rules?: { readonly url: string; readonly rules: ReadonlyArray<AnyRule>; readonly label?: string }
  /**
   * Worker threads to answer lines on: how many, and the script they run (the command's own).
   * Without them, or with fewer than 2, lines are answered on this thread.
   */
  readonly threads?: { readonly count: number; readonly script: URL }
  /** Called now and then with the number of lines answered (for a progress display). */
  readonly progress?: (lines: number) => void
  /**
   * Counted as lines are answered, written or not: what the exit status says when the reader
   * goes away early (a closed pipe keeps the status the answers so far would have had).
   */
  readonly answered?: Answered
}

/** Lines answered, written or not: invalid ones, those a rule failed on; and (some of) the extension keys no rule reads. */
export interface Answered {
  invalid: number
  failed: number
  readonly unreadKeys: Set<string>
}

/** What was written: how many records of each kind (every non-empty line has one). */
export interface Tally {
  lines: number
  closable: number
  blocked: number
  invalid: number
  /** Lines on which a rule of one's own failed (`rule-failed` records). */
  failed: number
  /** Lines whose snapshot holds extensions that no rule reads (counted among the others too). */
  unread: number
}

/** How much output is gathered before it is written. */
const CHUNK = 64 * 1024

/** The first errors of a line, and how many there were in all. */
const MAX_ERRORS = 100

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** How each line's text is read: the first errors of a line, the same for every line. */
const READ: DecodeOptions = Object.freeze({ maxErrors: MAX_ERRORS })

type Brief = ReturnType<typeof briefWith<AnyRule>>

const failure = (line: number, error: 'not-json' | 'invalid' | 'too-large', errors: DecodeErrors, errorCount: number): Outcome => {
  // the text decoder lists at most MAX_ERRORS, then one error at '' that counts the rest; errorCount counts them all
  const listed = errors.slice(0, MAX_ERRORS)
  return {
    kind: 'invalid',
    json: jsonText({
      line,
      error,
      errors: listed,
      errorCount,
    }),
  }
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

/**
 * An instant as `Date#toISOString` writes it (`2026-11-23T00:00:00.000Z`), by arithmetic: no
 * `Date` per line. Instants lie in 0001-01-01 ≤ t < 9999-01-01, so the year has four digits.
 *
 * @internal
 */
export const isoOf = (at: Instant): string => {
  const ms = at as number
  const days = Math.floor(ms / 86_400_000)
  const inDay = ms - days * 86_400_000
  // the civil date of a day count (days from 1970-01-01), in the proleptic Gregorian calendar
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  const h = Math.floor(inDay / 3_600_000)
  const m = Math.floor(inDay / 60_000) % 60
  const sec = Math.floor(inDay / 1000) % 60
  const milli = inDay % 1000
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}T${pad2(h)}:${pad2(m)}:${pad2(sec)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`
}

/** Whether JSON text is all below U+007F (JSON.stringify escapes C0 itself): nothing to escape for a terminal. */
const plain = (json: string): boolean => {
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) >= 0x7f) return false
  return true
}

/** A string as JSON text, with what a terminal would act on escaped (see `jsonText`). */
const jsonString = (s: string): string => {
  const json = JSON.stringify(s)
  return plain(json) ? json : escapeJson(json)
}

/**
 * The JSON text of tags and paths, by their text: a policy defines a few dozen, and every record
 * names some (the cache is bounded by the tags the policy defines: the engine refuses any other).
 */
const names = new Map<string, string>()
const jsonName = (s: string): string => {
  let json = names.get(s)
  if (json === undefined) names.set(s, (json = jsonString(s)))
  return json
}

/**
 * The record of a line that was answered: the same text as `jsonText` of `{ line, userId, path,
 * closable, blockers, earliestAt }` (those keys in that order), written directly: no object, no
 * array of tags.
 *
 * @internal
 */
export const answeredRecord = (line: number, userId: string, path: string, blockers: ReadonlyArray<{ readonly _tag: string }>, earliest: Instant | undefined): string => {
  let tags = ''
  for (let i = 0; i < blockers.length; i++) tags += `${i === 0 ? '' : ','}${jsonName((blockers[i] as { readonly _tag: string })._tag)}`
  return `{"line":${line},"userId":${jsonString(userId)},"path":${jsonName(path)},"closable":${blockers.length === 0},"blockers":[${tags}],"earliestAt":${earliest === undefined ? 'null' : `"${isoOf(earliest)}"`}}`
}

/**
 * The record of one line: a verdict in brief, or why it is not a snapshot, or the rule that
 * failed on it (`rule-failed`: any other error is the command's own fault, and is thrown).
 */
export const summarise = (
  brief: Brief,
  bytes: Uint8Array,
  line: number,
  target: Target | undefined,
  // made once per batch, not per line
  options: ClosureOptions,
  // the rules' `extensions` decoded by their codecs
  readText: (text: string, options?: DecodeOptions) => TextResult = readSnapshotText,
  // the keys of `extensions` the rules read
  declared: ReadonlySet<string> = NONE,
): Outcome => {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return failure(line, 'not-json', [decodeError('', 'UTF-8 text', 'bytes that are not UTF-8')], 1)
  }
  const read = readText(text, READ)
  if (read._tag === 'NotJson') return failure(line, 'not-json', read.errors, read.errorCount)
  if (read._tag === 'Invalid') return failure(line, 'invalid', read.errors, read.errorCount)
  let a: ReturnType<Brief>
  try {
    a = brief(read.snapshot, target, options)
  } catch (e) {
    const failed = ruleFailure(e)
    if (failed === undefined) throw e
    return { kind: 'failed', json: jsonText({ line, userId: read.snapshot.user.id, error: 'rule-failed', rule: failed.rule, message: failed.message }) }
  }
  const kind = a.blockers.length === 0 ? 'closable' : 'blocked'
  const json = answeredRecord(line, read.snapshot.user.id, a.path, a.blockers, a.earliest._tag === 'Some' ? a.earliest.value : undefined)
  const unread = unreadIn(read.snapshot.extensions, declared)
  return unread === undefined ? { kind, json } : { kind, json, unread }
}

const NONE: ReadonlySet<string> = new Set()

/** A line's bytes, without the byte-order mark that may start the input. */
const withoutBom = (line: number, b: Uint8Array): Uint8Array =>
  line === 1 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b

const isBlank = (b: Uint8Array): boolean => {
  for (const c of b) if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false
  return true
}

/** How each line is answered, on whichever thread answers it. */
export const answerWith = (settings: Omit<WorkerSettings, 'role'>, rules: ReadonlyArray<AnyRule>): Answer => {
  // a batch decodes many snapshots: each struct's own decoder from its first object on
  writeDecodersEarly()
  const target = settings.agency === undefined ? undefined : agencyTarget(settings.agency)
  const brief = briefWith<AnyRule>([...defaultRules, ...rules])
  const read = readerFor(rules)
  const declared = declaredBy(rules)
  const options: ClosureOptions = Object.freeze({ billingCycleEnd: settings.billingCycleEnd })
  return (bytes, line) =>
    typeof bytes === 'number'
      ? failure(line, 'too-large', [decodeError('', `a line of at most ${settings.maxLineBytes} bytes`, `${bytes} bytes`)], 1)
      : summarise(brief, bytes, line, target, options, read, declared)
}

/** A job is sent once it holds this many lines or bytes. */
const JOB_LINES = 256
const JOB_BYTES = 1024 * 1024

/**
 * Streams `input` to `output`, one record per non-empty line; stops early when the output is
 * closed or fails. Resolves to the tally of the records written (a record counts once its text
 * has reached the output, never before). Lines are answered in jobs of a few hundred; with
 * `threads`, on worker threads, with the same output.
 */
export const batch = async (input: Readable, output: Output, options: BatchOptions): Promise<Tally> => {
  const tally: Tally = { lines: 0, closable: 0, blocked: 0, invalid: 0, failed: 0, unread: 0 }
  const settings = {
    agency: options.agency,
    billingCycleEnd: options.billingCycleEnd,
    maxLineBytes: options.maxLineBytes,
    rules: options.rules?.url,
  }
  const answer = answerWith(settings, options.rules?.rules ?? [])
  const threads = options.threads
  const workers = threads === undefined ? 1 : Math.max(1, threads.count)
  // records are written in chunks: one write per line costs more than answering it; a chunk's
  // lines are counted once it is written
  let pending = ''
  let counts: Omit<Tally, 'lines'> = { closable: 0, blocked: 0, invalid: 0, failed: 0, unread: 0 }
  const flush = async (): Promise<void> => {
    const chunk = pending
    const c = counts
    pending = ''
    counts = { closable: 0, blocked: 0, invalid: 0, failed: 0, unread: 0 }
    await output.write(chunk, () => {
      tally.closable += c.closable
      tally.blocked += c.blocked
      tally.invalid += c.invalid
      tally.failed += c.failed
      tally.unread += c.unread
      const before = tally.lines
      tally.lines += c.closable + c.blocked + c.invalid + c.failed
      if (options.progress !== undefined && Math.floor(tally.lines / 1000) > Math.floor(before / 1000)) options.progress(tally.lines)
    })
  }
  const put = async (d: Omit<Done, 'id'>): Promise<void> => {
    pending += d.text
    if (options.answered !== undefined) {
      options.answered.invalid += d.invalid
      options.answered.failed += d.failed
      keep(options.answered.unreadKeys, d.unreadKeys)
    }
    counts.closable += d.closable
    counts.blocked += d.blocked
    counts.invalid += d.invalid
    counts.failed += d.failed
    counts.unread += d.unread
    if (pending.length >= CHUNK) await flush()
  }

  let pool: Pool | undefined
  const job = new JobBuilder()
  let jobs = 0
  const underway: Array<Promise<Done>> = []
  const writeFirst = async (): Promise<void> => {
    const first = underway.shift()
    if (first === undefined) return
    const d = await first
    if (output.open()) await put(d)
  }
  /** Answers the job filled so far: on a worker, or here with one thread, and for an input shorter than one job. */
  const send = async (last: boolean): Promise<void> => {
    if (job.count === 0) return
    const taken = job.take(jobs++)
    // (starting threads for a short input would cost more than it saves)
    if (pool === undefined && (workers === 1 || last)) return put(answerJob(taken, answer))
    pool ??= new Pool((threads as { readonly script: URL }).script, workers, settings, options.rules?.label)
    const reply = pool.run(taken)
    // (a worker may fail while this job waits its turn to be written: the failure is taken when it
    // is awaited, not reported before as a rejection no one handled)
    reply.catch(() => undefined)
    underway.push(reply)
    if (underway.length >= 2 * workers) await writeFirst()
  }
  /** One thread: each line answered as it comes, its record added to the chunk (no job, no copy of its bytes). */
  const answerHere = (line: number, bytes: Uint8Array | number): boolean => {
    const outcome = answer(bytes, line)
    pending += `${outcome.json}\n`
    counts[outcome.kind]++
    if (options.answered !== undefined && (outcome.kind === 'invalid' || outcome.kind === 'failed')) options.answered[outcome.kind]++
    if (outcome.unread !== undefined) {
      counts.unread++
      if (options.answered !== undefined) keep(options.answered.unreadKeys, outcome.unread)
    }
    return pending.length >= CHUNK
  }
  try {
    for await (const group of lines(input, options.maxLineBytes)) {
      for (const l of group) {
        if (!output.open()) break
        if (workers === 1) {
          let full = false
          if (l._tag === 'TooLarge') full = answerHere(l.line, l.bytes)
          else {
            const bytes = withoutBom(l.line, l.bytes)
            if (!isBlank(bytes)) full = answerHere(l.line, bytes)
          }
          if (full) await flush()
          continue
        }
        if (l._tag === 'TooLarge') job.addTooLarge(l.line, l.bytes)
        else {
          const bytes = withoutBom(l.line, l.bytes)
          if (!isBlank(bytes)) job.add(l.line, bytes)
        }
        if (job.count >= JOB_LINES || job.bytes >= JOB_BYTES) await send(false)
      }
      if (!output.open()) break
    }
    if (output.open()) await send(true)
    while (underway.length > 0 && output.open()) await writeFirst()
    if (output.open()) await flush()
    // a worker that failed after it answered its last job (a rules module that threw later) fails the batch all the same
    const failure = pool?.failed()
    if (failure !== undefined) throw failure
  } finally {
    // answers still under way are not waited for: their lines are not written
    for (const u of underway) u.catch(() => undefined)
    await pool?.close()
  }
  // the tally is complete once every write has ended
  await output.end()
  return tally
}
