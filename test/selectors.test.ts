/**
 * The selectors the rules read facts through, on the cases that decide a path or a word.
 */
import { describe, expect, it } from 'vitest'

import { agencyTarget, billingCycleEnd, closureSteps, defineStep, formatIn, pathOf, snapshotSchema, sortBlockers, verdict, waitUntil } from '../src/index.js'
import type { Contract, Instant } from '../src/index.js'
import { parseInstant } from '../src/model/Instant.js'
import { closureFacts, companiesToClose, ownedAgencies } from '../src/model/facts.js'
import { hourlyInvolved } from '../src/rules/billing/week.js'
import { example, exampleJson, redecode } from './fixtures.js'

const at = (s: string): Instant => parseInstant(s) as Instant
const s0 = at('2026-11-18T10:00:00Z')
const hourly = (endedAt: string | null): Contract => ({
  id: 'c-1',
  type: 'hourly',
  status: endedAt === null ? 'active' : 'ended',
  endedAt: endedAt === null ? null : at(endedAt),
})

describe('hourlyInvolved: the last invoice covers hourly work', () => {
  // Wednesday; the billing week ends on Monday 2026-11-23 00:00 UTC
  const asOf = at('2026-11-18T10:00:00Z')
  const involved = (contracts: ReadonlyArray<Contract>, when = asOf) => hourlyInvolved({ contracts, asOf: when, billingCycleEnd: 'week-end' })
  it('while an hourly contract is open, and not for a fixed-price one', () => {
    expect(involved([hourly(null)])).toBe(true)
    expect(involved([{ ...hourly(null), type: 'fixed' }])).toBe(false)
    expect(involved([])).toBe(false)
  })
  it('after an hourly contract ended, until the end of its billing week, not at that instant', () => {
    expect(involved([hourly('2026-11-17T09:00:00Z')])).toBe(true)
    expect(involved([hourly('2026-11-17T09:00:00Z')], at('2026-11-22T23:59:59.999Z'))).toBe(true)
    expect(involved([hourly('2026-11-17T09:00:00Z')], at('2026-11-23T00:00:00Z'))).toBe(false)
    expect(involved([hourly('2026-11-09T09:00:00Z')])).toBe(false)
  })
  it('decides the words of the payment step', () => {
    const s = example('client-owner-mid-week')
    const pay = (x: typeof s) => closureSteps(x).find((step) => step._tag === 'PayBalance')
    expect(pay(s)).toMatchObject({ hourly: true })
    const [company] = s.companies
    if (company === undefined) throw new Error('no company')
    const fixedOnly = redecode({ ...s, companies: [{ ...company, contracts: company.contracts.filter((c) => c.type === 'fixed') }] })
    expect(pay(fixedOnly)).toMatchObject({ hourly: false })
  })
})

describe('paths', () => {
  it('the owner of one agency among others closes that agency', () => {
    const s = example('agency-owner')
    const [owned] = s.agencies
    if (owned === undefined) throw new Error('no agency')
    const two = redecode({ ...s, agencies: [owned, { ...owned, id: 'ag-2', role: 'admin' as const, members: [] }] })
    const v = verdict(two, agencyTarget('ag-1'))
    expect(v.path).toBe('CloseAgency')
    expect(v.blockers.map((b) => b._tag)).not.toContain('NotOwner')
    // the owner's procedure and consequences, though another agency is not theirs
    expect(v.steps.map((x) => x._tag)).toContain('ChooseClose')
    expect(v.consequences).not.toEqual([])
    // and the other way round: the agency they only administer, while owning another
    const other = verdict(two, agencyTarget('ag-2'))
    expect(other.blockers.map((b) => b._tag)).toContain('NotOwner')
    expect([other.steps.map((x) => x._tag).includes('ChooseClose'), other.consequences]).toEqual([false, []])
  })
  it('the agencies the user owns are the work of closing the account only, not of closing one agency or leaving teams', () => {
    const s = example('agency-owner')
    expect(ownedAgencies(closureFacts(s)).map((a) => a.scope)).toEqual(s.agencies.filter((a) => a.role === 'owner').map((a) => ({ _tag: 'Agency', agencyId: a.id })))
    expect(ownedAgencies(closureFacts(s, agencyTarget('ag-1')))).toEqual([])
    expect(companiesToClose(closureFacts(s, agencyTarget('ag-1')))).toEqual([])
  })
  it("a freelancer closing the account is not held back by a team they only belong to", () => {
    const s = example('closable-freelancer')
    const [company] = example('client-owner-mid-week').companies
    if (company === undefined) throw new Error('no company')
    const member = redecode({ ...s, companies: [{ ...company, role: 'member' as const, members: [{ userId: 'u-9', role: 'admin' as const }] }] })
    const v = verdict(member)
    expect(v.path).toBe('CloseAccount')
    expect(v.closable).toBe(true)
    expect(v.steps.map((x) => x._tag)).not.toContain('LeaveTeam')
  })
})

describe('pathOf', () => {
  it('closes the account of a freelancer, of an owner, of someone in no team; otherwise leaves teams', () => {
    const admin = example('team-admin')
    expect(admin.freelancer).toBeNull()
    expect(pathOf(admin)).toBe('LeaveTeams')
    expect(pathOf(example('client-owner-mid-week'))).toBe('CloseAccount')
    expect(pathOf({ ...admin, companies: [] , agencies: [] })).toBe('CloseAccount')
    const [ag] = example('agency-owner').agencies
    if (ag === undefined) throw new Error('no agency')
    expect(pathOf({ ...admin, companies: [], agencies: [ag] })).toBe('CloseAccount')
    expect(pathOf({ ...admin, companies: [], agencies: [{ ...ag, role: 'admin' }] })).toBe('LeaveTeams')
    expect(pathOf(admin, agencyTarget('ag-1'))).toBe('CloseAgency')
  })
})

describe('the steps of the built-in rules, field by field', () => {
  it('ending an hourly contract of a company: the end, the wait for its billing week, the payment of hourly work', () => {
    const steps = closureSteps(example('client-owner-mid-week'))
    const wait = steps.find((x) => x._tag === 'WaitUntil')
    expect(wait).toMatchObject({
      at: Date.UTC(2026, 10, 23),
      resolves: ['billing-cycle-ended'],
      reasons: [
        { _tag: 'BillingWeekEnds', rule: 'billing-cycle-ended', scope: { _tag: 'Company', companyId: 'co-1' }, subject: 'c-10', contractId: 'c-10' },
        { _tag: 'BillingWeekEnds', rule: 'billing-cycle-ended', scope: { _tag: 'Company', companyId: 'co-1' }, subject: 'c-9', contractId: 'c-9' },
      ],
    })
    expect(steps.find((x) => x._tag === 'ChooseClose')).toMatchObject({ button: 'Close account' })
  })
  it('a fixed-price contract that ended this week leaves no billing cycle open', () => {
    const s = example('client-owner-mid-week')
    const [company] = s.companies
    if (company === undefined) throw new Error('no company')
    const fixed = redecode({ ...s, companies: [{ ...company, contracts: [{ id: 'c-1', type: 'fixed' as const, status: 'ended' as const, endedAt: s.asOf }] }] })
    const v = verdict(fixed)
    expect(v.blockers.map((b) => b._tag)).not.toContain('BillingCycleOpen')
    expect(billingCycleEnd(s.asOf)).toBe(Date.UTC(2026, 10, 23))
  })
  it('defineStep and waitUntil build steps of an app', () => {
    const payFee = defineStep({ tag: 'PayFee', kind: 'remedy', rule: 'fees-paid', words: (x: { readonly subject: string }) => `Pay ${x.subject}.` })
    expect(payFee({ subject: 'x' })).toEqual({ _tag: 'PayFee', kind: 'remedy', resolves: ['fees-paid'], subject: 'x' })
    expect(payFee.words(payFee({ subject: 'x' }), formatIn())).toBe('Pay x.')
    const tip = defineStep({ tag: 'Tip', kind: 'advice', words: () => 'A tip.' })
    expect(tip({})).toEqual({ _tag: 'Tip', kind: 'advice', resolves: [] })
    expect(() => defineStep({ tag: 'PayFee', kind: 'remedy', words: () => '' })).toThrow(TypeError)
    const r = { _tag: 'FeeSettles', rule: 'fees-paid' } as const
    expect(waitUntil(s0, [r, { ...r, rule: 'b' }, r]).resolves).toEqual(['b', 'fees-paid'])
  })
})

describe('sortBlockers', () => {
  it('orders by rule, then blockers without a scope first, then by scope, subject and tag', () => {
    const co = { _tag: 'Company', companyId: 'co-1' } as const
    const b = (scope: typeof co | undefined, subject?: string) => ({ _tag: 'X', rule: 'r', ...(scope === undefined ? {} : { scope }), ...(subject === undefined ? {} : { subject }) })
    const list = [b(co, 'b'), b(co), b(undefined, 'a'), b(undefined)]
    expect(sortBlockers(list)).toEqual([b(undefined), b(undefined, 'a'), b(co), b(co, 'b')])
    expect(sortBlockers([...list].reverse())).toEqual([b(undefined), b(undefined, 'a'), b(co), b(co, 'b')])
  })
})

describe('formatIn and the Standard Schema', () => {
  it('a reason is named by its tag unless a catalogue words it', () => {
    expect(formatIn('UTC').reason({ _tag: 'FeeSettles', rule: 'fees-paid' })).toBe('FeeSettles')
  })
  it('issues carry a path of keys and indexes, none for the whole value', () => {
    const s = exampleJson('busy-freelancer') as Record<string, unknown>
    s['disputes'] = Array.from({ length: 12 }, (_, i) => ({ id: `d-${i}`, status: i === 11 ? 'x' : 'open' }))
    const r = snapshotSchema['~standard'].validate(s)
    expect('issues' in r ? r.issues : []).toEqual([expect.objectContaining({ path: ['disputes', 11, 'status'] })])
    const whole = snapshotSchema['~standard'].validate(5)
    expect('issues' in whole ? whole.issues : []).toEqual([{ message: expect.any(String) as unknown }])
  })
})
