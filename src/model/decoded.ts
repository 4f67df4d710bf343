/**
 * Which values are snapshots this library decoded, and with which extension codecs.
 *
 * A membership check only: this module imports no decoder, so that code which only answers
 * questions about snapshots (`canClose`) does not carry the decoder into a bundle.
 *
 * @internal
 */
import type { AccountSnapshot } from './codecs.js'

/** The extension codecs a snapshot's `extensions` were decoded with, by key (none: empty). */
export type DecodedWith = ReadonlyMap<string, unknown>

const NONE: DecodedWith = new Map()

/** Every snapshot decoded here (deeply frozen), with the codecs of its extensions. */
const registry = new WeakMap<object, DecodedWith>()

/**
 * Records a snapshot that decoding has just built and frozen.
 *
 * @internal
 */
export const markDecoded = (snapshot: AccountSnapshot, codecs: DecodedWith = NONE): void => {
  registry.set(snapshot, codecs)
}

/**
 * The extension codecs a snapshot was decoded with (by key), or `undefined` when the value is
 * not a snapshot decoded by this library.
 *
 * @internal
 */
export const decodedWith = (u: unknown): DecodedWith | undefined =>
  // (a WeakMap holds no primitive or null: `get` gives undefined for them)
  registry.get(u as object)

/**
 * Whether a value is a snapshot decoded by this library (by `decodeSnapshot`, `decodeSnapshotText`
 * or a policy's decoder).
 *
 * @internal
 */
export const isDecoded = (u: unknown): u is AccountSnapshot => registry.has(u as object)

/**
 * The snapshot itself when this library decoded it; otherwise a `TypeError` that says to decode.
 * A copy (a `structuredClone`, a spread) or raw JSON is not a decoded snapshot: what it holds
 * was never checked, or may have changed since. Guards every function of the API against raw
 * JSON from plain JavaScript.
 *
 * @internal
 */
export const asSnapshot = (u: unknown): AccountSnapshot => {
  if (registry.has(u as object)) return u as AccountSnapshot
  throw new TypeError(`account-closure: not a snapshot decoded by this library (${whatItIs(u)}); call decodeSnapshot (or decodeSnapshotText) on the input first`)
}

/**
 * What a value that is not a decoded snapshot is, said. A frozen object is most likely a snapshot
 * that another copy of the package decoded (its CommonJS build and its ES module build are two
 * copies, and each takes only its own snapshots): raw JSON and copies are not frozen.
 */
const whatItIs = (u: unknown): string => {
  if (u === null) return 'null'
  if (Array.isArray(u)) return 'an array'
  if (typeof u !== 'object') return typeof u
  return Object.isFrozen(u)
    ? 'a frozen object: if another copy of account-closure (its CommonJS build, say) decoded it, ask that copy'
    : 'raw JSON or a copy'
}
