import type { BlockerBase } from '../../engine/Blocker.js'
import { blockerOf } from '../../engine/Blocker.js'
import { across, fromItems } from '../../engine/Precondition.js'
import { ruleCheck, ruleFrom } from '../../engine/Rule.js'
import type { WaitReasonBase } from '../../engine/Step.js'
import { reasonOf, waitUntil } from '../../engine/Step.js'
import { companiesToClose } from '../../model/facts.js'
import type { Instant } from '../../model/Instant.js'
import type { CompanyScope } from '../../model/Scope.js'
import { payBalance } from './billingPaid.js'
import { billingCycleEnd } from './week.js'

/** @category model @since 0.1.0 */
export interface BillingCycleOpen extends BlockerBase {
  /** The contract id. */
  readonly subject: string
  readonly _tag: 'BillingCycleOpen'
  readonly rule: 'billing-cycle-ended'
  readonly scope: CompanyScope
  readonly contractId: string
  readonly endsAt: Instant
}
/** An hourly contract's billing week ends. @category model @since 0.2.0 */
export interface BillingWeekEnds extends WaitReasonBase {
  readonly _tag: 'BillingWeekEnds'
  readonly rule: 'billing-cycle-ended'
  readonly scope: CompanyScope
  readonly subject: string
  readonly contractId: string
}

/** @internal */
export const billingCycleOpen = /*#__PURE__*/ blockerOf({
  tag: 'BillingCycleOpen',
  rule: 'billing-cycle-ended',
  words: (b: BillingCycleOpen, f) =>
    `Hourly contract ${b.contractId} of ${f.scope(b.scope)} is in its last billing cycle until ${f.instant(b.endsAt)}.`,
})

/** @internal */
export const billingWeekEnds = /*#__PURE__*/ reasonOf({
  tag: 'BillingWeekEnds',
  rule: 'billing-cycle-ended',
  words: (r: BillingWeekEnds) => `the billing week of contract ${r.contractId} ends`,
})

/**
 * Waiting until the billing cycle of an hourly contract of a company ends (the billing rules' own
 * wait: `contracts-ended` starts one when it ends such a contract).
 *
 * @internal
 */
export const billingWait = (at: Instant, scope: CompanyScope, contractId: string) =>
  waitUntil<BillingWeekEnds>(at, [{ _tag: 'BillingWeekEnds', rule: 'billing-cycle-ended', scope, subject: contractId, contractId }])

/** What `billing-cycle-ended` checks: the part of {@link billingCycleEnded} that `canClose` runs (see `RuleCheck`). @internal */
export const billingCycleEndedCheck = ruleCheck({
  id: 'billing-cycle-ended',
  paths: ['CloseAccount'],
  instants: ['endsAt'],
  tags: ['BillingCycleOpen'],
  check: across(companiesToClose)(
    fromItems(
      (f) => f.contracts,
      (c, f): BillingCycleOpen | undefined => {
        if (c.type !== 'hourly' || c.endedAt === null) return undefined
        const endsAt = billingCycleEnd(c.endedAt, f.billingCycleEnd)
        return endsAt > f.asOf
          ? { _tag: 'BillingCycleOpen', rule: 'billing-cycle-ended', scope: f.scope, subject: c.id, contractId: c.id, endsAt }
          : undefined
      },
    ),
  ),
})

/**
 * `billing-cycle-ended`: an ended hourly contract blocks its company until the billing week
 * that holds its end is over (or, under the `client-invoice` option, until that week is invoiced);
 * then that week's invoice is paid.
 *
 * @example
 * import { decodeSnapshot, verdict } from 'account-closure'
 *
 * // an hourly contract ended on Wednesday 2026-11-18, asked on Friday: blocked until Monday 00:00 UTC
 * const decoded = decodeSnapshot({
 *   asOf: '2026-11-20T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
 *   freelancer: null,
 *   companies: [{
 *     id: 'co-1', name: 'Acme', role: 'owner', members: [], jobs: [], outstanding: { amount: 0, currency: 'USD' },
 *     contracts: [{ id: 'c-9', type: 'hourly', status: 'ended', endedAt: '2026-11-18T09:00:00Z' }],
 *   }],
 *   agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 * })
 * if (decoded._tag === 'Left') throw new Error('invalid snapshot')
 * const v = verdict(decoded.right)
 * console.log(v.blockers.map((b) => b.message)) // ['Hourly contract c-9 of Acme is in its last billing cycle until 2026-11-23 00:00 UTC.']
 * console.log(v.earliestAt) // '2026-11-23T00:00:00.000Z'
 *
 * @category rules
 * @since 0.1.0
 */
export const billingCycleEnded = /*#__PURE__*/ ruleFrom(billingCycleEndedCheck, {
  blockers: [billingCycleOpen],
  steps: [payBalance],
  reasons: [billingWeekEnds],
  clear: (b) => [billingWait(b.endsAt, b.scope, b.contractId), payBalance(b.scope, true)],
})
