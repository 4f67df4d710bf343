/**
 * `./generate.ts` for browser bundles (package.json's `browser` field points bundlers here): no
 * decoder is written, so every struct decodes with its loop (the same answers), no
 * `new Function` is tried, and the code that writes decoders is not carried.
 *
 * @internal
 */

type AnyFast = (u: unknown) => unknown

/** Never a written decoder. */
export const generate = (_keys: ReadonlyArray<string>, _fasts: ReadonlyArray<AnyFast>, _fail: symbol, _count: (n: number) => void): AnyFast | undefined =>
  undefined
