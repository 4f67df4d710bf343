import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { across, fromItems } from '../engine/Precondition.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import type { StepBase } from '../engine/Step.js'
import { withDefinition } from '../engine/Step.js'
import type { ContractStatus, ContractType } from '../model/codecs.js'
import { workToClose } from '../model/facts.js'
import type { Scope } from '../model/Scope.js'
import { billingWait, billingWeekEnds } from './billing/billingCycleEnded.js'
import { payBalance } from './billing/billingPaid.js'
import { billingCycleEnd, hourlyCompany } from './billing/week.js'

/** @category model @since 0.1.0 */
export interface ContractOpen extends BlockerBase {
  /** The contract id. */
  readonly subject: string
  readonly _tag: 'ContractOpen'
  readonly rule: 'contracts-ended'
  readonly scope: Scope
  readonly contractId: string
  readonly contractType: ContractType
  readonly status: Exclude<ContractStatus, 'ended'>
}
/** @category model @since 0.1.0 */
export interface EndContract extends StepBase {
  readonly _tag: 'EndContract'
  readonly kind: 'remedy'
  readonly subject: string
  readonly scope: Scope
  readonly contractId: string
  readonly contractType: ContractType
  readonly status: Exclude<ContractStatus, 'ended'>
}

/** @internal */
export const contractOpen = /*#__PURE__*/ blockerOf({
  tag: 'ContractOpen',
  rule: 'contracts-ended',
  words: (b: ContractOpen, f) => `Contract ${b.contractId} (${b.contractType}) of ${f.scope(b.scope)} is still ${b.status}.`,
})

// (one frozen list for every step: settling a frozen list met before is a lookup, not a walk per step)
const RESOLVES: ReadonlyArray<string> = /*#__PURE__*/ Object.freeze(['contracts-ended'])

/** @category constructors @since 0.1.0 */
export const endContract = /*#__PURE__*/ withDefinition(
  (scope: Scope, contractId: string, contractType: ContractType, status: Exclude<ContractStatus, 'ended'>): EndContract => ({
    _tag: 'EndContract',
    kind: 'remedy',
    resolves: RESOLVES,
    scope,
    subject: contractId,
    contractId,
    contractType,
    status,
  }),
  {
    tag: 'EndContract',
    kind: 'remedy',
    words: (s: EndContract, f) =>
      `End ${s.contractType} contract ${s.contractId} of ${f.scope(s.scope)}.` +
      (s.scope._tag === 'Freelancer' && s.status === 'active' ? ' Tell the client first and agree on the next steps.' : ''),
  },
)

/** What `contracts-ended` checks: the part of {@link contractsEnded} that `canClose` runs (see `RuleCheck`). @internal */
export const contractsEndedCheck = ruleCheck({
  id: 'contracts-ended',
  paths: ['CloseAccount', 'CloseAgency'],
  tags: ['ContractOpen'],
  check: across(workToClose)(
    fromItems(
      (f) => f.contracts,
      (c, f): ContractOpen | undefined =>
        c.status === 'ended'
          ? undefined
          : {
              _tag: 'ContractOpen',
              rule: 'contracts-ended',
              scope: f.scope,
              subject: c.id,
              contractId: c.id,
              contractType: c.type,
              status: c.status,
            },
    ),
  ),
})

/**
 * `contracts-ended`: a blocker for each pending, active or paused contract of the work being
 * closed. Ending an owned company's hourly contract starts a billing wait: the end of the week
 * that holds `asOf`, then that week's invoice is paid. Ending work can bring a payment to wait
 * for, so the earliest instant may move.
 *
 * @category rules
 * @since 0.1.0
 */
export const contractsEnded = /*#__PURE__*/ ruleFrom(contractsEndedCheck, {
  rank: 7,
  mayMove: { because: 'Ending a contract can bring a payment to wait for.' },
  blockers: [contractOpen],
  steps: [endContract, payBalance],
  reasons: [billingWeekEnds],
  clear: (b, facts) => {
    const end = endContract(b.scope, b.contractId, b.contractType, b.status)
    const scope = b.scope
    if (scope._tag !== 'Company' || b.contractType !== 'hourly') return [end]
    return [end, billingWait(billingCycleEnd(facts.asOf, facts.billingCycleEnd), scope, b.contractId), payBalance(scope, hourlyCompany(facts, scope.companyId))]
  },
})
