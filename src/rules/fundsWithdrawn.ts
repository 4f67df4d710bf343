import type { Earnings } from '../model/codecs.js'
import type { Instant } from '../model/Instant.js'
import type { Scope } from '../model/Scope.js'
import type { FundsAvailable } from './Blocker.js'
import type { Precondition } from './Precondition.js'

/**
 * `funds-withdrawn`: money that could be withdrawn at `asOf` (the available amount plus
 * pending payments already due) must be taken out first.
 *
 * @category rules
 * @since 0.1.0
 */
export const fundsWithdrawn: Precondition<
  { readonly scope: Scope; readonly asOf: Instant; readonly earnings: Earnings },
  FundsAvailable
> = (f) => {
  let amount = f.earnings.available.amount
  for (const p of f.earnings.pending) if (p.availableAt <= f.asOf) amount += p.amount.amount
  return amount > 0
    ? [
        {
          _tag: 'FundsAvailable',
          rule: 'funds-withdrawn',
          scope: f.scope,
          amount: { amount, currency: f.earnings.available.currency },
        },
      ]
    : []
}
