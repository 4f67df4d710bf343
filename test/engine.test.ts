/**
 * The engine that builds the answers from a list of rules: gates, steps that several blockers
 * share, and the earliest instant, on cases the built-in rules alone do not reach.
 */
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'

import { closureSteps, closureWith, defaultRules, defineBlocker, defineRule, defineStep } from '../src/index.js'
import type { AccountSnapshot, CompanyScope, Rule, Scope } from '../src/index.js'
import { example, redecode } from './fixtures.js'

const co1: CompanyScope = { _tag: 'Company', companyId: 'co-1' }

type Made = { readonly scope?: Scope }
/** The one definition of Made that all the rules here reuse (two definitions of a tag are refused). */
const made = defineBlocker({ tag: 'Made', rule: 'made' as string, words: (_: Made) => 'Made.' })
const doIt = defineStep({ tag: 'DoIt', kind: 'remedy', rule: 'any', words: () => 'Do it.' })
/** A rule of one's own that always blocks with the blockers given. */
const blocking = (id: string, found: ReadonlyArray<Made>, more: Partial<Pick<Rule, 'gate' | 'clearable'>> = {}) =>
  defineRule({
    id,
    paths: ['CloseAccount'],
    ...more,
    blockers: [made],
    steps: [doIt],
    check: () => found.map((m) => ({ ...made(m), rule: id })),
    clear: (b) => [{ ...doIt(b.scope === undefined ? {} : { scope: b.scope }), resolves: [id] }],
  })

describe('gates', () => {
  it('a rule that stops everything: only its blockers, no steps, no consequences, no alternatives, no date', () => {
    const stop = blocking('stop', [{}], { gate: 'everything', clearable: false })
    const closure = closureWith([...defaultRules, stop])
    const s = example('busy-freelancer')
    const v = closure.verdict(s)
    expect(v.blockers.map((b) => b._tag)).toEqual(['Made'])
    expect([v.steps, v.consequences, v.alternatives, v.earliestAt]).toEqual([[], [], [], null])
    expect(closure.closureSteps(s)).toEqual([])
    expect(closure.alternatives(s)).toEqual([])
    expect(closure.earliestClosableAt(s)).toEqual(O.none)
  })
  it('a rule that hides the rest of a scope: a blocker of its without a scope hides nothing', () => {
    const hides = blocking('hides', [{}], { gate: 'scope' })
    const s = example('client-owner-mid-week')
    const without = closureWith(defaultRules).canClose(s)
    const withIt = closureWith([...defaultRules, hides]).canClose(s)
    expect(withIt._tag === 'Left' ? withIt.left.length : 0).toBe((without._tag === 'Left' ? without.left.length : 0) + 1)
  })
  it('what a scope gate hides does not count: hidden blockers that need someone else leave the date alone', () => {
    const hides = blocking('hides', [{ scope: co1 }], { gate: 'scope' })
    const others = blocking('others', [{ scope: co1 }], { clearable: false })
    const s = example('closable-freelancer')
    const closure = closureWith([hides, others])
    const blockers = closure.canClose(s)
    expect(blockers._tag === 'Left' ? blockers.left.map((b) => b.rule) : []).toEqual(['hides'])
    expect(closure.earliestClosableAt(s)).toEqual(O.some(s.asOf))
    expect(closure.verdict(s).earliestAt).toBe('2026-11-18T10:00:00.000Z')
  })
})

describe('steps that several blockers share', () => {
  it('one step clears the rules of all its blockers, sorted', () => {
    const s = example('closable-freelancer')
    const steps = closureWith([blocking('b', [{ scope: co1 }]), blocking('a', [{ scope: co1 }])]).closureSteps(s)
    expect(steps.filter((x) => x._tag === 'DoIt').map((x) => x.resolves)).toEqual([['a', 'b']])
  })
  it('one wait waits for every reason at its instant, payments of the same id in two scopes too', () => {
    const s = example('agency-owner')
    const [payment] = s.agencies[0]?.earnings.pending ?? []
    if (payment === undefined || s.freelancer === null) throw new Error('no payment')
    const both: AccountSnapshot = redecode({
      ...s,
      freelancer: { ...s.freelancer, earnings: { pending: [payment], available: { amount: 0, currency: 'EUR' } } },
    })
    const wait = closureSteps(both).find((x) => x._tag === 'WaitUntil')
    // (in the order of their keys: the freelancer's scope first)
    expect(wait?._tag === 'WaitUntil' ? wait.reasons.map((r) => r.scope?._tag) : []).toEqual(['Freelancer', 'Agency'])
  })
})

describe('the order of the plan', () => {
  it('a step a blocker lists twice in a row is placed by its priority like any other', () => {
    const twice = defineRule({
      id: 'twice',
      paths: ['CloseAccount'],
      blockers: [made],
      steps: [doIt],
      check: () => [{ ...made({}), rule: 'twice' }],
      clear: () => [{ ...doIt({}), resolves: ['twice'] }, { ...doIt({}), resolves: ['twice'] }],
    })
    const steps = closureWith([...defaultRules, twice]).closureSteps(example('busy-freelancer')).map((x) => x._tag)
    expect(steps.filter((x) => x === 'DoIt')).toHaveLength(1)
    // an app's own remedy reads after the built-in remedies and before the advice
    expect(steps.indexOf('DoIt')).toBeLessThan(steps.indexOf('CancelSubscription'))
    expect(steps.indexOf('DoIt')).toBeGreaterThan(steps.indexOf('WithdrawProposal'))
  })
})
