import type { UnknownTarget } from './Blocker.js'
import { defineRule } from './Rule.js'
import type { AgencyTarget } from '../model/Target.js'

/**
 * `target-exists`: an agency target must be one of the user's agencies. When it is not, this is
 * the only blocker reported, and nothing the user does clears it.
 *
 * @category rules
 * @since 0.1.0
 */
export const targetExists = defineRule<UnknownTarget, never>({
  id: 'target-exists',
  paths: ['CloseAgency'],
  clearable: false,
  gate: 'everything',
  check: (f): ReadonlyArray<UnknownTarget> => {
    // (on the path of closing an agency, the target is an agency)
    const target = f.target as AgencyTarget
    if (f.snapshot.agencies.some((a) => a.id === target.agencyId)) return []
    return [{ _tag: 'UnknownTarget', rule: 'target-exists', subject: target.agencyId, agencyId: target.agencyId }]
  },
  clear: () => [],
  messages: { UnknownTarget: (b) => `There is no agency ${b.agencyId} in this account.` },
})
