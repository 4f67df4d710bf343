/**
 * Steps of a closure plan: remedies, waits, advice and the path's procedure.
 *
 * @since 0.1.0
 */
import type { ContractStatus, ContractType } from '../model/codecs.js'
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

/**
 * What every step, built in or an app's own, carries: its `_tag` and `kind`, the rule ids it
 * clears in `resolves` (empty for advice and procedure), the `scope` whose work it is (none for
 * the account), and the id of the item it acts on as `subject` (none when it acts on no item).
 *
 * @category model
 * @since 0.2.0
 */
export interface StepBase {
  readonly _tag: string
  readonly kind: StepKind
  readonly resolves: ReadonlyArray<string>
  readonly scope?: Scope
  readonly subject?: string
}

interface Base<T extends string, K extends StepKind> extends StepBase {
  readonly _tag: T
  readonly kind: K
  readonly resolves: ReadonlyArray<RuleId>
}

/** @category model @since 0.1.0 */
export interface SetSecurityQuestion extends Base<'SetSecurityQuestion', 'remedy'> {}
/** @category model @since 0.1.0 */
export interface ContactSupport extends Base<'ContactSupport', 'remedy'> {}
/** @category model @since 0.1.0 */
export interface ResolveDispute extends Base<'ResolveDispute', 'remedy'> {
  readonly subject: string
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
  readonly subject: string
  readonly scope: Scope
  readonly proposalId: string
}
/** @category model @since 0.1.0 */
export interface DeclineOffer extends Base<'DeclineOffer', 'remedy'> {
  readonly subject: string
  readonly scope: Scope
  readonly proposalId: string
}
/** @category model @since 0.1.0 */
export interface EndContract extends Base<'EndContract', 'remedy'> {
  readonly subject: string
  readonly scope: Scope
  readonly contractId: string
  readonly contractType: ContractType
  readonly status: Exclude<ContractStatus, 'ended'>
}
/** @category model @since 0.1.0 */
export interface CloseJob extends Base<'CloseJob', 'remedy'> {
  readonly subject: string
  readonly scope: CompanyScope
  readonly jobId: string
}
/** @category model @since 0.1.0 */
export interface RemoveMember extends Base<'RemoveMember', 'remedy'> {
  readonly subject: string
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
  /** Whether an hourly contract of the company is involved (its last week is invoiced). */
  readonly hourly: boolean
}
/** @category model @since 0.1.0 */
export interface CloseAgency extends Base<'CloseAgency', 'remedy'> {
  readonly subject: string
  readonly agencyId: string
}

/**
 * Why a wait is needed: a pending payment becomes available, or an hourly contract's billing
 * week ends.
 *
 * @category model
 * @since 0.1.0
 */
export type WaitReason = PaymentAvailable | BillingWeekEnds

/**
 * What every reason to wait carries: its `_tag`, the `rule` whose blocker passing time clears,
 * and, as blockers do, its `scope` and `subject`.
 *
 * @category model
 * @since 0.2.0
 */
export interface WaitReasonBase {
  readonly _tag: string
  readonly rule: string
  readonly scope?: Scope
  readonly subject?: string
}

/** A pending payment becomes available. @category model @since 0.2.0 */
export interface PaymentAvailable extends WaitReasonBase {
  readonly _tag: 'PaymentAvailable'
  readonly rule: 'payments-received'
  readonly scope: Scope
  readonly subject: string
  readonly paymentId: string
}

/** An hourly contract's billing week ends. @category model @since 0.2.0 */
export interface BillingWeekEnds extends WaitReasonBase {
  readonly _tag: 'BillingWeekEnds'
  readonly rule: 'billing-cycle-ended'
  readonly scope: CompanyScope
  readonly subject: string
  readonly contractId: string
}

/**
 * Time that has to pass. One step per instant: it lists every reason to wait until then, and
 * resolves the rules of its reasons.
 *
 * @category model
 * @since 0.1.0
 */
export interface WaitUntil<R extends WaitReasonBase = WaitReason> extends StepBase {
  readonly _tag: 'WaitUntil'
  readonly kind: 'wait'
  readonly at: Instant
  readonly reasons: ReadonlyArray<R>
}
/** @category model @since 0.1.0 */
export interface CancelSubscription extends Base<'CancelSubscription', 'advice'> {
  readonly subject: string
  readonly subscriptionId: string
}
/** @category model @since 0.1.0 */
export interface RemoveBillingMethod extends Base<'RemoveBillingMethod', 'advice'> {
  readonly subject: string
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
export interface ChooseClose extends Base<'ChooseClose', 'procedure'> {
  /** The button: "Close my agency" when closing an agency, "Close account" otherwise. */
  readonly button: 'Close account' | 'Close my agency'
}
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

const r = <T extends Remedy['_tag']>(_tag: T, rule: RuleId) => ({ _tag, kind: 'remedy' as const, resolves: [rule] as const })

/** @category constructors @since 0.1.0 */
export const setSecurityQuestion: SetSecurityQuestion = r('SetSecurityQuestion', 'security-question')
/** @category constructors @since 0.1.0 */
export const contactSupport: ContactSupport = r('ContactSupport', 'good-standing')
/** @category constructors @since 0.1.0 */
export const resolveDispute = (disputeId: string): ResolveDispute => ({
  _tag: 'ResolveDispute', kind: 'remedy', resolves: ['disputes-resolved'],
  subject: disputeId,
  disputeId,
})
/** @category constructors @since 0.1.0 */
export const contactOwner = (scope: AgencyScope): ContactOwner => ({ _tag: 'ContactOwner', kind: 'remedy', resolves: ['owner-only'], scope })
/** @category constructors @since 0.1.0 */
export const contactAdmin = (scope: TeamScope, contacts: ReadonlyArray<string>): ContactAdmin => ({
  _tag: 'ContactAdmin', kind: 'remedy', resolves: ['member-needs-admin'],
  scope,
  contacts,
})
/** @category constructors @since 0.1.0 */
export const withdrawProposal = (scope: Scope, proposalId: string): WithdrawProposal => ({
  _tag: 'WithdrawProposal', kind: 'remedy', resolves: ['proposals-withdrawn'],
  scope,
  subject: proposalId,
  proposalId,
})
/** @category constructors @since 0.1.0 */
export const declineOffer = (scope: Scope, proposalId: string): DeclineOffer => ({
  _tag: 'DeclineOffer', kind: 'remedy', resolves: ['proposals-withdrawn'],
  scope,
  subject: proposalId,
  proposalId,
})
/** @category constructors @since 0.1.0 */
export const endContract = (
  scope: Scope,
  contractId: string,
  contractType: ContractType,
  status: Exclude<ContractStatus, 'ended'>,
): EndContract => ({
  _tag: 'EndContract', kind: 'remedy', resolves: ['contracts-ended'],
  scope,
  subject: contractId,
  contractId,
  contractType,
  status,
})
/** @category constructors @since 0.1.0 */
export const closeJob = (scope: CompanyScope, jobId: string): CloseJob => ({ _tag: 'CloseJob', kind: 'remedy', resolves: ['jobs-closed'], scope, subject: jobId, jobId })
/** @category constructors @since 0.1.0 */
export const removeMember = (scope: TeamScope, userId: string): RemoveMember => ({
  _tag: 'RemoveMember', kind: 'remedy', resolves: ['members-removed'],
  scope,
  subject: userId,
  userId,
})
/** @category constructors @since 0.1.0 */
export const withdrawFunds = (scope: Scope): WithdrawFunds => ({ _tag: 'WithdrawFunds', kind: 'remedy', resolves: ['funds-withdrawn'], scope })
/** @category constructors @since 0.1.0 */
export const payBalance = (scope: CompanyScope, hourly: boolean): PayBalance => ({ _tag: 'PayBalance', kind: 'remedy', resolves: ['billing-paid'], scope, hourly })
/** @category constructors @since 0.1.0 */
export const closeAgency = (agencyId: string): CloseAgency => ({
  _tag: 'CloseAgency', kind: 'remedy', resolves: ['agency-closed-first'],
  subject: agencyId,
  agencyId,
})
/**
 * Waiting until `at`, for these reasons; it resolves the rules the reasons name.
 *
 * @example
 * waitUntil(settlesAt, [{ _tag: 'FeeSettles', rule: 'fees-paid', subject: 'inv-7' }])
 *
 * @category constructors
 * @since 0.1.0
 */
export const waitUntil = <R extends WaitReasonBase>(at: Instant, reasons: ReadonlyArray<R>): WaitUntil<R> => ({
  _tag: 'WaitUntil',
  kind: 'wait',
  at,
  reasons,
  resolves: [...new Set(reasons.map((x) => x.rule))].sort(),
})
/**
 * A remedy of an app's own: its tag, the rule it clears, and its fields.
 *
 * @example
 * remedy('PayFees', 'fees-paid', { scope: companyScope('co-1'), subject: 'inv-7', invoiceId: 'inv-7' })
 *
 * @category constructors
 * @since 0.2.0
 */
export const remedy = <T extends string, F extends { readonly scope?: Scope; readonly subject?: string }>(
  _tag: T,
  rule: string,
  fields: F,
): { readonly _tag: T; readonly kind: 'remedy'; readonly resolves: ReadonlyArray<string> } & F => ({
  _tag,
  kind: 'remedy',
  resolves: [rule],
  ...fields,
})
/** @category constructors @since 0.1.0 */
export const cancelSubscription = (subscriptionId: string): CancelSubscription => ({
  _tag: 'CancelSubscription',
  kind: 'advice',
  subject: subscriptionId,
  subscriptionId,
  resolves: [],
})
/** @category constructors @since 0.1.0 */
export const removeBillingMethod = (billingMethodId: string): RemoveBillingMethod => ({
  _tag: 'RemoveBillingMethod',
  kind: 'advice',
  subject: billingMethodId,
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
export const chooseClose = (button: ChooseClose['button']): ChooseClose => ({ _tag: 'ChooseClose', kind: 'procedure', button, resolves: [] })
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
// refinements
// -------------------------------------------------------------------------------------

/**
 * Whether a step, built in or an app's own, is a wait (only waits are tagged `WaitUntil`).
 *
 * @internal
 */
export const isWait = (s: StepBase): s is WaitUntil<WaitReasonBase> => s._tag === 'WaitUntil'

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
