/**
 * Instants: points in time as whole milliseconds since 1970-01-01T00:00:00Z (UTC).
 *
 * The library never reads a clock. Every instant comes from the snapshot, and is compared as a
 * number, so offsets and time zones cannot leak into a decision.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Milliseconds since the Unix epoch, in UTC. A branded number: immutable, cheap to compare.
 *
 * @category model
 * @since 0.1.0
 */
export type Instant = number & { readonly Instant: unique symbol }

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/

const daysIn = (year: number, month: number): number =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31

/**
 * Reads an ISO-8601 instant that carries `Z` or a UTC offset (`+01:00`, `-0530`).
 * Calendar fields are checked (no 30 February, no hour 24); fractions below a millisecond are
 * dropped. Returns `undefined` for anything else.
 *
 * @example
 * parseInstant('2026-11-18T11:00:00+01:00') === parseInstant('2026-11-18T10:00:00Z') // true
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseInstant = (s: string): Instant | undefined => {
  const m = ISO.exec(s)
  if (m === null) return undefined
  const [, y, mo, d, h, mi, sec, frac, z, sign, oh, om] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = sec === undefined ? 0 : Number(sec)
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'))
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 59) return undefined
  let offset = 0
  if (z !== 'Z') {
    const offH = Number(oh)
    const offM = Number(om)
    if (offH > 23 || offM > 59) return undefined
    offset = (sign === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000
  }
  const utc = new Date(0)
  utc.setUTCFullYear(year, month - 1, day)
  utc.setUTCHours(hour, minute, second, ms)
  return (utc.getTime() - offset) as Instant
}

/**
 * An instant from milliseconds since the epoch.
 *
 * @category constructors
 * @since 0.1.0
 */
export const instant = (ms: number): Instant => ms as Instant

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Writes an instant the way `Date.prototype.toISOString` does: `2026-11-23T00:00:00.000Z`.
 *
 * @category destructors
 * @since 0.1.0
 */
export const toISOString = (i: Instant): string => new Date(i).toISOString()

// -------------------------------------------------------------------------------------
// codec
// -------------------------------------------------------------------------------------

/**
 * io-ts codec: an ISO-8601 string with `Z` or an offset ⇄ {@link Instant}. Encodes to UTC.
 *
 * @category codecs
 * @since 0.1.0
 */
export const InstantC = new t.Type<Instant, string, unknown>(
  'an ISO-8601 instant with Z or an offset',
  (u): u is Instant => typeof u === 'number' && Number.isInteger(u),
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c)
    const i = parseInstant(u)
    return i === undefined ? t.failure(u, c) : t.success(i)
  },
  toISOString,
)

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * The later of two instants.
 *
 * @category utils
 * @since 0.1.0
 */
export const max = (a: Instant, b: Instant): Instant => (a >= b ? a : b)
