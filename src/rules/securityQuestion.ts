import { setSecurityQuestion } from '../plan/Step.js'
import type { SetSecurityQuestion } from '../plan/Step.js'
import type { SecurityQuestionMissing } from './Blocker.js'
import { defineRule } from './Rule.js'

/**
 * `security-question`: closing by a Close button asks the security question, so one must be set.
 *
 * @category rules
 * @since 0.1.0
 */
export const securityQuestion = defineRule<SecurityQuestionMissing, SetSecurityQuestion>({
  id: 'security-question',
  paths: ['CloseAccount', 'CloseAgency'],
  check: (f): ReadonlyArray<SecurityQuestionMissing> =>
    f.snapshot.user.securityQuestionSet ? [] : [{ _tag: 'SecurityQuestionMissing', rule: 'security-question' }],
  clear: () => [setSecurityQuestion],
  messages: {
    SecurityQuestionMissing: () =>
      'No security question is set; closing asks you to answer one (if you ever forget the answer, support can help).',
  },
})
