/**
 * The order of a plan that no single rule declares: dependencies between kinds of steps of
 * different rules, and the time order of waits.
 *
 * A rule's own steps for one blocker come in the order it gives them (see `Rule.clear`); the
 * rules here add what holds across rules. A {@link Dependency} says that each step with a key in
 * `before` comes ahead of every step that has the same key in `after`. A {@link Sequence} puts
 * the steps it ranks in increasing order. What is left open is decided by {@link comparePriority}:
 * things that can be done now before waits, then by kind, tag, scope and id.
 *
 * @internal
 */
import { scopeKey } from '../model/Scope.js'
import { isWait } from './Step.js'
import type { StepBase, StepKind, StepTag } from './Step.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** "Steps keyed `k` by `before` precede steps keyed `k` by `after`." */
export interface Dependency {
  readonly _tag: 'Dependency'
  readonly name: string
  readonly before: (s: StepBase) => ReadonlyArray<string>
  readonly after: (s: StepBase) => ReadonlyArray<string>
}

/** "Steps ranked by `rank` follow each other in increasing rank." */
export interface Sequence {
  readonly _tag: 'Sequence'
  readonly name: string
  readonly rank: (s: StepBase) => number | undefined
}

export type OrderRule = Dependency | Sequence

const none: ReadonlyArray<string> = []

/** The key of a step's scope; `''` for a step of the account. */
const scopeKeyOf = (s: StepBase): string => (s.scope === undefined ? '' : scopeKey(s.scope))

// -------------------------------------------------------------------------------------
// the declared order
// -------------------------------------------------------------------------------------

/** Every ordering rule that holds across rules. */
export const ORDER: ReadonlyArray<OrderRule> = [
  {
    _tag: 'Dependency',
    name: "a team's members are removed after its contracts end",
    // (a freelancer's contracts are keyed too; no member is removed from a freelancer profile)
    before: (s) => (s._tag === 'EndContract' ? [scopeKeyOf(s)] : none),
    after: (s) => (s._tag === 'RemoveMember' ? [scopeKeyOf(s)] : none),
  },
  {
    _tag: 'Dependency',
    name: "an agency's remedies precede its closing",
    before: (s) => (s.kind === 'remedy' && s.scope?._tag === 'Agency' ? [s.scope.agencyId] : none),
    after: (s) => (s._tag === 'CloseAgency' ? [s.subject ?? ''] : none),
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
    rank: (s) => (isWait(s) ? s.at : undefined),
  },
]

// -------------------------------------------------------------------------------------
// priority
// -------------------------------------------------------------------------------------

/** Reading order of the built-in steps when nothing else decides; waits last, so that what can be done now is. */
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
  CancelSubscription: 14,
  RemoveBillingMethod: 15,
  RemovePersonalDetails: 16,
  BackUpRecords: 17,
  WaitUntil: 18,
  Navigate: 19,
  ChooseClose: 20,
  AnswerSecurityQuestion: 21,
  LeaveTeam: 22,
  VerifyEmail: 23,
  Confirm: 24,
}
/** Where an app's own steps read: remedies after the built-in ones, advice after the built-in advice, waits with waits. */
const OWN_RANK: { readonly [K in StepKind]: number } = { remedy: 13, advice: 17.5, wait: 18, procedure: 19 }

const rankOf = (s: StepBase): number =>
  Object.prototype.hasOwnProperty.call(TAG_RANK, s._tag) ? TAG_RANK[s._tag as StepTag] : (OWN_RANK[s.kind] as number)

export type PriorityKey = readonly [number, string, string, string]

/** The priority key of a step: [tag rank (waits rank after every remedy and advice), tag, scope, id]. */
export const priorityKey = (s: StepBase): PriorityKey => [rankOf(s), s._tag, scopeKeyOf(s), s.subject ?? '']

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Compares priority keys. */
export const comparePriority = (a: PriorityKey, b: PriorityKey): number =>
  a[0] - b[0] || compareStrings(a[1], b[1]) || compareStrings(a[2], b[2]) || compareStrings(a[3], b[3])
