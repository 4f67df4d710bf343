/**
 * What closing does, shown before the user confirms.
 *
 * @since 0.1.0
 */
import type { Messages } from '../engine/Format.js'
import type { AccountSnapshot } from '../model/codecs.js'
import { ownsTargetAgency, teamsNotOwned } from '../model/facts.js'
import type { TeamScope } from '../model/Scope.js'
import type { Path, Target } from '../model/Target.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** The account cannot be reopened and its history is lost. @category model @since 0.1.0 */
export interface AccountClosedPermanently {
  readonly _tag: 'AccountClosedPermanently'
}
/** Closing one profile closes the freelancer and the client profile. @category model @since 0.1.0 */
export interface BothProfilesClosed {
  readonly _tag: 'BothProfilesClosed'
}
/** A team the user belongs to without owning it is left. @category model @since 0.1.0 */
export interface LeavesTeam {
  readonly _tag: 'LeavesTeam'
  readonly scope: TeamScope
}
/** @category model @since 0.1.0 */
export interface AgencyProfileDeleted {
  readonly _tag: 'AgencyProfileDeleted'
}
/** The freelancer profile and the client account stay. @category model @since 0.1.0 */
export interface FreelancerProfileKept {
  readonly _tag: 'FreelancerProfileKept'
}
/** @category model @since 0.1.0 */
export interface JobSuccessScoreRecalculated {
  readonly _tag: 'JobSuccessScoreRecalculated'
}

/** @category model @since 0.1.0 */
export type Consequence =
  | AccountClosedPermanently
  | BothProfilesClosed
  | LeavesTeam
  | AgencyProfileDeleted
  | FreelancerProfileKept
  | JobSuccessScoreRecalculated

/** @category model @since 0.1.0 */
export type ConsequenceTag = Consequence['_tag']

// -------------------------------------------------------------------------------------
// words
// -------------------------------------------------------------------------------------

/**
 * The English words of every consequence.
 *
 * @internal
 */
export const consequenceWords: Messages<Consequence> = {
  AccountClosedPermanently: () =>
    'The account is closed for good: it cannot be reopened, and its profile, work history, feedback, ongoing contracts and proposals are lost.',
  BothProfilesClosed: () => 'Both your freelancer and your client profile close.',
  LeavesTeam: (c, f) => `You leave ${f.scopeWithKind(c.scope)}.`,
  AgencyProfileDeleted: () => 'The agency profile is deleted.',
  FreelancerProfileKept: () => 'Your freelancer profile and your client account stay, no longer tied to the agency.',
  JobSuccessScoreRecalculated: () =>
    'Your Job Success Score is recalculated from your own contracts, including agency contracts you worked on.',
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * The consequences of closing along a path: account paths close the account for good (and,
 * on `CloseAccount`, both profiles where there are two, and every team not owned is left);
 * closing an agency deletes its profile and keeps the freelancer's and the client account.
 * A user who does not close (the agency is not theirs, or not there) is shown none.
 *
 * @internal
 */
export const consequencesOf = (snapshot: AccountSnapshot, path: Path, target: Target): ReadonlyArray<Consequence> => {
  switch (path) {
    case 'CloseAgency':
      // only its owner closes an agency: anyone else is shown nothing of theirs closing
      return ownsTargetAgency(snapshot, target)
        ? [{ _tag: 'AgencyProfileDeleted' }, { _tag: 'FreelancerProfileKept' }, { _tag: 'JobSuccessScoreRecalculated' }]
        : []
    case 'LeaveTeams':
      return [{ _tag: 'AccountClosedPermanently' }]
    case 'CloseAccount': {
      const both = snapshot.freelancer !== null && snapshot.companies.some((c) => c.role === 'owner')
      return [
        { _tag: 'AccountClosedPermanently' },
        ...(both ? [{ _tag: 'BothProfilesClosed' } as const] : []),
        ...teamsNotOwned(snapshot).map((t): LeavesTeam => ({ _tag: 'LeavesTeam', scope: t.scope })),
      ]
    }
  }
}
