/**
 * io-ts codecs for every entity of the account snapshot (SPEC §1), and the types they define.
 *
 * The codecs check shapes and value sets; the rules that relate fields to each other
 * (an ended contract has an end, ids are unique…) are checked by {@link decodeSnapshot}.
 *
 * @since 0.1.0
 */
import type * as t from 'io-ts'

import { AsOfC, InstantC } from './Instant.js'
import { MoneyC } from './Money.js'
import { BooleanC, IdC, listOf, nullable, oneOf, StringC, struct } from './struct.js'

// -------------------------------------------------------------------------------------
// value sets
// -------------------------------------------------------------------------------------

/** @category value sets @since 0.1.0 */
export const STANDINGS = ['good', 'on_hold', 'suspended'] as const
/** @category value sets @since 0.1.0 */
export const COMPANY_ROLES = ['owner', 'admin', 'manager', 'member'] as const
/** @category value sets @since 0.1.0 */
export const AGENCY_ROLES = ['owner', 'admin', 'member'] as const
/** @category value sets @since 0.1.0 */
export const CONTRACT_TYPES = ['hourly', 'fixed'] as const
/** @category value sets @since 0.1.0 */
export const CONTRACT_STATUSES = ['pending', 'active', 'paused', 'ended'] as const
/** @category value sets @since 0.1.0 */
export const PROPOSAL_STATUSES = ['submitted', 'active', 'offer', 'withdrawn', 'declined', 'archived'] as const
/** @category value sets @since 0.1.0 */
export const JOB_STATUSES = ['open', 'closed'] as const
/** @category value sets @since 0.1.0 */
export const DISPUTE_STATUSES = ['open', 'resolved'] as const
/** @category value sets @since 0.1.0 */
export const SUBSCRIPTION_STATUSES = ['active', 'cancelled'] as const

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/** @category codecs @since 0.1.0 */
export const UserC = struct('User', {
  id: IdC,
  securityQuestionSet: BooleanC,
  standing: oneOf(STANDINGS),
})

/** @category codecs @since 0.1.0 */
export const ContractC = struct('Contract', {
  id: IdC,
  type: oneOf(CONTRACT_TYPES),
  status: oneOf(CONTRACT_STATUSES),
  endedAt: nullable(InstantC),
})

/** @category codecs @since 0.1.0 */
export const ProposalC = struct('Proposal', { id: IdC, status: oneOf(PROPOSAL_STATUSES) })

/** @category codecs @since 0.1.0 */
export const PendingPaymentC = struct('PendingPayment', { id: IdC, amount: MoneyC, availableAt: InstantC })

/** @category codecs @since 0.1.0 */
export const EarningsC = struct('Earnings', { pending: listOf(PendingPaymentC, 'PendingPayment'), available: MoneyC })

/** @category codecs @since 0.1.0 */
export const FreelancerProfileC = struct('FreelancerProfile', {
  contracts: listOf(ContractC, 'Contract'),
  proposals: listOf(ProposalC, 'Proposal'),
  earnings: EarningsC,
})

/** @category codecs @since 0.1.0 */
export const CompanyMemberC = struct('CompanyMember', { userId: IdC, role: oneOf(COMPANY_ROLES) })

/** @category codecs @since 0.1.0 */
export const AgencyMemberC = struct('AgencyMember', { userId: IdC, role: oneOf(AGENCY_ROLES) })

/** @category codecs @since 0.1.0 */
export const JobC = struct('Job', { id: IdC, status: oneOf(JOB_STATUSES) })

/** @category codecs @since 0.1.0 */
export const CompanyC = struct('Company', {
  id: IdC,
  name: StringC,
  role: oneOf(COMPANY_ROLES),
  members: listOf(CompanyMemberC, 'CompanyMember'),
  contracts: listOf(ContractC, 'Contract'),
  jobs: listOf(JobC, 'Job'),
  outstanding: MoneyC,
})

/** @category codecs @since 0.1.0 */
export const AgencyC = struct('Agency', {
  id: IdC,
  name: StringC,
  role: oneOf(AGENCY_ROLES),
  members: listOf(AgencyMemberC, 'AgencyMember'),
  contracts: listOf(ContractC, 'Contract'),
  proposals: listOf(ProposalC, 'Proposal'),
  earnings: EarningsC,
})

/** @category codecs @since 0.1.0 */
export const DisputeC = struct('Dispute', { id: IdC, status: oneOf(DISPUTE_STATUSES) })

/** @category codecs @since 0.1.0 */
export const SubscriptionC = struct('Subscription', { id: IdC, plan: StringC, status: oneOf(SUBSCRIPTION_STATUSES) })

/** @category codecs @since 0.1.0 */
export const BillingMethodC = struct('BillingMethod', { id: IdC, kind: StringC })

/**
 * The whole snapshot, shape only. Use {@link decodeSnapshot} to also check the rules that
 * relate fields to each other.
 *
 * @category codecs
 * @since 0.1.0
 */
export const AccountSnapshotC = struct('AccountSnapshot', {
  asOf: AsOfC,
  user: UserC,
  freelancer: nullable(FreelancerProfileC),
  companies: listOf(CompanyC, 'Company'),
  agencies: listOf(AgencyC, 'Agency'),
  disputes: listOf(DisputeC, 'Dispute'),
  subscriptions: listOf(SubscriptionC, 'Subscription'),
  billingMethods: listOf(BillingMethodC, 'BillingMethod'),
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

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** @category model @since 0.1.0 */
export type Standing = (typeof STANDINGS)[number]
/** @category model @since 0.1.0 */
export type CompanyRole = (typeof COMPANY_ROLES)[number]
/** @category model @since 0.1.0 */
export type AgencyRole = (typeof AGENCY_ROLES)[number]
/** @category model @since 0.1.0 */
export type ContractType = (typeof CONTRACT_TYPES)[number]
/** @category model @since 0.1.0 */
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]
/** @category model @since 0.1.0 */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]
/** @category model @since 0.1.0 */
export type User = t.TypeOf<typeof UserC>
/** @category model @since 0.1.0 */
export type Contract = t.TypeOf<typeof ContractC>
/** @category model @since 0.1.0 */
export type Proposal = t.TypeOf<typeof ProposalC>
/** @category model @since 0.1.0 */
export type PendingPayment = t.TypeOf<typeof PendingPaymentC>
/** @category model @since 0.1.0 */
export type Earnings = t.TypeOf<typeof EarningsC>
/** @category model @since 0.1.0 */
export type FreelancerProfile = t.TypeOf<typeof FreelancerProfileC>
/** @category model @since 0.1.0 */
export type CompanyMember = t.TypeOf<typeof CompanyMemberC>
/** @category model @since 0.1.0 */
export type AgencyMember = t.TypeOf<typeof AgencyMemberC>
/** @category model @since 0.1.0 */
export type Job = t.TypeOf<typeof JobC>
/** @category model @since 0.1.0 */
export type Company = t.TypeOf<typeof CompanyC>
/** @category model @since 0.1.0 */
export type Agency = t.TypeOf<typeof AgencyC>
/** @category model @since 0.1.0 */
export type Dispute = t.TypeOf<typeof DisputeC>
/** @category model @since 0.1.0 */
export type Subscription = t.TypeOf<typeof SubscriptionC>
/** @category model @since 0.1.0 */
export type BillingMethod = t.TypeOf<typeof BillingMethodC>
/** @category model @since 0.1.0 */
export type AccountSnapshot = t.TypeOf<typeof AccountSnapshotC>
/** The snapshot as JSON, before decoding. @category model @since 0.1.0 */
export type AccountSnapshotJson = t.OutputOf<typeof AccountSnapshotC>
