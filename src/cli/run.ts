/**
 * The command line: the only part of the package that reads files and standard streams, and
 * prints. It never throws for bad input or for a fault of its surroundings.
 *
 * @internal
 */
import { constants } from 'node:buffer'
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import type { Readable, Writable } from 'node:stream'
import { TextDecoder } from 'node:util'

import { version } from '../../package.json'
import { decodeError } from '../model/DecodeError.js'
import { safely } from '../model/struct.js'
import { agencyTarget } from '../model/Target.js'
import { readSnapshotText } from '../model/text.js'
import type { TextResult } from '../model/text.js'
import { defaultRules, verdict } from '../defaults.js'
import { MAX_JOBS, parseArgs, USAGE } from './args.js'
import type { Command } from './args.js'
import { escapeJson, escapeText } from './escape.js'
import { jsonChunks } from './json.js'
import { output } from './output.js'
import type { Outcome } from './output.js'
import { colours, plain, report } from './report.js'
import { ruleFailure } from './failure.js'
import { progress } from './guard.js'
import { batchNote, checkNote, declaredBy, unreadIn } from './unread.js'
import { loadMore } from './loadMore.js'
import type { AnyRule, Loaded } from './rules.js'
import type { Closure } from '../closure/policy.js'
import type { BlockerBase } from '../engine/Blocker.js'
import type { StepBase } from '../engine/Step.js'

export interface Io {
  readonly stdin: Readable & { readonly isTTY?: boolean }
  readonly stdout: Writable & { readonly isTTY?: boolean }
  readonly stderr: Writable & { readonly isTTY?: boolean }
  readonly env: Readonly<Record<string, string | undefined>>
  /** The script `batch` may start worker threads with (the command's own); none: one thread. */
  readonly batchWorker?: URL
  /** Standard input's file descriptor, if it has one: what it is (a folder, a file of some size) is asked of it before reading. */
  readonly stdinFd?: number
  /** The most bytes `check` reads as one snapshot: {@link MAX_SNAPSHOT_BYTES} (smaller only in tests). */
  readonly maxSnapshotBytes?: number
}

/**
 * The most bytes `check` reads as one snapshot: as many as the longest string JavaScript can hold
 * has UTF-16 units, 512 MiB less 24 on a 64-bit Node. Text within it always fits in one string
 * (UTF-8 never decodes to more units than it has bytes); text past it might still fit (non-ASCII
 * text decodes to fewer units), but past it reading stops, so that memory stays bounded: such a
 * snapshot is refused as too large (its facts belong in smaller snapshots, or in `batch`).
 */
export const MAX_SNAPSHOT_BYTES: number = constants.MAX_STRING_LENGTH

/**
 * Exit statuses: the answer (0, 1), an invalid snapshot (2), and the sysexits codes for wrong
 * usage (64), input that cannot be read (66), a failure inside (70: a rule, or the command) and
 * output that cannot be written (74).
 */
export const EXIT = { closable: 0, blocked: 1, invalid: 2, usage: 64, noInput: 66, internal: 70, ioError: 74 } as const

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** A snapshot's bytes; or it has more than the most `check` reads (`tooLarge`: how many bytes were seen, at least); or why it cannot be read. */
type Read = { readonly bytes: Buffer } | { readonly tooLarge: number } | { readonly error: string }

/** A stream's bytes, up to `max`: reading stops (and the stream is ended) past it, so memory stays bounded. */
const readAll = async (stream: Readable, max: number): Promise<Read> => {
  const chunks: Array<Buffer> = []
  let size = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += bytes.length
    // (leaving the loop ends the stream)
    if (size > max) return { tooLarge: size }
    chunks.push(bytes)
  }
  return { bytes: Buffer.concat(chunks, size) }
}

const codeOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : ''

const describeReadError = (file: string, e: unknown): string => {
  const code = codeOf(e)
  return code === 'ENOENT'
    ? `no such file: ${file}`
    : code === 'EISDIR'
      ? `${file} is a folder, not a file`
      : code === 'EACCES' || code === 'EPERM'
        ? `no permission to read ${file}`
        : `cannot read ${file}${code === '' ? '' : ` (${code})`}`
}

/**
 * Opens a file for reading as a stream; a folder or anything unreadable is an error value. (The
 * synchronous calls of `node:fs`: `node:fs/promises` costs a few milliseconds more to load.)
 */
const openFile = (file: string): { readonly stream: Readable } | { readonly error: string } => {
  try {
    const fd = openSync(file, 'r')
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd)
      return { error: describeReadError(file, { code: 'EISDIR' }) }
    }
    return { stream: createReadStream(file, { fd }) }
  } catch (e) {
    return { error: describeReadError(file, e) }
  }
}

/** How much of a file is read at a time. */
const READ_CHUNK = 1024 * 1024

/**
 * A whole file's bytes, up to `max` (a file larger than that by its size is not read at all;
 * endless input, `/dev/zero`, is read only to just past it), or what kept it from being read (a
 * folder, no such file, no permission…).
 */
const readFile = (file: string, max: number): Read => {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (e) {
    return { error: describeReadError(file, e) }
  }
  try {
    const s = fstatSync(fd)
    if (s.isDirectory()) return { error: describeReadError(file, { code: 'EISDIR' }) }
    if (s.isFile() && s.size > max) return { tooLarge: s.size }
    const chunks: Array<Buffer> = []
    let size = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, max + 1 - size))
      const n = readSync(fd, chunk, 0, chunk.length, null)
      if (n === 0) break
      size += n
      if (size > max) return { tooLarge: size }
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n))
    }
    return { bytes: Buffer.concat(chunks, size) }
  } catch (e) {
    return { error: describeReadError(file, e) }
  } finally {
    closeSync(fd)
  }
}

/** What keeps standard input from being read before reading it (a folder: Node would read it as empty); its size if it is a file. */
const stdinIs = (io: Io): { readonly error: string } | { readonly size: number | undefined } => {
  if (io.stdinFd === undefined) return { size: undefined }
  try {
    const s = fstatSync(io.stdinFd)
    if (s.isDirectory()) return { error: 'standard input cannot be read: it is a folder, not a file (EISDIR)' }
    return { size: s.isFile() ? s.size : undefined }
  } catch {
    // (a descriptor that cannot be asked: reading it says what is wrong)
    return { size: undefined }
  }
}

/** Writes a line; a closed stream swallows it quietly. */
const say = (stream: Writable, text: string): void => {
  if (!stream.writable) return
  stream.write(text.endsWith('\n') ? text : `${text}\n`)
}

/** The status once output has ended: a write that failed is said, and is exit 74; a closed pipe keeps the answer's. */
const ended = (io: Io, outcome: Outcome, answer: number): number => {
  if (outcome._tag !== 'Failed') return answer
  say(io.stderr, `account-closure: cannot write the output: ${escapeText(outcome.why)}`)
  return EXIT.ioError
}

/** The rules of `--rules`, or the status to exit with (said on standard error). */
const rulesOf = async (io: Io, module: string | undefined): Promise<Extract<Loaded, { readonly _tag: 'Rules' }> | number | undefined> => {
  if (module === undefined) return undefined
  // (loaded only here: `check` without --rules starts without it, nor the decoders and schemas it needs)
  const { loadRules } = await loadMore()
  // a module whose loading never ends leaves nothing to run: the process would end without an answer
  progress.rules = module
  progress.waitingFor = `the rules module ${module} never finished loading`
  const loaded = await loadRules(module, defaultRules.map((r) => r.id))
  progress.waitingFor = undefined
  if (loaded._tag === 'Rules') return loaded
  say(io.stderr, `account-closure: ${escapeText(loaded.why)}`)
  return loaded.exit === 'noInput' ? EXIT.noInput : EXIT.usage
}

/** A verdict of the default rules, or of more. */
type Ask = Closure<BlockerBase, StepBase>['verdict']

/**
 * The verdict of the default rules and a module's (`closureWith`, loaded only for `--rules`, with
 * the default rules of the same file), the list checked when asked: a list it refuses is thrown there.
 */
const verdictWith = async (own: ReadonlyArray<AnyRule>): Promise<Ask> => {
  const more = await loadMore()
  return (snapshot, target, options) => more.closureWith([...more.defaultRules, ...own]).verdict(snapshot, target, options)
}

/** A rule that failed: one line naming it, exit 70; any other error is thrown on. */
const ruleFailed = (io: Io, e: unknown): number => {
  const failed = ruleFailure(e)
  if (failed === undefined) throw e
  say(io.stderr, `account-closure: rule ${escapeText(failed.rule)} failed: ${escapeText(failed.message.replace(`rule ${failed.rule} failed: `, ''))}`)
  return EXIT.internal
}

/** Writes JSON text in chunks, escaped, each after the stream has taken the one before. */
const writeJson = async (out: ReturnType<typeof output>, value: unknown): Promise<void> => {
  for (const chunk of jsonChunks(value, 2)) {
    if (!out.open()) return
    await out.write(escapeJson(chunk))
  }
  await out.write('\n')
}

const usage = (io: Io, why: string): number => {
  say(io.stderr, `account-closure: ${escapeText(why)}\n${USAGE.split('\n').slice(0, 4).join('\n')}\nRun account-closure --help for more.`)
  return EXIT.usage
}

const check = async (command: Extract<Command, { readonly _tag: 'Check' }>, io: Io): Promise<number> => {
  if (command.file === undefined && io.stdin.isTTY === true)
    return usage(io, 'check reads a snapshot from FILE, or from standard input: name a file, or pipe one in')
  const own = await rulesOf(io, command.rules)
  if (typeof own === 'number') return own
  const file = command.file ?? '-'
  const max = io.maxSnapshotBytes ?? MAX_SNAPSHOT_BYTES
  let got: Read
  if (file === '-') {
    const stdin = stdinIs(io)
    got = 'error' in stdin ? stdin : stdin.size !== undefined && stdin.size > max ? { tooLarge: stdin.size } : await readAll(io.stdin, max)
  } else got = readFile(file, max)
  if ('error' in got) {
    say(io.stderr, `account-closure: ${escapeText(got.error)}`)
    return EXIT.noInput
  }
  if ('tooLarge' in got) {
    say(io.stderr, `account-closure: the snapshot is too large to be one JSON text: more than ${max} bytes (check reads one snapshot; for many, use batch, one snapshot per line)`)
    if (!command.json) return EXIT.invalid
    const out = output(io.stdout)
    await writeJson(out, { errors: [decodeError('', `one JSON text of at most ${max} bytes`, `more than ${max} bytes`)] })
    return ended(io, await out.end(), EXIT.invalid)
  }
  const bytes = got.bytes
  const text = safely(() => utf8.decode(bytes), undefined)
  const read: TextResult =
    text === undefined
      ? { _tag: 'NotJson', errors: [decodeError('', 'UTF-8 text', 'bytes that are not UTF-8')], errorCount: 1 }
      : (own?.read ?? readSnapshotText)(text)
  if (read._tag !== 'Snapshot') {
    const lead = read._tag === 'NotJson' ? 'the snapshot is not JSON' : 'the snapshot is not valid'
    say(io.stderr, `account-closure: ${lead}:`)
    for (const err of read.errors) say(io.stderr, `  ${escapeText(err.message)}`)
    if (!command.json) return EXIT.invalid
    const out = output(io.stdout)
    await writeJson(out, { errors: read.errors })
    return ended(io, await out.end(), EXIT.invalid)
  }
  const target = command.agency === undefined ? undefined : agencyTarget(command.agency)
  // the built-in rules' own verdict, or one of the default rules and the module's (checked as a list by closureWith)
  const ask: Ask = own === undefined ? verdict : await verdictWith(own.rules)
  let v
  try {
    // UTC is the verdict's own default: named, it would be checked by building an Intl format (tens of ms at start-up)
    const zone = command.timeZone === 'UTC' ? {} : { timeZone: command.timeZone }
    v = ask(read.snapshot, target, { billingCycleEnd: command.billingCycleEnd, ...zone })
  } catch (e) {
    return ruleFailed(io, e)
  }
  const answer = v.closable ? EXIT.closable : EXIT.blocked
  const unread = unreadIn(read.snapshot.extensions, declaredBy(own?.rules ?? []))
  if (unread !== undefined) say(io.stderr, checkNote(unread))
  const out = output(io.stdout)
  if (command.json) await writeJson(out, v)
  else {
    const colour = io.stdout.isTTY === true && (io.env['NO_COLOR'] ?? '') === ''
    let text
    try {
      // (the report reads only what every blocker and step has)
      text = report(v as Parameters<typeof report>[0], colour ? colours : plain, command.timeZone, read.snapshot)
    } catch (e) {
      return ruleFailed(io, e)
    }
    await out.write(text)
  }
  return ended(io, await out.end(), answer)
}

const runBatch = async (command: Extract<Command, { readonly _tag: 'Batch' }>, io: Io): Promise<number> => {
  if (command.file === undefined && io.stdin.isTTY === true)
    return usage(io, 'batch reads NDJSON from FILE, or from standard input: name a file, or pipe one in')
  // loaded only here, so that check starts without it
  const { batch, WorkerFailure } = await loadMore()
  const own = await rulesOf(io, command.rules)
  if (typeof own === 'number') return own
  let input: Readable
  const file = command.file ?? '-'
  if (file === '-') {
    const stdin = stdinIs(io)
    if ('error' in stdin) {
      say(io.stderr, `account-closure: ${stdin.error}`)
      return EXIT.noInput
    }
    input = io.stdin
  } else {
    const opened = openFile(file)
    if ('error' in opened) {
      say(io.stderr, `account-closure: ${escapeText(opened.error)}`)
      return EXIT.noInput
    }
    input = opened.stream
  }
  const progress = io.stderr.isTTY === true ? (n: number) => void io.stderr.write(`\r${n} lines read`) : undefined
  let tally
  const answered = { invalid: 0, failed: 0, unreadKeys: new Set<string>() }
  const out = output(io.stdout)
  try {
    tally = await batch(input, out, {
      agency: command.agency,
      billingCycleEnd: command.billingCycleEnd,
      maxLineBytes: command.maxLineBytes,
      answered,
      ...(own === undefined ? {} : { rules: own }),
      ...(progress === undefined ? {} : { progress }),
      ...(io.batchWorker === undefined
        ? {}
        : { threads: { count: command.jobs ?? Math.min(availableParallelism(), MAX_JOBS), script: io.batchWorker } }),
    })
  } catch (e) {
    // a worker thread that failed or stopped (exit 70): said in one line, naming the rules module when it is the cause
    if (e instanceof WorkerFailure) {
      say(io.stderr, `account-closure: ${escapeText(e.message)}`)
      return EXIT.internal
    }
    // any other error without a code is the command's own fault (exit 70), not the input's
    if (codeOf(e) === '') throw e
    say(io.stderr, `account-closure: ${escapeText(describeReadError(file, e))}`)
    return EXIT.noInput
  } finally {
    input.destroy()
  }
  const outcome = await out.end()
  if (progress !== undefined) io.stderr.write('\r\u001b[K')
  const failed = tally.failed > 0 ? `, ${tally.failed} failed (a rule failed)` : ''
  const summary = `${tally.lines} ${tally.lines === 1 ? 'line' : 'lines'}: ${tally.closable} closable, ${tally.blocked} blocked, ${tally.invalid} invalid${failed}`
  if (outcome._tag === 'Failed') {
    say(io.stderr, `account-closure: cannot write the output: ${escapeText(outcome.why)}; written before it failed: ${summary}`)
    return EXIT.ioError
  }
  say(io.stderr, `account-closure: ${summary}`)
  // (of the lines written, as the summary counts them)
  if (tally.unread > 0) say(io.stderr, batchNote(tally.unread, answered.unreadKeys))
  // a reader that went away early: the status of every line answered, written or not
  const seen = outcome._tag === 'Closed' ? answered : tally
  return seen.failed > 0 ? EXIT.internal : seen.invalid > 0 ? EXIT.invalid : 0
}

/** Writes text to standard output, followed to its end: 0, or 74 when it cannot be written (a closed pipe is not a fault). */
const writeAnswer = async (io: Io, text: string): Promise<number> => {
  const out = output(io.stdout)
  await out.write(text)
  return ended(io, await out.end(), 0)
}

/** Runs the command line; resolves to the exit status. Never throws for bad input. */
export const run = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const parsed = parseArgs(argv)
  if (parsed._tag === 'Left') return usage(io, parsed.left)
  const command = parsed.right
  switch (command._tag) {
    case 'Help':
      return writeAnswer(io, `${USAGE}\n`)
    case 'Version':
      return writeAnswer(io, `${version}\n`)
    case 'Batch':
      return runBatch(command, io)
    case 'Check':
      return check(command, io)
  }
}
