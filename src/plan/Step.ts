/**
 * Steps of a closure plan: remedies, waits, advice and the path's procedure (SPEC §4).
 *
 * @since 0.1.0
 */
import type { ContractType } from '../model/codecs.js'
import type { Instant } from '../model/Instant.js'
import type { AgencyScope, CompanyScope, Scope, TeamScope } from '../model/Scope.js'
import type { RuleId } from '../rules/Blocker.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * - `remedy`: an action that clears a blocker;
 * - `wait`: time that has to pass;
 * - `advice`: good to do before closing, blocks nothing;
 * - `procedure`: the clicks that close, once nothing blocks.
 *
 * @category model
 * @since 0.1.0
 */
export type StepKind = 'remedy' | 'wait' | 'advice' | 'procedure'

interface Base<T extends string, K extends StepKind> {
  readonly _tag: T
  readonly kind: K
  /** The rule ids this step clears; empty for advice and procedure. */
  readonly resolves: ReadonlyArray<RuleId>
}

/** @category model @since 0.1.0 */
export interface SetSecurityQuestion extends Base<'SetSecurityQuestion', 'remedy'> {}
/** @category model @since 0.1.0 */
export interface ContactSupport extends Base<'ContactSupport', 'remedy'> {}
/** @category model @since 0.1.0 */
export interface ResolveDispute extends Base<'ResolveDispute', 'remedy'> {
  readonly disputeId: string
}
/** @category model @since 0.1.0 */
export interface ContactOwner extends Base<'ContactOwner', 'remedy'> {
  readonly scope: AgencyScope
}
/** @category model @since 0.1.0 */
export interface ContactAdmin extends Base<'ContactAdmin', 'remedy'> {
  readonly scope: TeamScope
  readonly contacts: ReadonlyArray<string>
}
/** @category model @since 0.1.0 */
export interface WithdrawProposal extends Base<'WithdrawProposal', 'remedy'> {
  readonly scope: Scope
  readonly proposalId: string
}
/** @category model @since 0.1.0 */
export interface DeclineOffer extends Base<'DeclineOffer', 'remedy'> {
  readonly scope: Scope
  readonly proposalId: string
}
/** @category model @since 0.1.0 */
export interface EndContract extends Base<'EndContract', 'remedy'> {
  readonly scope: Scope
  readonly contractId: string
  readonly contractType: ContractType
}
/** @category model @since 0.1.0 */
export interface CloseJob extends Base<'CloseJob', 'remedy'> {
  readonly scope: CompanyScope
  readonly jobId: string
}
/** @category model @since 0.1.0 */
export interface RemoveMember extends Base<'RemoveMember', 'remedy'> {
  readonly scope: TeamScope
  readonly userId: string
}
/** @category model @since 0.1.0 */
export interface WithdrawFunds extends Base<'WithdrawFunds', 'remedy'> {
  readonly scope: Scope
}
/** @category model @since 0.1.0 */
export interface PayBalance extends Base<'PayBalance', 'remedy'> {
  readonly scope: CompanyScope
}
/** @category model @since 0.1.0 */
export interface CloseAgency extends Base<'CloseAgency', 'remedy'> {
  readonly agencyId: string
}

/**
 * Why a wait is needed: a pending payment becomes available, or an hourly contract's billing
 * week ends.
 *
 * @category model
 * @since 0.1.0
 */
export type WaitReason =
  | { readonly _tag: 'PaymentAvailable'; readonly scope: Scope; readonly paymentId: string }
  | { readonly _tag: 'BillingWeekEnds'; readonly scope: CompanyScope; readonly contractId: string }

/** @category model @since 0.1.0 */
export interface WaitUntil extends Base<'WaitUntil', 'wait'> {
  readonly at: Instant
  /** What the wait is for (an extra field beyond SPEC §4). */
  readonly reasons: ReadonlyArray<WaitReason>
}
/** @category model @since 0.1.0 */
export interface CancelSubscription extends Base<'CancelSubscription', 'advice'> {
  readonly subscriptionId: string
}
/** @category model @since 0.1.0 */
export interface RemoveBillingMethod extends Base<'RemoveBillingMethod', 'advice'> {
  readonly billingMethodId: string
}
/** @category model @since 0.1.0 */
export interface RemovePersonalDetails extends Base<'RemovePersonalDetails', 'advice'> {}
/** @category model @since 0.1.0 */
export interface BackUpRecords extends Base<'BackUpRecords', 'advice'> {}
/** @category model @since 0.1.0 */
export interface Navigate extends Base<'Navigate', 'procedure'> {
  readonly path: ReadonlyArray<string>
}
/** @category model @since 0.1.0 */
export interface ChooseClose extends Base<'ChooseClose', 'procedure'> {}
/** @category model @since 0.1.0 */
export interface AnswerSecurityQuestion extends Base<'AnswerSecurityQuestion', 'procedure'> {}
/** @category model @since 0.1.0 */
export interface VerifyEmail extends Base<'VerifyEmail', 'procedure'> {}
/** @category model @since 0.1.0 */
export interface Confirm extends Base<'Confirm', 'procedure'> {}
/** @category model @since 0.1.0 */
export interface LeaveTeam extends Base<'LeaveTeam', 'procedure'> {
  readonly scope: TeamScope
}

/** @category model @since 0.1.0 */
export type Remedy =
  | SetSecurityQuestion
  | ContactSupport
  | ResolveDispute
  | ContactOwner
  | ContactAdmin
  | WithdrawProposal
  | DeclineOffer
  | EndContract
  | CloseJob
  | RemoveMember
  | WithdrawFunds
  | PayBalance
  | CloseAgency
/** @category model @since 0.1.0 */
export type Advice = CancelSubscription | RemoveBillingMethod | RemovePersonalDetails | BackUpRecords
/** @category model @since 0.1.0 */
export type Procedure = Navigate | ChooseClose | AnswerSecurityQuestion | VerifyEmail | Confirm | LeaveTeam

/**
 * One step of a plan: a discriminated union on `_tag`, grouped by `kind`.
 *
 * @category model
 * @since 0.1.0
 */
export type Step = Remedy | WaitUntil | Advice | Procedure

/** @category model @since 0.1.0 */
export type StepTag = Step['_tag']

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const r = <T extends Remedy['_tag']>(_tag: T, rule: RuleId) => ({ _tag, kind: 'remedy' as const, resolves: [rule] })

/** @category constructors @since 0.1.0 */
export const setSecurityQuestion: SetSecurityQuestion = r('SetSecurityQuestion', 'security-question')
/** @category constructors @since 0.1.0 */
export const contactSupport: ContactSupport = r('ContactSupport', 'good-standing')
/** @category constructors @since 0.1.0 */
export const resolveDispute = (disputeId: string): ResolveDispute => ({
  _tag: 'ResolveDispute',
  kind: 'remedy',
  disputeId,
  resolves: ['disputes-resolved'],
})
/** @category constructors @since 0.1.0 */
export const contactOwner = (scope: AgencyScope): ContactOwner => ({
  _tag: 'ContactOwner',
  kind: 'remedy',
  scope,
  resolves: ['owner-only'],
})
/** @category constructors @since 0.1.0 */
export const contactAdmin = (scope: TeamScope, contacts: ReadonlyArray<string>): ContactAdmin => ({
  _tag: 'ContactAdmin',
  kind: 'remedy',
  scope,
  contacts,
  resolves: ['member-needs-admin'],
})
/** @category constructors @since 0.1.0 */
export const withdrawProposal = (scope: Scope, proposalId: string): WithdrawProposal => ({
  _tag: 'WithdrawProposal',
  kind: 'remedy',
  scope,
  proposalId,
  resolves: ['proposals-withdrawn'],
})
/** @category constructors @since 0.1.0 */
export const declineOffer = (scope: Scope, proposalId: string): DeclineOffer => ({
  _tag: 'DeclineOffer',
  kind: 'remedy',
  scope,
  proposalId,
  resolves: ['proposals-withdrawn'],
})
/** @category constructors @since 0.1.0 */
export const endContract = (scope: Scope, contractId: string, contractType: ContractType): EndContract => ({
  _tag: 'EndContract',
  kind: 'remedy',
  scope,
  contractId,
  contractType,
  resolves: ['contracts-ended'],
})
/** @category constructors @since 0.1.0 */
export const closeJob = (scope: CompanyScope, jobId: string): CloseJob => ({
  _tag: 'CloseJob',
  kind: 'remedy',
  scope,
  jobId,
  resolves: ['jobs-closed'],
})
/** @category constructors @since 0.1.0 */
export const removeMember = (scope: TeamScope, userId: string): RemoveMember => ({
  _tag: 'RemoveMember',
  kind: 'remedy',
  scope,
  userId,
  resolves: ['members-removed'],
})
/** @category constructors @since 0.1.0 */
export const withdrawFunds = (scope: Scope): WithdrawFunds => ({
  _tag: 'WithdrawFunds',
  kind: 'remedy',
  scope,
  resolves: ['funds-withdrawn'],
})
/** @category constructors @since 0.1.0 */
export const payBalance = (scope: CompanyScope): PayBalance => ({
  _tag: 'PayBalance',
  kind: 'remedy',
  scope,
  resolves: ['billing-paid'],
})
/** @category constructors @since 0.1.0 */
export const closeAgency = (agencyId: string): CloseAgency => ({
  _tag: 'CloseAgency',
  kind: 'remedy',
  agencyId,
  resolves: ['agency-closed-first'],
})
/** @category constructors @since 0.1.0 */
export const waitUntil = (at: Instant, reasons: ReadonlyArray<WaitReason>): WaitUntil => ({
  _tag: 'WaitUntil',
  kind: 'wait',
  at,
  reasons,
  resolves: [
    ...(reasons.some((x) => x._tag === 'BillingWeekEnds') ? (['billing-cycle-ended'] as const) : []),
    ...(reasons.some((x) => x._tag === 'PaymentAvailable') ? (['payments-received'] as const) : []),
  ],
})
/** @category constructors @since 0.1.0 */
export const cancelSubscription = (subscriptionId: string): CancelSubscription => ({
  _tag: 'CancelSubscription',
  kind: 'advice',
  subscriptionId,
  resolves: [],
})
/** @category constructors @since 0.1.0 */
export const removeBillingMethod = (billingMethodId: string): RemoveBillingMethod => ({
  _tag: 'RemoveBillingMethod',
  kind: 'advice',
  billingMethodId,
  resolves: [],
})
/** @category constructors @since 0.1.0 */
export const removePersonalDetails: RemovePersonalDetails = {
  _tag: 'RemovePersonalDetails',
  kind: 'advice',
  resolves: [],
}
/** @category constructors @since 0.1.0 */
export const backUpRecords: BackUpRecords = { _tag: 'BackUpRecords', kind: 'advice', resolves: [] }
/** @category constructors @since 0.1.0 */
export const navigate = (path: ReadonlyArray<string>): Navigate => ({
  _tag: 'Navigate',
  kind: 'procedure',
  path,
  resolves: [],
})
/** @category constructors @since 0.1.0 */
export const chooseClose: ChooseClose = { _tag: 'ChooseClose', kind: 'procedure', resolves: [] }
/** @category constructors @since 0.1.0 */
export const answerSecurityQuestion: AnswerSecurityQuestion = {
  _tag: 'AnswerSecurityQuestion',
  kind: 'procedure',
  resolves: [],
}
/** @category constructors @since 0.1.0 */
export const verifyEmail: VerifyEmail = { _tag: 'VerifyEmail', kind: 'procedure', resolves: [] }
/** @category constructors @since 0.1.0 */
export const confirm: Confirm = { _tag: 'Confirm', kind: 'procedure', resolves: [] }
/** @category constructors @since 0.1.0 */
export const leaveTeam = (scope: TeamScope): LeaveTeam => ({ _tag: 'LeaveTeam', kind: 'procedure', scope, resolves: [] })

// -------------------------------------------------------------------------------------
// pattern matching
// -------------------------------------------------------------------------------------

/**
 * One handler per step tag; a missing handler is a type error.
 *
 * @category pattern matching
 * @since 0.1.0
 */
export const matchStep =
  <R>(handlers: { readonly [K in StepTag]: (s: Extract<Step, { readonly _tag: K }>) => R }) =>
  (s: Step): R =>
    (handlers[s._tag] as (s: Step) => R)(s)
