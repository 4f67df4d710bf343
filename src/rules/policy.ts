/**
 * The default closure policy: every rule of SPEC §3 on the paths where it applies, composed
 * in one place.
 *
 * @since 0.1.0
 */
import { agencyClosedFirst } from './agencyClosedFirst.js'
import { billingCycleEnded } from './billingCycleEnded.js'
import { billingPaid } from './billingPaid.js'
import type { Blocker } from './Blocker.js'
import { contractsEnded } from './contractsEnded.js'
import { disputesResolved } from './disputesResolved.js'
import { freelancerWork, memberships, ownedAgencies, ownedCompanies, targetAgency } from './facts.js'
import type { AgencyFacts, ClosureFacts, CompanyFacts, FreelancerFacts } from './facts.js'
import { fundsWithdrawn } from './fundsWithdrawn.js'
import { goodStanding } from './goodStanding.js'
import { jobsClosed } from './jobsClosed.js'
import { memberNeedsAdmin } from './memberNeedsAdmin.js'
import { membersRemoved } from './membersRemoved.js'
import { ownerOnly } from './ownerOnly.js'
import { paymentsReceived } from './paymentsReceived.js'
import { all, forEach, guard, onPaths } from './Precondition.js'
import type { Precondition } from './Precondition.js'
import { proposalsWithdrawn } from './proposalsWithdrawn.js'
import { securityQuestion } from './securityQuestion.js'
import { targetExists } from './targetExists.js'

/**
 * A policy decides, for one closure question, every blocker.
 *
 * @category model
 * @since 0.1.0
 */
export type Policy<B> = Precondition<ClosureFacts, B>

// -------------------------------------------------------------------------------------
// the work of each scope
// -------------------------------------------------------------------------------------

/**
 * A freelancer ends contracts, withdraws proposals, and receives and takes out their money.
 *
 * @category policies
 * @since 0.1.0
 */
export const freelancerRules: Precondition<FreelancerFacts, Blocker> = all<FreelancerFacts, Blocker>(
  contractsEnded,
  proposalsWithdrawn,
  paymentsReceived,
  fundsWithdrawn,
)

/**
 * A client company's owner removes the team, ends contracts and waits out their billing week,
 * closes jobs, and pays the bill.
 *
 * @category policies
 * @since 0.1.0
 */
export const companyRules: Precondition<CompanyFacts, Blocker> = all<CompanyFacts, Blocker>(
  membersRemoved,
  contractsEnded,
  billingCycleEnded,
  jobsClosed,
  billingPaid,
)

/**
 * An agency's owner removes the members, ends contracts, withdraws proposals, and receives and
 * takes out the agency's money.
 *
 * @category policies
 * @since 0.1.0
 */
export const agencyRules: Precondition<AgencyFacts, Blocker> = all<AgencyFacts, Blocker>(
  membersRemoved,
  contractsEnded,
  proposalsWithdrawn,
  paymentsReceived,
  fundsWithdrawn,
)

// -------------------------------------------------------------------------------------
// the policy
// -------------------------------------------------------------------------------------

/**
 * SPEC §3 as one composition. An unknown agency target reports only `UnknownTarget`; a
 * non-owner of the target agency gets `NotOwner` and none of that agency's other blockers.
 *
 * @example
 * import { all, onPaths, defaultPolicy, canCloseWith } from 'account-closure'
 * const mine = all(defaultPolicy, onPaths('CloseAccount')(noOldInvoices))
 * canCloseWith(mine)(snapshot)
 *
 * @category policies
 * @since 0.1.0
 */
export const defaultPolicy: Policy<Blocker> = guard(
  targetExists,
  all<ClosureFacts, Blocker>(
    onPaths('CloseAccount', 'CloseAgency')(securityQuestion),
    goodStanding,
    disputesResolved,
    onPaths('LeaveTeams')(forEach(memberships)(memberNeedsAdmin)),
    onPaths('CloseAccount')(
      all<ClosureFacts, Blocker>(
        forEach(ownedAgencies)(agencyClosedFirst),
        forEach(freelancerWork)(freelancerRules),
        forEach(ownedCompanies)(companyRules),
        forEach(ownedAgencies)(agencyRules),
      ),
    ),
    onPaths('CloseAgency')(forEach(targetAgency)(guard(ownerOnly, agencyRules))),
  ),
)
