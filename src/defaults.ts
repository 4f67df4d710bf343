/**
 * The API with the built-in rules: `closureWith(defaultRules)`.
 *
 * @since 0.1.0
 */
import type * as E from 'fp-ts/lib/Either.js'
import type * as O from 'fp-ts/lib/Option.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'

import type { AccountSnapshot } from '../model/codecs.js'
import type { Instant } from '../model/Instant.js'
import type { Target } from '../model/Target.js'
import type { Alternative } from '../plan/Alternative.js'
import type { Step } from '../plan/Step.js'
import type { Blocker } from '../rules/Blocker.js'
import { defaultRules } from '../rules/defaultRules.js'
import type { ClosureOptions } from '../rules/facts.js'
import type { Verdict, VerdictOptions } from '../verdict/verdict.js'
import { closureWith } from './closureWith.js'
import type { Closable } from './closureWith.js'

const closure = /*#__PURE__*/ closureWith(defaultRules)

/**
 * Can the user close the account (or, with a target, the agency) at the snapshot's `asOf`?
 * Right when nothing blocks; Left with every blocker otherwise (never only the first), in the
 * order of the rules. Pure, total, deterministic.
 *
 * @example
 * import { canClose, decodeSnapshot } from 'account-closure'
 * import * as E from 'fp-ts/Either'
 *
 * pipe(decodeSnapshot(json), E.map((s) => canClose(s)))
 * canClose(snapshot, { _tag: 'Agency', agencyId: 'ag-1' })
 *
 * @category evaluation
 * @since 0.1.0
 */
export const canClose: (
  snapshot: AccountSnapshot,
  target?: Target,
  options?: ClosureOptions,
) => E.Either<ReadonlyNonEmptyArray<Blocker>, Closable> = closure.canClose

/**
 * The ordered steps from the snapshot to a closed account (or agency): what can be done now,
 * then each wait in time order with what it unlocks, then the path's procedure. The same facts
 * always give the same plan.
 *
 * @example
 * closureSteps(snapshot).map((s) => s._tag)
 * // ['EndContract', 'WaitUntil', 'PayBalance', ..., 'Navigate', 'ChooseClose', 'AnswerSecurityQuestion', 'VerifyEmail', 'Confirm']
 *
 * @category plan
 * @since 0.1.0
 */
export const closureSteps: (snapshot: AccountSnapshot, target?: Target, options?: ClosureOptions) => ReadonlyArray<Step> =
  closure.closureSteps

/**
 * The earliest instant the user can close, as a lower bound on the known facts: the plan's
 * last wait, or `asOf` when there is none; `None` when a blocker cannot be cleared by the user.
 *
 * @example
 * earliestClosableAt(snapshot) // some(2026-11-23T00:00:00Z as Instant)
 *
 * @category evaluation
 * @since 0.1.0
 */
export const earliestClosableAt: (snapshot: AccountSnapshot, target?: Target, options?: ClosureOptions) => O.Option<Instant> =
  closure.earliestClosableAt

/**
 * Alternatives to closing, in reading order: keep the account and leave a profile unused,
 * deactivate, talk to support. None when closing an agency.
 *
 * @category evaluation
 * @since 0.2.0
 */
export const alternatives: (snapshot: AccountSnapshot, target?: Target, options?: ClosureOptions) => ReadonlyArray<Alternative> =
  closure.alternatives

/**
 * Everything about one closure question as JSON-ready data: the path, whether it is closable,
 * every blocker, the earliest instant and whether it may move, the plan, the consequences and
 * the alternatives, each with its message; and the `asOf` it holds at.
 *
 * @example
 * import { decodeSnapshot, verdict } from 'account-closure'
 * res.json(verdict(snapshot, undefined, { timeZone: 'Europe/Berlin' }))
 *
 * @category verdict
 * @since 0.1.0
 */
export const verdict: (snapshot: AccountSnapshot, target?: Target, options?: VerdictOptions) => Verdict = closure.verdict
