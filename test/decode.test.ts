import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'

import { decodeSnapshot, encodeSnapshot } from '../src/index.js'
import type { DecodeError } from '../src/index.js'
import { anySnapshotJson, brokenSnapshot, clone } from './arbitraries.js'
import { exampleJson } from './fixtures.js'
import { AccountSnapshotC } from '../src/model/codecs.js'
import { FAIL, partsOf, sink } from '../src/model/struct.js'

const errorsOf = (u: unknown): ReadonlyArray<DecodeError> => {
  const d = decodeSnapshot(u)
  return E.isLeft(d) ? d.left : []
}
const pathsOf = (u: unknown): ReadonlyArray<string> => errorsOf(u).map((e) => e.path)

/** A copy of the `everything` example, to break in one place. */
const valid = (): unknown => clone(exampleJson('everything'))

const steps = (path: string): Array<string> => path.split(/\.|\[|\]/).filter((k) => k !== '')
const read = (root: unknown, path: string): unknown =>
  steps(path).reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], root)
/** Sets (or, with undefined, deletes) the value at a path like `companies[0].members[1].role`. */
const edit = (root: unknown, path: string, value: unknown): void => {
  const keys = steps(path)
  const parent = read(root, keys.slice(0, -1).join('.')) as Record<string, unknown>
  const key = keys[keys.length - 1] as string
  if (value === undefined) delete parent[key]
  else parent[key] = value
}

describe('decodeSnapshot', () => {
  it('decodes every example snapshot', () => {
    for (const name of ['busy-freelancer', 'client-owner-mid-week', 'team-admin', 'plain-member', 'agency-owner', 'agency-admin', 'everything', 'no-profile'])
      expect(E.isRight(decodeSnapshot(exampleJson(name))), name).toBe(true)
  })

  it('turns instants with an offset into UTC instants', () => {
    const d = decodeSnapshot(valid())
    expect(E.isRight(d) && new Date(d.right.asOf).toISOString()).toBe('2026-11-18T10:00:00.000Z')
  })

  it('reports a missing field as an error, never as "none"', () => {
    const s = valid()
    edit(s, 'disputes', undefined)
    edit(s, 'freelancer.earnings.available', undefined)
    expect(errorsOf(s)).toEqual([
      expect.objectContaining({ path: 'freelancer.earnings.available', found: 'nothing' }),
      expect.objectContaining({ path: 'disputes', found: 'nothing' }),
    ])
  })

  it('reports every error at once, each with a path, what was expected and what was found', () => {
    const errors = errorsOf(exampleJson('invalid'))
    expect(errors.map((e) => e.path)).toEqual([
      'asOf',
      'freelancer.proposals[0].status',
      'freelancer.earnings.available.amount',
      'freelancer.earnings.available.currency',
      'companies[0].members',
      'companies[0].contracts',
      'companies[0].jobs',
      'companies[0].outstanding',
      // a rule relating fields, reported with the shape errors
      'freelancer.contracts[0].endedAt',
    ])
    expect(errors[0]).toEqual({
      path: 'asOf',
      expected: 'an ISO-8601 instant with Z or an offset',
      found: '"yesterday"',
      message: 'asOf: expected an ISO-8601 instant with Z or an offset, found "yesterday"',
    })
    expect(JSON.parse(JSON.stringify(errors))).toEqual(errors)
  })

  it('rejects a value outside its value set, naming the set', () => {
    const s = valid()
    edit(s, 'user.standing', 'banned')
    expect(errorsOf(s)).toEqual([
      expect.objectContaining({ path: 'user.standing', expected: 'one of "good", "on_hold", "suspended"', found: '"banned"' }),
    ])
  })

  it('rejects an agency role that only companies have', () => {
    const s = valid()
    edit(s, 'agencies[0].members[0].role', 'manager')
    expect(pathsOf(s)).toEqual(['agencies[0].members[0].role'])
  })

  it('rejects money that is negative, fractional, or in a lower-case currency', () => {
    const s = valid()
    edit(s, 'companies[0].outstanding', { amount: 10.5, currency: 'USD' })
    edit(s, 'freelancer.earnings.available', { amount: -1, currency: 'usd' })
    expect(pathsOf(s)).toEqual([
      'freelancer.earnings.available.amount',
      'freelancer.earnings.available.currency',
      'companies[0].outstanding.amount',
    ])
  })

  it('rejects an ended contract without endedAt', () => {
    const s = valid()
    edit(s, 'freelancer.contracts[2].endedAt', null)
    expect(errorsOf(s)).toEqual([
      expect.objectContaining({ path: 'freelancer.contracts[2].endedAt', expected: 'an instant, because the contract has ended' }),
    ])
  })

  it('rejects a contract that is not ended but has endedAt', () => {
    const s = valid()
    edit(s, 'companies[0].contracts[1].endedAt', '2026-11-01T00:00:00Z')
    expect(pathsOf(s)).toEqual(['companies[0].contracts[1].endedAt'])
  })

  it('rejects an endedAt after asOf, compared as instants', () => {
    const s = valid()
    // asOf is 11:00+01:00, that is 10:00Z; 10:30Z is later although its text sorts earlier
    edit(s, 'freelancer.contracts[2].endedAt', '2026-11-18T10:30:00Z')
    expect(pathsOf(s)).toEqual(['freelancer.contracts[2].endedAt'])
    edit(s, 'freelancer.contracts[2].endedAt', '2026-11-18T10:00:00Z')
    expect(pathsOf(s)).toEqual([])
  })

  it('rejects two companies, two agencies, or two items of one list with the same id', () => {
    const s = valid()
    edit(s, 'companies[1].id', read(s, 'companies[0].id'))
    edit(s, 'agencies[1].id', read(s, 'agencies[0].id'))
    edit(s, 'freelancer.proposals[1].id', 'p-1')
    edit(s, 'companies[0].members[1].userId', 'u-2')
    expect(pathsOf(s)).toEqual([
      'freelancer.proposals[1].id',
      'companies[1].id',
      'companies[0].members[1].userId',
      'agencies[1].id',
    ])
  })

  it('allows the same id in two different lists', () => {
    const s = valid()
    edit(s, 'companies[0].contracts[0].id', 'c-1')
    expect(pathsOf(s)).toEqual([])
  })

  it('rejects amounts of one earnings object in different currencies', () => {
    const s = valid()
    edit(s, 'agencies[0].earnings.pending[0].amount.currency', 'USD')
    expect(errorsOf(s)).toEqual([
      expect.objectContaining({
        path: 'agencies[0].earnings.pending[0].amount.currency',
        expected: 'EUR, the currency of agencies[0].earnings.available',
      }),
    ])
  })

  it('rejects an owner among the members of a company or agency the user owns', () => {
    const s = valid()
    edit(s, 'companies[0].members[0].role', 'owner')
    edit(s, 'agencies[0].members[1].role', 'owner')
    expect(pathsOf(s)).toEqual(['companies[0].members[0].role', 'agencies[0].members[1].role'])
  })

  it('rejects an agency owner without a freelancer profile', () => {
    const s = valid()
    edit(s, 'freelancer', null)
    expect(pathsOf(s)).toEqual(['agencies[0].role'])
  })

  it('rejects the user among the other members', () => {
    const s = valid()
    edit(s, 'companies[0].members[0].userId', 'u-1')
    expect(pathsOf(s)).toEqual(['companies[0].members[0].userId'])
  })

  it('ignores unknown fields, and a __proto__ key changes nothing', () => {
    const s = JSON.parse(
      JSON.stringify(valid()).replace('"user":{', '"user":{"__proto__":{"standing":"suspended"},"isAdmin":true,'),
    ) as unknown
    const d = decodeSnapshot(s)
    expect(E.isRight(d)).toBe(true)
    if (E.isRight(d)) {
      expect(Object.keys(d.right.user)).toEqual(['id', 'securityQuestionSet', 'standing'])
      expect(Object.getPrototypeOf(d.right.user)).toBe(Object.prototype)
      expect(({} as Record<string, unknown>)['standing']).toBeUndefined()
    }
  })

  it('rejects what is not a snapshot at all', () => {
    expect(errorsOf(null)).toEqual([expect.objectContaining({ path: '', found: 'null' })])
    expect(errorsOf([])).toEqual([expect.objectContaining({ path: '' })])
    expect(errorsOf('{}')).toHaveLength(1)
  })

  test.prop([anySnapshotJson()])('every generated valid snapshot decodes', (json) => {
    const d = decodeSnapshot(json)
    expect(E.isRight(d) ? [] : d.left).toEqual([])
  })

  test.prop([anySnapshotJson()])('encoding a decoded snapshot gives back the input', (json) => {
    const d = decodeSnapshot(json)
    expect(E.isRight(d) && encodeSnapshot(d.right)).toEqual(json)
  })

  test.prop([brokenSnapshot()])('a broken snapshot fails with an error at the broken path', (broken) => {
    expect(pathsOf(broken.json), broken.how).toContain(broken.path)
  })

  const check = (u: unknown): void => {
    const d = decodeSnapshot(u)
    if (E.isLeft(d)) {
      expect(d.left.length).toBeGreaterThan(0)
      for (const e of d.left) {
        expect(typeof e.path).toBe('string')
        expect(e.message).toContain(e.expected)
      }
    }
  }
  test.prop([fc.jsonValue()])('decoding any JSON value never throws, and each error names a path', check)
  test.prop([fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withObjectString: true, withNullPrototype: true })])(
    'decoding anything at all never throws',
    check,
  )
})

describe('the fast path of decodeSnapshot', () => {
  // decodeSnapshot first runs a decoder without error reporting and falls back to io-ts only when
  // it fails; both must agree on every input, or the fast path would change answers.
  const fastOf = partsOf(AccountSnapshotC).fast
  const reportingOf = partsOf(AccountSnapshotC).reporting
  const agrees = (u: unknown): void => {
    const fast = fastOf(u)
    const slow = AccountSnapshotC.decode(u)
    // the reporting decoder gives the same value, or reports a problem
    const s = sink(1)
    const reported = reportingOf(u, '', s)
    if (E.isRight(slow)) expect(reported).toEqual(slow.right)
    else expect(s.total).toBeGreaterThan(0)
    if (E.isRight(slow)) expect(fast).toEqual(slow.right)
    else expect(fast).toBe(FAIL)
  }
  test.prop([anySnapshotJson()])('accepts every valid snapshot, with the value io-ts gives', agrees)
  test.prop([brokenSnapshot().map((b) => b.json)])('agrees with io-ts on broken snapshots', agrees)
  test.prop([fc.jsonValue()])('agrees with io-ts on any JSON value', agrees)
  test.prop([fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withObjectString: true, withNullPrototype: true })])(
    'agrees with io-ts on anything',
    agrees,
  )
  it('keeps only the known fields and answers with fresh objects', () => {
    const json = valid() as { user: Record<string, unknown> }
    json.user['extra'] = 1
    const fast = fastOf(json)
    expect(fast).not.toBe(FAIL)
    expect(fast === FAIL ? null : Object.keys(fast.user)).toEqual(['id', 'securityQuestionSet', 'standing'])
    expect(fast === FAIL ? null : fast.user).not.toBe(json.user)
  })
  it('fails on a list or a record where the other is expected, and on a class instance', () => {
    const json = valid() as Record<string, unknown>
    expect(fastOf({ ...json, companies: {} })).toBe(FAIL)
    expect(fastOf({ ...json, user: [] })).toBe(FAIL)
    expect(fastOf({ ...json, user: new Date(0) })).toBe(FAIL)
    expect(fastOf({ ...json, freelancer: null })).not.toBe(FAIL)
  })
})

describe('the cross-field errors, word for word', () => {
  // One snapshot that breaks every rule of SPEC §1 relating fields to each other, once each, so
  // that the text an app shows its users is pinned down, not just the paths.
  const usd = (amount: number) => ({ amount, currency: 'USD' })
  const eur = (amount: number) => ({ amount, currency: 'EUR' })
  const contract = (id: string, status: string, endedAt: string | null) => ({ id, type: 'hourly', status, endedAt })
  const broken = {
    asOf: '2026-11-18T10:00:00Z',
    user: { id: 'me', securityQuestionSet: true, standing: 'good' },
    freelancer: {
      contracts: [contract('c', 'ended', null), contract('c', 'active', '2026-11-01T00:00:00Z'), contract('d', 'ended', '2026-11-19T00:00:00Z')],
      proposals: [{ id: 'p', status: 'offer' }, { id: 'p', status: 'active' }],
      earnings: { pending: [{ id: 'x', amount: eur(1), availableAt: '2026-11-20T00:00:00Z' }, { id: 'x', amount: usd(1), availableAt: '2026-11-20T00:00:00Z' }], available: usd(0) },
    },
    companies: [
      { id: 'co', name: 'A', role: 'owner', members: [{ userId: 'me', role: 'admin' }, { userId: 'o', role: 'owner' }, { userId: 'o', role: 'member' }], contracts: [], jobs: [{ id: 'j', status: 'open' }, { id: 'j', status: 'closed' }], outstanding: usd(0) },
      { id: 'co', name: 'B', role: 'member', members: [], contracts: [], jobs: [], outstanding: usd(0) },
    ],
    agencies: [
      { id: 'ag', name: 'C', role: 'owner', members: [], contracts: [], proposals: [{ id: 'q', status: 'offer' }, { id: 'q', status: 'offer' }], earnings: { pending: [{ id: 'y', amount: usd(1), availableAt: '2026-11-20T00:00:00Z' }], available: eur(0) } },
      { id: 'ag', name: 'D', role: 'member', members: [], contracts: [], proposals: [], earnings: { pending: [], available: usd(0) } },
    ],
    disputes: [{ id: 'd', status: 'open' }, { id: 'd', status: 'resolved' }],
    subscriptions: [{ id: 's', plan: 'P', status: 'active' }, { id: 's', plan: 'P', status: 'active' }],
    billingMethods: [{ id: 'b', kind: 'card' }, { id: 'b', kind: 'card' }],
  }
  it('names each problem, what was expected and what was found', () => {
    expect(errorsOf(broken).map((e) => `${e.path}: expected ${e.expected}, found ${e.found}`)).toMatchInlineSnapshot(`
      [
        "freelancer.contracts[1].id: expected an id not used earlier in this list (freelancer.contracts[0] has it), found "c"",
        "freelancer.contracts[0].endedAt: expected an instant, because the contract has ended, found null",
        "freelancer.contracts[1].endedAt: expected null, because the contract is active, found "2026-11-01T00:00:00.000Z"",
        "freelancer.contracts[2].endedAt: expected an instant at or before asOf (2026-11-18T10:00:00.000Z), found "2026-11-19T00:00:00.000Z"",
        "freelancer.proposals[1].id: expected an id not used earlier in this list (freelancer.proposals[0] has it), found "p"",
        "freelancer.earnings.pending[1].id: expected an id not used earlier in this list (freelancer.earnings.pending[0] has it), found "x"",
        "freelancer.earnings.pending[0].amount.currency: expected USD, the currency of freelancer.earnings.available, found "EUR"",
        "companies[1].id: expected an id not used earlier in this list (companies[0] has it), found "co"",
        "companies[0].members[2].userId: expected a userId not used earlier in this list (companies[0].members[1] has it), found "o"",
        "companies[0].members[0].userId: expected another person than the user, found "me"",
        "companies[0].members[1].role: expected not "owner", because the user owns it, found "owner"",
        "companies[0].jobs[1].id: expected an id not used earlier in this list (companies[0].jobs[0] has it), found "j"",
        "agencies[1].id: expected an id not used earlier in this list (agencies[0] has it), found "ag"",
        "agencies[0].proposals[1].id: expected an id not used earlier in this list (agencies[0].proposals[0] has it), found "q"",
        "agencies[0].earnings.pending[0].amount.currency: expected EUR, the currency of agencies[0].earnings.available, found "USD"",
        "disputes[1].id: expected an id not used earlier in this list (disputes[0] has it), found "d"",
        "subscriptions[1].id: expected an id not used earlier in this list (subscriptions[0] has it), found "s"",
        "billingMethods[1].id: expected an id not used earlier in this list (billingMethods[0] has it), found "b"",
      ]
    `)
  })
  it('an agency owned without a freelancer profile is an error of its own', () => {
    expect(errorsOf({ ...broken, freelancer: null }).filter((e) => e.path === 'agencies[0].role')).toEqual([
      expect.objectContaining({ expected: 'not "owner" when the user has no freelancer profile (an agency belongs to a freelancer)', found: '"owner"' }),
    ])
  })
})
