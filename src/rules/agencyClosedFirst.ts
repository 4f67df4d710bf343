import { closeAgency } from '../plan/Step.js'
import type { CloseAgency } from '../plan/Step.js'
import type { AgencyOpen } from './Blocker.js'
import { ownedAgencies } from './facts.js'
import { across } from './Precondition.js'
import { defineRule } from './Rule.js'

/**
 * `agency-closed-first`: an agency the user owns is closed before the account that owns it.
 * (Inferred: the sources ask for all activity to be cleared, and an owned agency is activity.)
 *
 * @category rules
 * @since 0.1.0
 */
export const agencyClosedFirst = defineRule<AgencyOpen, CloseAgency>({
  id: 'agency-closed-first',
  paths: ['CloseAccount'],
  check: across(ownedAgencies)((f): ReadonlyArray<AgencyOpen> => [
    { _tag: 'AgencyOpen', rule: 'agency-closed-first', subject: f.scope.agencyId, agencyId: f.scope.agencyId },
  ]),
  clear: (b) => [closeAgency(b.agencyId)],
  messages: { AgencyOpen: (b) => `You own agency ${b.agencyId}; it has to be closed before the account.` },
})
