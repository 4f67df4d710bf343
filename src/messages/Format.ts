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

const DAY = 86_400_000

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** `YYYY-MM-DD HH:MM` of a wall-clock time held as milliseconds (read as UTC), by arithmetic. */
const wallClock = (ms: number): string => {
  const d = new Date(ms)
  const y = d.getUTCFullYear()
  return `${y < 0 ? `-${pad(-y, 4)}` : pad(y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** A minute boundary: the one at or after `ms` (`up`), or at or before it. */
const toMinute = (ms: number, up: boolean): number => (up ? Math.ceil(ms / MINUTE) : Math.floor(ms / MINUTE)) * MINUTE

/** `UTC+02:00`, `UTC-00:44:30`: an offset in milliseconds, its seconds only when it has some. */
const showOffset = (offset: number): string => {
  const s = Math.abs(offset) / 1000
  const seconds = s % 60
  return `UTC${offset < 0 ? '-' : '+'}${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}${seconds === 0 ? '' : `:${pad(seconds)}`}`
}

/** An instant in UTC, rounded up or down to the minute: arithmetic only (no `Intl` to build). */
const utc = (ms: number, up: boolean): string => `${wallClock(toMinute(ms, up))} UTC`

/**
 * An instant in an IANA zone, through Intl (no time-zone data is bundled). The local time is
 * rounded, not the UTC one, so a zone whose offset has seconds (Africa/Monrovia before 1972,
 * -00:44:30) never shows an instant rounded up earlier than it is. Where the shown local time
 * occurs twice (the hour repeated when summer time ends), its UTC offset is shown too.
 */
const inZone = (timeZone: string): ((ms: number, up: boolean) => string) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  const cache = new Map<number, number>()
  /** The zone's offset from UTC at an instant, in milliseconds (whole seconds). */
  const offsetAt = (ms: number): number => {
    const second = Math.floor(ms / 1000) * 1000
    const known = cache.get(second)
    if (known !== undefined) return known
    const p: Record<string, string> = {}
    for (const x of parts.formatToParts(new Date(second))) p[x.type] = x.value
    const year = Number(p['year'])
    const d = new Date(0)
    d.setUTCFullYear(p['era'] === 'BC' || p['era'] === 'B' ? 1 - year : year, Number(p['month']) - 1, Number(p['day']))
    d.setUTCHours(Number(p['hour']) % 24, Number(p['minute']), Number(p['second']), 0)
    const offset = d.getTime() - second
    if (cache.size > 4096) cache.clear()
    cache.set(second, offset)
    return offset
  }
  return (ms, up) => {
    let offset = offsetAt(ms)
    let shown = toMinute(ms + offset, up)
    // rounded up across a change of offset: the instant shown is read at the offset it has
    const later = up ? offsetAt(shown - offset) : offset
    if (later !== offset) {
      shown = toMinute(shown - offset + later, true)
      offset = later
    }
    const at = shown - offset
    const ambiguous = [offsetAt(at - DAY), offsetAt(at + DAY)].some((other) => other !== offset && offsetAt(shown - other) === other)
    return `${wallClock(shown)} ${timeZone}${ambiguous ? ` (${showOffset(offset)})` : ''}`
  }
}

/**
 * The formatting helpers for a time zone (`UTC` unless named). An unknown zone throws a
 * `RangeError` (check it where it comes in, as the command line does). Instants are shown as
 * `YYYY-MM-DD HH:MM ZONE`, rounded in the local time toward "blocked": a wait up, `asOf` down.
 * Where the local time shown occurs twice (the hour repeated when summer time ends), the UTC
 * offset follows: `2026-10-25 02:30 Europe/Berlin (UTC+02:00)`.
 *
 * @example
 * formatIn('America/New_York').instant(parseInstant('2026-11-23T00:00:00Z')) // '2026-11-22 19:00 America/New_York'
 *
 * @category constructors
 * @since 0.2.0
 */
export const formatIn = (timeZone = 'UTC'): Format => {
  const show = timeZone === 'UTC' ? utc : inZone(timeZone)
  return {
    timeZone,
    instant: (i) => show(i, true),
    asOf: (i) => show(i, false),
    money: formatMoney,
    scope: formatScope,
    reason: (r) => r._tag,
  }
}
