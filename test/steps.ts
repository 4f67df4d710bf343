/**
 * The built-in steps, by constructor, from the rules and paths that own them (for tests).
 */
import { planOrderOf } from '../src/closure/closureWith.js'
import { defaultRules } from '../src/defaults.js'
import type { StepBase } from '../src/engine/Step.js'
import { answerSecurityQuestion as answerDef, backUpRecords as backUpDef, confirm as confirmDef, removePersonalDetails as detailsDef, verifyEmail as verifyDef } from '../src/paths/procedure.js'
import type { AnswerSecurityQuestion, BackUpRecords, Confirm, RemovePersonalDetails, VerifyEmail } from '../src/paths/procedure.js'
import { contactSupport as supportDef } from '../src/rules/goodStanding.js'
import { setSecurityQuestion as questionDef } from '../src/rules/securityQuestion.js'

export { waitUntil } from '../src/engine/Step.js'
export { cancelSubscription, chooseClose, leaveTeam, navigate, removeBillingMethod } from '../src/paths/procedure.js'
export { closeAgency } from '../src/rules/agencyClosedFirst.js'
export { payBalance } from '../src/rules/billing/billingPaid.js'
export { endContract } from '../src/rules/contractsEnded.js'
export { resolveDispute } from '../src/rules/disputesResolved.js'
export { withdrawFunds } from '../src/rules/fundsWithdrawn.js'
export { closeJob } from '../src/rules/jobsClosed.js'
export { contactAdmin } from '../src/rules/memberNeedsAdmin.js'
export { removeMember } from '../src/rules/membersRemoved.js'
export { contactOwner } from '../src/rules/ownerOnly.js'
export { declineOffer, withdrawProposal } from '../src/rules/proposalsWithdrawn.js'

const constant = <S extends StepBase>(tag: S['_tag'], kind: S['kind'], resolves: ReadonlyArray<string>): S => ({ _tag: tag, kind, resolves }) as S

export const setSecurityQuestion = questionDef({})
export const contactSupport = supportDef({})
export const removePersonalDetails = constant<RemovePersonalDetails>(detailsDef.tag, 'advice', [])
export const backUpRecords = constant<BackUpRecords>(backUpDef.tag, 'advice', [])
export const answerSecurityQuestion = constant<AnswerSecurityQuestion>(answerDef.tag, 'procedure', [])
export const verifyEmail = constant<VerifyEmail>(verifyDef.tag, 'procedure', [])
export const confirm = constant<Confirm>(confirmDef.tag, 'procedure', [])

/** The order the default rules declare, and their priority of steps. */
export const { orders: ORDER, priority } = planOrderOf(defaultRules)
