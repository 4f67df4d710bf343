/**
 * The built-in rules, as one list: the default policy.
 *
 * @since 0.2.0
 */
import { agencyClosedFirst } from './agencyClosedFirst.js'
import { billingCycleEnded } from './billingCycleEnded.js'
import { billingPaid } from './billingPaid.js'
import { contractsEnded } from './contractsEnded.js'
import { disputesResolved } from './disputesResolved.js'
import { fundsWithdrawn } from './fundsWithdrawn.js'
import { goodStanding } from './goodStanding.js'
import { jobsClosed } from './jobsClosed.js'
import { memberNeedsAdmin } from './memberNeedsAdmin.js'
import { membersRemoved } from './membersRemoved.js'
import { ownerOnly } from './ownerOnly.js'
import { paymentsReceived } from './paymentsReceived.js'
import { proposalsWithdrawn } from './proposalsWithdrawn.js'
import { securityQuestion } from './securityQuestion.js'
import { targetExists } from './targetExists.js'

/**
 * Every built-in rule, in the order their blockers are reported: the account-wide rules first,
 * then the work of each scope. Add an app's own rule with `[...defaultRules, myRule]`.
 *
 * @example
 * const { canClose, verdict } = closureWith([...defaultRules, feesPaid])
 *
 * @category rules
 * @since 0.2.0
 */
export const defaultRules = [
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
] as const

/**
 * The built-in rule ids, in the order of {@link defaultRules}.
 *
 * @category rules
 * @since 0.1.0
 */
export const RULE_IDS: ReadonlyArray<(typeof defaultRules)[number]['id']> = defaultRules.map((r) => r.id)
