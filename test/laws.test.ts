/**
 * The laws of composition, over generated rules and snapshots: combining policies, adding a rule,
 * ordering blockers and steps, and an app's own rule through the whole pipeline.
 */
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect } from 'vitest'

import * as t from 'io-ts'

import {
  closureSteps,
  closureWith,
  defaultRules,
  defineBlocker,
  defineReason,
  defineRule,
  defineStep,
  earliestClosableAt,
  getMonoidAll,
  sortBlockers,
  verdict,
  waitUntil,
} from '../src/index.js'
import type { ClosureFacts, Instant, Precondition, Scope, StepBase, Target } from '../src/index.js'
import { closureFacts } from '../src/model/facts.js'
import { instant } from '../src/model/Instant.js'
import { scopeKey } from '../src/model/Scope.js'
import { ORDER, priority } from './steps.js'
import { orderSteps } from '../src/engine/order.js'
import { snapshotWithTarget as anySnapshotWithTarget } from './arbitraries.js'
import { encodeSnapshot } from '../src/index.js'
import { policyDecoding } from '../src/model/extensions.js'
import { lefts } from './fixtures.js'

// -------------------------------------------------------------------------------------
// generated rules: their own facts (an extension), blockers, steps, waits, order and may-move
// -------------------------------------------------------------------------------------

type Made = { readonly subject: string; readonly scope?: Scope }
/** One definition of each tag, reused by every generated rule (two definitions of a tag are refused). */
const made = defineBlocker({ tag: 'Made', rule: 'app' as string, words: (b: Made) => `made ${b.subject}` })
const appWait = defineReason({ tag: 'AppWait', rule: 'app' as string, words: (r: { readonly subject: string }) => `app ${r.subject} settles` })
const STEPS = [0, 1, 2, 3, 4, 5].map((i) =>
  defineStep({ tag: `App${i}` as string, kind: 'remedy', rule: 'app', words: (x: { readonly subject: string }) => `do ${i} ${x.subject}` }),
)
const stepOf = (i: number) => STEPS[i % STEPS.length] as (typeof STEPS)[number]
/** Two extension keys, each always read with the same codec. */
const CODECS = { fees: t.array(t.string), tickets: t.array(t.string) } as const

/**
 * Snapshots (with a target) whose `extensions` hold both keys, decoded with CODECS: a policy whose
 * rules declare extensions takes only a snapshot decoded with their codecs.
 */
const lawDecoding = policyDecoding(Object.entries(CODECS).map(([key, codec]) => ({ key, codec })))
const snapshotWithTarget = () =>
  anySnapshotWithTarget().chain(([s, target]) =>
    fc.record({ fees: fc.array(fc.stringMatching(/^[a-z]{1,3}$/), { maxLength: 3 }), tickets: fc.array(fc.stringMatching(/^[a-z]{1,3}$/), { maxLength: 3 }) }).map((extensions) => {
      const d = lawDecoding.decodeSnapshot({ ...(encodeSnapshot(s) as object), extensions })
      if (E.isLeft(d)) throw new Error(d.left.map((e) => e.message).join('; '))
      return [d.right, target] as const
    }),
  )

const scope = fc.constantFrom<Scope | undefined>(undefined, { _tag: 'Freelancer' }, { _tag: 'Company', companyId: 'co-1' }, { _tag: 'Agency', agencyId: 'ag-1' })
const madeArb = fc.record({ subject: fc.stringMatching(/^[a-z]{1,3}$/), scope })

/** A small hash of text, to make a generated precondition depend on the facts. */
const hash = (text: string): number => {
  let h = 7
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0
  return h >>> 0
}

/**
 * A precondition over the facts, generated as a pure function (the same facts give the same
 * blockers): some of its candidates, chosen by the user, the path and the instant.
 */
const precondition = fc
  .tuple(fc.array(madeArb, { maxLength: 3 }), fc.nat())
  .map(
    ([candidates, salt]): Precondition<ClosureFacts, Made> =>
      (facts) =>
        candidates
          .filter((_, i) => (hash(`${facts.snapshot.user.id}|${facts.path}|${facts.asOf}`) + salt + i) % 3 !== 0)
          .map((m): Made => (m.scope === undefined ? { subject: m.subject } : { subject: m.subject, scope: m.scope })),
  )

const BUILT_IN_TAGS = ['EndContract', 'WithdrawFunds', 'PayBalance', 'CloseAgency', 'RemoveMember', 'CancelSubscription', 'NoSuchStep']

/**
 * A list of an app's own rules, generated: the rule at index i has the step tag App<i>; it may
 * follow built-in tags and the tags of the rules before it, and precede those after it and the
 * removal of billing methods, so that the declared order never has a cycle, however the list is
 * shuffled later.
 */
const appRules = fc
  .array(
    fc.record({
      check: precondition,
      key: fc.constantFrom<'fees' | 'tickets' | undefined>(undefined, 'fees', 'tickets'),
      wait: fc.option(fc.integer({ min: 0, max: 30 * 86_400_000 }), { nil: undefined }),
      mayMove: fc.boolean(),
      rank: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      follows: fc.array(fc.record({ back: fc.nat({ max: 10 }), scope: fc.constantFrom<'same' | 'any'>('same', 'any') }), { maxLength: 2 }),
      precedes: fc.array(fc.record({ ahead: fc.nat({ max: 3 }), scope: fc.constantFrom<'same' | 'any'>('same', 'any') }), { maxLength: 2 }),
    }),
    { maxLength: 4 },
  )
  .map((specs) =>
    specs.map((g, i) => {
      const id = `app-${i}`
      const step = stepOf(i)
      const follows = g.follows.map((o) => ({
        step: o.back < BUILT_IN_TAGS.length ? (BUILT_IN_TAGS[o.back] as string) : stepOf(Math.max(0, i - 1 - (o.back - BUILT_IN_TAGS.length))).tag,
        scope: o.scope,
      }))
      // a rule that declares an order has no wait of its own, and precedes no rule that waits: a
      // declared order must never fight the time order of waits (that would be a cycle no list shows)
      const precedes = g.precedes
        .filter((o) => o.ahead === 0 || (i + o.ahead < specs.length && specs[i + o.ahead]?.wait === undefined))
        .map((o) => ({ step: o.ahead === 0 ? 'RemoveBillingMethod' : stepOf(i + o.ahead).tag, scope: o.scope }))
      const ordered = follows.length > 0 || precedes.length > 0
      const wait = ordered ? undefined : g.wait
      return defineRule({
        id,
        paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'],
        ...(g.key === undefined ? {} : { extension: { key: g.key, codec: CODECS[g.key] } }),
        ...(g.mayMove ? { mayMove: { because: `Rule ${id} may take longer.` } } : {}),
        ...(g.rank === undefined ? {} : { rank: g.rank }),
        follows: follows.filter((o) => o.step !== step.tag),
        precedes: precedes.filter((o) => o.step !== step.tag),
        blockers: [made],
        steps: [step],
        reasons: [appWait],
        check: (facts) => {
          // its own facts: read from the extension when there is one (absent: none)
          const own = g.key === undefined ? undefined : (facts.extensions as Readonly<Record<string, ReadonlyArray<string> | undefined>>)[g.key]
          return [...g.check(facts), ...(own ?? []).map((subject) => ({ subject }))].map((m) => ({ ...made(m), rule: id }))
        },
        clear: (b) => {
          const act = { ...step({ subject: b.subject, ...(b.scope === undefined ? {} : { scope: b.scope }) }), resolves: [id] }
          return wait === undefined ? [act] : [act, waitUntil(instant(1_700_000_000_000 + wait), [{ ...appWait({ subject: b.subject }), rule: id }])]
        },
      })
    }),
  )

const rule = appRules.filter((xs) => xs.length > 0).map((xs) => xs[0] as NonNullable<(typeof xs)[number]>)
const rules = appRules

const answer = (list: Parameters<typeof closureWith>[0], [s, t]: readonly [Parameters<typeof closureSteps>[0], Target]) => {
  const c = closureWith(list)
  return { blockers: c.canClose(s, t), plan: c.closureSteps(s, t), earliest: c.earliestClosableAt(s, t) }
}

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

const key = (b: { readonly _tag: string; readonly rule: string; readonly subject?: string; readonly scope?: Scope }) =>
  `${b.rule}|${b._tag}|${b.scope === undefined ? '' : scopeKey(b.scope)}|${b.subject ?? ''}`

describe('combining policies', () => {
  test.prop([rules, snapshotWithTarget(), fc.integer()])(
    'shuffling the list of rules changes neither the blockers (as a set), the plan, nor the earliest instant',
    (a, st, seed) => {
      const list = [...defaultRules, ...a]
      const one = answer(list, st)
      const other = answer(shuffled(list, seed), st)
      expect(lefts(other.blockers).map(key).sort()).toEqual(lefts(one.blockers).map(key).sort())
      expect(other.plan).toEqual(one.plan)
      expect(other.earliest).toEqual(one.earliest)
    },
  )
  test.prop([rules, fc.nat(), snapshotWithTarget()])(
    'combining is associative and commutative up to the order of blockers: a ++ b answers as b ++ a',
    (list, at, st) => {
      const a = list.slice(0, at % (list.length + 1))
      const b = list.slice(at % (list.length + 1))
      const ab = answer([...a, ...b], st)
      const ba = answer([...b, ...a], st)
      expect(lefts(ba.blockers).map(key).sort()).toEqual(lefts(ab.blockers).map(key).sort())
      expect([ba.plan, ba.earliest]).toEqual([ab.plan, ab.earliest])
    },
  )
  test.prop([rules, snapshotWithTarget()])('a rule that never blocks is an identity: adding it changes no answer', (a, st) => {
    const never = defineRule({ id: 'never', paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'], blockers: [made], check: () => [], clear: () => [] })
    expect(answer([never, ...defaultRules, ...a], st)).toEqual(answer([...defaultRules, ...a], st))
    expect(answer([...defaultRules, ...a, never], st)).toEqual(answer([...defaultRules, ...a], st))
  })
  test.prop([precondition, precondition, precondition, snapshotWithTarget()])(
    'the "all of" monoid of preconditions is associative with empty as its unit',
    (a, b, c, [s]) => {
      const M = getMonoidAll<ClosureFacts, Made>()
      const facts = closureFacts(s)
      expect(M.concat(M.concat(a, b), c)(facts)).toEqual(M.concat(a, M.concat(b, c))(facts))
      expect(M.concat(M.concat(a, b), c)(facts)).toEqual([...a(facts), ...b(facts), ...c(facts)])
      expect(M.concat(a, M.empty)(facts)).toEqual(a(facts))
      expect(M.concat(M.empty, a)(facts)).toEqual(a(facts))
    },
  )
})

describe('declared order and may-move', () => {
  test.prop([rules, snapshotWithTarget()])('every declared order (follows, precedes) holds in the plan', (a, [s, t]) => {
    const list = [...defaultRules, ...a]
    const plan = closureWith(list).closureSteps(s, t)
    const definitions = new Map(list.flatMap((r) => r.steps.map((d) => [d.tag, d] as const)))
    const scopeOf = (x: StepBase): string => {
      const d = definitions.get(x._tag)
      const sc = d?.orderScope === undefined ? x.scope : d.orderScope(x)
      return sc === undefined ? '' : scopeKey(sc)
    }
    for (const r of list) {
      const mine = plan.flatMap((x, i) => (x.kind !== 'wait' && x.resolves.includes(r.id) ? [i] : []))
      for (const o of r.follows)
        for (const i of mine)
          plan.forEach((y, j) => {
            const x = plan[i] as StepBase
            if (y._tag === o.step && x._tag !== o.step && (o.scope === 'any' || scopeOf(x) === scopeOf(y))) expect(j, `${r.id} follows ${o.step}`).toBeLessThan(i)
          })
      for (const o of r.precedes)
        for (const i of mine)
          plan.forEach((y, j) => {
            const x = plan[i] as StepBase
            if (y._tag === o.step && x._tag !== o.step && (o.scope === 'any' || scopeOf(x) === scopeOf(y))) expect(j, `${r.id} precedes ${o.step}`).toBeGreaterThan(i)
          })
    }
  })
  test.prop([rules, snapshotWithTarget()])(
    'mayMoveBecause holds the words of exactly the rules that say so and have a step in the plan, in the policy order',
    (a, [s, t]) => {
      const list = [...defaultRules, ...a]
      const v = closureWith(list).verdict(s, t)
      const resolved = new Set(v.steps.flatMap((x) => x.resolves))
      const expected = [...new Set(list.flatMap((r) => (r.mayMove !== undefined && resolved.has(r.id) ? [r.mayMove.because] : [])))]
      expect(v.mayMoveBecause).toEqual(expected)
      expect(v.earliestAtMayMove).toBe(expected.length > 0)
    },
  )
  test.prop([rules, snapshotWithTarget()])('checked lists, in policy order, the rules of the path whose blockers are all reported', (a, [s, t]) => {
    const list = [...defaultRules, ...a]
    const v = closureWith(list).verdict(s, t)
    const ids = list.map((r) => r.id)
    expect(v.checked).toEqual([...v.checked].sort((x, y) => ids.indexOf(x) - ids.indexOf(y)))
    for (const id of v.checked) expect(list.find((r) => r.id === id)?.paths).toContain(v.path)
    // every rule that blocked and is not checked had blockers hidden by a gate
    const gated = v.blockers.some((b) => list.find((r) => r.id === b.rule)?.gate !== 'none')
    if (!gated) for (const b of v.blockers) expect(v.checked).toContain(b.rule)
  })
})

describe('adding a rule', () => {
  test.prop([rule.chain((x) => rules.map((xs) => [xs.filter((r) => r.id !== x.id), x] as const)), snapshotWithTarget()])('never removes a blocker', ([a, extra], [s, t]) => {
    const before = lefts(closureWith([...defaultRules, ...a]).canClose(s, t))
    const after = lefts(closureWith([...defaultRules, ...a, extra]).canClose(s, t))
    for (const b of before) expect(after).toContainEqual(b)
  })
})

describe('ordering', () => {
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
    const once = orderSteps(steps, ORDER, [], priority)
    expect(orderSteps(once, ORDER, [], priority)).toEqual(once)
    expect(orderSteps(shuffled(steps, seed), ORDER, [], priority)).toEqual(once)
  })
})

describe('a custom rule with a wait', () => {
  const feeUnpaid = defineBlocker({
    tag: 'FeeUnpaid',
    rule: 'fees-paid',
    words: (b: { readonly subject: string; readonly settlesAt: Instant }, f) => `Fee ${b.subject} settles ${f.instant(b.settlesAt)} once paid.`,
  })
  const payFee = defineStep({ tag: 'PayFee', kind: 'remedy', rule: 'fees-paid', words: (x: { readonly subject: string }) => `Pay fee ${x.subject}.` })
  const feeSettles = defineReason({ tag: 'FeeSettles', rule: 'fees-paid', words: (r: { readonly subject: string }) => `fee ${r.subject} settles` })
  /** A fee that settles `delay` ms after asOf once paid. */
  const fees = (delay: number) =>
    defineRule({
      id: 'fees-paid',
      paths: ['CloseAccount', 'LeaveTeams'],
      instants: ['settlesAt'],
      blockers: [feeUnpaid],
      steps: [payFee],
      reasons: [feeSettles],
      check: (f) => [feeUnpaid({ subject: 'fee-1', settlesAt: instant(f.asOf + delay) })],
      clear: (b) => [payFee({ subject: b.subject }), waitUntil(b.settlesAt, [feeSettles({ subject: b.subject })])],
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
