/**
 * Alternatives to closing, offered before the user decides (the sources ask users to consider
 * them first). They are not steps: they change neither the blockers, the plan nor the earliest
 * instant.
 *
 * @since 0.2.0
 */
import type { AccountSnapshot } from '../model/codecs.js'
import type { Path } from '../model/Target.js'
import type { StepBase } from './Step.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** Keep the account and leave the unneeded profile unused. @category model @since 0.2.0 */
export interface KeepUnusedProfile {
  readonly _tag: 'KeepUnusedProfile'
}
/** Deactivate instead: the profile and its history are kept. @category model @since 0.2.0 */
export interface Deactivate {
  readonly _tag: 'Deactivate'
}
/** Give support a chance to solve the problem first. @category model @since 0.2.0 */
export interface TalkToSupport {
  readonly _tag: 'TalkToSupport'
}

/** @category model @since 0.2.0 */
export type Alternative = KeepUnusedProfile | Deactivate | TalkToSupport

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * The alternatives to closing along a path, in the order to read them: keeping the account when
 * the user has a freelancer profile and belongs to a company (closing closes both sides); then,
 * on the account paths, deactivating, and talking to support (unless the plan already contacts it).
 *
 * @internal
 */
export const alternativesOf = (
  snapshot: AccountSnapshot,
  path: Path,
  plan: ReadonlyArray<StepBase>,
): ReadonlyArray<Alternative> => {
  if (path === 'CloseAgency') return []
  // (on the path of leaving teams there is no freelancer profile)
  const keep = snapshot.freelancer !== null && snapshot.companies.length > 0
  return [
    ...(keep ? [{ _tag: 'KeepUnusedProfile' } as const] : []),
    { _tag: 'Deactivate' },
    ...(plan.some((s) => s._tag === 'ContactSupport') ? [] : [{ _tag: 'TalkToSupport' } as const]),
  ]
}
