import type { DisputeUnresolved } from './Blocker.js'
import type { ClosureFacts } from './facts.js'
import { each } from './Precondition.js'
import type { Precondition } from './Precondition.js'

/**
 * `disputes-resolved`: a blocker for each open dispute.
 *
 * @category rules
 * @since 0.1.0
 */
export const disputesResolved: Precondition<Pick<ClosureFacts, 'snapshot'>, DisputeUnresolved> = each(
  (f) => f.snapshot.disputes,
  (d) => (d.status === 'open' ? { _tag: 'DisputeUnresolved', rule: 'disputes-resolved', disputeId: d.id } : undefined),
)
