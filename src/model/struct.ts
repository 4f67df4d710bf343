import * as t from 'io-ts'

// -------------------------------------------------------------------------------------
// fast path
// -------------------------------------------------------------------------------------

/**
 * The "does not fit" answer of a fast decoder.
 *
 * @internal
 */
export const FAIL: unique symbol = Symbol('account-closure/FAIL')

/**
 * A decoder without error reporting: the decoded value, or {@link FAIL}. Every codec of the
 * snapshot carries one; {@link decodeSnapshot} runs it first and falls back to the io-ts decoder,
 * which says what is wrong and where, only when it fails. A fast decoder must never accept what
 * its codec rejects, and must give the same value when both accept (`test/decode.test.ts`).
 *
 * @internal
 */
export type Fast<A> = (u: unknown) => A | typeof FAIL

/**
 * An io-ts codec with its fast decoder.
 *
 * @internal
 */
export type WithFast<C extends t.Any> = C & { readonly fast: Fast<t.TypeOf<C>> }

/**
 * Attaches a fast decoder to a codec built just for it.
 *
 * @internal
 */
export const withFast = <C extends t.Any>(codec: C, fast: Fast<t.TypeOf<C>>): WithFast<C> =>
  Object.assign(codec, { fast })

type FastProps = Readonly<Record<string, WithFast<t.Mixed>>>

const toString = Object.prototype.toString
const hasOwn = Object.prototype.hasOwnProperty

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * A readonly struct codec that requires every prop and strips unknown ones (so `__proto__` and
 * other extra keys never reach the domain).
 *
 * @internal
 */
export const struct = <P extends FastProps>(name: string, props: P) => {
  const label = `an object (${name})`
  const codec = t.readonly(t.exact(t.type(props, label), label), label)
  const keys = Object.keys(props)
  const fasts = keys.map((k) => (props[k] as WithFast<t.Mixed>).fast)
  return withFast(codec, (u) => {
    if (toString.call(u) !== '[object Object]') return FAIL
    const record = u as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string
      const value = (fasts[i] as Fast<unknown>)(record[key])
      if (value === FAIL) return FAIL
      out[key] = value
    }
    return out as t.TypeOf<typeof codec>
  })
}

/**
 * A readonly list, named for people: `a list of Contract`.
 *
 * @internal
 */
export const listOf = <C extends WithFast<t.Mixed>>(codec: C, name: string) => {
  const list = t.readonlyArray(codec, `a list (of ${name})`)
  const fast = codec.fast
  return withFast(list, (u) => {
    if (!Array.isArray(u)) return FAIL
    const out: Array<t.TypeOf<C>> = new Array<t.TypeOf<C>>(u.length)
    for (let i = 0; i < u.length; i++) {
      const value = fast(u[i])
      if (value === FAIL) return FAIL
      out[i] = value
    }
    return out
  })
}

/**
 * A codec for `A | null` that reports errors of its inner codec at the same path
 * (io-ts's union would report one error per member).
 *
 * @internal
 */
export const nullable = <C extends WithFast<t.Mixed>>(codec: C) =>
  withFast(
    new t.Type<t.TypeOf<C> | null, t.OutputOf<C> | null, unknown>(
      `${codec.name} or null`,
      (u): u is t.TypeOf<C> | null => u === null || codec.is(u),
      (u, c) => (u === null ? t.success(null) : codec.validate(u, c)),
      (a) => (a === null ? null : codec.encode(a)),
    ),
    (u) => (u === null ? null : codec.fast(u)),
  )

/**
 * One of a fixed set of strings.
 *
 * @internal
 */
export const oneOf = <K extends string>(values: ReadonlyArray<K>) => {
  const keys = Object.fromEntries(values.map((v) => [v, null])) as { [P in K]: null }
  return withFast(t.keyof(keys, `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`), (u) =>
    typeof u === 'string' && hasOwn.call(keys, u) ? (u as K) : FAIL,
  )
}

/**
 * A primitive codec whose fast decoder is its own type guard.
 *
 * @internal
 */
export const primitive = <A, O>(codec: t.Type<A, O, unknown>): WithFast<t.Type<A, O, unknown>> =>
  withFast(codec, (u) => (codec.is(u) ? u : FAIL))

/**
 * A codec for the values that satisfy a guard, decoded as they are, with its fast decoder.
 *
 * @internal
 */
export const refinement = <A>(name: string, is: (u: unknown) => u is A): WithFast<t.Type<A, A, unknown>> =>
  primitive(new t.Type<A, A, unknown>(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c)), t.identity))

/**
 * Any string (a fresh codec, so the fast decoder is not attached to io-ts's shared `t.string`).
 *
 * @internal
 */
export const StringC = primitive(new t.StringType())

/**
 * `true` or `false`.
 *
 * @internal
 */
export const BooleanC = primitive(new t.BooleanType())

/**
 * A non-empty string.
 *
 * @internal
 */
export const IdC = refinement('a non-empty string', (u): u is string => typeof u === 'string' && u.length > 0)
