/**
 * Money: an integer count of minor units (cents) and an ISO-4217-like currency code.
 *
 * @since 0.1.0
 */
import type * as t from 'io-ts'

import { refinement, struct } from './struct.js'

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * A non-negative whole number of minor units.
 *
 * @category codecs
 * @since 0.1.0
 */
export const MinorUnitsC = refinement(
  'a non-negative whole number of minor units',
  (u): u is number => Number.isSafeInteger(u) && (u as number) >= 0,
)

/**
 * Three capital letters, such as `USD`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const CurrencyC = refinement(
  'three capital letters, such as "USD"',
  (u): u is string => typeof u === 'string' && /^[A-Z]{3}$/.test(u),
)

/**
 * `{ amount, currency }`, amount in minor units.
 *
 * @category codecs
 * @since 0.1.0
 */
export const MoneyC: t.Type<Money, Money, unknown> = struct('Money', { amount: MinorUnitsC, currency: CurrencyC })

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

