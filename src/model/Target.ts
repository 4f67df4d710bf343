/**
 * What is being closed, and the path that closing takes.
 *
 * @since 0.1.0
 */
import type { AccountSnapshot } from './codecs.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** The user's whole account. @category model @since 0.1.0 */
export interface AccountTarget {
  readonly _tag: 'Account'
}
/** One agency; the freelancer account stays. @category model @since 0.1.0 */
export interface AgencyTarget {
  readonly _tag: 'Agency'
  readonly agencyId: string
}
/** @category model @since 0.1.0 */
export type Target = AccountTarget | AgencyTarget

/**
 * How the user closes: by the account's Close button, by leaving every team, or by closing an agency.
 *
 * @category model
 * @since 0.1.0
 */
export type Path = 'CloseAccount' | 'LeaveTeams' | 'CloseAgency'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/** The whole account (frozen: it is shared by every call). @category constructors @since 0.1.0 */
export const accountTarget: AccountTarget = Object.freeze({ _tag: 'Account' })
/** One agency of the account (frozen). @category constructors @since 0.1.0 */
export const agencyTarget = (agencyId: string): AgencyTarget => Object.freeze({ _tag: 'Agency', agencyId })

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * The path derived from the facts: an agency target closes the agency; the account closes by
 * its Close button when the user has a freelancer profile, owns a company or an agency, or
 * belongs to nothing, and otherwise by leaving every team.
 *
 * @example
 * import { agencyTarget, decodeSnapshot, pathOf } from 'account-closure'
 *
 * const decoded = decodeSnapshot({
 *   asOf: '2026-11-18T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
 *   freelancer: null, companies: [], agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 * })
 * if (decoded._tag === 'Left') throw new Error('invalid snapshot')
 * console.log(pathOf(decoded.right)) // 'CloseAccount': the user belongs to nothing
 * console.log(pathOf(decoded.right, agencyTarget('ag-1'))) // 'CloseAgency'
 *
 * @category utils
 * @since 0.1.0
 */
export const pathOf = (snapshot: AccountSnapshot, target: Target = accountTarget): Path => {
  if (target._tag === 'Agency') return 'CloseAgency'
  const ownsSomething =
    snapshot.companies.some((c) => c.role === 'owner') || snapshot.agencies.some((a) => a.role === 'owner')
  const belongsToNothing = snapshot.companies.length === 0 && snapshot.agencies.length === 0
  return snapshot.freelancer !== null || ownsSomething || belongsToNothing ? 'CloseAccount' : 'LeaveTeams'
}
