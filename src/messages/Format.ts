/**
 * How messages show facts to a person: instants in a time zone, rounded toward "blocked";
 * money with its currency; scopes in words.
 *
 * @since 0.2.0
 */
import type { Instant } from '../model/Instant.js'
import type { Money } from '../model/Money.js'
import type { Scope } from '../model/Scope.js'
import type { WaitReasonBase } from '../plan/Step.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The helpers every message gets.
 *
 * @category model
 * @since 0.2.0
 */
export interface Format {
  /** The time zone instants are shown in: `UTC` or an IANA name. */
  readonly timeZone: string
  /**
   * An instant a person waits for, rounded up to the minute (so it is never shown earlier than
   * the fact): `2026-11-23 00:00 UTC`.
   */
  readonly instant: (i: Instant) => string
  /** The instant a verdict holds at, rounded down to the minute. */
  readonly asOf: (i: Instant) => string
  /** `USD 120.50`. */
  readonly money: (m: Money) => string
  /** `your freelancer work`, `company co-1`, `agency ag-1`. */
  readonly scope: (s: Scope) => string
  /** The words for a reason to wait (from the catalogue, or the rule that owns it). */
  readonly reason: (r: WaitReasonBase) => string
}

/**
 * A message function per `_tag` of a union; a missing tag is a type error.
 *
 * @category model
 * @since 0.1.0
 */
export type Messages<U extends { readonly _tag: string }> = {
  readonly [K in U['_tag']]: (item: Extract<U, { readonly _tag: K }>, format: Format) => string
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const MINUTE = 60_000

/**
 * Money for people: `USD 120.50`. Currencies are assumed to have two minor digits.
 *
 * @category constructors
 * @since 0.1.0
 */
export const formatMoney = (m: Money): string => {
  const whole = Math.floor(m.amount / 100)
  const cents = String(m.amount % 100).padStart(2, '0')
  return `${m.currency} ${whole}.${cents}`
}

const formatScope = (s: Scope): string =>
  s._tag === 'Freelancer' ? 'your freelancer work' : s._tag === 'Company' ? `company ${s.companyId}` : `agency ${s.agencyId}`

const utc = (ms: number): string => {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/** `YYYY-MM-DD HH:MM ZONE` in an IANA zone, through Intl (no time-zone data is bundled). */
const inZone = (timeZone: string): ((ms: number) => string) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
  return (ms) => {
    const p: Record<string, string> = {}
    for (const x of parts.formatToParts(new Date(ms))) p[x.type] = x.value
    return `${(p['year'] ?? '').padStart(4, '0')}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']} ${timeZone}`
  }
}

/**
 * The formatting helpers for a time zone (`UTC` unless named). An unknown zone throws a
 * `RangeError` (check it where it comes in, as the command line does).
 *
 * @example
 * formatIn('America/New_York').instant(parseInstant('2026-11-23T00:00:00Z')) // '2026-11-22 19:00 America/New_York'
 *
 * @category constructors
 * @since 0.2.0
 */
export const formatIn = (timeZone = 'UTC'): Format => {
  // Stryker disable next-line StringLiteral: UTC through Intl reads the same, only slower
  const show = timeZone === 'UTC' ? utc : inZone(timeZone)
  return {
    timeZone,
    instant: (i) => show(Math.ceil(i / MINUTE) * MINUTE),
    asOf: (i) => show(Math.floor(i / MINUTE) * MINUTE),
    money: formatMoney,
    scope: formatScope,
    reason: (r) => r._tag,
  }
}
