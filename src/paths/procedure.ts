/**
 * What the user does at the end: advice before closing, and the path's own clicks.
 *
 * @internal
 */
import type { AccountSnapshot } from '../model/codecs.js'
import type { Path, Target } from '../model/Target.js'
import { ownsTargetAgency, teamsNotOwned } from '../rules/facts.js'
import {
  answerSecurityQuestion,
  backUpRecords,
  cancelSubscription,
  chooseClose,
  confirm,
  leaveTeam,
  navigate,
  removeBillingMethod,
  removePersonalDetails,
  verifyEmail,
} from './Step.js'
import type { Advice, Procedure } from './Step.js'

/**
 * Advice on account paths: cancel active subscriptions, remove billing methods, remove
 * personal details, back up records. None when closing an agency.
 */
export const adviceFor = (snapshot: AccountSnapshot, target: Target): ReadonlyArray<Advice> =>
  target._tag !== 'Account'
    ? []
    : [
        ...snapshot.subscriptions.filter((s) => s.status === 'active').map((s) => cancelSubscription(s.id)),
        ...snapshot.billingMethods.map((m) => removeBillingMethod(m.id)),
        removePersonalDetails,
        backUpRecords,
      ]

/**
 * The path's own procedure, as the user does it: the account's Close button; leaving each team
 * the user may leave (and going to My Teams only when there is one); or closing an agency, which
 * only its owner does.
 */
export const procedureFor = (snapshot: AccountSnapshot, path: Path, target: Target): ReadonlyArray<Procedure> => {
  switch (path) {
    case 'CloseAccount':
      return [
        navigate(['Settings', snapshot.freelancer !== null ? 'Account management and control' : 'My Info']),
        chooseClose('Close account'),
        answerSecurityQuestion,
        verifyEmail,
        confirm,
      ]
    case 'LeaveTeams': {
      const leaving = teamsNotOwned(snapshot).filter((t) => t.role === 'admin' || t.role === 'manager')
      return leaving.length === 0 ? [] : [navigate(['Settings', 'My Teams']), ...leaving.map((t) => leaveTeam(t.scope))]
    }
    case 'CloseAgency':
      return ownsTargetAgency(snapshot, target)
        ? [navigate(['Settings', 'Agency Profile']), chooseClose('Close my agency'), answerSecurityQuestion, confirm]
        : []
  }
}
