/**
 * Options spelled almost right. A key that is no option is ignored, as a snapshot's are, but one
 * that is an option's name spelled another way (`timezone`, `billing_cycle_end`, `maxError`,
 * `catalog`), or holds a word only an option's name holds (`billingCycle`, `cycleEnds`, `zone`,
 * `catalogues`, `errorLimit`), would be ignored too and change the answer without a word: it is a
 * `TypeError` naming the option meant. (TypeScript refuses such a key in an object literal; plain JavaScript
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

/**
 * The words of a key (camel case and separators split, lower case, a plural `s` dropped):
 * `billingCycle` → `billing`, `cycle`; `onError` → `on`, `error`; `lifecycle` → `lifecycle`.
 */
const words = (k: string): ReadonlyArray<string> =>
  k
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w !== '')
    .map((w) => w.replace(/s$/, ''))

/**
 * The option a key means: its name spelled another way (`timezone`, `maxError`), or a word only
 * an option's name holds (`billingCycle`, `cycleEnds`, `zone`, `catalogues`, `errorLimit`); or undefined. `error` means `maxErrors` only beside a word
 * of a limit (`errorLimit`, `maxError`), or as `errors`: an app's `onError` is its own.
 */
const meantBy = (k: string): string | undefined => {
  const p = plain(k)
  // its name in another case, with separators, a plural or the American spelling
  const same = NAMES.find((n) => plain(n) === p)
  if (same !== undefined) return same
  const w = words(k)
  // (and the words run together, in one case: `billingcycle`, `timezonename`, `errorlimit`, `mycatalog`)
  if (w.includes('billing') || w.includes('cycle') || p.includes('billingcycle') || p.includes('cycleend')) return 'billingCycleEnd'
  if (w.includes('zone') || w.includes('tz') || p.includes('timezone')) return 'timeZone'
  if (p.includes('catalog')) return 'catalogue'
  if (/errors$/i.test(k) || p.includes('maxerror') || p.includes('errorlimit') || (w.includes('error') && w.some((x) => x === 'max' || x === 'limit' || x === 'count' || x === 'cap')))
    return 'maxErrors'
  return undefined
}

/** Options objects already looked at, when frozen (`batch` asks with one object per line). */
const seen = new WeakSet<object>()

/** Throws a `TypeError` for a key of `options` that is an option's name spelled another way. */
export const spelledRight = (options: object): void => {
  // Stryker disable next-line ConditionalExpression: it only skips work (a frozen object cannot have changed)
  if (seen.has(options)) return
  for (const k of Object.keys(options)) {
    if (NAMES.includes(k)) continue
    const n = meantBy(k)
    if (n !== undefined) throw new TypeError(`${k} is not an option: did you mean ${n}?`)
  }
  if (Object.isFrozen(options)) seen.add(options)
}
