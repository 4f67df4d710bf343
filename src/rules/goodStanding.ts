import type { NotInGoodStanding } from './Blocker.js'
import type { ClosureFacts } from './facts.js'
import type { Precondition } from './Precondition.js'

/**
 * `good-standing`: an account on hold or suspended goes through support first.
 *
 * @category rules
 * @since 0.1.0
 */
export const goodStanding: Precondition<Pick<ClosureFacts, 'snapshot'>, NotInGoodStanding> = (f) => {
  const standing = f.snapshot.user.standing
  return standing === 'good' ? [] : [{ _tag: 'NotInGoodStanding', rule: 'good-standing', standing }]
}
