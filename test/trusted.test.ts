/**
 * The engine takes the built-in rules' answers as they are (no copy, no freezing, no checks of
 * their items), and checks every other rule's. That is sound only while the built-in rules keep
 * the contract a checked rule is held to, and while no app can have its rule taken for a built-in
 * one. Both are proved here: on arbitrary snapshots, each built-in rule's answers are plain data,
 * new at each call, and pass the checks (and one that defines no reason to wait never waits, so
 * the earliest instant need not make its steps); the same rules made again by `defineRule` (so checked)
 * answer exactly as the built-in ones; a copy of a built-in rule, or a rule made by `defineRule`,
 * is checked.
 */
import { test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { briefWith } from '../src/closure/closureWith.js'
import { defaultChecks } from '../src/defaults.js'
import { isVouched, ruleCheck, ruleFrom } from '../src/engine/Rule.js'
import { RuleError } from '../src/engine/RuleError.js'
import {
  alternatives,
  canClose,
  closureSteps,
  closureWith,
  contractsEnded,
  defaultRules,
  defineBlocker,
  defineRule,
  earliestClosableAt,
  verdict,
  waitUntil,
} from '../src/index.js'
import type { AccountSnapshot, Instant, Rule } from '../src/index.js'
import { decodeSnapshot } from '../src/index.js'
import { closureFacts } from '../src/model/facts.js'
import { snapshotWithTarget } from './arbitraries.js'
import { example, exampleJson } from './fixtures.js'

/** Each built-in rule made again by the public constructor: the same values, checked. */
const remade: ReadonlyArray<Rule> = defaultRules.map((rule: Rule) => {
  const { extension: _, ...definition } = rule
  return defineRule(definition)
})
const checkedRules = closureWith(remade)
const trustedRules = closureWith(defaultRules)

/**
 * Problems with a value as a trusted answer: anything but plain objects and arrays of data (no
 * getter, no toJSON, no class), and any object not frozen that `earlier` (an answer of an earlier
 * call) holds too.
 */
const problems = (u: unknown, earlier: ReadonlySet<object>, at = ''): ReadonlyArray<string> => {
  if (typeof u === 'function') return [`${at}: a function`]
  if (typeof u !== 'object' || u === null) return []
  const out: Array<string> = []
  const p: unknown = Object.getPrototypeOf(u)
  if (p !== Object.prototype && p !== Array.prototype) out.push(`${at}: not a plain object or array`)
  if (!Object.isFrozen(u) && earlier.has(u)) out.push(`${at}: an object shared between calls that is not frozen`)
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(u))) {
    if (k === 'toJSON') out.push(`${at}.${k}: a toJSON`)
    if (!('value' in d)) out.push(`${at}.${k}: a getter`)
    else out.push(...problems(d.value, earlier, `${at}.${k}`))
  }
  return out
}

/** Every object a value holds, itself included. */
const objectsIn = (u: unknown, into: Set<object> = new Set()): Set<object> => {
  if (typeof u === 'object' && u !== null && !into.has(u)) {
    into.add(u)
    for (const v of Object.values(u)) objectsIn(v, into)
  }
  return into
}

describe('the built-in rules are taken at their word, and only they', () => {
  it('the built-in rules and their check parts are trusted; rules made by defineRule, and copies, are not', () => {
    expect(defaultRules.map(isVouched)).toEqual(defaultRules.map(() => true))
    expect(defaultChecks.map(isVouched)).toEqual(defaultChecks.map(() => true))
    expect(remade.map(isVouched)).toEqual(remade.map(() => false))
    expect(isVouched({ ...contractsEnded })).toBe(false)
  })

  test.prop([snapshotWithTarget()])('each built-in rule answers plain data, new at each call (what is shared is frozen)', ([s, t]) => {
    // (two calls, each with the facts of its own question, as the engine makes them)
    for (const o of [undefined, { billingCycleEnd: 'client-invoice' as const }]) {
      const earlier = closureFacts(s, t, o)
      const facts = closureFacts(s, t, o)
      for (const rule of defaultRules as ReadonlyArray<Rule>) {
        if (!rule.paths.includes(facts.path)) continue
        const first = rule.check(earlier)
        const blockers = rule.check(facts)
        expect(Array.isArray(blockers)).toBe(true)
        expect(problems(blockers, objectsIn(first))).toEqual([])
        for (const [i, b] of blockers.entries()) {
          expect(b.rule).toBe(rule.id)
          const once = rule.clear(first[i] as typeof b, earlier)
          const steps = rule.clear(b, facts)
          expect(Array.isArray(steps)).toBe(true)
          expect(problems(steps, objectsIn(once))).toEqual([])
          // (the earliest instant skips the steps of a built-in rule that defines no reason to wait)
          if (rule.reasons.length === 0) expect(steps.filter((x) => x._tag === 'WaitUntil')).toEqual([])
        }
      }
    }
  })

  test.prop([snapshotWithTarget()])('the built-in rules, checked as an app’s rules are, pass and answer the same', ([s, t]) => {
    for (const o of [undefined, { billingCycleEnd: 'client-invoice' as const }]) {
      expect(checkedRules.canClose(s, t, o)).toEqual(canClose(s, t, o))
      expect(checkedRules.closureSteps(s, t, o)).toEqual(closureSteps(s, t, o))
      expect(checkedRules.earliestClosableAt(s, t, o)).toEqual(earliestClosableAt(s, t, o))
      expect(checkedRules.verdict(s, t, o)).toEqual(verdict(s, t, o))
      expect(checkedRules.verdict(s, t, o)).toEqual(trustedRules.verdict(s, t, o))
    }
    expect(briefWith(remade)(s, t)).toEqual(briefWith(defaultRules)(s, t))
  })

  it('a copy of a built-in rule is checked: a forged blocker in it is refused, naming the rule', () => {
    const s = example('busy-freelancer')
    const forged: Rule = { ...contractsEnded, check: (facts) => contractsEnded.check(facts).map((b) => ({ ...b, rule: 'someone-else' })) }
    expect(() => closureWith([forged]).canClose(s)).toThrow(/contracts-ended.*without its rule/)
    // the original, the same answer less the forgery, passes
    expect(() => closureWith([contractsEnded]).canClose(s)).not.toThrow()
  })

  it('a trusted rule that throws is still named', () => {
    const open = defineBlocker({ tag: 'Open', rule: 'throws', words: () => 'Open.' })
    const throwsIn = (what: string) => () => {
      throw new Error(`broken ${what}`)
    }
    const part = ruleCheck({ id: 'throws', paths: ['CloseAccount'], tags: ['Open'], check: throwsIn('check') })
    const rule = ruleFrom(part as never, { blockers: [open], clear: () => [] })
    expect([isVouched(part), isVouched(rule)]).toEqual([true, true])
    const s = example('closable-freelancer')
    const thrown = (f: () => unknown): unknown => {
      try {
        f()
      } catch (e) {
        return e
      }
      return undefined
    }
    const e = thrown(() => closureWith([rule]).canClose(s))
    expect(e).toBeInstanceOf(RuleError)
    expect([(e as RuleError).ruleId, (e as Error).message]).toEqual(['throws', expect.stringContaining('failed in check: broken check')])
    const inClear = ruleFrom(ruleCheck({ id: 'throws', paths: ['CloseAccount'], tags: ['Open'], check: () => [{ _tag: 'Open', rule: 'throws' }] }) as never, {
      blockers: [open],
      clear: throwsIn('clear'),
    })
    const e2 = thrown(() => closureWith([inClear]).closureSteps(s))
    expect([(e2 as RuleError).ruleId, (e2 as Error).message]).toEqual(['throws', expect.stringContaining('failed in clear: broken clear')])
  })

  // the one place a built-in rule can break its contract: its arithmetic past the end of the range
  // of instants (a billing week that ends after 9999-01-01); the call fails, naming the rule, as
  // for its checked twin, and never answers an instant that the package could not read back
  /** The example's JSON, as far as the edits below reach into it. */
  type Example = { asOf: string; companies: Array<{ contracts: Array<{ endedAt: string | null }> }> }
  const late = (edit: (j: Example) => void): AccountSnapshot => {
    const j = exampleJson('client-owner-mid-week') as Example
    j.asOf = '9998-12-31T10:00:00Z'
    edit(j)
    const d = decodeSnapshot(j)
    if (d._tag === 'Left') throw new Error('the edited example does not decode')
    return d.right
  }
  const failure = (f: () => unknown): unknown => {
    try {
      return { answered: f() }
    } catch (e) {
      return e instanceof RuleError ? { ruleId: e.ruleId, message: e.message } : e
    }
  }
  it.each([
    ['a contract that ended the day before: its billing week ends on 9999-01-04', 'billing-cycle-ended', (j: Example) => {
      const c = j.companies[0]?.contracts[0]
      if (c !== undefined) c.endedAt = '9998-12-30T09:00:00Z'
    }],
    ['an hourly contract still open: ending it starts a billing week that ends on 9999-01-04', 'contracts-ended', (j: Example) => {
      j.companies[0]?.contracts.splice(0, 1)
    }],
  ])('at the end of the range of instants, %s: fails naming the rule, as its checked twin does', (_, id, edit) => {
    const s = late(edit)
    for (const ask of ['earliestClosableAt', 'closureSteps', 'verdict'] as const) {
      const trusted = failure(() => trustedRules[ask](s))
      expect(trusted).toMatchObject({ ruleId: id, message: expect.stringContaining('not an instant in range') })
      expect(failure(() => checkedRules[ask](s))).toEqual(trusted)
    }
  })

  test.prop([snapshotWithTarget()])('what answers share is frozen: changing everything an answer holds changes no later answer', ([s, t]) => {
    const answers = () => [verdict(s, t), canClose(s, t), closureSteps(s, t), alternatives(s, t), earliestClosableAt(s, t)]
    const before = JSON.stringify(answers())
    const trash = (u: unknown, seen: Set<object>): void => {
      if (typeof u !== 'object' || u === null || seen.has(u)) return
      seen.add(u)
      for (const v of Object.values(u)) trash(v, seen)
      if (Object.isFrozen(u)) return
      const o = u as Record<string, unknown>
      for (const k of Object.keys(o)) o[k] = k === 'resolves' ? ['good-standing'] : 'X'
      if (Array.isArray(u)) u.push({ _tag: 'X', resolves: ['good-standing'] })
    }
    // (the snapshot is deeply frozen: only what the answers made is changed)
    trash(answers(), new Set([s]))
    expect(JSON.stringify(answers())).toBe(before)
  })

  it('a rule of one’s own that defines no reason to wait and waits is still waited for (only a built-in rule’s steps are skipped)', () => {
    const s = example('closable-freelancer')
    const day = 24 * 60 * 60 * 1000
    const open = defineBlocker({ tag: 'Open', rule: 'waits', words: () => 'Open.' })
    const waits = defineRule({
      id: 'waits',
      paths: ['CloseAccount'],
      blockers: [open],
      check: () => [{ _tag: 'Open' as const, rule: 'waits' as const }],
      clear: () => [waitUntil((s.asOf + day) as Instant, [])],
    })
    const closure = closureWith([waits])
    expect(closure.earliestClosableAt(s)).toEqual({ _tag: 'Some', value: s.asOf + day })
    expect(briefWith([waits])(s).earliest).toEqual({ _tag: 'Some', value: s.asOf + day })
    expect(closure.verdict(s).earliestAt).toBe(new Date(s.asOf + day).toISOString())
  })
})
