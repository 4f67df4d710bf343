/**
 * Alternatives to closing, offered before the user decides (the sources ask users to consider
 * them first). They are not steps: they change neither the blockers, the plan nor the earliest
 * instant.
 *
 * @since 0.2.0
 */
import type { Messages } from '../engine/Format.js'
import type { AccountSnapshot } from '../model/codecs.js'
import type { Path } from '../model/Target.js'

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

/** @category model @since 0.3.0 */
export type AlternativeTag = Alternative['_tag']

// -------------------------------------------------------------------------------------
// words
// -------------------------------------------------------------------------------------

/**
 * The English words of every alternative.
 *
 * @internal
 */
export const alternativeWords: Messages<Alternative> = {
  KeepUnusedProfile: () =>
    'Closing closes the whole account, freelancer work and client teams alike. If you still need one side, keep the account and leave the other unused.',
  Deactivate: () => 'If you may come back, deactivate instead: your profile and history are kept. Closing cannot be undone.',
  TalkToSupport: () => 'If a problem with the platform is the reason, talk to support first: they may be able to solve it.',
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * The alternatives to closing along a path, in the order to read them: keeping the account when
 * the user has a freelancer profile and belongs to a company (closing closes both sides); then,
 * on the account paths, deactivating, and talking to support. An alternative whose tag is in
 * `needless` (the plan's rules say their steps make it so) is left out.
 *
 * @internal
 */
export const alternativesOf = (snapshot: AccountSnapshot, path: Path, needless: ReadonlySet<string>): ReadonlyArray<Alternative> => {
  if (path === 'CloseAgency') return []
  // (on the path of leaving teams there is no freelancer profile)
  const keep = snapshot.freelancer !== null && snapshot.companies.length > 0
  const all: ReadonlyArray<Alternative> = [
    ...(keep ? [{ _tag: 'KeepUnusedProfile' } as const] : []),
    { _tag: 'Deactivate' },
    { _tag: 'TalkToSupport' },
  ]
  return needless.size === 0 ? all : all.filter((a) => !needless.has(a._tag))
}
