import { contactSupport } from '../plan/Step.js'
import type { ContactSupport } from '../plan/Step.js'
import type { NotInGoodStanding } from './Blocker.js'
import { defineRule } from './Rule.js'

/**
 * `good-standing`: an account on hold or suspended closes only through support.
 *
 * @category rules
 * @since 0.1.0
 */
export const goodStanding = defineRule<NotInGoodStanding, ContactSupport>({
  id: 'good-standing',
  paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'],
  clearable: false,
  check: (f): ReadonlyArray<NotInGoodStanding> => {
    const standing = f.snapshot.user.standing
    return standing === 'good' ? [] : [{ _tag: 'NotInGoodStanding', rule: 'good-standing', standing }]
  },
  clear: () => [contactSupport],
  messages: {
    NotInGoodStanding: (b) => `The account is ${b.standing === 'on_hold' ? 'on hold' : 'suspended'}; only support can help close it.`,
  },
})
