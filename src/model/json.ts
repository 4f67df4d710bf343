/**
 * JSON data of an app's own: copied, checked and frozen, never shared with the input.
 *
 * @internal
 */
import type * as t from 'io-ts'

import { pathTo, showFound } from './DecodeError.js'

const hasOwn = Object.prototype.hasOwnProperty
const toString = Object.prototype.toString
import { codecOf, countKeys, decoder, FAIL, report, safely } from './struct.js'
import type { Decoder, Sink } from './struct.js'

/** What JSON data is, in words. */
export const JSON_DATA = 'JSON data (null, true, false, a finite number, a string, a list or a plain object)'

const UNREADABLE = 'a value that cannot be read'

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
  // each object met: its copy, or FAIL while it is being copied (met again then, it is a cycle)
  const done = new Map<object, unknown>()
  let keys = 0
  let failed = false
  const fail = (at: string, found: string): typeof FAIL => {
    failed = true
    if (s !== undefined) report(s, at, what, found)
    return FAIL
  }
  const go = (v: unknown, at: string): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v
    if (typeof v !== 'object') return fail(at, v === undefined ? 'nothing' : typeof v === 'number' ? String(v) : `a ${typeof v}`)
    const seen = done.get(v)
    if (seen !== undefined) return seen === FAIL ? fail(at, 'a value that contains itself') : seen
    done.set(v, FAIL)
    let copy: unknown = safely(() => {
      const list = Array.isArray(v)
      // a plain object of any realm: no prototype, or one that has none
      const proto: unknown = Object.getPrototypeOf(v)
      if (!list && (toString.call(v) !== '[object Object]' || (proto !== null && Object.getPrototypeOf(proto) !== null)))
        return fail(at, 'an instance of a class')
      const out = (list ? [] : {}) as Record<string | number, unknown>
      const ks = list ? Array.from(v as ReadonlyArray<unknown>, (_, i) => i) : Object.keys(v)
      let ok = true
      for (const k of ks) {
        // an own __proto__ key is dropped: it would set the copy's prototype, or be a trap later
        if (k === '__proto__') continue
        if (!list) keys++
        const here = pathTo(at, k)
        const item = safely(() => (hasOwn.call(v, k) ? (v as Record<string | number, unknown>)[k] : undefined), FAIL)
        const x = item === FAIL ? fail(here, UNREADABLE) : go(item, here)
        if (x === FAIL) {
          ok = false
          if (s === undefined) return FAIL
        } else out[k] = x
      }
      return ok ? (freeze ? Object.freeze(out) : out) : FAIL
    }, undefined)
    if (copy === undefined) copy = fail(at, UNREADABLE)
    done.set(v, copy === FAIL ? undefined : copy)
    return copy
  }
  // (a list nested too deeply for the stack is a value that cannot be read)
  const copy = safely(() => go(u, path), FAIL)
  if (copy === FAIL || failed) {
    if (!failed) fail(path, UNREADABLE)
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
const LABEL = 'an object (Extensions)'

const read = (u: unknown, path: string, s: Sink | undefined): Extensions | typeof FAIL => {
  if (u === undefined) return EMPTY
  if (typeof u !== 'object' || u === null || Array.isArray(u)) {
    if (s !== undefined) report(s, path, LABEL, safely(() => showFound(u), UNREADABLE))
    return FAIL
  }
  return copyJson(u, path, s, true) as Extensions | typeof FAIL
}

/**
 * The codec of `extensions`: an object of JSON data, kept as a frozen copy; absent is `{}`
 * (and `{}` encodes to nothing).
 *
 * @internal
 */
export const ExtensionsD: Decoder<Extensions, Extensions | undefined> = decoder(
  LABEL,
  { fast: (u) => read(u, 'extensions', undefined), reporting: read },
  {
    kind: 'leaf',
    is: (u) => u !== undefined && read(u, '', undefined) !== FAIL,
    encode: ((a: Extensions | undefined) => (a === undefined || Object.keys(a).length === 0 ? undefined : a)) as (a: never) => unknown,
  },
)

/** {@link ExtensionsD}'s io-ts codec. @internal */
export const ExtensionsC: t.Type<Extensions, Extensions | undefined, unknown> = /*#__PURE__*/ codecOf(ExtensionsD)
