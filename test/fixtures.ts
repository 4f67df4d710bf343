import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import * as E from 'fp-ts/lib/Either.js'

import { decodeSnapshot, encodeSnapshot } from '../src/index.js'
import type { AccountSnapshot } from '../src/index.js'

export const examplePath = (name: string): string => fileURLToPath(new URL(`../examples/snapshots/${name}.json`, import.meta.url))

export const exampleJson = (name: string): unknown => JSON.parse(readFileSync(examplePath(name), 'utf8'))

/** A decoded example snapshot from `examples/snapshots/`. */
export const example = (name: string): AccountSnapshot => {
  const d = decodeSnapshot(exampleJson(name))
  if (E.isLeft(d)) throw new Error(`example ${name} does not decode: ${d.left.map((e) => e.message).join('; ')}`)
  return d.right
}

/** The blockers of an Either as a list (empty when Right). */
export const lefts = <B>(e: E.Either<ReadonlyArray<B>, unknown>): ReadonlyArray<B> => (E.isLeft(e) ? e.left : [])

/**
 * A snapshot built from a decoded one (a spread with a field changed), decoded again: the API
 * takes only snapshots that decoding returned, and a decoded snapshot is frozen.
 */
export const redecode = (s: AccountSnapshot): AccountSnapshot => {
  const d = decodeSnapshot(encodeSnapshot(s))
  if (E.isLeft(d)) throw new Error(`the changed snapshot does not decode: ${d.left.map((e) => e.message).join('; ')}`)
  return d.right
}
