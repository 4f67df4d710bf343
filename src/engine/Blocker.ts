/**
 * Blockers: what stands between the user and closing, one per offending fact.
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
 * The ids of the built-in rules.
 *
 * @category model
 * @since 0.1.0
 */
export type RuleId =
  | 'target-exists'
  | 'security-question'
  | 'good-standing'
  | 'disputes-resolved'
  | 'owner-only'
  | 'member-needs-admin'
  | 'agency-closed-first'
  | 'members-removed'
  | 'contracts-ended'
  | 'billing-cycle-ended'
  | 'jobs-closed'
  | 'billing-paid'
  | 'proposals-withdrawn'
  | 'payments-received'
  | 'funds-withdrawn'

/**
 * What every blocker, built in or an app's own, carries: its `_tag`, the `rule` that found it,
 * the `scope` whose work it is about (none for the account as a whole), and the id of the item
 * it is about as `subject` (none when it is about the scope or the account itself).
 *
 * @category model
 * @since 0.2.0
 */
export interface BlockerBase {
  readonly _tag: string
  readonly rule: string
  readonly scope?: Scope
  readonly subject?: string
}

/** @category model @since 0.1.0 */
export interface SecurityQuestionMissing extends BlockerBase {
  readonly _tag: 'SecurityQuestionMissing'
  readonly rule: 'security-question'
}
/** @category model @since 0.1.0 */
export interface NotInGoodStanding extends BlockerBase {
  readonly _tag: 'NotInGoodStanding'
  readonly rule: 'good-standing'
  readonly standing: Exclude<Standing, 'good'>
}
/** @category model @since 0.1.0 */
export interface DisputeUnresolved extends BlockerBase {
  /** The dispute id. */
  readonly subject: string
  readonly _tag: 'DisputeUnresolved'
  readonly rule: 'disputes-resolved'
  readonly disputeId: string
}
/** @category model @since 0.1.0 */
export interface NotOwner extends BlockerBase {
  readonly _tag: 'NotOwner'
  readonly rule: 'owner-only'
  readonly scope: AgencyScope
  readonly role: Exclude<AgencyRole, 'owner'>
}
/** @category model @since 0.1.0 */
export interface UnknownTarget extends BlockerBase {
  /** The agency id. */
  readonly subject: string
  readonly _tag: 'UnknownTarget'
  readonly rule: 'target-exists'
  readonly agencyId: string
}
/** @category model @since 0.1.0 */
export interface AdminMustRemove extends BlockerBase {
  readonly _tag: 'AdminMustRemove'
  readonly rule: 'member-needs-admin'
  readonly scope: TeamScope
  /** User ids of the team's owner, admins and managers, sorted. */
  readonly contacts: ReadonlyArray<string>
}
/** @category model @since 0.1.0 */
export interface AgencyOpen extends BlockerBase {
  /** The agency id. */
  readonly subject: string
  readonly _tag: 'AgencyOpen'
  readonly rule: 'agency-closed-first'
  readonly agencyId: string
}
/** @category model @since 0.1.0 */
export interface MemberRemains extends BlockerBase {
  /** The member's user id. */
  readonly subject: string
  readonly _tag: 'MemberRemains'
  readonly rule: 'members-removed'
  readonly scope: TeamScope
  readonly userId: string
  readonly role: CompanyRole | AgencyRole
}
/** @category model @since 0.1.0 */
export interface ContractOpen extends BlockerBase {
  /** The contract id. */
  readonly subject: string
  readonly _tag: 'ContractOpen'
  readonly rule: 'contracts-ended'
  readonly scope: Scope
  readonly contractId: string
  readonly contractType: ContractType
  readonly status: Exclude<ContractStatus, 'ended'>
}
/** @category model @since 0.1.0 */
export interface BillingCycleOpen extends BlockerBase {
  /** The contract id. */
  readonly subject: string
  readonly _tag: 'BillingCycleOpen'
  readonly rule: 'billing-cycle-ended'
  readonly scope: CompanyScope
  readonly contractId: string
  readonly endsAt: Instant
}
/** @category model @since 0.1.0 */
export interface JobOpen extends BlockerBase {
  /** The job id. */
  readonly subject: string
  readonly _tag: 'JobOpen'
  readonly rule: 'jobs-closed'
  readonly scope: CompanyScope
  readonly jobId: string
}
/** @category model @since 0.1.0 */
export interface BillingOutstanding extends BlockerBase {
  readonly _tag: 'BillingOutstanding'
  readonly rule: 'billing-paid'
  readonly scope: CompanyScope
  readonly amount: Money
}
/** @category model @since 0.1.0 */
export interface ProposalOpen extends BlockerBase {
  /** The proposal id. */
  readonly subject: string
  readonly _tag: 'ProposalOpen'
  readonly rule: 'proposals-withdrawn'
  readonly scope: Scope
  readonly proposalId: string
  readonly status: Extract<ProposalStatus, 'submitted' | 'active' | 'offer'>
}
/** @category model @since 0.1.0 */
export interface PaymentPending extends BlockerBase {
  /** The payment id. */
  readonly subject: string
  readonly _tag: 'PaymentPending'
  readonly rule: 'payments-received'
  readonly scope: Scope
  readonly paymentId: string
  readonly amount: Money
  readonly availableAt: Instant
}
/** @category model @since 0.1.0 */
export interface FundsAvailable extends BlockerBase {
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
