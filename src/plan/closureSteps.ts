/**
 * `closureSteps`: the ordered plan from the blockers to the closed account (SPEC §4).
 *
 * @since 0.1.0
 */
import { billingCycleEnd } from '../billing/week.js'
import type { AccountSnapshot } from '../model/codecs.js'
import type { Instant } from '../model/Instant.js'
import { agencyScope, companyScope, scopeKey } from '../model/Scope.js'
import type { CompanyScope, Scope, TeamScope } from '../model/Scope.js'
import type { Target } from '../model/Target.js'
import type { Blocker } from '../rules/Blocker.js'
import { blockersOf } from '../rules/canClose.js'
import { closureFacts } from '../rules/facts.js'
import type { ClosureFacts, ClosureOptions } from '../rules/facts.js'
import { defaultPolicy } from '../rules/policy.js'
import { ORDER } from './dependencies.js'
import { orderSteps } from './order.js'
import {
  answerSecurityQuestion,
  backUpRecords,
  cancelSubscription,
  chooseClose,
  closeAgency,
  closeJob,
  confirm,
  contactAdmin,
  contactOwner,
  contactSupport,
  declineOffer,
  endContract,
  leaveTeam,
  navigate,
  payBalance,
  removeBillingMethod,
  removeMember,
  removePersonalDetails,
  resolveDispute,
  setSecurityQuestion,
  verifyEmail,
  waitUntil,
  withdrawFunds,
  withdrawProposal,
} from './Step.js'
import type { Procedure, Step, WaitReason } from './Step.js'

// -------------------------------------------------------------------------------------
// from blockers to steps
// -------------------------------------------------------------------------------------

interface Gathered {
  readonly steps: Array<Step>
  readonly payBalance: Map<string, CompanyScope>
  readonly withdrawFunds: Map<string, Scope>
  readonly waits: Map<Instant, Array<WaitReason>>
}

const addWait = (g: Gathered, at: Instant, reason: WaitReason): void => {
  const list = g.waits.get(at)
  if (list === undefined) g.waits.set(at, [reason])
  else list.push(reason)
}

const gather = (g: Gathered, b: Blocker, facts: Pick<ClosureFacts, 'asOf' | 'billingCycleEnd'>): void => {
  switch (b._tag) {
    case 'SecurityQuestionMissing':
      return void g.steps.push(setSecurityQuestion)
    case 'NotInGoodStanding':
      return void g.steps.push(contactSupport)
    case 'DisputeUnresolved':
      return void g.steps.push(resolveDispute(b.disputeId))
    case 'NotOwner':
      return void g.steps.push(contactOwner(b.scope))
    case 'UnknownTarget':
      return
    case 'AdminMustRemove':
      return void g.steps.push(contactAdmin(b.scope, b.contacts))
    case 'AgencyOpen':
      return void g.steps.push(closeAgency(b.agencyId))
    case 'MemberRemains':
      return void g.steps.push(removeMember(b.scope, b.userId))
    case 'ContractOpen': {
      g.steps.push(endContract(b.scope, b.contractId, b.contractType))
      if (b.scope._tag === 'Company' && b.contractType === 'hourly') {
        addWait(g, billingCycleEnd(facts.asOf, facts.billingCycleEnd), {
          _tag: 'BillingWeekEnds',
          scope: b.scope,
          contractId: b.contractId,
        })
        g.payBalance.set(scopeKey(b.scope), b.scope)
      }
      return
    }
    case 'BillingCycleOpen':
      addWait(g, b.endsAt, { _tag: 'BillingWeekEnds', scope: b.scope, contractId: b.contractId })
      return void g.payBalance.set(scopeKey(b.scope), b.scope)
    case 'JobOpen':
      return void g.steps.push(closeJob(b.scope, b.jobId))
    case 'BillingOutstanding':
      return void g.payBalance.set(scopeKey(b.scope), b.scope)
    case 'ProposalOpen':
      return void g.steps.push(
        b.status === 'offer' ? declineOffer(b.scope, b.proposalId) : withdrawProposal(b.scope, b.proposalId),
      )
    case 'PaymentPending':
      addWait(g, b.availableAt, { _tag: 'PaymentAvailable', scope: b.scope, paymentId: b.paymentId })
      return void g.withdrawFunds.set(scopeKey(b.scope), b.scope)
    case 'FundsAvailable':
      return void g.withdrawFunds.set(scopeKey(b.scope), b.scope)
  }
}

const reasonKey = (r: WaitReason): string =>
  `${scopeKey(r.scope)}/${r._tag === 'PaymentAvailable' ? r.paymentId : r.contractId}`
const compareReasons = (a: WaitReason, b: WaitReason): number => (reasonKey(a) < reasonKey(b) ? -1 : reasonKey(a) > reasonKey(b) ? 1 : 0)

/**
 * The remedies and waits that clear these blockers, unordered: one step per blocker, except
 * one `WithdrawFunds` per scope, one `PayBalance` per company and one `WaitUntil` per instant.
 *
 * @category plan
 * @since 0.1.0
 */
export const remediesFor = (
  blockers: ReadonlyArray<Blocker>,
  facts: Pick<ClosureFacts, 'asOf' | 'billingCycleEnd'>,
): ReadonlyArray<Step> => {
  const g: Gathered = { steps: [], payBalance: new Map(), withdrawFunds: new Map(), waits: new Map() }
  for (const b of blockers) gather(g, b, facts)
  for (const scope of g.payBalance.values()) g.steps.push(payBalance(scope))
  for (const scope of g.withdrawFunds.values()) g.steps.push(withdrawFunds(scope))
  for (const [at, reasons] of g.waits) g.steps.push(waitUntil(at, [...reasons].sort(compareReasons)))
  return g.steps
}

/**
 * Advice for account paths: cancel active subscriptions, remove billing methods, remove
 * personal details, back up records.
 *
 * @category plan
 * @since 0.1.0
 */
export const adviceFor = (snapshot: AccountSnapshot): ReadonlyArray<Step> => [
  ...snapshot.subscriptions.filter((s) => s.status === 'active').map((s) => cancelSubscription(s.id)),
  ...snapshot.billingMethods.map((m) => removeBillingMethod(m.id)),
  removePersonalDetails,
  backUpRecords,
]

/**
 * The path's own procedure (SPEC §2).
 *
 * @category plan
 * @since 0.1.0
 */
export const procedureFor = (facts: Pick<ClosureFacts, 'snapshot' | 'path'>): ReadonlyArray<Procedure> => {
  const s = facts.snapshot
  switch (facts.path) {
    case 'CloseAccount':
      return [
        navigate(['Settings', s.freelancer !== null ? 'Account management and control' : 'My Info']),
        chooseClose,
        answerSecurityQuestion,
        verifyEmail,
        confirm,
      ]
    case 'LeaveTeams': {
      const teams: Array<TeamScope> = [
        ...s.companies.filter((c) => c.role === 'admin' || c.role === 'manager').map((c) => companyScope(c.id)),
        ...s.agencies.filter((a) => a.role === 'admin').map((a) => agencyScope(a.id)),
      ]
      teams.sort((a, b) => (scopeKey(a) < scopeKey(b) ? -1 : 1))
      return [navigate(['Settings', 'My Teams']), ...teams.map(leaveTeam)]
    }
    case 'CloseAgency':
      return [navigate(['Settings', 'Agency Profile']), chooseClose, answerSecurityQuestion, confirm]
  }
}

/**
 * The whole plan for these blockers: remedies, waits and advice in an order that respects
 * {@link ORDER}, then the procedure. Empty when the target does not exist.
 *
 * @category plan
 * @since 0.1.0
 */
export const planFor = (blockers: ReadonlyArray<Blocker>, facts: ClosureFacts): ReadonlyArray<Step> => {
  if (blockers.some((b) => b._tag === 'UnknownTarget')) return []
  const advice = facts.target._tag === 'Account' ? adviceFor(facts.snapshot) : []
  return [...orderSteps([...remediesFor(blockers, facts), ...advice], ORDER), ...procedureFor(facts)]
}

/**
 * The ordered steps from the snapshot to a closed account (or agency): what can be done now,
 * then each wait in time order with what it unlocks, then the path's procedure. The same facts
 * always give the same plan.
 *
 * @example
 * closureSteps(snapshot).map((s) => s._tag)
 * // ['EndContract', 'WaitUntil', 'PayBalance', ..., 'Navigate', 'ChooseClose', 'AnswerSecurityQuestion', 'VerifyEmail', 'Confirm']
 *
 * @category plan
 * @since 0.1.0
 */
export const closureSteps = (
  snapshot: AccountSnapshot,
  target?: Target,
  options?: ClosureOptions,
): ReadonlyArray<Step> => {
  const facts = closureFacts(snapshot, target, options)
  return planFor(blockersOf(defaultPolicy, facts), facts)
}
