import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { across } from '../engine/Precondition.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import type { StepBase } from '../engine/Step.js'
import { withDefinition } from '../engine/Step.js'
import { memberships } from '../model/facts.js'
import type { TeamScope } from '../model/Scope.js'

/** @category model @since 0.1.0 */
export interface AdminMustRemove extends BlockerBase {
  readonly _tag: 'AdminMustRemove'
  readonly rule: 'member-needs-admin'
  readonly scope: TeamScope
  /** User ids of the team's owner, admins and managers, sorted. */
  readonly contacts: ReadonlyArray<string>
}
/** @category model @since 0.1.0 */
export interface ContactAdmin extends StepBase {
  readonly _tag: 'ContactAdmin'
  readonly kind: 'remedy'
  readonly scope: TeamScope
  readonly contacts: ReadonlyArray<string>
}

const list = (ids: ReadonlyArray<string>): string => (ids.length === 0 ? 'nobody listed' : ids.join(', '))

/** @internal */
export const adminMustRemove = /*#__PURE__*/ blockerOf({
  tag: 'AdminMustRemove',
  rule: 'member-needs-admin',
  words: (b: AdminMustRemove, f) =>
    `As a plain member of ${f.scope(b.scope)} you cannot leave it yourself; its admins can remove you (${list(b.contacts)}).`,
})

// (one frozen list for every step: settling a frozen list met before is a lookup, not a walk per step)
const RESOLVES: ReadonlyArray<string> = /*#__PURE__*/ Object.freeze(['member-needs-admin'])

/** @category constructors @since 0.1.0 */
export const contactAdmin = /*#__PURE__*/ withDefinition(
  (scope: TeamScope, contacts: ReadonlyArray<string>): ContactAdmin => ({
    _tag: 'ContactAdmin',
    kind: 'remedy',
    resolves: RESOLVES,
    scope,
    contacts,
  }),
  {
    tag: 'ContactAdmin',
    kind: 'remedy',
    words: (s: ContactAdmin, f) => `Ask an admin of ${f.scope(s.scope)} to remove you (${list(s.contacts)}).`,
  },
)

/** What `member-needs-admin` checks: the part of {@link memberNeedsAdmin} that `canClose` runs (see `RuleCheck`). @internal */
export const memberNeedsAdminCheck = ruleCheck({
  id: 'member-needs-admin',
  paths: ['LeaveTeams'],
  tags: ['AdminMustRemove'],
  check: across(memberships)((f): ReadonlyArray<AdminMustRemove> =>
    f.role !== 'member'
      ? []
      : [
          {
            _tag: 'AdminMustRemove',
            rule: 'member-needs-admin',
            scope: f.scope,
            contacts: f.members
              .filter((m) => m.role !== 'member')
              .map((m) => m.userId)
              .sort(),
          },
        ],
  ),
})

/**
 * `member-needs-admin`: a plain member cannot leave a team; its owner, admins or managers
 * (the `contacts`, sorted) must remove them.
 *
 * @category rules
 * @since 0.1.0
 */
export const memberNeedsAdmin = /*#__PURE__*/ ruleFrom(memberNeedsAdminCheck, {
  clearable: false,
  rank: 3,
  blockers: [adminMustRemove],
  steps: [contactAdmin],
  clear: (b) => [contactAdmin(b.scope, b.contacts)],
})
