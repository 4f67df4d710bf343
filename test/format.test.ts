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
