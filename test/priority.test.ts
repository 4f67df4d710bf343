/**
 * The pieces of the plan's order on their own: a step's priority key and how keys compare, the
 * order rules a list of rules declares, and the cycle of declared order that closureWith refuses.
 */
import { describe, expect, it } from 'vitest'

import { defineRule, defineStep } from '../src/index.js'
import type { Rule, Scope, StepBase, StepDefinition } from '../src/index.js'
import { comparePriority, orderCycle, orderRulesOf, priorityKeyOf, waitsInTimeOrder } from '../src/engine/priority.js'
import type { Dependency, PriorityKey } from '../src/engine/priority.js'

const MAX = Number.MAX_VALUE
const step = (tag: string, kind: StepBase['kind'], resolves: ReadonlyArray<string>, more: { readonly scope?: Scope; readonly subject?: string } = {}): StepBase => ({ _tag: tag, kind, resolves, ...more })
const rule = (id: string, more: { readonly rank?: number; readonly follows?: ReadonlyArray<{ step: string; scope: 'same' | 'any' }>; readonly precedes?: ReadonlyArray<{ step: string; scope: 'same' | 'any' }>; readonly steps?: ReadonlyArray<StepDefinition> } = {}): Rule =>
  defineRule({ id, paths: ['CloseAccount'], blockers: [], check: () => [], clear: () => [], ...more } as never) as unknown as Rule

describe('priority keys', () => {
  const defs = new Map<string, StepDefinition>([['Ranked', { tag: 'Ranked', kind: 'remedy', rank: 4, words: () => '' }]])
  const key = priorityKeyOf([rule('five', { rank: 5 }), rule('two', { rank: 2 }), rule('none'), rule('zero', { rank: 0 })], defs)
  it('the kind first: remedies, advice, waits, the procedure (anything else last)', () => {
    expect(['remedy', 'advice', 'wait', 'procedure', 'other'].map((k) => key(step('X', k as StepBase['kind'], []))[0])).toEqual([0, 1, 2, 3, 4])
  })
  it('then the lowest rank of the rules it resolves, unranked rules and none last', () => {
    expect(key(step('X', 'remedy', ['five', 'two', 'none']))[1]).toBe(2)
    expect(key(step('X', 'remedy', ['none', 'five']))[1]).toBe(5)
    expect(key(step('X', 'remedy', ['zero', 'five']))[1]).toBe(0)
    expect(key(step('X', 'remedy', ['none']))[1]).toBe(MAX)
    expect(key(step('X', 'remedy', []))[1]).toBe(MAX)
  })
  it("then its definition's rank, its tag, its scope and its subject", () => {
    expect(key(step('Ranked', 'remedy', [], { scope: { _tag: 'Company', companyId: 'co-1' }, subject: 's' }))).toEqual([0, MAX, 4, 'Ranked', '1:co-1', 's'])
    expect(key(step('Unknown', 'advice', []))).toEqual([1, MAX, MAX, 'Unknown', '', ''])
  })
  it('compare position by position: the first that differs decides, either way', () => {
    const a: PriorityKey = [1, 2, 3, 'b', 'b', 'b']
    expect(comparePriority(a, [...a])).toBe(0)
    for (let i = 0; i < 6; i++) {
      const lower = [...a] as Array<number | string>
      const higher = [...a] as Array<number | string>
      lower[i] = typeof a[i] === 'number' ? (a[i] as number) - 1 : 'a'
      higher[i] = typeof a[i] === 'number' ? (a[i] as number) + 1 : 'c'
      // a later position never outweighs an earlier one
      if (i < 5) higher[i + 1] = typeof a[i + 1] === 'number' ? -9 : ''
      expect([comparePriority(lower as unknown as PriorityKey, a), comparePriority(a, lower as unknown as PriorityKey)], String(i)).toEqual([-1, 1])
      expect([comparePriority(higher as unknown as PriorityKey, a), comparePriority(a, higher as unknown as PriorityKey)], String(i)).toEqual([1, -1])
    }
  })
})

describe('the order rules a list of rules declares', () => {
  const co = (id: string): Scope => ({ _tag: 'Company', companyId: id })
  const defs = new Map<string, StepDefinition>([
    ['Pay', { tag: 'Pay', kind: 'remedy', words: () => '' }],
    ['Close', { tag: 'Close', kind: 'remedy', words: () => '' }],
    // a step whose order is about another scope than its own
    ['Move', { tag: 'Move', kind: 'remedy', orderScope: () => co('elsewhere'), words: () => '' } as StepDefinition],
  ])
  // (made inside each test, not when the file is read: a mutation run counts what a test itself runs)
  const declared = () =>
    orderRulesOf(
      [
        rule('fees', { follows: [{ step: 'Pay', scope: 'same' }, { step: 'Nobody', scope: 'any' }], precedes: [{ step: 'Close', scope: 'any' }] }),
      ],
      defs,
    )
  const dependenciesOf = () => declared().filter((r): r is Dependency => r._tag === 'Dependency')
  it('one dependency per order whose tag is defined, named; then waits in time order', () => {
    const rules = declared()
    expect(rules.map((r) => r.name)).toEqual(['fees follows Pay', 'fees precedes Close', 'waits in time order'])
    expect(rules[2]).toBe(waitsInTimeOrder)
  })
  it('follows: the tagged steps, keyed by the scope their order is about, come before the rule’s own steps (not its waits, not the tag itself)', () => {
    const [follows] = dependenciesOf()
    if (follows === undefined) throw new Error('none')
    expect(follows.before(step('Pay', 'remedy', ['billing'], { scope: co('co-1') }))).toEqual(['1:co-1'])
    expect(follows.before(step('Pay', 'remedy', ['billing']))).toEqual([''])
    expect(follows.before(step('Move', 'remedy', ['billing'], { scope: co('co-1') }))).toEqual([])
    expect(follows.before(step('Close', 'remedy', ['fees']))).toEqual([])
    expect(follows.after(step('Fee', 'remedy', ['fees'], { scope: co('co-1') }))).toEqual(['1:co-1'])
    expect(follows.after(step('Move', 'remedy', ['fees'], { scope: co('co-1') }))).toEqual(['1:elsewhere'])
    expect(follows.after(step('Fee', 'remedy', ['other']))).toEqual([])
    expect(follows.after(step('Pay', 'remedy', ['fees']))).toEqual([])
    expect(follows.after({ ...step('WaitUntil', 'wait', ['fees']), at: 0 } as StepBase)).toEqual([])
  })
  it('precedes, in any scope: one key for all', () => {
    const precedes = dependenciesOf()[1]
    if (precedes === undefined) throw new Error('none')
    expect(precedes.before(step('Fee', 'remedy', ['fees'], { scope: co('co-1') }))).toEqual(['*'])
    expect(precedes.after(step('Close', 'remedy', [], { scope: co('co-2') }))).toEqual(['*'])
    expect(precedes.after(step('Pay', 'remedy', []))).toEqual([])
  })
  it('waits in time order rank waits by their instant, and nothing else', () => {
    expect(waitsInTimeOrder.rank({ ...step('WaitUntil', 'wait', []), at: 42 } as StepBase)).toBe(42)
    expect(waitsInTimeOrder.rank(step('Pay', 'remedy', []))).toBeUndefined()
  })
})

describe('cycles of declared order', () => {
  const def = (tag: string): StepDefinition => defineStep({ tag, kind: 'remedy', rule: 'x', words: () => tag }) as unknown as StepDefinition
  const known = new Set(['A0', 'B', 'C', 'D'])
  it('none: undefined; an order naming a tag no definition gives is ignored', () => {
    expect(orderCycle([rule('b', { steps: [def('B')], follows: [{ step: 'C', scope: 'any' }] })], known)).toBeUndefined()
    expect(orderCycle([rule('b', { steps: [def('B')], follows: [{ step: 'Z', scope: 'any' }] }), rule('z', { steps: [def('Z')], follows: [{ step: 'B', scope: 'any' }] })], known)).toBeUndefined()
  })
  it('names the rules on the cycle only, sorted, not those that lead into it or out of it', () => {
    const rules = [
      rule('into', { steps: [def('B')], follows: [{ step: 'A0', scope: 'any' }] }),
      rule('c-after-b', { steps: [def('C')], follows: [{ step: 'B', scope: 'any' }] }),
      rule('b-after-c', { steps: [def('B')], follows: [{ step: 'C', scope: 'same' }] }),
      rule('out', { steps: [def('D')], follows: [{ step: 'C', scope: 'any' }] }),
    ]
    expect(orderCycle(rules, known)).toEqual(['b-after-c', 'c-after-b'])
    // precedes makes the same edges the other way
    const preceding = [
      rule('into', { steps: [def('A0')], precedes: [{ step: 'B', scope: 'any' }] }),
      rule('c-after-b', { steps: [def('B')], precedes: [{ step: 'C', scope: 'any' }] }),
      rule('b-after-c', { steps: [def('C')], precedes: [{ step: 'B', scope: 'any' }] }),
    ]
    expect(orderCycle(preceding, known)).toEqual(['b-after-c', 'c-after-b'])
  })
  it('a cycle through a tag\'s second order is found as through its first', () => {
    const rules = [
      rule('d-after-b', { steps: [def('D')], follows: [{ step: 'B', scope: 'any' }] }),
      rule('c-after-b', { steps: [def('C')], follows: [{ step: 'B', scope: 'any' }] }),
      rule('b-after-c', { steps: [def('B')], follows: [{ step: 'C', scope: 'any' }] }),
    ]
    expect(orderCycle(rules, known)).toEqual(['b-after-c', 'c-after-b'])
  })
  it('a longer cycle names every rule on it', () => {
    const rules = [
      rule('r1', { steps: [def('B')], follows: [{ step: 'D', scope: 'any' }] }),
      rule('r2', { steps: [def('C')], follows: [{ step: 'B', scope: 'any' }] }),
      rule('r3', { steps: [def('D')], follows: [{ step: 'C', scope: 'any' }] }),
    ]
    expect(orderCycle(rules, known)).toEqual(['r1', 'r2', 'r3'])
  })
})
