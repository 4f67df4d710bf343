/**
 * Instants: points in time as whole milliseconds since 1970-01-01T00:00:00Z (UTC).
 *
 * The library never reads a clock. Every instant comes from the snapshot, and is compared as a
 * number, so offsets and time zones cannot leak into a decision.
 *
 * @since 0.1.0
 */
import type * as t from 'io-ts'

import { codecOf, FAIL, leaf } from './struct.js'
import type { Decoder } from './struct.js'

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

/** The number written by the ASCII digits of `s` from `from` up to `to`, or NaN. */
const digits = (s: string, from: number, to: number): number => {
  let n = 0
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48
    if (!(d >= 0 && d <= 9)) return NaN
    n = n * 10 + d
  }
  return n
}

/** Where the run of ASCII digits that starts at `from` ends. */
const digitsEnd = (s: string, from: number): number => {
  let i = from
  // (past the end, charCodeAt gives NaN, which is no digit)
  while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++
  return i
}

const daysIn = (year: number, month: number): number =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31

const DAY = 86_400_000

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (years 0–9999), by the
 * arithmetic of H. Hinnant's `days_from_civil`: a year that starts in March puts the leap day
 * last, and 400 years are 146 097 days.
 */
const daysFromEpoch = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** The offset of a zone designator that starts at `i` and ends the string, in ms, or NaN. */
const zoneOffset = (s: string, i: number): number => {
  const sign = s[i]
  if (sign === 'Z') return i + 1 === s.length ? 0 : NaN
  if (sign !== '+' && sign !== '-') return NaN
  const colon = s[i + 3] === ':' ? 1 : 0
  if (s.length !== i + 5 + colon) return NaN
  const hours = digits(s, i + 1, i + 3)
  const minutes = digits(s, i + 3 + colon, i + 5 + colon)
  if (!(hours <= 23 && minutes <= 59)) return NaN
  return (sign === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000
}

/**
 * 0001-01-01T00:00:00Z, the first instant a snapshot may hold.
 *
 * @internal
 */
export const MIN = -62_135_596_800_000
/**
 * 9999-01-01T00:00:00Z, the first instant a snapshot may not hold.
 *
 * @internal
 */
export const MAX = Date.UTC(9999, 0, 1)

/**
 * Which way a fraction below a millisecond goes: `down` for the instant a question is asked at
 * (`asOf`), `up` for every other instant, so that rounding never makes an account look closable
 * sooner than the facts allow.
 *
 * @category model
 * @since 0.2.0
 */
export type Rounding = 'down' | 'up'

/**
 * Reads an ISO-8601 instant that carries `Z` or a UTC offset (`+01:00`, `-0530`), with any
 * number of fractional digits. Calendar fields are checked (no 30 February, no hour 24), and the
 * instant must lie in 0001-01-01T00:00:00Z ≤ t < 9999-01-01T00:00:00Z once in UTC (after
 * rounding). A fraction below a millisecond is rounded `down` (the default) or `up`.
 * Returns `undefined` for anything else.
 *
 * @example
 * import { parseInstant } from 'account-closure'
 *
 * console.log(parseInstant('2026-11-18T11:00:00+01:00') === parseInstant('2026-11-18T10:00:00Z')) // true
 * console.log(parseInstant('2026-11-18T10:00:00.0001Z', 'up') === parseInstant('2026-11-18T10:00:00.001Z')) // true
 * console.log(parseInstant('2026-11-18T10:00:00')) // undefined: a local time without a zone
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseInstant = (s: string, rounding: Rounding = 'down'): Instant | undefined => {
  // YYYY-MM-DDTHH:MM, then :SS, then .fraction, then Z or ±HH:MM or ±HHMM
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':') return undefined
  const year = digits(s, 0, 4)
  const month = digits(s, 5, 7)
  const day = digits(s, 8, 10)
  const hour = digits(s, 11, 13)
  const minute = digits(s, 14, 16)
  let second = 0
  let ms = 0
  let i = 16
  if (s[i] === ':') {
    second = digits(s, 17, 19)
    i = 19
    if (s[i] === '.') {
      const end = digitsEnd(s, 20)
      if (end === 20) return undefined
      // the first three digits are the milliseconds (missing ones are zeros)
      for (let j = 20; j < 23; j++) ms = ms * 10 + (j < end ? s.charCodeAt(j) - 48 : 0)
      // any non-zero digit below the millisecond rounds up when asked to
      if (rounding !== 'down') for (let j = 23; j < end; j++) if (s.charCodeAt(j) !== 48) {
        ms++
        break
      }
      i = end
    }
  }
  const offset = zoneOffset(s, i)
  // (a year that is not four digits is NaN, and so is the instant, which the range check refuses)
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month))) return undefined
  if (!(hour <= 23 && minute <= 59 && second <= 59 && !Number.isNaN(offset))) return undefined
  const at = daysFromEpoch(year, month, day) * DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offset
  return at >= MIN && at < MAX ? (at as Instant) : undefined
}

/**
 * Whether a number is an instant a snapshot may hold: whole milliseconds in
 * 0001-01-01T00:00:00Z ≤ t < 9999-01-01T00:00:00Z.
 *
 * @category refinements
 * @since 0.2.0
 */
export const isInstant = (u: unknown): u is Instant => Number.isInteger(u) && (u as number) >= MIN && (u as number) < MAX

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
// codecs
// -------------------------------------------------------------------------------------

const INSTANT = 'an ISO-8601 instant with Z or an offset'

/* @__NO_SIDE_EFFECTS__ */
const instantCodec = (rounding: Rounding) =>
  leaf<Instant, string>(
    INSTANT,
    isInstant,
    (u) => (typeof u === 'string' ? (parseInstant(u, rounding) ?? FAIL) : FAIL),
    toISOString,
    undefined,
    // (written as an instant, with its zone, but not one: a date that is not real, or out of range, perhaps once
    // rounded; without its zone, the short words say what is missing)
    (u) =>
      typeof u === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d.*(Z|[+-]\d\d:?\d\d)$/.test(u)
        ? `${INSTANT}, on a real date, in 0001-01-01T00:00:00Z ≤ t < 9999-01-01T00:00:00Z`
        : INSTANT,
  )

/** The decoder of {@link InstantC}. @internal */
export const InstantD: Decoder<Instant, string> = instantCodec('up')

/** The decoder of {@link AsOfC}. @internal */
export const AsOfD: Decoder<Instant, string> = instantCodec('down')

/**
 * io-ts codec: an ISO-8601 string with `Z` or an offset ⇄ {@link Instant}, a fraction below
 * the millisecond rounded up. Encodes to UTC, as `toISOString` writes it.
 *
 * @category codecs
 * @since 0.1.0
 */
export const InstantC: t.Type<Instant, string, unknown> = /*#__PURE__*/ codecOf(InstantD)

/**
 * io-ts codec for the instant a question is asked at (`asOf`): as {@link InstantC}, with a
 * fraction below the millisecond rounded down.
 *
 * @category codecs
 * @since 0.2.0
 */
export const AsOfC: t.Type<Instant, string, unknown> = /*#__PURE__*/ codecOf(AsOfD)
