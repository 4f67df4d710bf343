/**
 * The English catalogue: the words of every built-in tag, assembled from the definitions of the
 * rules and the closing paths that own them (one source of words).
 *
 * @since 0.1.0
 */
import type { CatalogueFor } from './closure/closureWith.js'
import type { Format } from './engine/Format.js'
import { waitWords } from './engine/Step.js'
import { alternativeWords } from './paths/Alternative.js'
import { consequenceWords } from './paths/Consequence.js'
import { pathSteps } from './paths/procedure.js'
import { defaultRules } from './defaults.js'

/**
 * English words for everything built in, keyed by tag: the starting point of a catalogue in
 * another language (`{ ...en, SecurityQuestionMissing: () => '…' }`).
 *
 * @example
 * import { decodeSnapshot, en, verdict } from 'account-closure'
 *
 * const decoded = decodeSnapshot({
 *   asOf: '2026-11-18T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
 *   freelancer: null, companies: [], agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 * })
 * if (decoded._tag === 'Left') throw new Error('invalid snapshot')
 * const snapshot = decoded.right
 * const v = verdict(snapshot, undefined, { catalogue: { ...en, Confirm: () => 'Bestätigen.' } })
 * console.log(v.steps.at(-1)?.message) // 'Bestätigen.'
 *
 * @category catalogues
 * @since 0.1.0
 */
export const en: CatalogueFor<(typeof defaultRules)[number]> = (() => {
  const out: Record<string, (item: never, format: Format) => string> = { WaitUntil: waitWords }
  const add = (d: { readonly tag: string; words(item: never, format: Format): string }): void => {
    out[d.tag] = (item, format) => d.words(item, format)
  }
  for (const r of defaultRules) for (const d of [...r.blockers, ...r.steps, ...r.reasons]) add(d)
  for (const d of pathSteps) add(d)
  Object.assign(out, consequenceWords, alternativeWords)
  // (frozen, as the rules are: a change to it would reach every catalogue made from it afterwards)
  return Object.freeze(out) as unknown as CatalogueFor<(typeof defaultRules)[number]>
})()
