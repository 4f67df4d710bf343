import type { AdminMustRemove } from './Blocker.js'
import type { TeamFacts } from './facts.js'
import type { Precondition } from './Precondition.js'

/**
 * `member-needs-admin`: a plain member cannot leave a team; its owner, admins or managers
 * (the `contacts`, sorted) must remove them.
 *
 * @category rules
 * @since 0.1.0
 */
export const memberNeedsAdmin: Precondition<TeamFacts, AdminMustRemove> = (f) =>
  f.role !== 'member'
    ? []
    : [
        {
          _tag: 'AdminMustRemove',
          rule: 'member-needs-admin',
          scope: f.scope,
          contacts: f.members
            .filter((m) => m.role !== 'member')
            .map((m) => m.userId)
            .sort(),
        },
      ]
