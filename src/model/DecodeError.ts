/**
 * Decode errors as data: JSON-serialisable, one per problem, each naming the JSON path.
 *
 * @since 0.1.0
 */
// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One problem in a snapshot.
 *
 * @example
 * import { decodeSnapshot } from 'account-closure'
 * import type { DecodeError } from 'account-closure'
 *
 * const result = decodeSnapshot({ asOf: 'yesterday' })
 * const first: DecodeError | undefined = result._tag === 'Left' ? result.left[0] : undefined
 * console.log(first)
 * // { path: 'asOf', expected: 'an ISO-8601 instant with Z or an offset', found: '"yesterday"',
 * //   message: 'asOf: expected an ISO-8601 instant with Z or an offset, found "yesterday"' }
 *
 * @category model
 * @since 0.1.0
 */
export interface DecodeError {
  /** Where, as `a.b[2].c`; the empty string is the document itself. */
  readonly path: string
  /** What was expected there, in words. */
  readonly expected: string
  /** What was there, as short JSON text, or `nothing` for a missing field. */
  readonly found: string
  /** The three above as one sentence. */
  readonly message: string
}

/**
 * Every problem found, in document order.
 *
 * @category model
 * @since 0.1.0
 */
export type DecodeErrors = ReadonlyArray<DecodeError>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Shows a found value briefly: JSON text cut at 60 characters; `nothing` for a missing value.
 *
 * @category constructors
 * @since 0.1.0
 */
export const showFound = (u: unknown): string => {
  if (u === undefined) return 'nothing'
  if (typeof u === 'number' && !Number.isFinite(u)) return String(u)
  if (typeof u === 'bigint') return `${u}n`
  let text: string | undefined
  try {
    text = JSON.stringify(u)
  } catch {
    // a cycle (a bigint was shown above)
    return Array.isArray(u) ? 'an array' : 'an object'
  }
  // JSON has no text for a function or a symbol
  if (text === undefined) return typeof u
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/**
 * Builds one error; the message reads `path: expected …, found …`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const decodeError = (path: string, expected: string, found: string): DecodeError => ({
  path,
  expected,
  found,
  message:
    found === 'nothing'
      ? `${path === '' ? 'the snapshot' : path} is missing: expected ${expected}`
      : `${path === '' ? 'the snapshot' : path}: expected ${expected}, found ${found}`,
})

/**
 * Appends a key or an index to a path.
 *
 * @category utils
 * @since 0.1.0
 */
export const pathTo = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * One line per error, for people.
 *
 * @category destructors
 * @since 0.1.0
 */
export const formatDecodeErrors = (errors: DecodeErrors): string => errors.map((e) => e.message).join('\n')
