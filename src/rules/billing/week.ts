/**
 * The billing week of hourly work: Monday 00:00:00 UTC to the next Monday 00:00:00 UTC. It is
 * the billing rules' own arithmetic (the engine knows no week).
 *
 * @since 0.1.0
 */
import { companiesToClose } from '../../model/facts.js'
import type { BillingCycleEnd, ClosureFacts, CompanyFacts } from '../../model/facts.js'
import type { Contract } from '../../model/codecs.js'
import type { Instant } from '../../model/Instant.js'

// -------------------------------------------------------------------------------------
// constants
// -------------------------------------------------------------------------------------

const HOUR = 3_600_000
const DAY = 24 * HOUR
const WEEK_MS = 7 * DAY
/** 1970-01-05T00:00:00Z, the first Monday of the epoch. */
const FIRST_MONDAY = 4 * DAY
/** How long after the week's end the client is invoiced. */
const INVOICE_DELAY_MS = 12 * HOUR

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * The Monday 00:00:00 UTC that starts the billing week holding `t` (a Monday midnight starts
 * its own week).
 *
 * @example
 * weekStart(parseInstant('2026-11-18T10:00:00Z')) // 2026-11-16T00:00:00Z
 *
 * @category utils
 * @since 0.1.0
 */
export const weekStart = (t: Instant): Instant => {
  const into = (((t - FIRST_MONDAY) % WEEK_MS) + WEEK_MS) % WEEK_MS
  return (t - into) as Instant
}

/**
 * The end of the billing week holding `t`: the first Monday 00:00:00 UTC strictly after the
 * Monday that starts it.
 *
 * @example
 * import { parseInstant, toISOString, weekEnd } from 'account-closure'
 *
 * const wednesday = parseInstant('2026-11-18T10:00:00Z')
 * if (wednesday !== undefined) console.log(toISOString(weekEnd(wednesday))) // '2026-11-23T00:00:00.000Z', the next Monday
 *
 * @category utils
 * @since 0.1.0
 */
export const weekEnd = (t: Instant): Instant => (weekStart(t) + WEEK_MS) as Instant

/**
 * When the billing cycle of an hourly contract ended at `endedAt` is over, under the policy.
 *
 * @category utils
 * @since 0.1.0
 */
export const billingCycleEnd = (endedAt: Instant, policy: BillingCycleEnd = 'week-end'): Instant =>
  (weekEnd(endedAt) + (policy === 'week-end' ? 0 : INVOICE_DELAY_MS)) as Instant

const hourlyByFacts = new WeakMap<ClosureFacts, ReadonlyMap<string, boolean>>()

/**
 * Whether the last invoice of a company being closed covers hourly work (see
 * {@link hourlyInvolved}): looked up among a few companies, and for many worked out once per
 * question for every company (so that a snapshot of many companies stays linear).
 *
 * @category utils
 * @since 0.2.0
 */
export const hourlyCompany = (f: ClosureFacts, companyId: string): boolean => {
  const all = f.snapshot.companies
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: either way gives the same answers (test/cross-field.test.ts asks both), the map only costs more for a few companies
  if (all.length <= 8) {
    // (the companies the path closes: the owned ones, with the account)
    if (f.path !== 'CloseAccount') return false
    for (let i = 0; i < all.length; i++) {
      const c = all[i] as (typeof all)[number]
      if (c.id === companyId) return c.role === 'owner' && hourlyIn(c.contracts, f.asOf, f.billingCycleEnd)
    }
    return false
  }
  let known = hourlyByFacts.get(f)
  // Stryker disable next-line ConditionalExpression: a map made again per call gives the same answers, only more slowly
  if (known === undefined) {
    known = new Map(companiesToClose(f).map((c) => [c.scope.companyId, hourlyInvolved(c)]))
    hourlyByFacts.set(f, known)
  }
  return known.get(companyId) === true
}

const hourlyIn = (contracts: ReadonlyArray<Contract>, asOf: Instant, policy: BillingCycleEnd): boolean => {
  for (let i = 0; i < contracts.length; i++) {
    const c = contracts[i] as Contract
    if (c.type === 'hourly' && (c.endedAt === null || billingCycleEnd(c.endedAt, policy) > asOf)) return true
  }
  return false
}

/**
 * Whether the company's last invoice covers hourly work: an hourly contract of it is still open,
 * or ended in a billing week that is not over at `asOf`.
 *
 * @category utils
 * @since 0.2.0
 */
export const hourlyInvolved = (f: Pick<CompanyFacts, 'contracts' | 'asOf' | 'billingCycleEnd'>): boolean =>
  hourlyIn(f.contracts, f.asOf, f.billingCycleEnd)
