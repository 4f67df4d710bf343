import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { across, fromItems } from '../engine/Precondition.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import type { StepBase } from '../engine/Step.js'
import { withDefinition } from '../engine/Step.js'
import type { AgencyRole, CompanyRole } from '../model/codecs.js'
import { teamsToClose } from '../model/facts.js'
import type { TeamScope } from '../model/Scope.js'

/** @category model @since 0.1.0 */
export interface MemberRemains extends BlockerBase {
  /** The member's user id. */
  readonly subject: string
  readonly _tag: 'MemberRemains'
  readonly rule: 'members-removed'
  readonly scope: TeamScope
  readonly userId: string
  readonly role: CompanyRole | AgencyRole
}
/** @category model @since 0.1.0 */
export interface RemoveMember extends StepBase {
  readonly _tag: 'RemoveMember'
  readonly kind: 'remedy'
  readonly subject: string
  readonly scope: TeamScope
  readonly userId: string
}

/** @internal */
export const memberRemains = /*#__PURE__*/ blockerOf({
  tag: 'MemberRemains',
  rule: 'members-removed',
  words: (b: MemberRemains, f) => `${b.userId} (${b.role}) is still a member of ${f.scope(b.scope)}.`,
})

// (one frozen list for every step: settling a frozen list met before is a lookup, not a walk per step)
const RESOLVES: ReadonlyArray<string> = /*#__PURE__*/ Object.freeze(['members-removed'])

/** @category constructors @since 0.1.0 */
export const removeMember = /*#__PURE__*/ withDefinition(
  (scope: TeamScope, userId: string): RemoveMember => ({
    _tag: 'RemoveMember',
    kind: 'remedy',
    resolves: RESOLVES,
    scope,
    subject: userId,
    userId,
  }),
  { tag: 'RemoveMember', kind: 'remedy', words: (s: RemoveMember, f) => `Remove ${s.userId} from ${f.scope(s.scope)}.` },
)

/** What `members-removed` checks: the part of {@link membersRemoved} that `canClose` runs (see `RuleCheck`). @internal */
export const membersRemovedCheck = ruleCheck({
  id: 'members-removed',
  paths: ['CloseAccount', 'CloseAgency'],
  tags: ['MemberRemains'],
  check: across(teamsToClose)(
    fromItems(
      (f) => f.members,
      (m, f): MemberRemains => ({
        _tag: 'MemberRemains',
        rule: 'members-removed',
        scope: f.scope,
        subject: m.userId,
        userId: m.userId,
        role: m.role,
      }),
    ),
  ),
})

/**
 * `members-removed`: a blocker for each other member of a company or agency being closed. A
 * member is removed after the team's contracts end (the contact person of an open contract
 * cannot be removed).
 *
 * @category rules
 * @since 0.1.0
 */
export const membersRemoved = /*#__PURE__*/ ruleFrom(membersRemovedCheck, {
  rank: 9,
  follows: [{ step: 'EndContract', scope: 'same' }],
  blockers: [memberRemains],
  steps: [removeMember],
  clear: (b) => [removeMember(b.scope, b.userId)],
})
