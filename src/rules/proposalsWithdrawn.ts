import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { across, fromItems } from '../engine/Precondition.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import type { StepBase } from '../engine/Step.js'
import { withDefinition } from '../engine/Step.js'
import type { ProposalStatus } from '../model/codecs.js'
import { earningWork } from '../model/facts.js'
import type { Scope } from '../model/Scope.js'

/** @category model @since 0.1.0 */
export interface ProposalOpen extends BlockerBase {
  /** The proposal id. */
  readonly subject: string
  readonly _tag: 'ProposalOpen'
  readonly rule: 'proposals-withdrawn'
  readonly scope: Scope
  readonly proposalId: string
  readonly status: Extract<ProposalStatus, 'submitted' | 'active' | 'offer'>
}
/** @category model @since 0.1.0 */
export interface WithdrawProposal extends StepBase {
  readonly _tag: 'WithdrawProposal'
  readonly kind: 'remedy'
  readonly subject: string
  readonly scope: Scope
  readonly proposalId: string
}
/** @category model @since 0.1.0 */
export interface DeclineOffer extends StepBase {
  readonly _tag: 'DeclineOffer'
  readonly kind: 'remedy'
  readonly subject: string
  readonly scope: Scope
  readonly proposalId: string
}

/** @internal */
export const proposalOpen = /*#__PURE__*/ blockerOf({
  tag: 'ProposalOpen',
  rule: 'proposals-withdrawn',
  words: (b: ProposalOpen, f) =>
    b.status === 'offer'
      ? `Offer ${b.proposalId} to ${f.scope(b.scope)} is waiting for an answer.`
      : `Proposal ${b.proposalId} of ${f.scope(b.scope)} is still ${b.status}.`,
})

// (one frozen list for every step: settling a frozen list met before is a lookup, not a walk per step)
const RESOLVES: ReadonlyArray<string> = /*#__PURE__*/ Object.freeze(['proposals-withdrawn'])

/** @category constructors @since 0.1.0 */
export const withdrawProposal = /*#__PURE__*/ withDefinition(
  (scope: Scope, proposalId: string): WithdrawProposal => ({
    _tag: 'WithdrawProposal',
    kind: 'remedy',
    resolves: RESOLVES,
    scope,
    subject: proposalId,
    proposalId,
  }),
  {
    tag: 'WithdrawProposal',
    kind: 'remedy',
    rank: 0,
    words: (s: WithdrawProposal, f) => `Withdraw proposal ${s.proposalId} of ${f.scope(s.scope)}.`,
  },
)
/** @category constructors @since 0.1.0 */
export const declineOffer = /*#__PURE__*/ withDefinition(
  (scope: Scope, proposalId: string): DeclineOffer => ({
    _tag: 'DeclineOffer',
    kind: 'remedy',
    resolves: RESOLVES,
    scope,
    subject: proposalId,
    proposalId,
  }),
  { tag: 'DeclineOffer', kind: 'remedy', rank: 1, words: (s: DeclineOffer, f) => `Decline offer ${s.proposalId} to ${f.scope(s.scope)}.` },
)

/** What `proposals-withdrawn` checks: the part of {@link proposalsWithdrawn} that `canClose` runs (see `RuleCheck`). @internal */
export const proposalsWithdrawnCheck = ruleCheck({
  id: 'proposals-withdrawn',
  paths: ['CloseAccount', 'CloseAgency'],
  tags: ['ProposalOpen'],
  check: across(earningWork)(
    fromItems(
      (f) => f.proposals,
      (p, f): ProposalOpen | undefined =>
        p.status === 'submitted' || p.status === 'active' || p.status === 'offer'
          ? { _tag: 'ProposalOpen', rule: 'proposals-withdrawn', scope: f.scope, subject: p.id, proposalId: p.id, status: p.status }
          : undefined,
    ),
  ),
})

/**
 * `proposals-withdrawn`: a blocker for each submitted or active proposal, and each offer, of the
 * freelancer's or an agency's work being closed.
 *
 * @category rules
 * @since 0.1.0
 */
export const proposalsWithdrawn = /*#__PURE__*/ ruleFrom(proposalsWithdrawnCheck, {
  rank: 5,
  blockers: [proposalOpen],
  steps: [withdrawProposal, declineOffer],
  clear: (b) => [b.status === 'offer' ? declineOffer(b.scope, b.proposalId) : withdrawProposal(b.scope, b.proposalId)],
})
