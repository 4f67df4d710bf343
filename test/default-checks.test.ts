/**
 * The default `canClose` runs each built-in rule's check part (`defaultChecks`), so that a bundle
 * that only asks `canClose` carries no words or steps: the parts are the rules' own, in the same
 * order, and the answers are those of the rules. The built-in rules and their definitions are
 * made without the public constructors' checks of their shape (they are constants): the public
 * constructors accept each of them and give the same values.
 */
import { test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import {
  alternatives,
  canClose,
  closureSteps,
  closureWith,
  defaultRules,
  defineBlocker,
  defineReason,
  defineRule,
  defineStep,
  earliestClosableAt,
  verdict,
} from '../src/index.js'
import { defaultChecks } from '../src/defaults.js'
import type { Rule } from '../src/index.js'
import { snapshotWithTarget } from './arbitraries.js'

describe('the default canClose runs the built-in rules’ checks', () => {
  it('each check part is its rule’s: id, paths, gate, instants, the same check, its blockers’ tags, in the same order', () => {
    expect(defaultChecks.map((c) => c.id)).toEqual(defaultRules.map((r) => r.id))
    defaultRules.forEach((rule, i) => {
      const part = defaultChecks[i]
      expect(part).toBeDefined()
      if (part === undefined) return
      expect(part.check).toBe(rule.check)
      expect(part.paths).toEqual(rule.paths)
      expect(part.gate ?? 'none').toBe(rule.gate)
      expect(part.instants ?? []).toEqual(rule.instants)
      expect(part.tags).toEqual(rule.blockers.map((d) => d.tag))
    })
  })

  // closureWith checks the list (rules made by defineRule, one id each), every definition (each tag
  // once, with its words) and the declared order (no cycle): the top-level functions, built from
  // the constant default list without those checks, answer as it does
  const rules = closureWith(defaultRules)
  test.prop([snapshotWithTarget()])('canClose, closureSteps, earliestClosableAt, alternatives and verdict answer as closureWith(defaultRules)’s', ([s, t]) => {
    expect(canClose(s, t)).toEqual(rules.canClose(s, t))
    expect(canClose(s, t, { billingCycleEnd: 'client-invoice' })).toEqual(rules.canClose(s, t, { billingCycleEnd: 'client-invoice' }))
    expect(closureSteps(s, t)).toEqual(rules.closureSteps(s, t))
    expect(earliestClosableAt(s, t)).toEqual(rules.earliestClosableAt(s, t))
    expect(alternatives(s, t)).toEqual(rules.alternatives(s, t))
    expect(verdict(s, t, { timeZone: 'Europe/Berlin' })).toEqual(rules.verdict(s, t, { timeZone: 'Europe/Berlin' }))
  })
})

describe('the built-in rules as the public constructors make them', () => {
  it('defineRule accepts each built-in rule and gives the same rule, frozen', () => {
    const rules: ReadonlyArray<Rule> = defaultRules
    for (const rule of rules) {
      expect(Object.isFrozen(rule)).toBe(true)
      for (const k of ['paths', 'instants', 'blockers', 'steps', 'reasons', 'follows', 'precedes', 'needless'] as const) expect(Object.isFrozen(rule[k])).toBe(true)
      const { extension, ...definition } = rule
      expect(extension).toBeUndefined()
      expect(defineRule(definition)).toEqual(rule)
    }
  })
  it('defineBlocker, defineStep and defineReason accept each built-in definition and give the same definition', () => {
    for (const rule of defaultRules) {
      for (const d of rule.blockers) {
        const again = defineBlocker({ tag: d.tag, rule: d.rule, words: d.words })
        expect([again.tag, again.rule, again.words]).toEqual([d.tag, d.rule, d.words])
        expect(d.rule).toBe(rule.id)
      }
      for (const d of rule.reasons) {
        const again = defineReason({ tag: d.tag, rule: d.rule, words: d.words })
        expect([again.tag, again.rule, again.words]).toEqual([d.tag, d.rule, d.words])
      }
      for (const d of rule.steps) {
        // (a remedy resolves its own rule; built-in steps with constructors of their own keep their definition only)
        const again = defineStep({ tag: d.tag, kind: d.kind as 'remedy' | 'advice', rule: rule.id, words: d.words, ...(d.rank === undefined ? {} : { rank: d.rank }) })
        expect(again.tag).toBe(d.tag)
        expect(again.kind).toBe(d.kind)
        expect(again.words).toBe(d.words)
      }
    }
  })
})
