/**
 * The default policy: the built-in rules as one list, and the API built from it.
 *
 * @since 0.1.0
 */
import type * as E from 'fp-ts/lib/Either.js'
import type * as O from 'fp-ts/lib/Option.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'

import { alternativesWith, canCloseOf, checksPolicy, closureStepsOf, earliestClosableAtOf, trustedPolicy, verdictOf } from './closure/closureWith.js'
import type { BlockerOf, Closable, StepOf } from './closure/closureWith.js'
import type { Verdict as VerdictOf, VerdictOptions } from './closure/verdict.js'
import type { BlockerBase } from './engine/Blocker.js'
import type { StepBase, WaitReasonBase, WaitUntil } from './engine/Step.js'
import type { AccountSnapshot } from './model/codecs.js'
import type { ClosureOptions } from './model/facts.js'
import type { Instant } from './model/Instant.js'
import type { Target } from './model/Target.js'
import type { Alternative } from './paths/Alternative.js'
import type { Advice, Procedure } from './paths/procedure.js'
import { agencyClosedFirst, agencyClosedFirstCheck } from './rules/agencyClosedFirst.js'
import { billingCycleEnded, billingCycleEndedCheck } from './rules/billing/billingCycleEnded.js'
import { billingPaid, billingPaidCheck } from './rules/billing/billingPaid.js'
import { contractsEnded, contractsEndedCheck } from './rules/contractsEnded.js'
import { disputesResolved, disputesResolvedCheck } from './rules/disputesResolved.js'
import { fundsWithdrawn, fundsWithdrawnCheck } from './rules/fundsWithdrawn.js'
import { goodStanding, goodStandingCheck } from './rules/goodStanding.js'
import { jobsClosed, jobsClosedCheck } from './rules/jobsClosed.js'
import { memberNeedsAdmin, memberNeedsAdminCheck } from './rules/memberNeedsAdmin.js'
import { membersRemoved, membersRemovedCheck } from './rules/membersRemoved.js'
import { ownerOnly, ownerOnlyCheck } from './rules/ownerOnly.js'
import { paymentsReceived, paymentsReceivedCheck } from './rules/paymentsReceived.js'
import { proposalsWithdrawn, proposalsWithdrawnCheck } from './rules/proposalsWithdrawn.js'
import { securityQuestion, securityQuestionCheck } from './rules/securityQuestion.js'
import { targetExists, targetExistsCheck } from './rules/targetExists.js'

/**
 * Every built-in rule, in the order their blockers are reported: the account-wide rules first,
 * then the work of each scope. Add an app's own rule with `[...defaultRules, myRule]`. The list
 * is frozen (a change to it would reach every policy made from it later, and the top-level
 * functions): make a variant as a new list, `defaultRules.filter((r) => r.id !== 'good-standing')`.
 *
 * @example
 * import * as t from 'io-ts'
 * import { closureWith, defaultRules, defineBlocker, defineRule, defineStep } from 'account-closure'
 *
 * const feeUnpaid = defineBlocker({ tag: 'FeeUnpaid', rule: 'fees-paid', words: (b: { readonly subject: string }) => `Fee ${b.subject} is unpaid.` })
 * const payFee = defineStep({ tag: 'PayFee', kind: 'remedy', rule: 'fees-paid', words: (s: { readonly subject: string }) => `Pay fee ${s.subject}.` })
 *
 * const feesPaid = defineRule({
 *   id: 'fees-paid',
 *   paths: ['CloseAccount'],
 *   extension: { key: 'fees', codec: t.array(t.type({ id: t.string })) },
 *   blockers: [feeUnpaid],
 *   steps: [payFee],
 *   check: (f) => f.extensions.fees.map((fee) => feeUnpaid({ subject: fee.id })),
 *   clear: (b) => [payFee({ subject: b.subject })],
 *   follows: [{ step: 'WithdrawFunds', scope: 'any' }],
 *   mayMove: { because: 'A fee settles only once it is paid.' },
 * })
 *
 * const closure = closureWith([...defaultRules, feesPaid])
 * const decoded = closure.decodeSnapshot({
 *   asOf: '2026-11-18T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
 *   freelancer: null, companies: [], agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 *   extensions: { fees: [{ id: 'fee-1' }] },
 * })
 * if (decoded._tag === 'Left') throw new Error('invalid snapshot')
 * const snapshot = decoded.right
 * console.log(closure.canClose(snapshot)._tag) // 'Left'
 * console.log(defaultRules.map((r) => r.id)) // ['target-exists', 'security-question', …]
 *
 * @category rules
 * @since 0.2.0
 */
export const defaultRules = /*#__PURE__*/ Object.freeze([
  targetExists,
  securityQuestion,
  goodStanding,
  disputesResolved,
  ownerOnly,
  memberNeedsAdmin,
  agencyClosedFirst,
  membersRemoved,
  contractsEnded,
  billingCycleEnded,
  jobsClosed,
  billingPaid,
  proposalsWithdrawn,
  paymentsReceived,
  fundsWithdrawn,
] as const)

/** The ids of the built-in rules. @category model @since 0.1.0 */
export type RuleId = (typeof defaultRules)[number]['id']

/**
 * The built-in rule ids, in the order of {@link defaultRules}.
 *
 * @category rules
 * @since 0.1.0
 */
export const RULE_IDS: ReadonlyArray<RuleId> = /*#__PURE__*/ Object.freeze(/*#__PURE__*/ defaultRules.map((r) => r.id))

/** Every built-in blocker: a discriminated union on `_tag`; each carries its `rule`. @category model @since 0.1.0 */
export type Blocker = BlockerOf<(typeof defaultRules)[number]>
/** @category model @since 0.1.0 */
export type BlockerTag = Blocker['_tag']
/** Why the built-in rules wait. @category model @since 0.1.0 */
export type WaitReason = StepOf<(typeof defaultRules)[number]> extends infer S ? (S extends WaitUntil<infer R> ? R : never) : never
/** Every step of the default policy's plans. @category model @since 0.1.0 */
export type Step = Exclude<StepOf<(typeof defaultRules)[number]>, WaitUntil<WaitReasonBase>> | WaitUntil<WaitReason> | Advice | Procedure
/** @category model @since 0.1.0 */
export type StepTag = Step['_tag']
/**
 * The verdict as JSON: of the default policy unless other blockers and steps are named.
 *
 * @category model
 * @since 0.1.0
 */
export type Verdict<B extends BlockerBase = Blocker, S extends StepBase = Step> = VerdictOf<B, S>
/** Every remedy of the built-in rules. @category model @since 0.1.0 */
export type Remedy = Extract<Step, { readonly kind: 'remedy' }>

// each function made on its own, so that a bundle keeps only those an app calls
const policy = /*#__PURE__*/ trustedPolicy(defaultRules)

/**
 * What each built-in rule checks, in the order of {@link defaultRules}: the default `canClose`
 * runs these (each rule is made from its part), so that it carries no words, steps or plan.
 *
 * @internal
 */
export const defaultChecks = [
  targetExistsCheck,
  securityQuestionCheck,
  goodStandingCheck,
  disputesResolvedCheck,
  ownerOnlyCheck,
  memberNeedsAdminCheck,
  agencyClosedFirstCheck,
  membersRemovedCheck,
  contractsEndedCheck,
  billingCycleEndedCheck,
  jobsClosedCheck,
  billingPaidCheck,
  proposalsWithdrawnCheck,
  paymentsReceivedCheck,
  fundsWithdrawnCheck,
] as const

/**
 * Can the user close the account (or, with a target, the agency) at the snapshot's `asOf`?
 * Right when nothing blocks; Left with every blocker otherwise (never only the first), in the
 * order of the rules. Pure, total, deterministic.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js'
 * import { pipe } from 'fp-ts/lib/function.js'
 * import { canClose, decodeSnapshot } from 'account-closure'
 *
 * const json: unknown = {
 *   asOf: '2026-11-18T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
 *   freelancer: null, companies: [], agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 * }
 * const answer = pipe(decodeSnapshot(json), E.map((s) => canClose(s)))
 * console.log(answer) // { _tag: 'Right', right: { _tag: 'Right', right: { _tag: 'Closable', path: 'CloseAccount', … } } }
 * if (E.isRight(answer)) console.log(answer.right._tag) // 'Right': nothing blocks
 * const agency = pipe(decodeSnapshot(json), E.map((s) => canClose(s, { _tag: 'Agency', agencyId: 'ag-1' })))
 * if (E.isRight(agency) && E.isLeft(agency.right)) console.log(agency.right.left.map((b) => b._tag)) // ['UnknownTarget']
 *
 * @category evaluation
 * @since 0.1.0
 */
export const canClose: (
  snapshot: AccountSnapshot,
  target?: Target,
  options?: ClosureOptions,
) => E.Either<ReadonlyNonEmptyArray<Blocker>, Closable> = /*#__PURE__*/ canCloseOf(/*#__PURE__*/ checksPolicy<Blocker>(defaultChecks))

/**
 * The ordered steps from the snapshot to a closed account (or agency): what can be done now,
 * then each wait in time order with what it unlocks, then the path's procedure. The same facts
 * always give the same plan.
 *
 * @example
 * import { closureSteps, decodeSnapshot } from 'account-closure'
 *
 * const decoded = decodeSnapshot({
 *   asOf: '2026-11-18T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
 *   freelancer: {
 *     contracts: [{ id: 'c-1', type: 'fixed', status: 'active', endedAt: null }],
 *     proposals: [],
 *     earnings: { pending: [], available: { amount: 0, currency: 'USD' } },
 *   },
 *   companies: [], agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 * })
 * if (decoded._tag === 'Left') throw new Error('invalid snapshot')
 * const snapshot = decoded.right
 * console.log(closureSteps(snapshot).map((s) => s._tag))
 * // ['EndContract', 'RemovePersonalDetails', 'BackUpRecords', 'Navigate', 'ChooseClose', 'AnswerSecurityQuestion', 'VerifyEmail', 'Confirm']
 *
 * @category plan
 * @since 0.1.0
 */
export const closureSteps: (snapshot: AccountSnapshot, target?: Target, options?: ClosureOptions) => ReadonlyArray<Step> =
  /*#__PURE__*/ closureStepsOf(policy)

/**
 * The earliest instant the user can close, as a lower bound on the known facts: the plan's
 * last wait, or `asOf` when there is none; `None` when a blocker cannot be cleared by the user.
 *
 * @example
 * import * as O from 'fp-ts/lib/Option.js'
 * import { decodeSnapshot, earliestClosableAt } from 'account-closure'
 *
 * const decoded = decodeSnapshot({
 *   asOf: '2026-11-18T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
 *   freelancer: null,
 *   companies: [{
 *     id: 'co-1', name: 'Acme', role: 'owner', members: [], jobs: [], outstanding: { amount: 0, currency: 'USD' },
 *     contracts: [{ id: 'c-9', type: 'hourly', status: 'active', endedAt: null }],
 *   }],
 *   agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 * })
 * if (decoded._tag === 'Left') throw new Error('invalid snapshot')
 * const snapshot = decoded.right
 * const earliest = earliestClosableAt(snapshot) // some(the end of the billing week that holds asOf)
 * if (O.isSome(earliest)) console.log(new Date(earliest.value).toISOString()) // '2026-11-23T00:00:00.000Z'
 *
 * @category evaluation
 * @since 0.1.0
 */
export const earliestClosableAt: (snapshot: AccountSnapshot, target?: Target, options?: ClosureOptions) => O.Option<Instant> =
  /*#__PURE__*/ earliestClosableAtOf(policy)

/**
 * Alternatives to closing, in reading order: keep the account and leave a profile unused,
 * deactivate, talk to support. None when closing an agency.
 *
 * @category evaluation
 * @since 0.2.0
 */
export const alternatives: (snapshot: AccountSnapshot, target?: Target, options?: ClosureOptions) => ReadonlyArray<Alternative> =
  /*#__PURE__*/ alternativesWith(policy)

/**
 * Everything about one closure question as JSON-ready data: the path, whether it is closable,
 * every blocker, the earliest instant and whether (and why) it may move, the plan, the
 * consequences, the alternatives, each with its message; the rules checked; and the `asOf` it
 * holds at.
 *
 * @example
 * import { decodeSnapshot, verdict } from 'account-closure'
 *
 * const decoded = decodeSnapshot({
 *   asOf: '2026-11-18T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
 *   freelancer: null,
 *   companies: [{
 *     id: 'co-1', name: 'Acme', role: 'owner', members: [], jobs: [], outstanding: { amount: 0, currency: 'USD' },
 *     contracts: [{ id: 'c-9', type: 'hourly', status: 'active', endedAt: null }],
 *   }],
 *   agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 * })
 * if (decoded._tag === 'Left') throw new Error('invalid snapshot')
 * const snapshot = decoded.right
 * // an HTTP handler would send it as JSON (`res.json(v)`); the messages follow the time zone
 * const v = verdict(snapshot, undefined, { timeZone: 'Europe/Berlin' })
 * console.log(v.closable, v.earliestAt) // false '2026-11-23T00:00:00.000Z'
 * console.log(JSON.stringify(v).length > 0) // true
 *
 * @category verdict
 * @since 0.1.0
 */
export const verdict: (snapshot: AccountSnapshot, target?: Target, options?: VerdictOptions) => Verdict<Blocker, Step> =
  /*#__PURE__*/ verdictOf(policy)
