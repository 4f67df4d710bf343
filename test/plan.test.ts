/**
 * Whole plans for the seed situations (SPEC §4).
 */
import { describe, expect, it } from 'vitest'

import { accountTarget, agencyTarget, closureSteps, closureWith, defaultRules, defineBlocker, defineRule, defineStep, pathOf } from '../src/index.js'
import type { AgencyScope, CompanyScope } from '../src/index.js'
import { instant } from '../src/model/Instant.js'
import { consequencesOf } from '../src/paths/Consequence.js'
import { ORDER, priority } from './steps.js'
import { orderSteps } from '../src/engine/order.js'
import type { AccountSnapshot, Step } from '../src/index.js'
import { example, redecode } from './fixtures.js'

const brief = (s: Step): string => {
  switch (s._tag) {
    case 'WaitUntil':
      return `WaitUntil ${new Date(s.at).toISOString()}`
    case 'EndContract':
      return `EndContract ${s.contractId}`
    case 'RemoveMember':
      return `RemoveMember ${s.userId}`
    case 'Navigate':
      return `Navigate ${s.path.join(' > ')}`
    case 'LeaveTeam':
      return `LeaveTeam ${s.scope._tag === 'Company' ? s.scope.companyId : s.scope.agencyId}`
    case 'PayBalance':
    case 'WithdrawFunds':
      return `${s._tag} ${s.scope._tag}`
    default:
      return s._tag
  }
}
const plan = (s: AccountSnapshot, t?: Parameters<typeof closureSteps>[1]) => closureSteps(s, t).map(brief)

describe('closureSteps', () => {
  it('a busy freelancer: everything doable now, then the payment wait, then the withdrawal, then the procedure', () => {
    expect(plan(example('busy-freelancer'))).toEqual([
      'SetSecurityQuestion',
      'WithdrawProposal',
      'DeclineOffer',
      'EndContract c-1',
      'EndContract c-2',
      'CancelSubscription',
      'RemoveBillingMethod',
      'RemovePersonalDetails',
      'BackUpRecords',
      'WaitUntil 2026-11-25T00:00:00.000Z',
      'WithdrawFunds Freelancer',
      'Navigate Settings > Account management and control',
      'ChooseClose',
      'AnswerSecurityQuestion',
      'VerifyEmail',
      'Confirm',
    ])
  })

  it('a client owner on a Wednesday: end the hourly contract, wait for Monday 00:00 UTC, then pay', () => {
    expect(plan(example('client-owner-mid-week'))).toEqual([
      'EndContract c-10',
      'EndContract c-11',
      'CloseJob',
      'RemoveMember u-2',
      'RemoveMember u-3',
      'RemovePersonalDetails',
      'BackUpRecords',
      'WaitUntil 2026-11-23T00:00:00.000Z',
      'PayBalance Company',
      'RemoveBillingMethod',
      'Navigate Settings > My Info',
      'ChooseClose',
      'AnswerSecurityQuestion',
      'VerifyEmail',
      'Confirm',
    ])
    const wait = closureSteps(example('client-owner-mid-week')).find((s) => s._tag === 'WaitUntil')
    expect(wait).toMatchObject({ kind: 'wait', resolves: ['billing-cycle-ended'] })
  })

  it('an admin leaving teams: one LeaveTeam per team, no security question', () => {
    expect(plan(example('team-admin'))).toEqual([
      'RemovePersonalDetails',
      'BackUpRecords',
      'Navigate Settings > My Teams',
      'LeaveTeam co-7',
      'LeaveTeam co-8',
    ])
  })

  it('a plain member: ask an admin, and no LeaveTeam for that team', () => {
    const steps = closureSteps(example('plain-member'))
    expect(steps[0]).toEqual({
      _tag: 'ContactAdmin',
      kind: 'remedy',
      scope: { _tag: 'Company', companyId: 'co-7' },
      contacts: ['u-4', 'u-9'],
      resolves: ['member-needs-admin'],
    })
    expect(steps.map(brief)).not.toContain('LeaveTeam co-7')
  })

  it('an agency owner closing the agency: remedies, the payment wait, the withdrawal, the agency procedure', () => {
    expect(plan(example('agency-owner'), agencyTarget('ag-1'))).toEqual([
      'WithdrawProposal',
      'EndContract ac-1',
      'RemoveMember u-6',
      'RemoveMember u-7',
      'WaitUntil 2026-11-20T12:00:00.000Z',
      'WithdrawFunds Agency',
      'Navigate Settings > Agency Profile',
      'ChooseClose',
      'AnswerSecurityQuestion',
      'Confirm',
    ])
  })

  it('an agency owner closing the account: the agency closes before the account', () => {
    const steps = plan(example('agency-owner'))
    expect(steps.indexOf('CloseAgency')).toBeGreaterThan(steps.indexOf('WithdrawFunds Agency'))
    expect(steps.indexOf('CloseAgency')).toBeLessThan(steps.indexOf('Navigate Settings > Account management and control'))
  })

  it('an agency admin closing the agency: ask the owner', () => {
    expect(plan(example('agency-admin'), agencyTarget('ag-2'))[0]).toBe('ContactOwner')
  })

  it('an admin of a company and an agency leaving both: teams in scope order, companies first', () => {
    const s = example('team-admin')
    const agency = { id: 'ag-0', name: 'Studio', role: 'admin' as const, members: [], contracts: [], proposals: [], earnings: { pending: [], available: { amount: 0, currency: 'USD' } } }
    const member = { ...agency, id: 'ag-1', role: 'member' as const }
    expect(plan(redecode({ ...s, agencies: [member, agency] })).filter((x) => x.startsWith('LeaveTeam'))).toEqual([
      'LeaveTeam co-7',
      'LeaveTeam co-8',
      'LeaveTeam ag-0',
    ])
  })

  it('only active subscriptions are to be cancelled', () => {
    const s = example('closable-freelancer')
    const subscriptions = [
      { id: 's-2', plan: 'Plus', status: 'cancelled' as const },
      { id: 's-1', plan: 'Plus', status: 'active' as const },
    ]
    const steps = closureSteps(redecode({ ...s, subscriptions }))
    expect(steps.flatMap((x) => (x._tag === 'CancelSubscription' ? [x.subscriptionId] : []))).toEqual(['s-1'])
  })

  it('one wait for everything due at the same instant, its reasons in order', () => {
    const s = example('busy-freelancer')
    const at = '2026-11-25T00:00:00.000Z'
    const due = (id: string) => ({ id, amount: { amount: 100, currency: 'USD' }, availableAt: instant(Date.parse(at)) })
    const f = s.freelancer
    if (f === null) throw new Error('the busy freelancer has a profile')
    const later = redecode({ ...s, freelancer: { ...f, earnings: { ...f.earnings, pending: [due('pay-b'), due('pay-a')] } } })
    const waits = closureSteps(later).flatMap((x) => (x._tag === 'WaitUntil' ? [x] : []))
    expect(waits.map((w) => [new Date(w.at).toISOString(), w.reasons.map((r) => (r._tag === 'PaymentAvailable' ? r.paymentId : r.contractId))])).toEqual([
      [at, ['pay-a', 'pay-b']],
    ])
  })

  it('an unknown agency: no steps at all', () => {
    expect(closureSteps(example('agency-owner'), agencyTarget('nope'))).toEqual([])
  })

  it('everything at once: waits in time order, members after contracts, billing methods after payment', () => {
    const steps = plan(example('everything'))
    const waits = steps.filter((s) => s.startsWith('WaitUntil'))
    expect(waits).toEqual([
      'WaitUntil 2026-11-20T12:00:00.000Z',
      'WaitUntil 2026-11-23T00:00:00.000Z',
      'WaitUntil 2026-11-25T00:00:00.000Z',
    ])
    const first = steps.indexOf(waits[0] as string)
    expect(steps.slice(0, first)).toContain('ResolveDispute')
    expect(steps.indexOf('RemoveMember u-2')).toBeGreaterThan(steps.indexOf('EndContract c-10'))
    expect(steps.indexOf('RemoveBillingMethod')).toBeGreaterThan(steps.indexOf('PayBalance Company'))
  })

  it('the client-invoice option moves the billing wait to Monday 12:00 UTC', () => {
    const steps = closureSteps(example('client-owner-mid-week'), undefined, { billingCycleEnd: 'client-invoice' })
    expect(steps.filter((s) => s._tag === 'WaitUntil').map(brief)).toEqual(['WaitUntil 2026-11-23T12:00:00.000Z'])
  })
})

describe('orderSteps', () => {
  it('puts a step after the steps it is linked to even when its priority is higher', () => {
    const steps = closureSteps(example('client-owner-mid-week')).filter((s) => s.kind !== 'procedure')
    // the plan's links: a rule's chain, in order
    const at = (tag: string) => steps.findIndex((s) => s._tag === tag)
    const reordered = orderSteps(
      [...steps].reverse(),
      ORDER,
      [
        steps.length - 1 - at('EndContract'),
        steps.length - 1 - at('WaitUntil'),
        steps.length - 1 - at('WaitUntil'),
        steps.length - 1 - at('PayBalance'),
      ],
      priority,
    )
    expect(reordered.map((s) => s._tag)).toEqual(steps.map((s) => s._tag))
  })
})

describe('consequencesOf', () => {
  it('both profiles close when a freelancer owns a company; memberships are left', () => {
    const s = example('everything')
    expect(consequencesOf(s, pathOf(s), accountTarget).map((c) => c._tag)).toEqual(['AccountClosedPermanently', 'BothProfilesClosed', 'LeavesTeam', 'LeavesTeam'])
  })
  it('closing an agency deletes it and keeps the freelancer profile', () => {
    expect(consequencesOf(example('agency-owner'), 'CloseAgency', agencyTarget('ag-1')).map((c) => c._tag)).toEqual([
      'AgencyProfileDeleted',
      'FreelancerProfileKept',
      'JobSuccessScoreRecalculated',
    ])
  })
})

describe("an app's own steps in the plan", () => {
  type Own = {
    readonly _tag: 'PayFee' | 'ArchiveFiles'
    readonly kind: 'remedy' | 'advice'
    readonly resolves: ReadonlyArray<string>
    readonly scope?: CompanyScope | AgencyScope
    readonly subject?: string
  }
  const feeUnpaid = defineBlocker({ tag: 'FeeUnpaid', rule: 'fees-paid', words: (_: { readonly scope: AgencyScope; readonly subject: string }) => 'A fee is unpaid.' })
  const payFee = defineStep({ tag: 'PayFee', kind: 'remedy', rule: 'fees-paid', words: () => 'Pay the fee.' })
  const archiveFiles = defineStep({ tag: 'ArchiveFiles', kind: 'advice', words: () => 'Archive the files.' })
  const company: CompanyScope = { _tag: 'Company', companyId: 'co-1' }
  const agency: AgencyScope = { _tag: 'Agency', agencyId: 'ag-1' }
  const own = (fields: Omit<Own, 'resolves'>): Own => ({ resolves: ['fees-paid'], ...fields })
  const mine: ReadonlyArray<Own> = [
    own({ _tag: 'ArchiveFiles', kind: 'advice', scope: agency }),
    own({ _tag: 'PayFee', kind: 'remedy', scope: company, subject: 'fee-2' }),
    own({ _tag: 'PayFee', kind: 'remedy', scope: company }),
    own({ _tag: 'PayFee', kind: 'remedy' }),
  ]
  // one blocker per step, so that no step has to follow another of the same blocker
  const feesPaid = defineRule({
    id: 'fees-paid',
    paths: ['CloseAccount'],
    // (one blocker's only step is advice: a blocker the user clears alone would need a remedy)
    clearable: false,
    blockers: [feeUnpaid],
    steps: [payFee, archiveFiles],
    check: () => mine.map((_, i) => feeUnpaid({ scope: agency, subject: String(i) })),
    clear: (b) => [mine[Number(b.subject)] as Own as ReturnType<typeof payFee>],
  })
  it('remedies read after the built-in remedies, advice after the built-in advice, each by scope and subject', () => {
    const agencyOwner = example('agency-owner')
    const [ag] = agencyOwner.agencies
    if (ag === undefined) throw new Error('no agency')
    // an agency that can close at once: nothing to wait for or to withdraw
    const s = redecode({
      ...agencyOwner,
      agencies: [{ ...ag, earnings: { pending: [], available: { amount: 0, currency: 'EUR' } } }],
      subscriptions: [{ id: 's-1', plan: 'Plus', status: 'active' as const }],
    })
    const steps = closureWith([...defaultRules, feesPaid])
      .closureSteps(s)
      .map((x) => `${x._tag}${x.scope === undefined ? '' : ` ${x.scope._tag}`}${x.subject === undefined ? '' : ` ${x.subject}`}`)
    const from = steps.indexOf('CloseAgency ag-1')
    expect(steps.slice(from, from + 8)).toEqual([
      'CloseAgency ag-1',
      'PayFee',
      'PayFee Company',
      'PayFee Company fee-2',
      'CancelSubscription s-1',
      'RemovePersonalDetails',
      'BackUpRecords',
      // advice of its own, even about the agency that closes: it need not come first
      'ArchiveFiles Agency',
    ])
    expect(steps.indexOf('ArchiveFiles Agency')).toBeLessThan(steps.findIndex((x) => x.startsWith('Navigate')))
  })
})
