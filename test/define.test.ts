/**
 * The constructors of rules, blockers, steps and reasons: what each refuses, word for word (the
 * one who writes a rule reads these), and what each makes: frozen copies of the lists given, the
 * defaults, and the fields kept as given.
 */
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'

import { defineBlocker, defineReason, defineRule, defineStep, waitUntil } from '../src/index.js'
import type { Instant } from '../src/index.js'
import { formatIn } from '../src/engine/Format.js'
import { isWait, waitWords } from '../src/engine/Step.js'

const feeUnpaid = defineBlocker({ tag: 'FeeUnpaid', rule: 'fees-paid', words: () => 'A fee is unpaid.' })
const base = { id: 'fees-paid', paths: ['CloseAccount'], blockers: [feeUnpaid], check: () => [], clear: () => [] } as const

/** The message of the TypeError `f` throws. */
const refusal = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(TypeError)
    return (e as Error).message
  }
  throw new Error('did not throw')
}

describe('defineRule refuses, naming the rule and the field', () => {
  const define = (more: Readonly<Record<string, unknown>>) => () => defineRule({ ...base, ...more } as never)
  it('an id that is not a non-empty string', () => {
    for (const id of ['', 7, undefined]) expect(refusal(define({ id }))).toBe('defineRule: id must be a non-empty string')
  })
  it('paths, check and clear, blockers', () => {
    const paths = "defineRule(\"fees-paid\"): paths must be a non-empty array of closing paths ('CloseAccount', 'LeaveTeams', 'CloseAgency')"
    expect(refusal(define({ paths: 'CloseAccount' }))).toBe(paths)
    expect(refusal(define({ check: [] }))).toBe('defineRule("fees-paid"): check and clear must be functions')
    expect(refusal(define({ clear: undefined }))).toBe('defineRule("fees-paid"): check and clear must be functions')
    expect(refusal(define({ blockers: feeUnpaid }))).toBe('defineRule("fees-paid"): blockers must be an array of blocker definitions')
  })
  it('paths that would make a rule that never runs: none, one spelled another way, not a string, a hole', () => {
    const paths = "defineRule(\"fees-paid\"): paths must be a non-empty array of closing paths ('CloseAccount', 'LeaveTeams', 'CloseAgency')"
    expect(refusal(define({ paths: [] }))).toBe(`${paths}, not an empty list`)
    expect(refusal(define({ paths: ['CloseAccount', 'closeAccount'] }))).toBe(`${paths}: "closeAccount" is not one`)
    expect(refusal(define({ paths: ['LeaveTeams', 7] }))).toBe(`${paths}: the item at 1 is not a string`)
    // eslint-disable-next-line no-sparse-arrays
    expect(refusal(define({ paths: [, 'CloseAccount'] }))).toBe(`${paths}: the item at 0 is not a string`)
    expect(defineRule({ ...base, paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'] }).paths).toEqual(['CloseAccount', 'LeaveTeams', 'CloseAgency'])
  })
  it('a list with an iterator of its own is read by index: the rule holds what the list holds', () => {
    class Odd<A> extends Array<A> {
      override *[Symbol.iterator](): ArrayIterator<A> {}
    }
    const rule = defineRule({ ...base, paths: Odd.from(['CloseAccount'] as const), instants: Odd.from(['due']) })
    expect([[...rule.paths], [...rule.instants]]).toEqual([['CloseAccount'], ['due']])
  })
  it('clearable that is not a boolean, a gate that is not one, instants or needless that are not lists of strings, steps or reasons that are not lists', () => {
    for (const clearable of ['false', 0, null]) expect(refusal(define({ clearable }))).toBe('defineRule("fees-paid"): clearable must be true or false')
    for (const gate of ['Everything', 'all', 1]) expect(refusal(define({ gate }))).toBe("defineRule(\"fees-paid\"): gate must be 'none', 'scope' or 'everything'")
    for (const instants of ['at', [1], [null]]) expect(refusal(define({ instants }))).toBe('defineRule("fees-paid"): instants must be a list of strings')
    for (const needless of ['Pause', [{}]]) expect(refusal(define({ needless }))).toBe('defineRule("fees-paid"): needless must be a list of strings')
    for (const name of ['steps', 'reasons']) expect(refusal(define({ [name]: {} }))).toBe(`defineRule("fees-paid"): ${name} must be an array of definitions`)
  })
  it('an order that is not a list of { step, scope: same | any }, in follows or in precedes', () => {
    const bad = ['WithdrawFunds', [null], ['WithdrawFunds'], [{ step: 7, scope: 'any' }], [{ step: 'WithdrawFunds' }], [{ step: 'WithdrawFunds', scope: 'Same' }], [{ step: 'WithdrawFunds', scope: 'any' }, { scope: 'any' }], [Object.assign(() => 0, { step: 'WithdrawFunds', scope: 'any' })]]
    for (const order of bad) {
      expect(refusal(define({ follows: order }))).toBe("defineRule(\"fees-paid\"): follows must be a list of { step, scope: 'same' | 'any' }")
      expect(refusal(define({ precedes: order }))).toBe("defineRule(\"fees-paid\"): precedes must be a list of { step, scope: 'same' | 'any' }")
    }
    const good = [{ step: 'WithdrawFunds', scope: 'same' }, { step: 'EndContract', scope: 'any' }] as const
    expect(defineRule({ ...base, follows: good, precedes: good }).follows).toEqual(good)
  })
  it('a mayMove without words, a rank that is not a finite number, an extension that is not one', () => {
    expect(refusal(define({ mayMove: { because: 1 } }))).toBe('defineRule("fees-paid"): mayMove.because must be a string')
    for (const rank of [Number.NaN, Number.POSITIVE_INFINITY, '1'])
      expect(refusal(define({ rank }))).toBe('defineRule("fees-paid"): rank must be a finite number')
    for (const extension of [{ key: '', codec: t.string }, { key: 7, codec: t.string }, { key: 'fees', codec: {} }, { key: 'fees' }])
      expect(refusal(define({ extension }))).toBe('defineRule("fees-paid"): extension must be { key: a non-empty string, codec: an io-ts codec }')
  })
})

describe('defineRule makes a frozen rule', () => {
  it('with frozen copies of the lists given: changing them afterwards changes nothing', () => {
    const paths: Array<'CloseAccount' | 'LeaveTeams'> = ['CloseAccount']
    const instants = ['due']
    const follows = [{ step: 'WithdrawFunds', scope: 'any' as const }]
    const needless = ['Pause']
    const rule = defineRule({ ...base, paths, instants, follows, needless, precedes: follows })
    paths.push('LeaveTeams')
    instants.push('paidAt')
    follows.push({ step: 'EndContract', scope: 'any' })
    needless.push('Downgrade')
    expect([rule.paths, rule.instants, rule.follows, rule.precedes, rule.needless]).toEqual([
      ['CloseAccount'],
      ['due'],
      [{ step: 'WithdrawFunds', scope: 'any' }],
      [{ step: 'WithdrawFunds', scope: 'any' }],
      ['Pause'],
    ])
    for (const x of [rule, rule.paths, rule.instants, rule.blockers, rule.steps, rule.reasons, rule.follows, rule.precedes, rule.needless]) expect(Object.isFrozen(x)).toBe(true)
  })
  it('keeps what is given: clearable, gate, rank (zero too), mayMove (a frozen copy), extension, check and clear', () => {
    const because = { because: 'It takes time.' }
    const extension = { key: 'fees', codec: t.array(t.string) }
    const rule = defineRule({ ...base, clearable: false, gate: 'scope', rank: 0, mayMove: because, extension, steps: [], reasons: [] })
    expect([rule.clearable, rule.gate, rule.rank, rule.mayMove, rule.extension, rule.check, rule.clear]).toEqual([false, 'scope', 0, because, extension, base.check, base.clear])
    expect(rule.mayMove).not.toBe(because)
    expect(Object.isFrozen(rule.mayMove)).toBe(true)
    // what is not given is not there at all
    const plain = defineRule(base)
    expect(['mayMove', 'rank', 'extension'].filter((k) => k in plain)).toEqual([])
  })
})

describe('defineStep, defineReason, defineBlocker', () => {
  it('defineStep refuses a tag that is empty or WaitUntil, a kind other than remedy or advice, words that are not a function', () => {
    const message = "defineStep takes { tag: a non-empty string other than 'WaitUntil', kind: 'remedy' or 'advice', words: a function }"
    const ok = { tag: 'PayFee', kind: 'remedy', rule: 'fees-paid', words: () => 'Pay.' }
    for (const more of [{ tag: '' }, { tag: 'WaitUntil' }, { tag: 7 }, { kind: 'wait' }, { kind: 'procedure' }, { words: 'Pay.' }])
      expect(refusal(() => defineStep({ ...ok, ...more } as never))).toBe(message)
    expect(refusal(() => defineStep({ tag: 'PayFee', kind: 'remedy', words: () => 'Pay.' }))).toBe('defineStep: the remedy "PayFee" needs the id of the rule it resolves (rule)')
  })
  it('defineStep makes steps: a remedy resolves its rule, advice none (even given one); the definition keeps a rank only when given', () => {
    const pay = defineStep({ tag: 'PayFee', kind: 'remedy', rule: 'fees-paid', rank: 0, words: () => 'Pay.' })
    const tip = defineStep({ tag: 'Tip', kind: 'advice', rule: 'fees-paid', words: () => 'Tip.' })
    expect(pay({ subject: 'f-1' })).toEqual({ _tag: 'PayFee', kind: 'remedy', resolves: ['fees-paid'], subject: 'f-1' })
    expect(tip({})).toEqual({ _tag: 'Tip', kind: 'advice', resolves: [] })
    expect(Object.isFrozen(pay({}).resolves)).toBe(true)
    expect([pay.tag, pay.kind, pay.rank, 'rank' in tip]).toEqual(['PayFee', 'remedy', 0, false])
  })
  it('defineReason and defineBlocker refuse empty tags and rules, and words that are not a function', () => {
    const ok = { tag: 'FeeSettles', rule: 'fees-paid', words: () => 'settles' }
    for (const more of [{ tag: '' }, { tag: 7 }, { rule: '' }, { rule: 7 }, { words: 'settles' }]) {
      expect(refusal(() => defineReason({ ...ok, ...more } as never))).toBe('defineReason takes { tag, rule: non-empty strings, words: a function }')
      expect(refusal(() => defineBlocker({ ...ok, ...more } as never))).toBe('defineBlocker takes { tag, rule: non-empty strings, words: a function }')
    }
    const settles = defineReason(ok)
    expect(settles({ subject: 'f-1' })).toEqual({ _tag: 'FeeSettles', rule: 'fees-paid', subject: 'f-1' })
    expect([settles.tag, settles.rule, settles.words]).toEqual(['FeeSettles', 'fees-paid', ok.words])
    expect(feeUnpaid({ subject: 'f-1' })).toEqual({ _tag: 'FeeUnpaid', rule: 'fees-paid', subject: 'f-1' })
  })
})

describe('waits', () => {
  const at = Date.UTC(2026, 10, 23) as Instant
  const reason = (rule: string, subject: string) => ({ _tag: 'Settles', rule, subject })
  it('a wait resolves the rules of its reasons, each once, sorted', () => {
    const w = waitUntil(at, [reason('b', '1'), reason('a', '2'), reason('b', '3')])
    expect(w).toEqual({ _tag: 'WaitUntil', kind: 'wait', at, reasons: [reason('b', '1'), reason('a', '2'), reason('b', '3')], resolves: ['a', 'b'] })
    expect(isWait(w)).toBe(true)
    expect(isWait({ _tag: 'Waituntil', kind: 'wait', resolves: [] })).toBe(false)
  })
  it('its words: the instant, then each reason, joined by semicolons; none: the instant alone', () => {
    const f = { ...formatIn(), reason: (r: { readonly subject?: string }) => `r${r.subject ?? ''}` }
    expect(waitWords(waitUntil(at, []), f)).toBe('Wait until 2026-11-23 00:00 UTC.')
    expect(waitWords(waitUntil(at, [reason('a', '1')]), f)).toBe('Wait until 2026-11-23 00:00 UTC: r1.')
    expect(waitWords(waitUntil(at, [reason('a', '1'), reason('a', '2')]), f)).toBe('Wait until 2026-11-23 00:00 UTC: r1; r2.')
  })
})
