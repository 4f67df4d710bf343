import type { ClosureFacts } from './facts.js'
import type { SecurityQuestionMissing } from './Blocker.js'
import type { Precondition } from './Precondition.js'

/**
 * `security-question`: the Close button needs a security question to answer.
 *
 * @example
 * securityQuestion({ snapshot: { ...s, user: { ...s.user, securityQuestionSet: false } } })
 * // [{ _tag: 'SecurityQuestionMissing', rule: 'security-question' }]
 *
 * @category rules
 * @since 0.1.0
 */
export const securityQuestion: Precondition<Pick<ClosureFacts, 'snapshot'>, SecurityQuestionMissing> = (f) =>
  f.snapshot.user.securityQuestionSet ? [] : [{ _tag: 'SecurityQuestionMissing', rule: 'security-question' }]
