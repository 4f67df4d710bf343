/**
 * Hostile input: whatever JSON (or JavaScript) allows, a doubtful snapshot is refused, or it gives
 * the verdict of its clean form; it never gives a closable verdict its clean form would not give,
 * and nothing from it reaches a terminal raw.
 */
import { PassThrough, Readable } from 'node:stream'

import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

import { batch } from '../src/cli/batch.js'
import { output } from '../src/cli/output.js'
import { escapeText, jsonText } from '../src/cli/escape.js'
import { report, plain } from '../src/cli/report.js'
import { canClose, decodeSnapshot, decodeSnapshotText, encodeSnapshot, verdict } from '../src/index.js'
import type { SnapshotJson } from './arbitraries.js'
import { anySnapshotJson, clone } from './arbitraries.js'
import { exampleJson } from './fixtures.js'

type Json = null | boolean | number | string | Array<Json> | { [k: string]: Json }
type Obj = { [k: string]: Json }

/** Every object in a document with the path to it. */
const objects = (j: Json, path: Array<string | number> = []): Array<[Array<string | number>, Obj]> => {
  if (Array.isArray(j)) return j.flatMap((v, i) => objects(v, [...path, i]))
  if (j !== null && typeof j === 'object') return [[path, j], ...Object.entries(j).flatMap(([k, v]) => objects(v, [...path, k]))]
  return []
}
const render = (path: ReadonlyArray<string | number>): string =>
  path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc === '' ? k : `${acc}.${k}`), '')

const verdictOf = (u: unknown) => {
  const d = decodeSnapshot(u)
  return E.isRight(d) ? verdict(d.right) : undefined
}
const verdictOfText = (text: string) => {
  const d = decodeSnapshotText(text)
  return E.isRight(d) ? verdict(d.right) : undefined
}

/** A generated snapshot and one of its objects' keys, picked by index. */
const withKey = anySnapshotJson().chain((s) => {
  const keyed = objects(s as unknown as Json).flatMap(([p, o]) => Object.keys(o).map((k) => [p, k] as const))
  return fc.record({ s: fc.constant(s), at: fc.constantFrom(...keyed) })
})

describe('an own __proto__ key never supplies a field', () => {
  test.prop([withKey])('a required key moved under __proto__ is missing, named by its path', ({ s, at: [path, key] }) => {
    const json = clone(s) as unknown as Json
    const owner = objects(json).find(([p]) => render(p) === render(path))?.[1] as Obj
    const value = owner[key] as Json
    delete owner[key]
    // JSON.parse makes an own property named __proto__, as a request body would
    const text = JSON.stringify(json).replace(JSON.stringify(owner), () =>
      JSON.stringify(owner).replace(/^\{/, () => `{"__proto__":${JSON.stringify({ [key]: value })}${Object.keys(owner).length > 0 ? ',' : ''}`),
    )
    const parsed: unknown = JSON.parse(text)
    const d = decodeSnapshot(parsed)
    expect(E.isLeft(d)).toBe(true)
    if (E.isLeft(d)) expect(d.left.map((e) => e.path)).toContain(render([...path, key]))
    expect(E.isLeft(decodeSnapshotText(text))).toBe(true)
  })

  test.prop([anySnapshotJson()])('an extra __proto__ key changes nothing, and the snapshot is plain data', (s) => {
    const text = JSON.stringify(s).replace(/^\{/, '{"__proto__":{"asOf":"1970-01-01T00:00:00Z","polluted":true},')
    const d = decodeSnapshot(JSON.parse(text))
    expect(E.isRight(d)).toBe(true)
    if (E.isRight(d)) {
      expect(Object.getPrototypeOf(d.right)).toBe(Object.prototype)
      expect('polluted' in d.right).toBe(false)
      expect(structuredClone(d.right)).toEqual(d.right)
      expect(verdict(d.right)).toEqual(verdictOf(s))
    }
  })

  it('the reported case: a company whose jobs and outstanding hide under __proto__ is invalid', () => {
    const s = exampleJson('client-owner-mid-week') as { companies: Array<Record<string, unknown>> }
    const company = s.companies[0] as Record<string, unknown>
    const hidden = { jobs: [], outstanding: { amount: 0, currency: 'USD' } }
    delete company['jobs']
    delete company['outstanding']
    const text = JSON.stringify(s).replace('"role":"owner"', () => `"role":"owner","__proto__":${JSON.stringify(hidden)}`)
    const d = decodeSnapshot(JSON.parse(text))
    expect(E.isLeft(d) ? d.left.map((e) => e.path) : []).toEqual(['companies[0].jobs', 'companies[0].outstanding'])
  })
})

describe('duplicate keys in text are refused', () => {
  test.prop([withKey, fc.jsonValue()])('a key given twice in one object is an error at its path', ({ s, at: [path, key] }, other) => {
    const json = clone(s) as unknown as Json
    const owner = objects(json).find(([p]) => render(p) === render(path))?.[1] as Obj
    const text = JSON.stringify(json).replace(JSON.stringify(owner), () =>
      // (a function, so that `$'` in the generated value is not a replacement pattern)
      JSON.stringify(owner).replace(/^\{/, () => `{${JSON.stringify(key)}:${JSON.stringify(other)},`),
    )
    const d = decodeSnapshotText(text)
    expect(E.isLeft(d)).toBe(true)
    // (an object equal to this one may come first in the text; the error names that one)
    if (E.isLeft(d)) expect(d.left.some((e) => e.path === key || e.path.endsWith(`.${key}`))).toBe(true)
  })

  it('the reported case: an open dispute hidden by a second, empty list', () => {
    const s = exampleJson('closable-freelancer')
    const text = JSON.stringify(s).replace('"disputes":[]', '"disputes":[{"id":"d-1","status":"open"}],"disputes":[]')
    expect(decodeSnapshotText(text)).toMatchObject({ _tag: 'Left', left: [{ path: 'disputes' }] })
  })

  it('keys are compared as JSON strings: "\\u0061" and "a" are the same key', () => {
    const s = exampleJson('closable-freelancer')
    const text = JSON.stringify(s).replace('"disputes":[]', '"disputes":[{"id":"d-1","status":"open"}],"disput\\u0065s":[]')
    expect(E.isLeft(decodeSnapshotText(text))).toBe(true)
  })
})

describe('numbers where integers belong are integer literals', () => {
  const amounts = (s: SnapshotJson): number => (JSON.stringify(s).match(/"amount":\d+/g) ?? []).length
  test.prop([anySnapshotJson().filter((s) => amounts(s) > 0), fc.nat(), fc.constantFrom('.0', 'e0', 'E+0', '.000', '.0e-0')])(
    'an amount written with a fraction or an exponent is refused with its path',
    (s, pick, suffix) => {
      let n = 0
      const which = pick % amounts(s)
      const text = JSON.stringify(s).replace(/"amount":(\d+)/g, (m, d: string) => (n++ === which ? `"amount":${d}${suffix}` : m))
      const d = decodeSnapshotText(text)
      expect(E.isLeft(d)).toBe(true)
      if (E.isLeft(d)) expect(d.left.some((e) => e.path.endsWith('.amount') && e.expected.includes('integer literal'))).toBe(true)
    },
  )
  it('1e-400 is not an amount of 0', () => {
    const text = JSON.stringify(exampleJson('closable-freelancer')).replace(/"amount":0/, '"amount":1e-400')
    expect(E.isLeft(decodeSnapshotText(text))).toBe(true)
  })
  it('a number with a fraction in an unknown field is ignored', () => {
    const text = JSON.stringify(exampleJson('closable-freelancer')).replace(/^\{/, '{"score":1.5,')
    expect(E.isRight(decodeSnapshotText(text))).toBe(true)
  })
})

describe('instants below the millisecond round toward blocked', () => {
  /** Appends fraction digits below the millisecond to every instant of a snapshot's text. */
  const finer = (s: SnapshotJson, digits: ReadonlyArray<string>): string => {
    let i = 0
    return JSON.stringify(s).replace(/(\d{2}:\d{2}:\d{2}\.\d{3})Z/g, (_, t: string) => `${t}${digits[i++ % digits.length] ?? ''}Z`)
  }
  test.prop([anySnapshotJson(), fc.array(fc.stringMatching(/^[0-9]{1,12}$/), { minLength: 1, maxLength: 8 })])(
    'finer instants are refused, or never closable where the millisecond form is not',
    (s, digits) => {
      const fine = verdictOfText(finer(s, digits))
      const clean = verdictOf(s)
      expect(clean).toBeDefined()
      if (fine !== undefined && fine.closable) expect(clean?.closable).toBe(true)
      if (fine !== undefined && fine.earliestAt !== null && clean?.earliestAt !== null && clean !== undefined)
        expect(Date.parse(fine.earliestAt)).toBeGreaterThanOrEqual(Date.parse(clean.earliestAt as string))
    },
  )
  it('an endedAt 0.8 µs after asOf is after asOf', () => {
    const s = exampleJson('closable-freelancer') as SnapshotJson
    s.asOf = '2026-11-18T10:00:00.0000000Z'
    s.freelancer?.contracts.push({ id: 'c-late', type: 'fixed', status: 'ended', endedAt: '2026-11-18T10:00:00.0000008Z' })
    expect(decodeSnapshot(s)).toMatchObject({ _tag: 'Left', left: [{ path: 'freelancer.contracts[1].endedAt' }] })
  })
  it('a payment due 0.8 µs after asOf has not arrived', () => {
    const s = exampleJson('closable-freelancer') as SnapshotJson
    s.freelancer?.earnings.pending.push({
      id: 'pay-x',
      amount: { amount: 0, currency: s.freelancer.earnings.available.currency },
      availableAt: `${s.asOf.slice(0, 19)}.0000008Z`,
    })
    const v = verdictOf(s)
    expect(v?.closable).toBe(false)
    expect(v?.blockers.map((b) => b._tag)).toEqual(['PaymentPending'])
  })
  it('instants outside 0001..9999 are refused, and what encodeSnapshot writes decodes again', () => {
    const s = exampleJson('closable-freelancer') as SnapshotJson
    expect(E.isLeft(decodeSnapshot({ ...s, asOf: '9999-01-01T00:00:00Z' }))).toBe(true)
    expect(E.isLeft(decodeSnapshot({ ...s, asOf: '0000-12-31T23:59:59Z' }))).toBe(true)
    const last = decodeSnapshot({ ...s, asOf: '9998-12-31T23:59:59.999Z' })
    expect(E.isRight(last)).toBe(true)
    if (E.isRight(last)) expect(decodeSnapshot(encodeSnapshot(last.right))).toEqual(last)
  })
})

describe('decodeSnapshot never throws', () => {
  const valid = () => exampleJson('busy-freelancer') as Record<string, unknown>
  it('on a getter that throws: an error at its path', () => {
    const s = valid()
    Object.defineProperty(s, 'disputes', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    expect(decodeSnapshot(s)).toMatchObject({ _tag: 'Left', left: [{ path: 'disputes', found: 'a value that cannot be read' }] })
  })
  it('on a revoked proxy, at the top or inside', () => {
    const top = Proxy.revocable({}, {})
    top.revoke()
    expect(E.isLeft(decodeSnapshot(top.proxy))).toBe(true)
    const inner = Proxy.revocable(valid()['user'] as object, {})
    inner.revoke()
    expect(decodeSnapshot({ ...valid(), user: inner.proxy })).toMatchObject({ _tag: 'Left', left: [{ path: 'user' }] })
  })
  it('on a cycle', () => {
    const s = valid()
    s['user'] = s
    expect(E.isLeft(decodeSnapshot(s))).toBe(true)
  })
  it('caps its errors: the first 100, then one that counts the rest', () => {
    const s = valid()
    s['disputes'] = Array.from({ length: 5000 }, (_, i) => ({ id: `d-${i}`, status: 'unknown' }))
    const d = decodeSnapshot(s)
    expect(E.isLeft(d) ? d.left.length : 0).toBe(101)
    expect(E.isLeft(d) ? d.left[100] : undefined).toMatchObject({ path: '', found: '4900 more' })
  })
})

describe('plain JavaScript misuse never gives a silent wrong answer', () => {
  it('raw JSON is a TypeError that says to decode first, even JSON that decodes', () => {
    const raw = exampleJson('client-owner-mid-week') as SnapshotJson
    expect(E.isRight(decodeSnapshot(raw))).toBe(true)
    expect(() => canClose(raw as never)).toThrow(TypeError)
    expect(() => verdict(raw as never)).toThrow(/call decodeSnapshot/)
  })
  it('{} is a TypeError that says to decode first', () => {
    expect(() => canClose({} as never)).toThrow(TypeError)
    expect(() => verdict({} as never)).toThrow(/decodeSnapshot/)
  })
  test.prop([anySnapshotJson()])('a structuredClone of a decoded snapshot is refused; decoding it again gives the same verdict', (s) => {
    const d = decodeSnapshot(s)
    if (E.isLeft(d)) throw new Error('a generated snapshot does not decode')
    const copy = structuredClone(d.right)
    expect(() => verdict(copy)).toThrow(/call decodeSnapshot/)
    const again = decodeSnapshot(encodeSnapshot(copy))
    expect(E.isRight(again) ? verdict(again.right) : undefined).toEqual(verdict(d.right))
  })
})

describe('nothing from the input reaches a terminal raw', () => {
  const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
  const nasty = fc.constantFrom('\u001b[2J', '\u0007', '\r\nFAKE: CLOSABLE', '\u009b31m', '\u202e', '\u2066', '\u007f', '\u0000')
  /** Every id of a snapshot with something nasty inside. */
  const poisoned = anySnapshotJson().chain((s) =>
    fc.array(nasty, { minLength: 1, maxLength: 4 }).map((bad) => {
      let i = 0
      return JSON.parse(
        JSON.stringify(s).replace(/"(id|userId|name|plan|kind)":"([^"]*)"/g, (_, k: string, v: string) => `"${k}":${JSON.stringify(v + (bad[i++ % bad.length] as string))}`),
      ) as unknown
    }),
  )
  test.prop([poisoned])('the report escapes every control and bidirectional character', (u) => {
    const d = decodeSnapshot(u)
    expect(E.isRight(d)).toBe(true)
    if (E.isRight(d)) {
      const v = verdict(d.right)
      const text = report(v, plain)
      // the report's own line breaks are the only control characters
      expect(text).not.toMatch(UNSAFE)
      expect(jsonText(v)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
      expect(JSON.parse(jsonText(v))).toEqual(JSON.parse(JSON.stringify(v)))
    }
  })
  it('escapes as \\u001b', () => {
    expect(escapeText('a\u001bb\u202ec')).toBe('a\\u001bb\\u202ec')
  })
  it('a long list of blockers in one scope does not overflow the stack', () => {
    const s = exampleJson('closable-freelancer') as SnapshotJson
    s.disputes = Array.from({ length: 200_000 }, (_, i) => ({ id: `d-${i}`, status: 'open' }))
    const d = decodeSnapshot(s)
    expect(E.isRight(d)).toBe(true)
    if (E.isRight(d)) expect(report(verdict(d.right), plain).split('\n').length).toBeGreaterThan(200_000)
  })
})

describe('batch lines end at LF only', () => {
  const run = async (input: string) => {
    const out = new PassThrough()
    let text = ''
    out.on('data', (c: Buffer) => (text += c.toString()))
    const tally = await batch(Readable.from([Buffer.from(input)]), output(out), { agency: undefined, billingCycleEnd: 'week-end', maxLineBytes: 1 << 20 })
    return { tally, records: text.trim() === '' ? [] : text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) }
  }
  /** CRs as JSON whitespace, after commas, colons and brackets outside strings, as a mask says. */
  const withCRs = (s: SnapshotJson, mask: ReadonlyArray<boolean>): string => {
    const text = JSON.stringify(s)
    let out = ''
    let inString = false
    let n = 0
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string
      out += c
      if (inString) {
        if (c === '\\') out += text[++i] as string
        else if (c === '"') inString = false
      } else if (c === '"') inString = true
      else if (',:[{'.includes(c) && mask[n++ % mask.length] === true) out += '\r'
    }
    return out
  }
  test.prop([fc.array(fc.tuple(anySnapshotJson(), fc.array(fc.boolean(), { minLength: 1, maxLength: 9 }), fc.boolean()), { minLength: 1, maxLength: 4 })])(
    'CRs as JSON whitespace and CRLF line ends give the records of the clean lines',
    async (items) => {
      const dirty = await run(items.map(([s, mask, crlf]) => withCRs(s, mask) + (crlf ? '\r\n' : '\n')).join(''))
      const clean = await run(items.map(([s]) => `${JSON.stringify(s)}\n`).join(''))
      expect(dirty.records).toEqual(clean.records)
      expect(dirty.records.map((r) => r['line'])).toEqual(items.map((_, i) => i + 1))
    },
  )
  it('a line over the limit gets a too-large record, and the next line is answered', async () => {
    const good = JSON.stringify(exampleJson('closable-freelancer'))
    const r = await run(`${good}\n[${'1,'.repeat(1 << 20)}1]\n${good}\n`)
    expect(r.records.map((x) => [x['line'], x['error'] ?? x['closable']])).toEqual([
      [1, true],
      [2, 'too-large'],
      [3, true],
    ])
    expect(r.tally).toEqual({ lines: 3, closable: 2, blocked: 0, invalid: 1, failed: 0, unread: 0 })
  })
  it('a line of many bad entries keeps 100 errors and counts the rest', async () => {
    const s = exampleJson('closable-freelancer') as SnapshotJson
    const bad = { ...s, disputes: Array.from({ length: 20_000 }, (_, i) => ({ id: `d-${i}`, status: 'x' })) }
    const r = await run(`${JSON.stringify(bad)}\n`)
    expect((r.records[0]?.['errors'] as Array<unknown>).length).toBe(100)
    expect(r.records[0]?.['errorCount']).toBe(20_000)
  })
})
