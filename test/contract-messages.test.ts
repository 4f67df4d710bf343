/**
 * The words of every error a rule, a policy or an option can cause, pinned one by one: each says
 * which rule (or option) and what is wrong with it, and says what it was given, so that the one
 * who wrote the rule can fix it without a debugger. (test/contract.test.ts checks that every such
 * break throws a RuleError naming the rule; this file checks what the error says.)
 */
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'

import { canClose, closureSteps, closureWith, decodeSnapshot, decodeSnapshotText, defineBlocker, defineReason, defineRule, defineStep, earliestClosableAt, RuleError, verdict, waitUntil } from '../src/index.js'
import type { ClosureFacts, Rule } from '../src/index.js'
import { MAX, MIN, toISOString } from '../src/model/Instant.js'
import type { Instant } from '../src/model/Instant.js'
import { blocking, feeSettles, feesRule, feeUnpaid, payFee } from './fees-rule.js'
import { example, exampleJson } from './fixtures.js'

const s = example('busy-freelancer')
/** The rule of one's own, its blockers' fields `due` and `paidAt` holding instants. */
const rule = (check: (f: ClosureFacts) => unknown, clear?: () => unknown): Rule => feesRule(check, clear, ['due', 'paidAt'])

/** What calling `f` throws (fails the test when it returns). */
const thrown = (f: () => unknown): Error => {
  try {
    f()
  } catch (e) {
    if (e instanceof Error) return e
    throw new Error(`threw something that is not an Error: ${String(e)}`)
  }
  throw new Error('returned, did not throw')
}

/** The message of the RuleError that the verdict of a closure of this rule alone throws. */
const ruleErrorOf = (r: Rule): string => {
  const e = thrown(() => closureWith([r]).verdict(s))
  expect(e).toBeInstanceOf(RuleError)
  return e.message
}

const wait = (more: Readonly<Record<string, unknown>>): unknown => ({ _tag: 'WaitUntil', kind: 'wait', at: s.asOf + 1000, resolves: ['fees-paid'], reasons: [], ...more })

describe('what an error says of the value it was given', () => {
  const cases: ReadonlyArray<readonly [unknown, string]> = [
    [null, 'null'],
    [undefined, 'undefined'],
    [{}, 'an object'],
    [new Map(), 'an object'],
    ['abc', 'a string ("abc")'],
    ['', 'a string ("")'],
    ['a'.repeat(30), `a string ("${'a'.repeat(30)}")`],
    ['a'.repeat(31), `a string ("${'a'.repeat(30)}…")`],
    [7, 'the number 7'],
    [Number.NaN, 'the number NaN'],
    [true, 'a boolean'],
    [() => 1, 'a function'],
    [10n, 'a bigint'],
    [Symbol('s'), 'a symbol'],
  ]
  it('a check that does not return an array: the rule, and what it returned', () => {
    for (const [value, shown] of cases)
      expect(ruleErrorOf(rule(() => value))).toBe(`rule "fees-paid" check returned ${shown}, not an array of blockers`)
  })
  it('a clear that does not return an array: the rule, and what it returned', () => {
    for (const [value, shown] of cases)
      expect(ruleErrorOf(rule(blocking, () => value))).toBe(`rule "fees-paid" clear returned ${shown}, not an array of steps`)
  })
  it('a thrown value that is not an Error is shown the same way (an array too); an Error by its message', () => {
    for (const [value, shown] of [...cases, [[1, 2], 'an array'] as const]) {
      const throwing = () => {
        throw value
      }
      expect(ruleErrorOf(rule(throwing))).toBe(`rule "fees-paid" failed in check: ${shown}`)
      expect(ruleErrorOf(rule(blocking, throwing))).toBe(`rule "fees-paid" failed in clear: ${shown}`)
    }
    expect(ruleErrorOf(rule(() => { throw new RangeError('the fee service is down') }))).toBe('rule "fees-paid" failed in check: the fee service is down')
  })
  it('an error thrown is the cause; a thrown undefined gives no cause at all', () => {
    const boom = new Error('boom')
    expect(thrown(() => closureWith([rule(() => { throw boom })]).verdict(s)).cause).toBe(boom)
    expect('cause' in thrown(() => closureWith([rule(() => { throw undefined })]).verdict(s))).toBe(false)
    expect(thrown(() => closureWith([rule(() => { throw null })]).verdict(s)).cause).toBe(null)
  })
  it("an error that names a rule already (another closure's RuleError, or one of its shape) goes through as it is", () => {
    const inner = new RuleError('inner-rule', 'gave up')
    const shaped = Object.assign(new Error('shaped'), { ruleId: 'elsewhere' })
    for (const e of [inner, shaped])
      expect(thrown(() => closureWith([rule(() => { throw e })]).verdict(s))).toBe(e)
    // a ruleId that is not a string names no rule: the error is wrapped, naming this one
    const numbered = Object.assign(new Error('numbered'), { ruleId: 7 })
    const wrapped = thrown(() => closureWith([rule(() => { throw numbered })]).verdict(s))
    expect(wrapped).toBeInstanceOf(RuleError)
    expect([wrapped.message, wrapped.cause]).toEqual(['rule "fees-paid" failed in check: numbered', numbered])
    // a value that is not an object, with nothing to name
    expect(thrown(() => closureWith([rule(() => { throw 'ruleId' })]).verdict(s)).message).toBe('rule "fees-paid" failed in check: a string ("ruleId")')
  })
  it('a blocker the user can clear alone, given no remedy or wait: the rule, the blocker, and the two ways out', () => {
    const open = defineBlocker({ tag: 'TicketOpen', rule: 'tickets', words: () => 'A ticket is open.' })
    const tip = defineStep({ tag: 'TicketTip', kind: 'advice', words: () => 'Tickets close themselves, eventually.' })
    const answer = defineStep({ tag: 'AnswerTicket', kind: 'remedy', rule: 'tickets', words: () => 'Answer the ticket.' })
    const held = defineBlocker({ tag: 'Held', rule: 'held', words: () => 'Someone else holds it.' })
    // someone else must act too: no instant, but the broken rule is still found
    const holding = defineRule({ id: 'held', paths: ['CloseAccount'], clearable: false, blockers: [held], check: () => [held({})], clear: () => [] })
    for (const clear of [() => [], () => [tip({})]]) {
      const tickets = defineRule({ id: 'tickets', paths: ['CloseAccount'], blockers: [open], steps: [tip], check: () => [open({})], clear })
      for (const c of [closureWith([tickets]), closureWith([holding, tickets])])
        for (const ask of [() => c.verdict(s), () => c.closureSteps(s), () => c.earliestClosableAt(s)]) {
          const e = thrown(ask)
          expect([e instanceof RuleError, e.message]).toEqual([
            true,
            'rule "tickets" gave no remedy or wait for a blocker (TicketOpen) the user can clear alone: its clear gives one, or the rule is clearable: false',
          ])
        }
    }
    // a remedy with the advice is a plan
    const fixed = defineRule({ id: 'tickets', paths: ['CloseAccount'], blockers: [open], steps: [tip, answer], check: () => [open({})], clear: () => [tip({}), answer({})] })
    expect(closureWith([fixed]).verdict(s).steps.map((x) => x._tag)).toContain('AnswerTicket')
    // said so, the blocker is one the user cannot clear alone: no date, and nothing of theirs in the plan
    const v = closureWith([defineRule({ id: 'tickets', paths: ['CloseAccount'], clearable: false, blockers: [open], check: () => [open({})], clear: () => [] })]).verdict(s)
    expect([v.closable, v.earliestAt, v.steps.filter((x) => x.resolves.length > 0)]).toEqual([false, null, []])
  })
  it("a rule's words that are not a string, or that throw, for a blocker, a step or a reason to wait: the rule, and the tag", () => {
    const odd = (words: () => unknown) => {
      const b = defineBlocker({ tag: 'OddBlocker', rule: 'odd', words: words as () => string })
      const st = defineStep({ tag: 'OddStep', kind: 'remedy', rule: 'odd', words: words as () => string })
      const r = defineReason({ tag: 'OddReason', rule: 'odd', words: words as () => string })
      return { b, st, r }
    }
    const fine = odd(() => 'Fine.')
    for (const [which, value, shown] of [['OddBlocker', 42, 'the number 42'], ['OddStep', null, 'null'], ['OddReason', { toString: () => 'x' }, 'an object']] as const) {
      const bad = odd(() => value)
      const b = which === 'OddBlocker' ? bad.b : fine.b
      const st = which === 'OddStep' ? bad.st : fine.st
      const r = which === 'OddReason' ? bad.r : fine.r
      const rule = defineRule({
        id: 'odd',
        paths: ['CloseAccount'],
        blockers: [b],
        steps: [st],
        reasons: [r],
        check: () => [b({})],
        clear: () => [st({}), waitUntil((s.asOf + 60_000) as Instant, [r({})])],
      })
      const e = thrown(() => closureWith([rule]).verdict(s))
      expect([e instanceof RuleError, e.message]).toEqual([true, `rule "odd" gave words for ${which} that are ${shown}, not a string`])
    }
    const throwing = odd(() => {
      throw new Error('mute')
    })
    const rule = defineRule({ id: 'odd', paths: ['CloseAccount'], blockers: [fine.b], steps: [throwing.st], check: () => [fine.b({})], clear: () => [throwing.st({})] })
    expect(thrown(() => closureWith([rule]).verdict(s)).message).toBe('rule "odd" failed in its words: mute')
  })
  it("a blocker's words fail for the rule that gave the blocker, whichever rule lists the definition first", () => {
    const shared = defineBlocker({ tag: 'Shared', rule: 'b', words: (() => 7) as unknown as () => string })
    const a = defineRule({ id: 'a', paths: ['CloseAccount'], clearable: false, blockers: [shared], check: () => [], clear: () => [] })
    const b = defineRule({ id: 'b', paths: ['CloseAccount'], clearable: false, blockers: [shared], check: () => [shared({})], clear: () => [] })
    expect(thrown(() => closureWith([a, b]).verdict(s)).message).toBe('rule "b" gave words for Shared that are the number 7, not a string')
  })
  it("a step's words fail for the first rule that lists its definition (a step is one, whichever rules give it)", () => {
    const flag = defineBlocker({ tag: 'Flag', rule: 'b', words: () => 'Flagged.' })
    const mute = defineStep({ tag: 'MuteStep', kind: 'remedy', rule: 'a', words: (): string => {
      throw new Error('mute')
    } })
    const a = defineRule({ id: 'a', paths: ['CloseAccount'], blockers: [], steps: [mute], check: () => [], clear: () => [] })
    const b = defineRule({ id: 'b', paths: ['CloseAccount'], blockers: [flag], steps: [mute], check: () => [flag({})], clear: () => [mute({})] })
    expect(thrown(() => closureWith([a, b]).verdict(s)).message).toBe('rule "a" failed in its words: mute')
    expect(thrown(() => closureWith([b, a]).verdict(s)).message).toBe('rule "b" failed in its words: mute')
  })
  it("a catalogue's words that ask for a rule's failing words (f.reason): the rule is named, not the entry", () => {
    const mute = defineReason({ tag: 'Mute', rule: 'fees-paid', words: (): string => {
      throw new Error('no reason given')
    } })
    const waiting = defineRule({
      id: 'fees-paid',
      paths: ['CloseAccount'],
      blockers: [feeUnpaid],
      reasons: [mute],
      check: () => [feeUnpaid({ subject: 'f-1' })],
      clear: () => [waitUntil((s.asOf + 60_000) as Instant, [mute({})])],
    })
    const saying = (w: { readonly reasons: ReadonlyArray<{ readonly _tag: string }> }, f: { readonly reason: (r: { readonly _tag: string }) => string }) =>
      `Wait: ${w.reasons.map((r) => f.reason(r)).join(', ')}`
    const e = thrown(() => closureWith([waiting]).verdict(s, undefined, { catalogue: { WaitUntil: saying } as never }))
    expect([e instanceof RuleError, e.message]).toEqual([true, 'rule "fees-paid" failed in its words: no reason given'])
  })
  it('words that throw: the rule whose words failed', () => {
    const loud = defineBlocker({ tag: 'Loud', rule: 'loud', words: (): string => { throw new Error('no words today') } })
    const r = defineRule({ id: 'loud', paths: ['CloseAccount'], clearable: false, blockers: [loud], check: () => [loud({})], clear: () => [] })
    const e = thrown(() => closureWith([r]).verdict(s))
    expect([e instanceof RuleError, e.message]).toEqual([true, 'rule "loud" failed in its words: no words today'])
    // canClose writes no words: it answers
    expect(closureWith([r]).canClose(s)._tag).toBe('Left')
  })
})

describe('what is wrong with a blocker, said', () => {
  const blockerError = (b: unknown): string => ruleErrorOf(rule(() => [b]))
  it('not an object', () => {
    expect(blockerError(null)).toBe('rule "fees-paid" gave a blocker that is null, not an object')
    expect(blockerError('FeeUnpaid')).toBe('rule "fees-paid" gave a blocker that is a string ("FeeUnpaid"), not an object')
  })
  it('without a _tag (none, empty, not a string)', () => {
    for (const b of [{ rule: 'fees-paid' }, { _tag: '', rule: 'fees-paid' }, { _tag: 7, rule: 'fees-paid' }, []])
      expect(blockerError(b)).toBe('rule "fees-paid" gave a blocker without a _tag')
  })
  it('a scope that is not a scope', () => {
    const bad = [null, 'Freelancer', {}, { _tag: 'Team' }, { _tag: 'Company' }, { _tag: 'Company', companyId: 7 }, { _tag: 'Company', agencyId: 'ag-1' }, { _tag: 'Agency' }, { _tag: 'Agency', agencyId: 7 }, { _tag: 'Agency', companyId: 'co-1' }, Object.assign(() => 0, { _tag: 'Freelancer' })]
    for (const scope of bad)
      expect(blockerError({ _tag: 'FeeUnpaid', rule: 'fees-paid', scope })).toBe('rule "fees-paid" gave a blocker (FeeUnpaid) whose scope is not a scope')
    // every kind of scope passes, and is kept
    for (const scope of [{ _tag: 'Freelancer' }, { _tag: 'Company', companyId: 'co-1' }, { _tag: 'Agency', agencyId: 'ag-1' }]) {
      const v = closureWith([rule(() => [{ _tag: 'FeeUnpaid', rule: 'fees-paid', scope }])]).verdict(s)
      expect(v.blockers.map((b) => b.scope)).toEqual([scope])
    }
  })
  it('a subject that is not a string', () => {
    for (const subject of [7, null, { id: 'f-1' }])
      expect(blockerError({ _tag: 'FeeUnpaid', rule: 'fees-paid', subject })).toBe('rule "fees-paid" gave a blocker (FeeUnpaid) whose subject is not a string')
  })
  it('without its rule, or of a tag the rule does not define', () => {
    expect(blockerError({ _tag: 'FeeUnpaid', rule: 'fees' })).toBe('rule "fees-paid" gave a blocker (FeeUnpaid) without its rule ("fees-paid")')
    expect(blockerError({ _tag: 'FeeUnpaid' })).toBe('rule "fees-paid" gave a blocker (FeeUnpaid) without its rule ("fees-paid")')
    expect(blockerError({ _tag: 'PayFee', rule: 'fees-paid' })).toBe('rule "fees-paid" gave a blocker tagged PayFee, which it does not define (with its words)')
  })
  it('an instant field out of range (each field the rule names); in range it is written as ISO text', () => {
    for (const due of [Number.NaN, Number.POSITIVE_INFINITY, MIN - 1, MAX, '2026-01-01', null])
      expect(blockerError({ _tag: 'FeeUnpaid', rule: 'fees-paid', due })).toBe('rule "fees-paid" gave a blocker (FeeUnpaid) whose due is not an instant in range')
    expect(blockerError({ _tag: 'FeeUnpaid', rule: 'fees-paid', due: MIN, paidAt: MAX })).toBe('rule "fees-paid" gave a blocker (FeeUnpaid) whose paidAt is not an instant in range')
    const v = closureWith([rule(() => [{ _tag: 'FeeUnpaid', rule: 'fees-paid', due: MIN, paidAt: MAX - 1, other: 5 }])]).verdict(s)
    expect(v.blockers).toEqual([
      { _tag: 'FeeUnpaid', rule: 'fees-paid', due: toISOString(MIN as Instant), paidAt: toISOString((MAX - 1) as Instant), other: 5, message: 'Fee ? is unpaid.' },
    ])
    expect((v.blockers[0] as Readonly<Record<string, unknown>> | undefined)?.['due']).toBe('0001-01-01T00:00:00.000Z')
  })
})

describe('what is wrong with a step, said', () => {
  const stepError = (step: unknown): string => ruleErrorOf(rule(blocking, () => [step]))
  it('not an object, without a _tag, a bad scope or subject: as for a blocker', () => {
    expect(stepError(7)).toBe('rule "fees-paid" gave a step that is the number 7, not an object')
    expect(stepError({ kind: 'remedy', resolves: [] })).toBe('rule "fees-paid" gave a step without a _tag')
    expect(stepError({ ...payFee({}), scope: { _tag: 'Company' } })).toBe('rule "fees-paid" gave a step (PayFee) whose scope is not a scope')
    expect(stepError({ ...payFee({}), subject: 1 })).toBe('rule "fees-paid" gave a step (PayFee) whose subject is not a string')
  })
  it('a kind that is none of the four; every one of the four is a kind', () => {
    for (const kind of ['Remedy', 'blocker', undefined, 0])
      expect(stepError({ ...payFee({}), kind })).toBe('rule "fees-paid" gave a step (PayFee) whose kind is not remedy, wait, advice or procedure')
    for (const kind of ['remedy', 'advice', 'procedure']) {
      // (with a wait: a blocker the user clears alone has a remedy or a wait among its steps)
      const v = closureWith([rule(blocking, () => [{ ...payFee({}), kind }, waitUntil((s.asOf + 1000) as Instant, [feeSettles({})])])]).verdict(s)
      expect(v.steps.filter((x) => x._tag === 'PayFee').map((x) => x.kind)).toEqual([kind])
    }
  })
  it('resolves that is not a list of rule ids', () => {
    for (const resolves of ['fees-paid', undefined, [7], ['fees-paid', null]])
      expect(stepError({ ...payFee({}), resolves })).toBe('rule "fees-paid" gave a step (PayFee) whose resolves is not a list of rule ids')
  })
  it('a tag the rule does not define', () => {
    expect(stepError({ ...payFee({}), _tag: 'PayOtherFee' })).toBe('rule "fees-paid" gave a step tagged PayOtherFee, which it does not define (with its words)')
    // a blocker's tag is not a step's
    expect(stepError({ ...payFee({}), _tag: 'FeeUnpaid' })).toBe('rule "fees-paid" gave a step tagged FeeUnpaid, which it does not define (with its words)')
  })
  it('a wait: its kind, its instant, its reasons', () => {
    expect(stepError(wait({ kind: 'remedy' }))).toBe('rule "fees-paid" gave a WaitUntil that is not of kind wait')
    for (const [at, shown] of [[Number.NaN, 'the number NaN'], [MAX, `the number ${MAX}`], [MIN - 1, `the number ${MIN - 1}`], ['soon', 'a string ("soon")'], [undefined, 'undefined']] as const)
      expect(stepError(wait({ at }))).toBe(`rule "fees-paid" gave a wait at ${shown}, not an instant in range (0001-01-01 to 9999-01-01 UTC)`)
    expect(stepError(wait({ reasons: undefined }))).toBe('rule "fees-paid" gave a wait whose reasons are not a list')
    expect(stepError(wait({ reasons: [null] }))).toBe('rule "fees-paid" gave a reason to wait that is null, not an object')
    expect(stepError(wait({ reasons: [{ rule: 'fees-paid' }] }))).toBe('rule "fees-paid" gave a reason to wait without a _tag')
    expect(stepError(wait({ reasons: [{ _tag: 'FeeSettles', rule: 'fees-paid', subject: 9 }] }))).toBe(
      'rule "fees-paid" gave a reason to wait (FeeSettles) whose subject is not a string',
    )
    expect(stepError(wait({ reasons: [feeSettles({}), { _tag: 'FeeSettles' }] }))).toBe('rule "fees-paid" gave a reason to wait (FeeSettles) without its rule')
    expect(stepError(wait({ reasons: [{ _tag: 'FeeSettles', rule: 1 }] }))).toBe('rule "fees-paid" gave a reason to wait (FeeSettles) without its rule')
    expect(stepError(wait({ reasons: [feeSettles({}), { _tag: 'FeeUnpaid', rule: 'fees-paid' }] }))).toBe(
      'rule "fees-paid" gave a reason to wait tagged FeeUnpaid, which it does not define (with its words)',
    )
  })
  it('a wait at the first and the last instants in range goes through', () => {
    for (const at of [MIN, MAX - 1]) {
      const v = closureWith([rule(blocking, () => [wait({ at, reasons: [feeSettles({})] })])]).verdict(s)
      expect(v.steps.filter((x) => x._tag === 'WaitUntil').map((x) => (x as Readonly<Record<string, unknown>>)['at'])).toEqual([toISOString(at as Instant)])
    }
  })
})

describe('what is wrong with a policy, said (a TypeError at closureWith)', () => {
  const ok = rule(() => [])
  const message = (f: () => unknown): string => {
    const e = thrown(f)
    expect(e).toBeInstanceOf(TypeError)
    return e.message
  }
  it('not an array, or an item that is not a rule made with defineRule (each field of a rule asked for)', () => {
    expect(message(() => closureWith({ length: 0 } as unknown as ReadonlyArray<Rule>))).toBe('closureWith takes an array of rules made with defineRule')
    for (const r of [null, 'fees-paid', 7]) expect(message(() => closureWith([ok, r as unknown as Rule]))).toBe('closureWith: the rule at index 1 is not a rule made with defineRule')
    const fields = ['id', 'paths', 'check', 'clear', 'blockers', 'steps', 'reasons', 'follows', 'precedes', 'needless'] as const
    for (const field of fields) {
      const broken = { ...ok, [field]: field === 'id' ? 7 : 'not this' }
      expect(message(() => closureWith([broken as unknown as Rule])), field).toBe('closureWith: the rule at index 0 is not a rule made with defineRule')
      // (the same object with the field as defineRule makes it is a rule)
      expect(() => closureWith([{ ...broken, [field]: ok[field] } as unknown as Rule])).not.toThrow()
    }
  })
  it('two rules with one id; two codecs for one extension key, naming both rules', () => {
    expect(message(() => closureWith([ok, rule(() => [])]))).toBe('closureWith: two rules have the id "fees-paid"')
    const reading = (id: string, codec: t.Mixed) => defineRule({ id, paths: ['CloseAccount'], blockers: [], extension: { key: 'fees', codec }, check: () => [], clear: () => [] })
    expect(message(() => closureWith([reading('a', t.string), reading('b', t.string), reading('c', t.number)]))).toBe(
      'closureWith: rules "a" and "c" read extensions.fees with different codecs',
    )
    // one key read with one codec by several rules, and several keys, are fine
    const other = defineRule({ id: 'd', paths: ['CloseAccount'], blockers: [], extension: { key: 'dues', codec: t.number }, check: () => [], clear: () => [] })
    expect(() => closureWith([reading('a', t.string), other, reading('b', t.string)])).not.toThrow()
  })
  it('a definition that is not one, or has no tag or no words, naming who lists it', () => {
    const listing = (d: unknown) => defineRule({ id: 'lists', paths: ['CloseAccount'], blockers: [d as typeof feeUnpaid], check: () => [], clear: () => [] })
    for (const d of [7, 'FeeUnpaid', undefined, null]) expect(message(() => closureWith([listing(d)]))).toBe('closureWith: rule "lists" lists a definition that is not one')
    for (const d of [{ tag: 'X' }, { words: () => 'x' }, { tag: 7, words: () => 'x' }, { tag: 'X', words: 'x' }])
      expect(message(() => closureWith([listing(d)]))).toBe('closureWith: rule "lists" lists a definition without a tag and its words')
    // a definition made by defineBlocker is a function with a tag and words; one written as a plain object is one too
    expect(() => closureWith([listing(feeUnpaid)])).not.toThrow()
    const plain = { tag: 'Plain', rule: 'plain', words: (_: { readonly _tag: 'Plain'; readonly rule: 'plain' }) => 'Plainly blocked.' }
    const byHand = defineRule({ id: 'plain', paths: ['CloseAccount'], clearable: false, blockers: [plain], check: () => [{ _tag: 'Plain', rule: 'plain' } as const], clear: () => [] })
    expect(closureWith([byHand]).verdict(s).blockers.map((b) => b.message)).toEqual(['Plainly blocked.'])
  })
  it('a tag defined twice, naming both: the engine, the closing paths, or a rule', () => {
    const defining = (id: string, tag: string) =>
      defineRule({ id, paths: ['CloseAccount'], blockers: [defineBlocker({ tag, rule: id, words: () => tag })], check: () => [], clear: () => [] })
    expect(message(() => closureWith([defining('mine', 'WaitUntil')]))).toBe(
      'closureWith: the tag WaitUntil is defined twice, by the engine and by rule "mine"; reuse one definition',
    )
    expect(message(() => closureWith([defining('mine', 'Confirm')]))).toBe(
      'closureWith: the tag Confirm is defined twice, by the closing paths and by rule "mine"; reuse one definition',
    )
    expect(message(() => closureWith([defining('one', 'Same'), defining('two', 'Same')]))).toBe(
      'closureWith: the tag Same is defined twice, by rule "one" and by rule "two"; reuse one definition',
    )
    // one definition listed by two rules (a step one rule reuses from another) is one definition
    const a = defineRule({ id: 'a', paths: ['CloseAccount'], blockers: [], steps: [payFee], check: () => [], clear: () => [] })
    const b = defineRule({ id: 'b', paths: ['CloseAccount'], blockers: [], steps: [payFee], check: () => [], clear: () => [] })
    expect(() => closureWith([a, b])).not.toThrow()
  })
  it('an order against WaitUntil, followed or preceded, naming the rule', () => {
    for (const order of [{ follows: [{ step: 'WaitUntil', scope: 'any' }] }, { precedes: [{ step: 'PayFee', scope: 'any' }, { step: 'WaitUntil', scope: 'same' }] }] as const) {
      const r = defineRule({ id: 'waits', paths: ['CloseAccount'], blockers: [], ...order, check: () => [], clear: () => [] })
      expect(message(() => closureWith([r]))).toBe('closureWith: rule "waits" orders its steps against WaitUntil; waits are ordered by time and by each rule\'s clear')
    }
  })
  it('a cycle of declared order, naming its rules', () => {
    const stepA = defineStep({ tag: 'A', kind: 'remedy', rule: 'ra', words: () => 'a' })
    const stepB = defineStep({ tag: 'B', kind: 'remedy', rule: 'rb', words: () => 'b' })
    const ra = defineRule({ id: 'ra', paths: ['CloseAccount'], blockers: [], steps: [stepA], precedes: [{ step: 'B', scope: 'any' }], check: () => [], clear: () => [] })
    const rb = defineRule({ id: 'rb', paths: ['CloseAccount'], blockers: [], steps: [stepB], precedes: [{ step: 'A', scope: 'same' }], check: () => [], clear: () => [] })
    expect(message(() => closureWith([rb, ra]))).toBe('closureWith: the declared order has a cycle, through the rules "ra", "rb"')
  })
})

describe('an option spelled another way, said (a key that is no option is ignored)', () => {
  const own = closureWith([])
  const json = exampleJson('busy-freelancer')
  const asks: ReadonlyArray<readonly [string, (o: object) => unknown]> = [
    ['canClose', (o) => canClose(s, undefined, o as never)],
    ['closureSteps', (o) => closureSteps(s, undefined, o as never)],
    ['earliestClosableAt', (o) => earliestClosableAt(s, undefined, o as never)],
    ['verdict', (o) => verdict(s, undefined, o as never)],
    ["a closure's verdict", (o) => own.verdict(s, undefined, o as never)],
    ['decodeSnapshot', (o) => decodeSnapshot(json, o as never)],
    ['decodeSnapshotText', (o) => decodeSnapshotText(JSON.stringify(json), o as never)],
    ["a closure's decodeSnapshot", (o) => own.decodeSnapshot(json, o as never)],
  ]
  it('a name in another case, with separators, singular or plural, or spelled the American way: the option meant', () => {
    for (const [key, meant] of [
      ['timezone', 'timeZone'],
      ['TimeZone', 'timeZone'],
      ['billing_cycle_end', 'billingCycleEnd'],
      ['billingCycleEnds', 'billingCycleEnd'],
      ['maxError', 'maxErrors'],
      ['max-errors', 'maxErrors'],
      ['catalog', 'catalogue'],
      // a part that only an option's name holds
      ['billingCycle', 'billingCycleEnd'],
      ['cycleEnd', 'billingCycleEnd'],
      ['billingEnd', 'billingCycleEnd'],
      ['cycleEnds', 'billingCycleEnd'],
      ['billingCycleEnding', 'billingCycleEnd'],
      ['zone', 'timeZone'],
      ['timeZoneOfUser', 'timeZone'],
      ['catalogues', 'catalogue'],
      ['errorLimit', 'maxErrors'],
      ['errors', 'maxErrors'],
      ['error_count', 'maxErrors'],
      ['tz', 'timeZone'],
      ['catalogs', 'catalogue'],
      // the words run together, in one case
      ['billingcycle', 'billingCycleEnd'],
      ['timezonename', 'timeZone'],
      ['errorlimit', 'maxErrors'],
      ['mycatalog', 'catalogue'],
    ] as const)
      for (const [name, ask] of asks) {
        const e = thrown(() => ask({ [key]: 'x' }))
        expect([e instanceof TypeError, e.message], `${name} ${key}`).toEqual([true, `${key} is not an option: did you mean ${meant}?`])
      }
  })
  it('the right names, and keys that are no option at all, are taken as before; a frozen object is looked at once', () => {
    expect(verdict(s, undefined, { timeZone: 'UTC', billingCycleEnd: 'week-end', catalogue: {}, mine: 1 } as never)).toEqual(verdict(s))
    expect(decodeSnapshot(json, { maxErrors: 3, timeout: 5 } as never)._tag).toBe('Right')
    const frozen = Object.freeze({ billingCycleEnd: 'week-end' as const })
    for (let i = 0; i < 3; i++) expect(canClose(s, undefined, frozen)).toEqual(canClose(s))
    // a key with no part of an option's name is no option
    for (const key of ['locale', 'userId', 'strict', 'maxLength', 'time', 'max', 'lifecycle', 'onError', 'recycled', 'ozone', 'terror', 'timer'])
      expect(() => verdict(s, undefined, { [key]: 'x' } as never), key).not.toThrow()
    // an object that can change is looked at again
    const mutable: Record<string, unknown> = { billingCycleEnd: 'week-end' }
    expect(() => canClose(s, undefined, mutable as never)).not.toThrow()
    mutable['billingcycleend'] = 'client-invoice'
    expect(() => canClose(s, undefined, mutable as never)).toThrow('billingcycleend is not an option: did you mean billingCycleEnd?')
  })
})

describe("what is wrong with the verdict's options, said", () => {
  const message = (options: unknown): string => {
    const e = thrown(() => verdict(s, undefined, options as never))
    expect(e).toBeInstanceOf(TypeError)
    return e.message
  }
  it('options that are not an object', () => {
    expect(message('week-end')).toBe('options must be an object, not a string ("week-end")')
    expect(message(null)).toBe('options must be an object, not null')
  })
  it('a time zone that is not a known IANA zone (an empty one too); none is UTC', () => {
    for (const [zone, shown] of [['', '""'], ['Mars/Olympus', '"Mars/Olympus"'], ['Mars/'.repeat(20), JSON.stringify('Mars/'.repeat(8))], [[], 'an array'], [1, 'the number 1'], [['Europe/Berlin'], 'an array'], [{ toString: () => 'UTC' }, 'an object']] as const)
      expect(message({ timeZone: zone })).toBe(`timeZone must be a known IANA time zone (such as 'Europe/Berlin'), not ${shown}`)
    expect(verdict(s, undefined, {})).toEqual(verdict(s, undefined, { timeZone: 'UTC' }))
  })
  it('a catalogue that is not an object of words, naming the tag whose words are not a function', () => {
    for (const [c, shown] of [[null, 'null'], [[], 'an array'], ['x', 'a string ("x")'], [() => 'x', 'a function']] as const)
      expect(message({ catalogue: c })).toBe(`catalogue must be an object of words keyed by tag, not ${shown}`)
    expect(message({ catalogue: { Confirm: () => 'ok', PayBalance: 'Pay it.' } })).toBe('catalogue.PayBalance must be a function giving the words, not a string ("Pay it.")')
  })
  it("a catalogue's words that throw or are not a string: the entry, not a rule (built-in tags and one's own alike)", () => {
    const own = closureWith([feesRule(blocking)])
    const throwing = (): string => {
      throw new Error('no words today')
    }
    // (Confirm is the closing path's, ContractOpen a built-in rule's, FeeUnpaid and PayFee a rule of one's own)
    for (const [tag, ask] of [
      ['Confirm', (c: object) => verdict(s, undefined, { catalogue: c as never })],
      ['ContractOpen', (c: object) => verdict(s, undefined, { catalogue: c as never })],
      ['FeeUnpaid', (c: object) => own.verdict(s, undefined, { catalogue: c as never })],
      ['PayFee', (c: object) => own.verdict(s, undefined, { catalogue: c as never })],
    ] as const) {
      const e = thrown(() => ask({ [tag]: throwing }))
      expect([e instanceof RuleError, e instanceof TypeError, e.message]).toEqual([false, true, `catalogue.${tag} failed: no words today`])
      expect((e.cause as Error).message).toBe('no words today')
      for (const [value, shown] of [[42, 'the number 42'], [undefined, 'undefined'], [['Pay.'], 'an array']] as const)
        expect(thrown(() => ask({ [tag]: () => value })).message).toBe(`catalogue.${tag} gave ${shown}, not a string`)
    }
  })
  it('a catalogue key set to undefined keeps the English words; an inherited one is not a word', () => {
    const english = verdict(s)
    expect(verdict(s, undefined, { catalogue: { Confirm: undefined } as never })).toEqual(english)
    const inherited = Object.create({ Confirm: () => 'inherited' }) as object
    expect(verdict(s, undefined, { catalogue: inherited as never })).toEqual(english)
    const own = verdict(s, undefined, { catalogue: { Confirm: () => 'mine' } as never })
    expect(own.steps.filter((x) => x._tag === 'Confirm').map((x) => x.message)).toEqual(['mine'])
  })
})
