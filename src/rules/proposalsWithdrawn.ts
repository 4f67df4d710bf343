import { declineOffer, withdrawProposal } from '../plan/Step.js'
import type { DeclineOffer, WithdrawProposal } from '../plan/Step.js'
import type { ProposalOpen } from './Blocker.js'
import { earningWork } from './facts.js'
import { across, fromItems } from './Precondition.js'
import { defineRule } from './Rule.js'

/**
 * `proposals-withdrawn`: a blocker for each submitted or active proposal, and each offer, of the
 * freelancer's or an agency's work being closed.
 *
 * @category rules
 * @since 0.1.0
 */
export const proposalsWithdrawn = defineRule<ProposalOpen, WithdrawProposal | DeclineOffer>({
  id: 'proposals-withdrawn',
  paths: ['CloseAccount', 'CloseAgency'],
  check: across(earningWork)(
    fromItems(
      (f) => f.proposals,
      (p, f): ProposalOpen | undefined =>
        p.status === 'submitted' || p.status === 'active' || p.status === 'offer'
          ? { _tag: 'ProposalOpen', rule: 'proposals-withdrawn', scope: f.scope, subject: p.id, proposalId: p.id, status: p.status }
          : undefined,
    ),
  ),
  clear: (b) => [b.status === 'offer' ? declineOffer(b.scope, b.proposalId) : withdrawProposal(b.scope, b.proposalId)],
  messages: {
    ProposalOpen: (b, f) =>
      b.status === 'offer'
        ? `Offer ${b.proposalId} to ${f.scope(b.scope)} is waiting for an answer.`
        : `Proposal ${b.proposalId} of ${f.scope(b.scope)} is still ${b.status}.`,
  },
})
