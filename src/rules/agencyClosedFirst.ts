import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { across } from '../engine/Precondition.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import type { StepBase } from '../engine/Step.js'
import { withDefinition } from '../engine/Step.js'
import { ownedAgencies } from '../model/facts.js'
import { agencyScope } from '../model/Scope.js'

/** @category model @since 0.1.0 */
export interface AgencyOpen extends BlockerBase {
  /** The agency id. */
  readonly subject: string
  readonly _tag: 'AgencyOpen'
  readonly rule: 'agency-closed-first'
  readonly agencyId: string
}
/** @category model @since 0.1.0 */
export interface CloseAgency extends StepBase {
  readonly _tag: 'CloseAgency'
  readonly kind: 'remedy'
  readonly subject: string
  readonly agencyId: string
}

/** @internal */
export const agencyOpen = /*#__PURE__*/ blockerOf({
  tag: 'AgencyOpen',
  rule: 'agency-closed-first',
  words: (b: AgencyOpen, f) => `You own ${f.scopeWithKind(agencyScope(b.agencyId))}; it has to be closed before the account.`,
})

/** @category constructors @since 0.1.0 */
export const closeAgency = /*#__PURE__*/ withDefinition(
  (agencyId: string): CloseAgency => ({ _tag: 'CloseAgency', kind: 'remedy', resolves: ['agency-closed-first'], subject: agencyId, agencyId }),
  {
    tag: 'CloseAgency',
    kind: 'remedy',
    // a step of the account, about the agency it closes: the agency's own remedies come first
    orderScope: (s: CloseAgency) => agencyScope(s.agencyId),
    words: (s: CloseAgency, f) => `Close ${f.scopeWithKind(agencyScope(s.agencyId))} (Settings › Agency Profile).`,
  },
)

/** What `agency-closed-first` checks: the part of {@link agencyClosedFirst} that `canClose` runs (see `RuleCheck`). @internal */
export const agencyClosedFirstCheck = ruleCheck({
  id: 'agency-closed-first',
  paths: ['CloseAccount'],
  tags: ['AgencyOpen'],
  check: across(ownedAgencies)((f): ReadonlyArray<AgencyOpen> => [
    { _tag: 'AgencyOpen', rule: 'agency-closed-first', subject: f.scope.agencyId, agencyId: f.scope.agencyId },
  ]),
})

/**
 * `agency-closed-first`: an agency the user owns is closed before the account that owns it, once
 * its own work is done (its contracts ended, members removed, proposals withdrawn, funds taken
 * out). (Inferred: the sources ask for all activity to be cleared, and an owned agency is activity.)
 *
 * @category rules
 * @since 0.1.0
 */
export const agencyClosedFirst = /*#__PURE__*/ ruleFrom(agencyClosedFirstCheck, {
  rank: 12,
  follows: [
    { step: 'EndContract', scope: 'same' },
    { step: 'RemoveMember', scope: 'same' },
    { step: 'WithdrawProposal', scope: 'same' },
    { step: 'DeclineOffer', scope: 'same' },
    { step: 'WithdrawFunds', scope: 'same' },
  ],
  blockers: [agencyOpen],
  steps: [closeAgency],
  clear: (b) => [closeAgency(b.agencyId)],
})
