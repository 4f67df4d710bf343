/**
 * The default `canClose` runs each built-in rule's check part (`defaultChecks`), so that a bundle
 * that only asks `canClose` carries no words or steps: the parts are the rules' own, in the same
 * order, and the answers are those of the rules.
 */
import { test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { canClose, closureWith, defaultRules } from '../src/index.js'
import { defaultChecks } from '../src/defaults.js'
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

  const rules = closureWith(defaultRules)
  test.prop([snapshotWithTarget()])('canClose answers as closureWith(defaultRules).canClose', ([s, t]) => {
    expect(canClose(s, t)).toEqual(rules.canClose(s, t))
    expect(canClose(s, t, { billingCycleEnd: 'client-invoice' })).toEqual(rules.canClose(s, t, { billingCycleEnd: 'client-invoice' }))
  })
})
