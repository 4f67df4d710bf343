/**
 * The facts that rules look at: the whole closure, and views of one scope's work.
 *
 * @since 0.1.0
 */
import type {
  AccountSnapshot,
  Agency,
  AgencyMember,
  AgencyRole,
  Company,
  CompanyMember,
  CompanyRole,
  Contract,
  Earnings,
  Job,
  Proposal,
} from './codecs.js'
import { asSnapshot } from './decoded.js'
import { spelledRight } from './options.js'
import type { Instant } from './Instant.js'
import type { Money } from './Money.js'
import { agencyScope, companyScope, compareScopes, freelancerScope } from './Scope.js'
import type { AgencyScope, CompanyScope, FreelancerScope, TeamScope } from './Scope.js'
import { accountTarget, agencyTarget, pathOf } from './Target.js'
import type { Path, Target } from './Target.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * When the billing cycle of an ended hourly contract counts as over:
 * - `week-end`: at the end of the billing week (the next Monday 00:00 UTC), the default;
 * - `client-invoice`: when the client is invoiced for that week, the next Monday 12:00 UTC.
 *
 * @category model
 * @since 0.1.0
 */
export type BillingCycleEnd = 'week-end' | 'client-invoice'

/**
 * Choices the sources leave open.
 *
 * @category model
 * @since 0.1.0
 */
export interface ClosureOptions {
  /** When an ended hourly contract's billing cycle is over; `week-end` unless set. */
  readonly billingCycleEnd?: BillingCycleEnd
}

/**
 * Everything a path-level rule may look at.
 *
 * @category model
 * @since 0.1.0
 */
export interface ClosureFacts {
  readonly snapshot: AccountSnapshot
  readonly target: Target
  readonly path: Path
  readonly asOf: Instant
  readonly billingCycleEnd: BillingCycleEnd
  /** The snapshot's `extensions`: facts that only an app's own rules read, by key (`{}` when none). */
  readonly extensions: Readonly<Record<string, unknown>>
}

/** The user's freelancer work. @category model @since 0.1.0 */
export interface FreelancerFacts {
  readonly scope: FreelancerScope
  readonly asOf: Instant
  readonly contracts: ReadonlyArray<Contract>
  readonly proposals: ReadonlyArray<Proposal>
  readonly earnings: Earnings
}

/** One client company the user belongs to. @category model @since 0.1.0 */
export interface CompanyFacts {
  readonly scope: CompanyScope
  readonly asOf: Instant
  readonly billingCycleEnd: BillingCycleEnd
  readonly role: CompanyRole
  readonly members: ReadonlyArray<CompanyMember>
  readonly contracts: ReadonlyArray<Contract>
  readonly jobs: ReadonlyArray<Job>
  readonly outstanding: Money
}

/** One agency the user belongs to. @category model @since 0.1.0 */
export interface AgencyFacts {
  readonly scope: AgencyScope
  readonly asOf: Instant
  readonly role: AgencyRole
  readonly members: ReadonlyArray<AgencyMember>
  readonly contracts: ReadonlyArray<Contract>
  readonly proposals: ReadonlyArray<Proposal>
  readonly earnings: Earnings
}

/** A team (company or agency) as its members see it. @category model @since 0.1.0 */
export interface TeamFacts {
  readonly scope: TeamScope
  readonly role: CompanyRole | AgencyRole
  readonly members: ReadonlyArray<CompanyMember | AgencyMember>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The facts of one closure question.
 *
 * @category constructors
 * @since 0.1.0
 */
export const closureFacts = (snapshot: AccountSnapshot, target?: Target, options?: ClosureOptions): ClosureFacts => {
  const t = checkTarget(target)
  const billing = checkOptions(options)
  // a plain JavaScript caller may pass raw JSON: decode it, or say to
  const s = asSnapshot(snapshot)
  const own = (s as { readonly extensions?: unknown }).extensions
  return Object.freeze({
    snapshot: s,
    target: t,
    path: pathOf(s, t),
    asOf: s.asOf,
    billingCycleEnd: billing,
    extensions: typeof own === 'object' && own !== null && !Array.isArray(own) ? (own as Readonly<Record<string, unknown>>) : EMPTY,
  })
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({})

// -------------------------------------------------------------------------------------
// checks: targets and options are checked like input
// -------------------------------------------------------------------------------------

const own = (o: object, k: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, k) ? (o as Readonly<Record<string, unknown>>)[k] : undefined

/**
 * The target, checked: `{ _tag: 'Account' }` or `{ _tag: 'Agency', agencyId: <non-empty string> }`
 * (the account when none is given); anything else is a `TypeError` naming it.
 *
 * @category checks
 * @since 0.3.0
 */
export const checkTarget = (target: unknown): Target => {
  if (target === undefined) return accountTarget
  if (typeof target === 'object' && target !== null) {
    const tag = own(target, '_tag')
    if (tag === 'Account') return accountTarget
    const agencyId = own(target, 'agencyId')
    // a frozen copy: no rule, and no caller holding the answer's target, can retarget the question
    if (tag === 'Agency' && typeof agencyId === 'string' && agencyId !== '') return agencyTarget(agencyId)
  }
  throw new TypeError(
    `target must be { _tag: 'Account' } or { _tag: 'Agency', agencyId: <a non-empty string> }, not ${shown(target)}`,
  )
}

/** A short, safe description of a value for an error message. */
const shown = (u: unknown): string => {
  try {
    if (typeof u === 'string') return JSON.stringify(u.length > 40 ? `${u.slice(0, 40)}…` : u)
    if (typeof u !== 'object' || u === null) return String(u)
    return Array.isArray(u) ? 'an array' : 'an object of another shape'
  } catch {
    return 'a value'
  }
}

/**
 * The options of a closure question, checked: `billingCycleEnd` is `week-end` (the default) or
 * `client-invoice`; anything else is a `TypeError` naming the option.
 *
 * @category checks
 * @since 0.3.0
 */
export const checkOptions = (options: unknown): BillingCycleEnd => {
  if (options === undefined) return 'week-end'
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new TypeError(`options must be an object, not ${shown(options)}`)
  spelledRight(options)
  const b = own(options, 'billingCycleEnd')
  if (b === undefined) return 'week-end'
  if (b === 'week-end' || b === 'client-invoice') return b
  throw new TypeError(`billingCycleEnd must be 'week-end' or 'client-invoice', not ${shown(b)}`)
}

/** @category constructors @since 0.1.0 */
export const companyFacts = (c: Company, f: Pick<ClosureFacts, 'asOf' | 'billingCycleEnd'>): CompanyFacts => ({
  scope: companyScope(c.id),
  asOf: f.asOf,
  billingCycleEnd: f.billingCycleEnd,
  role: c.role,
  members: c.members,
  contracts: c.contracts,
  jobs: c.jobs,
  outstanding: c.outstanding,
})

/** @category constructors @since 0.1.0 */
export const agencyFacts = (a: Agency, f: Pick<ClosureFacts, 'asOf'>): AgencyFacts => ({
  scope: agencyScope(a.id),
  asOf: f.asOf,
  role: a.role,
  members: a.members,
  contracts: a.contracts,
  proposals: a.proposals,
  earnings: a.earnings,
})

// -------------------------------------------------------------------------------------
// selectors: the scopes whose work a path closes
// -------------------------------------------------------------------------------------

/** The freelancer profile's work, when the account is being closed. @category selectors @since 0.2.0 */
export const freelancerWork = (f: ClosureFacts): ReadonlyArray<FreelancerFacts> =>
  f.path !== 'CloseAccount' || f.snapshot.freelancer === null
    ? []
    : [
        {
          scope: freelancerScope,
          asOf: f.asOf,
          contracts: f.snapshot.freelancer.contracts,
          proposals: f.snapshot.freelancer.proposals,
          earnings: f.snapshot.freelancer.earnings,
        },
      ]

// (the selectors are loops, not filter, map and spreads: every rule asks them again, and on a
// small snapshot their callbacks and iterators were most of their cost)

/** The facts of each team of `all` the user owns, when the account is being closed (a loop). */
const ownedOf = <T extends { readonly role: string }, F>(f: ClosureFacts, all: ReadonlyArray<T>, factsOf: (t: T, f: ClosureFacts) => F): ReadonlyArray<F> => {
  const out: Array<F> = []
  if (f.path !== 'CloseAccount') return out
  for (let i = 0; i < all.length; i++) {
    const t = all[i] as T
    if (t.role === 'owner') out.push(factsOf(t, f))
  }
  return out
}

/** The companies the user owns, when the account is being closed. @category selectors @since 0.2.0 */
export const companiesToClose = (f: ClosureFacts): ReadonlyArray<CompanyFacts> => ownedOf(f, f.snapshot.companies, companyFacts)

/** The agencies the user owns, when the account is being closed. @category selectors @since 0.2.0 */
export const ownedAgencies = (f: ClosureFacts): ReadonlyArray<AgencyFacts> => ownedOf(f, f.snapshot.agencies, agencyFacts)

/** One list after another, in a new array. */
const joined = <A>(...lists: ReadonlyArray<ReadonlyArray<A>>): Array<A> => {
  const out: Array<A> = []
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l] as ReadonlyArray<A>
    for (let i = 0; i < list.length; i++) out.push(list[i] as A)
  }
  return out
}

/** The agency being closed, if it is in the snapshot. @category selectors @since 0.1.0 */
export const targetAgency = (f: ClosureFacts): ReadonlyArray<AgencyFacts> => {
  const target = f.target
  if (target._tag !== 'Agency') return []
  const agency = f.snapshot.agencies.find((a) => a.id === target.agencyId)
  return agency === undefined ? [] : [agencyFacts(agency, f)]
}

/** Whether the user owns the agency a target names (only its owner closes an agency). @category selectors @since 0.2.0 */
export const ownsTargetAgency = (snapshot: AccountSnapshot, target: Target): boolean =>
  target._tag === 'Agency' && snapshot.agencies.some((a) => a.id === target.agencyId && a.role === 'owner')

/** Every agency whose work the path closes: the owned ones with the account, or the target. @category selectors @since 0.2.0 */
export const agenciesToClose = (f: ClosureFacts): ReadonlyArray<AgencyFacts> =>
  f.path === 'CloseAgency' ? targetAgency(f) : ownedAgencies(f)

/** Every company and agency whose members the path removes. @category selectors @since 0.2.0 */
export const teamsToClose = (f: ClosureFacts): ReadonlyArray<TeamFacts> => joined<TeamFacts>(companiesToClose(f), agenciesToClose(f))

/** Every scope whose work the path closes: freelancer, companies, agencies. @category selectors @since 0.2.0 */
export const workToClose = (f: ClosureFacts): ReadonlyArray<FreelancerFacts | CompanyFacts | AgencyFacts> =>
  joined<FreelancerFacts | CompanyFacts | AgencyFacts>(freelancerWork(f), companiesToClose(f), agenciesToClose(f))

/** The freelancer's and the agencies' work: proposals and earnings. @category selectors @since 0.2.0 */
export const earningWork = (f: ClosureFacts): ReadonlyArray<FreelancerFacts | AgencyFacts> =>
  joined<FreelancerFacts | AgencyFacts>(freelancerWork(f), agenciesToClose(f))

/**
 * Every company and agency the user belongs to without owning it, companies first, each by id:
 * the teams that are left (one home for the three places that need them).
 *
 * @category selectors
 * @since 0.2.0
 */
export const teamsNotOwned = (snapshot: AccountSnapshot): ReadonlyArray<{ readonly scope: TeamScope; readonly role: CompanyRole | AgencyRole; readonly members: ReadonlyArray<CompanyMember | AgencyMember> }> =>
  [
    ...snapshot.companies.filter((c) => c.role !== 'owner').map((c) => ({ scope: companyScope(c.id), role: c.role, members: c.members })),
    ...snapshot.agencies.filter((a) => a.role !== 'owner').map((a) => ({ scope: agencyScope(a.id), role: a.role, members: a.members })),
  ].sort((x, y) => compareScopes(x.scope, y.scope))

/** The teams the user belongs to without owning them, on the path of leaving teams. @category selectors @since 0.2.0 */
export const memberships = (f: ClosureFacts): ReadonlyArray<TeamFacts> => (f.path === 'LeaveTeams' ? teamsNotOwned(f.snapshot) : [])
