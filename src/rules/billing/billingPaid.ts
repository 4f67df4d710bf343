import type { BlockerBase } from '../../engine/Blocker.js'
import { blockerOf } from '../../engine/Blocker.js'
import { across } from '../../engine/Precondition.js'
import { ruleCheck, ruleFrom } from '../../engine/Rule.js'
import type { StepBase } from '../../engine/Step.js'
import { withDefinition } from '../../engine/Step.js'
import { companiesToClose } from '../../model/facts.js'
import type { Money } from '../../model/Money.js'
import type { CompanyScope } from '../../model/Scope.js'
import { hourlyCompany } from './week.js'

/** @category model @since 0.1.0 */
export interface BillingOutstanding extends BlockerBase {
  readonly _tag: 'BillingOutstanding'
  readonly rule: 'billing-paid'
  readonly scope: CompanyScope
  readonly amount: Money
}
/** @category model @since 0.1.0 */
export interface PayBalance extends StepBase {
  readonly _tag: 'PayBalance'
  readonly kind: 'remedy'
  readonly scope: CompanyScope
  /** Whether an hourly contract of the company is involved (its last week is invoiced). */
  readonly hourly: boolean
}

/** @internal */
export const billingOutstanding = /*#__PURE__*/ blockerOf({
  tag: 'BillingOutstanding',
  rule: 'billing-paid',
  words: (b: BillingOutstanding, f) => {
    const who = f.scope(b.scope)
    return `${who.charAt(0).toUpperCase()}${who.slice(1)} has ${f.money(b.amount)} of billing outstanding.`
  },
})

// (one frozen list for every step: settling a frozen list met before is a lookup, not a walk per step)
const RESOLVES: ReadonlyArray<string> = /*#__PURE__*/ Object.freeze(['billing-paid'])

/**
 * Paying a company's balance: a step several rules end in (what is owed now, the last week of
 * hourly work once it is invoiced). It resolves `billing-paid`; an app's rule reuses this
 * definition.
 *
 * @example
 * import { formatIn, payBalance } from 'account-closure'
 *
 * const step = payBalance({ _tag: 'Company', companyId: 'co-1' }, true)
 * console.log(step.resolves) // ['billing-paid']
 * console.log(payBalance.words(step, formatIn())) // 'Pay the outstanding balance of company co-1, including the last invoice of hourly work.'
 *
 * @category constructors
 * @since 0.1.0
 */
export const payBalance = /*#__PURE__*/ withDefinition(
  (scope: CompanyScope, hourly: boolean): PayBalance => ({ _tag: 'PayBalance', kind: 'remedy', resolves: RESOLVES, scope, hourly }),
  {
    tag: 'PayBalance',
    kind: 'remedy',
    words: (s: PayBalance, f) =>
      `Pay the outstanding balance of ${f.scope(s.scope)}${s.hourly ? ', including the last invoice of hourly work' : ''}.`,
  },
)

/** What `billing-paid` checks: the part of {@link billingPaid} that `canClose` runs (see `RuleCheck`). @internal */
export const billingPaidCheck = ruleCheck({
  id: 'billing-paid',
  paths: ['CloseAccount'],
  tags: ['BillingOutstanding'],
  check: across(companiesToClose)((f): ReadonlyArray<BillingOutstanding> =>
    f.outstanding.amount > 0 ? [{ _tag: 'BillingOutstanding', rule: 'billing-paid', scope: f.scope, amount: f.outstanding }] : [],
  ),
})

/**
 * `billing-paid`: a company being closed owes nothing. Billing methods are removed only after
 * every balance is paid.
 *
 * @category rules
 * @since 0.1.0
 */
export const billingPaid = /*#__PURE__*/ ruleFrom(billingPaidCheck, {
  rank: 10,
  precedes: [{ step: 'RemoveBillingMethod', scope: 'any' }],
  blockers: [billingOutstanding],
  steps: [payBalance],
  clear: (b, facts) => [payBalance(b.scope, hourlyCompany(facts, b.scope.companyId))],
})
