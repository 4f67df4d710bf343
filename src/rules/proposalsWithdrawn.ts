import type { Proposal } from '../model/codecs.js'
import type { Scope } from '../model/Scope.js'
import type { ProposalOpen } from './Blocker.js'
import { each } from './Precondition.js'
import type { Precondition } from './Precondition.js'

/**
 * `proposals-withdrawn`: a blocker for each submitted or active proposal and each offer.
 *
 * @category rules
 * @since 0.1.0
 */
export const proposalsWithdrawn: Precondition<
  { readonly scope: Scope; readonly proposals: ReadonlyArray<Proposal> },
  ProposalOpen
> = each(
  (f) => f.proposals,
  (p, f) =>
    p.status === 'submitted' || p.status === 'active' || p.status === 'offer'
      ? { _tag: 'ProposalOpen', rule: 'proposals-withdrawn', scope: f.scope, proposalId: p.id, status: p.status }
      : undefined,
)
