import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import { stepOf } from '../engine/Step.js'

/** @category model @since 0.1.0 */
export interface SecurityQuestionMissing extends BlockerBase {
  readonly _tag: 'SecurityQuestionMissing'
  readonly rule: 'security-question'
}

/** @internal */
export const securityQuestionMissing = /*#__PURE__*/ blockerOf({
  tag: 'SecurityQuestionMissing',
  rule: 'security-question',
  words: (_: SecurityQuestionMissing) =>
    'No security question is set; closing asks you to answer one (if you ever forget the answer, support can help).',
})

/** The step that clears it, with its words. @category constructors @since 0.1.0 */
export const setSecurityQuestion = /*#__PURE__*/ stepOf({
  tag: 'SetSecurityQuestion',
  kind: 'remedy',
  rule: 'security-question',
  words: () => 'Set a security question and its answer in your settings (if you forget the answer later, support can help).',
})
/** @category model @since 0.1.0 */
export type SetSecurityQuestion = ReturnType<typeof setSecurityQuestion>

/** What `security-question` checks: the part of {@link securityQuestion} that `canClose` runs (see `RuleCheck`). @internal */
export const securityQuestionCheck = ruleCheck({
  id: 'security-question',
  paths: ['CloseAccount', 'CloseAgency'],
  tags: ['SecurityQuestionMissing'],
  check: (f): ReadonlyArray<SecurityQuestionMissing> => (f.snapshot.user.securityQuestionSet ? [] : [{ _tag: 'SecurityQuestionMissing', rule: 'security-question' }]),
})

/**
 * `security-question`: closing by a Close button asks the security question, so one must be set.
 *
 * @category rules
 * @since 0.1.0
 */
export const securityQuestion = /*#__PURE__*/ ruleFrom(securityQuestionCheck, {
  rank: 0,
  blockers: [securityQuestionMissing],
  steps: [setSecurityQuestion],
  clear: () => [setSecurityQuestion({})],
})
