import type { CompanyFacts } from './facts.js'
import type { BillingOutstanding } from './Blocker.js'
import type { Precondition } from './Precondition.js'

/**
 * `billing-paid`: a company with an outstanding balance.
 *
 * @category rules
 * @since 0.1.0
 */
export const billingPaid: Precondition<Pick<CompanyFacts, 'scope' | 'outstanding'>, BillingOutstanding> = (f) =>
  f.outstanding.amount > 0
    ? [{ _tag: 'BillingOutstanding', rule: 'billing-paid', scope: f.scope, amount: f.outstanding }]
    : []
