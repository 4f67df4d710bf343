import type { BlockerBase } from '../engine/Blocker.js'
import { blockerOf } from '../engine/Blocker.js'
import { ruleCheck, ruleFrom } from '../engine/Rule.js'
import { stepOf } from '../engine/Step.js'
import type { Standing } from '../model/codecs.js'

/** @category model @since 0.1.0 */
export interface NotInGoodStanding extends BlockerBase {
  readonly _tag: 'NotInGoodStanding'
  readonly rule: 'good-standing'
  readonly standing: Exclude<Standing, 'good'>
}

/** @internal */
export const notInGoodStanding = /*#__PURE__*/ blockerOf({
  tag: 'NotInGoodStanding',
  rule: 'good-standing',
  words: (b: NotInGoodStanding) => `The account is ${b.standing === 'on_hold' ? 'on hold' : 'suspended'}; only support can help close it.`,
})

/** The step that clears it, with its words. @category constructors @since 0.1.0 */
export const contactSupport = /*#__PURE__*/ stepOf({
  tag: 'ContactSupport',
  kind: 'remedy',
  rule: 'good-standing',
  words: () => 'Contact support about the standing of your account.',
})
/** @category model @since 0.1.0 */
export type ContactSupport = ReturnType<typeof contactSupport>

/** What `good-standing` checks: the part of {@link goodStanding} that `canClose` runs (see `RuleCheck`). @internal */
export const goodStandingCheck = ruleCheck({
  id: 'good-standing',
  paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'],
  tags: ['NotInGoodStanding'],
  check: (f) => {
    const standing = f.snapshot.user.standing
    return standing === 'good' ? [] : [{ _tag: 'NotInGoodStanding', rule: 'good-standing', standing } as const]
  },
})

/**
 * `good-standing`: an account on hold or suspended closes only through support (and, once the
 * plan contacts support, talking to support is no longer offered as an alternative).
 *
 * @category rules
 * @since 0.1.0
 */
export const goodStanding = /*#__PURE__*/ ruleFrom(goodStandingCheck, {
  clearable: false,
  rank: 1,
  needless: ['TalkToSupport'],
  blockers: [notInGoodStanding],
  steps: [contactSupport],
  clear: () => [contactSupport({})],
})
