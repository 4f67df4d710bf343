/**
 * Message catalogues: words that replace the English ones (another language), one object keyed
 * by tag, kept apart from the data.
 *
 * @since 0.1.0
 */
import type { Format } from './Format.js'

/**
 * Words by tag, for blockers, steps, reasons to wait, consequences and alternatives alike. A tag
 * it does not hold keeps the words of its definition. Type one with `CatalogueFor<…>` to have a
 * missing tag be a type error.
 *
 * @example
 * import { decodeSnapshot, defaultRules, en, verdict } from 'account-closure'
 * import type { CatalogueFor } from 'account-closure'
 *
 * // every tag of the default rules, typed complete: here the English words with two in German
 * const de: CatalogueFor<(typeof defaultRules)[number]> = {
 *   ...en,
 *   SecurityQuestionMissing: () => 'Keine Sicherheitsfrage gesetzt.',
 *   SetSecurityQuestion: () => 'Legen Sie eine Sicherheitsfrage fest.',
 * }
 * const decoded = decodeSnapshot({
 *   asOf: '2026-11-18T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: false, standing: 'good' },
 *   freelancer: null, companies: [], agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 * })
 * if (decoded._tag === 'Left') throw new Error('invalid snapshot')
 * console.log(verdict(decoded.right, undefined, { catalogue: de }).blockers.map((b) => b.message)) // ['Keine Sicherheitsfrage gesetzt.']
 *
 * @category model
 * @since 0.1.0
 */
export type Catalogue = {
  /** The words of the items of one tag. */
  readonly [tag: string]: ((item: never, format: Format) => string) | undefined
}
