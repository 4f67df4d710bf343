/**
 * The declarations the plan is built from, read on their own: what each step constructor makes,
 * which steps each ordering rule links, and how scopes are keyed. The plan tests reach these only
 * through the order they produce, where a priority can hide a missing link.
 */
import { describe, expect, it } from 'vitest'

import { instant } from '../src/model/Instant.js'
import { agencyScope, companyScope, freelancerScope, sameScope, scopeKey } from '../src/model/Scope.js'
import type { Dependency } from '../src/engine/priority.js'
import type { BillingWeekEnds, PaymentAvailable, Scope, Step } from '../src/index.js'
import { targetExists } from '../src/index.js'
import * as S from './steps.js'
import { ORDER } from './steps.js'
import type { CompanyScope } from '../src/model/Scope.js'

const week = (scope: CompanyScope, contractId: string): BillingWeekEnds => ({
  _tag: 'BillingWeekEnds',
  rule: 'billing-cycle-ended',
  scope,
  subject: contractId,
  contractId,
})
const payment = (scope: Scope, paymentId: string): PaymentAvailable => ({
  _tag: 'PaymentAvailable',
  rule: 'payments-received',
  scope,
  subject: paymentId,
  paymentId,
})

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
      S.endContract(co, 'k', 'hourly', 'active'),
      S.closeJob(co, 'j'),
      S.removeMember(co, 'u'),
      S.withdrawFunds(fr),
      S.payBalance(co, false),
      S.closeAgency('ag'),
      S.waitUntil(instant(1), [week(co, 'k')]),
      S.waitUntil(instant(2), [payment(fr, 'p')]),
      S.waitUntil(instant(3), [payment(fr, 'p'), week(co, 'k')]),
      S.cancelSubscription('s'),
      S.removeBillingMethod('b'),
      S.removePersonalDetails,
      S.backUpRecords,
      S.navigate(['Settings']),
      S.chooseClose('Close account'),
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
    endHourlyCo: S.endContract(co, 'k1', 'hourly', 'active'),
    endFixedCo: S.endContract(co, 'k2', 'fixed', 'paused'),
    endHourlyFr: S.endContract(fr, 'k3', 'hourly', 'active'),
    endAg: S.endContract(ag, 'k4', 'hourly', 'pending'),
    billingWait: S.waitUntil(instant(10), [week(co, 'k1')]),
    otherBillingWait: S.waitUntil(instant(11), [week(companyScope('co2'), 'k9')]),
    paymentWaitFr: S.waitUntil(instant(20), [payment(fr, 'p1')]),
    pay: S.payBalance(co, true),
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

  it('each order a rule declares links exactly the steps it names', () => {
    const dependencies = ORDER.flatMap((r) => (r._tag === 'Dependency' ? [r] : []))
    const byRule = new Map<string, Array<string>>()
    for (const r of dependencies) {
      const rule = r.name.split(' ')[0] ?? ''
      byRule.set(rule, [...(byRule.get(rule) ?? []), ...links(r)])
    }
    expect(Object.fromEntries([...byRule].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      // a team's members are removed after its contracts end
      'members-removed': ['endAg → removeAg', 'endFixedCo → removeCo', 'endHourlyCo → removeCo'],
      // an agency's remedies precede its closing
      'agency-closed-first': ['endAg → closeAg', 'proposalAg → closeAg', 'removeAg → closeAg', 'withdrawAg → closeAg'],
      // billing methods are removed after every balance is paid
      'billing-paid': ['pay → billingMethod'],
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

describe('target-exists', () => {
  it('has no step for an unknown target: nothing the user can do', () => {
    expect(targetExists.clear({ _tag: 'UnknownTarget', rule: 'target-exists', subject: 'x', agencyId: 'x' }, undefined as never)).toEqual([])
  })
})
