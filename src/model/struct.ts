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

/**
 * An io-ts type whose `validate` runs the reporting decoder and turns its problems into io-ts
 * errors (each with its path as the context key and the readable text as `message`).
 */
/* @__NO_SIDE_EFFECTS__ */
export const codec = <A, O>(
  name: string,
  is: (u: unknown) => u is A,
  parts: Parts<A>,
  encode: (a: A) => O,
): t.Type<A, O, unknown> => {
  const type: t.Type<A, O, unknown> = asType(new Codec<A, O, unknown>(
    name,
    is,
    (u, c) => {
      const quick = safely(() => parts.fast(u), FAIL)
      if (quick !== FAIL) return right(quick)
      // what the fast decoder refuses, the reporting one names (a property test proves they agree)
      const s = sink(Number.POSITIVE_INFINITY)
      safely(() => parts.reporting(u, '', s), FAIL)
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
    encode,
  ))
  registry.set(type, parts as Parts<unknown>)
  return type
}

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

type Props = Readonly<Record<string, t.Mixed>>
type TypeOfProps<P extends Props> = { readonly [K in keyof P]: t.TypeOf<P[K]> }
type OutputOfProps<P extends Props> = { readonly [K in keyof P]: t.OutputOf<P[K]> }

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

/** How many objects a struct's fast decoder reads with {@link loop} before its own is written. */
const GENERATE_AFTER = 256

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
export const struct = <P extends Props>(name: string, props: P): t.Type<TypeOfProps<P>, OutputOfProps<P>, unknown> => {
  const label = `an object (${name})`
  const keys = Object.keys(props)
  const codecs = keys.map((k) => props[k] as t.Mixed)
  const fasts = codecs.map((c) => partsOf<unknown>(c).fast)
  const reportings = codecs.map((c) => partsOf<unknown>(c).reporting)
  const n = keys.length
  const is = (u: unknown): u is TypeOfProps<P> => {
    if (!isPlainObject(u)) return false
    for (let i = 0; i < n; i++) {
      const v = own(u, keys[i] as string)
      if (v === UNREADABLE || !(codecs[i] as t.Mixed).is(v)) return false
    }
    return true
  }
  // the loop first; the generated decoder once this struct has decoded enough objects to pay for
  // writing it (a small snapshot, or a command's cold start, never writes one)
  const looped = loop(keys, fasts)
  let current = looped
  let calls = 0
  const fast: Fast<TypeOfProps<P>> = (u) => {
    // Stryker disable next-line all: either decoder gives the same answers (test/struct-generated.test.ts)
    if (current === looped && ++calls === GENERATE_AFTER) current = generated(keys, fasts) ?? looped
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
        report(s, at, (codecs[i] as t.Any).name, UNREADABLE_TEXT)
        continue
      }
      const value = (reportings[i] as Reporting<unknown>)(v, at, s)
      if (value !== FAIL) out[key] = value
    }
    // with problems, a partial object: the fields that decoded (see `Reporting`)
    return Object.freeze(out) as TypeOfProps<P>
  }
  const encode = (a: TypeOfProps<P>): OutputOfProps<P> => {
    const out: Record<string, unknown> = {}
    for (let i = 0; i < n; i++) {
      const key = keys[i] as string
      const o: unknown = (codecs[i] as t.Mixed).encode((a as Record<string, unknown>)[key])
      // (an optional field with nothing to write, as `extensions` when empty, is left out)
      if (o !== undefined) out[key] = o
    }
    return out as OutputOfProps<P>
  }
  return codec(label, is, { fast, reporting }, encode)
}

/**
 * A readonly list, named for people: `a list (of Contract)`.
 */
export const listOf = <A, O>(
  item: t.Type<A, O, unknown>,
  name: string,
): t.Type<ReadonlyArray<A>, ReadonlyArray<O>, unknown> => {
  const label = `a list (of ${name})`
  const { fast: itemFast, reporting: itemReporting } = partsOf(item)
  const is = (u: unknown): u is ReadonlyArray<A> =>
    isArray(u) &&
    safely(() => {
      for (let i = 0; i < u.length; i++) if (!hasOwn.call(u, i) || !item.is(u[i])) return false
      return true
    }, false)
  const fast: Fast<ReadonlyArray<A>> = (u) => {
    if (!Array.isArray(u)) return FAIL
    // Stryker disable next-line ArrayDeclaration: the length only saves the list from growing
    const out = new Array<A>(u.length)
    for (let i = 0; i < u.length; i++) {
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
  return codec(label, is, { fast, reporting }, (as) => as.map((a) => item.encode(a)))
}

/**
 * `A | null`, reporting the inner codec's problems at the same path.
 */
export const nullable = <A, O>(inner: t.Type<A, O, unknown>): t.Type<A | null, O | null, unknown> => {
  const { fast, reporting } = partsOf(inner)
  return codec<A | null, O | null>(
    `${inner.name} or null`,
    (u): u is A | null => u === null || inner.is(u),
    {
      fast: (u) => (u === null ? null : fast(u)),
      reporting: (u, path, s) => {
        if (u === null) return null
        if (u !== undefined) return reporting(u, path, s)
        report(s, path, `${inner.name} or null`, 'nothing')
        return FAIL
      },
    },
    (a) => (a === null ? null : inner.encode(a)),
  )
}

/**
 * A leaf codec: a value that `read` accepts (and may convert), described for people by `name`.
 */
export const leaf = <A, O>(
  name: string,
  is: (u: unknown) => u is A,
  read: (u: unknown) => A | typeof FAIL,
  encode: (a: A) => O,
): t.Type<A, O, unknown> =>
  codec(
    name,
    is,
    {
      fast: read,
      reporting: (u, path, s) => {
        const a = read(u)
        if (a === FAIL) report(s, path, name, found(u))
        return a
      },
    },
    encode,
  )

/**
 * The values a guard accepts, decoded as they are.
 */
/* @__NO_SIDE_EFFECTS__ */
export const refinement = <A>(name: string, is: (u: unknown) => u is A): t.Type<A, A, unknown> =>
  leaf(name, is, (u) => (is(u) ? u : FAIL), (a) => a)

/**
 * One of a fixed set of strings.
 */
export const oneOf = <K extends string>(values: ReadonlyArray<K>): t.Type<K, K, unknown> => {
  const set = new Set<string>(values)
  return refinement(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, (u): u is K => set.has(u as string))
}

/** Any string. */
export const StringC = refinement('a string', (u): u is string => typeof u === 'string')

/** `true` or `false`. */
export const BooleanC = refinement('true or false', (u): u is boolean => typeof u === 'boolean')

/** A non-empty string. */
export const IdC = refinement('a non-empty string', (u): u is string => typeof u === 'string' && u.length > 0)
