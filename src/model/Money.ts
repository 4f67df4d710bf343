/**
 * Money: an integer count of minor units (cents) and an ISO-4217-like currency code.
 *
 * @since 0.1.0
 */
import type * as t from 'io-ts'

import { codecOf, refinement, struct } from './struct.js'
import type { Decoder } from './struct.js'

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/** The decoder of {@link MinorUnitsC}. @internal */
export const MinorUnitsD = refinement(
  'a non-negative whole number of minor units',
  (u): u is number => Number.isSafeInteger(u) && (u as number) >= 0,
)

/** The decoder of {@link CurrencyC}. @internal */
export const CurrencyD = refinement(
  'three capital letters, such as "USD"',
  (u): u is string => typeof u === 'string' && /^[A-Z]{3}$/.test(u),
)

/** The decoder of {@link MoneyC}. @internal */
export const MoneyD: Decoder<Money, Money> = struct('Money', { amount: MinorUnitsD, currency: CurrencyD })

/**
 * A non-negative whole number of minor units.
 *
 * @category codecs
 * @since 0.1.0
 */
export const MinorUnitsC: t.Type<number, number, unknown> = /*#__PURE__*/ codecOf(MinorUnitsD)

/**
 * Three capital letters, such as `USD`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const CurrencyC: t.Type<string, string, unknown> = /*#__PURE__*/ codecOf(CurrencyD)

/**
 * `{ amount, currency }`, amount in minor units.
 *
 * @category codecs
 * @since 0.1.0
 */
export const MoneyC: t.Type<Money, Money, unknown> = /*#__PURE__*/ codecOf(MoneyD)

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An amount of money: a non-negative whole number of minor units (cents), and its currency.
 *
 * @category model
 * @since 0.1.0
 */
export interface Money {
  readonly amount: number
  /** Three capital letters, such as `USD`. */
  readonly currency: string
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * @example
 * money(12050, 'USD') // { amount: 12050, currency: 'USD' }: 120.50 dollars
 *
 * @category constructors
 * @since 0.1.0
 */
export const money = (amount: number, currency: string): Money => ({ amount, currency })

