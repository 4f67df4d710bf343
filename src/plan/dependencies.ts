/**
 * The order of a plan, declared as dependencies between kinds of steps (SPEC §4).
 *
 * A {@link Dependency} says that each step with a key in `before` comes ahead of every step that
 * has the same key in `after`. A {@link Sequence} puts the steps it ranks in increasing order.
 * The plan is a topological order of these constraints; what is left open is decided by
 * {@link comparePriority}: things that can be done now before waits, then by kind, tag, scope
 * and id.
 *
 * @since 0.1.0
 */
import { compareStrings, itemKey } from '../model/item.js'
import { scopeKey } from '../model/Scope.js'
import type { Step, StepTag } from './Step.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * "Steps keyed `k` by `before` precede steps keyed `k` by `after`."
 *
 * @category model
 * @since 0.1.0
 */
export interface Dependency {
  readonly _tag: 'Dependency'
  readonly name: string
  readonly before: (s: Step) => ReadonlyArray<string>
  readonly after: (s: Step) => ReadonlyArray<string>
}

/**
 * "Steps ranked by `rank` follow each other in increasing rank."
 *
 * @category model
 * @since 0.1.0
 */
export interface Sequence {
  readonly _tag: 'Sequence'
  readonly name: string
  readonly rank: (s: Step) => number | undefined
}

/** @category model @since 0.1.0 */
export type OrderRule = Dependency | Sequence

const none: ReadonlyArray<string> = []

// -------------------------------------------------------------------------------------
// the declared order
// -------------------------------------------------------------------------------------

/**
 * Every ordering rule of SPEC §4 that is not a matter of priority.
 *
 * @category order
 * @since 0.1.0
 */
export const ORDER: ReadonlyArray<OrderRule> = [
  {
    _tag: 'Dependency',
    // only an owned company's hourly contract has a billing wait; the key finds it
    name: "ending an owned company's hourly contract starts its billing wait",
    before: (s) => (s._tag === 'EndContract' ? [`${scopeKey(s.scope)}/${s.contractId}`] : none),
    after: (s) =>
      s._tag === 'WaitUntil'
        ? s.reasons.flatMap((r) => (r._tag === 'BillingWeekEnds' ? [`${scopeKey(r.scope)}/${r.contractId}`] : []))
        : none,
  },
  {
    _tag: 'Dependency',
    name: "a company's balance is paid after its billing waits",
    before: (s) =>
      s._tag === 'WaitUntil' ? s.reasons.flatMap((r) => (r._tag === 'BillingWeekEnds' ? [scopeKey(r.scope)] : [])) : none,
    after: (s) => (s._tag === 'PayBalance' ? [scopeKey(s.scope)] : none),
  },
  {
    _tag: 'Dependency',
    name: 'funds are withdrawn after the pending payments of their scope arrive',
    before: (s) =>
      s._tag === 'WaitUntil' ? s.reasons.flatMap((r) => (r._tag === 'PaymentAvailable' ? [scopeKey(r.scope)] : [])) : none,
    after: (s) => (s._tag === 'WithdrawFunds' ? [scopeKey(s.scope)] : none),
  },
  {
    _tag: 'Dependency',
    name: "a team's members are removed after its contracts end",
    before: (s) => (s._tag === 'EndContract' && s.scope._tag !== 'Freelancer' ? [scopeKey(s.scope)] : none),
    after: (s) => (s._tag === 'RemoveMember' ? [scopeKey(s.scope)] : none),
  },
  {
    _tag: 'Dependency',
    name: "an agency's remedies precede its closing",
    before: (s) => (s.kind === 'remedy' && 'scope' in s && s.scope._tag === 'Agency' ? [s.scope.agencyId] : none),
    after: (s) => (s._tag === 'CloseAgency' ? [s.agencyId] : none),
  },
  {
    _tag: 'Dependency',
    name: 'billing methods are removed after every balance is paid',
    before: (s) => (s._tag === 'PayBalance' ? ['billing'] : none),
    after: (s) => (s._tag === 'RemoveBillingMethod' ? ['billing'] : none),
  },
  {
    _tag: 'Sequence',
    name: 'waits in time order',
    rank: (s) => (s._tag === 'WaitUntil' ? s.at : undefined),
  },
]

// -------------------------------------------------------------------------------------
// priority
// -------------------------------------------------------------------------------------

/** Reading order of steps when nothing else decides; waits last, so that what can be done now is. */
const TAG_RANK: { readonly [K in StepTag]: number } = {
  SetSecurityQuestion: 0,
  ContactSupport: 1,
  ContactOwner: 2,
  ContactAdmin: 3,
  ResolveDispute: 4,
  WithdrawProposal: 5,
  DeclineOffer: 6,
  EndContract: 7,
  CloseJob: 8,
  RemoveMember: 9,
  PayBalance: 10,
  WithdrawFunds: 11,
  CloseAgency: 12,
  CancelSubscription: 13,
  RemoveBillingMethod: 14,
  RemovePersonalDetails: 15,
  BackUpRecords: 16,
  WaitUntil: 17,
  Navigate: 18,
  ChooseClose: 19,
  AnswerSecurityQuestion: 20,
  LeaveTeam: 21,
  VerifyEmail: 22,
  Confirm: 23,
}

/**
 * The priority key of a step: [waits last, tag, scope, id]. (Waits among themselves are put in
 * time order by the `Sequence` of {@link ORDER}, not here.)
 *
 * @internal
 */
export const priorityKey = (s: Step): readonly [number, number, string, string] => [
  s.kind === 'wait' ? 1 : 0,
  TAG_RANK[s._tag],
  'scope' in s ? scopeKey(s.scope) : '',
  itemKey(s),
]

/**
 * Compares priority keys.
 *
 * @internal
 */
export const comparePriority = (
  a: ReturnType<typeof priorityKey>,
  b: ReturnType<typeof priorityKey>,
): number =>
  a[0] - b[0] || a[1] - b[1] || compareStrings(a[2], b[2]) || compareStrings(a[3], b[3])
