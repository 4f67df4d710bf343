/**
 * The decoding engine behind the snapshot codecs.
 *
 * Every codec is an io-ts `Type`, and privately has two decoders of its own:
 * - a fast one without error reporting (the value, or `FAIL`), run first;
 * - a reporting one that names every problem with its JSON path into a capped {@link Sink},
 *   run only when the fast one fails.
 * Both read only own properties (an own `__proto__` key is an unknown field like any other),
 * never throw (a getter that throws or a revoked proxy is a problem at its path), and build
 * fresh plain objects that hold only the known fields.
 *
 * @internal
 */

import type * as t from 'io-ts'

import { decodeError, pathTo, showFound } from './DecodeError.js'
import type { DecodeError } from './DecodeError.js'
import { isLeft, left, right } from './either.js'
import { generate } from './generate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * How many own keys the fast struct decoders found, summed over the objects they decoded (see
 * {@link countingKeys}). Decoders run synchronously and call no code of the input's, so nothing
 * can interleave with a count.
 */
let keysRead = 0

/** Adds to the count of {@link countingKeys} the own keys a decoder read outside a struct. */
export const countKeys = (n: number): void => {
  keysRead += n
}

/**
 * Runs `f` (a fast decoding) and also gives how many own keys the structs it decoded had. On
 * a tree (`JSON.parse` output; the codecs have no alternatives that would read an object twice),
 * that is at most the number of keys written in the text, and equal only when no key was
 * written twice in one object and every key written is a known field.
 */
export const countingKeys = <A>(f: () => A): readonly [A, number] => {
  keysRead = 0
  const a = f()
  return [a, keysRead]
}

/** The "does not fit" answer of a fast decoder. */
export const FAIL: unique symbol = Symbol('account-closure/FAIL')

/** A decoder without error reporting. */
export type Fast<A> = (u: unknown) => A | typeof FAIL

/**
 * Where a reporting decoder puts its problems: the first `limit` are kept, the rest counted.
 */
export interface Sink {
  readonly errors: Array<DecodeError>
  readonly limit: number
  total: number
}

/** A new sink that keeps at most `limit` problems. */
export const sink = (limit: number): Sink => ({ errors: [], limit, total: 0 })

/** Records one problem. */
export const report = (s: Sink, path: string, expected: string, found: string): void => {
  s.total++
  if (s.errors.length < s.limit) s.errors.push(decodeError(path, expected, found))
}

/**
 * A decoder that reports every problem with its path. When it reported none, its value is the
 * decoded value; when it did, its value is partial (the fields and items that decoded; a value
 * that is not even of the right kind is `FAIL`), for checks that relate fields to each other.
 */
export type Reporting<A> = (u: unknown, path: string, s: Sink) => A | typeof FAIL

interface Parts<A> {
  readonly fast: Fast<A>
  readonly reporting: Reporting<A>
}

/**
 * What a decoder's io-ts type is made of, as data: its `is` and `encode` are written from it by
 * {@link codecOf} only, so that a bundle that decodes without asking for a codec carries neither.
 */
type Shape =
  | { readonly kind: 'struct'; readonly title: string; readonly keys: ReadonlyArray<string>; readonly items: ReadonlyArray<AnyDecoder> }
  | { readonly kind: 'list'; readonly item: AnyDecoder }
  | { readonly kind: 'nullable'; readonly inner: AnyDecoder }
  | {
      readonly kind: 'leaf'
      readonly is: (u: unknown) => boolean
      readonly encode: (a: never) => unknown
      /** The strings it accepts, for one of a fixed set (see {@link oneOf}). */
      readonly values?: ReadonlyArray<string> | undefined
    }

/**
 * A decoder of this library: its two decoders (fast, and reporting) and the shape its io-ts
 * codec is made from (see {@link codecOf}). `A` is what it decodes to, `O` what that encodes to.
 */
export interface Decoder<A, O> extends Parts<A> {
  /** How the value is named for people (an io-ts codec's `name`). */
  readonly name: string
  readonly shape: Shape
  /** (phantom: the encoded type) */
  readonly _O?: O
}

/** A decoder of anything. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shapes hold decoders of any types, read only through their own
export type AnyDecoder = Decoder<any, any>

/** The private decoders of each codec; never part of its public type. */
const registry = new WeakMap<t.Any, Parts<unknown>>()

/** The private decoders of a codec built here. */
export const partsOf = <A>(codec: t.Type<A, unknown, unknown>): Parts<A> => {
  const parts = registry.get(codec)
  if (parts === undefined) throw new TypeError(`${codec.name} is not a codec of account-closure`)
  return parts as Parts<A>
}

/**
 * An io-ts `Type`, written here so that io-ts is needed for its types only (a browser bundle then
 * carries none of io-ts's module): it has every member of io-ts's class, and io-ts's combinators
 * take it as one of their own (`test/units.test.ts`). Only `pipe`'s declared `this` type, which
 * TypeScript cannot relate to itself, keeps it from `implements t.Type`.
 */
class Codec<A, O, I> {
  declare readonly _A: A
  declare readonly _O: O
  declare readonly _I: I
  constructor(
    readonly name: string,
    readonly is: t.Is<A>,
    readonly validate: t.Validate<I, A>,
    readonly encode: t.Encode<A, O>,
  ) {}
  pipe<B, OB extends A>(ab: t.Type<B, OB, A>, name?: string): t.Type<B, O, I> {
    return asType(new Codec<B, O, I>(
      name ?? `pipe(${this.name}, ${ab.name})`,
      ab.is,
      (i, c) => {
        const a = this.validate(i, c)
        return isLeft(a) ? a : ab.validate(a.right, c)
      },
      (b) => this.encode(ab.encode(b)),
    ))
  }
  asDecoder(): t.Decoder<I, A> {
    return this
  }
  asEncoder(): t.Encoder<A, O> {
    return this
  }
  decode(i: I): t.Validation<A> {
    return this.validate(i, [{ key: '', type: asType(this), actual: i }])
  }
}

/** A {@link Codec} as the io-ts type it is. */
const asType = <A, O, I>(c: Codec<A, O, I>): t.Type<A, O, I> => c as unknown as t.Type<A, O, I>

/** The io-ts codec of each decoder, made once. */
const types = new WeakMap<AnyDecoder, t.Any>()

/**
 * The decoder a codec of this library was made from (`MoneyC`'s, say), or undefined for any other
 * value: what a schema of that codec is derived from. (Each codec's parts are its decoder; a
 * WeakMap answers undefined for a key that is not an object.)
 */
export const decoderOf = (codec: unknown): AnyDecoder | undefined => registry.get(codec as t.Any) as AnyDecoder | undefined

/** The `is` and `encode` of a decoder's codec, from its shape (the codecs of its parts). */
const ioOf = (d: AnyDecoder): { readonly is: (u: unknown) => boolean; readonly encode: (a: never) => unknown } => {
  const shape = d.shape
  switch (shape.kind) {
    case 'leaf':
      return shape
    case 'nullable': {
      const inner: t.Type<unknown, unknown, unknown> = codecOf(shape.inner)
      return { is: (u) => u === null || inner.is(u), encode: (a) => (a === null ? null : inner.encode(a)) }
    }
    case 'list': {
      const item: t.Type<unknown, unknown, unknown> = codecOf(shape.item)
      return {
        is: (u) =>
          isArray(u) &&
          safely(() => {
            for (let i = 0, n = u.length; i < n; i++) if (!hasOwn.call(u, i) || !item.is(u[i])) return false
            return true
          }, false),
        encode: (as: ReadonlyArray<unknown>) => as.map((a) => item.encode(a)),
      }
    }
    case 'struct': {
      const { keys } = shape
      const codecs = shape.items.map((x) => codecOf(x))
      const n = keys.length
      return {
        is: (u) => {
          if (!isPlainObject(u)) return false
          for (let i = 0; i < n; i++) {
            const v = own(u, keys[i] as string)
            if (v === UNREADABLE || !(codecs[i] as t.Mixed).is(v)) return false
          }
          return true
        },
        encode: (a: Readonly<Record<string, unknown>>) => {
          const out: Record<string, unknown> = {}
          for (let i = 0; i < n; i++) {
            const key = keys[i] as string
            const o: unknown = (codecs[i] as t.Mixed).encode(a[key])
            // (an optional field with nothing to write, as `extensions` when empty, is left out)
            if (o !== undefined) out[key] = o
          }
          return out
        },
      }
    }
  }
}

/**
 * The io-ts codec of a decoder (made once per decoder): `validate` runs the fast decoder, and
 * when it fails, the reporting one, whose problems become io-ts errors (each with its path as the
 * context key and the readable text as `message`); `is` and `encode` follow the decoder's shape.
 */
/* @__NO_SIDE_EFFECTS__ */
export const codecOf = <A, O>(d: Decoder<A, O>): t.Type<A, O, unknown> => {
  const made = types.get(d)
  if (made !== undefined) return made as t.Type<A, O, unknown>
  const { is, encode } = ioOf(d)
  const type: t.Type<A, O, unknown> = asType(new Codec<A, O, unknown>(
    d.name,
    is as (u: unknown) => u is A,
    (u, c) => {
      const quick = safely(() => d.fast(u), FAIL)
      if (quick !== FAIL) return right(quick)
      // what the fast decoder refuses, the reporting one names (a property test proves they agree)
      const s = sink(Number.POSITIVE_INFINITY)
      safely(() => d.reporting(u, '', s), FAIL)
      // Stryker disable next-line StringLiteral: a safety net, should the reporting decoder ever name nothing (unreachable by design)
      if (s.total === 0) report(s, '', 'a readable value', 'a value that cannot be read')
      return left(
        s.errors.map((e) => ({
          value: u,
          context: [...c, { key: e.path, type, actual: u }],
          message: e.message,
        })),
      )
    },
    encode as (a: A) => O,
  ))
  registry.set(type, d as Parts<unknown>)
  types.set(d, type)
  return type
}

/** A decoder from its parts, its name and its shape. */
/* @__NO_SIDE_EFFECTS__ */
export const decoder = <A, O>(name: string, parts: Parts<A>, shape: Shape): Decoder<A, O> => ({ name, fast: parts.fast, reporting: parts.reporting, shape })

// -------------------------------------------------------------------------------------
// reading untrusted values without throwing
// -------------------------------------------------------------------------------------

const toString = Object.prototype.toString
const hasOwn = Object.prototype.hasOwnProperty

/** `f()`, or `fallback` when it throws (a throwing getter, a revoked proxy). */
export const safely = <A, B>(f: () => A, fallback: B): A | B => {
  try {
    return f()
  } catch {
    return fallback
  }
}

const UNREADABLE: unique symbol = Symbol('account-closure/UNREADABLE')
const UNREADABLE_TEXT = 'a value that cannot be read'

/** An own property, `undefined` when absent, or UNREADABLE when reading it throws. */
const own = (record: object, key: string): unknown =>
  safely(() => (hasOwn.call(record, key) ? (record as Record<string, unknown>)[key] : undefined), UNREADABLE)

const isPlainObject = (u: unknown): u is object => safely(() => toString.call(u) === '[object Object]', false)
// Stryker disable next-line BooleanLiteral: a revoked proxy taken for a list has no length, and is reported as it is otherwise
const isArray = (u: unknown): u is ReadonlyArray<unknown> => safely(() => Array.isArray(u), false)

/** A short text for a found value, safe on anything. */
const found = (u: unknown): string => safely(() => showFound(u), UNREADABLE_TEXT)

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

type Props = Readonly<Record<string, AnyDecoder>>
type TypeOfProps<P extends Props> = { readonly [K in keyof P]: P[K] extends Decoder<infer A, unknown> ? A : never }
type OutputOfProps<P extends Props> = { readonly [K in keyof P]: P[K] extends Decoder<unknown, infer O> ? O : never }

/**
 * The fast decoder of a struct with these keys, decoded by these fast decoders: a fresh frozen
 * object of the known fields (an absent one read as `undefined`), or `FAIL`. Adds the own keys it
 * found to the count of {@link countingKeys}.
 *
 * @internal
 */
export const loop = (keys: ReadonlyArray<string>, fasts: ReadonlyArray<Fast<unknown>>): Fast<unknown> => {
  const n = keys.length
  return (u) => {
    if (toString.call(u) !== '[object Object]') return FAIL
    const record = u as Record<string, unknown>
    const out: Record<string, unknown> = {}
    let present = 0
    for (let i = 0; i < n; i++) {
      const key = keys[i] as string
      let v: unknown
      if (hasOwn.call(record, key)) {
        v = record[key]
        // Stryker disable next-line UpdateOperator: counting down makes the count lower than the keys written (a snapshot has eight at least), never equal, so the text gets the full scan, with the same answer
        present++
      } else v = undefined
      const value = (fasts[i] as Fast<unknown>)(v)
      if (value === FAIL) return FAIL
      out[key] = value
    }
    // Stryker disable next-line AssignmentOperator: subtracting makes the count lower than the keys written, never equal, so the text gets the full scan, with the same answer
    keysRead += present
    return Object.freeze(out)
  }
}

/**
 * How many objects a struct's fast decoder reads with {@link loop} before its own is written: 256,
 * or 1 once {@link writeDecodersEarly} is called.
 */
let generateAfter = 256

/**
 * Has every struct write its own fast decoder (see {@link generated}) at its next object rather
 * than after 256, for a process that decodes many snapshots (`batch`): every object decoded then
 * has the shape it keeps from the first line on, so the code that reads them (the facts, the
 * rules) is optimized once, for one shape, where the switch after 256 objects deoptimizes it and
 * has it optimized again. A process that decodes a few small snapshots (the cold start of
 * `check`) does not call it, and writes no decoder.
 *
 * @internal
 */
export const writeDecodersEarly = (): void => {
  generateAfter = 1
}

/**
 * The fast decoder of a struct as a function written for its keys: every field read, decoded and
 * placed in one object literal (one allocation of a known shape), where {@link loop} stores by a
 * varying key. Four times cheaper per object in Node. Undefined where code cannot be
 * generated (a browser, a content security policy, a key named `__proto__`, which a literal
 * would take for the prototype): there {@link loop} runs, with the same answers. (The writing is
 * in `./generate.ts`; a browser bundle gets `./generate.browser.ts`, which writes none.)
 *
 * @internal
 */
export const generated = (keys: ReadonlyArray<string>, fasts: ReadonlyArray<Fast<unknown>>): Fast<unknown> | undefined =>
  generate(keys, fasts, FAIL, countKeys) as Fast<unknown> | undefined

/**
 * A struct: every prop required, read as an own property; unknown keys are dropped.
 */
/* @__NO_SIDE_EFFECTS__ */
export const struct = <P extends Props>(name: string, props: P): Decoder<TypeOfProps<P>, OutputOfProps<P>> => {
  const label = `an object (${name})`
  const keys = Object.keys(props)
  const items = keys.map((k) => props[k] as AnyDecoder)
  const fasts = items.map((c) => c.fast as Fast<unknown>)
  const reportings = items.map((c) => c.reporting as Reporting<unknown>)
  const n = keys.length
  // the loop first; the generated decoder once this struct has decoded enough objects to pay for
  // writing it (a small snapshot, or a command's cold start, never writes one), tried once
  const looped = loop(keys, fasts)
  let current = looped
  let waiting = true
  let calls = 0
  const fast: Fast<TypeOfProps<P>> = (u) => {
    // Stryker disable next-line all: either decoder gives the same answers (test/struct-generated.test.ts)
    if (waiting && ++calls >= generateAfter) {
      waiting = false
      current = generated(keys, fasts) ?? looped
    }
    return current(u) as TypeOfProps<P> | typeof FAIL
  }
  const reporting: Reporting<TypeOfProps<P>> = (u, path, s) => {
    if (!isPlainObject(u)) {
      report(s, path, label, found(u))
      return FAIL
    }
    const out: Record<string, unknown> = {}
    for (let i = 0; i < n; i++) {
      const key = keys[i] as string
      const at = pathTo(path, key)
      const v = own(u, key)
      if (v === UNREADABLE) {
        report(s, at, (items[i] as AnyDecoder).name, UNREADABLE_TEXT)
        continue
      }
      const value = (reportings[i] as Reporting<unknown>)(v, at, s)
      if (value !== FAIL) out[key] = value
    }
    // with problems, a partial object: the fields that decoded (see `Reporting`)
    return Object.freeze(out) as TypeOfProps<P>
  }
  return decoder(label, { fast, reporting }, { kind: 'struct', title: name, keys, items })
}

/**
 * A readonly list, named for people: `a list (of Contract)`.
 */
/* @__NO_SIDE_EFFECTS__ */
export const listOf = <A, O>(item: Decoder<A, O>, name: string): Decoder<ReadonlyArray<A>, ReadonlyArray<O>> => {
  const label = `a list (of ${name})`
  const { fast: itemFast, reporting: itemReporting } = item
  const fast: Fast<ReadonlyArray<A>> = (u) => {
    if (!Array.isArray(u)) return FAIL
    // (the length read once: a list whose length changes between reads, a Proxy's, cannot leave holes)
    const n = u.length
    // Stryker disable next-line ArrayDeclaration: the length only saves the list from growing
    const out = new Array<A>(n)
    for (let i = 0; i < n; i++) {
      const value = itemFast(u[i])
      if (value === FAIL) return FAIL
      out[i] = value
    }
    return Object.freeze(out)
  }
  const reporting: Reporting<ReadonlyArray<A>> = (u, path, s) => {
    if (!isArray(u)) {
      report(s, path, label, found(u))
      return FAIL
    }
    const length = safely(() => u.length, -1)
    if (length < 0) {
      report(s, path, label, UNREADABLE_TEXT)
      return FAIL
    }
    // with problems, the items that decoded, and undefined for the others (see `Reporting`)
    const out: Array<A | undefined> = []
    for (let i = 0; i < length; i++) {
      const at = pathTo(path, i)
      const v = safely(() => u[i], UNREADABLE)
      if (v === UNREADABLE) {
        report(s, at, item.name, UNREADABLE_TEXT)
        out.push(undefined)
        continue
      }
      const value = itemReporting(v, at, s)
      out.push(value === FAIL ? undefined : value)
    }
    return Object.freeze(out) as ReadonlyArray<A>
  }
  return decoder(label, { fast, reporting }, { kind: 'list', item })
}

/**
 * `A | null`, reporting the inner decoder's problems at the same path.
 */
/* @__NO_SIDE_EFFECTS__ */
export const nullable = <A, O>(inner: Decoder<A, O>): Decoder<A | null, O | null> => {
  const { fast, reporting } = inner
  const label = `${inner.name} or null`
  return decoder(
    label,
    {
      fast: (u) => (u === null ? null : fast(u)),
      reporting: (u, path, s) => {
        if (u === null) return null
        if (u !== undefined) return reporting(u, path, s)
        report(s, path, label, 'nothing')
        return FAIL
      },
    },
    { kind: 'nullable', inner },
  )
}

/**
 * A leaf: a value that `read` accepts (and may convert), described for people by `name`; `is`
 * and `encode` are its codec's.
 */
/* @__NO_SIDE_EFFECTS__ */
export const leaf = <A, O>(
  name: string,
  is: (u: unknown) => u is A,
  read: (u: unknown) => A | typeof FAIL,
  encode: (a: A) => O,
  values?: ReadonlyArray<string>,
  // (what a refused value was expected to be, when that says more than the name: an instant out of range)
  expected: (u: unknown) => string = () => name,
): Decoder<A, O> =>
  decoder(
    name,
    {
      fast: read,
      reporting: (u, path, s) => {
        const a = read(u)
        if (a === FAIL) report(s, path, expected(u), found(u))
        return a
      },
    },
    { kind: 'leaf', is, encode: encode as (a: never) => unknown, values },
  )

/**
 * The values a guard accepts, decoded as they are.
 */
/* @__NO_SIDE_EFFECTS__ */
export const refinement = <A>(name: string, is: (u: unknown) => u is A, values?: ReadonlyArray<string>): Decoder<A, A> =>
  leaf(name, is, (u) => (is(u) ? u : FAIL), (a) => a, values)

/**
 * One of a fixed set of strings.
 */
/* @__NO_SIDE_EFFECTS__ */
export const oneOf = <K extends string>(values: ReadonlyArray<K>): Decoder<K, K> => {
  const set = new Set<string>(values)
  return refinement(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, (u): u is K => set.has(u as string), values)
}

/** Any string. */
export const StringD = refinement('a string', (u): u is string => typeof u === 'string')

/** `true` or `false`. */
export const BooleanD = refinement('true or false', (u): u is boolean => typeof u === 'boolean')

/** A non-empty string. */
export const IdD = refinement('a non-empty string', (u): u is string => typeof u === 'string' && u.length > 0)

/** {@link IdD}'s io-ts codec. */
export const IdC: t.Type<string, string, unknown> = /*#__PURE__*/ codecOf(IdD)
