/**
 * JSON data of an app's own: copied, checked and frozen, never shared with the input.
 *
 * @internal
 */
import type * as t from 'io-ts'

import { pathTo, showFound } from './DecodeError.js'
import { codec, countKeys, FAIL, report, safely } from './struct.js'
import type { Sink } from './struct.js'

/** What JSON data is, in words. */
export const JSON_DATA = 'JSON data (null, true, false, a finite number, a string, a list or a plain object)'

const hasOwn = Object.prototype.hasOwnProperty
const toString = Object.prototype.toString
const UNREADABLE = 'a value that cannot be read'

/** A plain object of any realm: `[object Object]`, with no prototype or a prototype that has none. */
const isPlain = (v: object): boolean => {
  if (toString.call(v) !== '[object Object]') return false
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === null || Object.getPrototypeOf(proto) === null
}

/** How a value that is not JSON data is shown. */
const shown = (v: unknown): string =>
  typeof v === 'function' ? 'a function' : typeof v === 'symbol' ? 'a symbol' : typeof v === 'object' && v !== null ? 'an instance of a class' : safely(() => showFound(v), UNREADABLE)

/**
 * A fresh copy of JSON data: `null`, booleans, finite numbers, strings, lists (every item
 * present) and plain objects (own enumerable keys; a key named `__proto__` is dropped, so that no
 * copy has one). Anything else (a function, a symbol, a bigint, `undefined`, NaN, a class
 * instance, a cycle) is a problem at its path: reported into `s`, or, without a sink, the copy
 * is `FAIL` at once. A value met twice (a shared part) is copied once and shared in the copy.
 * Never throws. With `freeze`, every object and list of the copy is frozen. The own keys it
 * copies are counted for the text check (see `countingKeys`).
 */
export const copyJson = (u: unknown, path: string, s: Sink | undefined, freeze: boolean, what: string = JSON_DATA): unknown => {
  const done = new Map<object, unknown>()
  const open = new Set<object>()
  let keys = 0
  let failed = false
  const fail = (at: string, expected: string, found: string): typeof FAIL => {
    failed = true
    if (s !== undefined) report(s, at, expected, found)
    return FAIL
  }
  const go = (v: unknown, at: string): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
    if (typeof v === 'number') return Number.isFinite(v) ? v : fail(at, what, String(v))
    if (typeof v !== 'object') return fail(at, what, v === undefined ? 'nothing' : shown(v))
    const seen = done.get(v)
    if (seen !== undefined) return seen
    if (open.has(v)) return fail(at, `${what} without a cycle`, 'a value that contains itself')
    open.add(v)
    const copy = safely(() => (Array.isArray(v) ? list(v, at) : isPlain(v) ? record(v, at) : fail(at, what, shown(v))), undefined)
    open.delete(v)
    if (copy === undefined) return fail(at, what, UNREADABLE)
    if (copy !== FAIL) done.set(v, copy)
    return copy
  }
  const list = (v: ReadonlyArray<unknown>, at: string): unknown => {
    const n = v.length
    const out: Array<unknown> = []
    let ok = true
    for (let i = 0; i < n; i++) {
      const here = pathTo(at, i)
      const item = safely(() => (hasOwn.call(v, i) ? v[i] : undefined), FAIL)
      const x = item === FAIL ? fail(here, what, UNREADABLE) : go(item, here)
      if (x === FAIL) {
        ok = false
        if (s === undefined) return FAIL
      } else out.push(x)
    }
    if (!ok) return FAIL
    return freeze ? Object.freeze(out) : out
  }
  const record = (v: object, at: string): unknown => {
    const out: Record<string, unknown> = {}
    let ok = true
    for (const k of Object.keys(v)) {
      // an own __proto__ key is dropped: it would set the copy's prototype, or be a trap later
      if (k === '__proto__') continue
      keys++
      const here = pathTo(at, k)
      const item = safely(() => (v as Record<string, unknown>)[k], FAIL)
      const x = item === FAIL ? fail(here, what, UNREADABLE) : go(item, here)
      if (x === FAIL) {
        ok = false
        if (s === undefined) return FAIL
      } else out[k] = x
    }
    if (!ok) return FAIL
    return freeze ? Object.freeze(out) : out
  }
  // (a list nested too deeply for the stack is a value that cannot be read)
  const copy = safely(() => go(u, path), FAIL)
  if (copy === FAIL || failed) {
    if (!failed) fail(path, what, 'a value nested too deeply, or that cannot be read')
    return FAIL
  }
  countKeys(keys)
  return copy
}

/**
 * An app's own facts: `extensions`, an object of JSON data, optional (absent is `{}`).
 *
 * @internal
 */
export type Extensions = Readonly<Record<string, unknown>>

const EMPTY: Extensions = Object.freeze({})
const LABEL = 'an object (Extensions: an app’s own facts, by key)'

const isExtensions = (u: unknown): u is Extensions =>
  typeof u === 'object' && u !== null && !Array.isArray(u) && copyJson(u, '', undefined, false) !== FAIL

/**
 * The codec of `extensions`: an object of JSON data, kept as a frozen copy; absent is `{}`
 * (and `{}` encodes to nothing).
 *
 * @internal
 */
export const ExtensionsC: t.Type<Extensions, Extensions | undefined, unknown> = codec<Extensions, Extensions | undefined>(
  LABEL,
  isExtensions,
  {
    fast: (u) => {
      if (u === undefined) return EMPTY
      if (safely(() => !isPlain(u as object), true) || typeof u !== 'object' || u === null) return FAIL
      return copyJson(u, 'extensions', undefined, true) as Extensions | typeof FAIL
    },
    reporting: (u, path, s) => {
      if (u === undefined) return EMPTY
      if (typeof u !== 'object' || u === null || safely(() => !isPlain(u), true)) {
        report(s, path, LABEL, safely(() => showFound(u), UNREADABLE))
        return FAIL
      }
      return copyJson(u, path, s, true) as Extensions | typeof FAIL
    },
  },
  // (nothing to write when empty: `extensions` is optional)
  (a) => (Object.keys(a).length === 0 ? undefined : a),
)
