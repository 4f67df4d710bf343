import { billingCycleEnd } from '../billing/week.js'
import type { CompanyFacts } from './facts.js'
import type { BillingCycleOpen } from './Blocker.js'
import { each } from './Precondition.js'
import type { Precondition } from './Precondition.js'

/**
 * `billing-cycle-ended`: an ended hourly contract blocks its company until the billing week
 * that holds its end is over (or, under the `client-invoice` option, until that week is invoiced).
 *
 * @example
 * // ended Wednesday 2026-11-18, asOf Friday: blocks until Monday 2026-11-23T00:00:00Z
 *
 * @category rules
 * @since 0.1.0
 */
export const billingCycleEnded: Precondition<
  Pick<CompanyFacts, 'scope' | 'asOf' | 'billingCycleEnd' | 'contracts'>,
  BillingCycleOpen
> = each(
  (f) => f.contracts,
  (c, f) => {
    if (c.type !== 'hourly' || c.endedAt === null) return undefined
    const endsAt = billingCycleEnd(c.endedAt, f.billingCycleEnd)
    return endsAt > f.asOf
      ? { _tag: 'BillingCycleOpen', rule: 'billing-cycle-ended', scope: f.scope, contractId: c.id, endsAt }
      : undefined
  },
)
