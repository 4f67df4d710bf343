/**
 * An app's own facts (`extensions`): kept as plain frozen data by the plain decoder, and decoded
 * by a policy's codecs as strictly as the rest of the snapshot.
 */
import { readFileSync } from 'node:fs'

import { fc, test } from '@fast-check/vitest'
import Ajv2020 from 'ajv/dist/2020.js'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'

import { codecs, decodeSnapshot, decodeSnapshotText, encodeSnapshot, InstantC, MoneyC } from '../src/index.js'
import type { AccountSnapshot, DecodeError, Extension } from '../src/index.js'
import { policyDecoding } from '../src/model/extensions.js'
import { schemaOfCodec } from '../src/schema/fromCodec.js'
import { snapshotJsonSchema } from '../src/schema/snapshotJsonSchema.js'
import { anySnapshotJson, clone, isDeeplyFrozen } from './arbitraries.js'
import { exampleJson } from './fixtures.js'

type Obj = Record<string, unknown>
const base = (): Obj => clone(exampleJson('closable-freelancer')) as Obj
const withExtensions = (extensions: unknown): Obj => ({ ...base(), extensions })
const errorsOf = (d: E.Either<ReadonlyArray<DecodeError>, AccountSnapshot>): ReadonlyArray<DecodeError> => (E.isLeft(d) ? d.left : [])
const right = (d: E.Either<ReadonlyArray<DecodeError>, AccountSnapshot>): AccountSnapshot => {
  if (E.isLeft(d)) throw new Error(d.left.map((e) => e.message).join('; '))
  return d.right
}

const Fees = t.type({ unpaid: t.array(t.type({ id: t.string, amount: t.Int, currency: t.keyof({ USD: null, EUR: null }) })), note: t.union([t.string, t.null]) })
const fees: Extension<'fees', t.TypeOf<typeof Fees>> = { key: 'fees', codec: Fees }
const fee = { unpaid: [{ id: 'f-1', amount: 250, currency: 'USD' }], note: null }

/** A codec of one's own: validate does what the test says. */
const custom = (name: string, validate: t.Validate<unknown, unknown>): t.Type<unknown, unknown, unknown> =>
  new t.Type<unknown, unknown, unknown>(name, (_): _ is unknown => true, validate, (a) => a)

describe('the plain decoder keeps extensions as plain frozen data', () => {
  it('absent is {}; an object of JSON data is copied, frozen and kept', () => {
    expect(right(decodeSnapshot(base())).extensions).toEqual({})
    const s = right(decodeSnapshot(withExtensions({ a: { b: [1, 2.5, 'x', null, true] } })))
    expect(s.extensions).toEqual({ a: { b: [1, 2.5, 'x', null, true] } })
    expect(isDeeplyFrozen(s)).toBe(true)
  })
  it('null, a list or any other non-object is an error at extensions', () => {
    for (const bad of [null, [], [1], 5, 'x', true])
      expect(errorsOf(decodeSnapshot(withExtensions(bad))).map((e) => e.path), JSON.stringify(bad)).toEqual(['extensions'])
  })
  it('what is not JSON data is an error at its path, never a crash', () => {
    const cycle: Obj = {}
    cycle['self'] = cycle
    class Fee {
      amount = 1
    }
    const cases: ReadonlyArray<[unknown, string]> = [
      [{ f: () => 1 }, 'extensions.f'],
      [{ n: NaN }, 'extensions.n'],
      [{ n: { m: [Infinity] } }, 'extensions.n.m[0]'],
      [{ u: undefined }, 'extensions.u'],
      [{ s: Symbol('x') }, 'extensions.s'],
      [{ b: 5n }, 'extensions.b'],
      [{ c: cycle }, 'extensions.c.self'],
      [{ d: new Date(0) }, 'extensions.d'],
      [{ i: new Fee() }, 'extensions.i'],
      [{ h: [1, , 3] }, 'extensions.h[1]'],
    ]
    for (const [ext, path] of cases) expect(errorsOf(decodeSnapshot(withExtensions(ext))).map((e) => e.path), path).toEqual([path])
  })
  it('an own __proto__ key is dropped at every depth, and never set as a prototype', () => {
    const text = JSON.stringify(base()).replace(/^\{/, '{"extensions":{"__proto__":{"polluted":1},"a":{"__proto__":{"x":1},"y":2}},')
    const s = right(decodeSnapshot(JSON.parse(text)))
    expect(Object.keys(s.extensions)).toEqual(['a'])
    expect(Object.getPrototypeOf(s.extensions)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(s.extensions['a'])).toBe(Object.prototype)
    expect(Object.prototype.hasOwnProperty.call(s.extensions['a'], '__proto__')).toBe(false)
    expect(s.extensions['a']).toEqual({ y: 2 })
    expect(right(decodeSnapshotText(text)).extensions).toEqual({ a: { y: 2 } })
  })
  it('a shared part is copied once; the input is never shared', () => {
    const shared = { k: [1] }
    const input = { a: shared, b: shared }
    const s = right(decodeSnapshot(withExtensions(input)))
    expect(s.extensions).toEqual({ a: { k: [1] }, b: { k: [1] } })
    expect(s.extensions['a']).not.toBe(shared)
    shared.k.push(2)
    expect(s.extensions).toEqual({ a: { k: [1] }, b: { k: [1] } })
  })
  it('is encoded back when it holds something, and left out when empty', () => {
    expect('extensions' in encodeSnapshot(right(decodeSnapshot(base())))).toBe(false)
    expect(encodeSnapshot(right(decodeSnapshot(withExtensions({ a: 1 })))).extensions).toEqual({ a: 1 })
  })
  test.prop([anySnapshotJson(), fc.dictionary(fc.string().filter((k) => k !== '__proto__'), fc.jsonValue())])(
    'any JSON under extensions decodes as itself, from values and from text',
    (s, ext) => {
      const json = JSON.parse(JSON.stringify({ ...s, extensions: ext })) as Obj
      // (an own __proto__ key inside is dropped)
      const expected: unknown = JSON.parse(JSON.stringify(json['extensions']), (k, v: unknown) => (k === '__proto__' ? undefined : v))
      expect(right(decodeSnapshot(json)).extensions).toEqual(expected)
      expect(right(decodeSnapshotText(JSON.stringify(json))).extensions).toEqual(expected)
    },
  )
})

describe('text: extensions are I-JSON too', () => {
  it('a key repeated inside extensions is an error at its path; numbers inside are read as JSON reads them', () => {
    const text = JSON.stringify(withExtensions({ fees: { n: 1.5, e: 1e3 } }))
    expect(right(decodeSnapshotText(text)).extensions).toEqual({ fees: { n: 1.5, e: 1000 } })
    const twice = text.replace('"n":1.5', '"n":1.5,"n":2')
    expect(errorsOf(decodeSnapshotText(twice)).map((e) => e.path)).toEqual(['extensions.fees.n'])
    const p = policyDecoding([fees])
    expect(errorsOf(p.decodeSnapshotText(JSON.stringify(withExtensions({ fees: fee })).replace('"note":null', '"note":null,"note":"x"'))).map((e) => e.path)).toEqual([
      'extensions.fees.note',
    ])
  })
})

describe('a policy decodes its keys with their codecs', () => {
  const p = policyDecoding([fees])
  it('decodes, freezes, and keeps the keys no rule declares as plain data', () => {
    const s = right(p.decodeSnapshot(withExtensions({ fees: fee, other: { x: [1] } })))
    expect(s.extensions).toEqual({ fees: fee, other: { x: [1] } })
    expect(isDeeplyFrozen(s)).toBe(true)
    expect(right(p.decodeSnapshotText(JSON.stringify(withExtensions({ fees: fee })))).extensions).toEqual({ fees: fee })
  })
  it('names every problem with its path under extensions.<key>', () => {
    const bad = { unpaid: [{ id: 'f-1', amount: 2.5, currency: 'GBP' }], note: 7 }
    expect(errorsOf(p.decodeSnapshot(withExtensions({ fees: bad }))).map((e) => e.path).sort()).toEqual([
      'extensions.fees.note',
      'extensions.fees.note',
      'extensions.fees.unpaid[0].amount',
      'extensions.fees.unpaid[0].currency',
    ])
  })
  it('a missing entry is an error unless the codec accepts undefined', () => {
    expect(errorsOf(p.decodeSnapshot(base()))).toEqual([expect.objectContaining({ path: 'extensions.fees', found: 'nothing' })])
    const optional = policyDecoding([{ key: 'maybe', codec: t.union([t.undefined, t.string]) }])
    expect(right(optional.decodeSnapshot(base())).extensions).toEqual({})
  })
  it('reports the rest of the snapshot and the extensions together, capped like all errors', () => {
    const s = withExtensions({ fees: { unpaid: Array.from({ length: 50 }, () => 'x'), note: null } })
    s['user'] = 5
    const errors = errorsOf(p.decodeSnapshot(s, { maxErrors: 10 }))
    expect(errors).toHaveLength(11)
    expect(errors[0]?.path).toBe('user')
    expect(errors[10]).toMatchObject({ path: '', found: '41 more' })
  })
  it('a codec that throws, returns no validation, or returns what is not JSON-like data is an error at its key', () => {
    const cycle: Obj = {}
    cycle['self'] = cycle
    class Box {
      readonly v = 1
    }
    const codecs: ReadonlyArray<[t.Decoder<unknown, unknown>, string]> = [
      [custom('Throws', () => { throw new Error('kaboom') }), 'extensions.x'],
      [custom('ThrowsNothing', () => { throw undefined }), 'extensions.x'],
      [custom('NotEither', () => 5 as never), 'extensions.x'],
      [custom('Fn', () => t.success(() => 1)), 'extensions.x'],
      [custom('Cycle', () => t.success(cycle)), 'extensions.x.self'],
      [custom('Instance', () => t.success(new Box())), 'extensions.x'],
      [custom('NaN', () => t.success({ n: NaN })), 'extensions.x.n'],
      [custom('Symbol', () => t.success([Symbol('s')])), 'extensions.x[0]'],
      [custom('Silent', () => t.failures([])), 'extensions.x'],
    ]
    for (const [codec, path] of codecs) {
      const d = policyDecoding([{ key: 'x', codec }]).decodeSnapshot(withExtensions({ x: 1 }))
      expect(errorsOf(d).map((e) => e.path), codec.name).toEqual([path])
    }
    expect(errorsOf(policyDecoding([{ key: 'x', codec: codecs[0]?.[0] ?? t.string }]).decodeSnapshot(withExtensions({ x: 1 })))[0]?.message).toContain(
      'kaboom',
    )
  })
  it('a codec gets a fresh copy, and what it keeps cannot change the snapshot', () => {
    let seen: Obj | undefined
    let returned: Obj | undefined
    const keeper = custom('Keeper', (u) => {
      seen = u as Obj
      returned = { ...(u as Obj) }
      return t.success(returned)
    })
    const input = { a: 1 }
    const s = right(policyDecoding([{ key: 'k', codec: keeper }]).decodeSnapshot(withExtensions({ k: input })))
    expect(seen).not.toBe(input)
    expect(Object.isFrozen(seen)).toBe(false)
    if (returned !== undefined) returned['a'] = 2
    expect(s.extensions['k']).toEqual({ a: 1 })
  })
  it('the library’s own codecs work as extension codecs, with their paths', () => {
    const m = policyDecoding([{ key: 'fee', codec: MoneyC }])
    expect(right(m.decodeSnapshot(withExtensions({ fee: { amount: 5, currency: 'USD' } }))).extensions).toEqual({ fee: { amount: 5, currency: 'USD' } })
    expect(errorsOf(m.decodeSnapshot(withExtensions({ fee: { amount: -5, currency: 'USD' } }))).map((e) => e.path)).toEqual(['extensions.fee.amount'])
  })
  it('two extensions with one key: the same codec is one, different codecs are a TypeError naming the key', () => {
    expect(() => policyDecoding([fees, { key: 'fees', codec: Fees }])).not.toThrow()
    expect(() => policyDecoding([fees, { key: 'fees', codec: t.string }])).toThrow(TypeError)
    expect(() => policyDecoding([fees, { key: 'fees', codec: t.string }])).toThrow(/"fees"/)
    for (const key of ['', '__proto__', 5]) expect(() => policyDecoding([{ key: key as string, codec: t.string }])).toThrow(TypeError)
  })
  it('checks its options like the plain decoder', () => {
    expect(() => p.decodeSnapshot(base(), { maxErrors: NaN })).toThrow(/maxErrors/)
    expect(() => p.decodeSnapshotText('{}', { maxErrors: 0 })).toThrow(/maxErrors/)
  })
  it('its Standard Schema gives the decoded snapshot or the decoder’s issues', () => {
    const ok = p.snapshotSchema['~standard'].validate(withExtensions({ fees: fee }))
    expect(ok.issues === undefined && p.owns(ok.value)).toBe(true)
    const bad = p.snapshotSchema['~standard'].validate(withExtensions({ fees: { unpaid: [], note: 5 } }))
    expect(bad.issues?.map((i) => i.path)).toEqual([['extensions', 'fees', 'note'], ['extensions', 'fees', 'note']])
  })
})

describe('owns', () => {
  const a = policyDecoding([fees])
  const sameCodec = policyDecoding([{ key: 'fees', codec: Fees }, { key: 'other', codec: t.unknown }])
  const otherCodec = policyDecoding([{ key: 'fees', codec: t.type({ unpaid: t.array(t.unknown), note: t.unknown }) }])
  const none = policyDecoding([])
  const json = withExtensions({ fees: fee, other: 1 })
  it('a snapshot decoded by the policy, or by one with the same codec for each of its keys', () => {
    const s = right(a.decodeSnapshot(json))
    expect([a.owns(s), otherCodec.owns(s), none.owns(s)]).toEqual([true, false, true])
    const t2 = right(sameCodec.decodeSnapshot(json))
    expect([a.owns(t2), sameCodec.owns(t2), otherCodec.owns(t2)]).toEqual([true, true, false])
    expect(sameCodec.owns(s)).toBe(false)
  })
  it('never a copy, raw JSON, or a snapshot whose extensions the plain decoder kept', () => {
    const s = right(a.decodeSnapshot(json))
    expect([a.owns(structuredClone(s)), a.owns({ ...s }), a.owns(json as never)]).toEqual([false, false, false])
    const plain = right(decodeSnapshot(json))
    expect([a.owns(plain), none.owns(plain)]).toEqual([false, true])
  })
})

describe('jsonSchema', () => {
  const published = JSON.parse(readFileSync('schema/snapshot.json', 'utf8')) as Obj
  const p = policyDecoding([fees, { key: 'score', codec: t.partial({ value: t.number, tags: t.readonlyArray(t.string) }) }, { key: 'opaque', codec: custom('Mine', (u) => t.success(u)) }])
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  it('the schema the code derives from the decoders is the published schema, to the byte, a fresh object each time', () => {
    expect(snapshotJsonSchema()).toEqual(published)
    expect(`${JSON.stringify(snapshotJsonSchema(), null, 2)}\n`).toBe(readFileSync('schema/snapshot.json', 'utf8'))
    expect(snapshotJsonSchema()).not.toBe(snapshotJsonSchema())
  })
  it('is the published schema with each key’s schema derived from its codec, computed once', () => {
    const schema = p.jsonSchema as Obj
    expect(p.jsonSchema).toBe(schema)
    const { properties, ...rest } = schema as { properties: Obj }
    const { properties: publishedProperties, required, ...publishedRest } = published as { properties: Obj; required: Array<string> }
    expect({ ...rest, required: undefined }).toEqual({ ...publishedRest, required: undefined })
    expect((schema as { required: Array<string> }).required).toEqual([...required, 'extensions'])
    const { extensions, ...builtIn } = properties
    const { extensions: publishedExtensions, ...publishedBuiltIn } = publishedProperties
    expect(builtIn).toEqual(publishedBuiltIn)
    expect(extensions).toMatchObject({ ...(publishedExtensions as Obj), required: ['fees', 'score'] })
    expect((extensions as { properties: Obj }).properties['fees']).toEqual({
      type: 'object',
      properties: {
        unpaid: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'string' }, amount: { type: 'integer' }, currency: { enum: ['USD', 'EUR'] } }, required: ['id', 'amount', 'currency'] },
        },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
      required: ['unpaid', 'note'],
    })
    expect((extensions as { properties: Obj }).properties['opaque']).toEqual({ description: expect.stringContaining('"Mine"') })
  })
  it('validates with ajv: decoded examples are valid, and what the codec refuses for its shape is not', () => {
    const valid = ajv.compile(p.jsonSchema)
    const good = withExtensions({ fees: fee, score: { value: 3, tags: ['a'] }, opaque: { anything: true } })
    expect(E.isRight(p.decodeSnapshot(good))).toBe(true)
    expect(valid(good), JSON.stringify(valid.errors)).toBe(true)
    for (const bad of [
      withExtensions({ fees: { ...fee, note: 5 }, score: {} }),
      withExtensions({ fees: { unpaid: [{ id: 'f', amount: 1.5, currency: 'USD' }], note: null }, score: {} }),
      withExtensions({ fees: { unpaid: [{ id: 'f', amount: 1, currency: 'GBP' }], note: null }, score: {} }),
      withExtensions({ fees: fee, score: { tags: [1] } }),
      withExtensions({ fees: fee }),
      withExtensions({ score: {} }),
      base(),
    ]) {
      expect(E.isLeft(p.decodeSnapshot(bad))).toBe(true)
      expect(valid(bad)).toBe(false)
    }
  })
  it('states a codec of this library’s (MoneyC, InstantC, codecs.Contract) as its definition in the same schema, which ajv follows', () => {
    const mine = policyDecoding([{ key: 'owed', codec: t.type({ money: MoneyC, due: InstantC, contracts: t.array(codecs.Contract), snapshot: t.union([codecs.AccountSnapshot, t.null]) }) }])
    const schema = mine.jsonSchema as { properties: { extensions: { properties: Obj } }; $defs: Obj }
    expect(schema.properties.extensions.properties['owed']).toEqual({
      type: 'object',
      properties: {
        money: { $ref: '#/$defs/Money' },
        due: { $ref: '#/$defs/Instant' },
        contracts: { type: 'array', items: { $ref: '#/$defs/Contract' } },
        snapshot: { anyOf: [{ $ref: '#/$defs/AccountSnapshot' }, { type: 'null' }] },
      },
      required: ['money', 'due', 'contracts', 'snapshot'],
    })
    // the published definitions first, in their order; one the published schema has not, after them
    expect(Object.keys(schema.$defs)).toEqual([...Object.keys(published['$defs'] as Obj), 'AccountSnapshot'])
    expect(schema.$defs['Money']).toEqual((published['$defs'] as Obj)['Money'])
    const valid = new Ajv2020({ allErrors: true, strict: true }).compile(mine.jsonSchema)
    const owed = { money: { amount: 120, currency: 'USD' }, due: '2026-12-01T00:00:00Z', contracts: [{ id: 'x-1', type: 'fixed', status: 'active', endedAt: null }], snapshot: null }
    expect(E.isRight(mine.decodeSnapshot(withExtensions({ owed })))).toBe(true)
    expect(valid(withExtensions({ owed })), JSON.stringify(valid.errors)).toBe(true)
    for (const bad of [{ ...owed, money: { amount: 1.5, currency: 'USD' } }, { ...owed, due: 'soon' }, { ...owed, contracts: [{ id: '' }] }]) {
      expect(E.isLeft(mine.decodeSnapshot(withExtensions({ owed: bad })))).toBe(true)
      expect(valid(withExtensions({ owed: bad }))).toBe(false)
    }
  })
  it('walks io-ts’s own types; what it cannot walk is {} with a description', () => {
    const walk = (c: t.Decoder<unknown, unknown>): unknown => schemaOfCodec(c).schema
    expect(walk(t.literal('a'))).toEqual({ const: 'a' })
    expect(walk(t.boolean)).toEqual({ type: 'boolean' })
    expect(walk(t.unknown)).toEqual({})
    expect(walk(t.UnknownRecord)).toEqual({ type: 'object' })
    expect(walk(t.UnknownArray)).toEqual({ type: 'array' })
    expect(walk(t.intersection([t.type({ a: t.string }), t.partial({ b: t.number })]))).toEqual({
      allOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { type: 'object', properties: { b: { type: 'number' } } }],
    })
    expect(walk(t.strict({ a: t.null }))).toEqual({ type: 'object', properties: { a: { type: 'null' } }, required: ['a'] })
    expect(walk(t.record(t.string, t.number))).toEqual({ type: 'object', additionalProperties: { type: 'number' } })
    expect(walk(t.record(t.keyof({ a: null, b: null }), t.string))).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      required: ['a', 'b'],
    })
    expect(walk(t.tuple([t.string, t.number]))).toEqual({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], minItems: 2 })
    expect(walk(t.type({ a: t.union([t.string, t.undefined]) }))).toEqual({ type: 'object', properties: { a: { type: 'string' } }, required: [] })
    expect(walk(t.refinement(t.string, (s) => s.length > 2, 'Long'))).toEqual({ description: expect.stringContaining('"Long"') })
    type Tree = { readonly kids: ReadonlyArray<Tree> }
    const TreeC: t.Type<Tree> = t.recursion('Tree', () => t.type({ kids: t.readonlyArray(TreeC) }))
    expect(walk(TreeC)).toEqual({ description: expect.stringContaining('"Tree"') })
    expect(walk(MoneyC)).toEqual({ description: expect.stringContaining('Money') })
  })
})
