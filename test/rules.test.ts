/**
 * Example tests for every rule and path, named after the situations of the seeds.
 */
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'

import {
  agencyTarget,
  canClose,
  closureWith,
  defineBlocker,
  defaultRules,
  defineRule,
  earliestClosableAt,
  fromItems,
  gate,
  getMonoidAll,
  pathOf,
  RULE_IDS,
  sortBlockers,
} from '../src/index.js'
import type { AccountSnapshot, ClosureFacts, Precondition } from '../src/index.js'
import { example, lefts, redecode } from './fixtures.js'

const tags = (s: AccountSnapshot, t?: Parameters<typeof canClose>[1]) => lefts(canClose(s, t)).map((b) => b._tag)
const iso = (o: O.Option<number>) => (O.isSome(o) ? new Date(o.value).toISOString() : null)

describe('paths (SPEC §2)', () => {
  it('a freelancer closes the account', () => expect(pathOf(example('busy-freelancer'))).toBe('CloseAccount'))
  it('a client owner closes the account', () => expect(pathOf(example('client-owner-mid-week'))).toBe('CloseAccount'))
  it('someone who belongs to nothing closes the account', () => expect(pathOf(example('no-profile'))).toBe('CloseAccount'))
  it('an admin or manager of someone else’s company leaves teams', () => expect(pathOf(example('team-admin'))).toBe('LeaveTeams'))
  it('a plain team member leaves teams (through an admin)', () => expect(pathOf(example('plain-member'))).toBe('LeaveTeams'))
  it('an agency target closes the agency', () => expect(pathOf(example('agency-owner'), agencyTarget('ag-1'))).toBe('CloseAgency'))
  it('a closable snapshot answers Right with its path and target', () => {
    expect(canClose(example('closable-freelancer'))).toEqual(E.right({ _tag: 'Closable', path: 'CloseAccount', target: { _tag: 'Account' } }))
    expect(canClose(example('agency-owner'), agencyTarget('ag-1'))._tag).toBe('Left')
  })
})

describe('a freelancer with open work (seed: "Before you close your freelancer account")', () => {
  const s = example('busy-freelancer')
  const blockers = lefts(canClose(s))

  it('security-question: no question set blocks the Close button', () => {
    expect(blockers).toContainEqual({ _tag: 'SecurityQuestionMissing', rule: 'security-question' })
  })
  it('contracts-ended: each active or paused contract, not the ended one', () => {
    expect(blockers.filter((b) => b.rule === 'contracts-ended')).toEqual([
      { _tag: 'ContractOpen', rule: 'contracts-ended', scope: { _tag: 'Freelancer' }, subject: 'c-1', contractId: 'c-1', contractType: 'hourly', status: 'active' },
      { _tag: 'ContractOpen', rule: 'contracts-ended', scope: { _tag: 'Freelancer' }, subject: 'c-2', contractId: 'c-2', contractType: 'fixed', status: 'paused' },
    ])
  })
  it('proposals-withdrawn: submitted proposals and offers, not declined ones', () => {
    expect(blockers.filter((b) => b.rule === 'proposals-withdrawn').map((b) => (b as { proposalId: string }).proposalId)).toEqual(['p-1', 'p-2'])
  })
  it('payments-received: a payment still pending at asOf', () => {
    expect(blockers).toContainEqual({
      _tag: 'PaymentPending',
      rule: 'payments-received',
      scope: { _tag: 'Freelancer' },
      subject: 'pay-1', paymentId: 'pay-1',
      amount: { amount: 12050, currency: 'USD' },
      availableAt: Date.parse('2026-11-25T00:00:00Z'),
    })
  })
  it('funds-withdrawn: the available balance', () => {
    expect(blockers).toContainEqual({ _tag: 'FundsAvailable', rule: 'funds-withdrawn', scope: { _tag: 'Freelancer' }, amount: { amount: 4000, currency: 'USD' } })
  })
  it('funds-withdrawn counts payments that became available at or before asOf', () => {
    const f = s.freelancer
    if (f === null) throw new Error('fixture')
    const due = redecode({ ...s, asOf: Date.parse('2026-11-25T00:00:00Z') as typeof s.asOf })
    expect(lefts(canClose(due)).filter((b) => b.rule === 'funds-withdrawn' || b.rule === 'payments-received')).toEqual([
      { _tag: 'FundsAvailable', rule: 'funds-withdrawn', scope: { _tag: 'Freelancer' }, amount: { amount: 16050, currency: 'USD' } },
    ])
  })
  it('earliest: when the pending payment arrives', () => {
    expect(iso(earliestClosableAt(s))).toBe('2026-11-25T00:00:00.000Z')
  })
  it('blockers come in the policy’s order: account-wide rules, then the freelancer’s rules in SPEC order', () => {
    expect(blockers.map((b) => b.rule)).toEqual([
      'security-question',
      'contracts-ended',
      'contracts-ended',
      'proposals-withdrawn',
      'proposals-withdrawn',
      'payments-received',
      'funds-withdrawn',
    ])
  })
})

describe('a client owner mid-week (seed: "Only the company owner can close a client company")', () => {
  const s = example('client-owner-mid-week')
  const blockers = lefts(canClose(s))
  const scope = { _tag: 'Company', companyId: 'co-1' }

  it('members-removed: every other team member', () => {
    expect(blockers.filter((b) => b.rule === 'members-removed')).toEqual([
      { _tag: 'MemberRemains', rule: 'members-removed', scope, subject: 'u-2', userId: 'u-2', role: 'manager' },
      { _tag: 'MemberRemains', rule: 'members-removed', scope, subject: 'u-3', userId: 'u-3', role: 'member' },
    ])
  })
  it('contracts-ended: hourly and fixed-price contracts alike', () => {
    expect(blockers.filter((b) => b.rule === 'contracts-ended').map((b) => (b as { contractId: string }).contractId)).toEqual(['c-10', 'c-11'])
  })
  it('billing-cycle-ended: an hourly contract ended Tuesday blocks until Monday 00:00 UTC', () => {
    expect(blockers).toContainEqual({ _tag: 'BillingCycleOpen', rule: 'billing-cycle-ended', scope, subject: 'c-9', contractId: 'c-9', endsAt: Date.parse('2026-11-23T00:00:00Z') })
  })
  it('billing-cycle-ended: under the client-invoice option, until Monday 12:00 UTC', () => {
    const b = lefts(canClose(s, undefined, { billingCycleEnd: 'client-invoice' })).find((x) => x._tag === 'BillingCycleOpen')
    expect(b).toMatchObject({ endsAt: Date.parse('2026-11-23T12:00:00Z') })
  })
  it('billing-cycle-ended: no longer blocks once the week has ended', () => {
    const later = redecode({ ...s, asOf: Date.parse('2026-11-23T00:00:00Z') as typeof s.asOf })
    expect(lefts(canClose(later)).some((b) => b._tag === 'BillingCycleOpen')).toBe(false)
  })
  it('billing-cycle-ended: only hourly contracts have a billing cycle', () => {
    const contracts = [{ id: 'c-20', type: 'fixed' as const, status: 'ended' as const, endedAt: Date.parse('2026-11-17T09:00:00Z') as typeof s.asOf }]
    const company = s.companies[0]
    if (company === undefined) throw new Error('the example has a company')
    const fixedOnly = redecode({ ...s, companies: [{ ...company, contracts }] })
    expect(lefts(canClose(fixedOnly)).filter((b) => b.rule === 'billing-cycle-ended')).toEqual([])
  })
  it('jobs-closed: open jobs only', () => {
    expect(blockers.filter((b) => b.rule === 'jobs-closed')).toEqual([{ _tag: 'JobOpen', rule: 'jobs-closed', scope, subject: 'j-1', jobId: 'j-1' }])
  })
  it('billing-paid: the outstanding balance', () => {
    expect(blockers).toContainEqual({ _tag: 'BillingOutstanding', rule: 'billing-paid', scope, amount: { amount: 35000, currency: 'USD' } })
  })
  it('earliest: the end of this billing week (the open hourly contract will be ended now)', () => {
    expect(iso(earliestClosableAt(s))).toBe('2026-11-23T00:00:00.000Z')
  })
})

describe('an admin of someone else’s company (seed: "To close your admin or manager account")', () => {
  const s = example('team-admin')
  it('is not blocked by the company’s contracts, jobs or bill', () => {
    expect(E.isRight(canClose(s))).toBe(true)
  })
  it('good-standing and disputes-resolved still apply when leaving teams', () => {
    const t = redecode({ ...s, user: { ...s.user, standing: 'on_hold' as const }, disputes: [{ id: 'd-9', status: 'open' as const }] })
    expect(lefts(canClose(t))).toEqual([
      { _tag: 'NotInGoodStanding', rule: 'good-standing', standing: 'on_hold' },
      { _tag: 'DisputeUnresolved', rule: 'disputes-resolved', subject: 'd-9', disputeId: 'd-9' },
    ])
  })
  it('the security question does not gate leaving teams', () => {
    expect(E.isRight(canClose(redecode({ ...s, user: { ...s.user, securityQuestionSet: false } })))).toBe(true)
  })
})

describe('a plain team member (seed: "reach out to your admin/manager")', () => {
  const s = example('plain-member')
  it('member-needs-admin: names the owner, admins and managers to contact', () => {
    expect(lefts(canClose(s))).toEqual([
      { _tag: 'AdminMustRemove', rule: 'member-needs-admin', scope: { _tag: 'Company', companyId: 'co-7' }, contacts: ['u-4', 'u-9'] },
    ])
  })
  it('earliest: none, someone else has to act', () => {
    expect(O.isNone(earliestClosableAt(s))).toBe(true)
  })
})

describe('an agency owner (seed: "Only the agency owner can close an agency")', () => {
  const s = example('agency-owner')
  const scope = { _tag: 'Agency', agencyId: 'ag-1' }

  it('agency-closed-first: closing the account asks to close the owned agency first', () => {
    expect(lefts(canClose(s))).toContainEqual({ _tag: 'AgencyOpen', rule: 'agency-closed-first', subject: 'ag-1', agencyId: 'ag-1' })
  })
  it('closing the agency: members, contracts, proposals, payments and funds of the agency', () => {
    expect(tags(s, agencyTarget('ag-1'))).toEqual([
      'MemberRemains',
      'MemberRemains',
      'ContractOpen',
      'ProposalOpen',
      'PaymentPending',
      'FundsAvailable',
    ])
    expect(lefts(canClose(s, agencyTarget('ag-1')))).toContainEqual({
      _tag: 'FundsAvailable',
      rule: 'funds-withdrawn',
      scope,
      amount: { amount: 1500, currency: 'EUR' },
    })
  })
  it('closing the agency needs the security question too', () => {
    const t = redecode({ ...s, user: { ...s.user, securityQuestionSet: false } })
    expect(tags(t, agencyTarget('ag-1'))[0]).toBe('SecurityQuestionMissing')
  })
  it('target-exists: an unknown agency is the only blocker', () => {
    const t = redecode({ ...s, user: { ...s.user, securityQuestionSet: false, standing: 'suspended' as const } })
    expect(lefts(canClose(t, agencyTarget('ag-404')))).toEqual([{ _tag: 'UnknownTarget', rule: 'target-exists', subject: 'ag-404', agencyId: 'ag-404' }])
  })
})

describe('an agency admin (seed: "Only the agency owner can close an agency")', () => {
  const s = example('agency-admin')
  it('owner-only: only NotOwner for the agency, but account-wide rules still count', () => {
    const t = redecode({ ...s, disputes: [{ id: 'd-1', status: 'open' as const }] })
    expect(lefts(canClose(t, agencyTarget('ag-2')))).toEqual([
      { _tag: 'DisputeUnresolved', rule: 'disputes-resolved', subject: 'd-1', disputeId: 'd-1' },
      { _tag: 'NotOwner', rule: 'owner-only', scope: { _tag: 'Agency', agencyId: 'ag-2' }, role: 'admin' },
    ])
  })
  it('closing the whole account just leaves the agency', () => {
    expect(E.isRight(canClose(s))).toBe(true)
  })
})

describe('everything at once', () => {
  const s = example('everything')
  it('collects every blocker, never stopping at the first', () => {
    expect(new Set(tags(s))).toEqual(
      new Set(['SecurityQuestionMissing', 'DisputeUnresolved', 'AgencyOpen', 'MemberRemains', 'ContractOpen', 'BillingCycleOpen', 'JobOpen', 'BillingOutstanding', 'ProposalOpen', 'PaymentPending', 'FundsAvailable']),
    )
  })
  it('reports blockers rule by rule, in the order of the rules, each across freelancer, companies, agencies', () => {
    const found = lefts(canClose(s))
    const ranks = found.map((b) => RULE_IDS.indexOf(b.rule as (typeof RULE_IDS)[number]))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    const contracts = found.filter((b) => b.rule === 'contracts-ended').map((b) => b.scope?._tag)
    expect([...new Set(contracts)]).toEqual(['Freelancer', 'Company', 'Agency'])
  })
  it('sortBlockers gives an order by rule, scope and id', () => {
    const rules = sortBlockers(lefts(canClose(s))).map((b) => b.rule)
    expect(rules).toEqual([...rules].sort((a, b) => RULE_IDS.indexOf(a) - RULE_IDS.indexOf(b)))
  })
  it('memberships the user does not own block nothing on CloseAccount', () => {
    expect(lefts(canClose(s)).some((b) => b.scope?._tag === 'Company' && b.scope.companyId === 'co-7')).toBe(false)
    expect(lefts(canClose(s)).some((b) => b.scope?._tag === 'Agency' && b.scope.agencyId === 'ag-2')).toBe(false)
  })
  it('good-standing: a suspended account', () => {
    expect(tags(example('suspended'))).toEqual(['NotInGoodStanding'])
  })
})

describe('combinators', () => {
  const oldInvoice = defineBlocker({ tag: 'OldInvoice', rule: 'no-old-invoices', words: () => 'An old invoice is unpaid.' })
  const noOldInvoices = (paths: ReadonlyArray<'CloseAccount' | 'LeaveTeams'>) =>
    defineRule({
      id: 'no-old-invoices',
      paths,
      blockers: [oldInvoice],
      check: fromItems(
        (f: ClosureFacts) => f.snapshot.companies.filter((c) => c.outstanding.amount > 30_000),
        () => oldInvoice({}),
      ),
      clear: () => [],
    })

  it('an app’s own rule joins the default rules and its blockers come after the built-in ones', () => {
    const check = closureWith([...defaultRules, noOldInvoices(['CloseAccount'])]).canClose
    const found = lefts(check(example('client-owner-mid-week'))).map((b) => b._tag)
    expect(found[found.length - 1]).toBe('OldInvoice')
    expect(found).toHaveLength(8)
  })
  it('a rule does not run on paths it does not name', () => {
    const check = closureWith([noOldInvoices(['LeaveTeams'])]).canClose
    expect(E.isRight(check(example('client-owner-mid-week')))).toBe(true)
  })
  it('gate: the first one’s blockers only, else the rest', () => {
    const yes: Precondition<number, string> = () => ['gate']
    const no: Precondition<number, string> = () => []
    const rest: Precondition<number, string> = () => ['rest']
    expect(gate(yes, rest)(0)).toEqual(['gate'])
    expect(gate(no, rest)(0)).toEqual(['rest'])
  })
  it('the monoid: concat keeps both in order, empty is its unit', () => {
    const M = getMonoidAll<number, string>()
    const a: Precondition<number, string> = (n) => [`a${n}`]
    const b: Precondition<number, string> = (n) => [`b${n}`]
    expect(M.concat(a, b)(1)).toEqual(['a1', 'b1'])
    expect(M.concat(M.empty, a)(1)).toEqual(['a1'])
    expect(M.concat(a, M.empty)(1)).toEqual(['a1'])
  })
})
