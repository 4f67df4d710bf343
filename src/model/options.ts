/**
 * Options spelled almost right. A key that is no option is ignored, as a snapshot's are, but one
 * that is an option's name spelled another way (`timezone`, `billing_cycle_end`, `maxError`,
 * `catalog`), or holds a part only an option's name holds (`billingCycle`, `cycleEnds`, `zone`,
 * `catalogues`, `errorLimit`), would be ignored too and change the answer without a word: it is a
 * `TypeError` naming the option meant. (TypeScript refuses such a key in an object literal; plain JavaScript
 * does not.)
 *
 * @internal
 */

/** The options of the API, of every function. */
const NAMES = ['billingCycleEnd', 'timeZone', 'catalogue', 'maxErrors']

/**
 * Parts of a name that only an option's name holds, and the option each names: a key holding one
 * (`billingCycle`, `cycleEnds`, `zone`, `catalogues`, `errorLimit`) is that option spelled another way.
 */
const STEMS: ReadonlyArray<readonly [string, string]> = [
  ['billing', 'billingCycleEnd'],
  ['cycle', 'billingCycleEnd'],
  ['zone', 'timeZone'],
  ['catalog', 'catalogue'],
  ['error', 'maxErrors'],
]

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
    for (const [stem, n] of STEMS) if (p.includes(stem)) throw new TypeError(`${k} is not an option: did you mean ${n}?`)
  }
  if (Object.isFrozen(options)) seen.add(options)
}
