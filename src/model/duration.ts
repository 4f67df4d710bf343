/**
 * Instants plus durations, for rules that wait a fixed time after a fact.
 *
 * @since 0.3.0
 */
import type { Instant } from './Instant.js'

/**
 * A length of time; every part is optional, and may be negative.
 *
 * @category model
 * @since 0.3.0
 */
export interface Duration {
  readonly weeks?: number
  readonly days?: number
  readonly hours?: number
  readonly minutes?: number
  readonly seconds?: number
  readonly milliseconds?: number
}

const MS: { readonly [K in keyof Duration]-?: number } = {
  weeks: 604_800_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
  milliseconds: 1,
}

/**
 * The instant a duration after `at` (days are 24 hours: instants are UTC, with no calendar or
 * zone). A part that is not a finite number is a `TypeError` naming it.
 *
 * @example
 * import { addDuration, parseInstant } from 'account-closure'
 *
 * const paidAt = parseInstant('2026-11-18T10:00:00Z')
 * if (paidAt === undefined) throw new Error('not an instant')
 * console.log(new Date(addDuration(paidAt, { days: 3 })).toISOString()) // '2026-11-21T10:00:00.000Z'
 *
 * @category utils
 * @since 0.3.0
 */
export const addDuration = (at: Instant, duration: Duration): Instant => {
  let ms: number = at
  for (const k of Object.keys(MS) as ReadonlyArray<keyof Duration>) {
    const n: unknown = duration[k]
    if (n === undefined) continue
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new TypeError(`addDuration: ${k} must be a finite number`)
    ms += n * MS[k]
  }
  return ms as Instant
}
