/**
 * The error of a rule that breaks its contract.
 *
 * @since 0.3.0
 */

/**
 * Thrown when a rule breaks its contract at run time: its `check` or `clear` returns something
 * that is not an array, an item without its `_tag`, a blocker without its `rule`, a tag it does
 * not define, a wait at an instant that is not a finite number in the instant range, or throws
 * (an attempt to change the facts among the reasons). It names the rule; the original error, if
 * any, is its `cause`. The answer is never "can close" when a rule fails.
 *
 * @example
 * import { closureWith, decodeSnapshot, defineBlocker, defineRule, RuleError } from 'account-closure'
 *
 * const never = defineBlocker({ tag: 'Never', rule: 'fees-paid', words: (b: { readonly subject: string }) => `Fee ${b.subject}.` })
 * const feesPaid = defineRule({
 *   id: 'fees-paid',
 *   paths: ['CloseAccount'],
 *   blockers: [never],
 *   check: () => {
 *     throw new Error('the fee service is down')
 *   },
 *   clear: () => [],
 * })
 * const decoded = decodeSnapshot({
 *   asOf: '2026-11-18T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
 *   freelancer: null, companies: [], agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 * })
 * if (decoded._tag === 'Left') throw new Error('invalid snapshot')
 * const snapshot = decoded.right
 * try {
 *   closureWith([feesPaid]).verdict(snapshot)
 * } catch (e) {
 *   if (!(e instanceof RuleError)) throw e
 *   console.log(e.ruleId) // 'fees-paid'
 * }
 *
 * @category errors
 * @since 0.3.0
 */
export class RuleError extends Error {
  override readonly name = 'RuleError'
  /** The id of the rule that failed. */
  readonly ruleId: string
  constructor(ruleId: string, message: string, options?: { readonly cause?: unknown }) {
    super(`rule "${ruleId}" ${message}`, options)
    this.ruleId = ruleId
  }
}
