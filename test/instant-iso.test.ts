/**
 * `toISOString` writes an instant by arithmetic (no `Date` to make), exactly as
 * `Date#toISOString` does.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { instant, MAX, MIN, toISOString } from '../src/model/Instant.js'

describe('toISOString', () => {
  test.prop([fc.integer({ min: MIN, max: MAX - 1 })])('is Date#toISOString for every instant in range', (ms) => {
    expect(toISOString(instant(ms))).toBe(new Date(ms).toISOString())
  })
  it('at the edges of the range, a leap day and before 1970', () => {
    for (const iso of ['0001-01-01T00:00:00.000Z', '9998-12-31T23:59:59.999Z', '2024-02-29T12:34:56.789Z', '1969-12-31T23:59:59.001Z', '1600-03-01T00:00:00.010Z'])
      expect(toISOString(instant(Date.parse(iso)))).toBe(iso)
  })
  test.prop([fc.integer({ min: -8.64e15, max: 8.64e15 })])('is Date#toISOString for every time a Date holds (a year past 9999 by Date itself)', (ms) => {
    expect(toISOString(instant(ms))).toBe(new Date(ms).toISOString())
  })
})

