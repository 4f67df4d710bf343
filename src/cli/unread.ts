/**
 * The facts a snapshot holds that no rule reads: keys of its `extensions` that none of the
 * policy's rules declares. They are kept, and the answer leaves them out; the command says so on
 * standard error, so that a run that forgot `--rules` does not pass for one that weighed them.
 *
 * @internal
 */
import { escapeText } from './escape.js'

/** The note of a batch counts up to this many distinct keys (one more is kept, to know there are more). */
const KEPT = 100

/** The extension keys the rules declare (none for the built-in rules). */
export const declaredBy = (rules: ReadonlyArray<{ readonly extension?: { readonly key: string } }>): ReadonlySet<string> => {
  const keys = new Set<string>()
  for (const r of rules) if (r.extension !== undefined) keys.add(r.extension.key)
  return keys
}

/** The keys of `extensions` that no rule declares, in their order; none: undefined. */
export const unreadIn = (extensions: Readonly<Record<string, unknown>>, declared: ReadonlySet<string>): ReadonlyArray<string> | undefined => {
  let out: Array<string> | undefined
  // (for…in: nothing made for the usual snapshot, whose extensions are empty; own keys only)
  for (const k in extensions) if (Object.prototype.hasOwnProperty.call(extensions, k) && !declared.has(k)) (out ??= []).push(k)
  return out
}

/** Adds keys to a set of them, up to one more than {@link KEPT}. */
export const keep = (into: Set<string>, keys: Iterable<string>): void => {
  for (const k of keys) if (into.size <= KEPT) into.add(k)
}

/** The keys as the note names them: the first five, escaped, then how many more. */
const named = (keys: ReadonlyArray<string>, more: boolean): string => {
  const shown = keys.slice(0, 5).map((k) => `extensions.${escapeText(k)}`)
  const rest = keys.length - shown.length
  return `${shown.join(', ')}${more ? ', and more' : rest > 0 ? `, and ${rest} more` : ''}`
}

/** The note of `check`: which keys of its snapshot no rule reads. */
export const checkNote = (keys: ReadonlyArray<string>): string => {
  const one = keys.length === 1
  return `account-closure: note: ${named(keys, false)} ${one ? 'is' : 'are'} read by no rule, so the answer leaves ${one ? 'it' : 'them'} out (give the rules that read ${one ? 'it' : 'them'} with --rules)`
}

/** The note of `batch`: how many lines held keys no rule reads, and which. */
export const batchNote = (lines: number, keys: ReadonlySet<string>): string =>
  `account-closure: note: ${lines} ${lines === 1 ? 'line holds' : 'lines hold'} extensions that no rule reads (${named([...keys], keys.size > KEPT)}), which ${lines === 1 ? 'its answer leaves' : 'their answers leave'} out (give the rules that read them with --rules)`
