/**
 * fp-ts's `Either` values, written out (the same shapes its constructors give): importing its
 * module would put its instances (`function.js`, `Functor`, `Chain`, …) into every browser bundle
 * that decodes, about 700 B gzipped.
 *
 * @internal
 */
import type * as E from 'fp-ts/lib/Either.js'

/** `E.left`. */
export const left = <L, A = never>(l: L): E.Either<L, A> => ({ _tag: 'Left', left: l })

/** `E.right`. */
export const right = <A, L = never>(a: A): E.Either<L, A> => ({ _tag: 'Right', right: a })

/** `E.isLeft`. */
export const isLeft = <L, A>(e: E.Either<L, A>): e is E.Left<L> => e._tag === 'Left'

/** `E.isRight`. */
export const isRight = <L, A>(e: E.Either<L, A>): e is E.Right<A> => e._tag === 'Right'
