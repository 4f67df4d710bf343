/**
 * Found by an attacker's review of issues 21 and 22: each test names what must hold, and each
 * failed on the branch it was written against.
 */

import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

import { accountTarget, agencyTarget, canClose, closureWith, decodeSnapshot, defaultRules, defineBlocker, defineRule, verdict } from '../src/index.js'
import type { AccountSnapshot, Target } from '../src/index.js'
import { exampleJson } from './fixtures.js'

type Obj = Record<string, unknown>

/** A freelancer who owns an empty agency and has an active contract: the agency can close, the account cannot. */
const agencyFreeAccountBlocked = (): AccountSnapshot => {
  const json = structuredClone(exampleJson('closable-freelancer')) as Obj
  json['agencies'] = [
    { id: 'ag-1', name: 'Studio', role: 'owner', members: [], contracts: [], proposals: [], earnings: { pending: [], available: { amount: 0, currency: 'USD' } } },
  ]
  ;(json['freelancer'] as Obj)['contracts'] = [{ id: 'c-1', type: 'fixed', status: 'active', endedAt: null }]
  const d = decodeSnapshot(json)
  if (E.isLeft(d)) throw new Error(d.left.map((e) => e.message).join('; '))
  return d.right
}

/** A rule of one's own that tries to retarget the question it is asked. */
const retargeting = defineRule({
  id: 'retarget',
  paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'],
  blockers: [defineBlocker({ tag: 'Retarget', rule: 'retarget', words: () => 'never' })],
  check: (facts) => {
    const target = facts.target as { _tag: string; agencyId?: string }
    target._tag = 'Agency'
    target.agencyId = 'ag-1'
    return []
  },
  clear: () => [],
})

describe('targets are values nobody can change', () => {
  it('a rule that writes to facts.target fails naming it and never changes what later calls answer for the account', () => {
    const s = agencyFreeAccountBlocked()
    expect(E.isLeft(canClose(s))).toBe(true)
    expect(E.isRight(canClose(s, agencyTarget('ag-1')))).toBe(true)
    expect(() => closureWith([retargeting]).canClose(s)).toThrow(/retarget/)
    // the shared account target is still the account: the account is still blocked
    expect(accountTarget).toEqual({ _tag: 'Account' })
    expect(E.isLeft(canClose(s))).toBe(true)
    expect(verdict(s).closable).toBe(false)
    expect(verdict(s).path).toBe('CloseAccount')
  })

  it('the target a Closable answer carries cannot be changed to retarget later calls', () => {
    const s = agencyFreeAccountBlocked()
    const closable = closureWith([]).canClose(s)
    if (E.isLeft(closable)) throw new Error('closureWith([]) blocked')
    const target = closable.right.target as { _tag: string; agencyId?: string }
    expect(() => {
      target._tag = 'Agency'
      target.agencyId = 'ag-1'
    }).toThrow(TypeError)
    expect(E.isLeft(canClose(s))).toBe(true)
  })

  it("a rule that writes to an agency target's facts fails naming it, and the verdict reports the target asked for", () => {
    const s = agencyFreeAccountBlocked()
    const asked: Target = { _tag: 'Agency', agencyId: 'ag-1' }
    const moving = defineRule({
      id: 'moving',
      paths: ['CloseAgency'],
      blockers: [],
      check: (facts) => {
        ;(facts.target as { agencyId: string }).agencyId = 'ag-elsewhere'
        return []
      },
      clear: () => [],
    })
    expect(() => closureWith([...defaultRules, moving]).verdict(s, asked)).toThrow(/moving/)
  })
})

describe("a rule's answer is taken once: what was checked is what is used", () => {
  const blocks = defineBlocker({ tag: 'Kept', rule: 'kept', words: () => 'kept' })
  const closable = (): AccountSnapshot => {
    const d = decodeSnapshot(exampleJson('closable-freelancer'))
    if (E.isLeft(d)) throw new Error('fixture')
    return d.right
  }

  it('a check that empties the array it returned (before clear runs) still blocks the verdict', () => {
    const kept: Array<unknown> = []
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      check: () => {
        kept.length = 0
        kept.push(blocks({}))
        return kept as ReadonlyArray<ReturnType<typeof blocks>>
      },
      clear: () => {
        kept.length = 0
        return []
      },
    })
    const v = closureWith([...defaultRules, rule]).verdict(closable())
    expect(v.closable).toBe(false)
    expect(v.blockers.map((b) => b._tag)).toEqual(['Kept'])
  })

  it('a blocker changed after it passed the check cannot change what is reported', () => {
    let last: { _tag: string } | undefined
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      check: () => {
        const b = blocks({})
        last = b
        return [b]
      },
      clear: () => {
        if (last !== undefined) (last as { _tag: string })._tag = 'Forged'
        return []
      },
    })
    const v = closureWith([...defaultRules, rule]).verdict(closable())
    expect(v.blockers.map((b) => b._tag)).toEqual(['Kept'])
  })

  it('a proxy array that answers differently on a second read gives what was checked, never null', () => {
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      check: () => {
        let reads = 0
        const real = [blocks({})]
        return new Proxy(real, {
          get: (t, k, r) => (k === '0' && reads++ > 0 ? null : Reflect.get(t, k, r)),
        })
      },
      clear: () => [],
    })
    const answer = closureWith([...defaultRules, rule]).canClose(closable())
    expect(E.isLeft(answer) ? answer.left.map((b) => b?._tag) : []).toEqual(['Kept'])
  })
})
