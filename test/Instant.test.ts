import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'

import { parseInstant, toISOString } from '../src/index.js'

describe('parseInstant', () => {
  it('reads Z instants', () => {
    expect(parseInstant('2026-11-18T10:00:00Z')).toBe(Date.UTC(2026, 10, 18, 10))
  })
  it('turns an offset into UTC', () => {
    expect(parseInstant('2026-11-18T11:00:00+01:00')).toBe(Date.UTC(2026, 10, 18, 10))
    expect(parseInstant('2026-11-18T04:30:00-0530')).toBe(Date.UTC(2026, 10, 18, 10))
  })
  it('keeps milliseconds and drops finer fractions', () => {
    expect(parseInstant('2026-11-18T10:00:00.123456Z')).toBe(Date.UTC(2026, 10, 18, 10, 0, 0, 123))
    expect(parseInstant('2026-11-18T10:00:00.5Z')).toBe(Date.UTC(2026, 10, 18, 10, 0, 0, 500))
  })
  it('accepts a leap day and rejects impossible dates', () => {
    expect(parseInstant('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29))
    expect(parseInstant('2026-02-29T00:00:00Z')).toBeUndefined()
    expect(parseInstant('2100-02-29T00:00:00Z')).toBeUndefined()
    expect(parseInstant('2026-04-31T00:00:00Z')).toBeUndefined()
    expect(parseInstant('2026-11-18T24:00:00Z')).toBeUndefined()
  })
  it('rejects instants without a zone and other text', () => {
    for (const s of ['2026-11-18T10:00:00', '2026-11-18', 'yesterday', '', '2026-11-18 10:00:00Z', '2026-11-18T10:00:00z'])
      expect(parseInstant(s), s).toBeUndefined()
  })
  test.prop([fc.date({ min: new Date('1971-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })])(
    'round-trips: parseInstant(toISOString(t)) equals t',
    (d) => {
      expect(toISOString(parseInstant(d.toISOString()) as never)).toBe(d.toISOString())
    },
  )
})
