/**
 * What decoding hands out: deeply frozen snapshots that nothing can change afterwards, options
 * checked like input (no value turns a check off), and every error counted.
 */
import { readFileSync } from 'node:fs'

import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

import { canClose, decodeSnapshot, decodeSnapshotText, readSnapshotText, snapshotSchema } from '../src/index.js'
import type { AccountSnapshot } from '../src/index.js'
import { isDecoded } from '../src/model/decoded.js'
import { anySnapshotJson, clone, isDeeplyFrozen } from './arbitraries.js'
import { example, exampleJson } from './fixtures.js'

const decoded = (u: unknown): AccountSnapshot => {
  const d = decodeSnapshot(u)
  if (E.isLeft(d)) throw new Error(d.left.map((e) => e.message).join('; '))
  return d.right
}

describe('a decoded snapshot is deeply frozen', () => {
  test.prop([anySnapshotJson()])('every object and array in it, extensions included', (json) => {
    const s = decoded({ ...json, extensions: { fees: { unpaid: [{ id: 'f', amount: 3 }] }, flag: true } })
    expect(isDeeplyFrozen(s)).toBe(true)
    expect(Object.isFrozen(s.extensions)).toBe(true)
  })
  test.prop([anySnapshotJson()])('decodeSnapshotText gives a deeply frozen snapshot too', (json) => {
    const d = decodeSnapshotText(JSON.stringify({ ...json, extensions: { a: [{ b: 1 }] } }))
    expect(E.isRight(d) && isDeeplyFrozen(d.right)).toBe(true)
  })
  it('pushing or changing after decoding throws in strict mode, and the facts stay as they were decoded', () => {
    // (ES modules are strict: a write to a frozen object throws)
    const s = example('client-owner-mid-week')
    const before = canClose(s)
    const disputes = s.disputes as Array<{ id: string; status: string }>
    expect(() => disputes.push({ id: 'd-x', status: 'unknown' })).toThrow(TypeError)
    expect(() => ((s.user as { standing: string }).standing = 'good')).toThrow(TypeError)
    expect(() => ((s as { disputes: unknown }).disputes = [])).toThrow(TypeError)
    expect(() => ((s.companies[0] as { jobs: unknown }).jobs = [])).toThrow(TypeError)
    expect(() => ((s.extensions as Record<string, unknown>)['x'] = 1)).toThrow(TypeError)
    expect(() => delete (s.companies as Array<unknown>)[0]).toThrow(TypeError)
    expect(canClose(s)).toEqual(before)
  })
  it('a changed copy is never read as a fact: the API refuses it', () => {
    const s = example('suspended')
    const copy = { ...s, user: { ...s.user, standing: 'good' as const } }
    expect(isDecoded(copy)).toBe(false)
    expect(() => canClose(copy)).toThrow(/call decodeSnapshot/)
  })
  it('decodeSnapshot still never throws, on values that throw or change while read', () => {
    const json = exampleJson('busy-freelancer') as Record<string, unknown>
    const trap = { ...json, get extensions(): never { throw new Error('boom') } }
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    for (const u of [trap, { ...json, extensions: revoked.proxy }, { ...json, extensions: { a: revoked.proxy } }])
      expect(E.isLeft(decodeSnapshot(u))).toBe(true)
  })
  it('the Standard Schema gives a decoded, frozen snapshot', () => {
    const r = snapshotSchema['~standard'].validate(exampleJson('busy-freelancer'))
    expect(r.issues).toBeUndefined()
    if (r.issues === undefined) {
      expect(isDecoded(r.value)).toBe(true)
      expect(isDeeplyFrozen(r.value)).toBe(true)
    }
  })
})

describe('decode options are checked like input', () => {
  const bad: ReadonlyArray<unknown> = [NaN, 'all', {}, 0, -1, 1.5, -Infinity, null, '5', true, [], 2 ** 60, () => 5, 5n]
  const textWithDuplicate = (): string => JSON.stringify(exampleJson('busy-freelancer')).replace(/^\{/, '{"disputes":[{"id":"d","status":"open"}],')
  it('maxErrors that is not a positive whole number or Infinity is a TypeError naming it', () => {
    for (const m of bad) {
      const options = { maxErrors: m } as never
      expect(() => decodeSnapshot({}, options), String(m)).toThrow(TypeError)
      expect(() => decodeSnapshot({}, options), String(m)).toThrow(/maxErrors/)
      expect(() => decodeSnapshotText('{}', options), String(m)).toThrow(/maxErrors/)
      expect(() => readSnapshotText(textWithDuplicate(), options), String(m)).toThrow(/maxErrors/)
    }
  })
  it('options that are not an object are a TypeError', () => {
    for (const o of [null, 5, 'x', [], true]) expect(() => decodeSnapshot({}, o as never), String(o)).toThrow(/decode options/)
  })
  it('good values are taken: a positive whole number, Infinity, or nothing', () => {
    for (const o of [undefined, {}, { maxErrors: 1 }, { maxErrors: Infinity }, { maxErrors: undefined }])
      expect(E.isRight(decodeSnapshot(exampleJson('busy-freelancer'), o as never))).toBe(true)
  })
  test.prop([
    fc.oneof(
      fc.double().filter((d) => !(Number.isSafeInteger(d) && d >= 1) && d !== Infinity),
      fc.string(),
      fc.object(),
      fc.constantFrom(null, true, false, NaN, -Infinity, 0, -0),
      fc.integer({ max: 0 }),
    ),
  ])('no bad option value ever turns a check off', (m) => {
    const options = { maxErrors: m } as never
    // each call either refuses the option, or (never, here) gives the same refusal as without it
    expect(() => decodeSnapshotText(textWithDuplicate(), options)).toThrow(TypeError)
    expect(() => decodeSnapshot({}, options)).toThrow(TypeError)
  })
  test.prop([fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constant(Infinity))])(
    'no good option value turns a check off either: duplicate keys and inexact integers are refused',
    (m) => {
      expect(E.isLeft(decodeSnapshotText(textWithDuplicate(), { maxErrors: m }))).toBe(true)
      const inexact = JSON.stringify(exampleJson('busy-freelancer')).replace('"amount":4000', '"amount":4e3')
      expect(E.isLeft(decodeSnapshotText(inexact, { maxErrors: m }))).toBe(true)
    },
  )
})

describe('errorCount counts every error', () => {
  const json = (): Record<string, unknown> => clone(exampleJson('busy-freelancer')) as Record<string, unknown>
  it('a line with 300 duplicate keys says 300, and lists the first 100 and one that counts the rest', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `"k${i}":1,"k${i}":2`).join(',')
    const r = readSnapshotText(JSON.stringify(json()).replace(/^\{/, `{${keys},`), { maxErrors: 100 })
    expect(r._tag).toBe('Invalid')
    if (r._tag === 'Invalid') {
      expect(r.errorCount).toBe(300)
      expect(r.errors).toHaveLength(101)
      expect(r.errors[99]?.path).toBe('k99')
      expect(r.errors[100]).toMatchObject({ path: '', expected: 'at most 100 problems listed', found: '200 more' })
    }
  })
  it('counts duplicates, inexact amounts and decoding errors together', () => {
    const s = json()
    s['user'] = 5
    const text = JSON.stringify(s).replace('"amount":4000', '"amount":4e3').replace(/^\{/, '{"a":1,"a":1,"b":1,"b":1,')
    const r = readSnapshotText(text, { maxErrors: 2 })
    expect(r._tag === 'Invalid' ? [r.errorCount, r.errors.map((e) => e.path)] : r._tag).toEqual([4, ['a', 'b', '']])
    const all = readSnapshotText(text)
    expect(all._tag === 'Invalid' ? [all.errorCount, all.errors.length] : all._tag).toEqual([4, 4])
  })
  it('text that is not JSON is one error', () => {
    expect(readSnapshotText('{')).toMatchObject({ _tag: 'NotJson', errorCount: 1 })
  })
})

describe('the quick count of keys written (keysWritten)', () => {
  it('a repeated key with a space before its colon is refused', () => {
    const text = JSON.stringify(exampleJson('closable-freelancer'))
    for (const spaced of ['"disputes" :[]', '"disputes"\t:[]', '"disputes"\r\n :[]'])
      expect(E.isLeft(decodeSnapshotText(text.replace(/^\{/, `{${spaced},`))), JSON.stringify(spaced)).toBe(true)
    // the same spacing without a repeated key is accepted (no unknown key, so the quick check decides)
    expect(E.isRight(decodeSnapshotText(text.replace('"disputes":', '"disputes" :')))).toBe(true)
  })
})

describe('the guard carries no decoder', () => {
  it('src/model/decoded.ts imports types only, so a bundle with only canClose has no decoder', () => {
    const source = readFileSync('src/model/decoded.ts', 'utf8')
    expect(source).toMatch(/^import type /m)
    expect(source).not.toMatch(/^import (?!type )/m)
  })
})
