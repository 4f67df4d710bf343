import { resolveDispute } from '../plan/Step.js'
import type { ResolveDispute } from '../plan/Step.js'
import type { DisputeUnresolved } from './Blocker.js'
import { fromItems } from './Precondition.js'
import { defineRule } from './Rule.js'

/**
 * `disputes-resolved`: every open dispute must be resolved first.
 *
 * @category rules
 * @since 0.1.0
 */
export const disputesResolved = defineRule<DisputeUnresolved, ResolveDispute>({
  id: 'disputes-resolved',
  paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'],
  check: fromItems(
    (f) => f.snapshot.disputes,
    (d): DisputeUnresolved | undefined =>
      d.status === 'open' ? { _tag: 'DisputeUnresolved', rule: 'disputes-resolved', subject: d.id, disputeId: d.id } : undefined,
  ),
  clear: (b) => [resolveDispute(b.disputeId)],
  messages: { DisputeUnresolved: (b) => `Dispute ${b.disputeId} is still open.` },
})
