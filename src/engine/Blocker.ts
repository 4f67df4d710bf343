/**
 * Blockers: what stands between the user and closing, one per offending fact. The engine knows
 * only what every blocker carries; each rule defines its own blockers, with their words.
 *
 * @since 0.1.0
 */
import type { Scope } from '../model/Scope.js'
import type { Format } from './Format.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What every blocker, built in or an app's own, carries: its `_tag`, the `rule` that found it,
 * the `scope` whose work it is about (none for the account as a whole), and the id of the item
 * it is about as `subject` (none when it is about the scope or the account itself).
 *
 * @category model
 * @since 0.2.0
 */
export interface BlockerBase {
  readonly _tag: string
  readonly rule: string
  readonly scope?: Scope
  readonly subject?: string
}

/**
 * A blocker tag defined once, with its words, by the rule that owns it. Made by
 * {@link defineBlocker}; calling it makes a blocker of that tag from its fields.
 *
 * @category model
 * @since 0.3.0
 */
export interface BlockerDefinition<B extends BlockerBase = BlockerBase> {
  /** The blocker's tag. */
  readonly tag: B['_tag']
  /** The id of the rule that owns the tag. */
  readonly rule: B['rule']
  /** The English words of one blocker of this tag. */
  words(blocker: B, format: Format): string
}

/**
 * The fields of a blocker besides its `_tag` and `rule`.
 *
 * @category model
 * @since 0.3.0
 */
export type BlockerFields = Omit<BlockerBase, '_tag' | 'rule'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Defines a blocker tag with its words. The type of the words' first parameter gives the
 * blocker's fields; the tag and the rule id stay literal.
 *
 * @example
 * import { defineBlocker, formatIn } from 'account-closure'
 * import type { Money } from 'account-closure'
 *
 * const feeUnpaid = defineBlocker({
 *   tag: 'FeeUnpaid',
 *   rule: 'fees-paid',
 *   words: (b: { readonly subject: string; readonly amount: Money }, f) => `Fee ${b.subject} of ${f.money(b.amount)} is unpaid.`,
 * })
 * const fee = feeUnpaid({ subject: 'fee-1', amount: { amount: 1250, currency: 'USD' } })
 * console.log(fee) // { _tag: 'FeeUnpaid', rule: 'fees-paid', subject: 'fee-1', amount: { amount: 1250, currency: 'USD' } }
 * console.log(feeUnpaid.words(fee, formatIn())) // 'Fee fee-1 of USD 12.50 is unpaid.'
 *
 * @category constructors
 * @since 0.3.0
 */
export const defineBlocker = <const T extends string, const R extends string, F extends object = BlockerFields>(d: {
  readonly tag: T
  readonly rule: R
  readonly words: (blocker: F, format: Format) => string
}): BlockerDefinition<{ readonly _tag: T; readonly rule: R } & F> & ((fields: F) => { readonly _tag: T; readonly rule: R } & F) => {
  // (each field read once: what is checked is what the definition holds)
  const { tag, rule, words } = d
  if (typeof tag !== 'string' || tag === '' || typeof rule !== 'string' || rule === '' || typeof words !== 'function')
    throw new TypeError('defineBlocker takes { tag, rule: non-empty strings, words: a function }')
  return blockerOf({ tag, rule, words })
}

/**
 * {@link defineBlocker} for the built-in rules, whose definitions are constants (the tests check
 * that `defineBlocker` accepts each): the same definition, without the checks of its shape.
 *
 * @internal
 */
/* @__NO_SIDE_EFFECTS__ */
export const blockerOf = <const T extends string, const R extends string, F extends object = BlockerFields>(d: {
  readonly tag: T
  readonly rule: R
  readonly words: (blocker: F, format: Format) => string
}): BlockerDefinition<{ readonly _tag: T; readonly rule: R } & F> & ((fields: F) => { readonly _tag: T; readonly rule: R } & F) => {
  // (frozen: a change to its tag or words would reach every policy that lists it)
  return Object.freeze(Object.assign(
    (fields: F): { readonly _tag: T; readonly rule: R } & F => ({ _tag: d.tag, rule: d.rule, ...fields }),
    { tag: d.tag, rule: d.rule, words: d.words } as unknown as BlockerDefinition<{ readonly _tag: T; readonly rule: R } & F>,
  ))
}
