/**
 * An app's own facts: the snapshot's `extensions`, each key decoded with the codec that a rule
 * declares for it, as strictly as the rest of the snapshot.
 *
 * @since 0.3.0
 */
import type * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'

import { schemaOfCodec } from '../schema/fromCodec.js'
import type { JsonSchema } from '../schema/fromCodec.js'
import { snapshotJsonSchema } from '../schema/snapshotJsonSchema.js'
import { standardSchemaOf } from '../schema/standardSchema.js'
import type { SnapshotSchema } from '../schema/standardSchema.js'
import { left, right } from './either.js'
import type { AccountSnapshot } from './codecs.js'
import { pathTo, showFound } from './DecodeError.js'
import type { DecodeErrors } from './DecodeError.js'
import { decodeCounting, errorLimit } from './decode.js'
import type { DecodeOptions, ExtensionDecoding } from './decode.js'
import { decodedWith } from './decoded.js'
import { copyJson } from './json.js'
import { decoderOf, FAIL, report, safely } from './struct.js'
import type { Sink } from './struct.js'
import { readText } from './text.js'
import type { TextResult } from './text.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A rule's own facts: the key under the snapshot's `extensions`, and the io-ts codec that
 * decodes the JSON value there (into what the rule reads as `facts.extensions[key]`).
 *
 * @category model
 * @since 0.3.0
 */
export interface Extension<K extends string = string, A = unknown> {
  readonly key: K
  readonly codec: t.Type<A, unknown, unknown>
}

/**
 * An {@link Extension} of any key and type, as a list of a policy's extensions holds them (an
 * io-ts `Type` is invariant in its type, so `Extension<'fees', Fees>` is not an `Extension`).
 *
 * @category model
 * @since 0.3.0
 */
export interface AnyExtension {
  readonly key: string
  readonly codec: t.Decoder<unknown, unknown>
}

/**
 * The decoders of a policy whose rules declare extensions.
 *
 * @category model
 * @since 0.3.0
 */
export interface PolicyDecoding {
  /** As the plain `decodeSnapshot`, with each declared key of `extensions` decoded by its codec. */
  decodeSnapshot(value: unknown, options?: DecodeOptions): E.Either<DecodeErrors, AccountSnapshot>
  /** As the plain `decodeSnapshotText` (I-JSON), with each declared key decoded by its codec. */
  decodeSnapshotText(text: string, options?: DecodeOptions): E.Either<DecodeErrors, AccountSnapshot>
  /** As the plain `readSnapshotText` (text that is not JSON told apart), with each declared key decoded. */
  readSnapshotText(text: string, options?: DecodeOptions): TextResult
  /** This policy's `decodeSnapshot` as a Standard Schema v1 object. */
  readonly snapshotSchema: SnapshotSchema
  /**
   * The snapshot's JSON Schema (draft 2020-12): the published one, with each declared key's
   * schema derived from its codec. Computed when first read.
   */
  readonly jsonSchema: JsonSchema
  /**
   * Whether a snapshot was decoded by this policy, or by one with the same codec (the same
   * object) for each of this policy's keys.
   */
  owns(snapshot: AccountSnapshot): boolean
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

type Codec = t.Decoder<unknown, unknown>

const hasOwn = Object.prototype.hasOwnProperty

interface ContextEntry {
  readonly key: string
  readonly type: { readonly _tag?: unknown; readonly name?: unknown }
}

/** The JSON path of an io-ts error, under the path of its key. */
const pathOfContext = (base: string, context: unknown): string => {
  if (!Array.isArray(context)) return base
  let path = base
  for (let i = 1; i < context.length; i++) {
    const parent = (context[i - 1] as ContextEntry | undefined)?.type?._tag
    const key = String((context[i] as ContextEntry | undefined)?.key ?? '')
    // a union's or an intersection's member index is no step into the value
    if (key === '' || parent === 'UnionType' || parent === 'IntersectionType') continue
    if (parent === 'ArrayType' || parent === 'ReadonlyArrayType' || parent === 'TupleType' || key.startsWith('[')) path = `${path}${key.startsWith('[') ? key : `[${key}]`}`
    else path = pathTo(path, key)
  }
  return path
}

/** The problems of an io-ts validation that failed, reported at their paths. */
const reportValidationErrors = (errors: unknown, at: string, codec: Codec, input: unknown, out: Sink): void => {
  const list: ReadonlyArray<unknown> = Array.isArray(errors) ? errors : []
  for (const e of list) {
    const error = e as { readonly value?: unknown; readonly context?: unknown; readonly message?: unknown }
    const context = safely(() => error.context, undefined)
    const last = Array.isArray(context) ? (context[context.length - 1] as ContextEntry | undefined) : undefined
    const message = safely(() => error.message, undefined)
    const expected = typeof message === 'string' ? message : String(safely(() => last?.type?.name, undefined) ?? codec.name)
    report(out, safely(() => pathOfContext(at, context), at), expected, safely(() => showFound(error.value), 'a value that cannot be read'))
  }
  // (a codec that fails without saying why still fails)
  if (list.length === 0) report(out, at, codec.name, safely(() => showFound(input), 'a value that cannot be read'))
}

/** Decodes one declared key; its value, `undefined` to leave the key out, or FAIL after reporting. */
const decodeKey = (codec: Codec, raw: unknown, at: string, out: Sink): unknown => {
  // the codec gets a fresh copy of the JSON value (never the frozen one, never one it could keep)
  const input = raw === undefined ? undefined : copyJson(raw, at, undefined, false)
  let validation: unknown
  try {
    validation = codec.validate(input, [{ key: '', type: codec, actual: input }])
  } catch (e) {
    const why = safely(() => (e instanceof Error ? e.message : String(e)), 'an error')
    report(out, at, `${codec.name} (its codec threw: ${why})`, safely(() => showFound(input), 'a value that cannot be read'))
    return FAIL
  }
  const tag = safely(() => (validation as { readonly _tag?: unknown })._tag, undefined)
  if (tag === 'Left') {
    reportValidationErrors(safely(() => (validation as E.Left<unknown>).left, undefined), at, codec, input, out)
    return FAIL
  }
  // (a Right without its own value, or whose value cannot be read, is no validation: the key is refused, never left out)
  const value = tag === 'Right' && safely(() => hasOwn.call(validation, 'right'), false) ? safely(() => (validation as E.Right<unknown>).right, FAIL) : FAIL
  if (value === FAIL) {
    report(out, at, `${codec.name} (its codec returned no io-ts validation)`, safely(() => showFound(input), 'a value that cannot be read'))
    return FAIL
  }
  if (value === undefined) return undefined
  // what the codec returns must be JSON-like data too: it is copied and frozen, and reported where it is not
  return copyJson(value, at, out, true, `JSON-like data from the codec ${codec.name} (null, true, false, a finite number, a string, a list or a plain object)`)
}

const extensionDecoding = (codecs: ReadonlyMap<string, Codec>): ExtensionDecoding => ({
  codecs,
  decode: (plain, out) => {
    const result: Record<string, unknown> = {}
    // (without plain extensions, `extensions` itself was refused, and said so)
    if (plain === undefined) return result
    for (const key of Object.keys(plain)) if (!codecs.has(key)) result[key] = plain[key]
    for (const [key, codec] of codecs) {
      const value = decodeKey(codec, hasOwn.call(plain, key) ? plain[key] : undefined, pathTo('extensions', key), out)
      if (value !== FAIL && value !== undefined) result[key] = value
    }
    return Object.freeze(result)
  },
})

// -------------------------------------------------------------------------------------
// the schema
// -------------------------------------------------------------------------------------

/** Whether a codec accepts a missing value (never throws: a codec that throws does not). */
const acceptsNothing = (codec: Codec): boolean =>
  safely(() => {
    const v = codec.validate(undefined, [{ key: '', type: codec, actual: undefined }]) as { readonly _tag?: unknown }
    return v._tag === 'Right'
  }, false)

const policySchema = (codecs: ReadonlyMap<string, Codec>): JsonSchema => {
  // a fresh copy of the published schema, with each declared key's schema derived from its codec
  const required = [...codecs].filter(([, c]) => !acceptsNothing(c)).map(([k]) => k)
  // (a codec of this library's, as MoneyC, is its definition in the same schema)
  const base = snapshotJsonSchema((of, plain) => ({
    ...plain,
    properties: Object.fromEntries(
      [...codecs].map(([k, c]) => [
        k,
        schemaOfCodec(c, (x) => {
          const d = decoderOf(x)
          return d === undefined ? undefined : of(d)
        }).schema,
      ]),
    ),
    ...(required.length > 0 ? { required } : {}),
  })) as {
    properties: Record<string, Record<string, unknown>>
    required: Array<string>
    [key: string]: unknown
  }
  if (required.length > 0) base.required = [...base.required, 'extensions']
  return base
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The decoders of a policy whose rules declare extensions: each declared key of the snapshot's
 * `extensions` is decoded by its codec, on a fresh copy of its JSON value; a codec that fails,
 * throws, or returns something that is not JSON-like data (a function, a class instance, a
 * cycle, NaN…) is an error at `extensions.<key>`, and so is a missing entry unless the codec
 * accepts `undefined`. Keys that no extension declares are kept as plain data. Two extensions
 * with one key and different codecs are a `TypeError`.
 *
 * @example
 * const decoding = policyDecoding([{ key: 'fees', codec: t.type({ unpaid: t.number }) }])
 * decoding.decodeSnapshot(JSON.parse(body)) // Right: s.extensions.fees is { unpaid: number }
 *
 * @category constructors
 * @since 0.3.0
 */
export const policyDecoding = (extensions: ReadonlyArray<AnyExtension>): PolicyDecoding => {
  const codecs = new Map<string, Codec>()
  for (const e of extensions) {
    const key: unknown = e.key
    if (typeof key !== 'string' || key === '' || key === '__proto__')
      throw new TypeError(`account-closure: an extension key must be a non-empty string other than "__proto__"; got ${showFound(key)}`)
    if (typeof e.codec?.validate !== 'function') throw new TypeError(`account-closure: the extension "${key}" has no io-ts codec`)
    const earlier = codecs.get(key)
    if (earlier !== undefined && earlier !== e.codec)
      throw new TypeError(`account-closure: two extensions with the key "${key}" and different codecs (${earlier.name}, ${e.codec.name}); rules may share a key only with the same codec`)
    codecs.set(key, e.codec)
  }
  const decoding = extensionDecoding(codecs)
  const decodeSnapshot = (value: unknown, options?: DecodeOptions): E.Either<DecodeErrors, AccountSnapshot> =>
    decodeCounting(value, errorLimit(options), decoding).result
  const readSnapshotText = (text: string, options?: DecodeOptions): TextResult => readText(text, errorLimit(options), decoding)
  let schema: JsonSchema | undefined
  return {
    decodeSnapshot,
    decodeSnapshotText: (text, options) => {
      const r = readSnapshotText(text, options)
      return r._tag === 'Snapshot' ? right(r.snapshot) : left(r.errors)
    },
    readSnapshotText,
    snapshotSchema: standardSchemaOf((value) => decodeSnapshot(value)),
    get jsonSchema(): JsonSchema {
      schema ??= policySchema(codecs)
      return schema
    },
    owns: (snapshot) => {
      const w = decodedWith(snapshot)
      if (w === undefined) return false
      for (const [key, codec] of codecs) if (w.get(key) !== codec) return false
      return true
    },
  }
}
