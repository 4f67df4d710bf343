import type { AgencyRole } from '../model/codecs.js'
import type { AgencyScope } from '../model/Scope.js'
import type { NotOwner } from './Blocker.js'
import type { Precondition } from './Precondition.js'

/**
 * `owner-only`: only the agency's owner can close it.
 *
 * @category rules
 * @since 0.1.0
 */
export const ownerOnly: Precondition<{ readonly scope: AgencyScope; readonly role: AgencyRole }, NotOwner> = (f) =>
  f.role === 'owner' ? [] : [{ _tag: 'NotOwner', rule: 'owner-only', scope: f.scope, role: f.role }]
