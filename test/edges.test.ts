/**
 * Edges that example situations do not reach: what decoding reports when parts of a snapshot
 * fail to decode (every check that relates fields still runs where its fields are known), how the
 * API takes values that were not decoded here, and the instant parser's grammar at its borders.
 */
import { createRequire } from 'node:module'

import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'

import { AccountSnapshotC, canClose, codecs, decodeSnapshot, parseInstant } from '../src/index.js'
import { asSnapshot } from '../src/model/decoded.js'
import { CurrencyC, MinorUnitsC } from '../src/model/Money.js'
import { isInstant } from '../src/model/Instant.js'
import { partsOf } from '../src/model/struct.js'
import { exampleJson } from './fixtures.js'

type Json = Record<string, unknown>

/** A snapshot with a freelancer profile, a company and an agency, each with every kind of list. */
const full = (): Json => {
  const s = exampleJson('client-owner-mid-week') as Json
  s['freelancer'] = (exampleJson('busy-freelancer') as Json)['freelancer']
  s['agencies'] = (exampleJson('agency-owner') as Json)['agencies']
  return s
}

/** The paths of what decoding reports. */
const paths = (s: unknown, maxErrors?: number): ReadonlyArray<string> => {
  const d = decodeSnapshot(s, maxErrors === undefined ? {} : { maxErrors })
  return E.isLeft(d) ? d.left.map((e) => e.path) : []
}

type Key = string | number
/** The object or list at a path of a JSON value. */
const at = (s: unknown, path: ReadonlyArray<Key>): Record<Key, unknown> =>
  path.reduce<unknown>((v, k) => (v as Record<Key, unknown>)[k], s) as Record<Key, unknown>
/** Sets `key` of the object or list at `path`. */
const put = (s: unknown, path: ReadonlyArray<Key>, key: Key, value: unknown): void => {
  at(s, path)[key] = value
}

/** `full()` with `edit` applied and a repeated billing method id: the last check decoding runs. */
const withLastCheck = (edit: (s: Json) => void): Json => {
  const s = full()
  edit(s)
  s['billingMethods'] = [
    { id: 'bm-1', kind: 'card' },
    { id: 'bm-1', kind: 'card' },
  ]
  return s
}
const LAST = 'billingMethods[1].id'

describe('decoding with parts that do not decode', () => {
  it('the full snapshot decodes, and the last check is reported alone', () => {
    expect(paths(full())).toEqual([])
    expect(paths(withLastCheck(() => undefined))).toEqual([LAST])
  })

  const cases: ReadonlyArray<readonly [string, ReadonlyArray<Key>, Key, unknown, ReadonlyArray<string>]> = [
    ['a list of contracts that is not a list', ['freelancer'], 'contracts', 5, ['freelancer.contracts']],
    ['a contract that is not an object', ['freelancer', 'contracts'], 0, 5, ['freelancer.contracts[0]']],
    ['an active contract whose endedAt does not decode', ['freelancer', 'contracts', 0], 'endedAt', 'soon', ['freelancer.contracts[0].endedAt']],
    ['a contract of unknown status with an endedAt', ['freelancer', 'contracts', 0], 'status', 'x', ['freelancer.contracts[0].status']],
    ['earnings that are not an object', ['freelancer'], 'earnings', 5, ['freelancer.earnings']],
    ['pending payments that are not a list', ['freelancer', 'earnings'], 'pending', 5, ['freelancer.earnings.pending']],
    ['a pending payment whose amount does not decode', ['freelancer', 'earnings', 'pending', 0], 'amount', 5, ['freelancer.earnings.pending[0].amount']],
    ['members that are not a list', ['companies', 0], 'members', 5, ['companies[0].members']],
    ['a user that is not an object', [], 'user', 5, ['user']],
    ['agency members that are not a list', ['agencies', 0], 'members', 5, ['agencies[0].members']],
    ['an agency that is not an object', ['agencies'], 0, 5, ['agencies[0]']],
    ['a company that is not an object', ['companies'], 0, 5, ['companies[0]']],
  ]
  for (const [name, path, key, value, expected] of cases)
    it(`${name}: that problem, and the checks after it still run`, () => {
      const s = withLastCheck((s) => {
        put(s, path, key, value)
        // (an unknown status beside an instant: the contract's end is not judged)
        if (key === 'status') put(s, path, 'endedAt', '2026-11-01T00:00:00Z')
      })
      expect(paths(s)).toEqual([...expected, LAST])
    })

  it('two items whose ids do not decode are not the same id', () => {
    const s = full()
    put(s, ['freelancer', 'proposals', 0], 'id', 5)
    put(s, ['freelancer', 'proposals', 1], 'id', 6)
    expect(paths(s)).toEqual(['freelancer.proposals[0].id', 'freelancer.proposals[1].id'])
  })
  it('a member whose id does not decode is not the user whose id does not decode', () => {
    const s = full()
    put(s, ['user'], 'id', 5)
    put(s, ['companies', 0, 'members', 0], 'userId', 6)
    expect(paths(s)).toEqual(['user.id', 'companies[0].members[0].userId'])
  })
  it('an ended contract after an asOf that does not decode is not compared with it', () => {
    const s = full()
    s['asOf'] = 'now'
    expect(paths(s)).toEqual(['asOf'])
  })
  it('past the limit, one last error counts the rest', () => {
    const s = full()
    put(s, ['freelancer'], 'proposals', Array.from({ length: 5 }, () => 5))
    const d = decodeSnapshot(s, { maxErrors: 2 })
    expect(E.isLeft(d) ? d.left.slice(2) : []).toEqual([
      expect.objectContaining({ path: '', expected: 'at most 2 problems listed', found: '3 more' }),
    ])
  })
})

describe('values given to the API without decoding', () => {
  const NOT_DECODED = /^account-closure: not a snapshot decoded by this library \(.+\); call decodeSnapshot \(or decodeSnapshotText\) on the input first/
  it('a snapshot decoded here is taken as it is', () => {
    const d = decodeSnapshot(full())
    if (E.isLeft(d)) throw new Error('does not decode')
    expect(asSnapshot(d.right)).toBe(d.right)
  })
  it('a copy is not a decoded snapshot: a TypeError that says to decode', () => {
    const d = decodeSnapshot(full())
    if (E.isLeft(d)) throw new Error('does not decode')
    for (const copy of [structuredClone(d.right), { ...d.right }, JSON.parse(JSON.stringify(d.right)) as unknown]) {
      expect(() => asSnapshot(copy)).toThrow(TypeError)
      expect(() => asSnapshot(copy)).toThrow(NOT_DECODED)
      expect(() => canClose(copy as never)).toThrow(NOT_DECODED)
    }
  })
  it('raw JSON, even JSON that decodes, and anything else is a TypeError that says to decode', () => {
    const raw = full()
    expect(E.isRight(decodeSnapshot(raw))).toBe(true)
    for (const u of [raw, {}, [], 5, 'x', null, undefined])
      expect(() => canClose(u as never), String(u)).toThrow(NOT_DECODED)
    expect(() => canClose(null as never)).toThrow(/\(null\)/)
    expect(() => canClose([] as never)).toThrow(/\(an array\)/)
    expect(() => canClose(5 as never)).toThrow(/\(number\)/)
    expect(() => canClose(raw as never)).toThrow(/\(raw JSON or a copy\)/)
  })
  it("a snapshot another copy of the package decoded (its CommonJS build, here) is refused, saying it may be that", () => {
    const other = createRequire(import.meta.url)('../dist/index.cjs') as { decodeSnapshot: typeof decodeSnapshot }
    const d = other.decodeSnapshot(full())
    if (E.isLeft(d)) throw new Error('does not decode')
    expect(() => canClose(d.right)).toThrow(NOT_DECODED)
    expect(() => canClose(d.right)).toThrow(
      '(a frozen object: if another copy of account-closure (its CommonJS build, say) decoded it, ask that copy)',
    )
  })
})

describe('leaf codecs', () => {
  it('a currency is a string of three capitals, not something that prints as one', () => {
    expect([CurrencyC.is(['USD']), CurrencyC.is({ toString: () => 'USD' }), CurrencyC.is('USD')]).toEqual([false, false, true])
    expect([MinorUnitsC.is('5'), MinorUnitsC.is(-0), MinorUnitsC.is(5)]).toEqual([false, true, true])
  })
})

describe('parseInstant at its borders', () => {
  it('needs a digit after the decimal point', () => {
    expect(parseInstant('2026-11-18T10:00:00.Z')).toBeUndefined()
    expect(parseInstant('2026-11-18T10:00:00.5+01:00')).toBe(Date.UTC(2026, 10, 18, 9, 0, 0, 500))
    expect(parseInstant('2026-11-18T10:00:00.5-01:00')).toBe(Date.UTC(2026, 10, 18, 11, 0, 0, 500))
  })
  it('needs its separators where they belong', () => {
    for (const s of ['2026x11-18T10:00Z', '2026-11x18T10:00Z', '2026-11-18x10:00Z', '2026-11-18T10x00Z', '2026-11-18T10:00x00Z'])
      expect(parseInstant(s), s).toBeUndefined()
  })
  it('rounds a fraction below the millisecond down unless asked to round up', () => {
    expect(parseInstant('2026-11-18T10:00:00.0001Z')).toBe(Date.UTC(2026, 10, 18, 10))
    expect(parseInstant('2026-11-18T10:00:00.0001Z', 'up')).toBe(Date.UTC(2026, 10, 18, 10, 0, 0, 1))
  })
  it('takes years from 0001 up to 9998, not a year that is not four digits', () => {
    expect(parseInstant('0001-01-01T00:00Z')).toBe(new Date(0).setUTCFullYear(1, 0, 1))
    expect(parseInstant('0000-12-31T23:59Z')).toBeUndefined()
    expect(parseInstant('9998-12-31T23:59:59.999Z')).toBe(Date.UTC(9998, 11, 31, 23, 59, 59, 999))
    expect(parseInstant('9999-01-01T00:00Z')).toBeUndefined()
    expect(parseInstant('2o26-11-18T10:00Z')).toBeUndefined()
  })
})

describe('the codecs as io-ts types', () => {
  it('an unreadable list item is reported at its index', () => {
    const s = full()
    const disputes: Array<unknown> = []
    Object.defineProperty(disputes, 0, {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    s['disputes'] = disputes
    const d = decodeSnapshot(s)
    expect(E.isLeft(d) ? d.left : []).toEqual([
      expect.objectContaining({ path: 'disputes[0]', expected: 'an object (Dispute)', found: 'a value that cannot be read' }),
    ])
  })
  it('decode gives io-ts errors whose context starts at the input and ends at the path', () => {
    const input = { ...full(), asOf: 'now' }
    const d = AccountSnapshotC.decode(input)
    if (E.isRight(d)) throw new Error('decoded')
    expect(d.left).toHaveLength(1)
    const [error] = d.left
    expect(error?.context.map((c) => c.key)).toEqual(['', 'asOf'])
    expect(error?.context[0]).toMatchObject({ key: '', actual: input })
    expect(error?.context[0]?.type).toBe(AccountSnapshotC)
    expect(error?.message).toBe('asOf: expected an ISO-8601 instant with Z or an offset, found "now"')
    expect(E.isRight(AccountSnapshotC.decode(full()))).toBe(true)
  })
  it('is: a plain object with every field right, nothing else', () => {
    expect(codecs.Job.is({ id: 'j-1', status: 'open' })).toBe(true)
    expect(codecs.Job.is(Object.assign([], { id: 'j-1', status: 'open' }))).toBe(false)
    expect(codecs.Job.is({ id: 'j-1', status: 'opened' })).toBe(false)
    expect(codecs.Job.is({ id: '', status: 'open' })).toBe(false)
    expect(codecs.Job.is({ status: 'open' })).toBe(false)
  })
  it('the private decoders of a foreign codec are refused by name', () => {
    expect(() => partsOf(t.string)).toThrow(new TypeError('string is not a codec of account-closure'))
  })
})

describe('isInstant', () => {
  it('whole milliseconds from 0001-01-01 up to, not including, 9999-01-01', () => {
    const min = new Date(0).setUTCFullYear(1, 0, 1)
    const max = Date.UTC(9999, 0, 1)
    expect([min - 1, min, max - 1, max, 1.5, '5', Number.NaN].map((u) => isInstant(u))).toEqual([false, true, true, false, false, false, false])
  })
})

describe('fields are own fields, whatever the prototype holds', () => {
  it('a field missing from the input is missing, even when Object.prototype has one of its name', () => {
    const proto = Object.prototype as Record<string, unknown>
    const s = full()
    const company = at(s, ['companies', 0])
    const jobs = company['jobs']
    delete company['jobs']
    proto['jobs'] = jobs
    try {
      expect(paths(s)).toEqual(['companies[0].jobs'])
    } finally {
      delete proto['jobs']
    }
  })
})
