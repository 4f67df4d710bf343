/**
 * The facts that rules look at: the whole closure, and views of one scope's work.
 *
 * @since 0.1.0
 */
import { billingCycleEnd } from '../billing/week.js'
import type { BillingCycleEnd } from '../billing/week.js'
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
} from '../model/codecs.js'
import { asSnapshot } from '../model/decoded.js'
import type { Instant } from '../model/Instant.js'
import type { Money } from '../model/Money.js'
import { agencyScope, companyScope, compareScopes, freelancerScope } from '../model/Scope.js'
import type { AgencyScope, CompanyScope, FreelancerScope, TeamScope } from '../model/Scope.js'
import { accountTarget, pathOf } from '../model/Target.js'
import type { Path, Target } from '../model/Target.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

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
export const closureFacts = (
  snapshot: AccountSnapshot,
  target: Target = accountTarget,
  options: ClosureOptions = {},
): ClosureFacts => {
  // a plain JavaScript caller may pass raw JSON: decode it, or say to
  const s = asSnapshot(snapshot)
  return {
    snapshot: s,
    target,
    path: pathOf(s, target),
    asOf: s.asOf,
    billingCycleEnd: options.billingCycleEnd ?? 'week-end',
  }
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

/** The companies the user owns, when the account is being closed. @category selectors @since 0.2.0 */
export const companiesToClose = (f: ClosureFacts): ReadonlyArray<CompanyFacts> =>
  f.path !== 'CloseAccount' ? [] : f.snapshot.companies.filter((c) => c.role === 'owner').map((c) => companyFacts(c, f))

/** The agencies the user owns, when the account is being closed. @category selectors @since 0.2.0 */
export const ownedAgencies = (f: ClosureFacts): ReadonlyArray<AgencyFacts> =>
  f.path !== 'CloseAccount' ? [] : f.snapshot.agencies.filter((a) => a.role === 'owner').map((a) => agencyFacts(a, f))

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
export const teamsToClose = (f: ClosureFacts): ReadonlyArray<TeamFacts> => [...companiesToClose(f), ...agenciesToClose(f)]

/** Every scope whose work the path closes: freelancer, companies, agencies. @category selectors @since 0.2.0 */
export const workToClose = (f: ClosureFacts): ReadonlyArray<FreelancerFacts | CompanyFacts | AgencyFacts> => [
  ...freelancerWork(f),
  ...companiesToClose(f),
  ...agenciesToClose(f),
]

/** The freelancer's and the agencies' work: proposals and earnings. @category selectors @since 0.2.0 */
export const earningWork = (f: ClosureFacts): ReadonlyArray<FreelancerFacts | AgencyFacts> => [
  ...freelancerWork(f),
  ...agenciesToClose(f),
]

/**
 * Every company and agency the user belongs to without owning it, companies first, each by id:
 * the teams that are left (one home for the three places that need them).
 *
 * @category selectors
 * @since 0.2.0
 */
export const teamsNotOwned = (snapshot: AccountSnapshot): ReadonlyArray<{ readonly scope: TeamScope; readonly role: CompanyRole | AgencyRole; readonly members: ReadonlyArray<CompanyMember | AgencyMember> }> =>
  [
    ...snapshot.companies.filter((c) => c.role !== 'owner').map((c) => ({ scope: companyScope(c.id) as TeamScope, role: c.role, members: c.members })),
    ...snapshot.agencies.filter((a) => a.role !== 'owner').map((a) => ({ scope: agencyScope(a.id) as TeamScope, role: a.role, members: a.members })),
  ].sort((x, y) => compareScopes(x.scope, y.scope))

/** The teams the user belongs to without owning them, on the path of leaving teams. @category selectors @since 0.2.0 */
export const memberships = (f: ClosureFacts): ReadonlyArray<TeamFacts> => (f.path === 'LeaveTeams' ? teamsNotOwned(f.snapshot) : [])

const hourlyByFacts = new WeakMap<ClosureFacts, ReadonlyMap<string, boolean>>()

/**
 * Whether the last invoice of a company being closed covers hourly work (see
 * {@link hourlyInvolved}), worked out once per question for every company.
 *
 * @category selectors
 * @since 0.2.0
 */
export const hourlyCompany = (f: ClosureFacts, companyId: string): boolean => {
  let known = hourlyByFacts.get(f)
  if (known === undefined) {
    known = new Map(companiesToClose(f).map((c) => [c.scope.companyId, hourlyInvolved(c)]))
    hourlyByFacts.set(f, known)
  }
  return known.get(companyId) === true
}

/**
 * Whether the company's last invoice covers hourly work: an hourly contract of it is still open,
 * or ended in a billing week that is not over at `asOf`.
 *
 * @category selectors
 * @since 0.2.0
 */
export const hourlyInvolved = (f: Pick<CompanyFacts, 'contracts' | 'asOf' | 'billingCycleEnd'>): boolean =>
  f.contracts.some((c) => c.type === 'hourly' && (c.endedAt === null || billingCycleEnd(c.endedAt, f.billingCycleEnd) > f.asOf))
