import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { fromItems } from '../engine/Precondition.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import type { StepBase } from '../engine/Step.js'
import { withDefinition } from '../engine/Step.js'
import type { ClosureFacts } from '../model/facts.js'

/** @category model @since 0.1.0 */
export interface DisputeUnresolved extends BlockerBase {
  /** The dispute id. */
  readonly subject: string
  readonly _tag: 'DisputeUnresolved'
  readonly rule: 'disputes-resolved'
  readonly disputeId: string
}
/** @category model @since 0.1.0 */
export interface ResolveDispute extends StepBase {
  readonly _tag: 'ResolveDispute'
  readonly kind: 'remedy'
  readonly subject: string
  readonly disputeId: string
}

/** @internal */
export const disputeUnresolved = /*#__PURE__*/ blockerOf({
  tag: 'DisputeUnresolved',
  rule: 'disputes-resolved',
  words: (b: DisputeUnresolved) => `Dispute ${b.disputeId} is still open.`,
})

/** @category constructors @since 0.1.0 */
export const resolveDispute = /*#__PURE__*/ withDefinition(
  (disputeId: string): ResolveDispute => ({
    _tag: 'ResolveDispute',
    kind: 'remedy',
    resolves: ['disputes-resolved'],
    subject: disputeId,
    disputeId,
  }),
  { tag: 'ResolveDispute', kind: 'remedy', words: (s: ResolveDispute) => `Resolve dispute ${s.disputeId}.` },
)

/** What `disputes-resolved` checks: the part of {@link disputesResolved} that `canClose` runs (see `RuleCheck`). @internal */
export const disputesResolvedCheck = ruleCheck({
  id: 'disputes-resolved',
  paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'],
  tags: ['DisputeUnresolved'],
  check: fromItems(
    (f: ClosureFacts) => f.snapshot.disputes,
    (d): DisputeUnresolved | undefined =>
      d.status === 'open' ? { _tag: 'DisputeUnresolved', rule: 'disputes-resolved', subject: d.id, disputeId: d.id } : undefined,
  ),
})

/**
 * `disputes-resolved`: every open dispute must be resolved first; its outcome takes the time it
 * takes, so the earliest instant may move.
 *
 * @category rules
 * @since 0.1.0
 */
export const disputesResolved = /*#__PURE__*/ ruleFrom(disputesResolvedCheck, {
  rank: 4,
  mayMove: { because: 'A dispute takes the time it takes.' },
  blockers: [disputeUnresolved],
  steps: [resolveDispute],
  clear: (b) => [resolveDispute(b.disputeId)],
})
