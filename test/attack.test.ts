/**
 * The library's other doors, tried as an attacker would (an independent review of the packed
 * package found each): a list that answers one way when checked and another when used, a codec's
 * result that cannot be read, the built-in list changed by an app, bytes where text belongs. None
 * may give "can close" for a blocked snapshot, nor an error that names nothing.
 */
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'

import { schemaOfCodec } from '../src/schema/fromCodec.js'
import { canClose, closureSteps, closureWith, decodeSnapshot, decodeSnapshotText, defaultRules, defineBlocker, defineRule, en, readSnapshotText, RULE_IDS, verdict } from '../src/index.js'
import { exampleJson } from './fixtures.js'

type Obj = Record<string, unknown>

/** A Proxy of a list whose `length` is the list's at the first read and 0 at every later one. */
const shrinking = <A>(list: ReadonlyArray<A>): ReadonlyArray<A> => {
  let reads = 0
  return new Proxy(list, { get: (target, k, receiver) => (k === 'length' ? (reads++ === 0 ? target.length : 0) : Reflect.get(target, k, receiver)) })
}

const thrown = (f: () => unknown): Error => {
  try {
    f()
  } catch (e) {
    return e as Error
  }
  throw new Error('did not throw')
}

describe('a list whose length changes between reads is read once', () => {
  it('decodeSnapshot: a company list that says 1, then 0, decodes to its one company, and the answer is blocked', () => {
    const json = exampleJson('client-owner-mid-week') as Obj
    const companies = json['companies'] as ReadonlyArray<unknown>
    expect(companies.length).toBe(1)
    const d = decodeSnapshot({ ...json, companies: shrinking(companies) })
    if (d._tag === 'Left') throw new Error(JSON.stringify(d.left))
    expect(d.right.companies.length).toBe(1)
    expect(d.right.companies[0]).toBeDefined()
    expect(canClose(d.right)._tag).toBe('Left')
  })
  it('every list of the snapshot, shrinking the same way, decodes as the list it held at first', () => {
    const json = exampleJson('busy-freelancer') as { freelancer: Obj } & Obj
    const freelancer = json.freelancer
    const plain = decodeSnapshot(json)
    if (plain._tag === 'Left') throw new Error('the example does not decode')
    for (const key of ['contracts', 'proposals']) {
      const list = freelancer[key] as ReadonlyArray<unknown>
      expect(list.length).toBeGreaterThan(1)
      const d = decodeSnapshot({ ...json, freelancer: { ...freelancer, [key]: shrinking(list) } })
      if (d._tag === 'Left') throw new Error(JSON.stringify(d.left))
      expect(d.right).toEqual(plain.right)
    }
    const earnings = freelancer['earnings'] as Obj
    const d = decodeSnapshot({ ...json, freelancer: { ...freelancer, earnings: { ...earnings, pending: shrinking(earnings['pending'] as ReadonlyArray<unknown>) } } })
    expect(d).toEqual(plain)
  })
  it('closureWith: a list with a method, an iterator or a length of its own runs the rules it was checked with', () => {
    const json = exampleJson('busy-freelancer')
    const plain = decodeSnapshot(json)
    if (plain._tag === 'Left') throw new Error('the example does not decode')
    const expected = closureWith([...defaultRules]).canClose(plain.right)
    expect(expected._tag).toBe('Left')
    const withMap = Object.assign([...defaultRules], { map: () => [] })
    class Odd<A> extends Array<A> {
      override *[Symbol.iterator](): ArrayIterator<A> {}
    }
    for (const list of [withMap, Odd.from(defaultRules), shrinking([...defaultRules])]) {
      const policy = closureWith(list)
      const d = policy.decodeSnapshot(json)
      if (d._tag === 'Left') throw new Error('the example does not decode')
      expect(policy.canClose(d.right)).toEqual(expected)
    }
  })
  it('closureWith: a hole is named by its index', () => {
    const holes = new Array<never>(2)
    const e = thrown(() => closureWith(holes))
    expect([e instanceof TypeError, e.message]).toEqual([true, 'closureWith: the rule at index 0 is not a rule made with defineRule'])
  })
})

describe("an extension codec's result that cannot be read is an error at its key, never a key left out", () => {
  const ticket = defineBlocker({ tag: 'TicketOpen', rule: 'tickets', words: () => 'A ticket is open.' })
  const ruleWith = (codec: t.Decoder<unknown, unknown>) =>
    defineRule({
      id: 'tickets',
      paths: ['CloseAccount'],
      extension: { key: 'tickets', codec: codec as t.Type<unknown, unknown, unknown> },
      blockers: [ticket],
      clearable: false,
      check: (f) => (f.extensions.tickets === undefined ? [] : [ticket({})]),
      clear: () => [],
    })
  const json = { ...(exampleJson('closable-freelancer') as Obj), extensions: { tickets: 1 } }
  const results: ReadonlyArray<readonly [string, unknown]> = [
    [
      'a Right whose value throws when read',
      {
        _tag: 'Right',
        get right(): never {
          throw new Error('g')
        },
      },
    ],
    ['a Right with no value of its own', { _tag: 'Right' }],
    ['a Right whose value is inherited', Object.create({ right: 1 }, { _tag: { value: 'Right', enumerable: true } })],
    ['a tag that is neither Left nor Right, with a value', { _tag: 'Weird', right: 1 }],
    ['a tag that is neither Left nor Right, without one', { _tag: 'Weird' }],
    [
      'a Right whose own keys cannot be asked',
      new Proxy(
        { _tag: 'Right', right: 1 },
        {
          getOwnPropertyDescriptor: () => {
            throw new Error('no')
          },
        },
      ),
    ],
  ]
  for (const [what, result] of results)
    it(what, () => {
      const codec = new t.Type<unknown, unknown, unknown>('Tickets', (_u): _u is unknown => true, () => result as t.Validation<unknown>, (x) => x)
      const d = closureWith([...defaultRules, ruleWith(codec)]).decodeSnapshot(json)
      expect(d._tag).toBe('Left')
      if (d._tag === 'Left') expect(d.left.map((e) => [e.path, e.expected])).toEqual([['extensions.tickets', 'Tickets (its codec returned no io-ts validation)']])
    })
  it('a Right(undefined) leaves the key out, as an optional key (the codec said so)', () => {
    const d = closureWith([...defaultRules, ruleWith(t.union([t.undefined, t.number]).pipe(new t.Type('Gone', (u): u is undefined => u === undefined, () => t.success(undefined), (x) => x)))]).decodeSnapshot(json)
    expect(d._tag === 'Right' && d.right.extensions).toEqual({})
  })
})

describe('the built-in list, its ids and the English words are frozen', () => {
  it('a change to them is refused, and the answers stay as they were', () => {
    const json = exampleJson('busy-freelancer')
    const d = decodeSnapshot(json)
    if (d._tag === 'Left') throw new Error('the example does not decode')
    const before = { steps: closureSteps(d.right), verdict: verdict(d.right) }
    expect([Object.isFrozen(defaultRules), Object.isFrozen(RULE_IDS), Object.isFrozen(en)]).toEqual([true, true, true])
    expect(() => (defaultRules as unknown as Array<unknown>).pop()).toThrow(TypeError)
    expect(() => (RULE_IDS as unknown as Array<unknown>).push('mine')).toThrow(TypeError)
    expect(() => Object.assign(en, { Confirm: () => 'x' })).toThrow(TypeError)
    expect(defaultRules.length).toBe(15)
    expect({ steps: closureSteps(d.right), verdict: verdict(d.right) }).toEqual(before)
    // a variant is a new list
    expect(closureWith(defaultRules.filter((r) => r.id !== 'good-standing')).canClose(d.right)._tag).toBe('Left')
  })
})

describe('bytes where text belongs are a TypeError saying to decode them, not a crash inside', () => {
  it('decodeSnapshotText, readSnapshotText and a closure’s, given a Buffer, a Uint8Array, a number, null', () => {
    const text = JSON.stringify(exampleJson('busy-freelancer'))
    const policy = closureWith([])
    const asks: ReadonlyArray<(u: unknown) => unknown> = [(u) => decodeSnapshotText(u as string), (u) => readSnapshotText(u as string), (u) => policy.decodeSnapshotText(u as string)]
    for (const ask of asks) {
      for (const bytes of [Buffer.from(text), new TextEncoder().encode(text)])
        expect(thrown(() => ask(bytes))).toEqual(new TypeError('snapshot text must be a string, not bytes: decode them first (new TextDecoder().decode(bytes))'))
      expect(thrown(() => ask(7))).toEqual(new TypeError('snapshot text must be a string, not a number'))
      expect(thrown(() => ask(null))).toEqual(new TypeError('snapshot text must be a string, not null'))
      expect((ask(text) as { _tag: string })._tag).not.toBe('Left')
    }
  })
})

describe('maxErrors past the safe integers says which whole numbers it takes', () => {
  it('2^53 + 2 and 1e308 are whole numbers: the error says the range, not "not a whole number"', () => {
    for (const [m, shown] of [[2 ** 53 + 2, '9007199254740994'], [1e308, '1e+308']] as const)
      expect(thrown(() => decodeSnapshot({}, { maxErrors: m }))).toEqual(
        new TypeError(`account-closure: the decode option maxErrors must be a whole number from 1 to 2^53 − 1, or Infinity; got ${shown}`),
      )
  })
})

describe('an instant written as one but refused says why: a real date, in range', () => {
  const json = exampleJson('closable-freelancer') as Obj
  const INSTANT = 'an ISO-8601 instant with Z or an offset'
  const RANGE = `${INSTANT}, on a real date, in 0001-01-01T00:00:00Z ≤ t < 9999-01-01T00:00:00Z`
  it('a date that is not real, a year out of range, a fraction that rounds past the end; words that are no instant keep the short text', () => {
    for (const [asOf, expected] of [
      ['2026-02-30T00:00:00Z', RANGE],
      ['9999-01-01T00:00:00Z', RANGE],
      ['0000-12-31T23:59:59Z', RANGE],
      ['2026-11-18T10:00:00+01:00x', INSTANT],
      ['2026-13-18T10:00:00+0100', RANGE],
      ['yesterday', INSTANT],
      ['2026-11-18', INSTANT],
      // the commonest mistake, no zone: the short words, which name the zone
      ['2026-11-18T10:00:00', INSTANT],
      ['2026-11-18T10:00:00.000', INSTANT],
    ] as const) {
      const d = decodeSnapshot({ ...json, asOf })
      expect(d._tag === 'Left' ? d.left.map((e) => [e.path, e.expected]) : []).toEqual([['asOf', expected]])
    }
    // an end rounded up (a fraction below the millisecond) past the last instant
    const freelancer = json['freelancer'] as Obj
    const contracts = [{ id: 'c-9', type: 'fixed', status: 'ended', endedAt: '9998-12-31T23:59:59.9999999Z' }]
    const d = decodeSnapshot({ ...json, asOf: '9998-12-31T23:59:59.999Z', freelancer: { ...freelancer, contracts } })
    expect(d._tag === 'Left' ? d.left.map((e) => [e.path, e.expected]) : []).toEqual([['freelancer.contracts[0].endedAt', RANGE]])
  })
})

describe('what is checked of a rule is what runs', () => {
  const blocks = defineBlocker({ tag: 'AlwaysBlocked', rule: 'always', words: () => 'Always blocked.' })
  const good = defineRule({ id: 'always', paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'], blockers: [blocks], clearable: false, check: () => [blocks({})], clear: () => [] })
  const snapshot = (): Parameters<typeof canClose>[0] => {
    const d = decodeSnapshot(exampleJson('closable-freelancer'))
    if (d._tag === 'Left') throw new Error('the example does not decode')
    return d.right
  }
  it('closureWith checks a rule not made by this copy (a spread copy) as defineRule does: paths spelled otherwise, or none, are refused', () => {
    expect(closureWith([...defaultRules, good]).canClose(snapshot())._tag).toBe('Left')
    for (const [paths, why] of [
      [['closeAccount'], ': "closeAccount" is not one'],
      [[], ', not an empty list'],
    ] as const)
      expect(thrown(() => closureWith([...defaultRules, { ...good, paths } as never]))).toEqual(
        new TypeError(`closureWith: the rule "always" (at index 15): paths must be a non-empty array of closing paths ('CloseAccount', 'LeaveTeams', 'CloseAgency')${why}`),
      )
    expect(thrown(() => closureWith([{ ...good, gate: 'Everything' } as never])).message).toBe(`closureWith: the rule "always" (at index 0): gate must be 'none', 'scope' or 'everything'`)
  })
  it('a getter that answers one way when checked and another when used: the value checked is the one kept', () => {
    let reads = 0
    const definition = {
      id: 'always',
      get paths(): ReadonlyArray<'CloseAccount'> {
        return reads++ === 0 ? ['CloseAccount'] : (['Nope'] as never)
      },
      blockers: [blocks],
      clearable: false,
      check: () => [blocks({})],
      clear: () => [],
    }
    const rule = defineRule(definition)
    expect(rule.paths).toEqual(['CloseAccount'])
    // a copy whose paths are read by closureWith: once for its shape, once more for the rule it keeps
    const copy = (first: ReadonlyArray<string>, then: ReadonlyArray<string>) => {
      let n = 0
      return {
        ...good,
        get paths(): ReadonlyArray<string> {
          return n++ === 0 ? first : then
        },
      }
    }
    const policy = closureWith([...defaultRules, copy(['Nope'], ['CloseAccount']) as never])
    expect(policy.verdict(snapshot()).checked).toContain('always')
    expect(policy.canClose(snapshot())._tag).toBe('Left')
    expect(thrown(() => closureWith([...defaultRules, copy(['CloseAccount'], ['Nope']) as never])).message).toMatch(/"Nope" is not one$/)
  })
})

describe('small things the mutants asked for', () => {
  it('a path too long to show whole is shown cut at 40 characters', () => {
    const b = defineBlocker({ tag: 'B', rule: 'b', words: () => 'b' })
    const long = `Close${'A'.repeat(60)}`
    expect(thrown(() => defineRule({ id: 'b', paths: [long as never], blockers: [b], check: () => [], clear: () => [] })).message).toMatch(
      new RegExp(`: "${long.slice(0, 40)}" is not one$`),
    )
  })
  it('a codec nested deeper than 64 levels is stated as {} with why', () => {
    let c: t.Mixed = t.string
    for (let i = 0; i < 70; i++) c = t.array(c)
    let schema = schemaOfCodec(c).schema
    let depth = 0
    while (schema['items'] !== undefined) {
      schema = schema['items'] as typeof schema
      depth++
    }
    expect(depth).toBe(65)
    expect(schema['description']).toMatch(/nested too deeply to be walked/)
  })
})

describe('the definitions of tags are frozen, and a rule is called on the value given', () => {
  it('a built-in definition cannot be changed (its words, its tag), and the verdict stays as it was', () => {
    const d = decodeSnapshot(exampleJson('busy-freelancer'))
    if (d._tag === 'Left') throw new Error('the example does not decode')
    const before = verdict(d.right)
    for (const rule of defaultRules)
      for (const def of [...rule.blockers, ...rule.steps, ...rule.reasons]) {
        expect(Object.isFrozen(def), `${rule.id} ${def.tag}`).toBe(true)
        expect(() => Object.assign(def, { words: () => 'x' }), def.tag).toThrow(TypeError)
      }
    expect(verdict(d.right)).toEqual(before)
  })
  it('defineBlocker, defineStep and defineReason read each field once, and give a frozen definition', () => {
    let reads = 0
    const blocker = defineBlocker({
      get tag(): 'Once' {
        return (reads++ === 0 ? 'Once' : 'Twice') as 'Once'
      },
      rule: 'once',
      words: () => 'once',
    })
    expect([blocker.tag, blocker({})._tag, Object.isFrozen(blocker)]).toEqual(['Once', 'Once', true])
  })
  it('a rule that is an instance of a class, whose check and clear use this, runs as written', () => {
    const overQuota = defineBlocker({ tag: 'OverQuota', rule: 'quota', words: () => 'Over quota.' })
    class Quota {
      readonly id = 'quota'
      readonly paths = ['CloseAccount'] as const
      readonly blockers = [overQuota]
      readonly steps = []
      readonly reasons = []
      readonly follows = []
      readonly precedes = []
      readonly needless = []
      readonly clearable = false
      private readonly limit = 0
      check(): ReadonlyArray<ReturnType<typeof overQuota>> {
        return this.over() ? [overQuota({})] : []
      }
      clear(): ReadonlyArray<never> {
        return []
      }
      private over(): boolean {
        return this.limit === 0
      }
    }
    const d = decodeSnapshot(exampleJson('closable-freelancer'))
    if (d._tag === 'Left') throw new Error('the example does not decode')
    const policy = closureWith([...defaultRules, new Quota() as never])
    expect(policy.canClose(d.right)._tag).toBe('Left')
    expect(policy.verdict(d.right).blockers.map((b) => b._tag)).toEqual(['OverQuota'])
  })
})

describe('a rule that is not an object', () => {
  it('defineRule and closureWith say so, naming where', () => {
    for (const u of [null, 7, 'rule'])
      expect(thrown(() => defineRule(u as never))).toEqual(new TypeError('defineRule: a rule must be an object'))
    expect(thrown(() => closureWith([null as never])).message).toBe('closureWith: the rule at index 0 is not a rule made with defineRule')
  })
})
