/**
 * The laws of composition, over generated rules and snapshots: combining policies, adding a rule,
 * ordering blockers and steps, and an app's own rule through the whole pipeline.
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect } from 'vitest'

import {
  closureSteps,
  closureWith,
  defaultRules,
  defineRule,
  earliestClosableAt,
  getMonoidAll,
  remedy,
  sortBlockers,
  verdict,
  waitUntil,
} from '../src/index.js'
import type { BlockerBase, ClosureFacts, Instant, Precondition, StepBase, Target } from '../src/index.js'
import { instant } from '../src/model/Instant.js'
import { ORDER } from '../src/plan/dependencies.js'
import { orderSteps } from '../src/plan/order.js'
import { snapshotWithTarget } from './arbitraries.js'
import { lefts } from './fixtures.js'

// -------------------------------------------------------------------------------------
// generated rules
// -------------------------------------------------------------------------------------

interface Made extends BlockerBase {
  readonly _tag: 'Made'
  readonly subject: string
}

const made = fc.record({
  _tag: fc.constant('Made' as const),
  rule: fc.constantFrom('app-a', 'app-b', 'app-c'),
  subject: fc.stringMatching(/^[a-z]{1,3}$/),
})

/** A precondition over the facts, as an arbitrary pure function (the same facts give the same blockers). */
const precondition = fc.func(fc.array(made, { maxLength: 3 })).map((f): Precondition<ClosureFacts, Made> => (facts) => f(facts.snapshot.user.id, facts.path, facts.asOf))

/** A rule of an app's own, generated: some blockers, each cleared by one remedy. */
const rule = fc.tuple(precondition, fc.nat()).map(([check, n]) =>
  defineRule<Made, StepBase>({
    id: `app-${n}`,
    paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'],
    check,
    clear: (b) => [remedy('AppRemedy', b.rule, { subject: b.subject })],
    messages: { Made: (b) => `made ${b.subject}` },
    stepMessages: { AppRemedy: (s) => `do ${s.subject ?? ''}` },
  }),
)
const rules = fc.array(rule, { maxLength: 3 })

const answer = (list: Parameters<typeof closureWith>[0], [s, t]: readonly [Parameters<typeof closureSteps>[0], Target]) => {
  const c = closureWith(list)
  return { blockers: c.canClose(s, t), plan: c.closureSteps(s, t), earliest: c.earliestClosableAt(s, t) }
}

describe('combining policies', () => {
  test.prop([rules, rules, rules, snapshotWithTarget()])(
    'is associative: (a ++ b) ++ c answers as a ++ (b ++ c)',
    (a, b, c, st) => {
      expect(answer([...[...a, ...b], ...c], st)).toEqual(answer([...a, ...[...b, ...c]], st))
    },
  )
  test.prop([rules, snapshotWithTarget()])('the empty policy is the identity on both sides', (a, st) => {
    expect(answer([...a, ...[]], st)).toEqual(answer(a, st))
    expect(answer([...[], ...a], st)).toEqual(answer(a, st))
  })
  test.prop([precondition, precondition, precondition, snapshotWithTarget()])(
    'the "all of" monoid of preconditions is associative with empty as its unit',
    (a, b, c, [s]) => {
      const M = getMonoidAll<ClosureFacts, Made>()
      const facts = { snapshot: s, target: { _tag: 'Account' }, path: 'CloseAccount', asOf: s.asOf, billingCycleEnd: 'week-end' } as const
      expect(M.concat(M.concat(a, b), c)(facts)).toEqual(M.concat(a, M.concat(b, c))(facts))
      expect(M.concat(a, M.empty)(facts)).toEqual(a(facts))
      expect(M.concat(M.empty, a)(facts)).toEqual(a(facts))
    },
  )
})

describe('adding a rule', () => {
  test.prop([rules, rule, snapshotWithTarget()])('never removes a blocker', (a, extra, [s, t]) => {
    const before = lefts(closureWith([...defaultRules, ...a]).canClose(s, t))
    const after = lefts(closureWith([...defaultRules, ...a, extra]).canClose(s, t))
    for (const b of before) expect(after).toContainEqual(b)
  })
})

describe('ordering', () => {
  const shuffled = <A>(xs: ReadonlyArray<A>, seed: number): ReadonlyArray<A> => {
    const out = [...xs]
    let x = seed | 1
    for (let i = out.length - 1; i > 0; i--) {
      x = (x * 1103515245 + 12345) & 0x7fffffff
      const j = x % (i + 1)
      ;[out[i], out[j]] = [out[j] as A, out[i] as A]
    }
    return out
  }
  test.prop([rules, snapshotWithTarget(), fc.integer()])(
    'sorting blockers is idempotent and independent of their order',
    (a, [s, t], seed) => {
      const found = lefts(closureWith([...defaultRules, ...a]).canClose(s, t))
      const ids = [...defaultRules, ...a].map((r) => r.id)
      const once = sortBlockers(found, ids)
      expect(sortBlockers(once, ids)).toEqual(once)
      expect(sortBlockers(shuffled(found, seed), ids)).toEqual(once)
    },
  )
  test.prop([snapshotWithTarget(), fc.integer()])('ordering steps is idempotent and independent of their order', ([s, t], seed) => {
    const steps = closureSteps(s, t).filter((x) => x.kind !== 'procedure')
    const once = orderSteps(steps, ORDER)
    expect(orderSteps(once, ORDER)).toEqual(once)
    expect(orderSteps(shuffled(steps, seed), ORDER)).toEqual(once)
  })
})

describe('a custom rule with a wait', () => {
  interface FeeUnpaid extends BlockerBase {
    readonly _tag: 'FeeUnpaid'
    readonly rule: 'fees-paid'
    readonly subject: string
    readonly settlesAt: Instant
  }
  interface FeeSettles {
    readonly _tag: 'FeeSettles'
    readonly rule: 'fees-paid'
    readonly subject: string
  }
  /** A fee that settles `delay` ms after asOf once paid. */
  const fees = (delay: number) =>
    defineRule<FeeUnpaid, StepBase, FeeSettles>({
      id: 'fees-paid',
      paths: ['CloseAccount', 'LeaveTeams'],
      instants: ['settlesAt'],
      check: (f) => [{ _tag: 'FeeUnpaid', rule: 'fees-paid', subject: 'fee-1', settlesAt: instant(f.asOf + delay) }],
      clear: (b) => [
        remedy('PayFee', 'fees-paid', { subject: b.subject }),
        waitUntil(b.settlesAt, [{ _tag: 'FeeSettles', rule: 'fees-paid', subject: b.subject }]),
      ],
      messages: { FeeUnpaid: (b, f) => `Fee ${b.subject} settles ${f.instant(b.settlesAt)} once paid.` },
      stepMessages: { PayFee: (s) => `Pay fee ${s.subject ?? ''}.` },
      reasonMessages: { FeeSettles: (r) => `fee ${r.subject} settles` },
    })
  const accountTargets = snapshotWithTarget().filter(([, t]) => t._tag === 'Account')

  test.prop([accountTargets, fc.integer({ min: 1, max: 30 * 86_400_000 })])(
    'appears in canClose, in the plan after its remedy, in earliestAt and in the verdict; without it, the default answer',
    ([s, t], delay) => {
      const closure = closureWith([...defaultRules, fees(delay)])
      const found = lefts(closure.canClose(s, t))
      expect(found.map((b) => b._tag)).toContain('FeeUnpaid')
      const plan = closure.closureSteps(s, t)
      const pay = plan.findIndex((x) => x._tag === 'PayFee')
      const wait = plan.findIndex((x) => x._tag === 'WaitUntil' && 'reasons' in x && (x.reasons as ReadonlyArray<{ _tag: string }>).some((r) => r._tag === 'FeeSettles'))
      expect(pay).toBeGreaterThanOrEqual(0)
      expect(wait).toBeGreaterThan(pay)
      // waits stay in time order
      const times = plan.flatMap((x) => (x._tag === 'WaitUntil' && 'at' in x ? [x.at as number] : []))
      expect(times).toEqual([...times].sort((x, y) => x - y))
      const before = earliestClosableAt(s, t)
      const after = closure.earliestClosableAt(s, t)
      if (O.isSome(before)) expect(after).toEqual(O.some(Math.max(before.value, s.asOf + delay)))
      else expect(after).toEqual(O.none)
      const v = closure.verdict(s, t)
      expect(v.blockers.find((b) => b._tag === 'FeeUnpaid')?.message).toMatch(/^Fee fee-1 settles \d{4}-\d\d-\d\d \d\d:\d\d UTC once paid\.$/)
      expect(v.steps.find((x) => x._tag === 'PayFee')?.message).toBe('Pay fee fee-1.')
      expect(v.steps.some((x) => x.message.includes('fee fee-1 settles'))).toBe(true)
      expect(E.isLeft(closure.canClose(s, t))).toBe(true)
      // removing it gives the default answer
      expect(closureWith(defaultRules).verdict(s, t)).toEqual(verdict(s, t))
    },
  )
})
