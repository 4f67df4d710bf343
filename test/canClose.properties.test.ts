/**
 * SPEC §6, items 4, 5, 6, 7 and 9: the laws of canClose and earliestClosableAt.
 */
import { describe, expect } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'

import { agencyTarget, canClose, closureSteps, defaultRules, earliestClosableAt, sortBlockers, verdict } from '../src/index.js'
import { scopeKey } from '../src/model/Scope.js'
import type { AccountSnapshot, Blocker, Instant } from '../src/index.js'
import { add, addition, isDeeplyFrozen, shuffleAll, SHAPES, snapshot, snapshotWithTarget } from './arbitraries.js'
import { lefts, redecode } from './fixtures.js'

/** A blocker's identity: what it is about, not the details it reports. */
const identity = (b: Blocker): string => `${b._tag}|${b.scope === undefined ? '' : scopeKey(b.scope)}|${b.subject ?? ''}`
const unclearable = new Set<string>(defaultRules.filter((r) => !r.clearable).map((r) => r.id))
const policy = fc.constantFrom('week-end' as const, 'client-invoice' as const)

describe('canClose', () => {
  test.prop([snapshotWithTarget(), addition()])(
    'adding an open contract, proposal, job, member or dispute never removes a blocker',
    ([s, t], a) => {
      const before = lefts(canClose(s, t)).map(identity)
      const after = new Set(lefts(canClose(add(s, a), t)).map(identity))
      for (const b of before) expect(after).toContain(b)
    },
  )

  test.prop([snapshotWithTarget(), fc.integer()])(
    'shuffling every list of the snapshot changes neither the blockers (as a set) nor the plan',
    ([s, t], seed) => {
      const shuffled = redecode(shuffleAll(s, seed))
      expect(sortBlockers(lefts(canClose(shuffled, t)))).toEqual(sortBlockers(lefts(canClose(s, t))))
      expect(E.isRight(canClose(shuffled, t))).toBe(E.isRight(canClose(s, t)))
      expect(closureSteps(shuffled, t)).toEqual(closureSteps(s, t))
    },
  )

  test.prop([snapshot({ ...SHAPES.anything, agencies: { roles: ['admin', 'member'], min: 1, max: 2 } }), fc.nat()])(
    'a user who is not an agency’s owner never gets Right for closing it',
    (s, i) => {
      const agency = s.agencies[i % s.agencies.length]
      fc.pre(agency !== undefined)
      if (agency === undefined) throw new Error('unreachable: fc.pre')
      const result = canClose(s, agencyTarget(agency.id))
      expect(E.isLeft(result)).toBe(true)
      expect(lefts(result)).toContainEqual({ _tag: 'NotOwner', rule: 'owner-only', scope: { _tag: 'Agency', agencyId: agency.id }, role: agency.role })
      expect(lefts(result).every((b) => b.scope === undefined || b._tag === 'NotOwner')).toBe(true)
    },
  )

  test.prop([snapshotWithTarget(), policy])('same input, same output; a decoded snapshot is deeply frozen and never mutated', ([s, t], p) => {
    const copy = structuredClone(s)
    const options = { billingCycleEnd: p }
    expect(isDeeplyFrozen(s)).toBe(true)
    expect(canClose(s, t, options)).toEqual(canClose(s, t, options))
    expect(closureSteps(s, t, options)).toEqual(closureSteps(s, t, options))
    expect(verdict(s, t, options)).toEqual(verdict(s, t, options))
    expect(earliestClosableAt(s, t, options)).toEqual(earliestClosableAt(s, t, options))
    expect(s).toEqual(copy)
  })

  test.prop([snapshotWithTarget(), policy])(
    'earliestAt is null or at or after asOf; asOf when closable; null exactly when a blocker is not the user’s to clear',
    ([s, t], p) => {
      const options = { billingCycleEnd: p }
      const blockers = lefts(canClose(s, t, options))
      const earliest = earliestClosableAt(s, t, options)
      expect(O.isNone(earliest)).toBe(blockers.some((b) => unclearable.has(b.rule)))
      if (O.isSome(earliest)) expect(earliest.value).toBeGreaterThanOrEqual(s.asOf)
      if (blockers.length === 0) expect(earliest).toEqual(O.some(s.asOf))
    },
  )

  test.prop([snapshotWithTarget(), policy])(
    'advancing asOf to earliestAt clears every PaymentPending and BillingCycleOpen',
    ([s, t], p) => {
      const options = { billingCycleEnd: p }
      const earliest = earliestClosableAt(s, t, options)
      fc.pre(O.isSome(earliest))
      if (O.isNone(earliest)) throw new Error('unreachable: fc.pre')
      const later: AccountSnapshot = redecode({ ...s, asOf: earliest.value as Instant })
      const left = lefts(canClose(later, t, options)).filter((b) => b._tag === 'PaymentPending' || b._tag === 'BillingCycleOpen')
      expect(left).toEqual([])
    },
  )
})
