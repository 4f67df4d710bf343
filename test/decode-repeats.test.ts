import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'

import { decodeSnapshot, decodeSnapshotText } from '../src/index.js'
import { exampleJson } from './fixtures.js'

/** The `everything` example with `disputes` replaced by items of these ids. */
const withDisputes = (ids: ReadonlyArray<string>): Record<string, unknown> => ({
  ...(exampleJson('everything') as Record<string, unknown>),
  disputes: ids.map((id) => ({ id, status: 'resolved' })),
})

const messages = (u: unknown): ReadonlyArray<string> => {
  const d = decodeSnapshot(u, { maxErrors: Number.POSITIVE_INFINITY })
  return E.isLeft(d) ? d.left.map((e) => e.message) : []
}

describe('repeated ids (the set of ids, then a map from the first repeat on)', () => {
  it('every repeat is reported with the first item that has its id, also for ids first seen after a repeat', () => {
    expect(messages(withDisputes(['a', 'b', 'a', 'c', 'c', 'b', 'a', 'd']))).toEqual([
      'disputes[2].id: expected an id not used earlier in this list (disputes[0] has it), found "a"',
      'disputes[4].id: expected an id not used earlier in this list (disputes[3] has it), found "c"',
      'disputes[5].id: expected an id not used earlier in this list (disputes[1] has it), found "b"',
      'disputes[6].id: expected an id not used earlier in this list (disputes[0] has it), found "a"',
    ])
  })
  it('distinct ids decode', () => {
    expect(messages(withDisputes(['a', 'b', 'c']))).toEqual([])
  })
})

describe('the quick check of the text (one pass over its colons)', () => {
  const text = JSON.stringify(exampleJson('everything'))
  it('a number with a fraction or an exponent after any spacing is still found', () => {
    for (const written of ['1.0', '1e0', '1E0', '-0.5', '10.', '1e+0'])
      for (const space of ['', ' ', '\t', '\r\n '])
        expect(E.isLeft(decodeSnapshotText(text.replace(/"amount":(\d+)/, `"amount":${space}${written}`))), `${space}${written}`).toBe(true)
  })
  it('integers, and text inside strings that looks like a number, are not refused', () => {
    expect(E.isRight(decodeSnapshotText(text.replace(/"amount":(\d+)/, '"amount" : \t12050')))).toBe(true)
    expect(E.isRight(decodeSnapshotText(text.replace(/"name":"[^"]*"/, '"name":"x\\": 1.5"')))).toBe(true)
  })
})
