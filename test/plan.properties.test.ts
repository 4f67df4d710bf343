/**
 * SPEC §6, items 1, 2 and 3: the laws of the plan.
 */
import { describe, expect } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'

import { canClose, closureSteps, decodeSnapshot, earliestClosableAt, encodeSnapshot } from '../src/index.js'
import { scopeKey } from '../src/model/Scope.js'
import type { Blocker, Step } from '../src/index.js'
import { snapshotWithTarget } from './arbitraries.js'
import { lefts, redecode } from './fixtures.js'
import { run } from './platform.js'

const policy = fc.constantFrom('week-end' as const, 'client-invoice' as const)
const exists = ([s, t]: readonly [{ readonly agencies: ReadonlyArray<{ readonly id: string }> }, { readonly _tag: string; readonly agencyId?: string }]) =>
  t._tag === 'Account' || s.agencies.some((a) => a.id === t.agencyId)
const existing = () => snapshotWithTarget().filter(exists)

const ID_FIELDS = ['contractId', 'proposalId', 'jobId', 'userId', 'disputeId', 'agencyId'] as const

/** Does this step clear this blocker: the same rule, the same scope and item, or a wait for it? */
const clears = (step: Step, b: Blocker): boolean => {
  if (!step.resolves.includes(b.rule)) return false
  if (step._tag === 'WaitUntil')
    return step.reasons.some((r) =>
      b._tag === 'PaymentPending'
        ? r._tag === 'PaymentAvailable' && r.paymentId === b.paymentId && scopeKey(r.scope) === scopeKey(b.scope)
        : b._tag === 'BillingCycleOpen' && r._tag === 'BillingWeekEnds' && r.contractId === b.contractId && scopeKey(r.scope) === scopeKey(b.scope),
    )
  if ('scope' in b && 'scope' in step && scopeKey(b.scope) !== scopeKey(step.scope)) return false
  const s = step as unknown as Record<string, unknown>
  const k = b as unknown as Record<string, unknown>
  return ID_FIELDS.every((f) => s[f] === undefined || k[f] === undefined || s[f] === k[f])
}

describe('closureSteps', () => {
  test.prop([existing(), policy])('canClose is Right exactly when the plan has no remedy or wait step', ([s, t], p) => {
    const steps = closureSteps(s, t, { billingCycleEnd: p })
    expect(E.isRight(canClose(s, t, { billingCycleEnd: p }))).toBe(!steps.some((x) => x.kind === 'remedy' || x.kind === 'wait'))
  })

  test.prop([snapshotWithTarget(), policy])(
    'every blocker but UnknownTarget is resolved by some step; every remedy or wait resolves a blocker, or one an earlier step raises',
    ([s, t], p) => {
      const blockers = lefts(canClose(s, t, { billingCycleEnd: p }))
      const steps = closureSteps(s, t, { billingCycleEnd: p })
      for (const b of blockers) if (b._tag !== 'UnknownTarget') expect(steps.some((x) => clears(x, b)), b._tag).toBe(true)
      steps.forEach((step, i) => {
        if (step.kind !== 'remedy' && step.kind !== 'wait') return
        if (blockers.some((b) => clears(step, b))) return
        const earlier = steps.slice(0, i)
        const raisedBy = (() => {
          switch (step._tag) {
            case 'WaitUntil':
              // the billing week of an hourly contract the plan itself ends
              return step.reasons.every(
                (r) => r._tag === 'BillingWeekEnds' && earlier.some((e) => e._tag === 'EndContract' && e.contractId === r.contractId && scopeKey(e.scope) === scopeKey(r.scope)),
              )
            case 'PayBalance':
              // that week's invoice
              return earlier.some((e) => e._tag === 'WaitUntil' && e.reasons.some((r) => r._tag === 'BillingWeekEnds' && scopeKey(r.scope) === scopeKey(step.scope)))
            case 'WithdrawFunds':
              // payments that have arrived
              return earlier.some((e) => e._tag === 'WaitUntil' && e.reasons.some((r) => r._tag === 'PaymentAvailable' && scopeKey(r.scope) === scopeKey(step.scope)))
            default:
              return false
          }
        })()
        expect(raisedBy, `${step._tag} at ${i} resolves nothing`).toBe(true)
      })
    },
  )

  test.prop([existing(), policy])(
    'the plan works: applied by an independent model of the platform, it leads to a snapshot canClose accepts, at earliestAt',
    ([s, t], p) => {
      const options = { billingCycleEnd: p }
      const earliest = earliestClosableAt(s, t, options)
      fc.pre(O.isSome(earliest))
      if (O.isNone(earliest)) throw new Error('unreachable: fc.pre')
      const world = run(s, closureSteps(s, t, options), p)
      expect(lefts(canClose(redecode(world.snapshot), t, options))).toEqual([])
      expect(world.snapshot.asOf).toBe(earliest.value)
      expect(E.isRight(decodeSnapshot(encodeSnapshot(world.snapshot)))).toBe(true)
    },
  )

  test.prop([existing(), policy])('steps come in the documented order', ([s, t], p) => {
    const steps = closureSteps(s, t, { billingCycleEnd: p })
    const index = (f: (x: Step) => boolean) => steps.flatMap((x, i) => (f(x) ? [i] : []))
    const procedure = index((x) => x.kind === 'procedure')
    const others = index((x) => x.kind !== 'procedure')
    // remedies, waits and advice before the procedure
    if (procedure.length > 0 && others.length > 0) expect(Math.max(...others)).toBeLessThan(Math.min(...procedure))
    // waits in time order, one per instant
    const waits = steps.flatMap((x) => (x._tag === 'WaitUntil' ? [x.at] : []))
    expect(waits).toEqual([...new Set(waits)].sort((a, b) => a - b))
    // nothing that can be done now comes after the first wait
    const firstWait = steps.findIndex((x) => x.kind === 'wait')
    if (firstWait >= 0)
      for (const x of steps.slice(firstWait))
        if (x.kind === 'remedy' || x.kind === 'advice')
          expect(['WithdrawFunds', 'PayBalance', 'CloseAgency', 'RemoveBillingMethod']).toContain(x._tag)
    // members after their team's contracts; billing methods after every payment
    steps.forEach((x, i) => {
      if (x._tag === 'RemoveMember')
        expect(steps.slice(i).some((y) => y._tag === 'EndContract' && scopeKey(y.scope) === scopeKey(x.scope))).toBe(false)
      if (x._tag === 'PayBalance') expect(steps.slice(0, i).some((y) => y._tag === 'RemoveBillingMethod')).toBe(false)
      if (x._tag === 'CloseAgency')
        expect(steps.slice(i).some((y) => y.kind === 'remedy' && 'scope' in y && y.scope._tag === 'Agency' && y.scope.agencyId === x.agencyId)).toBe(false)
    })
  })
})
