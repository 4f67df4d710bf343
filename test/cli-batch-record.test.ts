/**
 * `batch` writes the record of an answered line directly, not through `JSON.stringify` of an
 * object: the same bytes, escapes and all, and instants as `Date#toISOString` writes them.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { answeredRecord, isoOf } from '../src/cli/batch.js'
import { jsonText } from '../src/cli/escape.js'
import { instant, MAX, MIN } from '../src/model/Instant.js'

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('u-1', 'a"b\\c', 'x\u202ey', '\u2028', '\ud800', '\u001b[31m', ''),
)

describe('isoOf', () => {
  test.prop([fc.integer({ min: MIN, max: MAX - 1 })])('is Date#toISOString for every instant in range', (ms) => {
    expect(isoOf(instant(ms))).toBe(new Date(ms).toISOString())
  })
  it('at the edges of the range, a leap day and before 1970', () => {
    for (const iso of ['0001-01-01T00:00:00.000Z', '9998-12-31T23:59:59.999Z', '2024-02-29T12:34:56.789Z', '1969-12-31T23:59:59.001Z', '1600-03-01T00:00:00.010Z'])
      expect(isoOf(instant(Date.parse(iso)))).toBe(iso)
  })
})

describe('answeredRecord', () => {
  test.prop([
    fc.integer({ min: 1, max: 2 ** 40 }),
    text,
    fc.constantFrom('CloseAccount', 'CloseAgency', 'LeaveTeams'),
    fc.array(text, { maxLength: 5 }),
    fc.option(fc.integer({ min: MIN, max: MAX - 1 }), { nil: undefined }),
  ])('is jsonText of the record object, byte for byte', (line, userId, path, tags, earliest) => {
    const expected = jsonText({
      line,
      userId,
      path,
      closable: tags.length === 0,
      blockers: tags,
      earliestAt: earliest === undefined ? null : new Date(earliest).toISOString(),
    })
    const blockers = tags.map((_tag) => ({ _tag }))
    expect(answeredRecord(line, userId, path, blockers, earliest === undefined ? undefined : instant(earliest))).toBe(expected)
  })
})
