import type { BlockerBase } from '../engine/Blocker.js'
import { defineBlocker } from '../engine/Blocker.js'
import { defineRule } from '../engine/Rule.js'
import { defineStep } from '../engine/Step.js'

/** @category model @since 0.1.0 */
export interface SecurityQuestionMissing extends BlockerBase {
  readonly _tag: 'SecurityQuestionMissing'
  readonly rule: 'security-question'
}

/** @internal */
export const securityQuestionMissing = defineBlocker({
  tag: 'SecurityQuestionMissing',
  rule: 'security-question',
  words: (_: SecurityQuestionMissing) =>
    'No security question is set; closing asks you to answer one (if you ever forget the answer, support can help).',
})

/** The step that clears it, with its words. @category constructors @since 0.1.0 */
export const setSecurityQuestion = defineStep({
  tag: 'SetSecurityQuestion',
  kind: 'remedy',
  rule: 'security-question',
  words: () => 'Set a security question and its answer in your settings (if you forget the answer later, support can help).',
})
/** @category model @since 0.1.0 */
export type SetSecurityQuestion = ReturnType<typeof setSecurityQuestion>

/**
 * `security-question`: closing by a Close button asks the security question, so one must be set.
 *
 * @category rules
 * @since 0.1.0
 */
export const securityQuestion = defineRule({
  id: 'security-question',
  paths: ['CloseAccount', 'CloseAgency'],
  rank: 0,
  blockers: [securityQuestionMissing],
  steps: [setSecurityQuestion],
  check: (f): ReadonlyArray<SecurityQuestionMissing> => (f.snapshot.user.securityQuestionSet ? [] : [{ _tag: 'SecurityQuestionMissing', rule: 'security-question' }]),
  clear: () => [setSecurityQuestion({})],
})
