/**
 * The small pieces, each on its own: codecs' guards, error rendering, money, instants,
 * combinators, matching, ordering. (The scenario tests reach them only through others.)
 */
import * as t from 'io-ts'
import { PathReporter } from 'io-ts/lib/PathReporter.js'
import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import * as O from 'fp-ts/lib/Option.js'

import {
  AccountSnapshotC,
  accountTarget,
  agencyTarget,
  codecs,
  all,
  billingCycleEnd,
  contramap,
  defaultRules,
  earliestClosableAt,
  formatDecodeErrors,
  fromItems,
  across,
  InstantC,
  parseInstant,
  pathOf,
  RULE_IDS,
  sortBlockers,
  when,
} from '../src/index.js'
import type { Blocker, BlockerBase, Instant, Scope, Step } from '../src/index.js'
import { formatMoney } from '../src/engine/Format.js'
import { money } from '../src/model/Money.js'
import { CurrencyC, MinorUnitsC } from '../src/model/Money.js'
import { agencyScope, companyScope, scopeKey } from '../src/model/Scope.js'
import { consequencesOf } from '../src/paths/Consequence.js'
import { ORDER, priority } from './steps.js'
import { orderSteps } from '../src/engine/order.js'
import { concat, empty } from '../src/engine/Precondition.js'
import { agenciesToClose, closureFacts, companiesToClose, memberships, targetAgency } from '../src/model/facts.js'
import { decodeError, showFound } from '../src/model/DecodeError.js'
import { codecOf, IdC, IdD, nullable } from '../src/model/struct.js'
import { snapshot } from './arbitraries.js'
import { example, exampleJson, redecode } from './fixtures.js'

describe('codecs', () => {
  test.prop([snapshot()])('AccountSnapshotC.is accepts every decoded snapshot', (s) => {
    expect(AccountSnapshotC.is(s)).toBe(true)
  })
  it('guards reject what decoding rejects', () => {
    expect(MinorUnitsC.is(0)).toBe(true)
    expect([-1, 1.5, Number.MAX_SAFE_INTEGER + 2, '1'].map((v) => MinorUnitsC.is(v))).toEqual([false, false, false, false])
    expect([CurrencyC.is('USD'), CurrencyC.is('usd'), CurrencyC.is('USDT'), CurrencyC.is(1)]).toEqual([true, false, false, false])
    expect([IdC.is('a'), IdC.is(''), IdC.is(1)]).toEqual([true, false, false])
    expect([InstantC.is(0), InstantC.is(1.5), InstantC.is('2026-01-01T00:00:00Z')]).toEqual([true, false, false])
    const n = codecOf(nullable(IdD))
    expect([n.is(null), n.is('a'), n.is('')]).toEqual([true, true, false])
    expect([n.encode(null), n.encode('a')]).toEqual([null, 'a'])
    expect([IdC.encode('a'), MinorUnitsC.encode(3), CurrencyC.encode('EUR')]).toEqual(['a', 3, 'EUR'])
  })
  it('the decoders of money and ids fail on values of the wrong type', () => {
    expect(MinorUnitsC.decode('5')._tag).toBe('Left')
    expect(CurrencyC.decode(5)._tag).toBe('Left')
    expect(IdC.decode(null)._tag).toBe('Left')
    expect(InstantC.decode(0)._tag).toBe('Left')
  })
})

describe('the codecs are io-ts types', () => {
  it('io-ts combinators take them; decode, pipe and PathReporter work', () => {
    const list = t.array(codecs.Contract)
    expect(list.decode([{ id: 'c', type: 'fixed', status: 'active', endedAt: null }])._tag).toBe('Right')
    const bad = codecs.Contract.decode({ id: '', type: 'fixed', status: 'active', endedAt: null })
    expect(PathReporter.report(bad)).toEqual(['id: expected a non-empty string, found ""'])
    const asDate = InstantC.pipe(
      new t.Type<Date, Instant, Instant>('Date', (u): u is Date => u instanceof Date, (i) => t.success(new Date(i)), (d) => d.getTime() as Instant),
    )
    const d = asDate.decode('2026-11-18T10:00:00Z')
    expect(d._tag === 'Right' ? d.right.getTime() : 0).toBe(Date.UTC(2026, 10, 18, 10))
    expect(asDate.name).toBe('pipe(an ISO-8601 instant with Z or an offset, Date)')
    expect(InstantC.pipe(new t.Type<Date, Instant, Instant>('Date', (u): u is Date => u instanceof Date, (i) => t.success(new Date(i)), (x) => x.getTime() as Instant), 'named').name).toBe('named')
    expect(asDate.encode(new Date(0))).toBe('1970-01-01T00:00:00.000Z')
    expect(InstantC.asDecoder().decode('x')._tag).toBe('Left')
    expect(InstantC.asEncoder().encode(0 as Instant)).toBe('1970-01-01T00:00:00.000Z')
  })
})

describe('the codecs decode as decodeSnapshot does, part by part', () => {
  it('validate: the value on the fast path, every problem with its path and message otherwise', () => {
    const ok = { id: 'c', type: 'fixed', status: 'active', endedAt: null }
    expect(codecs.Contract.decode(ok)).toEqual({ _tag: 'Right', right: ok })
    const bad = codecs.Contract.decode({ id: '', type: 'weekly', status: 'active' })
    expect(bad._tag === 'Left' ? bad.left.map((e) => [e.context[e.context.length - 1]?.key, e.message]) : []).toEqual([
      ['id', 'id: expected a non-empty string, found ""'],
      ['type', 'type: expected one of "hourly", "fixed", found "weekly"'],
      ['endedAt', 'endedAt is missing: expected an ISO-8601 instant with Z or an offset or null'],
    ])
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    const unreadable = codecs.Contract.decode(revoked.proxy)
    expect(unreadable._tag === 'Left' ? unreadable.left.map((e) => e.message) : []).toEqual(['the snapshot: expected an object (Contract), found a value that cannot be read'])
  })
  it('is: guards of the decoded form, lists with holes or unreadable items refused', () => {
    const decoded = { id: 'c', type: 'fixed', status: 'ended', endedAt: 0 }
    expect(codecs.Contract.is(decoded)).toBe(true)
    expect(codecs.Contract.is({ ...decoded, endedAt: '1970-01-01T00:00:00Z' })).toBe(false)
    expect(codecs.Contract.is({ ...decoded, id: '' })).toBe(false)
    const list = t.readonlyArray(codecs.Job)
    expect(list.is([{ id: 'j', status: 'open' }])).toBe(true)
    const jobs = codecs.Earnings
    expect(jobs.is({ pending: [], available: { amount: 0, currency: 'USD' } })).toBe(true)
    // eslint-disable-next-line no-sparse-arrays
    expect(jobs.is({ pending: [, { id: 'p', amount: { amount: 0, currency: 'USD' }, availableAt: 0 }], available: { amount: 0, currency: 'USD' } })).toBe(false)
    const trap = new Proxy([1], { get: (o, k) => (k === '0' ? (() => { throw new Error('no') })() : Reflect.get(o, k)) })
    expect(jobs.is({ pending: trap, available: { amount: 0, currency: 'USD' } })).toBe(false)
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    expect(jobs.is(revoked.proxy)).toBe(false)
    expect(AccountSnapshotC.is(JSON.parse(JSON.stringify(example('busy-freelancer'))))).toBe(true)
  })
  it('lists whose items or length cannot be read are errors at their path', () => {
    const s = exampleJson('busy-freelancer') as Record<string, unknown>
    const items = [{ id: 'd-1', status: 'open' }]
    Object.defineProperty(items, 1, { enumerable: true, get: () => { throw new Error('no') } })
    s['disputes'] = items
    s['subscriptions'] = new Proxy([], { get: (o, k) => (k === 'length' ? (() => { throw new Error('no') })() : Reflect.get(o, k)) })
    const errors = AccountSnapshotC.decode(s)
    expect(errors._tag === 'Left' ? errors.left.map((e) => e.message) : []).toEqual([
      'disputes[1]: expected an object (Dispute), found a value that cannot be read',
      'subscriptions: expected a list (of Subscription), found a value that cannot be read',
    ])
  })
  it('a missing nullable field says what may stand there', () => {
    const s = exampleJson('busy-freelancer') as Record<string, unknown>
    delete s['freelancer']
    const d = AccountSnapshotC.decode(s)
    expect(d._tag === 'Left' ? d.left.map((e) => e.message) : []).toEqual(['freelancer is missing: expected an object (FreelancerProfile) or null'])
  })
})

describe('decode errors', () => {
  it('showFound writes values briefly', () => {
    expect(showFound(undefined)).toBe('nothing')
    expect(showFound(null)).toBe('null')
    expect(showFound(Number.NaN)).toBe('NaN')
    expect(showFound(Number.POSITIVE_INFINITY)).toBe('Infinity')
    expect(showFound(10n)).toBe('10n')
    expect(showFound(() => 1)).toBe('function')
    expect(showFound(Symbol('s'))).toBe('symbol')
    expect(showFound('x'.repeat(100))).toBe(`"${'x'.repeat(56)}...`)
    expect(showFound('x'.repeat(58))).toBe(`"${'x'.repeat(58)}"`)
    const loop: Record<string, unknown> = {}
    loop['self'] = loop
    expect(showFound(loop)).toBe('an object')
    const list: Array<unknown> = []
    list.push(list)
    expect(showFound(list)).toBe('an array')
  })
  it('formatDecodeErrors writes one message per line', () => {
    expect(formatDecodeErrors([decodeError('a', 'a string', '1'), decodeError('b', 'a string', 'nothing')])).toBe(
      'a: expected a string, found 1\nb is missing: expected a string',
    )
    expect(formatDecodeErrors([])).toBe('')
  })
  it('decodeError reads as a sentence, naming the path or the snapshot', () => {
    expect(decodeError('a.b', 'a string', '1').message).toBe('a.b: expected a string, found 1')
    expect(decodeError('', 'an object', '1').message).toBe('the snapshot: expected an object, found 1')
    expect(decodeError('a', 'a string', 'nothing').message).toBe('a is missing: expected a string')
    expect(decodeError('', 'a string', 'nothing').message).toBe('the snapshot is missing: expected a string')
  })
})

describe('money and instants', () => {
  it('formatMoney pads minor units', () => {
    expect(formatMoney(money(5, 'USD'))).toBe('USD 0.05')
    expect(formatMoney(money(12050, 'EUR'))).toBe('EUR 120.50')
    expect(formatMoney(money(100, 'GBP'))).toBe('GBP 1.00')
  })
  it('parseInstant checks every field', () => {
    expect(parseInstant('2026-11-18T10:00Z')).toBe(Date.UTC(2026, 10, 18, 10))
    expect(parseInstant('2026-11-18T10:60:00Z')).toBeUndefined()
    expect(parseInstant('2026-11-18T10:00:60Z')).toBeUndefined()
    expect(parseInstant('2026-11-18T10:00:00+24:00')).toBeUndefined()
    expect(parseInstant('2026-11-18T10:00:00+01:60')).toBeUndefined()
    expect(parseInstant('2026-13-01T00:00:00Z')).toBeUndefined()
    expect(parseInstant('2026-00-01T00:00:00Z')).toBeUndefined()
    expect(parseInstant('2026-01-00T00:00:00Z')).toBeUndefined()
    expect(parseInstant('2026-01-31T00:00:00Z')).toBe(Date.UTC(2026, 0, 31))
    expect(parseInstant('2026-06-31T00:00:00Z')).toBeUndefined()
    expect(parseInstant('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29))
    expect(parseInstant('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29))
    expect(parseInstant('2024-02-30T00:00:00Z')).toBeUndefined()
    expect(parseInstant('2026-11-18T10:00:00.1234Z')).toBe(Date.UTC(2026, 10, 18, 10, 0, 0, 123))
    expect(parseInstant('0099-01-01T00:00:00Z')).toBe(Date.parse('0099-01-01T00:00:00Z'))
    expect(parseInstant('2026-11-18T10:00:00-00:30')).toBe(Date.UTC(2026, 10, 18, 10, 30))
  })
  it('billingCycleEnd defaults to the week end', () => {
    const t = Date.UTC(2026, 10, 18) as Instant
    expect(billingCycleEnd(t)).toBe(billingCycleEnd(t, 'week-end'))
    expect(billingCycleEnd(t, 'client-invoice') - billingCycleEnd(t)).toBe(12 * 3_600_000)
  })
})

describe('combinators', () => {
  const evens = fromItems((xs: ReadonlyArray<number>) => xs, (x) => (x % 2 === 0 ? `even ${x}` : undefined))
  it('fromItems, when, contramap, across, concat, empty', () => {
    expect(evens([1, 2, 3, 4])).toEqual(['even 2', 'even 4'])
    expect(when((xs: ReadonlyArray<number>) => xs.length > 2)(evens)([2])).toEqual([])
    expect(when((xs: ReadonlyArray<number>) => xs.length > 2)(evens)([2, 4, 6])).toHaveLength(3)
    expect(contramap((n: number) => [n, n + 1])(evens)(4)).toEqual(['even 4'])
    expect(across((xss: ReadonlyArray<ReadonlyArray<number>>) => xss)(evens)([[2], [3], [4]])).toEqual(['even 2', 'even 4'])
    expect(concat(evens, evens)([2])).toEqual(['even 2', 'even 2'])
    expect(concat(evens, empty)([2])).toEqual(['even 2'])
    expect(concat(empty, evens)([2])).toEqual(['even 2'])
    expect(all(evens, evens, empty)([2, 3])).toEqual(['even 2', 'even 2'])
    expect(all()(0)).toEqual([])
  })
})

describe('matching and classifying', () => {
  it('exactly four rules have blockers only others can clear', () => {
    const ids = defaultRules.filter((r) => !r.clearable).map((r) => r.id)
    expect(ids.sort()).toEqual(['good-standing', 'member-needs-admin', 'owner-only', 'target-exists'])
  })
  it('an agency target takes the CloseAgency path even when unknown; LeaveTeams closes the account for good', () => {
    expect(pathOf(example('no-profile'), agencyTarget('x'))).toBe('CloseAgency')
    expect(consequencesOf(example('team-admin'), 'LeaveTeams', accountTarget)).toEqual([{ _tag: 'AccountClosedPermanently' }])
    expect(consequencesOf(example('closable-freelancer'), 'CloseAccount', accountTarget)).toEqual([{ _tag: 'AccountClosedPermanently' }])
    expect(consequencesOf(example('agency-admin'), 'CloseAgency', agencyTarget('ag-2'))).toEqual([])
  })
})

describe('ordering', () => {
  const job = (companyId: string, jobId: string): Blocker => ({
    _tag: 'JobOpen',
    rule: 'jobs-closed',
    scope: { _tag: 'Company', companyId },
    subject: jobId,
    jobId,
  })
  const custom = (rule: string): BlockerBase => ({ _tag: 'Custom', rule })
  it('sortBlockers: rule, then scope, then id; an app’s rules last, by id', () => {
    const sorted = sortBlockers<BlockerBase>([custom('z-rule'), job('b', '1'), custom('a-rule'), job('a', '2'), job('a', '1'), { _tag: 'SecurityQuestionMissing', rule: 'security-question' }])
    expect(sorted.map((b) => `${b.rule}:${b.scope?._tag === 'Company' ? `${b.scope.companyId}/${b.subject ?? ''}` : ''}`)).toEqual([
      'security-question:',
      'jobs-closed:a/1',
      'jobs-closed:a/2',
      'jobs-closed:b/1',
      'a-rule:',
      'z-rule:',
    ])
    expect(sortBlockers<BlockerBase>([{ _tag: 'B', rule: 'x' }, { _tag: 'A', rule: 'x' }]).map((b) => b._tag)).toEqual(['A', 'B'])
    expect(sortBlockers<BlockerBase>([custom('b'), custom('a')], ['b', 'a']).map((b) => b.rule)).toEqual(['b', 'a'])
  })
  it('sortBlockers sorts into a new list', () => {
    const sorted = [job('a', '1'), job('a', '2')]
    expect(sortBlockers(sorted)).toEqual(sorted)
    expect(sortBlockers(sorted)).not.toBe(sorted)
    expect(sortBlockers([job('a', '2'), job('a', '1')])).toEqual(sorted)
    expect(sortBlockers([])).toEqual([])
  })
  it('RULE_IDS lists every rule once', () => {
    expect(new Set(RULE_IDS).size).toBe(15)
  })
  it('every ordering rule has its own name', () => {
    const names = ORDER.map((r) => r.name)
    expect(names.every((n) => n.length > 10)).toBe(true)
    expect(new Set(names).size).toBe(names.length)
  })
  it('orderSteps keeps every step even when the rules form a cycle, in priority order', () => {
    const a: Step = { _tag: 'CloseJob', kind: 'remedy', scope: { _tag: 'Company', companyId: 'c' }, subject: 'j1', jobId: 'j1', resolves: ['jobs-closed'] }
    const b: Step = { _tag: 'CloseJob', kind: 'remedy', scope: { _tag: 'Company', companyId: 'c' }, subject: 'j2', jobId: 'j2', resolves: ['jobs-closed'] }
    const c: Step = { _tag: 'BackUpRecords', kind: 'advice', resolves: [] }
    const cycle = [
      { _tag: 'Dependency' as const, name: 'a before b', before: (s: object) => (s === a ? ['k1'] : []), after: (s: object) => (s === b ? ['k1'] : []) },
      { _tag: 'Dependency' as const, name: 'b before a', before: (s: object) => (s === b ? ['k2'] : []), after: (s: object) => (s === a ? ['k2'] : []) },
    ]
    expect(orderSteps([b, c, a], cycle, [], priority)).toEqual([c, a, b])
    expect(orderSteps([b, a], [], [], priority)).toEqual([a, b])
    expect(orderSteps([b, a], [], [0, 1], priority)).toEqual([b, a])
    expect(orderSteps([], ORDER, [], priority)).toEqual([])
  })
  test.prop([fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 30 })])('orderSteps puts waits in time order', (times) => {
    const waits: Array<Step> = [...new Set(times)].map((t) => ({ _tag: 'WaitUntil', kind: 'wait', at: t as Instant, reasons: [], resolves: [] }))
    const ordered = orderSteps(waits, ORDER, [], priority).map((s) => (s._tag === 'WaitUntil' ? s.at : -1))
    expect(ordered).toEqual([...ordered].sort((x, y) => x - y))
  })
})

describe('paths and consequences, over every shape of snapshot', () => {
  test.prop([snapshot()])('pathOf: the Close button for a freelancer, an owner, or a user of no team; leaving teams otherwise', (s) => {
    const owns = [...s.companies, ...s.agencies].some((t) => t.role === 'owner')
    const teams = s.companies.length + s.agencies.length
    expect(pathOf(s)).toBe(s.freelancer !== null || owns || teams === 0 ? 'CloseAccount' : 'LeaveTeams')
  })
  test.prop([snapshot()])('closing the account: closed for good, both profiles when a freelancer owns a company, and every team not owned is left, companies then agencies, by id', (s) => {
    const left = [
      ...s.companies.filter((c) => c.role !== 'owner').map((c) => `Company ${c.id}`).sort(),
      ...s.agencies.filter((a) => a.role !== 'owner').map((a) => `Agency ${a.id}`).sort(),
    ]
    const both = s.freelancer !== null && s.companies.some((c) => c.role === 'owner')
    const got = consequencesOf(s, 'CloseAccount', accountTarget).map((c) =>
      c._tag === 'LeavesTeam' ? (c.scope._tag === 'Company' ? `Company ${c.scope.companyId}` : `Agency ${c.scope.agencyId}`) : c._tag,
    )
    expect(got).toEqual(['AccountClosedPermanently', ...(both ? ['BothProfilesClosed'] : []), ...left])
  })
})

describe('earliestClosableAt is the last wait of the plan', () => {
  const asOf = '2026-11-18T10:00:00Z' // a Wednesday
  const monday = Date.UTC(2026, 10, 23) as Instant
  const base = example('closable-freelancer')
  const withCompany = (type: 'hourly' | 'fixed') =>
    redecode({
      ...base,
      companies: [
        {
          id: 'co',
          name: 'Co',
          role: 'owner' as const,
          members: [],
          contracts: [{ id: 'k', type, status: 'active' as const, endedAt: null }],
          jobs: [],
          outstanding: money(0, 'USD'),
        },
      ],
    })
  it('is asOf with nothing to wait for', () => {
    expect(base.asOf).toBe(Date.parse(asOf))
    expect(earliestClosableAt(base)).toEqual(O.some(base.asOf))
  })
  it('an open hourly contract of a company adds the billing cycle that its ending would start', () => {
    expect(earliestClosableAt(withCompany('hourly'))).toEqual(O.some(monday))
    expect(earliestClosableAt(withCompany('hourly'), undefined, { billingCycleEnd: 'client-invoice' })).toEqual(O.some(monday + 12 * 3_600_000))
    expect(earliestClosableAt(withCompany('fixed'))).toEqual(O.some(base.asOf))
  })
})

describe('selectors of facts', () => {
  const s = example('everything')
  const scopes = (teams: ReadonlyArray<{ readonly scope: Scope }>) => teams.map((t) => t.scope)
  it('memberships are the teams not owned, owned ones are the others', () => {
    const f = closureFacts(s)
    const owned = [...scopes(companiesToClose(f)), ...scopes(agenciesToClose(f))]
    const member = scopes(memberships({ ...f, path: 'LeaveTeams' }))
    expect(owned.length).toBeGreaterThan(0)
    expect(member.length).toBeGreaterThan(0)
    expect([...owned, ...member].map(scopeKey).sort()).toEqual(
      [...s.companies.map((c) => scopeKey(companyScope(c.id))), ...s.agencies.map((a) => scopeKey(agencyScope(a.id)))].sort(),
    )
    expect(member.every((m) => !owned.some((o) => scopeKey(o) === scopeKey(m)))).toBe(true)
  })
  it('targetAgency finds the agency of an agency target only', () => {
    const id = s.agencies[0]?.id ?? ''
    expect(scopes(targetAgency(closureFacts(s, agencyTarget(id))))).toEqual([agencyScope(id)])
    expect(targetAgency(closureFacts(s, agencyTarget('nope')))).toEqual([])
    expect(targetAgency(closureFacts(s))).toEqual([])
  })
  it('closureFacts defaults to the account and the week-end billing cycle', () => {
    expect(closureFacts(s)).toMatchObject({ target: { _tag: 'Account' }, billingCycleEnd: 'week-end', asOf: s.asOf })
    expect(closureFacts(s, undefined, { billingCycleEnd: 'client-invoice' }).billingCycleEnd).toBe('client-invoice')
  })
})
