import type { AgencyScope } from '../model/Scope.js'
import type { AgencyOpen } from './Blocker.js'
import type { Precondition } from './Precondition.js'

/**
 * `agency-closed-first` (inferred, not stated by the sources): an agency the user owns is
 * closed before the account that owns it.
 *
 * @category rules
 * @since 0.1.0
 */
export const agencyClosedFirst: Precondition<{ readonly scope: AgencyScope }, AgencyOpen> = (f) => [
  { _tag: 'AgencyOpen', rule: 'agency-closed-first', agencyId: f.scope.agencyId },
]
