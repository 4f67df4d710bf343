/**
 * A canonical order of blockers, independent of the order of any list in the snapshot.
 *
 * @since 0.1.0
 */
import { RULE_IDS } from './defaults.js'
import type { BlockerBase } from './engine/Blocker.js'
import { compareScopes } from './model/Scope.js'

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Sorts blockers by rule (in the order of `ruleIds`, the built-in ones unless given; other
 * rules after them, by id), then scope (account, freelancer, companies, agencies, each by id),
 * then subject and tag. Returns a new array; sorting twice changes nothing.
 *
 * @example
 * import { canClose, decodeSnapshot, sortBlockers } from 'account-closure'
 *
 * const decoded = decodeSnapshot({
 *   asOf: '2026-11-18T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
 *   freelancer: {
 *     contracts: [{ id: 'c-1', type: 'fixed', status: 'active', endedAt: null }],
 *     proposals: [],
 *     earnings: { pending: [], available: { amount: 0, currency: 'USD' } },
 *   },
 *   companies: [], agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 * })
 * if (decoded._tag === 'Left') throw new Error('invalid snapshot')
 * const snapshot = decoded.right
 * const answer = canClose(snapshot)
 * if (answer._tag === 'Left') console.log(sortBlockers(answer.left).map((b) => b._tag)) // ['ContractOpen']
 *
 * @category ordering
 * @since 0.1.0
 */
export const sortBlockers = <B extends BlockerBase>(
  blockers: ReadonlyArray<B>,
  ruleIds: ReadonlyArray<string> = RULE_IDS,
): ReadonlyArray<B> => {
  const rank = new Map(ruleIds.map((id, i) => [id, i]))
  const keyed = blockers.map((b) => ({ b, rank: rank.get(b.rule) ?? ruleIds.length }))
  keyed.sort(
    (x, y) =>
      x.rank - y.rank ||
      compareStrings(x.b.rule, y.b.rule) ||
      (x.b.scope === undefined ? (y.b.scope === undefined ? 0 : -1) : y.b.scope === undefined ? 1 : compareScopes(x.b.scope, y.b.scope)) ||
      compareStrings(x.b.subject ?? '', y.b.subject ?? '') ||
      compareStrings(x.b._tag, y.b._tag),
  )
  return keyed.map((k) => k.b)
}
