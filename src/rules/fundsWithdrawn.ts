import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { across } from '../engine/Precondition.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import type { StepBase } from '../engine/Step.js'
import { withDefinition } from '../engine/Step.js'
import { earningWork } from '../model/facts.js'
import type { Money } from '../model/Money.js'
import type { Scope } from '../model/Scope.js'

/** @category model @since 0.1.0 */
export interface FundsAvailable extends BlockerBase {
  readonly _tag: 'FundsAvailable'
  readonly rule: 'funds-withdrawn'
  readonly scope: Scope
  readonly amount: Money
}
/** @category model @since 0.1.0 */
export interface WithdrawFunds extends StepBase {
  readonly _tag: 'WithdrawFunds'
  readonly kind: 'remedy'
  readonly scope: Scope
}

/** @internal */
export const fundsAvailable = /*#__PURE__*/ blockerOf({
  tag: 'FundsAvailable',
  rule: 'funds-withdrawn',
  words: (b: FundsAvailable, f) => `${f.money(b.amount)} of ${f.scope(b.scope)} is still to be withdrawn.`,
})

// (one frozen list for every step: settling a frozen list met before is a lookup, not a walk per step)
const RESOLVES: ReadonlyArray<string> = /*#__PURE__*/ Object.freeze(['funds-withdrawn'])

/**
 * Withdrawing a scope's funds: a step several rules end in (the funds available now, a payment
 * once it arrives). It resolves `funds-withdrawn`; an app's rule reuses this definition.
 *
 * @example
 * import { formatIn, withdrawFunds } from 'account-closure'
 *
 * // a rule of one's own that ends in it lists `withdrawFunds` among its `steps`
 * const step = withdrawFunds({ _tag: 'Freelancer' })
 * console.log(step.resolves) // ['funds-withdrawn']
 * console.log(withdrawFunds.words(step, formatIn())) // 'Withdraw the available funds of your freelancer work (withdrawals are made under Get Paid).'
 *
 * @category constructors
 * @since 0.1.0
 */
export const withdrawFunds = /*#__PURE__*/ withDefinition(
  (scope: Scope): WithdrawFunds => ({ _tag: 'WithdrawFunds', kind: 'remedy', resolves: RESOLVES, scope }),
  {
    tag: 'WithdrawFunds',
    kind: 'remedy',
    words: (s: WithdrawFunds, f) => `Withdraw the available funds of ${f.scope(s.scope)} (withdrawals are made under Get Paid).`,
  },
)

/** What `funds-withdrawn` checks: the part of {@link fundsWithdrawn} that `canClose` runs (see `RuleCheck`). @internal */
export const fundsWithdrawnCheck = ruleCheck({
  id: 'funds-withdrawn',
  paths: ['CloseAccount', 'CloseAgency'],
  tags: ['FundsAvailable'],
  check: across(earningWork)((f): ReadonlyArray<FundsAvailable> => {
    let amount = f.earnings.available.amount
    for (const p of f.earnings.pending) if (p.availableAt <= f.asOf) amount += p.amount.amount
    return amount > 0
      ? [{ _tag: 'FundsAvailable', rule: 'funds-withdrawn', scope: f.scope, amount: { amount, currency: f.earnings.available.currency } }]
      : []
  }),
})

/**
 * `funds-withdrawn`: money that could be withdrawn at `asOf` (the available amount plus
 * pending payments already due) must be taken out first.
 *
 * @category rules
 * @since 0.1.0
 */
export const fundsWithdrawn = /*#__PURE__*/ ruleFrom(fundsWithdrawnCheck, {
  rank: 11,
  blockers: [fundsAvailable],
  steps: [withdrawFunds],
  clear: (b) => [withdrawFunds(b.scope)],
})
