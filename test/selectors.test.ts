/**
 * The selectors the rules read facts through, on the cases that decide a path or a word.
 */
import { describe, expect, it } from 'vitest'

import { agencyTarget, closureSteps, verdict } from '../src/index.js'
import type { Contract, Instant } from '../src/index.js'
import { parseInstant } from '../src/model/Instant.js'
import { hourlyInvolved } from '../src/rules/facts.js'
import { example } from './fixtures.js'

const at = (s: string): Instant => parseInstant(s) as Instant
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
    const fixedOnly = { ...s, companies: [{ ...company, contracts: company.contracts.filter((c) => c.type === 'fixed') }] }
    expect(pay(fixedOnly)).toMatchObject({ hourly: false })
  })
})

describe('paths', () => {
  it('the owner of one agency among others closes that agency', () => {
    const s = example('agency-owner')
    const [owned] = s.agencies
    if (owned === undefined) throw new Error('no agency')
    const two = { ...s, agencies: [owned, { ...owned, id: 'ag-2', role: 'admin' as const, members: [] }] }
    const v = verdict(two, agencyTarget('ag-1'))
    expect(v.path).toBe('CloseAgency')
    expect(v.blockers.map((b) => b._tag)).not.toContain('NotOwner')
  })
  it("a freelancer closing the account is not held back by a team they only belong to", () => {
    const s = example('closable-freelancer')
    const [company] = example('client-owner-mid-week').companies
    if (company === undefined) throw new Error('no company')
    const member = { ...s, companies: [{ ...company, role: 'member' as const, members: [{ userId: 'u-9', role: 'admin' as const }] }] }
    const v = verdict(member)
    expect(v.path).toBe('CloseAccount')
    expect(v.closable).toBe(true)
    expect(v.steps.map((x) => x._tag)).not.toContain('LeaveTeam')
  })
})
