/**
 * Blockers: what stands between the user and closing, one per offending fact (SPEC §3).
 *
 * @since 0.1.0
 */
import type { AgencyRole, CompanyRole, ContractStatus, ContractType, ProposalStatus, Standing } from '../model/codecs.js'
import type { Instant } from '../model/Instant.js'
import type { Money } from '../model/Money.js'
import type { AgencyScope, CompanyScope, Scope, TeamScope } from '../model/Scope.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Every rule id, in the order blockers are reported.
 *
 * @category model
 * @since 0.1.0
 */
export const RULE_IDS = [
  'target-exists',
  'security-question',
  'good-standing',
  'disputes-resolved',
  'owner-only',
  'member-needs-admin',
  'agency-closed-first',
  'members-removed',
  'contracts-ended',
  'billing-cycle-ended',
  'jobs-closed',
  'billing-paid',
  'proposals-withdrawn',
  'payments-received',
  'funds-withdrawn',
] as const

/** @category model @since 0.1.0 */
export type RuleId = (typeof RULE_IDS)[number]

/** @category model @since 0.1.0 */
export interface SecurityQuestionMissing {
  readonly _tag: 'SecurityQuestionMissing'
  readonly rule: 'security-question'
}
/** @category model @since 0.1.0 */
export interface NotInGoodStanding {
  readonly _tag: 'NotInGoodStanding'
  readonly rule: 'good-standing'
  readonly standing: Exclude<Standing, 'good'>
}
/** @category model @since 0.1.0 */
export interface DisputeUnresolved {
  readonly _tag: 'DisputeUnresolved'
  readonly rule: 'disputes-resolved'
  readonly disputeId: string
}
/** @category model @since 0.1.0 */
export interface NotOwner {
  readonly _tag: 'NotOwner'
  readonly rule: 'owner-only'
  readonly scope: AgencyScope
  readonly role: Exclude<AgencyRole, 'owner'>
}
/** @category model @since 0.1.0 */
export interface UnknownTarget {
  readonly _tag: 'UnknownTarget'
  readonly rule: 'target-exists'
  readonly agencyId: string
}
/** @category model @since 0.1.0 */
export interface AdminMustRemove {
  readonly _tag: 'AdminMustRemove'
  readonly rule: 'member-needs-admin'
  readonly scope: TeamScope
  /** User ids of the team's owner, admins and managers, sorted. */
  readonly contacts: ReadonlyArray<string>
}
/** @category model @since 0.1.0 */
export interface AgencyOpen {
  readonly _tag: 'AgencyOpen'
  readonly rule: 'agency-closed-first'
  readonly agencyId: string
}
/** @category model @since 0.1.0 */
export interface MemberRemains {
  readonly _tag: 'MemberRemains'
  readonly rule: 'members-removed'
  readonly scope: TeamScope
  readonly userId: string
  readonly role: CompanyRole | AgencyRole
}
/** @category model @since 0.1.0 */
export interface ContractOpen {
  readonly _tag: 'ContractOpen'
  readonly rule: 'contracts-ended'
  readonly scope: Scope
  readonly contractId: string
  readonly contractType: ContractType
  readonly status: Exclude<ContractStatus, 'ended'>
}
/** @category model @since 0.1.0 */
export interface BillingCycleOpen {
  readonly _tag: 'BillingCycleOpen'
  readonly rule: 'billing-cycle-ended'
  readonly scope: CompanyScope
  readonly contractId: string
  readonly endsAt: Instant
}
/** @category model @since 0.1.0 */
export interface JobOpen {
  readonly _tag: 'JobOpen'
  readonly rule: 'jobs-closed'
  readonly scope: CompanyScope
  readonly jobId: string
}
/** @category model @since 0.1.0 */
export interface BillingOutstanding {
  readonly _tag: 'BillingOutstanding'
  readonly rule: 'billing-paid'
  readonly scope: CompanyScope
  readonly amount: Money
}
/** @category model @since 0.1.0 */
export interface ProposalOpen {
  readonly _tag: 'ProposalOpen'
  readonly rule: 'proposals-withdrawn'
  readonly scope: Scope
  readonly proposalId: string
  readonly status: Extract<ProposalStatus, 'submitted' | 'active' | 'offer'>
}
/** @category model @since 0.1.0 */
export interface PaymentPending {
  readonly _tag: 'PaymentPending'
  readonly rule: 'payments-received'
  readonly scope: Scope
  readonly paymentId: string
  readonly amount: Money
  readonly availableAt: Instant
}
/** @category model @since 0.1.0 */
export interface FundsAvailable {
  readonly _tag: 'FundsAvailable'
  readonly rule: 'funds-withdrawn'
  readonly scope: Scope
  readonly amount: Money
}

/**
 * Everything that can stand in the way. A discriminated union on `_tag`; each carries its `rule`.
 *
 * @category model
 * @since 0.1.0
 */
export type Blocker =
  | SecurityQuestionMissing
  | NotInGoodStanding
  | DisputeUnresolved
  | NotOwner
  | UnknownTarget
  | AdminMustRemove
  | AgencyOpen
  | MemberRemains
  | ContractOpen
  | BillingCycleOpen
  | JobOpen
  | BillingOutstanding
  | ProposalOpen
  | PaymentPending
  | FundsAvailable

/** @category model @since 0.1.0 */
export type BlockerTag = Blocker['_tag']

/**
 * The blockers a user cannot clear by their own steps: with any of them, there is no
 * earliest instant.
 *
 * @category model
 * @since 0.1.0
 */
export const isUnclearable = (b: { readonly _tag: string }): boolean =>
  b._tag === 'NotOwner' || b._tag === 'AdminMustRemove' || b._tag === 'NotInGoodStanding' || b._tag === 'UnknownTarget'

// -------------------------------------------------------------------------------------
// pattern matching
// -------------------------------------------------------------------------------------

/**
 * One handler per tag; a missing handler is a type error.
 *
 * @example
 * const short = matchBlocker({ SecurityQuestionMissing: () => 'set a question', ... })
 *
 * @category pattern matching
 * @since 0.1.0
 */
export const matchBlocker =
  <R>(handlers: { readonly [K in BlockerTag]: (b: Extract<Blocker, { readonly _tag: K }>) => R }) =>
  (b: Blocker): R =>
    (handlers[b._tag] as (b: Blocker) => R)(b)
