import { removeMember } from '../plan/Step.js'
import type { RemoveMember } from '../plan/Step.js'
import type { MemberRemains } from './Blocker.js'
import { teamsToClose } from './facts.js'
import { across, fromItems } from './Precondition.js'
import { defineRule } from './Rule.js'

/**
 * `members-removed`: a blocker for each other member of a company or agency being closed.
 *
 * @category rules
 * @since 0.1.0
 */
export const membersRemoved = defineRule<MemberRemains, RemoveMember>({
  id: 'members-removed',
  paths: ['CloseAccount', 'CloseAgency'],
  check: across(teamsToClose)(
    fromItems(
      (f) => f.members,
      (m, f): MemberRemains => ({
        _tag: 'MemberRemains',
        rule: 'members-removed',
        scope: f.scope,
        subject: m.userId,
        userId: m.userId,
        role: m.role,
      }),
    ),
  ),
  clear: (b) => [removeMember(b.scope, b.userId)],
  messages: { MemberRemains: (b, f) => `${b.userId} (${b.role}) is still a member of ${f.scope(b.scope)}.` },
})
