import { payBalance } from '../plan/Step.js'
import type { PayBalance } from '../plan/Step.js'
import type { BillingOutstanding } from './Blocker.js'
import { companiesToClose, hourlyCompany } from './facts.js'
import { across } from './Precondition.js'
import { defineRule } from './Rule.js'

/**
 * `billing-paid`: a company being closed owes nothing.
 *
 * @category rules
 * @since 0.1.0
 */
export const billingPaid = defineRule<BillingOutstanding, PayBalance>({
  id: 'billing-paid',
  paths: ['CloseAccount'],
  check: across(companiesToClose)((f): ReadonlyArray<BillingOutstanding> =>
    f.outstanding.amount > 0 ? [{ _tag: 'BillingOutstanding', rule: 'billing-paid', scope: f.scope, amount: f.outstanding }] : [],
  ),
  clear: (b, facts) => [payBalance(b.scope, hourlyCompany(facts, b.scope.companyId))],
  messages: {
    BillingOutstanding: (b, f) => `Company ${b.scope.companyId} has ${f.money(b.amount)} of billing outstanding.`,
  },
})
