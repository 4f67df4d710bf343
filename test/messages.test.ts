/**
 * Every word of the English catalogue, pinned: one sample of each blocker, step, wait reason,
 * consequence and alternative, in UTC and in a zone west of it.
 */
import { describe, expect, it } from 'vitest'

import { defaultRules, defineBlocker, defineRule, en, formatIn, onPaths } from '../src/index.js'
import type { Alternative, BillingWeekEnds, Blocker, Consequence, Format, PaymentAvailable, Step } from '../src/index.js'
import { instant } from '../src/model/Instant.js'
import * as S from './steps.js'

const co = { _tag: 'Company', companyId: 'co-1' } as const
const ag = { _tag: 'Agency', agencyId: 'ag-1' } as const
const fr = { _tag: 'Freelancer' } as const
const usd = (amount: number) => ({ amount, currency: 'USD' })
const monday = instant(Date.UTC(2026, 10, 23))
const late = instant(Date.UTC(2026, 10, 25, 10, 59, 59))

const blockers: ReadonlyArray<Blocker> = [
  { _tag: 'SecurityQuestionMissing', rule: 'security-question' },
  { _tag: 'NotInGoodStanding', rule: 'good-standing', standing: 'on_hold' },
  { _tag: 'NotInGoodStanding', rule: 'good-standing', standing: 'suspended' },
  { _tag: 'DisputeUnresolved', rule: 'disputes-resolved', subject: 'd-1', disputeId: 'd-1' },
  { _tag: 'NotOwner', rule: 'owner-only', scope: ag, role: 'admin' },
  { _tag: 'UnknownTarget', rule: 'target-exists', subject: 'ag-9', agencyId: 'ag-9' },
  { _tag: 'AdminMustRemove', rule: 'member-needs-admin', scope: co, contacts: ['u-2', 'u-4'] },
  { _tag: 'AdminMustRemove', rule: 'member-needs-admin', scope: ag, contacts: [] },
  { _tag: 'AgencyOpen', rule: 'agency-closed-first', subject: 'ag-1', agencyId: 'ag-1' },
  { _tag: 'MemberRemains', rule: 'members-removed', scope: co, subject: 'u-2', userId: 'u-2', role: 'manager' },
  { _tag: 'ContractOpen', rule: 'contracts-ended', scope: fr, subject: 'c-1', contractId: 'c-1', contractType: 'hourly', status: 'paused' },
  { _tag: 'BillingCycleOpen', rule: 'billing-cycle-ended', scope: co, subject: 'c-9', contractId: 'c-9', endsAt: monday },
  { _tag: 'JobOpen', rule: 'jobs-closed', scope: co, subject: 'j-1', jobId: 'j-1' },
  { _tag: 'BillingOutstanding', rule: 'billing-paid', scope: co, amount: usd(35005) },
  { _tag: 'ProposalOpen', rule: 'proposals-withdrawn', scope: fr, subject: 'p-1', proposalId: 'p-1', status: 'submitted' },
  { _tag: 'ProposalOpen', rule: 'proposals-withdrawn', scope: ag, subject: 'p-2', proposalId: 'p-2', status: 'offer' },
  { _tag: 'PaymentPending', rule: 'payments-received', scope: fr, subject: 'pay-1', paymentId: 'pay-1', amount: usd(12050), availableAt: late },
  { _tag: 'FundsAvailable', rule: 'funds-withdrawn', scope: ag, amount: usd(5) },
]

const reasons: ReadonlyArray<PaymentAvailable | BillingWeekEnds> = [
  { _tag: 'PaymentAvailable', rule: 'payments-received', scope: fr, subject: 'pay-1', paymentId: 'pay-1' },
  { _tag: 'BillingWeekEnds', rule: 'billing-cycle-ended', scope: co, subject: 'c-9', contractId: 'c-9' },
]

const steps: ReadonlyArray<Step> = [
  S.setSecurityQuestion,
  S.contactSupport,
  S.resolveDispute('d-1'),
  S.contactOwner(ag),
  S.contactAdmin(co, ['u-2']),
  S.withdrawProposal(fr, 'p-1'),
  S.declineOffer(ag, 'p-2'),
  S.endContract(fr, 'c-1', 'hourly', 'active'),
  S.endContract(fr, 'c-2', 'fixed', 'paused'),
  S.endContract(co, 'c-3', 'hourly', 'active'),
  S.closeJob(co, 'j-1'),
  S.removeMember(ag, 'u-5'),
  S.withdrawFunds(fr),
  S.payBalance(co, true),
  S.payBalance(co, false),
  S.closeAgency('ag-1'),
  S.waitUntil(late, reasons),
  S.cancelSubscription('s-1'),
  S.removeBillingMethod('bm-1'),
  S.removePersonalDetails,
  S.backUpRecords,
  S.navigate(['Settings', 'Account management and control']),
  S.navigate(['Settings', 'My Info']),
  S.chooseClose('Close account'),
  S.chooseClose('Close my agency'),
  S.answerSecurityQuestion,
  S.verifyEmail,
  S.confirm,
  S.leaveTeam(co),
]

const consequences: ReadonlyArray<Consequence> = [
  { _tag: 'AccountClosedPermanently' },
  { _tag: 'BothProfilesClosed' },
  { _tag: 'LeavesTeam', scope: ag },
  { _tag: 'AgencyProfileDeleted' },
  { _tag: 'FreelancerProfileKept' },
  { _tag: 'JobSuccessScoreRecalculated' },
]
const alternatives: ReadonlyArray<Alternative> = [{ _tag: 'KeepUnusedProfile' }, { _tag: 'Deactivate' }, { _tag: 'TalkToSupport' }]

const say = <U extends { readonly _tag: string }>(messages: object, item: U, zone = 'UTC'): string => {
  const f: Format = { ...formatIn(zone), reason: (r) => say(en, r, zone) }
  return (messages[item._tag as keyof typeof messages] as (item: U, f: Format) => string)(item, f)
}

describe('the English catalogue, word for word', () => {
  it('blockers', () => {
    expect(blockers.map((b) => say(en, b))).toMatchInlineSnapshot(`
      [
        "No security question is set; closing asks you to answer one (if you ever forget the answer, support can help).",
        "The account is on hold; only support can help close it.",
        "The account is suspended; only support can help close it.",
        "Dispute d-1 is still open.",
        "Only the owner can close agency ag-1; your role there is admin.",
        "There is no agency ag-9 in this account.",
        "As a plain member of company co-1 you cannot leave it yourself; its admins can remove you (u-2, u-4).",
        "As a plain member of agency ag-1 you cannot leave it yourself; its admins can remove you (nobody listed).",
        "You own the agency ag-1; it has to be closed before the account.",
        "u-2 (manager) is still a member of company co-1.",
        "Contract c-1 (hourly) of your freelancer work is still paused.",
        "Hourly contract c-9 of company co-1 is in its last billing cycle until 2026-11-23 00:00 UTC.",
        "Job j-1 of company co-1 is still open.",
        "Company co-1 has USD 350.05 of billing outstanding.",
        "Proposal p-1 of your freelancer work is still submitted.",
        "Offer p-2 to agency ag-1 is waiting for an answer.",
        "Payment pay-1 of USD 120.50 to your freelancer work is pending until 2026-11-25 11:00 UTC.",
        "USD 0.05 of agency ag-1 is still to be withdrawn.",
      ]
    `)
  })
  it('steps', () => {
    expect(steps.map((s) => say(en, s))).toMatchInlineSnapshot(`
      [
        "Set a security question and its answer in your settings (if you forget the answer later, support can help).",
        "Contact support about the standing of your account.",
        "Resolve dispute d-1.",
        "Ask the owner of agency ag-1 to close it.",
        "Ask an admin of company co-1 to remove you (u-2).",
        "Withdraw proposal p-1 of your freelancer work.",
        "Decline offer p-2 to agency ag-1.",
        "End hourly contract c-1 of your freelancer work. Tell the client first and agree on the next steps.",
        "End fixed contract c-2 of your freelancer work.",
        "End hourly contract c-3 of company co-1.",
        "Close job j-1 of company co-1.",
        "Remove u-5 from agency ag-1.",
        "Withdraw the available funds of your freelancer work (withdrawals are made under Get Paid).",
        "Pay the outstanding balance of company co-1, including the last invoice of hourly work.",
        "Pay the outstanding balance of company co-1.",
        "Close the agency ag-1 (Settings › Agency Profile).",
        "Wait until 2026-11-25 11:00 UTC: payment pay-1 becomes available; the billing week of contract c-9 ends.",
        "Cancel subscription s-1 to avoid further charges.",
        "Remove billing method bm-1.",
        "Remove personal details you do not want kept (full name, address, phone number).",
        "Back up the messages, contracts and invoices you want to keep.",
        "Go to Settings › Account management and control. (Older guides call it Settings › Contact Info.)",
        "Go to Settings › My Info.",
        "Choose "Close account".",
        "Choose "Close my agency".",
        "Answer your security question.",
        "Open the verification email, if one is sent, and follow its link.",
        "Confirm.",
        "Leave company co-1 (Leave Team under Actions).",
      ]
    `)
  })
  it('consequences and alternatives', () => {
    expect([...consequences.map((c) => say(en, c)), ...alternatives.map((a) => say(en, a))]).toMatchInlineSnapshot(`
      [
        "The account is closed for good: it cannot be reopened, and its profile, work history, feedback, ongoing contracts and proposals are lost.",
        "Both your freelancer and your client profile close.",
        "You leave the agency ag-1.",
        "The agency profile is deleted.",
        "Your freelancer profile and your client account stay, no longer tied to the agency.",
        "Your Job Success Score is recalculated from your own contracts, including agency contracts you worked on.",
        "Closing closes the whole account, freelancer work and client teams alike. If you still need one side, keep the account and leave the other unused.",
        "If you may come back, deactivate instead: your profile and history are kept. Closing cannot be undone.",
        "If a problem with the platform is the reason, talk to support first: they may be able to solve it.",
      ]
    `)
  })
  it('instants in a zone west of UTC, rounded up to the minute', () => {
    expect(say(en, S.waitUntil(late, reasons), 'America/New_York')).toMatchInlineSnapshot(`"Wait until 2026-11-25 06:00 America/New_York: payment pay-1 becomes available; the billing week of contract c-9 ends."`)
    expect(say(en, blockers[11] as Blocker, 'America/New_York')).toMatchInlineSnapshot(`"Hourly contract c-9 of company co-1 is in its last billing cycle until 2026-11-22 19:00 America/New_York."`)
  })
})

describe('the words each built-in rule carries', () => {
  it('are the words of the English catalogue, for every blocker, defined by the rule that finds it', () => {
    const f: Format = { ...formatIn('UTC'), reason: (r) => say(en, r) }
    for (const b of blockers) {
      const rule = defaultRules.find((r) => r.id === b.rule)
      const d = rule?.blockers.find((x) => x.tag === b._tag)
      expect((d?.words as ((b: Blocker, f: Format) => string) | undefined)?.(b, f), b._tag).toBe(say(en, b))
    }
  })
  it('each tag is defined once: the definitions of the default rules have distinct tags, or are the same object', () => {
    const byTag = new Map<string, unknown>()
    for (const r of defaultRules)
      for (const d of [...r.blockers, ...r.steps, ...r.reasons]) {
        const seen = byTag.get(d.tag)
        if (seen !== undefined) expect(seen, d.tag).toBe(d)
        byTag.set(d.tag, d)
      }
    expect(byTag.size).toBeGreaterThan(25)
  })
})

describe('defineRule', () => {
  const feeUnpaid = defineBlocker({ tag: 'FeeUnpaid', rule: 'fees-paid', words: () => 'A fee is unpaid.' })
  const base = { id: 'fees-paid', paths: ['CloseAccount'], blockers: [feeUnpaid], check: () => [], clear: () => [] } as const
  it('defaults: no gate, clearable by the user, no instant fields, no order, no date that may move', () => {
    const rule = defineRule(base)
    expect([rule.gate, rule.clearable, rule.instants, rule.follows, rule.precedes, rule.needless, rule.mayMove, rule.rank]).toEqual([
      'none',
      true,
      [],
      [],
      [],
      [],
      undefined,
      undefined,
    ])
  })
  it('refuses what is not a rule: an empty id, a bad order, a bad mayMove, a bad extension', () => {
    expect(() => defineRule({ ...base, id: '' })).toThrow(TypeError)
    expect(() => defineRule({ ...base, follows: [{ step: 'X', scope: 'some' as 'any' }] })).toThrow(/follows/)
    expect(() => defineRule({ ...base, mayMove: { because: 1 as unknown as string } })).toThrow(/mayMove/)
    expect(() => defineRule({ ...base, extension: { key: '', codec: undefined as never } })).toThrow(/extension/)
  })
})

describe('onPaths', () => {
  it('asks its precondition only on the paths named', () => {
    const p = onPaths('CloseAgency')(() => ['x'])
    expect([p({ path: 'CloseAgency' }), p({ path: 'CloseAccount' })]).toEqual([['x'], []])
  })
})
