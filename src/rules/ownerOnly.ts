import { contactOwner } from '../plan/Step.js'
import type { ContactOwner } from '../plan/Step.js'
import type { NotOwner } from './Blocker.js'
import { targetAgency } from './facts.js'
import { across } from './Precondition.js'
import { defineRule } from './Rule.js'

/**
 * `owner-only`: only its owner can close an agency. When the user is not the owner, no other
 * blocker of that agency is reported (the account-wide ones still are).
 *
 * @category rules
 * @since 0.1.0
 */
export const ownerOnly = defineRule<NotOwner, ContactOwner>({
  id: 'owner-only',
  paths: ['CloseAgency'],
  clearable: false,
  gate: 'scope',
  check: across(targetAgency)((f): ReadonlyArray<NotOwner> =>
    f.role === 'owner' ? [] : [{ _tag: 'NotOwner', rule: 'owner-only', scope: f.scope, role: f.role }],
  ),
  clear: (b) => [contactOwner(b.scope)],
  messages: { NotOwner: (b, f) => `Only the owner can close ${f.scope(b.scope)}; your role there is ${b.role}.` },
})
