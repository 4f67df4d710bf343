/**
 * The fast struct decoder is written per struct (`generated`) where code can be generated, and is
 * the generic `loop` elsewhere: both must give the same answers, and count the same keys.
 */
import { fc, test } from '@fast-check/vitest'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import { generate as generateInBrowser } from '../src/model/generate.browser.js'

import { countingKeys, FAIL, generated, loop } from '../src/model/struct.js'
import type { Fast } from '../src/model/struct.js'

const KEYS = ['id', 'status', 'endedAt', 'constructor', 'toString', 'a"b', 'x\\y'] as const
const leaf: Fast<unknown> = (u) => (typeof u === 'string' || u === null || u === undefined ? u : FAIL)
const fasts = KEYS.map(() => leaf)

/** What a decoder gives, with the count of keys it found: a frozen plain copy, or FAIL. */
const run = (f: Fast<unknown>, u: unknown): unknown => {
  const [value, keys] = countingKeys(() => f(u))
  if (value === FAIL) return ['FAIL', keys]
  return [Object.isFrozen(value), Object.getPrototypeOf(value) === Object.prototype, Object.entries(value as object), keys]
}

const value = fc.oneof(fc.string(), fc.constant(null), fc.integer(), fc.boolean())
const input = fc.oneof(
  fc.dictionary(fc.constantFrom(...KEYS, '__proto__', 'other'), value),
  fc.record({ id: fc.string(), status: fc.string(), endedAt: fc.constant(null) }),
  fc.jsonValue(),
)

describe('the fast struct decoders', () => {
  const gen = generated(KEYS, fasts)
  it('is generated in Node', () => {
    expect(typeof gen).toBe('function')
  })
  test.prop([input])('generated and loop give the same answers and counts', (u) => {
    expect(run(gen as Fast<unknown>, u)).toEqual(run(loop(KEYS, fasts), u))
  })
  it('an own __proto__ key is an unknown field, and never the prototype', () => {
    const u: unknown = JSON.parse('{"__proto__": {"id": "x"}, "status": "s"}')
    const out = (gen as Fast<unknown>)(u) as Record<string, unknown>
    expect([Object.getPrototypeOf(out) === Object.prototype, out['id'], out['status']]).toEqual([true, undefined, 's'])
    expect(run(gen as Fast<unknown>, u)).toEqual(run(loop(KEYS, fasts), u))
  })
  it('a struct with a key named __proto__ is never generated (a literal would take it for the prototype)', () => {
    expect(generated(['__proto__', 'id'], [leaf, leaf])).toBeUndefined()
  })
})

describe('browser bundles', () => {
  it("get the twin that writes no decoder (package.json's browser field), so every struct decodes with its loop", () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { readonly browser: Readonly<Record<string, string>> }
    const source = (file: string): string => file.replace('./dist/browser/', 'src/').replace(/\.js$/, '.ts')
    expect(Object.entries(pkg.browser).map(([from, to]) => [source(from), source(to)])).toEqual([['src/model/generate.ts', 'src/model/generate.browser.ts']])
    expect(Object.keys(pkg.browser).every((from) => existsSync(source(from)))).toBe(true)
    expect(generateInBrowser(KEYS, fasts, FAIL, () => undefined)).toBeUndefined()
  })
})
