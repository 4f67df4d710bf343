/**
 * The declarations the plan is built from, read on their own: what each step constructor makes,
 * which steps each ordering rule links, and how scopes are keyed. The plan tests reach these only
 * through the order they produce, where a priority can hide a missing link.
 */
import { describe, expect, it } from 'vitest'

import { agencyScope, companyScope, freelancerScope, instant, ORDER, remediesFor, sameScope, scopeKey } from '../src/index.js'
import type { Dependency, Scope, Step } from '../src/index.js'
import * as S from '../src/plan/Step.js'

const co = companyScope('co')
const ag = agencyScope('ag')
const fr = freelancerScope

describe('step constructors', () => {
  it('give each step its kind and the rule ids it clears (SPEC §4)', () => {
    const steps: ReadonlyArray<Step> = [
      S.setSecurityQuestion,
      S.contactSupport,
      S.resolveDispute('d'),
      S.contactOwner(ag),
      S.contactAdmin(co, ['a']),
      S.withdrawProposal(fr, 'p'),
      S.declineOffer(fr, 'p'),
      S.endContract(co, 'k', 'hourly'),
      S.closeJob(co, 'j'),
      S.removeMember(co, 'u'),
      S.withdrawFunds(fr),
      S.payBalance(co),
      S.closeAgency('ag'),
      S.waitUntil(instant(1), [{ _tag: 'BillingWeekEnds', scope: co, contractId: 'k' }]),
      S.waitUntil(instant(2), [{ _tag: 'PaymentAvailable', scope: fr, paymentId: 'p' }]),
      S.waitUntil(instant(3), [
        { _tag: 'PaymentAvailable', scope: fr, paymentId: 'p' },
        { _tag: 'BillingWeekEnds', scope: co, contractId: 'k' },
      ]),
      S.cancelSubscription('s'),
      S.removeBillingMethod('b'),
      S.removePersonalDetails,
      S.backUpRecords,
      S.navigate(['Settings']),
      S.chooseClose,
      S.answerSecurityQuestion,
      S.verifyEmail,
      S.confirm,
      S.leaveTeam(co),
    ]
    expect(steps.map((s) => `${s._tag} ${s.kind} [${s.resolves.join(' ')}]`)).toEqual([
      'SetSecurityQuestion remedy [security-question]',
      'ContactSupport remedy [good-standing]',
      'ResolveDispute remedy [disputes-resolved]',
      'ContactOwner remedy [owner-only]',
      'ContactAdmin remedy [member-needs-admin]',
      'WithdrawProposal remedy [proposals-withdrawn]',
      'DeclineOffer remedy [proposals-withdrawn]',
      'EndContract remedy [contracts-ended]',
      'CloseJob remedy [jobs-closed]',
      'RemoveMember remedy [members-removed]',
      'WithdrawFunds remedy [funds-withdrawn]',
      'PayBalance remedy [billing-paid]',
      'CloseAgency remedy [agency-closed-first]',
      'WaitUntil wait [billing-cycle-ended]',
      'WaitUntil wait [payments-received]',
      'WaitUntil wait [billing-cycle-ended payments-received]',
      'CancelSubscription advice []',
      'RemoveBillingMethod advice []',
      'RemovePersonalDetails advice []',
      'BackUpRecords advice []',
      'Navigate procedure []',
      'ChooseClose procedure []',
      'AnswerSecurityQuestion procedure []',
      'VerifyEmail procedure []',
      'Confirm procedure []',
      'LeaveTeam procedure []',
    ])
  })
})

describe('the declared order', () => {
  // A sample of steps of every kind a dependency mentions, named for reading.
  const sample: Readonly<Record<string, Step>> = {
    endHourlyCo: S.endContract(co, 'k1', 'hourly'),
    endFixedCo: S.endContract(co, 'k2', 'fixed'),
    endHourlyFr: S.endContract(fr, 'k3', 'hourly'),
    endAg: S.endContract(ag, 'k4', 'hourly'),
    billingWait: S.waitUntil(instant(10), [{ _tag: 'BillingWeekEnds', scope: co, contractId: 'k1' }]),
    otherBillingWait: S.waitUntil(instant(11), [{ _tag: 'BillingWeekEnds', scope: companyScope('co2'), contractId: 'k9' }]),
    paymentWaitFr: S.waitUntil(instant(20), [{ _tag: 'PaymentAvailable', scope: fr, paymentId: 'p1' }]),
    pay: S.payBalance(co),
    withdrawFr: S.withdrawFunds(fr),
    withdrawAg: S.withdrawFunds(ag),
    removeCo: S.removeMember(co, 'u1'),
    removeAg: S.removeMember(ag, 'u2'),
    proposalAg: S.withdrawProposal(ag, 'p'),
    proposalFr: S.withdrawProposal(fr, 'q'),
    closeAg: S.closeAgency('ag'),
    billingMethod: S.removeBillingMethod('bm'),
    job: S.closeJob(co, 'j'),
  }
  const links = (rule: Dependency): ReadonlyArray<string> => {
    const out: Array<string> = []
    for (const [a, sa] of Object.entries(sample))
      for (const [b, sb] of Object.entries(sample)) {
        const keys = rule.after(sb)
        if (rule.before(sa).some((k) => keys.includes(k))) out.push(`${a} → ${b}`)
      }
    return out
  }

  it('each dependency links exactly the steps its name says', () => {
    const dependencies = ORDER.flatMap((r) => (r._tag === 'Dependency' ? [r] : []))
    expect(Object.fromEntries(dependencies.map((r) => [r.name, links(r)]))).toEqual({
      "ending an owned company's hourly contract starts its billing wait": ['endHourlyCo → billingWait'],
      "a company's balance is paid after its billing waits": ['billingWait → pay'],
      'funds are withdrawn after the pending payments of their scope arrive': ['paymentWaitFr → withdrawFr'],
      "a team's members are removed after its contracts end": [
        'endHourlyCo → removeCo',
        'endFixedCo → removeCo',
        'endAg → removeAg',
      ],
      "an agency's remedies precede its closing": [
        'endAg → closeAg',
        'withdrawAg → closeAg',
        'removeAg → closeAg',
        'proposalAg → closeAg',
      ],
      'billing methods are removed after every balance is paid': ['pay → billingMethod'],
    })
  })

  it('the only sequence ranks waits by their instant and nothing else', () => {
    const sequences = ORDER.flatMap((r) => (r._tag === 'Sequence' ? [r] : []))
    expect(sequences).toHaveLength(1)
    const ranks = Object.entries(sample).flatMap(([name, s]) => {
      const rank = sequences[0]?.rank(s)
      return rank === undefined ? [] : [[name, rank]]
    })
    expect(Object.fromEntries(ranks)).toEqual({ billingWait: 10, otherBillingWait: 11, paymentWaitFr: 20 })
  })
})

describe('scopes', () => {
  it('scopeKey orders the freelancer, then companies, then agencies, each by id', () => {
    const scopes: ReadonlyArray<Scope> = [agencyScope('a'), companyScope('b'), fr, companyScope('a'), agencyScope('0')]
    const sorted = [...scopes].sort((a, b) => (scopeKey(a) < scopeKey(b) ? -1 : 1))
    expect(sorted).toEqual([fr, companyScope('a'), companyScope('b'), agencyScope('0'), agencyScope('a')])
  })
  it('sameScope tells scopes apart by kind and id, a company and an agency of one id included', () => {
    expect(sameScope(companyScope('x'), companyScope('x'))).toBe(true)
    expect(sameScope(fr, freelancerScope)).toBe(true)
    expect(sameScope(companyScope('x'), agencyScope('x'))).toBe(false)
    expect(sameScope(companyScope('x'), companyScope('y'))).toBe(false)
    expect(sameScope(fr, companyScope(''))).toBe(false)
    expect(new Set([fr, co, ag, companyScope('ag'), agencyScope('co')].map(scopeKey)).size).toBe(5)
  })
})

describe('remediesFor', () => {
  it('has no remedy for an unknown target: nothing the user can do', () => {
    const facts = { asOf: instant(0), billingCycleEnd: 'week-end' as const }
    expect(remediesFor([{ _tag: 'UnknownTarget', rule: 'target-exists', agencyId: 'x' }], facts)).toEqual([])
  })
})
