/**
 * Snapshot text, example by example: what the scan beside JSON.parse finds (duplicate keys,
 * inexact numbers), at which path, up to which limit, and everything decoding reports at once.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

import { decodeSnapshot, decodeSnapshotText, readSnapshotText } from '../src/index.js'
import { exampleJson } from './fixtures.js'

const valid = (): Record<string, unknown> => exampleJson('busy-freelancer') as Record<string, unknown>
const text = (o: unknown): string => JSON.stringify(o)
const paths = (t: string, maxErrors?: number): ReadonlyArray<string> => {
  const d = decodeSnapshotText(t, maxErrors === undefined ? {} : { maxErrors })
  return E.isLeft(d) ? d.left.map((e) => e.path) : []
}

describe('readSnapshotText', () => {
  it('tells text that is not JSON from JSON that is not a snapshot, and ignores a byte-order mark', () => {
    const notJson = readSnapshotText('{"a": ')
    expect(notJson._tag).toBe('NotJson')
    expect(notJson._tag === 'NotJson' ? notJson.errors : []).toEqual([
      expect.objectContaining({ path: '', expected: 'JSON text', found: expect.stringMatching(/^text that is not JSON \(.+\)$/) as unknown }),
    ])
    expect(readSnapshotText('{}')._tag).toBe('Invalid')
    expect(readSnapshotText(`\ufeff${text(valid())}`)._tag).toBe('Snapshot')
    expect(readSnapshotText(`\ufeff\ufeff${text(valid())}`)._tag).toBe('NotJson')
  })
})

describe('duplicate keys', () => {
  it('are found at any depth, in arrays, and in objects of many keys', () => {
    const s = text(valid())
    expect(paths(s.replace('"disputes":[]', '"disputes":[],"disputes":[]'))).toEqual(['disputes'])
    expect(paths(s.replace('"id":"c-1"', '"id":"c-1","id":"c-1"'))).toEqual(['freelancer.contracts[0].id'])
    // each is reported where its second occurrence is read
    expect(paths(s.replace('"id":"p-2"', '"id":"p-2","status":"offer","id":"p-2"'))).toEqual([
      'freelancer.proposals[1].id',
      'freelancer.proposals[1].status',
    ])
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]))
    const wide = s.replace(/^\{/, `{"extra":${text(many).replace(/\}$/, ',"k20":1}')},`)
    expect(paths(wide)).toEqual(['extra.k20'])
    expect(paths(s.replace(/^\{/, `{"extra":${text(many)},`))).toEqual([])
  })
  it('compare keys after unescaping, and read strings with escaped quotes and backslashes', () => {
    const s = text(valid())
    expect(paths(s.replace(/^\{/, '{"a\\"b":"x\\\\","a\\u0022b":1,'))).toEqual(['a"b'])
    expect(paths(s.replace(/^\{/, '{"q":"say \\"hi\\"","q2":"\\\\","q3":"\\\\\\"",'))).toEqual([])
  })
  it('are listed up to the limit', () => {
    const s = text(valid()).replace(/^\{/, '{"a":1,"a":1,"b":1,"b":1,"c":1,"c":1,')
    // the first two, then one error at '' that counts the rest
    expect(paths(s, 2)).toEqual(['a', 'b', ''])
    expect(paths(s)).toEqual(['a', 'b', 'c'])
  })
})

describe('the quick check beside decoding', () => {
  // Clean compact text is accepted without the full scan: it needs every key written to be a
  // field the decoder read and no member that looks like an inexact number. Text that only looks
  // suspicious must still be accepted, and text that is wrong must still be refused.
  it('accepts strings that look like keys or inexact numbers', () => {
    const s = text(valid())
    for (const id of [':', '":1.5e3', ':1.5', '\\":', 'a":2.5']) {
      const r = readSnapshotText(s.replace('"id":"c-1"', `"id":${JSON.stringify(id)}`))
      expect(r._tag, id).toBe('Snapshot')
    }
    expect(readSnapshotText(JSON.stringify(valid(), null, 2))._tag).toBe('Snapshot')
    expect(readSnapshotText(s.replace(/":/g, '" \t\r\n:'))._tag).toBe('Snapshot')
    expect(readSnapshotText(s.replace(/^\{/, '{"extra":{"k":1},'))._tag).toBe('Snapshot')
  })
  it('refuses a repeated key whatever the spacing, and an inexact amount after any spacing', () => {
    const s = text(valid())
    expect(paths(s.replace('"disputes":[]', '"disputes" :[],"disputes"\n:\t[]'))).toEqual(['disputes'])
    expect(paths(s.replace('"amount":4000', '"amount" : \r\n 4000.0'))).toEqual(['freelancer.earnings.available.amount'])
    expect(paths(s.replace('"id":"c-1"', '"id":"c-1","id":"c-1"').replace(/^\{/, '{"z":":",'))).toEqual(['freelancer.contracts[0].id'])
  })
})

describe('the scan, at its edges', () => {
  const errors = (t: string) => {
    const d = decodeSnapshotText(t)
    return E.isLeft(d) ? d.left : []
  }
  it('names a repeated key with what it expected and found', () => {
    const s = text(valid())
    const r = readSnapshotText(s.replace('"disputes":[]', '"disputes":[],"disputes":[]'))
    expect(r).toEqual({
      _tag: 'Invalid',
      errors: [expect.objectContaining({ path: 'disputes', expected: 'a key that appears once in its object', found: '"disputes" twice' })],
      errorCount: 1,
    })
  })
  it('reads text whose top level is not an object without failing', () => {
    for (const t of ['["x", {"a": 1, "a": 2}]', '"x"', '5', 'true', 'null', '[1.5]']) expect(readSnapshotText(t)._tag, t).toBe('Invalid')
    expect(paths('["x", {"a": 1, "a": 2}]')).toContain('[1].a')
  })
  it('keeps the whole number literal it refuses: digits, signs and exponent', () => {
    const amount = (literal: string) => errors(text(valid()).replace('"amount":4000', `"amount":${literal}`)).map((e) => e.found)
    expect(amount('40.9')).toEqual(['40.9'])
    expect(amount('4e+3')).toEqual(['4e+3'])
    expect(amount('4000E-0')).toEqual(['4000E-0'])
    expect(amount('9.0')).toEqual(['9.0'])
    expect(amount('0.0')).toEqual(['0.0'])
    // the one negative literal the decoder accepts: -0.0 is zero, but not written as an integer
    expect(amount('-0.0')).toEqual(['-0.0'])
    expect(amount('-0')).toEqual([])
  })
  it('looks for numbers only where the snapshot has them, and through own fields only', () => {
    const s = text(valid())
    // an unknown field named like an inherited property, holding an inexact number
    expect(readSnapshotText(s.replace(/^\{/, '{"constructor":{"length":1.5},'))._tag).toBe('Snapshot')
    // an inexact number inside the first value of a key given twice, where the second is null
    expect(paths(s.replace('"id":"c-1"', '"id":"c-1","endedAt":[1.5]'))).toEqual(['freelancer.contracts[0].endedAt'])
    // with a shape error elsewhere, an inexact number in an unknown field (not named amount) is no concern
    expect(paths(s.replace('"standing":"good"', '"standing":"x"').replace(/^\{/, '{"n":{"x":1.5},'))).toEqual(['user.standing'])
  })
})

describe('numbers where the snapshot holds an integer', () => {
  const amount = (literal: string): ReadonlyArray<string> => paths(text(valid()).replace('"amount":4000', `"amount":${literal}`))
  it('must be integer literals: no fraction, no exponent of any case or sign', () => {
    expect(amount('4000')).toEqual([])
    for (const literal of ['4000.0', '4e3', '4E3', '4e+3', '4000e-0', '40.00e2']) expect(amount(literal), literal).toEqual(['freelancer.earnings.available.amount'])
  })
  it('are refused once when the value is wrong as well, and named even when other fields are wrong', () => {
    expect(amount('-1.5')).toEqual(['freelancer.earnings.available.amount'])
    const both = text(valid()).replace('"amount":4000', '"amount":4e3').replace('"standing":"good"', '"standing":"x"')
    expect(paths(both)).toEqual(['freelancer.earnings.available.amount', 'user.standing'])
  })
  it('elsewhere, negative or with exponents, are no concern of the snapshot', () => {
    expect(paths(text(valid()).replace(/^\{/, '{"n":[-1,-2.5e-3,1E+2,0.5],'))).toEqual([])
  })
  it('are listed up to the limit', () => {
    const s = text(valid()).replace('"amount":4000', '"amount":4e3').replace('"amount":12050', '"amount":1.205e4')
    expect(paths(s, 1)).toEqual(['freelancer.earnings.pending[0].amount.amount', ''])
    expect(paths(s)).toHaveLength(2)
  })
})

describe('every problem at once', () => {
  // a shape error anywhere must not hide a rule that relates fields elsewhere: here a dispute id used twice
  const twice = (s: Record<string, unknown>): Record<string, unknown> => ({
    ...s,
    disputes: [
      { id: 'd', status: 'open' },
      { id: 'd', status: 'open' },
    ],
  })
  const broken: ReadonlyArray<[string, (s: Record<string, unknown>) => void]> = [
    ['no user', (s) => delete s['user']],
    ['no asOf', (s) => delete s['asOf']],
    ['no companies', (s) => delete s['companies']],
    ['no agencies', (s) => delete s['agencies']],
    ['a company of the wrong type', (s) => (s['companies'] = [7])],
    ['an agency of the wrong type', (s) => (s['agencies'] = [7])],
    ['freelancer of the wrong type', (s) => (s['freelancer'] = 7)],
    [
      'a freelancer contract without status, and earnings without available',
      (s) => {
        const f = s['freelancer'] as { contracts: Array<Record<string, unknown>>; earnings: Record<string, unknown> }
        delete (f.contracts[0] as Record<string, unknown>)['status']
        delete f.earnings['available']
        ;(f.earnings['pending'] as Array<unknown>).push(7)
      },
    ],
    ['a contract list with a hole', (s) => ((s['freelancer'] as { contracts: Array<unknown> }).contracts = [7])],
  ]
  for (const [name, edit] of broken)
    it(`${name}: the shape error and the duplicate dispute id`, () => {
      const s = twice(valid())
      edit(s)
      const d = decodeSnapshot(s)
      const found = E.isLeft(d) ? d.left.map((e) => e.path) : []
      expect(found).toContain('disputes[1].id')
      expect(found.length).toBeGreaterThan(1)
    })
  it('relations between fields that did decode are checked, the others skipped', () => {
    const s = valid() as { asOf: unknown; freelancer: { contracts: Array<Record<string, unknown>> } }
    const n = s.freelancer.contracts.length
    s.freelancer.contracts.push({ id: 'c-late', type: 'fixed', status: 'ended', endedAt: '2030-01-01T00:00:00Z' })
    s.freelancer.contracts.push({ id: 'c-open', type: 'fixed', status: 'active', endedAt: '2020-01-01T00:00:00Z' })
    s.freelancer.contracts.push({ id: 'c-ended', type: 'fixed', status: 'ended', endedAt: null })
    const all = decodeSnapshot(s)
    expect(E.isLeft(all) ? all.left.map((e) => e.path) : []).toEqual([
      `freelancer.contracts[${n}].endedAt`,
      `freelancer.contracts[${n + 1}].endedAt`,
      `freelancer.contracts[${n + 2}].endedAt`,
    ])
    s.asOf = 'never'
    const without = decodeSnapshot(s)
    // without asOf, an endedAt cannot be after it; the other two relations still hold
    expect(E.isLeft(without) ? without.left.map((e) => e.path) : []).toEqual([
      'asOf',
      `freelancer.contracts[${n + 1}].endedAt`,
      `freelancer.contracts[${n + 2}].endedAt`,
    ])
  })
  it('a team with a bad member still has its other members checked', () => {
    const s = exampleJson('client-owner-mid-week') as { companies: Array<{ members: Array<unknown> }>; user: { id: string } }
    const company = s.companies[0] as { members: Array<unknown> }
    company.members.push(7, { userId: s.user.id, role: 'admin' }, { userId: 'u-9', role: 'owner' })
    const d = decodeSnapshot(s)
    expect(E.isLeft(d) ? d.left.map((e) => e.path) : []).toEqual([
      'companies[0].members[2]',
      'companies[0].members[3].userId',
      'companies[0].members[4].role',
    ])
  })
  it('earnings with a payment of another currency, beside a bad payment', () => {
    const s = valid() as { freelancer: { earnings: { pending: Array<unknown> } } }
    s.freelancer.earnings.pending.push(7, { id: 'pay-e', amount: { amount: 1, currency: 'EUR' }, availableAt: '2026-11-19T00:00:00Z' })
    const d = decodeSnapshot(s)
    expect(E.isLeft(d) ? d.left.map((e) => e.path) : []).toEqual([
      'freelancer.earnings.pending[1]',
      'freelancer.earnings.pending[2].amount.currency',
    ])
  })
})
