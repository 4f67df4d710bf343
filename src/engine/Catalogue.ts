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
 * const de: CatalogueFor<(typeof defaultRules)[number]> = { SecurityQuestionMissing: () => 'Keine Sicherheitsfrage gesetzt.', … }
 * verdict(snapshot, undefined, { catalogue: de })
 *
 * @category model
 * @since 0.1.0
 */
export type Catalogue = { readonly [tag: string]: ((item: never, format: Format) => string) | undefined }
