/**
 * A rule's contract and the policy's, checked: a rule that breaks it at run time makes every call
 * throw a RuleError naming it (never "can close", Some(NaN) or an unnamed crash); a policy that
 * cannot hold (two rules with one id, two definitions of a tag, two codecs for one key, a cycle
 * of declared order) is a TypeError at closureWith; targets and options are checked like input.
 */
import { fc, test } from '@fast-check/vitest'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'

import {
  canClose,
  closureWith,
  defaultRules,
  defineBlocker,
  defineRule,
  defineStep,
  RuleError,
  verdict,
  waitUntil,
} from '../src/index.js'
import type { Instant, Rule } from '../src/index.js'
import { concat } from '../src/engine/Precondition.js'
import { blocking, feeSettles, feesRule, payFee } from './fees-rule.js'
import { example } from './fixtures.js'

const s = example('busy-freelancer')
const broken = feesRule

/**
 * Every function of the API built from the rule throws a RuleError naming it; when only its
 * `clear` is broken, `canClose` (which needs no steps) still says blocked, never closable.
 */
const expectRuleError = (rule: Rule, onlyClear = false): void => {
  const c = closureWith([...defaultRules, rule])
  if (onlyClear) expect(c.canClose(s)._tag).toBe('Left')
  const calls = [() => c.closureSteps(s), () => c.earliestClosableAt(s), () => c.verdict(s), () => c.alternatives(s)]
  for (const call of onlyClear ? calls : [() => c.canClose(s), ...calls]) {
    let thrown: unknown
    try {
      call()
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(RuleError)
    expect(thrown).toMatchObject({ name: 'RuleError', ruleId: 'fees-paid' })
    expect((thrown as Error).message).toContain('"fees-paid"')
  }
}

const notAnArray = fc.oneof(fc.constant(null), fc.constant(undefined), fc.string(), fc.double(), fc.boolean(), fc.object(), fc.constant(new Map()))
const notAnItem = fc.oneof(fc.constant(null), fc.constant(undefined), fc.string(), fc.double(), fc.boolean(), fc.constant({}), fc.record({ _tag: fc.oneof(fc.constant(''), fc.integer(), fc.constant(null)) }))
const badInstant = fc.oneof(
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(Number.NEGATIVE_INFINITY),
  fc.double({ max: -62_135_596_800_001, noNaN: true }),
  fc.double({ min: 253_370_764_800_000, noNaN: true }),
  fc.string(),
  fc.constant(null),
  fc.constant(undefined),
)

describe('a rule that breaks its contract at run time', () => {
  test.prop([notAnArray])('check returns something that is not an array', (out) => {
    expectRuleError(broken(() => out))
  })
  test.prop([notAnItem])('check returns an item that is not a blocker (no object, no _tag)', (item) => {
    expectRuleError(broken(() => [item]))
  })
  test.prop([fc.oneof(fc.constant(undefined), fc.string().filter((x) => x !== 'fees-paid'), fc.integer())])('a blocker without its rule', (rule) => {
    expectRuleError(broken(() => [{ _tag: 'FeeUnpaid', subject: 'f-1', ...(rule === undefined ? {} : { rule }) }]))
  })
  test.prop([fc.string({ minLength: 1 }).filter((x) => x !== 'FeeUnpaid')])('a blocker of a tag it does not define (no words)', (tag) => {
    expectRuleError(broken(() => [{ _tag: tag, rule: 'fees-paid' }]))
  })
  test.prop([notAnArray])('clear returns something that is not an array', (out) => {
    expectRuleError(broken(blocking, () => out), true)
  })
  test.prop([notAnItem])('clear returns an item that is not a step', (item) => {
    expectRuleError(broken(blocking, () => [item]), true)
  })
  test.prop([badInstant])('a wait at an instant that is not a finite number in range', (at) => {
    expectRuleError(broken(blocking, () => [waitUntil(at as Instant, [feeSettles({})])]), true)
  })
  test.prop([fc.oneof(fc.string(), fc.constant(new Error('boom')), fc.constant(null), fc.integer())])('an error thrown inside check or clear, whatever it is', (error) => {
    const thrower = () => {
      throw error
    }
    expectRuleError(broken(thrower))
    expectRuleError(broken(blocking, thrower), true)
  })
  it('an error thrown inside it is kept as the cause', () => {
    const boom = new Error('boom')
    try {
      closureWith([broken(() => { throw boom })]).canClose(s)
      expect.unreachable()
    } catch (e) {
      expect((e as Error).cause).toBe(boom)
    }
  })
  it('an attempt to change the facts', () => {
    expectRuleError(
      broken((f) => {
        ;(f as { path: string }).path = 'LeaveTeams'
        return []
      }),
    )
    expectRuleError(
      broken((f) => {
        ;(f as { extensions: Record<string, unknown> }).extensions['fees'] = []
        return []
      }),
    )
  })
  it('a well-behaved rule of one’s own goes through', () => {
    const fine = broken(blocking, () => [payFee({}), waitUntil((s.asOf + 1000) as Instant, [feeSettles({})])])
    const v = closureWith([...defaultRules, fine]).verdict(s)
    expect(v.blockers.map((b) => b._tag)).toContain('FeeUnpaid')
    expect(v.steps.map((x) => x.message)).toContain('Pay the fee.')
  })
})

describe('a policy that cannot hold is a TypeError at closureWith', () => {
  const ok = broken(() => [])
  it('two rules with one id, named', () => {
    expect(() => closureWith([ok, ok])).toThrow(/two rules have the id "fees-paid"/)
    expect(() => closureWith([...defaultRules, defaultRules[3]])).toThrow(TypeError)
  })
  it('something that is not a rule', () => {
    expect(() => closureWith([{ id: 'x' } as unknown as Rule])).toThrow(/index 0/)
    expect(() => closureWith(null as unknown as ReadonlyArray<Rule>)).toThrow(TypeError)
  })
  it('two different definitions of one tag', () => {
    const other = defineBlocker({ tag: 'FeeUnpaid', rule: 'fees-again', words: () => 'again' })
    const again = defineRule({ id: 'fees-again', paths: ['CloseAccount'], blockers: [other], check: () => [], clear: () => [] })
    expect(() => closureWith([ok, again])).toThrow(/FeeUnpaid is defined twice/)
    // a built-in tag too
    const pay = defineStep({ tag: 'PayBalance', kind: 'remedy', rule: 'x', words: () => 'pay' })
    const mine = defineRule({ id: 'mine', paths: ['CloseAccount'], blockers: [], steps: [pay], check: () => [], clear: () => [] })
    expect(() => closureWith([...defaultRules, mine])).toThrow(/PayBalance/)
  })
  it('two codecs for one extension key', () => {
    const a = defineRule({ id: 'a', paths: ['CloseAccount'], blockers: [], extension: { key: 'fees', codec: t.string }, check: () => [], clear: () => [] })
    const b = defineRule({ id: 'b', paths: ['CloseAccount'], blockers: [], extension: { key: 'fees', codec: t.number }, check: () => [], clear: () => [] })
    const c = defineRule({ id: 'c', paths: ['CloseAccount'], blockers: [], extension: { key: 'fees', codec: t.string }, check: () => [], clear: () => [] })
    expect(() => closureWith([a, b])).toThrow(/extensions\.fees/)
    expect(() => closureWith([a, c])).not.toThrow()
  })
  it('a cycle of declared order, naming its rules; an order naming a tag no rule produces is ignored', () => {
    const stepA = defineStep({ tag: 'A', kind: 'remedy', rule: 'ra', words: () => 'a' })
    const stepB = defineStep({ tag: 'B', kind: 'remedy', rule: 'rb', words: () => 'b' })
    const ra = defineRule({ id: 'ra', paths: ['CloseAccount'], blockers: [], steps: [stepA], follows: [{ step: 'B', scope: 'any' }], check: () => [], clear: () => [] })
    const rb = defineRule({ id: 'rb', paths: ['CloseAccount'], blockers: [], steps: [stepB], follows: [{ step: 'A', scope: 'same' }], check: () => [], clear: () => [] })
    expect(() => closureWith([ra, rb])).toThrow(/cycle.*"ra", "rb"/)
    expect(() => closureWith([ra])).not.toThrow()
    // a subset of the default rules still builds
    expect(() => closureWith(defaultRules.filter((r) => r.id !== 'contracts-ended' && r.id !== 'funds-withdrawn'))).not.toThrow()
  })
  it('closureWith([]) holds the path and its procedure, and no blocker', () => {
    const v = closureWith([]).verdict(s)
    expect([v.closable, v.blockers, v.checked, v.mayMoveBecause]).toEqual([true, [], [], []])
    expect(v.steps.map((x) => x._tag)).toContain('Confirm')
  })
})

describe('targets and options are checked like input', () => {
  const badTarget = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.integer(),
    fc.constant([]),
    fc.record({ _tag: fc.string().filter((x) => x !== 'Account' && x !== 'Agency') }),
    fc.record({ _tag: fc.constant('Agency'), agencyId: fc.oneof(fc.constant(''), fc.integer(), fc.constant(null)) }),
    fc.constant({ _tag: 'Agency' }),
    fc.constant({ _tag: 'agency', agencyId: 'ag-1' }),
  )
  test.prop([badTarget])('a target that is not { _tag: Account } or { _tag: Agency, agencyId }', (target) => {
    expect(() => canClose(s, target as never)).toThrow(/target must be/)
    expect(() => verdict(s, target as never)).toThrow(TypeError)
  })
  test.prop([fc.anything().filter((x) => x !== undefined && x !== 'week-end' && x !== 'client-invoice')])(
    'a billingCycleEnd that is not week-end or client-invoice',
    (billingCycleEnd) => {
      expect(() => canClose(s, undefined, { billingCycleEnd } as never)).toThrow(/billingCycleEnd/)
    },
  )
  test.prop([fc.oneof(fc.string().filter((z) => { try { new Intl.DateTimeFormat('en-US', { timeZone: z }); return false } catch { return true } }), fc.integer(), fc.constant(null))])(
    'a timeZone that is not a known IANA zone',
    (timeZone) => {
      expect(() => verdict(s, undefined, { timeZone } as never)).toThrow(/timeZone/)
    },
  )
  test.prop([fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.constant([]), fc.record({ Confirm: fc.string() }))])(
    'a catalogue that is not an object of words',
    (catalogue) => {
      expect(() => verdict(s, undefined, { catalogue } as never)).toThrow(/catalogue/)
    },
  )
  it('options that are not an object', () => {
    expect(() => canClose(s, undefined, 'week-end' as never)).toThrow(/options/)
  })
  it('good targets and options pass', () => {
    expect(() => verdict(s, { _tag: 'Agency', agencyId: 'ag-1' }, { billingCycleEnd: 'client-invoice', timeZone: 'Europe/Berlin', catalogue: {} })).not.toThrow()
  })
})

describe('preconditions keep their own arrays', () => {
  it('a caller cannot change an array a precondition keeps: concat copies before it adds', () => {
    const kept = ['a']
    const first = (): ReadonlyArray<string> => kept
    const both = concat(first, () => ['b'])
    expect(both(0)).toEqual(['a', 'b'])
    expect(both(0)).toEqual(['a', 'b'])
    expect(kept).toEqual(['a'])
  })
})
