import { contactAdmin } from '../plan/Step.js'
import type { ContactAdmin } from '../plan/Step.js'
import type { AdminMustRemove } from './Blocker.js'
import { memberships } from './facts.js'
import { across } from './Precondition.js'
import { defineRule } from './Rule.js'

const list = (ids: ReadonlyArray<string>): string => (ids.length === 0 ? 'nobody listed' : ids.join(', '))

/**
 * `member-needs-admin`: a plain member cannot leave a team; its owner, admins or managers
 * (the `contacts`, sorted) must remove them.
 *
 * @category rules
 * @since 0.1.0
 */
export const memberNeedsAdmin = defineRule<AdminMustRemove, ContactAdmin>({
  id: 'member-needs-admin',
  paths: ['LeaveTeams'],
  clearable: false,
  check: across(memberships)((f): ReadonlyArray<AdminMustRemove> =>
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
        ],
  ),
  clear: (b) => [contactAdmin(b.scope, b.contacts)],
  messages: {
    AdminMustRemove: (b, f) =>
      `As a plain member of ${f.scope(b.scope)} you cannot leave it yourself; its admins can remove you (${list(b.contacts)}).`,
  },
})
