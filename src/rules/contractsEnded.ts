import type { Contract } from '../model/codecs.js'
import type { Scope } from '../model/Scope.js'
import type { ContractOpen } from './Blocker.js'
import { each } from './Precondition.js'
import type { Precondition } from './Precondition.js'

/**
 * `contracts-ended`: a blocker for each pending, active or paused contract.
 *
 * @category rules
 * @since 0.1.0
 */
export const contractsEnded: Precondition<
  { readonly scope: Scope; readonly contracts: ReadonlyArray<Contract> },
  ContractOpen
> = each(
  (f) => f.contracts,
  (c, f) =>
    c.status === 'ended'
      ? undefined
      : {
          _tag: 'ContractOpen',
          rule: 'contracts-ended',
          scope: f.scope,
          contractId: c.id,
          contractType: c.type,
          status: c.status,
        },
)
