import type { UnknownTarget } from './Blocker.js'
import type { ClosureFacts } from './facts.js'
import type { Precondition } from './Precondition.js'

/**
 * `target-exists`: an agency target must be one of the user's agencies.
 *
 * @category rules
 * @since 0.1.0
 */
export const targetExists: Precondition<Pick<ClosureFacts, 'snapshot' | 'target'>, UnknownTarget> = (f) => {
  const target = f.target
  if (target._tag !== 'Agency' || f.snapshot.agencies.some((a) => a.id === target.agencyId)) return []
  return [{ _tag: 'UnknownTarget', rule: 'target-exists', agencyId: target.agencyId }]
}
