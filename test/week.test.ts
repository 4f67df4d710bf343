import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'

import { billingCycleEnd, weekEnd, weekStart } from '../src/rules/billing/week.js'
import { parseInstant } from '../src/index.js'
import type { Instant } from '../src/index.js'

const at = (s: string): Instant => {
  const i = parseInstant(s)
  if (i === undefined) throw new Error(s)
  return i
}
const iso = (i: number): string => new Date(i).toISOString()

describe('billing week', () => {
  it('a Wednesday belongs to the week starting the Monday before', () => {
    expect(iso(weekStart(at('2026-11-18T10:00:00Z')))).toBe('2026-11-16T00:00:00.000Z')
    expect(iso(weekEnd(at('2026-11-18T10:00:00Z')))).toBe('2026-11-23T00:00:00.000Z')
  })
  it('Monday 00:00:00 UTC starts its own week (inclusive start)', () => {
    expect(iso(weekStart(at('2026-11-16T00:00:00Z')))).toBe('2026-11-16T00:00:00.000Z')
    expect(iso(weekEnd(at('2026-11-16T00:00:00Z')))).toBe('2026-11-23T00:00:00.000Z')
  })
  it('the last millisecond of Sunday belongs to the week before', () => {
    expect(iso(weekEnd(at('2026-11-15T23:59:59.999Z')))).toBe('2026-11-16T00:00:00.000Z')
  })
  it('an offset is compared as an instant: Monday 00:30+01:00 is still Sunday in UTC', () => {
    expect(iso(weekEnd(at('2026-11-16T00:30:00+01:00')))).toBe('2026-11-16T00:00:00.000Z')
    expect(iso(weekEnd(at('2026-11-15T20:00:00-05:00')))).toBe('2026-11-23T00:00:00.000Z')
  })
  it('the last week of a year runs into the next', () => {
    expect(iso(weekEnd(at('2026-12-31T12:00:00Z')))).toBe('2027-01-04T00:00:00.000Z')
    expect(iso(weekStart(at('2027-01-01T00:00:00Z')))).toBe('2026-12-28T00:00:00.000Z')
  })
  it('a leap day sits in an ordinary week', () => {
    expect(iso(weekStart(at('2028-02-29T08:00:00Z')))).toBe('2028-02-28T00:00:00.000Z')
    expect(iso(weekEnd(at('2028-02-29T08:00:00Z')))).toBe('2028-03-06T00:00:00.000Z')
  })
  it('the client-invoice policy ends the cycle at Monday 12:00 UTC', () => {
    expect(iso(billingCycleEnd(at('2026-11-18T10:00:00Z'), 'client-invoice'))).toBe('2026-11-23T12:00:00.000Z')
    expect(iso(billingCycleEnd(at('2026-11-18T10:00:00Z')))).toBe('2026-11-23T00:00:00.000Z')
  })
  test.prop([fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) })])(
    'weekStart is a Monday midnight at or before t, and weekEnd is 7 days later and after t',
    (t) => {
      const start = weekStart(t as Instant)
      const d = new Date(start)
      expect(d.getUTCDay()).toBe(1)
      expect(d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() + d.getUTCMilliseconds()).toBe(0)
      expect(start).toBeLessThanOrEqual(t)
      expect(weekEnd(t as Instant)).toBe(start + 7 * 86_400_000)
      expect(weekEnd(t as Instant)).toBeGreaterThan(t)
    },
  )
})
