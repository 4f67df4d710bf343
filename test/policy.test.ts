/**
 * closureWith's own part: the extensions a list of rules declares, and the guard of a policy with
 * extensions, which refuses (saying why) a snapshot its codecs did not decode.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'

import { extensionsOf } from '../src/closure/policy.js'
import { closureWith, decodeSnapshot, defaultRules, defineRule } from '../src/index.js'
import type { AccountSnapshot } from '../src/index.js'
import { exampleJson } from './fixtures.js'

const fees = t.array(t.string)
const tickets = t.array(t.number)
const reading = (id: string, key: string, codec: t.Mixed) => defineRule({ id, paths: ['CloseAccount'], blockers: [], extension: { key, codec }, check: () => [], clear: () => [] })
const plainRule = defineRule({ id: 'plain', paths: ['CloseAccount'], blockers: [], check: () => [], clear: () => [] })

describe('the extensions of a list of rules', () => {
  it('in the order of the rules, each key and codec once; rules without one add none', () => {
    const a = reading('a', 'fees', fees)
    const b = reading('b', 'tickets', tickets)
    const c = reading('c', 'fees', fees)
    expect(extensionsOf([plainRule, a, b, c])).toEqual([a.extension, b.extension])
    expect(extensionsOf([b, plainRule, a])).toEqual([b.extension, a.extension])
    expect(extensionsOf([plainRule, ...defaultRules])).toEqual([])
    // one codec at two keys: two extensions
    const d = reading('d', 'more-fees', fees)
    expect(extensionsOf([a, d, c])).toEqual([a.extension, d.extension])
  })
})

describe('the guard of a policy with extensions', () => {
  const policy = closureWith([reading('a', 'fees', fees), reading('b', 'tickets', tickets)])
  const json = { ...(exampleJson('closable-freelancer') as object), extensions: { fees: ['f-1'], tickets: [1] } }
  const decoded = (d: E.Either<unknown, AccountSnapshot>): AccountSnapshot => {
    if (E.isLeft(d)) throw new Error('does not decode')
    return d.right
  }
  const questions = [policy.canClose, policy.closureSteps, policy.earliestClosableAt, policy.alternatives, policy.verdict] as const
  const refusal = (f: (s: AccountSnapshot) => unknown, s: unknown): string => {
    try {
      f(s as AccountSnapshot)
    } catch (e) {
      expect(e).toBeInstanceOf(TypeError)
      return (e as Error).message
    }
    return 'answered'
  }
  it("refuses a snapshot decoded without its codecs, naming the keys, in every question", () => {
    const other = decoded(decodeSnapshot(json))
    for (const f of questions)
      expect(refusal(f, other)).toBe(
        "account-closure: a snapshot whose extensions (fees, tickets) were not decoded with this policy's codecs; decode it with this policy's decodeSnapshot (closureWith(rules).decodeSnapshot) first",
      )
    // a policy that decodes only one of the keys, with the same codec, is not enough either
    const half = decoded(closureWith([reading('a', 'fees', fees)]).decodeSnapshot(json))
    expect(refusal(policy.canClose, half)).toMatch(/^account-closure: a snapshot whose extensions \(fees, tickets\)/)
  })
  it('refuses what no decoder of this library returned, saying so', () => {
    for (const f of questions)
      expect(refusal(f, json)).toBe(
        "account-closure: not a snapshot decoded by this library; decode it with this policy's decodeSnapshot (closureWith(rules).decodeSnapshot) first",
      )
  })
  it('answers a snapshot decoded by itself, by its text decoder, or by another policy with the same codecs', () => {
    const same = closureWith([reading('x', 'tickets', tickets), reading('y', 'fees', fees)])
    for (const s of [decoded(policy.decodeSnapshot(json)), decoded(policy.decodeSnapshotText(JSON.stringify(json))), decoded(same.decodeSnapshot(json))])
      for (const f of questions) expect(refusal(f, s)).toBe('answered')
  })
  it('a policy without extensions takes any decoded snapshot, and its schemas are built once', () => {
    const plain = closureWith([plainRule])
    expect(refusal(plain.canClose, decoded(policy.decodeSnapshot(json)))).toBe('answered')
    // and refuses raw JSON as the top-level functions do, in their words
    expect(refusal(plain.canClose, json)).toBe(
      'account-closure: not a snapshot decoded by this library (raw JSON or a copy); call decodeSnapshot (or decodeSnapshotText) on the input first',
    )
    expect(plain.jsonSchema).toBe(plain.jsonSchema)
    expect(plain.snapshotSchema).toBe(plain.snapshotSchema)
  })
})
