/**
 * Snapshots as text: I-JSON in, a snapshot or every problem out.
 *
 * `JSON.parse` lets the last of two equal keys win and reads `1.205e4` or `1e-400` as whole
 * numbers; neither may stand in for a fact. {@link decodeSnapshotText} refuses both, with the
 * JSON path, before and beside what {@link decodeSnapshot} checks.
 *
 * @since 0.2.0
 */
import type * as E from 'fp-ts/lib/Either.js'

import { isLeft, isRight, left, right } from './either.js'
import type { AccountSnapshot } from './codecs.js'
import { decodeError, pathTo } from './DecodeError.js'
import type { DecodeError, DecodeErrors } from './DecodeError.js'
import { decodeCounting, errorLimit } from './decode.js'
import type { DecodeOptions, ExtensionDecoding } from './decode.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What reading a text gave: not JSON at all, JSON that is not a valid snapshot, or a snapshot.
 *
 * @category model
 * @since 0.2.0
 */
export type TextResult =
  | { readonly _tag: 'NotJson'; readonly errors: DecodeErrors; readonly errorCount: number }
  | { readonly _tag: 'Invalid'; readonly errors: DecodeErrors; readonly errorCount: number }
  | { readonly _tag: 'Snapshot'; readonly snapshot: AccountSnapshot }

type Segment = string | number

interface Found {
  readonly segments: ReadonlyArray<Segment>
  readonly text: string
}

/**
 * What a scan of valid JSON text finds that `JSON.parse` hides: keys repeated in one object, and
 * numbers written with a fraction or an exponent where an integer belongs; the first of each
 * (up to the limit) with their paths, and how many there were in all.
 */
interface Scan {
  readonly duplicateKeys: ReadonlyArray<Found>
  readonly duplicateCount: number
  readonly inexactNumbers: ReadonlyArray<Found>
  readonly inexactCount: number
}

const render = (segments: ReadonlyArray<Segment>): string => segments.reduce<string>((p, k) => pathTo(p, k), '')

// -------------------------------------------------------------------------------------
// scanning
// -------------------------------------------------------------------------------------

const QUOTE = 34
const BACKSLASH = 92

/** Where the string that opens at `i` closes (the index of its closing quote). */
const stringEnd = (text: string, i: number): number => {
  let q = text.indexOf('"', i + 1)
  for (;;) {
    let slashes = 0
    while (text.charCodeAt(q - 1 - slashes) === BACKSLASH) slashes++
    // after an even number of backslashes, the quote closes the string
    if (slashes % 2 === 0) return q
    q = text.indexOf('"', q + 1)
  }
}

interface Frame {
  /** The keys seen so far in an object; null in an array. */
  readonly keys: Set<string> | null
  /** The key or index of the value being read. */
  at: Segment
}

/**
 * Scans text that `JSON.parse` accepted, for keys repeated in one object and numbers written
 * with a fraction or an exponent where `integerAt` says an integer belongs. Keeps at most
 * `limit` of each, and counts them all. (Only text that the quick check of
 * {@link readSnapshotText} did not clear is scanned.)
 */
const scan = (text: string, limit: number, integerAt: (segments: ReadonlyArray<Segment>) => boolean): Scan => {
  const duplicateKeys: Array<Found> = []
  const inexactNumbers: Array<Found> = []
  let duplicateCount = 0
  let inexactCount = 0
  const stack: Array<Frame> = []
  const segments = (): Array<Segment> => stack.map((f) => f.at)
  let expectKey = false
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const end = stringEnd(text, i)
      if (expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string
        const top = stack[stack.length - 1] as Frame
        const keys = top.keys as Set<string>
        top.at = key
        if (keys.has(key)) {
          duplicateCount++
          if (duplicateKeys.length < limit) duplicateKeys.push({ segments: segments(), text: key })
        } else keys.add(key)
        expectKey = false
      }
      i = end + 1
    } else if (c === 123 /* { */) {
      // (`at` is set by the first key before anything inside is reported)
      stack.push({ keys: new Set(), at: 0 })
      expectKey = true
      i++
    } else if (c === 91 /* [ */) {
      stack.push({ keys: null, at: 0 })
      i++
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop()
      expectKey = false
      i++
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1] as Frame
      if (top.keys === null) top.at = (top.at as number) + 1
      else expectKey = true
      i++
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      let j = i + 1
      let inexact = false
      for (; j < n; j++) {
        const d = text.charCodeAt(j)
        if (d === 46 /* . */ || d === 101 /* e */ || d === 69 /* E */) inexact = true
        else if (!(d === 43 || d === 45 || (d >= 48 && d <= 57))) break
      }
      if (inexact) {
        const at = segments()
        if (integerAt(at)) {
          inexactCount++
          if (inexactNumbers.length < limit) inexactNumbers.push({ segments: at, text: text.slice(i, j) })
        }
      }
      i = j
    } else i++
  }
  return { duplicateKeys, duplicateCount, inexactNumbers, inexactCount }
}

/**
 * The quick check of {@link readText}, in one pass over the text: how many keys are written in
 * it at least, or -1 when a member's value may be a number written with a fraction or an
 * exponent.
 *
 * It visits every colon (`indexOf`, far cheaper than a scan a character at a time). A colon with
 * a quote before it (across JSON whitespace) is counted as a key: in JSON text every key's
 * closing quote is followed by one; elsewhere such a colon can only sit inside a string (after
 * an escaped quote, or as its first character), so the count is never lower than the keys
 * written, or a key written twice (`"disputes" :` with a space before its colon, say) could pass
 * the quick check (test/decoded.test.ts kills every pattern that misses one). After such a
 * colon (across whitespace), a `-`, digits and then `.`, `e` or `E` is a number that may not be
 * an integer literal (or, rarely, text inside a string that looks like one): the full scan
 * decides. Every number a snapshot holds is a member's value.
 */
// Stryker disable next-line BlockStatement: an empty body gives undefined, which never equals the keys read, so every text gets the full scan, with the same answer
const quickCheck = (text: string): number => {
  let keys = 0
  let colon = text.indexOf(':')
  while (colon !== -1) {
    let b = colon - 1
    let c = text.charCodeAt(b)
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(--b)
    if (c === QUOTE) {
      // Stryker disable next-line UpdateOperator: a count of zero or below never equals the keys of a snapshot (eight at least), so the text gets the full scan, with the same answer
      keys++
      let f = colon + 1
      let d = text.charCodeAt(f)
      while (d === 32 || d === 10 || d === 13 || d === 9) d = text.charCodeAt(++f)
      if (d === 45 /* - */) d = text.charCodeAt(++f)
      if (d >= 48 && d <= 57) {
        do d = text.charCodeAt(++f)
        while (d >= 48 && d <= 57)
        if (d === 46 /* . */ || d === 101 /* e */ || d === 69 /* E */) return -1
      }
    }
    colon = text.indexOf(':', colon + 1)
  }
  return keys
}

/**
 * The value at a path of a decoded snapshot, read through own properties only (so `constructor`
 * is not a field); undefined when the path leaves the snapshot. (A path of the text may go where
 * the snapshot holds a leaf: into the first of two values of a repeated key.)
 */
const valueAt = (root: AccountSnapshot, segments: ReadonlyArray<Segment>): unknown => {
  let v: unknown = root
  for (const k of segments) {
    if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, k)) return undefined
    v = (v as Record<Segment, unknown>)[k]
  }
  return v
}

// -------------------------------------------------------------------------------------
// reading
// -------------------------------------------------------------------------------------

const INTEGER = 'a whole number written as an integer literal (no fraction, no exponent)'

/**
 * Reads snapshot text with a checked error limit, and a policy's extension decoding if any.
 *
 * @internal
 */
export const readText = (input: string, limit: number, extensions?: ExtensionDecoding): TextResult => {
  // (bytes are a programming error, not text that fails: a file read without an encoding, say)
  if (typeof input !== 'string')
    throw new TypeError(
      `snapshot text must be a string, not ${ArrayBuffer.isView(input) ? 'bytes: decode them first (new TextDecoder().decode(bytes))' : input === null ? 'null' : `a ${typeof input}`}`,
    )
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return { _tag: 'NotJson', errors: [decodeError('', 'JSON text', `text that is not JSON (${why})`)], errorCount: 1 }
  }
  const { result: decoded, errorCount: decodeCount, counted } = decodeCounting(json, limit, extensions)
  // the common case, cheaply: every key written is a field the snapshot read (so none is written
  // twice in one object), and no field holds a number written with a fraction or an exponent
  if (counted !== undefined && counted.keys === quickCheck(text))
    return { _tag: 'Snapshot', snapshot: counted.snapshot }
  // where an integer belongs: a number the snapshot holds, or (when it did not decode) an amount
  // not reported already; inside `extensions`, numbers are read as JSON reads them
  const reported = isLeft(decoded) ? new Set(decoded.left.map((e) => e.path)) : undefined
  const integerAt = (segments: ReadonlyArray<Segment>): boolean =>
    segments[0] !== 'extensions' &&
    (isRight(decoded)
      ? typeof valueAt(decoded.right, segments) === 'number'
      : segments[segments.length - 1] === 'amount' && !(reported as Set<string>).has(render(segments)))
  const found = scan(text, limit, integerAt)
  const errorCount = found.duplicateCount + found.inexactCount + decodeCount
  if (errorCount === 0 && isRight(decoded)) return { _tag: 'Snapshot', snapshot: decoded.right }
  const all: Array<DecodeError> = [
    ...found.duplicateKeys.map((d) =>
      decodeError(render(d.segments), 'a key that appears once in its object', JSON.stringify(d.text) + ' twice'),
    ),
    ...found.inexactNumbers.map((x) => decodeError(render(x.segments), INTEGER, x.text)),
    // (the decoder's own count of the rest is replaced by one count of everything)
    ...(isLeft(decoded) ? decoded.left.slice(0, limit) : []),
  ]
  const listed = all.slice(0, limit)
  const errors =
    errorCount > listed.length
      ? [...listed, decodeError('', `at most ${limit} problems listed`, `${errorCount - listed.length} more`)]
      : listed
  return { _tag: 'Invalid', errors, errorCount }
}

/**
 * Reads snapshot text, telling text that is not JSON apart from JSON that is not a valid
 * snapshot. A byte-order mark at the start is ignored. `errorCount` counts every problem (a key
 * written 300 times over says 300), while `errors` lists the first `maxErrors` of them.
 *
 * @category decoding
 * @since 0.2.0
 */
export const readSnapshotText = (input: string, options?: DecodeOptions): TextResult => readText(input, errorLimit(options))

/**
 * Decodes snapshot text (a request body, a file) as I-JSON: a key repeated in one object, or a
 * number written with a fraction or an exponent where an integer belongs (`1.205e4`, `1e-400`),
 * is an error naming its JSON path, as is everything {@link decodeSnapshot} refuses.
 *
 * @example
 * import { decodeSnapshotText } from 'account-closure'
 *
 * const result = decodeSnapshotText(`{ "asOf": "2026-11-18T10:00:00Z",
 *   "user": { "id": "u-1", "securityQuestionSet": true, "standing": "good" }, "freelancer": null, "companies": [],
 *   "agencies": [], "disputes": [{ "id": "d-1", "status": "open" }], "disputes": [], "subscriptions": [], "billingMethods": [] }`)
 * if (result._tag === 'Left') console.log(result.left)
 * // [{ path: 'disputes', expected: 'a key that appears once in its object', … }]
 *
 * @category decoding
 * @since 0.2.0
 */
export const decodeSnapshotText = (text: string, options?: DecodeOptions): E.Either<DecodeErrors, AccountSnapshot> => {
  const r = readSnapshotText(text, options)
  return r._tag === 'Snapshot' ? right(r.snapshot) : left(r.errors)
}
