/**
 * io-ts codecs for every entity of the account snapshot, and the types they define.
 *
 * The codecs check shapes and value sets; the rules that relate fields to each other
 * (an ended contract has an end, ids are unique…) are checked by {@link decodeSnapshot}.
 *
 * @since 0.1.0
 */
import type * as t from 'io-ts'

import { AsOfD, InstantC, InstantD } from './Instant.js'
import type { Instant } from './Instant.js'
import { MoneyC, MoneyD } from './Money.js'
import type { Money } from './Money.js'
import { ExtensionsD } from './json.js'
import { BooleanD, codecOf, IdD, listOf, nullable, oneOf, StringD, struct } from './struct.js'
import type { Decoder } from './struct.js'

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

/** The decoder of {@link UserC}. @internal */
export const UserD: Decoder<User, JsonOf<User>> = struct('User', {
  id: IdD,
  securityQuestionSet: BooleanD,
  standing: oneOf(STANDINGS),
})
/** @category codecs @since 0.1.0 */
export const UserC: t.Type<User, JsonOf<User>, unknown> = /*#__PURE__*/ codecOf(UserD)

/** The decoder of {@link ContractC}. @internal */
export const ContractD: Decoder<Contract, JsonOf<Contract>> = struct('Contract', {
  id: IdD,
  type: oneOf(CONTRACT_TYPES),
  status: oneOf(CONTRACT_STATUSES),
  endedAt: nullable(InstantD),
})
/** @category codecs @since 0.1.0 */
export const ContractC: t.Type<Contract, JsonOf<Contract>, unknown> = /*#__PURE__*/ codecOf(ContractD)

/** The decoder of {@link ProposalC}. @internal */
export const ProposalD: Decoder<Proposal, JsonOf<Proposal>> = struct('Proposal', { id: IdD, status: oneOf(PROPOSAL_STATUSES) })
/** @category codecs @since 0.1.0 */
export const ProposalC: t.Type<Proposal, JsonOf<Proposal>, unknown> = /*#__PURE__*/ codecOf(ProposalD)

/** The decoder of {@link PendingPaymentC}. @internal */
export const PendingPaymentD: Decoder<PendingPayment, JsonOf<PendingPayment>> = struct('PendingPayment', { id: IdD, amount: MoneyD, availableAt: InstantD })
/** @category codecs @since 0.1.0 */
export const PendingPaymentC: t.Type<PendingPayment, JsonOf<PendingPayment>, unknown> = /*#__PURE__*/ codecOf(PendingPaymentD)

/** The decoder of {@link EarningsC}. @internal */
export const EarningsD: Decoder<Earnings, JsonOf<Earnings>> = struct('Earnings', { pending: listOf(PendingPaymentD, 'PendingPayment'), available: MoneyD })
/** @category codecs @since 0.1.0 */
export const EarningsC: t.Type<Earnings, JsonOf<Earnings>, unknown> = /*#__PURE__*/ codecOf(EarningsD)

/** The decoder of {@link FreelancerProfileC}. @internal */
export const FreelancerProfileD: Decoder<FreelancerProfile, JsonOf<FreelancerProfile>> = struct('FreelancerProfile', {
  contracts: listOf(ContractD, 'Contract'),
  proposals: listOf(ProposalD, 'Proposal'),
  earnings: EarningsD,
})
/** @category codecs @since 0.1.0 */
export const FreelancerProfileC: t.Type<FreelancerProfile, JsonOf<FreelancerProfile>, unknown> = /*#__PURE__*/ codecOf(FreelancerProfileD)

/** The decoder of {@link CompanyMemberC}. @internal */
export const CompanyMemberD: Decoder<CompanyMember, JsonOf<CompanyMember>> = struct('CompanyMember', { userId: IdD, role: oneOf(COMPANY_ROLES) })
/** @category codecs @since 0.1.0 */
export const CompanyMemberC: t.Type<CompanyMember, JsonOf<CompanyMember>, unknown> = /*#__PURE__*/ codecOf(CompanyMemberD)

/** The decoder of {@link AgencyMemberC}. @internal */
export const AgencyMemberD: Decoder<AgencyMember, JsonOf<AgencyMember>> = struct('AgencyMember', { userId: IdD, role: oneOf(AGENCY_ROLES) })
/** @category codecs @since 0.1.0 */
export const AgencyMemberC: t.Type<AgencyMember, JsonOf<AgencyMember>, unknown> = /*#__PURE__*/ codecOf(AgencyMemberD)

/** The decoder of {@link JobC}. @internal */
export const JobD: Decoder<Job, JsonOf<Job>> = struct('Job', { id: IdD, status: oneOf(JOB_STATUSES) })
/** @category codecs @since 0.1.0 */
export const JobC: t.Type<Job, JsonOf<Job>, unknown> = /*#__PURE__*/ codecOf(JobD)

/** The decoder of {@link CompanyC}. @internal */
export const CompanyD: Decoder<Company, JsonOf<Company>> = struct('Company', {
  id: IdD,
  name: StringD,
  role: oneOf(COMPANY_ROLES),
  members: listOf(CompanyMemberD, 'CompanyMember'),
  contracts: listOf(ContractD, 'Contract'),
  jobs: listOf(JobD, 'Job'),
  outstanding: MoneyD,
})
/** @category codecs @since 0.1.0 */
export const CompanyC: t.Type<Company, JsonOf<Company>, unknown> = /*#__PURE__*/ codecOf(CompanyD)

/** The decoder of {@link AgencyC}. @internal */
export const AgencyD: Decoder<Agency, JsonOf<Agency>> = struct('Agency', {
  id: IdD,
  name: StringD,
  role: oneOf(AGENCY_ROLES),
  members: listOf(AgencyMemberD, 'AgencyMember'),
  contracts: listOf(ContractD, 'Contract'),
  proposals: listOf(ProposalD, 'Proposal'),
  earnings: EarningsD,
})
/** @category codecs @since 0.1.0 */
export const AgencyC: t.Type<Agency, JsonOf<Agency>, unknown> = /*#__PURE__*/ codecOf(AgencyD)

/** The decoder of {@link DisputeC}. @internal */
export const DisputeD: Decoder<Dispute, JsonOf<Dispute>> = struct('Dispute', { id: IdD, status: oneOf(DISPUTE_STATUSES) })
/** @category codecs @since 0.1.0 */
export const DisputeC: t.Type<Dispute, JsonOf<Dispute>, unknown> = /*#__PURE__*/ codecOf(DisputeD)

/** The decoder of {@link SubscriptionC}. @internal */
export const SubscriptionD: Decoder<Subscription, JsonOf<Subscription>> = struct('Subscription', { id: IdD, plan: StringD, status: oneOf(SUBSCRIPTION_STATUSES) })
/** @category codecs @since 0.1.0 */
export const SubscriptionC: t.Type<Subscription, JsonOf<Subscription>, unknown> = /*#__PURE__*/ codecOf(SubscriptionD)

/** The decoder of {@link BillingMethodC}. @internal */
export const BillingMethodD: Decoder<BillingMethod, JsonOf<BillingMethod>> = struct('BillingMethod', { id: IdD, kind: StringD })
/** @category codecs @since 0.1.0 */
export const BillingMethodC: t.Type<BillingMethod, JsonOf<BillingMethod>, unknown> = /*#__PURE__*/ codecOf(BillingMethodD)

/** The decoder of {@link AccountSnapshotC}. @internal */
export const AccountSnapshotD: Decoder<AccountSnapshot, AccountSnapshotJson> = struct('AccountSnapshot', {
  asOf: AsOfD,
  user: UserD,
  freelancer: nullable(FreelancerProfileD),
  companies: listOf(CompanyD, 'Company'),
  agencies: listOf(AgencyD, 'Agency'),
  disputes: listOf(DisputeD, 'Dispute'),
  subscriptions: listOf(SubscriptionD, 'Subscription'),
  billingMethods: listOf(BillingMethodD, 'BillingMethod'),
  extensions: ExtensionsD,
})
/**
 * The whole snapshot, shape only. Use {@link decodeSnapshot} to also check the rules that
 * relate fields to each other.
 *
 * @category codecs
 * @since 0.1.0
 */
export const AccountSnapshotC: t.Type<AccountSnapshot, AccountSnapshotJson, unknown> = /*#__PURE__*/ codecOf(AccountSnapshotD)

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
