import { billingCycleEnd } from '../billing/week.js'
import { payBalance, waitUntil } from '../plan/Step.js'
import type { BillingWeekEnds, PayBalance, WaitUntil } from '../plan/Step.js'
import type { BillingCycleOpen } from './Blocker.js'
import { companiesToClose } from './facts.js'
import { across, fromItems } from './Precondition.js'
import { defineRule } from './Rule.js'

/**
 * `billing-cycle-ended`: an ended hourly contract blocks its company until the billing week
 * that holds its end is over (or, under the `client-invoice` option, until that week is invoiced);
 * then that week's invoice is paid.
 *
 * @example
 * // ended Wednesday 2026-11-18, asOf Friday: blocks until Monday 2026-11-23T00:00:00Z
 *
 * @category rules
 * @since 0.1.0
 */
export const billingCycleEnded = defineRule<BillingCycleOpen, WaitUntil<BillingWeekEnds> | PayBalance>({
  id: 'billing-cycle-ended',
  paths: ['CloseAccount'],
  instants: ['endsAt'],
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
  clear: (b) => [
    waitUntil(b.endsAt, [
      { _tag: 'BillingWeekEnds', rule: 'billing-cycle-ended', scope: b.scope, subject: b.contractId, contractId: b.contractId },
    ]),
    payBalance(b.scope, true),
  ],
  messages: {
    BillingCycleOpen: (b, f) =>
      `Hourly contract ${b.contractId} of ${f.scope(b.scope)} is in its last billing cycle until ${f.instant(b.endsAt)}.`,
  },
})
