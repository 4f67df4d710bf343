/**
 * What the user does at the end of every path: advice before closing, and the path's own clicks,
 * with their words. Names no rule.
 *
 * @since 0.1.0
 */
import type { StepBase, StepDefinition } from '../engine/Step.js'
import { withDefinition } from '../engine/Step.js'
import type { AccountSnapshot } from '../model/codecs.js'
import { ownsTargetAgency, teamsNotOwned } from '../model/facts.js'
import type { TeamScope } from '../model/Scope.js'
import type { Path, Target } from '../model/Target.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

interface Base<T extends string, K extends 'advice' | 'procedure'> extends StepBase {
  readonly _tag: T
  readonly kind: K
  readonly resolves: ReadonlyArray<string>
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
export type RemovePersonalDetails = Base<'RemovePersonalDetails', 'advice'>
/** @category model @since 0.1.0 */
export type BackUpRecords = Base<'BackUpRecords', 'advice'>
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
export type AnswerSecurityQuestion = Base<'AnswerSecurityQuestion', 'procedure'>
/** @category model @since 0.1.0 */
export type VerifyEmail = Base<'VerifyEmail', 'procedure'>
/** @category model @since 0.1.0 */
export type Confirm = Base<'Confirm', 'procedure'>
/** @category model @since 0.1.0 */
export interface LeaveTeam extends Base<'LeaveTeam', 'procedure'> {
  readonly scope: TeamScope
}

/** @category model @since 0.1.0 */
export type Advice = CancelSubscription | RemoveBillingMethod | RemovePersonalDetails | BackUpRecords
/** @category model @since 0.1.0 */
export type Procedure = Navigate | ChooseClose | AnswerSecurityQuestion | VerifyEmail | Confirm | LeaveTeam

// -------------------------------------------------------------------------------------
// constructors, each with its definition (tag, kind, words)
// -------------------------------------------------------------------------------------

/** @category constructors @since 0.1.0 */
export const cancelSubscription = withDefinition(
  (subscriptionId: string): CancelSubscription => ({
    _tag: 'CancelSubscription',
    kind: 'advice',
    subject: subscriptionId,
    subscriptionId,
    resolves: [],
  }),
  {
    tag: 'CancelSubscription',
    kind: 'advice',
    rank: 0,
    words: (s: CancelSubscription) => `Cancel subscription ${s.subscriptionId} to avoid further charges.`,
  },
)
/** @category constructors @since 0.1.0 */
export const removeBillingMethod = withDefinition(
  (billingMethodId: string): RemoveBillingMethod => ({
    _tag: 'RemoveBillingMethod',
    kind: 'advice',
    subject: billingMethodId,
    billingMethodId,
    resolves: [],
  }),
  { tag: 'RemoveBillingMethod', kind: 'advice', rank: 1, words: (s: RemoveBillingMethod) => `Remove billing method ${s.billingMethodId}.` },
)
// (steps every answer of a path shares: frozen, so that no caller can change the next answer)
const NO_RULES: ReadonlyArray<string> = /*#__PURE__*/ Object.freeze([])
const removePersonalDetailsStep: RemovePersonalDetails = /*#__PURE__*/ Object.freeze({ _tag: 'RemovePersonalDetails', kind: 'advice', resolves: NO_RULES })
const backUpRecordsStep: BackUpRecords = /*#__PURE__*/ Object.freeze({ _tag: 'BackUpRecords', kind: 'advice', resolves: NO_RULES })

/** @internal */
export const removePersonalDetails: StepDefinition<RemovePersonalDetails> = {
  tag: 'RemovePersonalDetails',
  kind: 'advice',
  rank: 2,
  words: () => 'Remove personal details you do not want kept (full name, address, phone number).',
}
/** @internal */
export const backUpRecords: StepDefinition<BackUpRecords> = {
  tag: 'BackUpRecords',
  kind: 'advice',
  rank: 3,
  words: () => 'Back up the messages, contracts and invoices you want to keep.',
}
/** @category constructors @since 0.1.0 */
export const navigate = withDefinition(
  (path: ReadonlyArray<string>): Navigate => ({ _tag: 'Navigate', kind: 'procedure', path, resolves: [] }),
  {
    tag: 'Navigate',
    kind: 'procedure',
    words: (s: Navigate) =>
      `Go to ${s.path.join(' › ')}.` +
      (s.path[1] === 'Account management and control' ? ' (Older guides call it Settings › Contact Info.)' : ''),
  },
)
/** @category constructors @since 0.1.0 */
export const chooseClose = withDefinition(
  (button: ChooseClose['button']): ChooseClose => ({ _tag: 'ChooseClose', kind: 'procedure', button, resolves: [] }),
  { tag: 'ChooseClose', kind: 'procedure', words: (s: ChooseClose) => `Choose "${s.button}".` },
)
const answerStep: AnswerSecurityQuestion = /*#__PURE__*/ Object.freeze({ _tag: 'AnswerSecurityQuestion', kind: 'procedure', resolves: NO_RULES })
const verifyStep: VerifyEmail = /*#__PURE__*/ Object.freeze({ _tag: 'VerifyEmail', kind: 'procedure', resolves: NO_RULES })
const confirmStep: Confirm = /*#__PURE__*/ Object.freeze({ _tag: 'Confirm', kind: 'procedure', resolves: NO_RULES })
/** @internal */
export const answerSecurityQuestion: StepDefinition<AnswerSecurityQuestion> = {
  tag: 'AnswerSecurityQuestion',
  kind: 'procedure',
  words: () => 'Answer your security question.',
}
/** @internal */
export const verifyEmail: StepDefinition<VerifyEmail> = {
  tag: 'VerifyEmail',
  kind: 'procedure',
  words: () => 'Open the verification email, if one is sent, and follow its link.',
}
/** @internal */
export const confirm: StepDefinition<Confirm> = { tag: 'Confirm', kind: 'procedure', words: () => 'Confirm.' }
/** @category constructors @since 0.1.0 */
export const leaveTeam = withDefinition(
  (scope: TeamScope): LeaveTeam => ({ _tag: 'LeaveTeam', kind: 'procedure', scope, resolves: [] }),
  { tag: 'LeaveTeam', kind: 'procedure', words: (s: LeaveTeam, f) => `Leave ${f.scope(s.scope)} (Leave Team under Actions).` },
)

/**
 * Every step the closing paths produce, with its words.
 *
 * @internal
 */
export const pathSteps: ReadonlyArray<StepDefinition> = [
  cancelSubscription,
  removeBillingMethod,
  removePersonalDetails,
  backUpRecords,
  navigate,
  chooseClose,
  answerSecurityQuestion,
  verifyEmail,
  confirm,
  leaveTeam,
]

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * Advice on account paths: cancel active subscriptions, remove billing methods, remove
 * personal details, back up records. None when closing an agency.
 *
 * @internal
 */
export const adviceFor = (snapshot: AccountSnapshot, target: Target): ReadonlyArray<Advice> =>
  target._tag !== 'Account'
    ? []
    : [
        ...snapshot.subscriptions.filter((s) => s.status === 'active').map((s) => cancelSubscription(s.id)),
        ...snapshot.billingMethods.map((m) => removeBillingMethod(m.id)),
        removePersonalDetailsStep,
        backUpRecordsStep,
      ]

/**
 * The path's own procedure, as the user does it: the account's Close button; leaving each team
 * the user may leave (and going to My Teams only when there is one); or closing an agency, which
 * only its owner does.
 *
 * @internal
 */
export const procedureFor = (snapshot: AccountSnapshot, path: Path, target: Target): ReadonlyArray<Procedure> => {
  switch (path) {
    case 'CloseAccount':
      return [
        navigate(['Settings', snapshot.freelancer !== null ? 'Account management and control' : 'My Info']),
        chooseClose('Close account'),
        answerStep,
        verifyStep,
        confirmStep,
      ]
    case 'LeaveTeams': {
      const leaving = teamsNotOwned(snapshot).filter((t) => t.role === 'admin' || t.role === 'manager')
      return leaving.length === 0 ? [] : [navigate(['Settings', 'My Teams']), ...leaving.map((t) => leaveTeam(t.scope))]
    }
    case 'CloseAgency':
      return ownsTargetAgency(snapshot, target)
        ? [navigate(['Settings', 'Agency Profile']), chooseClose('Close my agency'), answerStep, confirmStep]
        : []
  }
}
