/**
 * Scopes: whose work a blocker or a step is about.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** The user's own freelancer work. @category model @since 0.1.0 */
export interface FreelancerScope {
  readonly _tag: 'Freelancer'
}
/** A client company. @category model @since 0.1.0 */
export interface CompanyScope {
  readonly _tag: 'Company'
  readonly companyId: string
}
/** An agency. @category model @since 0.1.0 */
export interface AgencyScope {
  readonly _tag: 'Agency'
  readonly agencyId: string
}
/** A company or an agency: something with members. @category model @since 0.1.0 */
export type TeamScope = CompanyScope | AgencyScope
/** @category model @since 0.1.0 */
export type Scope = FreelancerScope | TeamScope

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/** @category constructors @since 0.1.0 */
export const freelancerScope: FreelancerScope = /*#__PURE__*/ Object.freeze({ _tag: 'Freelancer' })
/** @category constructors @since 0.1.0 */
export const companyScope = (companyId: string): CompanyScope => ({ _tag: 'Company', companyId })
/** @category constructors @since 0.1.0 */
export const agencyScope = (agencyId: string): AgencyScope => ({ _tag: 'Agency', agencyId })

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * A key that orders scopes (freelancer, then companies, then agencies, each by id) and
 * tells them apart.
 *
 * @category utils
 * @since 0.1.0
 */
export const scopeKey = (s: Scope): string =>
  s._tag === 'Freelancer' ? '0' : s._tag === 'Company' ? `1:${s.companyId}` : `2:${s.agencyId}`

/**
 * Orders scopes: freelancer, then companies, then agencies, each by id (the one comparator of scopes).
 *
 * @category utils
 * @since 0.2.0
 */
export const compareScopes = (a: Scope, b: Scope): number => {
  const x = scopeKey(a)
  const y = scopeKey(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * Two scopes are the same scope.
 *
 * @category utils
 * @since 0.1.0
 */
export const sameScope = (a: Scope, b: Scope): boolean => scopeKey(a) === scopeKey(b)
