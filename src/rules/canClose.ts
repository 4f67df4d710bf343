/**
 * `canClose` and `earliestClosableAt`: the answer, and when at the soonest (SPEC §3, §4).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'

import { billingCycleEnd } from '../billing/week.js'
import type { AccountSnapshot } from '../model/codecs.js'
import { max } from '../model/Instant.js'
import type { Instant } from '../model/Instant.js'
import { compareStrings, itemKey } from '../model/item.js'
import { scopeKey } from '../model/Scope.js'
import type { Scope } from '../model/Scope.js'
import type { Path, Target } from '../model/Target.js'
import { isUnclearable, RULE_IDS } from './Blocker.js'
import type { Blocker } from './Blocker.js'
import { closureFacts } from './facts.js'
import type { ClosureFacts, ClosureOptions } from './facts.js'
import { defaultPolicy } from './policy.js'
import type { Policy } from './policy.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Nothing blocks: the user can follow the path's procedure now.
 *
 * @category model
 * @since 0.1.0
 */
export interface Closable {
  readonly _tag: 'Closable'
  readonly path: Path
  readonly target: Target
}

/**
 * What any blocker, built in or an app's own, must carry to be ordered and reported.
 *
 * @category model
 * @since 0.1.0
 */
export interface BlockerLike {
  readonly _tag: string
  readonly rule: string
}

// -------------------------------------------------------------------------------------
// ordering
// -------------------------------------------------------------------------------------

const ruleRank = new Map<string, number>(RULE_IDS.map((r, i) => [r, i]))

const scopeOf = (b: BlockerLike): string => {
  const s = (b as { readonly scope?: Scope }).scope
  return s === undefined ? '' : scopeKey(s)
}

interface Keyed<B> {
  readonly b: B
  readonly rank: number
  readonly scope: string
  readonly item: string
}

const keyOf = <B extends BlockerLike>(b: B): Keyed<B> => ({
  b,
  rank: ruleRank.get(b.rule) ?? RULE_IDS.length,
  scope: scopeOf(b),
  item: itemKey(b),
})

const compareKeyed = <B extends BlockerLike>(x: Keyed<B>, y: Keyed<B>): number =>
  x.rank - y.rank ||
  compareStrings(x.b.rule, y.b.rule) ||
  compareStrings(x.scope, y.scope) ||
  compareStrings(x.item, y.item) ||
  compareStrings(x.b._tag, y.b._tag)

/**
 * A canonical order of blockers: by rule (in SPEC order; an app's own rules after, by id), then
 * scope (freelancer, companies, agencies, each by id), then the item's id. It does not depend
 * on the order of any list in the snapshot.
 *
 * @category ordering
 * @since 0.1.0
 */
export const compareBlockers = (a: BlockerLike, b: BlockerLike): number => compareKeyed(keyOf(a), keyOf(b))

/**
 * Sorts blockers by {@link compareBlockers}, computing each blocker's key once (not once per
 * comparison). Returns a new array.
 *
 * @category ordering
 * @since 0.1.0
 */
export const sortBlockers = <B extends BlockerLike>(blockers: ReadonlyArray<B>): ReadonlyArray<B> =>
  blockers
    .map(keyOf)
    .sort(compareKeyed)
    .map((k) => k.b)

// -------------------------------------------------------------------------------------
// evaluation
// -------------------------------------------------------------------------------------

/**
 * Runs a policy on prepared facts: every blocker, in the policy's order (see {@link canClose}).
 *
 * @category evaluation
 * @since 0.1.0
 */
export const blockersOf = <B extends BlockerLike>(policy: Policy<B>, facts: ClosureFacts): ReadonlyArray<B> =>
  policy(facts)

/**
 * `canClose` for a policy of one's own (the default policy plus an app's rules, say).
 *
 * @example
 * const check = canCloseWith(all(defaultPolicy, onPaths('CloseAccount')(noOldInvoices)))
 * check(snapshot) // Either<ReadonlyNonEmptyArray<Blocker | OldInvoice>, Closable>
 *
 * @category evaluation
 * @since 0.1.0
 */
export const canCloseWith =
  <B extends BlockerLike>(policy: Policy<B>) =>
  (
    snapshot: AccountSnapshot,
    target?: Target,
    options?: ClosureOptions,
  ): E.Either<ReadonlyNonEmptyArray<B>, Closable> => {
    const facts = closureFacts(snapshot, target, options)
    const blockers = blockersOf(policy, facts)
    return blockers.length > 0
      ? E.left(blockers as unknown as ReadonlyNonEmptyArray<B>)
      : E.right({ _tag: 'Closable', path: facts.path, target: facts.target })
  }

/**
 * Can the user close the account (or, with a target, the agency) at the snapshot's `asOf`?
 * Right when nothing blocks; Left with every blocker otherwise. Pure, total, deterministic.
 *
 * Blockers come in the policy's order, which reads like a report: account-wide rules, then each
 * scope (owned agencies to close, freelancer work, owned companies, owned agencies) with its
 * rules in SPEC order, items in the snapshot's order. The set does not depend on the order of
 * any list; {@link sortBlockers} gives an order that does not either.
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
) => E.Either<ReadonlyNonEmptyArray<Blocker>, Closable> = canCloseWith(defaultPolicy)

/**
 * The earliest instant, from these blockers, at which the user's own steps can have cleared
 * them all: `None` when one cannot be cleared by the user (not the owner, needs an admin, not in
 * good standing, unknown target); otherwise the latest of `asOf`, every pending payment's
 * `availableAt`, every open billing cycle's end, and the end of `asOf`'s billing cycle when an
 * hourly contract of an owned company is still open.
 *
 * @category evaluation
 * @since 0.1.0
 */
export const earliestFromBlockers = (
  blockers: ReadonlyArray<Blocker>,
  facts: Pick<ClosureFacts, 'asOf' | 'billingCycleEnd'>,
): O.Option<Instant> => {
  let at = facts.asOf
  for (const b of blockers) {
    if (isUnclearable(b)) return O.none
    if (b._tag === 'PaymentPending') at = max(at, b.availableAt)
    else if (b._tag === 'BillingCycleOpen') at = max(at, b.endsAt)
    else if (b._tag === 'ContractOpen' && b.scope._tag === 'Company' && b.contractType === 'hourly')
      at = max(at, billingCycleEnd(facts.asOf, facts.billingCycleEnd))
  }
  return O.some(at)
}

/**
 * The earliest instant the user can close, as a lower bound on the known facts (SPEC §4).
 * `None` when a blocker cannot be cleared by the user's own steps; `asOf` when closable now.
 *
 * @example
 * earliestClosableAt(snapshot) // some(2026-11-23T00:00:00Z as Instant)
 *
 * @category evaluation
 * @since 0.1.0
 */
export const earliestClosableAt = (
  snapshot: AccountSnapshot,
  target?: Target,
  options?: ClosureOptions,
): O.Option<Instant> => {
  const facts = closureFacts(snapshot, target, options)
  return earliestFromBlockers(blockersOf(defaultPolicy, facts), facts)
}
