import { waitUntil, withdrawFunds } from '../plan/Step.js'
import type { PaymentAvailable, WaitUntil, WithdrawFunds } from '../plan/Step.js'
import type { PaymentPending } from './Blocker.js'
import { earningWork } from './facts.js'
import { across, fromItems } from './Precondition.js'
import { defineRule } from './Rule.js'

/**
 * `payments-received`: a blocker for each pending payment not yet available at `asOf`; once it
 * arrives, it is withdrawn with the rest of its scope's funds.
 *
 * @category rules
 * @since 0.1.0
 */
export const paymentsReceived = defineRule<PaymentPending, WaitUntil<PaymentAvailable> | WithdrawFunds>({
  id: 'payments-received',
  paths: ['CloseAccount', 'CloseAgency'],
  instants: ['availableAt'],
  check: across(earningWork)(
    fromItems(
      (f) => f.earnings.pending,
      (p, f): PaymentPending | undefined =>
        p.availableAt > f.asOf
          ? {
              _tag: 'PaymentPending',
              rule: 'payments-received',
              scope: f.scope,
              subject: p.id,
              paymentId: p.id,
              amount: p.amount,
              availableAt: p.availableAt,
            }
          : undefined,
    ),
  ),
  clear: (b) => [
    waitUntil(b.availableAt, [{ _tag: 'PaymentAvailable', rule: 'payments-received', scope: b.scope, subject: b.paymentId, paymentId: b.paymentId }]),
    withdrawFunds(b.scope),
  ],
  messages: {
    PaymentPending: (b, f) =>
      `Payment ${b.paymentId} of ${f.money(b.amount)} to ${f.scope(b.scope)} is pending until ${f.instant(b.availableAt)}.`,
  },
})
