/**
 * `decodeSnapshot`: untrusted JSON in, a typed snapshot or every problem out (SPEC §1).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'

import { AccountSnapshotC } from './codecs.js'
import type { AccountSnapshot, Contract, Earnings } from './codecs.js'
import { decodeError, fromValidationErrors, pathTo, showFound } from './DecodeError.js'
import type { DecodeError, DecodeErrors } from './DecodeError.js'
import { toISOString } from './Instant.js'
import type { Instant } from './Instant.js'
import { FAIL } from './struct.js'

// -------------------------------------------------------------------------------------
// cross-field checks
// -------------------------------------------------------------------------------------

const uniqueIds = <A>(
  items: ReadonlyArray<A>,
  path: string,
  key: 'id' | 'userId',
  idOf: (a: A) => string,
  out: Array<DecodeError>,
): void => {
  const first = new Map<string, number>()
  items.forEach((item, i) => {
    const id = idOf(item)
    const earlier = first.get(id)
    if (earlier === undefined) first.set(id, i)
    else
      out.push(
        decodeError(
          pathTo(pathTo(path, i), key),
          `${key === 'id' ? 'an id' : 'a userId'} not used earlier in this list (${pathTo(path, earlier)} has it)`,
          showFound(id),
        ),
      )
  })
}

const contracts = (list: ReadonlyArray<Contract>, path: string, asOf: Instant, out: Array<DecodeError>): void => {
  uniqueIds(list, path, 'id', (c) => c.id, out)
  list.forEach((c, i) => {
    const at = pathTo(pathTo(path, i), 'endedAt')
    if (c.status === 'ended' && c.endedAt === null)
      out.push(decodeError(at, 'an instant, because the contract has ended', 'null'))
    else if (c.status !== 'ended' && c.endedAt !== null)
      out.push(decodeError(at, `null, because the contract is ${c.status}`, showFound(toISOString(c.endedAt))))
    else if (c.endedAt !== null && c.endedAt > asOf)
      out.push(
        decodeError(at, `an instant at or before asOf (${toISOString(asOf)})`, showFound(toISOString(c.endedAt))),
      )
  })
}

const earnings = (e: Earnings, path: string, out: Array<DecodeError>): void => {
  const pending = pathTo(path, 'pending')
  uniqueIds(e.pending, pending, 'id', (p) => p.id, out)
  const currency = e.available.currency
  e.pending.forEach((p, i) => {
    if (p.amount.currency !== currency)
      out.push(
        decodeError(
          pathTo(pathTo(pathTo(pending, i), 'amount'), 'currency'),
          `${currency}, the currency of ${pathTo(path, 'available')}`,
          showFound(p.amount.currency),
        ),
      )
  })
}

const team = (
  role: string,
  userId: string,
  members: ReadonlyArray<{ readonly userId: string; readonly role: string }>,
  path: string,
  out: Array<DecodeError>,
): void => {
  const mpath = pathTo(path, 'members')
  uniqueIds(members, mpath, 'userId', (m) => m.userId, out)
  members.forEach((m, i) => {
    if (m.userId === userId)
      out.push(decodeError(pathTo(pathTo(mpath, i), 'userId'), 'another person than the user', showFound(m.userId)))
    else if (role === 'owner' && m.role === 'owner')
      out.push(
        decodeError(pathTo(pathTo(mpath, i), 'role'), 'not "owner", because the user owns it', showFound(m.role)),
      )
  })
}

/**
 * The rules of SPEC §1 that relate fields to each other, on a snapshot whose shape is valid.
 *
 * @category validation
 * @since 0.1.0
 */
export const snapshotProblems = (s: AccountSnapshot): DecodeErrors => {
  const out: Array<DecodeError> = []
  if (s.freelancer !== null) {
    contracts(s.freelancer.contracts, 'freelancer.contracts', s.asOf, out)
    uniqueIds(s.freelancer.proposals, 'freelancer.proposals', 'id', (p) => p.id, out)
    earnings(s.freelancer.earnings, 'freelancer.earnings', out)
  }
  uniqueIds(s.companies, 'companies', 'id', (c) => c.id, out)
  s.companies.forEach((c, i) => {
    const path = pathTo('companies', i)
    team(c.role, s.user.id, c.members, path, out)
    contracts(c.contracts, pathTo(path, 'contracts'), s.asOf, out)
    uniqueIds(c.jobs, pathTo(path, 'jobs'), 'id', (j) => j.id, out)
  })
  uniqueIds(s.agencies, 'agencies', 'id', (a) => a.id, out)
  s.agencies.forEach((a, i) => {
    const path = pathTo('agencies', i)
    if (a.role === 'owner' && s.freelancer === null)
      out.push(
        decodeError(
          pathTo(path, 'role'),
          'not "owner" when the user has no freelancer profile (an agency belongs to a freelancer)',
          '"owner"',
        ),
      )
    team(a.role, s.user.id, a.members, path, out)
    contracts(a.contracts, pathTo(path, 'contracts'), s.asOf, out)
    uniqueIds(a.proposals, pathTo(path, 'proposals'), 'id', (p) => p.id, out)
    earnings(a.earnings, pathTo(path, 'earnings'), out)
  })
  uniqueIds(s.disputes, 'disputes', 'id', (d) => d.id, out)
  uniqueIds(s.subscriptions, 'subscriptions', 'id', (d) => d.id, out)
  uniqueIds(s.billingMethods, 'billingMethods', 'id', (d) => d.id, out)
  return out
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * Decodes untrusted input (usually `JSON.parse` output) into an {@link AccountSnapshot}.
 * Strict and closed: every field is required, unknown fields are dropped, and every problem is
 * reported with its JSON path. Never throws.
 *
 * @example
 * import { decodeSnapshot } from 'account-closure'
 * import * as E from 'fp-ts/Either'
 *
 * const result = decodeSnapshot(JSON.parse(body))
 * if (E.isLeft(result)) return { status: 400, body: result.left } // [{ path, expected, found, message }]
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeSnapshot = (u: unknown): E.Either<DecodeErrors, AccountSnapshot> => {
  const fast = AccountSnapshotC.fast(u)
  const shaped = fast === FAIL ? AccountSnapshotC.decode(u) : E.right(fast)
  if (E.isLeft(shaped)) return E.left(fromValidationErrors(shaped.left))
  const problems = snapshotProblems(shaped.right)
  return problems.length === 0 ? E.right(shaped.right) : E.left(problems)
}

/**
 * Encodes a snapshot back to its JSON wire form (instants in UTC, as `toISOString` writes them).
 *
 * @category decoding
 * @since 0.1.0
 */
export const encodeSnapshot = AccountSnapshotC.encode
