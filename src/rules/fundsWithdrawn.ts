import { withdrawFunds } from '../plan/Step.js'
import type { WithdrawFunds } from '../plan/Step.js'
import type { FundsAvailable } from './Blocker.js'
import { earningWork } from './facts.js'
import { across } from './Precondition.js'
import { defineRule } from './Rule.js'

/**
 * `funds-withdrawn`: money that could be withdrawn at `asOf` (the available amount plus
 * pending payments already due) must be taken out first.
 *
 * @category rules
 * @since 0.1.0
 */
export const fundsWithdrawn = defineRule<FundsAvailable, WithdrawFunds>({
  id: 'funds-withdrawn',
  paths: ['CloseAccount', 'CloseAgency'],
  check: across(earningWork)((f): ReadonlyArray<FundsAvailable> => {
    let amount = f.earnings.available.amount
    for (const p of f.earnings.pending) if (p.availableAt <= f.asOf) amount += p.amount.amount
    return amount > 0
      ? [{ _tag: 'FundsAvailable', rule: 'funds-withdrawn', scope: f.scope, amount: { amount, currency: f.earnings.available.currency } }]
      : []
  }),
  clear: (b) => [withdrawFunds(b.scope)],
  messages: { FundsAvailable: (b, f) => `${f.money(b.amount)} of ${f.scope(b.scope)} is still to be withdrawn.` },
})
