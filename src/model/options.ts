/**
 * Options spelled almost right. A key that is no option is ignored, as a snapshot's are, but one
 * that is an option's name spelled another way (`timezone`, `billing_cycle_end`, `maxError`,
 * `catalog`) would be ignored too and change the answer without a word: it is a `TypeError`
 * naming the option meant. (TypeScript refuses such a key in an object literal; plain JavaScript
 * does not.)
 *
 * @internal
 */

/** The options of the API, of every function. */
const NAMES = ['billingCycleEnd', 'timeZone', 'catalogue', 'maxErrors']

/** A name as it is compared: lower case, letters only, without a plural or a British ending. */
const plain = (k: string): string =>
  k
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/(s|ue)$/, '')

/** Options objects already looked at, when frozen (`batch` asks with one object per line). */
const seen = new WeakSet<object>()

/** Throws a `TypeError` for a key of `options` that is an option's name spelled another way. */
export const spelledRight = (options: object): void => {
  // Stryker disable next-line ConditionalExpression: it only skips work (a frozen object cannot have changed)
  if (seen.has(options)) return
  for (const k of Object.keys(options)) {
    if (NAMES.includes(k)) continue
    const p = plain(k)
    for (const n of NAMES) if (plain(n) === p) throw new TypeError(`${k} is not an option: did you mean ${n}?`)
  }
  if (Object.isFrozen(options)) seen.add(options)
}
