/**
 * The rules that relate fields to each other, one broken at a time: they are checked in loops
 * that make a path only for a problem (a repeated id is looked for by pairs in a short list, with
 * a set in a long one), so each rule alone, in each place it applies, in a long list as in a
 * short one, must still be refused at its path, and nothing else.
 */
import { describe, expect, it } from 'vitest'

import { agencyTarget, decodeSnapshot } from '../src/index.js'
import { closureFacts } from '../src/model/facts.js'
import { hourlyCompany } from '../src/rules/billing/week.js'

const usd = (amount: number) => ({ amount, currency: 'USD' })
const contract = (id: string, status: string, endedAt: string | null, type = 'hourly') => ({ id, type, status, endedAt })
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`)

/** A valid snapshot with two or more items in every list, each rule kept. */
const valid = () => ({
  asOf: '2026-11-18T10:00:00Z',
  user: { id: 'me', securityQuestionSet: true, standing: 'good' },
  freelancer: {
    contracts: [contract('c-1', 'ended', '2026-11-01T00:00:00Z'), contract('c-2', 'active', null), contract('c-3', 'ended', '2026-11-18T10:00:00Z')],
    proposals: [{ id: 'p-1', status: 'offer' }, { id: 'p-2', status: 'active' }, { id: 'p-3', status: 'active' }],
    earnings: {
      pending: [{ id: 'x-1', amount: usd(1), availableAt: '2026-11-20T00:00:00Z' }, { id: 'x-2', amount: usd(2), availableAt: '2026-11-20T00:00:00Z' }],
      available: usd(0),
    },
  },
  companies: [
    {
      id: 'co-1', name: 'A', role: 'owner',
      members: [{ userId: 'u-1', role: 'admin' }, { userId: 'u-2', role: 'member' }, { userId: 'u-3', role: 'member' }],
      contracts: [contract('cc-1', 'active', null), contract('cc-2', 'ended', '2026-11-02T00:00:00Z')],
      jobs: [{ id: 'j-1', status: 'open' }, { id: 'j-2', status: 'closed' }, { id: 'j-3', status: 'closed' }],
      outstanding: usd(0),
    },
    { id: 'co-2', name: 'B', role: 'member', members: [{ userId: 'u-1', role: 'owner' }, { userId: 'u-4', role: 'owner' }], contracts: [], jobs: [], outstanding: usd(0) },
  ],
  agencies: [
    {
      id: 'ag-1', name: 'C', role: 'owner',
      members: [{ userId: 'u-1', role: 'admin' }, { userId: 'u-2', role: 'member' }],
      contracts: [contract('ac-1', 'paused', null), contract('ac-2', 'ended', '2026-11-03T00:00:00Z')],
      proposals: [{ id: 'q-1', status: 'offer' }, { id: 'q-2', status: 'offer' }],
      earnings: { pending: [{ id: 'y-1', amount: usd(1), availableAt: '2026-11-20T00:00:00Z' }, { id: 'y-2', amount: usd(1), availableAt: '2026-11-20T00:00:00Z' }], available: usd(0) },
    },
    { id: 'ag-2', name: 'D', role: 'member', members: [], contracts: [], proposals: [], earnings: { pending: [], available: usd(0) } },
  ],
  disputes: [{ id: 'd-1', status: 'open' }, { id: 'd-2', status: 'resolved' }, { id: 'd-3', status: 'resolved' }],
  subscriptions: [{ id: 's-1', plan: 'P', status: 'active' }, { id: 's-2', plan: 'P', status: 'active' }],
  billingMethods: [{ id: 'b-1', kind: 'card' }, { id: 'b-2', kind: 'card' }],
})
type Json = ReturnType<typeof valid>

const pathsOf = (json: unknown): ReadonlyArray<string> => {
  const d = decodeSnapshot(json)
  return d._tag === 'Left' ? d.left.map((e) => e.path) : []
}

/** One rule broken, and the one path that must be named. */
const cases: ReadonlyArray<readonly [string, (s: Json) => void, string]> = [
  ['a contract id repeated (second)', (s) => void (s.freelancer.contracts[1]!.id = 'c-1'), 'freelancer.contracts[1].id'],
  ['a contract id repeated (third, of the second)', (s) => void (s.freelancer.contracts[2]!.id = 'c-2'), 'freelancer.contracts[2].id'],
  ['an open contract with endedAt', (s) => void (s.freelancer.contracts[1]!.endedAt = '2026-11-01T00:00:00Z'), 'freelancer.contracts[1].endedAt'],
  ['an ended contract without endedAt', (s) => void (s.freelancer.contracts[2]!.endedAt = null), 'freelancer.contracts[2].endedAt'],
  ['an ended contract after asOf', (s) => void (s.freelancer.contracts[2]!.endedAt = '2026-11-18T10:00:00.001Z'), 'freelancer.contracts[2].endedAt'],
  ['a proposal id repeated', (s) => void (s.freelancer.proposals[2]!.id = 'p-2'), 'freelancer.proposals[2].id'],
  ['a pending payment id repeated', (s) => void (s.freelancer.earnings.pending[1]!.id = 'x-1'), 'freelancer.earnings.pending[1].id'],
  ['a pending payment in another currency', (s) => void (s.freelancer.earnings.pending[1]!.amount.currency = 'EUR'), 'freelancer.earnings.pending[1].amount.currency'],
  ['a company id repeated', (s) => void (s.companies[1]!.id = 'co-1'), 'companies[1].id'],
  ['the user a member of their company', (s) => void (s.companies[0]!.members[2]!.userId = 'me'), 'companies[0].members[2].userId'],
  ['a second owner of an owned company', (s) => void (s.companies[0]!.members[1]!.role = 'owner'), 'companies[0].members[1].role'],
  ['a member repeated in a company', (s) => void (s.companies[0]!.members[2]!.userId = 'u-2'), 'companies[0].members[2].userId'],
  ['a member repeated in a company not owned', (s) => void (s.companies[1]!.members[1]!.userId = 'u-1'), 'companies[1].members[1].userId'],
  ['a company contract ended without endedAt', (s) => void (s.companies[0]!.contracts[1]!.endedAt = null), 'companies[0].contracts[1].endedAt'],
  ['a company contract id repeated', (s) => void (s.companies[0]!.contracts[1]!.id = 'cc-1'), 'companies[0].contracts[1].id'],
  ['a job id repeated', (s) => void (s.companies[0]!.jobs[2]!.id = 'j-2'), 'companies[0].jobs[2].id'],
  ['an agency id repeated', (s) => void (s.agencies[1]!.id = 'ag-1'), 'agencies[1].id'],
  ['an agency owned without a freelancer profile', (s) => void Object.assign(s, { freelancer: null }), 'agencies[0].role'],
  ['the user a member of their agency', (s) => void (s.agencies[0]!.members[1]!.userId = 'me'), 'agencies[0].members[1].userId'],
  ['a second owner of an owned agency', (s) => void (s.agencies[0]!.members[0]!.role = 'owner'), 'agencies[0].members[0].role'],
  ['a member repeated in an agency', (s) => void (s.agencies[0]!.members[1]!.userId = 'u-1'), 'agencies[0].members[1].userId'],
  ['an agency contract open with endedAt', (s) => void (s.agencies[0]!.contracts[0]!.endedAt = '2026-11-01T00:00:00Z'), 'agencies[0].contracts[0].endedAt'],
  ['an agency proposal id repeated', (s) => void (s.agencies[0]!.proposals[1]!.id = 'q-1'), 'agencies[0].proposals[1].id'],
  ['an agency payment id repeated', (s) => void (s.agencies[0]!.earnings.pending[1]!.id = 'y-1'), 'agencies[0].earnings.pending[1].id'],
  ['an agency payment in another currency', (s) => void (s.agencies[0]!.earnings.pending[0]!.amount.currency = 'EUR'), 'agencies[0].earnings.pending[0].amount.currency'],
  ['a dispute id repeated', (s) => void (s.disputes[2]!.id = 'd-1'), 'disputes[2].id'],
  ['a subscription id repeated', (s) => void (s.subscriptions[1]!.id = 's-1'), 'subscriptions[1].id'],
  ['a billing method id repeated', (s) => void (s.billingMethods[1]!.id = 'b-1'), 'billingMethods[1].id'],
]

describe('each rule relating fields, broken alone', () => {
  it('the valid snapshot decodes', () => {
    expect(decodeSnapshot(valid())._tag).toBe('Right')
  })
  it.each(cases)('%s is refused at its path', (_, breakIt, path) => {
    const s = valid()
    breakIt(s)
    expect(pathsOf(s)).toEqual([path])
  })
  it('in a long list (more than eight items), a repeat at the end is found, and no repeat passes', () => {
    const disputes = ids('d', 12).map((id) => ({ id, status: 'open' }))
    expect(pathsOf({ ...valid(), disputes })).toEqual([])
    expect(pathsOf({ ...valid(), disputes: [...disputes, { id: 'd-4', status: 'open' }] })).toEqual(['disputes[12].id'])
    const members = ids('u', 10).map((userId) => ({ userId, role: 'member' }))
    const s = valid()
    s.companies[1]!.members = [...members, { userId: 'u-9', role: 'member' }]
    expect(pathsOf(s)).toEqual(['companies[1].members[10].userId'])
  })
})

describe('with items that did not decode', () => {
  const bad = 42
  it('a repeat around an item that is not an object, in a short list and in a long one', () => {
    expect(pathsOf({ ...valid(), disputes: [{ id: 'd-1', status: 'open' }, bad, { id: 'd-1', status: 'open' }] })).toEqual(['disputes[1]', 'disputes[2].id'])
    const long = [...ids('d', 10).map((id) => ({ id, status: 'open' })), bad, { id: 'd-3', status: 'open' }]
    expect(pathsOf({ ...valid(), disputes: long })).toEqual(['disputes[10]', 'disputes[11].id'])
  })
  it('items without an id are not repeats of each other', () => {
    const disputes = [{ status: 'open' }, { status: 'open' }, { id: 'd-1', status: 'open' }, { id: 'd-1', status: 'open' }]
    expect(pathsOf({ ...valid(), disputes })).toEqual(['disputes[0].id', 'disputes[1].id', 'disputes[3].id'])
  })
})

describe('hourlyCompany: among a few companies and among many, the same answers', () => {
  const company = (id: string, role: string, contracts: ReadonlyArray<ReturnType<typeof contract>>) => ({ id, name: id, role, members: [], contracts, jobs: [], outstanding: usd(0) })
  const few = [
    company('co-open', 'owner', [contract('c-1', 'active', null)]),
    company('co-fixed', 'owner', [contract('c-2', 'active', null, 'fixed')]),
    company('co-week', 'owner', [contract('c-3', 'ended', '2026-11-17T09:00:00Z')]),
    company('co-past', 'owner', [contract('c-4', 'ended', '2026-11-09T09:00:00Z')]),
    company('co-admin', 'admin', [contract('c-5', 'active', null)]),
  ]
  // nine more companies: past the eight looked among directly
  const pad = ids('co-more', 9).map((id) => company(id, 'member', []))
  const many = [...few, ...pad]
  const decoded = (companies: ReadonlyArray<ReturnType<typeof company>>, json: Record<string, unknown> = {}) => {
    const d = decodeSnapshot({ ...valid(), companies, ...json })
    if (d._tag !== 'Right') throw new Error(JSON.stringify(d.left))
    return d.right
  }
  const answers = (companies: ReadonlyArray<ReturnType<typeof company>>, json: Record<string, unknown> = {}) => {
    const f = closureFacts(decoded(companies, json))
    return ['co-open', 'co-fixed', 'co-week', 'co-past', 'co-admin', 'co-none'].map((id) => hourlyCompany(f, id))
  }
  it('an owned company with hourly work open or in this billing week, nothing else', () => {
    expect(answers(few)).toEqual([true, false, true, false, false, false])
    expect(answers(many)).toEqual([true, false, true, false, false, false])
  })
  it('no company on the path of closing an agency, owned and hourly as it may be', () => {
    const f = (companies: ReadonlyArray<ReturnType<typeof company>>) => closureFacts(decoded(companies), agencyTarget('ag-1'))
    expect(f(few).path).toBe('CloseAgency')
    expect(hourlyCompany(f(few), 'co-open')).toBe(false)
    expect(hourlyCompany(f(many), 'co-open')).toBe(false)
  })
  it('under either billing option: a week ended before asOf, with the invoice still to come', () => {
    // an hourly contract ended on Friday 2026-11-20; its week ended on Monday 2026-11-23 00:00 UTC, and the
    // client is invoiced 12 hours later
    const ended = [company('co-open', 'owner', [contract('c-1', 'ended', '2026-11-20T09:00:00Z')])]
    for (const companies of [ended, [...ended, ...pad]]) {
      const s = decoded(companies, { asOf: '2026-11-23T06:00:00Z' })
      expect(hourlyCompany(closureFacts(s, undefined, { billingCycleEnd: 'week-end' }), 'co-open')).toBe(false)
      expect(hourlyCompany(closureFacts(s, undefined, { billingCycleEnd: 'client-invoice' }), 'co-open')).toBe(true)
    }
  })
  it('no company the path does not close', () => {
    const leaving = { freelancer: null, agencies: [] }
    const owned = (c: ReturnType<typeof company>) => ({ ...c, role: 'admin' })
    expect(answers(few.map(owned), leaving)).toEqual([false, false, false, false, false, false])
    expect(answers(many.map(owned), leaving)).toEqual([false, false, false, false, false, false])
  })
})
