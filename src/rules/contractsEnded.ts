import { billingCycleEnd } from '../billing/week.js'
import type { BillingWeekEnds, EndContract, PayBalance, WaitUntil } from '../plan/Step.js'
import { endContract, payBalance, waitUntil } from '../plan/Step.js'
import type { ContractOpen } from './Blocker.js'
import { hourlyCompany, workToClose } from './facts.js'
import { across, fromItems } from './Precondition.js'
import { defineRule } from './Rule.js'

/**
 * `contracts-ended`: a blocker for each pending, active or paused contract of the work being
 * closed. Ending an owned company's hourly contract starts a billing wait: the end of the week
 * that holds `asOf`, then that week's invoice is paid.
 *
 * @category rules
 * @since 0.1.0
 */
export const contractsEnded = defineRule<ContractOpen, EndContract | WaitUntil<BillingWeekEnds> | PayBalance>({
  id: 'contracts-ended',
  paths: ['CloseAccount', 'CloseAgency'],
  check: across(workToClose)(
    fromItems(
      (f) => f.contracts,
      (c, f): ContractOpen | undefined =>
        c.status === 'ended'
          ? undefined
          : {
              _tag: 'ContractOpen',
              rule: 'contracts-ended',
              scope: f.scope,
              subject: c.id,
              contractId: c.id,
              contractType: c.type,
              status: c.status,
            },
    ),
  ),
  clear: (b, facts): ReadonlyArray<EndContract | WaitUntil<BillingWeekEnds> | PayBalance> => {
    const end = endContract(b.scope, b.contractId, b.contractType, b.status)
    const scope = b.scope
    if (scope._tag !== 'Company' || b.contractType !== 'hourly') return [end]
    return [
      end,
      waitUntil(billingCycleEnd(facts.asOf, facts.billingCycleEnd), [
        { _tag: 'BillingWeekEnds', rule: 'billing-cycle-ended', scope, subject: b.contractId, contractId: b.contractId },
      ]),
      payBalance(scope, hourlyCompany(facts, scope.companyId)),
    ]
  },
  messages: {
    ContractOpen: (b, f) => `Contract ${b.contractId} (${b.contractType}) of ${f.scope(b.scope)} is still ${b.status}.`,
  },
})
