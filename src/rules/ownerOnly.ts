import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { across } from '../engine/Precondition.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import type { StepBase } from '../engine/Step.js'
import { withDefinition } from '../engine/Step.js'
import type { AgencyRole } from '../model/codecs.js'
import { targetAgency } from '../model/facts.js'
import type { AgencyScope } from '../model/Scope.js'

/** @category model @since 0.1.0 */
export interface NotOwner extends BlockerBase {
  readonly _tag: 'NotOwner'
  readonly rule: 'owner-only'
  readonly scope: AgencyScope
  readonly role: Exclude<AgencyRole, 'owner'>
}
/** @category model @since 0.1.0 */
export interface ContactOwner extends StepBase {
  readonly _tag: 'ContactOwner'
  readonly kind: 'remedy'
  readonly scope: AgencyScope
}

/** @internal */
export const notOwner = /*#__PURE__*/ blockerOf({
  tag: 'NotOwner',
  rule: 'owner-only',
  words: (b: NotOwner, f) => `Only the owner can close ${f.scope(b.scope)}; your role there is ${b.role}.`,
})

/** @category constructors @since 0.1.0 */
export const contactOwner = /*#__PURE__*/ withDefinition(
  (scope: AgencyScope): ContactOwner => ({ _tag: 'ContactOwner', kind: 'remedy', resolves: ['owner-only'], scope }),
  { tag: 'ContactOwner', kind: 'remedy', words: (s: ContactOwner, f) => `Ask the owner of ${f.scope(s.scope)} to close it.` },
)

/** What `owner-only` checks: the part of {@link ownerOnly} that `canClose` runs (see `RuleCheck`). @internal */
export const ownerOnlyCheck = ruleCheck({
  id: 'owner-only',
  paths: ['CloseAgency'],
  gate: 'scope',
  tags: ['NotOwner'],
  check: across(targetAgency)((f): ReadonlyArray<NotOwner> =>
    f.role === 'owner' ? [] : [{ _tag: 'NotOwner', rule: 'owner-only', scope: f.scope, role: f.role }],
  ),
})

/**
 * `owner-only`: only its owner can close an agency. When the user is not the owner, no other
 * blocker of that agency is reported (the account-wide ones still are).
 *
 * @category rules
 * @since 0.1.0
 */
export const ownerOnly = /*#__PURE__*/ ruleFrom(ownerOnlyCheck, {
  clearable: false,
  rank: 2,
  blockers: [notOwner],
  steps: [contactOwner],
  clear: (b) => [contactOwner(b.scope)],
})
