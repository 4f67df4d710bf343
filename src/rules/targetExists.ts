import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import type { AgencyTarget } from '../model/Target.js'

/** @category model @since 0.1.0 */
export interface UnknownTarget extends BlockerBase {
  /** The agency id. */
  readonly subject: string
  readonly _tag: 'UnknownTarget'
  readonly rule: 'target-exists'
  readonly agencyId: string
}

/** @internal */
export const unknownTarget = /*#__PURE__*/ blockerOf({
  tag: 'UnknownTarget',
  rule: 'target-exists',
  words: (b: UnknownTarget) => `There is no agency ${b.agencyId} in this account.`,
})

/** What `target-exists` checks: the part of {@link targetExists} that `canClose` runs (see `RuleCheck`). @internal */
export const targetExistsCheck = ruleCheck({
  id: 'target-exists',
  paths: ['CloseAgency'],
  gate: 'everything',
  tags: ['UnknownTarget'],
  check: (f): ReadonlyArray<UnknownTarget> => {
    // (on the path of closing an agency, the target is an agency)
    const target = f.target as AgencyTarget
    if (f.snapshot.agencies.some((a) => a.id === target.agencyId)) return []
    return [{ _tag: 'UnknownTarget', rule: 'target-exists', subject: target.agencyId, agencyId: target.agencyId }]
  },
})

/**
 * `target-exists`: an agency target must be one of the user's agencies. When it is not, this is
 * the only blocker reported, and nothing the user does clears it.
 *
 * @category rules
 * @since 0.1.0
 */
export const targetExists = /*#__PURE__*/ ruleFrom(targetExistsCheck, {
  clearable: false,
  blockers: [unknownTarget],
  clear: () => [],
})
