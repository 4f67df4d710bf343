import * as t from 'io-ts'

/**
 * A readonly struct codec that requires every prop and strips unknown ones (so `__proto__` and
 * other extra keys never reach the domain).
 *
 * @internal
 */
export const struct = <P extends t.Props>(name: string, props: P) => {
  const label = `an object (${name})`
  return t.readonly(t.exact(t.type(props, label), label), label)
}

/**
 * A readonly list, named for people: `a list of Contract`.
 *
 * @internal
 */
export const listOf = <C extends t.Mixed>(codec: C, name: string) => t.readonlyArray(codec, `a list (of ${name})`)

/**
 * A codec for `A | null` that reports errors of its inner codec at the same path
 * (io-ts's union would report one error per member).
 *
 * @internal
 */
export const nullable = <C extends t.Mixed>(codec: C) =>
  new t.Type<t.TypeOf<C> | null, t.OutputOf<C> | null, unknown>(
    `${codec.name} or null`,
    (u): u is t.TypeOf<C> | null => u === null || codec.is(u),
    (u, c) => (u === null ? t.success(null) : codec.validate(u, c)),
    (a) => (a === null ? null : codec.encode(a)),
  )

/**
 * One of a fixed set of strings.
 *
 * @internal
 */
export const oneOf = <K extends string>(values: ReadonlyArray<K>) => {
  const keys = Object.fromEntries(values.map((v) => [v, null])) as { [P in K]: null }
  return t.keyof(keys, `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`)
}

/**
 * A non-empty string.
 *
 * @internal
 */
export const IdC = new t.Type<string, string, unknown>(
  'a non-empty string',
  (u): u is string => typeof u === 'string' && u.length > 0,
  (u, c) => (typeof u === 'string' && u.length > 0 ? t.success(u) : t.failure(u, c)),
  (a) => a,
)
