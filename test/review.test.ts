/**
 * Found by an attacker's review of issues 21 and 22: each test names what must hold, and each
 * failed on the branch it was written against.
 */

import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

import { accountTarget, agencyTarget, canClose, closureWith, decodeSnapshot, defaultRules, defineBlocker, defineReason, defineRule, defineStep, verdict } from '../src/index.js'
import type { AccountSnapshot, Target } from '../src/index.js'
import { exampleJson } from './fixtures.js'

type Obj = Record<string, unknown>

/** A freelancer who owns an empty agency and has an active contract: the agency can close, the account cannot. */
const agencyFreeAccountBlocked = (): AccountSnapshot => {
  const json = structuredClone(exampleJson('closable-freelancer')) as Obj
  json['agencies'] = [
    { id: 'ag-1', name: 'Studio', role: 'owner', members: [], contracts: [], proposals: [], earnings: { pending: [], available: { amount: 0, currency: 'USD' } } },
  ]
  ;(json['freelancer'] as Obj)['contracts'] = [{ id: 'c-1', type: 'fixed', status: 'active', endedAt: null }]
  const d = decodeSnapshot(json)
  if (E.isLeft(d)) throw new Error(d.left.map((e) => e.message).join('; '))
  return d.right
}

/** A rule of one's own that tries to retarget the question it is asked. */
const retargeting = defineRule({
  id: 'retarget',
  paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'],
  blockers: [defineBlocker({ tag: 'Retarget', rule: 'retarget', words: () => 'never' })],
  check: (facts) => {
    const target = facts.target as { _tag: string; agencyId?: string }
    target._tag = 'Agency'
    target.agencyId = 'ag-1'
    return []
  },
  clear: () => [],
})

describe('targets are values nobody can change', () => {
  it('a rule that writes to facts.target fails naming it and never changes what later calls answer for the account', () => {
    const s = agencyFreeAccountBlocked()
    expect(E.isLeft(canClose(s))).toBe(true)
    expect(E.isRight(canClose(s, agencyTarget('ag-1')))).toBe(true)
    expect(() => closureWith([retargeting]).canClose(s)).toThrow(/retarget/)
    // the shared account target is still the account: the account is still blocked
    expect(accountTarget).toEqual({ _tag: 'Account' })
    expect(E.isLeft(canClose(s))).toBe(true)
    expect(verdict(s).closable).toBe(false)
    expect(verdict(s).path).toBe('CloseAccount')
  })

  it('the target a Closable answer carries cannot be changed to retarget later calls', () => {
    const s = agencyFreeAccountBlocked()
    const closable = closureWith([]).canClose(s)
    if (E.isLeft(closable)) throw new Error('closureWith([]) blocked')
    const target = closable.right.target as { _tag: string; agencyId?: string }
    expect(() => {
      target._tag = 'Agency'
      target.agencyId = 'ag-1'
    }).toThrow(TypeError)
    expect(E.isLeft(canClose(s))).toBe(true)
  })

  it("a rule that writes to an agency target's facts fails naming it, and the verdict reports the target asked for", () => {
    const s = agencyFreeAccountBlocked()
    const asked: Target = { _tag: 'Agency', agencyId: 'ag-1' }
    const moving = defineRule({
      id: 'moving',
      paths: ['CloseAgency'],
      blockers: [],
      check: (facts) => {
        ;(facts.target as { agencyId: string }).agencyId = 'ag-elsewhere'
        return []
      },
      clear: () => [],
    })
    expect(() => closureWith([...defaultRules, moving]).verdict(s, asked)).toThrow(/moving/)
  })
})

describe("a rule's answer is taken once: what was checked is what is used", () => {
  const blocks = defineBlocker({ tag: 'Kept', rule: 'kept', words: () => 'kept' })
  const closable = (): AccountSnapshot => {
    const d = decodeSnapshot(exampleJson('closable-freelancer'))
    if (E.isLeft(d)) throw new Error('fixture')
    return d.right
  }

  it('a check that empties the array it returned (before clear runs) still blocks the verdict', () => {
    const kept: Array<unknown> = []
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      clearable: false,
      blockers: [blocks],
      check: () => {
        kept.length = 0
        kept.push(blocks({}))
        return kept as ReadonlyArray<ReturnType<typeof blocks>>
      },
      clear: () => {
        kept.length = 0
        return []
      },
    })
    const v = closureWith([...defaultRules, rule]).verdict(closable())
    expect(v.closable).toBe(false)
    expect(v.blockers.map((b) => b._tag)).toEqual(['Kept'])
  })

  /** A rule whose clear hands the blocker its check gave to `forge`; `last()` is that blocker. */
  const forgedInClear = (forge: (b: { _tag: string }) => void) => {
    let last: { _tag: string } | undefined
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      clearable: false,
      blockers: [blocks],
      check: () => {
        const b = blocks({})
        last = b
        return [b]
      },
      clear: () => {
        if (last !== undefined) forge(last)
        return []
      },
    })
    return { rule, last: () => last }
  }

  it('a blocker changed after it passed the check cannot change what is reported', () => {
    const { rule, last } = forgedInClear((b) => {
      b._tag = 'Forged'
    })
    // (the blocker is frozen where it is once checked: the write fails, and the rule with it)
    expect(() => closureWith([...defaultRules, rule]).verdict(closable())).toThrow(/rule "kept" failed in clear: .*read only/)
    expect(last()?._tag).toBe('Kept')
  })

  it('a blocker written in a sloppy-mode clear stays as it was checked', () => {
    // (a function made by new Function is sloppy code: a write to a frozen object is ignored, not thrown)
    const { rule } = forgedInClear(new Function('b', "b._tag = 'Forged'") as (b: object) => void)
    const v = closureWith([...defaultRules, rule]).verdict(closable())
    expect(v.blockers.map((b) => b._tag)).toEqual(['Kept'])
  })

  it('a plain blocker is frozen where it is, nested objects too; a getter or an instance of a class is copied, read once', () => {
    class Where {
      readonly _tag = 'Freelancer'
    }
    let reads = 0
    const given: Array<Record<string, unknown>> = []
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      check: () => {
        given.length = 0
        given.push(
          { _tag: 'Kept', rule: 'kept', subject: 'plain', detail: { list: [{ n: 1 }] } },
          {
            _tag: 'Kept',
            rule: 'kept',
            get subject() {
              reads++
              return reads > 1 ? 'changed' : 'read once'
            },
          },
          { _tag: 'Kept', rule: 'kept', subject: 'class', scope: new Where() },
        )
        return given as unknown as ReadonlyArray<ReturnType<typeof blocks>>
      },
      clear: () => [],
    })
    const answer = closureWith([...defaultRules, rule]).canClose(closable())
    const found = E.isLeft(answer) ? answer.left : []
    const [plain, getter, instance] = found as unknown as ReadonlyArray<Record<string, unknown>>
    // the plain one is the rule's own object, frozen with what it holds
    expect(plain).toBe(given[0])
    expect(Object.isFrozen(plain)).toBe(true)
    const detail = plain?.['detail'] as { list: ReadonlyArray<object> }
    expect([Object.isFrozen(detail), Object.isFrozen(detail.list), Object.isFrozen(detail.list[0])]).toEqual([true, true, true])
    // the one with a getter: a plain copy, its getter read once
    expect(getter).not.toBe(given[1])
    expect(Object.getOwnPropertyDescriptor(getter, 'subject')).toMatchObject({ value: 'read once', writable: false })
    expect(getter?.['subject']).toBe('read once')
    // the one holding an instance of a class: a copy, the instance a frozen plain object
    expect(instance).not.toBe(given[2])
    expect(Object.getPrototypeOf(instance?.['scope'])).toBe(Object.prototype)
    expect(instance?.['scope']).toEqual({ _tag: 'Freelancer' })
    expect(Object.isFrozen(instance?.['scope'])).toBe(true)
  })

  it('a blocker whose _tag is a hidden getter (not enumerable) is copied: the getter is read once, or the blocker fails', () => {
    let reads = 0
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      check: () => {
        const b = { rule: 'kept', subject: 'hidden' }
        Object.defineProperty(b, '_tag', { enumerable: false, get: () => (reads++ > 0 ? 'Forged' : 'Kept') })
        return [b] as unknown as ReadonlyArray<ReturnType<typeof blocks>>
      },
      clear: () => [],
    })
    // (a copy takes enumerable keys only: without its _tag, the blocker breaks the contract)
    expect(() => closureWith([...defaultRules, rule]).verdict(closable())).toThrow(/rule "kept" gave a blocker without a _tag/)
    expect(reads).toBe(0)
  })

  it('a step is frozen where it is: a clear that changes its step after handing it over fails naming the rule', () => {
    const fix = defineStep({ tag: 'Fix', kind: 'remedy', rule: 'kept', words: () => 'fix' })
    let step: { subject?: string } | undefined
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      steps: [fix],
      check: () => {
        if (step !== undefined) step.subject = 'forged'
        return [blocks({ subject: 'b' })]
      },
      clear: () => {
        step = fix({ subject: 'b' })
        return [step as ReturnType<typeof fix>]
      },
    })
    const closure = closureWith([...defaultRules, rule])
    expect(closure.verdict(closable()).steps.filter((s) => s._tag === 'Fix').map((s) => s.subject)).toEqual(['b'])
    expect(Object.isFrozen(step)).toBe(true)
    expect(() => closure.verdict(closable())).toThrow(/rule "kept" failed in check/)
  })

  it('a proxy array that answers differently on a second read gives what was checked, never null', () => {
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      check: () => {
        let reads = 0
        const real = [blocks({})]
        return new Proxy(real, {
          get: (t, k, r) => (k === '0' && reads++ > 0 ? null : Reflect.get(t, k, r)),
        })
      },
      clear: () => [],
    })
    const answer = closureWith([...defaultRules, rule]).canClose(closable())
    expect(E.isLeft(answer) ? answer.left.map((b) => b?._tag) : []).toEqual(['Kept'])
  })

  it('a blocker the rule froze itself is not taken on trust: a getter in it is read once, an object it holds is frozen', () => {
    let reads = 0
    const scope: { _tag: string } = { _tag: 'Freelancer' }
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      check: () => [
        Object.freeze({
          _tag: 'Kept',
          rule: 'kept',
          get subject() {
            reads++
            return reads > 1 ? 'changed' : 'read once'
          },
        }),
        Object.freeze({ _tag: 'Kept', rule: 'kept', subject: 'held', scope }),
      ] as unknown as ReadonlyArray<ReturnType<typeof blocks>>,
      clear: () => [],
    })
    const closure = closureWith([...defaultRules, rule])
    const found = ((a) => (E.isLeft(a) ? a.left : []))(closure.canClose(closable())) as unknown as ReadonlyArray<Record<string, unknown>>
    expect(found.map((b) => b['subject'])).toEqual(['read once', 'held'])
    expect(Object.getOwnPropertyDescriptor(found[0], 'subject')).toMatchObject({ value: 'read once', writable: false })
    expect(Object.isFrozen(scope)).toBe(true)
    expect(() => {
      ;(scope as { _tag: string })._tag = 'Forged'
    }).toThrow(TypeError)
  })

  it('the same frozen object of plain data given by every call is settled once and stays what it is', () => {
    const shared = Object.freeze({ _tag: 'Kept', rule: 'kept', subject: 'shared', scope: Object.freeze({ _tag: 'Freelancer' }) })
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      check: () => [shared, shared] as unknown as ReadonlyArray<ReturnType<typeof blocks>>,
      clear: () => [],
    })
    const closure = closureWith([...defaultRules, rule])
    for (let i = 0; i < 2; i++) {
      const answer = closure.canClose(closable())
      expect(E.isLeft(answer) ? answer.left : []).toEqual([shared, shared])
      expect(E.isLeft(answer) ? answer.left[0] : undefined).toBe(shared)
    }
  })

  // found by the review of issue 23's work (rule answers frozen in place): each failed on main at 3bf697b
  const wait = (more: Readonly<Record<string, unknown>>): unknown => ({ _tag: 'WaitUntil', kind: 'wait', at: Date.UTC(2030, 0, 1), resolves: ['kept'], reasons: [], ...more })

  it("a wait's reasons with an iterator of their own are checked item by item: a reason that is not one fails naming the rule", () => {
    const reasons: Array<unknown> = [null]
    Object.defineProperty(reasons, Symbol.iterator, { value: function* () {} })
    const rule = defineRule({ id: 'kept', paths: ['CloseAccount'], blockers: [blocks], check: () => [blocks({})], clear: () => [wait({ reasons })] as never })
    expect(() => closureWith([...defaultRules, rule]).verdict(closable())).toThrow(/rule "kept" gave a reason to wait that is null/)
  })

  it('a list of resolved rules with an iterator of its own gives the rule ids checked, also when steps are merged', () => {
    const resolves: Array<unknown> = ['kept']
    Object.defineProperty(resolves, Symbol.iterator, {
      value: function* () {
        yield 42
      },
    })
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      check: () => [blocks({ subject: 'a' }), blocks({ subject: 'b' })],
      clear: () => [wait({ resolves })] as never,
    })
    const steps = closureWith([...defaultRules, rule]).verdict(closable()).steps
    expect(steps.filter((s) => s._tag === 'WaitUntil').map((s) => s.resolves)).toEqual([['kept']])
  })

  it("an answer whose constructor makes another array (Symbol.species) is read once, by index: what is checked is what is kept", () => {
    let reads = 0
    const list = [blocks({})]
    // a class whose instances are an array that answers a blocker of another rule after its first read
    class Other {
      constructor() {
        return new Proxy(list, { get: (t, k, r) => (k === '0' && reads++ > 0 ? { _tag: 'Kept', rule: 'elsewhere' } : Reflect.get(t, k, r)) })
      }
    }
    const answer: Array<unknown> = [blocks({})]
    Object.defineProperty(answer, 'constructor', { value: { [Symbol.species]: Other } })
    const rule = defineRule({ id: 'kept', paths: ['CloseAccount'], blockers: [blocks], check: () => answer as never, clear: () => [] })
    const found = ((a) => (E.isLeft(a) ? a.left : []))(closureWith([...defaultRules, rule]).canClose(closable()))
    expect(found.map((b) => b.rule)).toEqual(['kept'])
    expect(reads).toBe(0)
  })

  it('an object with its own toJSON (which JSON would show instead of it) fails naming the rule, nested or not', () => {
    const answers: ReadonlyArray<unknown> = [
      { _tag: 'Kept', rule: 'kept', toJSON: () => undefined },
      { _tag: 'Kept', rule: 'kept', scope: { _tag: 'Freelancer', toJSON: () => ({ _tag: 'Company', companyId: 'forged' }) } },
      Object.freeze({ _tag: 'Kept', rule: 'kept', detail: Object.freeze({ toJSON: () => 'forged' }) }),
    ]
    for (const b of answers) {
      const rule = defineRule({ id: 'kept', paths: ['CloseAccount'], blockers: [blocks], check: () => [b] as never, clear: () => [] })
      expect(() => closureWith([...defaultRules, rule]).verdict(closable())).toThrow(/rule "kept" failed in check: .*toJSON/)
    }
    const step = defineRule({ id: 'kept', paths: ['CloseAccount'], blockers: [blocks], check: () => [blocks({})], clear: () => [wait({ toJSON: () => null })] as never })
    expect(() => closureWith([...defaultRules, step]).verdict(closable())).toThrow(/rule "kept" failed in clear: .*toJSON/)
  })

  it('an object that inherits a toJSON (a Date, a class with one) fails naming the rule, where a copy would have lost it', () => {
    class Money {
      constructor(readonly amount: number) {}
      toJSON(): string {
        return `${String(this.amount)} USD`
      }
    }
    const answers: ReadonlyArray<unknown> = [
      { _tag: 'Kept', rule: 'kept', since: new Date(0) },
      { _tag: 'Kept', rule: 'kept', owed: new Money(5) },
    ]
    for (const b of answers) {
      const rule = defineRule({ id: 'kept', paths: ['CloseAccount'], blockers: [blocks], check: () => [b] as never, clear: () => [] })
      expect(() => closureWith([...defaultRules, rule]).verdict(closable())).toThrow(/rule "kept" failed in check: .*toJSON/)
    }
    expect(() =>
      closureWith([...defaultRules, defineRule({ id: 'kept', paths: ['CloseAccount'], blockers: [blocks], check: () => [{ _tag: 'Kept', rule: 'kept', since: new Date(0) }] as never, clear: () => [] })]).verdict(closable()),
    ).toThrow(/a Date: give an instant/)
    // a class without one is still copied to plain data
    class Plain {
      constructor(readonly note: string) {}
    }
    const copied = defineRule({ id: 'kept', paths: ['CloseAccount'], blockers: [blocks], check: () => [{ _tag: 'Kept', rule: 'kept', detail: new Plain('x') }] as never, clear: () => [] })
    const found = ((a) => (E.isLeft(a) ? a.left : []))(closureWith([...defaultRules, copied]).canClose(closable()))
    expect(found.map((b) => (b as unknown as { readonly detail: unknown }).detail)).toEqual([{ note: 'x' }])
  })

  it('a frozen object first met deeper than the walk goes is walked again where it is met higher: what it holds is frozen', () => {
    const why = defineReason({ tag: 'Why', rule: 'kept', words: () => 'why' })
    const scope: { _tag: string } = { _tag: 'Freelancer' }
    const reason = Object.freeze({ _tag: 'Why', rule: 'kept', scope })
    // the reason 8 deep in a blocker (its scope, at 9, is past the walk), then as a wait's reason
    let deep: unknown = reason
    for (let i = 0; i < 7; i++) deep = { d: deep }
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      reasons: [why],
      check: () => [{ _tag: 'Kept', rule: 'kept', d: deep }] as never,
      clear: () => [wait({ reasons: [reason] })] as never,
    })
    const v = closureWith([...defaultRules, rule]).verdict(closable())
    expect(v.steps.filter((s) => s._tag === 'WaitUntil').map((s) => s.message)).toEqual(['Wait until 2030-01-01 00:00 UTC: why.'])
    expect(Object.isFrozen(scope)).toBe(true)
  })
})
