/**
 * Message catalogues: the words for every blocker, step, wait reason, consequence and
 * alternative, kept apart from the data.
 *
 * @since 0.1.0
 */
import type { Alternative } from '../plan/Alternative.js'
import type { Consequence } from '../plan/Consequence.js'
import type { Step, WaitReason } from '../plan/Step.js'
import type { Blocker } from '../rules/Blocker.js'
import type { Messages } from './Format.js'

/**
 * Everything the library can say about its built-in items (an app's own rule carries the words
 * for its own). Replace it whole (another language) or in part (spread the default and override
 * a few tags); a missing tag is a type error.
 *
 * @example
 * const mine: Catalogue = { ...en, blockers: { ...en.blockers, SecurityQuestionMissing: () => 'Set a security question first.' } }
 * verdict(snapshot, undefined, { catalogue: mine })
 *
 * @category model
 * @since 0.1.0
 */
export interface Catalogue {
  readonly blockers: Messages<Blocker>
  readonly steps: Messages<Step>
  readonly reasons: Messages<WaitReason>
  readonly consequences: Messages<Consequence>
  readonly alternatives: Messages<Alternative>
}
