import type { Earnings } from '../model/codecs.js'
import type { Instant } from '../model/Instant.js'
import type { Scope } from '../model/Scope.js'
import type { PaymentPending } from './Blocker.js'
import { each } from './Precondition.js'
import type { Precondition } from './Precondition.js'

/**
 * `payments-received`: a blocker for each pending payment not yet available at `asOf`.
 *
 * @category rules
 * @since 0.1.0
 */
export const paymentsReceived: Precondition<
  { readonly scope: Scope; readonly asOf: Instant; readonly earnings: Earnings },
  PaymentPending
> = each(
  (f) => f.earnings.pending,
  (p, f) =>
    p.availableAt > f.asOf
      ? {
          _tag: 'PaymentPending',
          rule: 'payments-received',
          scope: f.scope,
          paymentId: p.id,
          amount: p.amount,
          availableAt: p.availableAt,
        }
      : undefined,
)
