/**
 * Message catalogues: the words for every blocker, step and consequence, kept apart from the data.
 *
 * @since 0.1.0
 */
import type { Consequence } from '../plan/Consequence.js'
import type { Step } from '../plan/Step.js'
import type { Blocker } from '../rules/Blocker.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A function per `_tag` of a union; a missing tag is a type error.
 *
 * @category model
 * @since 0.1.0
 */
export type Messages<U extends { readonly _tag: string }> = {
  readonly [K in U['_tag']]: (item: Extract<U, { readonly _tag: K }>) => string
}

/**
 * Everything the library can say. Replace it whole (another language) or in part (spread the
 * default and override a few tags).
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
  readonly consequences: Messages<Consequence>
}

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * The message for one item of a union, from its part of a catalogue.
 *
 * @example
 * say(en.blockers, blocker) // 'Contract c-1 (hourly) of your freelancer work is still active: end it.'
 *
 * @category destructors
 * @since 0.1.0
 */
export const say = <U extends { readonly _tag: string }>(messages: Messages<U>, item: U): string =>
  (messages[item._tag as U['_tag']] as (item: U) => string)(item)
