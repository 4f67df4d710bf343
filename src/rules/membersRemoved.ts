import type { TeamFacts } from './facts.js'
import type { MemberRemains } from './Blocker.js'
import { each } from './Precondition.js'
import type { Precondition } from './Precondition.js'

/**
 * `members-removed`: a blocker for each other member of a company or agency being closed.
 *
 * @category rules
 * @since 0.1.0
 */
export const membersRemoved: Precondition<Pick<TeamFacts, 'scope' | 'members'>, MemberRemains> = each(
  (f) => f.members,
  (m, f) => ({ _tag: 'MemberRemains', rule: 'members-removed', scope: f.scope, userId: m.userId, role: m.role }),
)
