import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { across, fromItems } from '../engine/Precondition.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import type { WaitReasonBase } from '../engine/Step.js'
import { reasonOf, waitUntil } from '../engine/Step.js'
import { earningWork } from '../model/facts.js'
import type { Instant } from '../model/Instant.js'
import type { Money } from '../model/Money.js'
import type { Scope } from '../model/Scope.js'
import { withdrawFunds } from './fundsWithdrawn.js'

/** @category model @since 0.1.0 */
export interface PaymentPending extends BlockerBase {
  /** The payment id. */
  readonly subject: string
  readonly _tag: 'PaymentPending'
  readonly rule: 'payments-received'
  readonly scope: Scope
  readonly paymentId: string
  readonly amount: Money
  readonly availableAt: Instant
}
/** A pending payment becomes available. @category model @since 0.2.0 */
export interface PaymentAvailable extends WaitReasonBase {
  readonly _tag: 'PaymentAvailable'
  readonly rule: 'payments-received'
  readonly scope: Scope
  readonly subject: string
  readonly paymentId: string
}

/** @internal */
export const paymentPending = /*#__PURE__*/ blockerOf({
  tag: 'PaymentPending',
  rule: 'payments-received',
  words: (b: PaymentPending, f) =>
    `Payment ${b.paymentId} of ${f.money(b.amount)} to ${f.scope(b.scope)} is pending until ${f.instant(b.availableAt)}.`,
})

/** @internal */
export const paymentAvailable = /*#__PURE__*/ reasonOf({
  tag: 'PaymentAvailable',
  rule: 'payments-received',
  words: (r: PaymentAvailable) => `payment ${r.paymentId} becomes available`,
})

/** What `payments-received` checks: the part of {@link paymentsReceived} that `canClose` runs (see `RuleCheck`). @internal */
export const paymentsReceivedCheck = ruleCheck({
  id: 'payments-received',
  paths: ['CloseAccount', 'CloseAgency'],
  instants: ['availableAt'],
  tags: ['PaymentPending'],
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
})

/**
 * `payments-received`: a blocker for each pending payment not yet available at `asOf`; once it
 * arrives, it is withdrawn with the rest of its scope's funds.
 *
 * @category rules
 * @since 0.1.0
 */
export const paymentsReceived = /*#__PURE__*/ ruleFrom(paymentsReceivedCheck, {
  blockers: [paymentPending],
  steps: [withdrawFunds],
  reasons: [paymentAvailable],
  clear: (b) => [
    waitUntil(b.availableAt, [{ _tag: 'PaymentAvailable', rule: 'payments-received', scope: b.scope, subject: b.paymentId, paymentId: b.paymentId }]),
    withdrawFunds(b.scope),
  ],
})
