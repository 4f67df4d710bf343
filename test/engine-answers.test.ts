/**
 * The engine's answers on cases that only a rule of one's own reaches: how far a rule's answer is
 * walked and frozen, steps and waits that several blockers share, the order a clear gives, the
 * earliest instant, what the gates leave out of `checked`, and why the date may move.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'

import { briefWith } from '../src/closure/closureWith.js'
import { closureWith, defaultRules, defineBlocker, defineReason, defineRule, defineStep, waitUntil } from '../src/index.js'
import type { CompanyScope, Instant, Rule, Scope } from '../src/index.js'
import { example } from './fixtures.js'

const s = example('closable-freelancer')
const at = (ms: number): Instant => (s.asOf + ms) as Instant

type Fee = { readonly subject?: string; readonly scope?: Scope }
const feeUnpaid = defineBlocker({ tag: 'FeeUnpaid', rule: 'fees-paid' as string, words: (b: Fee) => `Fee ${b.subject ?? ''} is unpaid.` })
const payFee = defineStep({ tag: 'PayFee', kind: 'remedy', rule: 'fees-paid', words: () => 'Pay the fee.' })
const askBank = defineStep({ tag: 'AskBank', kind: 'remedy', rule: 'fees-paid', words: () => 'Ask the bank.' })
const feeSettles = defineReason({ tag: 'FeeSettles', rule: 'fees-paid' as string, words: (r: Fee) => `fee ${r.subject ?? ''} settles` })
const feeCleared = defineReason({ tag: 'FeeCleared', rule: 'fees-paid' as string, words: (r: Fee) => `fee ${r.subject ?? ''} clears` })

/** A rule of one's own, on every path, with the blockers and the clear given. */
const own = (id: string, check: () => ReadonlyArray<unknown>, clear: (b: Fee) => ReadonlyArray<unknown> = () => [], more: Partial<Pick<Rule, 'gate' | 'clearable' | 'mayMove' | 'needless'>> = {}): Rule =>
  defineRule({
    id,
    paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'],
    blockers: [feeUnpaid],
    steps: [payFee, askBank],
    reasons: [feeSettles, feeCleared],
    ...more,
    check: () => check().map((b) => ({ ...(b as object), rule: id })) as never,
    clear: clear as never,
  }) as unknown as Rule

const blockersOf = (e: E.Either<ReadonlyArray<unknown>, unknown>): ReadonlyArray<Readonly<Record<string, unknown>>> =>
  (E.isLeft(e) ? e.left : []) as ReadonlyArray<Readonly<Record<string, unknown>>>

describe("how far a rule's answer is walked", () => {
  it('a plain blocker is frozen eight objects deep; what it holds deeper is left as it is', () => {
    let node: Record<string, unknown> = {}
    for (let i = 0; i < 11; i++) node = { d: node }
    const closure = closureWith([own('fees-paid', () => [{ _tag: 'FeeUnpaid', d: node }])])
    const [blocker] = blockersOf(closure.canClose(s))
    // the blocker at depth 0, what its `d` holds at 1, and so on down to the innermost, at 12
    let x: unknown = blocker
    const frozen: Array<boolean> = []
    for (let depth = 0; depth <= 12; depth++, x = (x as { d: unknown }).d) frozen.push(Object.isFrozen(x))
    expect(frozen).toEqual([true, true, true, true, true, true, true, true, true, false, false, false, false])
  })
  it('a blocker that holds a cycle, through plain objects or an instance of a class, is answered: the walk ends', () => {
    class Node {
      next: unknown
    }
    const plain: Record<string, unknown> = { name: 'plain' }
    plain['self'] = plain
    const instance = new Node()
    instance.next = { back: instance }
    const closure = closureWith([own('fees-paid', () => [{ _tag: 'FeeUnpaid', subject: 'a', plain }, { _tag: 'FeeUnpaid', subject: 'b', instance }])])
    const found = blockersOf(closure.canClose(s))
    expect(found.map((b) => b['subject'])).toEqual(['a', 'b'])
    expect(Object.isFrozen(plain)).toBe(true)
    // the instance is copied to a plain object, frozen
    const copy = found[1]?.['instance'] as { readonly next: { readonly back: unknown } }
    expect([Object.getPrototypeOf(copy) === Object.prototype, Object.isFrozen(copy), Object.isFrozen(copy.next)]).toEqual([true, true, true])
  })
})

describe('steps and waits that several blockers share', () => {
  it('one wait per instant: every distinct reason once (by tag, rule, scope and subject), in the order of their keys (tag|rule|scope|subject)', () => {
    const co: CompanyScope = { _tag: 'Company', companyId: 'co-1' }
    const clear = (b: Fee) => [
      waitUntil(at(5000), [
        feeSettles({ subject: b.subject ?? '' }),
        feeCleared({ subject: b.subject ?? '' }),
        { ...feeSettles({ subject: b.subject ?? '' }), rule: 'billing-paid' },
        feeSettles({ subject: b.subject ?? '', scope: co }),
      ]),
    ]
    const closure = closureWith([own('fees-paid', () => [{ _tag: 'FeeUnpaid', subject: 'f-2' }, { _tag: 'FeeUnpaid', subject: 'f-1' }, { _tag: 'FeeUnpaid', subject: 'f-2' }], clear)])
    const waits = closure.closureSteps(s).filter((x) => x._tag === 'WaitUntil')
    expect(waits).toHaveLength(1)
    const wait = waits[0] as unknown as { readonly resolves: ReadonlyArray<string>; readonly reasons: ReadonlyArray<Fee & { readonly _tag: string; readonly rule: string }> }
    expect(wait.resolves).toEqual(['billing-paid', 'fees-paid'])
    expect(wait.reasons.map((r) => `${r._tag} ${r.rule} ${r.scope?._tag ?? '-'} ${r.subject ?? ''}`)).toEqual([
      'FeeCleared fees-paid - f-1',
      'FeeCleared fees-paid - f-2',
      'FeeSettles billing-paid - f-1',
      'FeeSettles billing-paid - f-2',
      'FeeSettles fees-paid Company f-1',
      'FeeSettles fees-paid Company f-2',
      'FeeSettles fees-paid - f-1',
      'FeeSettles fees-paid - f-2',
    ])
    // the verdict says each reason in that order (the instant, 10:00:05, rounded up to the minute)
    expect(closure.verdict(s).steps.filter((x) => x._tag === 'WaitUntil').map((x) => x.message)).toEqual([
      'Wait until 2026-11-18 10:01 UTC: fee f-1 clears; fee f-2 clears; fee f-1 settles; fee f-2 settles; fee f-1 settles; fee f-2 settles; fee f-1 settles; fee f-2 settles.',
    ])
  })
  it('reasons of one tag and rule: by the text of their scope, then of their subject (none first), as their keys sort', () => {
    const clear = () => [waitUntil(at(5000), [feeSettles({ subject: 'A-1' }), feeSettles({ subject: '0' }), feeSettles({}), feeSettles({ scope: { _tag: 'Freelancer' } })])]
    const closure = closureWith([own('fees-paid', () => [{ _tag: 'FeeUnpaid' }, { _tag: 'FeeUnpaid', subject: 'second' }], clear)])
    const wait = closure.closureSteps(s).find((x) => x._tag === 'WaitUntil') as unknown as { readonly reasons: ReadonlyArray<Fee> }
    expect(wait.reasons.map((r) => `${r.scope?._tag ?? '-'} ${r.subject ?? '-'}`)).toEqual(['Freelancer -', '- -', '- 0', '- A-1'])
  })
  it('a step that is not a wait, shared, resolves the rules of all its blockers, sorted, and gains no reasons', () => {
    const clear = (id: string) => () => [{ ...payFee({ subject: 'one' }), resolves: [id, 'shared'] }]
    const closure = closureWith([own('z-rule', () => [{ _tag: 'FeeUnpaid' }], clear('z-rule')), own('a-rule', () => [{ _tag: 'FeeUnpaid' }], clear('a-rule'))])
    const pays = closure.closureSteps(s).filter((x) => x._tag === 'PayFee')
    expect(pays).toEqual([{ _tag: 'PayFee', kind: 'remedy', subject: 'one', resolves: ['a-rule', 'shared', 'z-rule'] }])
    expect(pays[0]).not.toHaveProperty('reasons')
  })
  it('steps of one tag are one step only with the same scope and subject (a wait: the same instant)', () => {
    const clear = () => [
      payFee({ subject: 'x' }),
      payFee({ subject: 'y' }),
      payFee({ subject: 'x', scope: { _tag: 'Freelancer' } }),
      payFee({ subject: 'x', scope: { _tag: 'Company', companyId: 'x' } }),
      payFee({}),
      waitUntil(at(1000), [feeSettles({})]),
      waitUntil(at(2000), [feeSettles({})]),
    ]
    const closure = closureWith([own('fees-paid', () => [{ _tag: 'FeeUnpaid', subject: '1' }, { _tag: 'FeeUnpaid', subject: '2' }], clear)])
    const plan = closure.closureSteps(s).filter((x) => x._tag === 'PayFee' || x._tag === 'WaitUntil')
    expect(plan.map((x) => `${x._tag} ${x.scope?._tag ?? '-'} ${x.subject ?? '-'}`)).toEqual([
      'PayFee - x',
      'PayFee - y',
      'PayFee Freelancer x',
      'PayFee Company x',
      'PayFee - -',
      'WaitUntil - -',
      'WaitUntil - -',
    ])
  })
})

describe('the order a clear gives', () => {
  it("each step of a blocker's clear comes after the one before it, whatever their priority", () => {
    // (AskBank would read before PayFee by its tag: the clear puts it after)
    const closure = closureWith([own('fees-paid', () => [{ _tag: 'FeeUnpaid' }], () => [payFee({}), askBank({})])])
    expect(closure.closureSteps(s).map((x) => x._tag).slice(0, 2)).toEqual(['PayFee', 'AskBank'])
    const free = closureWith([own('fees-paid', () => [{ _tag: 'FeeUnpaid', subject: 'p' }, { _tag: 'FeeUnpaid', subject: 'a' }], (b) => [b.subject === 'p' ? payFee({}) : askBank({})])])
    expect(free.closureSteps(s).map((x) => x._tag).slice(0, 2)).toEqual(['AskBank', 'PayFee'])
  })
})

describe('the earliest instant', () => {
  const waits = (...ms: ReadonlyArray<number>) => () => ms.map((m) => waitUntil(at(m), [feeSettles({})]))
  const answers = (r: Rule) => {
    const c = closureWith([r])
    return [c.earliestClosableAt(s), O.some(Date.parse(c.verdict(s).earliestAt ?? '') as Instant), briefWith([r])(s).earliest]
  }
  it('is the latest wait of the plan, not the last one given', () => {
    for (const a of answers(own('fees-paid', () => [{ _tag: 'FeeUnpaid' }], waits(2000, 9000, 4000)))) expect(a).toEqual(O.some(at(9000)))
  })
  it('is asOf when every wait is past, or there is none; a step that is not a wait never counts, whatever it holds', () => {
    for (const a of answers(own('fees-paid', () => [{ _tag: 'FeeUnpaid' }], waits(-5000, -1)))) expect(a).toEqual(O.some(s.asOf))
    const remedy = own('fees-paid', () => [{ _tag: 'FeeUnpaid' }], () => [{ ...payFee({}), at: at(99_000) }])
    for (const a of answers(remedy)) expect(a).toEqual(O.some(s.asOf))
  })
  it('is none when a rule whose blockers someone else must clear blocks, and only then', () => {
    const others = own('others', () => [{ _tag: 'FeeUnpaid' }], waits(1000), { clearable: false })
    const idle = own('idle', () => [], waits(1000), { clearable: false })
    const mine = own('mine', () => [{ _tag: 'FeeUnpaid' }], waits(3000))
    expect(closureWith([mine, others]).earliestClosableAt(s)).toEqual(O.none)
    expect(closureWith([mine, idle]).earliestClosableAt(s)).toEqual(O.some(at(3000)))
  })
})

describe('what the gates leave out', () => {
  const co = (id: string): CompanyScope => ({ _tag: 'Company', companyId: id })
  /** Several rules sharing the first one's definitions (a tag is defined once). */
  // (a rule whose blockers have no steps is one the user cannot clear alone)
  const nothingToDo = { clearable: false } as const
  const policy = (...rules: ReadonlyArray<Rule>) => closureWith(rules)
  it('a rule that stops everything: its blockers only, and checked lists the stoppers and the rules that passed', () => {
    const c = policy(
      own('passes', () => []),
      own('blocks', () => [{ _tag: 'FeeUnpaid' }]),
      own('stops', () => [{ _tag: 'FeeUnpaid', subject: 'stop' }], () => [payFee({}), waitUntil(at(1000), [feeSettles({})])], { gate: 'everything' }),
      own('stops-not', () => [], () => [], { gate: 'everything' }),
    )
    const v = c.verdict(s)
    expect(v.blockers.map((b) => `${b.rule} ${b.subject ?? ''}`)).toEqual(['stops stop'])
    expect(v.checked).toEqual(['passes', 'stops', 'stops-not'])
    expect(blockersOf(c.canClose(s)).map((b) => b['rule'])).toEqual(['stops'])
    // no plan, no date, even though the stopper's own rule could be cleared by the user
    expect([c.closureSteps(s), c.earliestClosableAt(s), c.alternatives(s)]).toEqual([[], O.none, []])
  })
  it('a rule that hides a scope: the other rules lose their blockers of that scope, and are checked only when they lose none', () => {
    const c = policy(
      own('hides', () => [{ _tag: 'FeeUnpaid', scope: co('co-1') }, { _tag: 'FeeUnpaid' }], () => [], { gate: 'scope', ...nothingToDo }),
      own('partly', () => [{ _tag: 'FeeUnpaid', subject: 'p1', scope: co('co-1') }, { _tag: 'FeeUnpaid', subject: 'p2', scope: co('co-2') }], undefined, nothingToDo),
      own('wholly', () => [{ _tag: 'FeeUnpaid', subject: 'w1', scope: co('co-1') }], undefined, nothingToDo),
      own('elsewhere', () => [{ _tag: 'FeeUnpaid', subject: 'e2', scope: co('co-2') }, { _tag: 'FeeUnpaid', subject: 'e0' }], undefined, nothingToDo),
      own('also-gates', () => [{ _tag: 'FeeUnpaid', subject: 'g1', scope: co('co-1') }], () => [], { gate: 'scope', ...nothingToDo }),
    )
    const v = c.verdict(s)
    expect(v.blockers.map((b) => `${b.rule} ${b.subject ?? '-'}`)).toEqual(['hides -', 'hides -', 'partly p2', 'elsewhere e2', 'elsewhere e0', 'also-gates g1'])
    expect(v.checked).toEqual(['hides', 'elsewhere', 'also-gates'])
  })
  it('a scope gate that blocks without a scope hides nothing', () => {
    const c = policy(own('hides', () => [{ _tag: 'FeeUnpaid' }], () => [], { gate: 'scope', ...nothingToDo }), own('other', () => [{ _tag: 'FeeUnpaid', scope: co('co-1') }], undefined, nothingToDo))
    expect(c.verdict(s).checked).toEqual(['hides', 'other'])
  })
})

describe('why the date may move', () => {
  it("each reason once, and only for rules whose steps are in the plan", () => {
    const because = { because: 'A fee can take longer to settle.' }
    const c = closureWith(
      [
        own('a', () => [{ _tag: 'FeeUnpaid', subject: 'a' }], () => [{ ...payFee({ subject: 'a' }), resolves: ['a'] }], { mayMove: because }),
        own('b', () => [{ _tag: 'FeeUnpaid', subject: 'b' }], () => [{ ...payFee({ subject: 'b' }), resolves: ['b'] }], { mayMove: because }),
        own('c', () => [], () => [], { mayMove: { because: 'Never said.' } }),
        // a rule that blocks but whose steps resolve another rule: its reason is not said
        own('d', () => [{ _tag: 'FeeUnpaid', subject: 'd' }], () => [{ ...payFee({ subject: 'd' }), resolves: ['a'] }], { mayMove: { because: 'Not said either.' } }),
      ],
    )
    const v = c.verdict(s)
    expect([v.earliestAtMayMove, v.mayMoveBecause]).toEqual([true, ['A fee can take longer to settle.']])
    const none = closureWith([own('c', () => [], () => [], { mayMove: { because: 'Never said.' } })]).verdict(s)
    expect([none.earliestAtMayMove, none.mayMoveBecause]).toEqual([false, []])
  })
})

describe('alternatives that a plan makes needless', () => {
  it("are left out only when a step of the rule that says so is in the plan", () => {
    const tags = (r: ReadonlyArray<{ readonly _tag: string }>) => r.map((a) => a._tag)
    const says = (check: () => ReadonlyArray<unknown>, resolves: string) =>
      closureWith([own('support', check, () => [{ ...payFee({}), resolves: [resolves] }], { needless: ['TalkToSupport'] })])
    expect(tags(says(() => [{ _tag: 'FeeUnpaid' }], 'support').alternatives(s))).toEqual(['Deactivate'])
    expect(tags(says(() => [{ _tag: 'FeeUnpaid' }], 'support').verdict(s).alternatives)).toEqual(['Deactivate'])
    // its step resolves another rule, or it does not block: every alternative stays
    expect(tags(says(() => [{ _tag: 'FeeUnpaid' }], 'other').alternatives(s))).toEqual(['Deactivate', 'TalkToSupport'])
    expect(tags(says(() => [], 'support').verdict(s).alternatives)).toEqual(['Deactivate', 'TalkToSupport'])
  })
})

describe('the default rules with these', () => {
  it('an own rule that passes changes no answer of the defaults but checked', () => {
    const c = closureWith([...defaultRules, own('fees-paid', () => [])])
    const d = closureWith(defaultRules)
    const busy = example('busy-freelancer')
    expect({ ...c.verdict(busy), checked: [] }).toEqual({ ...d.verdict(busy), checked: [] })
  })
})
