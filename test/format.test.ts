/**
 * Instants shown to a person: rounded in the shown local time toward "blocked" (a wait up, `asOf`
 * down), with the UTC offset where the local time occurs twice; UTC by arithmetic.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { formatIn } from '../src/engine/Format.js'
import type { Instant } from '../src/model/Instant.js'

const at = (iso: string): Instant => Date.parse(iso) as Instant

/** The instant a shown `YYYY-MM-DD HH:MM` denotes at a UTC offset. */
const denoted = (shown: string, offsetMs: number): number => Date.parse(`${shown.slice(0, 16).replace(' ', 'T')}:00Z`) - offsetMs

describe('formatIn', () => {
  it('rounds the local time, not the UTC one, in a zone whose offset has seconds', () => {
    const monrovia = formatIn('Africa/Monrovia')
    // -00:44:30: 10:00:45Z is 09:16:15 local; rounding the UTC minute up would show 09:16, before it
    expect(monrovia.instant(at('1950-06-01T10:00:45Z'))).toBe('1950-06-01 09:17 Africa/Monrovia')
    expect(monrovia.asOf(at('1950-06-01T10:00:45Z'))).toBe('1950-06-01 09:16 Africa/Monrovia')
    // from 1972 on, the zone is UTC itself
    expect(monrovia.instant(at('1980-06-01T10:00:45Z'))).toBe('1980-06-01 10:01 Africa/Monrovia')
  })
  test.prop([fc.integer({ min: Date.parse('1940-01-01T00:00:00Z'), max: Date.parse('1971-12-31T00:00:00Z') })])(
    'a wait is never shown before it is, nor asOf after it is (Monrovia, -00:44:30)',
    (ms) => {
      const offset = -(44 * 60 + 30) * 1000
      const f = formatIn('Africa/Monrovia')
      expect(denoted(f.instant(ms as Instant), offset)).toBeGreaterThanOrEqual(ms)
      expect(denoted(f.instant(ms as Instant), offset) - ms).toBeLessThan(60_000)
      expect(denoted(f.asOf(ms as Instant), offset)).toBeLessThanOrEqual(ms)
    },
  )
  it('shows the offset where the local time is ambiguous, and only there', () => {
    const berlin = formatIn('Europe/Berlin')
    expect(berlin.instant(at('2026-10-25T00:30:00Z'))).toBe('2026-10-25 02:30 Europe/Berlin (UTC+02:00)')
    expect(berlin.instant(at('2026-10-25T01:30:00Z'))).toBe('2026-10-25 02:30 Europe/Berlin (UTC+01:00)')
    expect(berlin.asOf(at('2026-10-25T01:30:20Z'))).toBe('2026-10-25 02:30 Europe/Berlin (UTC+01:00)')
    expect(berlin.instant(at('2026-10-25T02:30:00Z'))).toBe('2026-10-25 03:30 Europe/Berlin')
    expect(berlin.instant(at('2026-10-24T23:30:00Z'))).toBe('2026-10-25 01:30 Europe/Berlin')
    // the hour skipped in spring is never shown: rounding up across it shows the time after it
    expect(berlin.instant(at('2026-03-29T00:59:30Z'))).toBe('2026-03-29 03:00 Europe/Berlin')
    expect(berlin.asOf(at('2026-03-29T00:59:30Z'))).toBe('2026-03-29 01:59 Europe/Berlin')
  })
  it('UTC by arithmetic: rounded, four-digit years, never an offset', () => {
    const utc = formatIn()
    expect(utc.instant(at('2026-11-22T23:59:00.001Z'))).toBe('2026-11-23 00:00 UTC')
    expect(utc.asOf(at('2026-11-22T23:59:59.999Z'))).toBe('2026-11-22 23:59 UTC')
    expect(utc.instant(at('0001-01-01T00:00:00Z'))).toBe('0001-01-01 00:00 UTC')
    expect(utc.instant(at('9998-12-31T23:59:30Z'))).toBe('9999-01-01 00:00 UTC')
  })
  test.prop([fc.integer({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.parse('9998-12-31T23:59:59.999Z') })])(
    'UTC: the shown minute is the instant rounded up (a wait) or down (asOf)',
    (ms) => {
      const utc = formatIn('UTC')
      expect(denoted(utc.instant(ms as Instant), 0)).toBe(Math.ceil(ms / 60_000) * 60_000 + 0)
      expect(denoted(utc.asOf(ms as Instant), 0)).toBe(Math.floor(ms / 60_000) * 60_000 + 0)
    },
  )
})

describe('formatIn: offsets with seconds, and changes between minutes', () => {
  it('a local time that occurs twice is shown with its offset, seconds included (Dublin, October 1916: +00:34:39, then GMT)', () => {
    const dublin = formatIn('Europe/Dublin')
    // clocks went back from 03:00:00 (+00:34:39) to 02:25:21 (GMT) at 02:25:21Z: 02:25:21–03:00 local came twice
    expect(dublin.instant(at('1916-10-01T02:10:00Z'))).toBe('1916-10-01 02:45 Europe/Dublin (UTC+00:34:39)')
    expect(dublin.asOf(at('1916-10-01T02:20:00Z'))).toBe('1916-10-01 02:54 Europe/Dublin (UTC+00:34:39)')
    expect(dublin.instant(at('1916-10-01T02:40:00Z'))).toBe('1916-10-01 02:40 Europe/Dublin (UTC+00:00)')
    // before the window, and after it: once, no offset
    expect(dublin.instant(at('1916-10-01T01:30:00Z'))).toBe('1916-10-01 02:05 Europe/Dublin')
    expect(dublin.instant(at('1916-10-01T03:10:00Z'))).toBe('1916-10-01 03:10 Europe/Dublin')
  })
  it('rounds at the offset the instant has, where the offset changes between two minutes (Monrovia, 1972-01-07 00:44:30Z)', () => {
    const monrovia = formatIn('Africa/Monrovia')
    // asOf, rounded down: the minute 00:44 at the new offset (zero) begins before the change, and stays 00:44
    expect(monrovia.asOf(at('1972-01-07T00:44:45Z'))).toBe('1972-01-07 00:44 Africa/Monrovia')
    // a wait just before the change (23:59:45 local), rounded up: midnight local never came; 00:45 at the new offset did
    expect(monrovia.instant(at('1972-01-07T00:44:15Z'))).toBe('1972-01-07 00:45 Africa/Monrovia')
    expect(monrovia.asOf(at('1972-01-07T00:44:15Z'))).toBe('1972-01-06 23:59 Africa/Monrovia')
  })

  /** The wall-clock minute an instant has in Berlin, as `YYYY-MM-DD HH:MM`. */
  const berlinWall = (() => {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    return (ms: number): string => {
      const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]))
      return `${p['year'] ?? ''}-${p['month'] ?? ''}-${p['day'] ?? ''} ${p['hour'] ?? ''}:${p['minute'] ?? ''}`
    }
  })()
  /** The last Sunday of a month, 01:00Z: when Berlin's clocks change. */
  const lastSunday = (year: number, month: number): number => {
    const end = Date.UTC(year, month + 1, 0)
    return end - new Date(end).getUTCDay() * 86_400_000 + 3_600_000
  }
  test.prop([fc.integer({ min: 1990, max: 2035 }), fc.constantFrom(2, 9), fc.integer({ min: -150 * 60_000, max: 150 * 60_000 })])(
    'Berlin around its changes: the offset is shown exactly when the minute shown occurs twice, and the minute shown is the instant rounded',
    (year, month, delta) => {
      const ms = lastSunday(year, month) + delta
      for (const [shown, up] of [
        [formatIn('Europe/Berlin').instant(ms as Instant), true],
        [formatIn('Europe/Berlin').asOf(ms as Instant), false],
      ] as const) {
        const wall = shown.slice(0, 16)
        // the instants, at Berlin's two offsets, whose wall-clock minute is the one shown
        const candidates = [3_600_000, 7_200_000].map((o) => denoted(wall, o)).filter((t) => berlinWall(t) === wall)
        expect(shown.includes('(UTC+')).toBe(candidates.length === 2)
        // the shown minute is the instant rounded: up, less than a minute after it; down, less than a minute before it
        const rounded = candidates.find((t) => (up ? t >= ms && t - ms < 60_000 : t <= ms && ms - t < 60_000))
        expect(rounded).toBeDefined()
        // and where it occurs twice, the offset shown is the one of that instant
        if (candidates.length === 2) expect(shown.slice(17)).toBe(`Europe/Berlin (UTC+0${denoted(wall, 0) - (rounded ?? 0) === 7_200_000 ? 2 : 1}:00)`)
      }
    },
  )
})

describe('formatIn: the words of a scope', () => {
  const names = {
    companies: [
      { id: 'c-1', name: '  Acme  ' },
      { id: 'c-2', name: '   ' },
      { id: 'x-1', name: 'Twin' },
    ],
    agencies: [{ id: 'x-1', name: 'Twin' }],
  }
  it('by the name the snapshot gives, trimmed; by kind and id where the name is blank; the id added where a name is shared', () => {
    const f = formatIn('UTC', names)
    expect(f.scope({ _tag: 'Company', companyId: 'c-1' })).toBe('Acme')
    expect(f.scope({ _tag: 'Company', companyId: 'c-2' })).toBe('company c-2')
    expect(f.scope({ _tag: 'Company', companyId: 'x-1' })).toBe('Twin (x-1)')
    expect(f.scope({ _tag: 'Agency', agencyId: 'x-1' })).toBe('Twin (x-1)')
    expect(f.scope({ _tag: 'Agency', agencyId: 'a-9' })).toBe('agency a-9')
  })
  it('each scope its own words, one after another in one format (a company and an agency with one id too)', () => {
    const f = formatIn('UTC')
    const said = [
      f.scope({ _tag: 'Company', companyId: 'k-1' }),
      f.scope({ _tag: 'Company', companyId: 'k-1' }),
      f.scope({ _tag: 'Agency', agencyId: 'k-1' }),
      f.scope({ _tag: 'Company', companyId: 'k-1' }),
      f.scope({ _tag: 'Company', companyId: 'k-2' }),
      f.scope({ _tag: 'Freelancer' }),
      f.scope({ _tag: 'Company', companyId: 'k-2' }),
    ]
    expect(said).toEqual(['company k-1', 'company k-1', 'agency k-1', 'company k-1', 'company k-2', 'your freelancer work', 'company k-2'])
  })
  it('with its kind: "the company Acme", "the agency a-9", and the freelancer work as it is', () => {
    const f = formatIn('UTC', names)
    expect(f.scopeWithKind({ _tag: 'Company', companyId: 'c-1' })).toBe('the company Acme')
    expect(f.scopeWithKind({ _tag: 'Agency', agencyId: 'a-9' })).toBe('the agency a-9')
    expect(f.scopeWithKind({ _tag: 'Freelancer' })).toBe('your freelancer work')
  })
})
