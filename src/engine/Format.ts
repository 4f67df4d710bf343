/**
 * How messages show facts to a person: instants in a time zone, rounded toward "blocked";
 * money with its currency; scopes in words.
 *
 * @since 0.2.0
 */
import type { Instant } from '../model/Instant.js'
import type { Money } from '../model/Money.js'
import type { Scope } from '../model/Scope.js'
import type { WaitReasonBase } from './Step.js'

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
  /**
   * A scope as a person knows it: `your freelancer work`; a company or agency by its name
   * (`Acme`), with its id where two companies or agencies of the snapshot share that name
   * (`Acme (co-1)`); by kind and id where it has no name (`company co-1`, `agency ag-1`).
   */
  readonly scope: (s: Scope) => string
  /**
   * The same with its kind, for where the kind matters (`the agency Studio`, `the company
   * Acme (co-1)`, `the agency ag-1`, `your freelancer work`).
   */
  readonly scopeWithKind: (s: Scope) => string
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

/**
 * What the words need from a snapshot to name its companies and agencies (a decoded snapshot is
 * one).
 *
 * @category model
 * @since 0.3.0
 */
export interface Names {
  readonly companies: ReadonlyArray<{ readonly id: string; readonly name: string }>
  readonly agencies: ReadonlyArray<{ readonly id: string; readonly name: string }>
}

/** The shown name of each company and agency by scope key, its id added where a name is shared. */
const shownNames = (names: Names): ReadonlyMap<string, string> => {
  const all = [
    ...names.companies.map((c) => ({ key: `c:${c.id}`, id: c.id, name: c.name.trim() })),
    ...names.agencies.map((a) => ({ key: `a:${a.id}`, id: a.id, name: a.name.trim() })),
  ].filter((x) => x.name !== '')
  const count = new Map<string, number>()
  for (const x of all) count.set(x.name, (count.get(x.name) ?? 0) + 1)
  const out = new Map<string, string>()
  for (const x of all) out.set(x.key, (count.get(x.name) ?? 0) > 1 ? `${x.name} (${x.id})` : x.name)
  return out
}

/** The scope helpers of a `Format`: by name where the snapshot gives one, by kind and id otherwise. */
const scopeWords = (names: Names | undefined): Pick<Format, 'scope' | 'scopeWithKind'> => {
  let shown: ReadonlyMap<string, string> | undefined
  const nameOf = (key: string): string | undefined => {
    if (names === undefined) return undefined
    shown ??= shownNames(names)
    return shown.get(key)
  }
  // the last scope's words, kept: messages come in runs of one scope (compared by its fields)
  let lastTag: string | undefined
  let lastId: string | undefined
  let lastWords = ''
  const scope = (s: Scope): string => {
    if (s._tag === 'Freelancer') return 'your freelancer work'
    const id = s._tag === 'Company' ? s.companyId : s.agencyId
    if (s._tag !== lastTag || id !== lastId) {
      const [kind, key] = s._tag === 'Company' ? ['company', `c:${id}`] : ['agency', `a:${id}`]
      lastTag = s._tag
      lastId = id
      lastWords = nameOf(key) ?? `${kind} ${id}`
    }
    return lastWords
  }
  const scopeWithKind = (s: Scope): string => {
    if (s._tag === 'Freelancer') return scope(s)
    const [kind, key] = s._tag === 'Company' ? ['company', `c:${s.companyId}`] : ['agency', `a:${s.agencyId}`]
    const name = nameOf(key)
    return name === undefined ? `the ${scope(s)}` : `the ${kind} ${name}`
  }
  return { scope, scopeWithKind }
}

const DAY = 86_400_000

/** `YYYY-MM-DD HH:MM` of a wall-clock time held as milliseconds (read as UTC), by arithmetic. */
const wallClock = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')

/** A minute boundary: the one at or after `ms` (`up`), or at or before it. */
const toMinute = (ms: number, up: boolean): number => Math[up ? 'ceil' : 'floor'](ms / MINUTE) * MINUTE

/** An instant in UTC, rounded up or down to the minute: arithmetic only (no `Intl` to build). */
const utc = (ms: number, up: boolean): string => `${wallClock(toMinute(ms, up))} UTC`

/**
 * An instant in an IANA zone, through Intl (no time-zone data is bundled). The local time is
 * rounded, not the UTC one, so a zone whose offset has seconds (Africa/Monrovia before 1972,
 * -00:44:30) never shows an instant rounded up earlier than it is. Where the shown local time
 * occurs twice (the hour repeated when summer time ends), its UTC offset is shown too.
 */
const inZone = (timeZone: string): ((ms: number, up: boolean) => string) => {
  const zone = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
  /** The zone's offset from UTC at an instant, in milliseconds, read from `GMT-00:44:30` (`GMT` for zero). */
  const offsetAt = (ms: number): number => {
    const [, sign, h = '0', m = '0', s = '0'] = /([+-])(\d\d):(\d\d):?(\d\d)?/.exec(zone.format(ms)) ?? []
    return (sign === '-' ? -1000 : 1000) * ((Number(h) * 60 + Number(m)) * 60 + Number(s))
  }
  return (ms, up) => {
    let offset = offsetAt(ms)
    let shown = toMinute(ms + offset, up)
    // rounded up across a change of offset: the instant shown is read at the offset it has
    const later = offsetAt(shown - offset)
    if (up && later !== offset) {
      shown = toMinute(shown - offset + later, true)
      offset = later
    }
    const twice = [DAY, -DAY].some((d) => {
      const other = offsetAt(shown - offset + d)
      return other !== offset && offsetAt(shown - other) === other
    })
    // `UTC+02:00`, `UTC-00:44:30`: the offset as a time of day, its seconds only when it has some
    const hhmm = new Date(Math.abs(offset)).toISOString().slice(11, offset % MINUTE === 0 ? 16 : 19)
    return `${wallClock(shown)} ${timeZone}${twice ? ` (UTC${offset < 0 ? '-' : '+'}${hhmm})` : ''}`
  }
}

/**
 * The formatting helpers for a time zone (`UTC` unless named), naming the companies and agencies
 * of `names` (a snapshot) by their names (by kind and id without it). An unknown zone throws a
 * `RangeError` (check it where it comes in, as the command line does). Instants are shown as
 * `YYYY-MM-DD HH:MM ZONE`, rounded in the local time toward "blocked": a wait up, `asOf` down.
 * Where the local time shown occurs twice (the hour repeated when summer time ends), the UTC
 * offset follows: `2026-10-25 02:30 Europe/Berlin (UTC+02:00)`.
 *
 * @example
 * import { formatIn, parseInstant } from 'account-closure'
 *
 * const monday = parseInstant('2026-11-23T00:00:00Z')
 * if (monday === undefined) throw new Error('not an instant')
 * console.log(formatIn('America/New_York').instant(monday)) // '2026-11-22 19:00 America/New_York'
 * const named = formatIn('UTC', { companies: [{ id: 'co-1', name: 'Acme' }], agencies: [{ id: 'ag-1', name: 'Studio' }] })
 * console.log(named.scope({ _tag: 'Company', companyId: 'co-1' })) // 'Acme'
 * console.log(named.scopeWithKind({ _tag: 'Agency', agencyId: 'ag-1' })) // 'the agency Studio'
 *
 * @category constructors
 * @since 0.2.0
 */
export const formatIn = (timeZone = 'UTC', names?: Names): Format => {
  const show = timeZone === 'UTC' ? utc : inZone(timeZone)
  // the text of each instant a wait shows, once: many blockers and reasons share a few instants
  // (at most a thousand kept)
  const shown = new Map<number, string>()
  return {
    timeZone,
    instant: (i) => {
      let text = shown.get(i)
      if (text === undefined) {
        if (shown.size >= 1000) shown.clear()
        shown.set(i, (text = show(i, true)))
      }
      return text
    },
    asOf: (i) => show(i, false),
    money: formatMoney,
    ...scopeWords(names),
    reason: (r) => r._tag,
  }
}
