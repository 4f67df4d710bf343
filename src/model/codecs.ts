/**
 * io-ts codecs for every entity of the account snapshot, and the types they define.
 *
 * The codecs check shapes and value sets; the rules that relate fields to each other
 * (an ended contract has an end, ids are unique…) are checked by {@link decodeSnapshot}.
 *
 * @since 0.1.0
 */
import type * as t from 'io-ts'

import { AsOfC, InstantC } from './Instant.js'
import type { Instant } from './Instant.js'
import { MoneyC } from './Money.js'
import type { Money } from './Money.js'
import { ExtensionsC } from './json.js'
import { BooleanC, IdC, listOf, nullable, oneOf, StringC, struct } from './struct.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** How the platform sees the user: able to act, on hold, or suspended. @category model @since 0.1.0 */
export type Standing = 'good' | 'on_hold' | 'suspended'
/** The user's (or a member's) role in a client company. @category model @since 0.1.0 */
export type CompanyRole = 'owner' | 'admin' | 'manager' | 'member'
/** The user's (or a member's) role in an agency. @category model @since 0.1.0 */
export type AgencyRole = 'owner' | 'admin' | 'member'
/** How a contract is paid. @category model @since 0.1.0 */
export type ContractType = 'hourly' | 'fixed'
/** Where a contract stands. @category model @since 0.1.0 */
export type ContractStatus = 'pending' | 'active' | 'paused' | 'ended'
/** Where a proposal stands; `offer` is an offer made to the freelancer. @category model @since 0.1.0 */
export type ProposalStatus = 'submitted' | 'active' | 'offer' | 'withdrawn' | 'declined' | 'archived'

/** The user closing. @category model @since 0.1.0 */
export interface User {
  readonly id: string
  readonly securityQuestionSet: boolean
  readonly standing: Standing
}
/** A contract, with its end once it has ended. @category model @since 0.1.0 */
export interface Contract {
  readonly id: string
  readonly type: ContractType
  readonly status: ContractStatus
  /** When it ended; `null` while it has not. */
  readonly endedAt: Instant | null
}
/** A proposal or an offer. @category model @since 0.1.0 */
export interface Proposal {
  readonly id: string
  readonly status: ProposalStatus
}
/** A payment on its way, available at an instant. @category model @since 0.1.0 */
export interface PendingPayment {
  readonly id: string
  readonly amount: Money
  readonly availableAt: Instant
}
/** Money earned: on its way, and available to withdraw. @category model @since 0.1.0 */
export interface Earnings {
  readonly pending: ReadonlyArray<PendingPayment>
  readonly available: Money
}
/** The user's freelancer work. @category model @since 0.1.0 */
export interface FreelancerProfile {
  readonly contracts: ReadonlyArray<Contract>
  readonly proposals: ReadonlyArray<Proposal>
  readonly earnings: Earnings
}
/** Another person in a client company. @category model @since 0.1.0 */
export interface CompanyMember {
  readonly userId: string
  readonly role: CompanyRole
}
/** Another person in an agency. @category model @since 0.1.0 */
export interface AgencyMember {
  readonly userId: string
  readonly role: AgencyRole
}
/** A job post of a client company. @category model @since 0.1.0 */
export interface Job {
  readonly id: string
  readonly status: 'open' | 'closed'
}
/** A client company the user belongs to. @category model @since 0.1.0 */
export interface Company {
  readonly id: string
  readonly name: string
  readonly role: CompanyRole
  /** The other people in it. */
  readonly members: ReadonlyArray<CompanyMember>
  readonly contracts: ReadonlyArray<Contract>
  readonly jobs: ReadonlyArray<Job>
  /** What the company owes the platform. */
  readonly outstanding: Money
}
/** An agency the user belongs to. @category model @since 0.1.0 */
export interface Agency {
  readonly id: string
  readonly name: string
  readonly role: AgencyRole
  /** The other people in it. */
  readonly members: ReadonlyArray<AgencyMember>
  readonly contracts: ReadonlyArray<Contract>
  readonly proposals: ReadonlyArray<Proposal>
  readonly earnings: Earnings
}
/** A dispute the user is party to. @category model @since 0.1.0 */
export interface Dispute {
  readonly id: string
  readonly status: 'open' | 'resolved'
}
/** A paid plan. @category model @since 0.1.0 */
export interface Subscription {
  readonly id: string
  readonly plan: string
  readonly status: 'active' | 'cancelled'
}
/** A saved way to pay. @category model @since 0.1.0 */
export interface BillingMethod {
  readonly id: string
  readonly kind: string
}
/**
 * Everything the library needs to know about one user at one instant, `asOf`.
 *
 * @category model
 * @since 0.1.0
 */
export interface AccountSnapshot {
  readonly asOf: Instant
  readonly user: User
  /** `null` when the user has no freelancer profile. */
  readonly freelancer: FreelancerProfile | null
  readonly companies: ReadonlyArray<Company>
  readonly agencies: ReadonlyArray<Agency>
  readonly disputes: ReadonlyArray<Dispute>
  readonly subscriptions: ReadonlyArray<Subscription>
  readonly billingMethods: ReadonlyArray<BillingMethod>
  /**
   * An app's own facts, by key (`{}` when the input has none): plain, deeply frozen JSON data,
   * or, under a key that a policy's rule declares, the value its codec decoded.
   */
  readonly extensions: Readonly<Record<string, unknown>>
}

/**
 * A value as JSON writes it: instants as ISO text.
 *
 * @category model
 * @since 0.2.0
 */
export type JsonOf<T> = T extends Instant
  ? string
  : T extends ReadonlyArray<infer A>
    ? ReadonlyArray<JsonOf<A>>
    : T extends object
      ? { readonly [K in keyof T]: JsonOf<T[K]> }
      : T

/**
 * The snapshot as JSON, before decoding (`extensions` may be left out).
 *
 * @category model
 * @since 0.1.0
 */
export type AccountSnapshotJson = Omit<JsonOf<AccountSnapshot>, 'extensions'> & {
  readonly extensions?: Readonly<Record<string, unknown>> | undefined
}

// -------------------------------------------------------------------------------------
// value sets
// -------------------------------------------------------------------------------------

/** @internal */
export const STANDINGS: ReadonlyArray<Standing> = ['good', 'on_hold', 'suspended']
/** @internal */
export const COMPANY_ROLES: ReadonlyArray<CompanyRole> = ['owner', 'admin', 'manager', 'member']
/** @internal */
export const AGENCY_ROLES: ReadonlyArray<AgencyRole> = ['owner', 'admin', 'member']
/** @internal */
export const CONTRACT_TYPES: ReadonlyArray<ContractType> = ['hourly', 'fixed']
/** @internal */
export const CONTRACT_STATUSES: ReadonlyArray<ContractStatus> = ['pending', 'active', 'paused', 'ended']
/** @internal */
export const PROPOSAL_STATUSES: ReadonlyArray<ProposalStatus> = ['submitted', 'active', 'offer', 'withdrawn', 'declined', 'archived']
/** @internal */
export const JOB_STATUSES: ReadonlyArray<Job['status']> = ['open', 'closed']
/** @internal */
export const DISPUTE_STATUSES: ReadonlyArray<Dispute['status']> = ['open', 'resolved']
/** @internal */
export const SUBSCRIPTION_STATUSES: ReadonlyArray<Subscription['status']> = ['active', 'cancelled']

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/** @category codecs @since 0.1.0 */
export const UserC: t.Type<User, JsonOf<User>, unknown> = struct('User', {
  id: IdC,
  securityQuestionSet: BooleanC,
  standing: oneOf(STANDINGS),
})

/** @category codecs @since 0.1.0 */
export const ContractC: t.Type<Contract, JsonOf<Contract>, unknown> = struct('Contract', {
  id: IdC,
  type: oneOf(CONTRACT_TYPES),
  status: oneOf(CONTRACT_STATUSES),
  endedAt: nullable(InstantC),
})

/** @category codecs @since 0.1.0 */
export const ProposalC: t.Type<Proposal, JsonOf<Proposal>, unknown> = struct('Proposal', { id: IdC, status: oneOf(PROPOSAL_STATUSES) })

/** @category codecs @since 0.1.0 */
export const PendingPaymentC: t.Type<PendingPayment, JsonOf<PendingPayment>, unknown> = struct('PendingPayment', { id: IdC, amount: MoneyC, availableAt: InstantC })

/** @category codecs @since 0.1.0 */
export const EarningsC: t.Type<Earnings, JsonOf<Earnings>, unknown> = struct('Earnings', { pending: listOf(PendingPaymentC, 'PendingPayment'), available: MoneyC })

/** @category codecs @since 0.1.0 */
export const FreelancerProfileC: t.Type<FreelancerProfile, JsonOf<FreelancerProfile>, unknown> = struct('FreelancerProfile', {
  contracts: listOf(ContractC, 'Contract'),
  proposals: listOf(ProposalC, 'Proposal'),
  earnings: EarningsC,
})

/** @category codecs @since 0.1.0 */
export const CompanyMemberC: t.Type<CompanyMember, JsonOf<CompanyMember>, unknown> = struct('CompanyMember', { userId: IdC, role: oneOf(COMPANY_ROLES) })

/** @category codecs @since 0.1.0 */
export const AgencyMemberC: t.Type<AgencyMember, JsonOf<AgencyMember>, unknown> = struct('AgencyMember', { userId: IdC, role: oneOf(AGENCY_ROLES) })

/** @category codecs @since 0.1.0 */
export const JobC: t.Type<Job, JsonOf<Job>, unknown> = struct('Job', { id: IdC, status: oneOf(JOB_STATUSES) })

/** @category codecs @since 0.1.0 */
export const CompanyC: t.Type<Company, JsonOf<Company>, unknown> = struct('Company', {
  id: IdC,
  name: StringC,
  role: oneOf(COMPANY_ROLES),
  members: listOf(CompanyMemberC, 'CompanyMember'),
  contracts: listOf(ContractC, 'Contract'),
  jobs: listOf(JobC, 'Job'),
  outstanding: MoneyC,
})

/** @category codecs @since 0.1.0 */
export const AgencyC: t.Type<Agency, JsonOf<Agency>, unknown> = struct('Agency', {
  id: IdC,
  name: StringC,
  role: oneOf(AGENCY_ROLES),
  members: listOf(AgencyMemberC, 'AgencyMember'),
  contracts: listOf(ContractC, 'Contract'),
  proposals: listOf(ProposalC, 'Proposal'),
  earnings: EarningsC,
})

/** @category codecs @since 0.1.0 */
export const DisputeC: t.Type<Dispute, JsonOf<Dispute>, unknown> = struct('Dispute', { id: IdC, status: oneOf(DISPUTE_STATUSES) })

/** @category codecs @since 0.1.0 */
export const SubscriptionC: t.Type<Subscription, JsonOf<Subscription>, unknown> = struct('Subscription', { id: IdC, plan: StringC, status: oneOf(SUBSCRIPTION_STATUSES) })

/** @category codecs @since 0.1.0 */
export const BillingMethodC: t.Type<BillingMethod, JsonOf<BillingMethod>, unknown> = struct('BillingMethod', { id: IdC, kind: StringC })

/**
 * The whole snapshot, shape only. Use {@link decodeSnapshot} to also check the rules that
 * relate fields to each other.
 *
 * @category codecs
 * @since 0.1.0
 */
export const AccountSnapshotC: t.Type<AccountSnapshot, AccountSnapshotJson, unknown> = struct('AccountSnapshot', {
  asOf: AsOfC,
  user: UserC,
  freelancer: nullable(FreelancerProfileC),
  companies: listOf(CompanyC, 'Company'),
  agencies: listOf(AgencyC, 'Agency'),
  disputes: listOf(DisputeC, 'Dispute'),
  subscriptions: listOf(SubscriptionC, 'Subscription'),
  billingMethods: listOf(BillingMethodC, 'BillingMethod'),
  extensions: ExtensionsC,
})

/**
 * Every codec of the snapshot, by entity: `codecs.Contract.decode(u)`.
 *
 * @category codecs
 * @since 0.2.0
 */
export const codecs = {
  AccountSnapshot: AccountSnapshotC,
  User: UserC,
  FreelancerProfile: FreelancerProfileC,
  Contract: ContractC,
  Proposal: ProposalC,
  Earnings: EarningsC,
  PendingPayment: PendingPaymentC,
  Company: CompanyC,
  CompanyMember: CompanyMemberC,
  Job: JobC,
  Agency: AgencyC,
  AgencyMember: AgencyMemberC,
  Dispute: DisputeC,
  Subscription: SubscriptionC,
  BillingMethod: BillingMethodC,
  Money: MoneyC,
  Instant: InstantC,
} as const
