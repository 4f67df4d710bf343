/**
 * Writes the fast decoder of a struct as a function for its keys (see `generated` in
 * `./struct.ts`), where code can be generated: in Node. A browser bundle gets
 * `./generate.browser.ts` instead (package.json's `browser` field), which writes none: in a
 * browser page `new Function` is never tried (a blocked one is a reported CSP violation), and
 * the code that writes decoders is not carried.
 *
 * @internal
 */

type AnyFast = (u: unknown) => unknown

// (handed to the written code, which calls them with `.call`)
// eslint-disable-next-line @typescript-eslint/unbound-method
const toString = Object.prototype.toString
// eslint-disable-next-line @typescript-eslint/unbound-method
const hasOwn = Object.prototype.hasOwnProperty

/** Whether `new Function` may be used: in Node. Never throws. */
const mayGenerate = (): boolean => {
  // Stryker disable next-line all: either way the decoders give the same answers (test/struct-generated.test.ts runs both)
  try {
    return typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === 'string'
  } catch {
    return false
  }
}

/**
 * The fast decoder for these keys, each decoded by its fast decoder, answering `fail` when one
 * does, and counting the own keys found with `count`; undefined where code cannot be generated,
 * or for a key named `__proto__` (a literal would take it for the prototype).
 */
export const generate = (keys: ReadonlyArray<string>, fasts: ReadonlyArray<AnyFast>, fail: symbol, count: (n: number) => void): AnyFast | undefined => {
  if (!mayGenerate() || keys.includes('__proto__')) return undefined
  const k = keys.map((key) => JSON.stringify(key))
  const body = [
    "if (toString.call(u) !== '[object Object]') return FAIL",
    ...k.map((key, i) => `const h${i} = hasOwn.call(u, ${key}); const v${i} = f${i}(h${i} ? u[${key}] : undefined); if (v${i} === FAIL) return FAIL`),
    `count(${k.map((_, i) => `h${i}`).join(' + ') || '0'})`,
    `return freeze({ ${k.map((key, i) => `${key}: v${i}`).join(', ')} })`,
  ].join('\n')
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the text is built from the codec's own keys, each a JSON string literal
    const make = new Function('toString', 'hasOwn', 'FAIL', 'count', 'freeze', ...k.map((_, i) => `f${i}`), `return (u) => {\n${body}\n}`) as (
      ...parts: ReadonlyArray<unknown>
    ) => AnyFast
    return make(toString, hasOwn, fail, count, Object.freeze, ...fasts)
  } catch {
    return undefined
  }
}
