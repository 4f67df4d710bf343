/**
 * `decodeSnapshot`: untrusted JSON in, a typed snapshot or every problem out.
 *
 * @since 0.1.0
 */
import type * as E from 'fp-ts/lib/Either.js'

import { left, right } from './either.js'
import { spelledRight } from './options.js'
import { AccountSnapshotC, AccountSnapshotD } from './codecs.js'
import type { AccountSnapshot, AccountSnapshotJson, Contract, Earnings } from './codecs.js'
import { decodeError, pathTo, showFound } from './DecodeError.js'
import type { DecodeErrors } from './DecodeError.js'
import { toISOString } from './Instant.js'
import type { Instant } from './Instant.js'
import { markDecoded } from './decoded.js'
import type { DecodedWith } from './decoded.js'
import { countingKeys, FAIL, report, safely, sink } from './struct.js'
import type { Sink } from './struct.js'

// -------------------------------------------------------------------------------------
// cross-field checks
// -------------------------------------------------------------------------------------

/**
 * What the reporting decoder gives for input with problems: every field and item that decoded,
 * the others absent (`undefined`), so that the rules relating fields can still be checked where
 * their fields are known, and every problem is reported at once.
 */
type Loose<T> = T extends number
  ? T
  : T extends ReadonlyArray<infer A>
    ? ReadonlyArray<Loose<A> | undefined>
    : T extends object
      ? { readonly [K in keyof T]?: Loose<T[K]> }
      : T

/**
 * Where a problem is: a JSON path, or what makes one. The paths are made only for a problem: a
 * snapshot without any (the common case) has its rules checked without building a string.
 */
type At = string | (() => string)

const where = (at: At): string => (typeof at === 'string' ? at : at())

/** The path of a key or index under `at`, made only when asked. */
const under =
  (at: At, key: string | number): At =>
  () =>
    pathTo(where(at), key)

type Keyed<K extends 'id' | 'userId'> = { readonly [k in K]?: string | undefined }

/**
 * Whether an item's id (`key`) is an earlier item's: pairs compared in a short list, a set for a
 * long one; an item or id that did not decode is skipped. (A yes where there is no repeat would
 * only cost {@link uniqueIds} its walk, which reports nothing: the mutants marked equivalent below
 * say yes more often, never less.)
 */
const repeats = <K extends 'id' | 'userId'>(items: ReadonlyArray<Keyed<K> | undefined>, key: K): boolean => {
  const n = items.length
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: either way finds the same repeats
  if (n <= 8) {
    // Stryker disable next-line EqualityOperator: the item past the end is undefined, and skipped
    for (let i = 1; i < n; i++) {
      const id = items[i]?.[key]
      // Stryker disable next-line ConditionalExpression,EqualityOperator: says yes more often, never less
      if (id !== undefined) for (let j = 0; j < i; j++) if (items[j]?.[key] === id) return true
    }
    // Stryker disable next-line BooleanLiteral: says yes more often, never less
    return false
  }
  const seen = new Set<string>()
  // Stryker disable next-line EqualityOperator: the item past the end is undefined, and skipped
  for (let i = 0; i < n; i++) {
    const id = items[i]?.[key]
    // Stryker disable next-line ConditionalExpression: an undefined id in the set says yes more often, never less
    if (id === undefined) continue
    const size = seen.size
    // Stryker disable next-line ConditionalExpression,EqualityOperator: says yes more often, never less
    if (seen.add(id).size === size) return true
  }
  // Stryker disable next-line BooleanLiteral: says yes more often, never less
  return false
}

/**
 * Reports every item whose id an earlier item of the list has. The common case (no repeat) is
 * {@link repeats}' alone; from the first repeat on, a map gives each id's first index.
 */
const uniqueIds = <K extends 'id' | 'userId'>(items: ReadonlyArray<Keyed<K> | undefined> | undefined, at: At, key: K, out: Sink): void => {
  if (items === undefined || !repeats(items, key)) return
  const path = where(at)
  const first = new Map<string, number>()
  // Stryker disable next-line EqualityOperator: the item past the end is undefined, and skipped
  for (let i = 0; i < items.length; i++) {
    const id = items[i]?.[key]
    if (id === undefined) continue
    const earlier = first.get(id)
    if (earlier === undefined) first.set(id, i)
    else
      report(
        out,
        pathTo(pathTo(path, i), key),
        `${key === 'id' ? 'an id' : 'a userId'} not used earlier in this list (${pathTo(path, earlier)} has it)`,
        showFound(id),
      )
  }
}

const contracts = (list: ReadonlyArray<Loose<Contract> | undefined> | undefined, at: At, asOf: Instant | undefined, out: Sink): void => {
  if (list === undefined) return
  uniqueIds(list, at, 'id', out)
  // Stryker disable next-line EqualityOperator: the item past the end is undefined, and skipped
  for (let i = 0; i < list.length; i++) {
    const c = list[i]
    if (c === undefined || c.status === undefined || c.endedAt === undefined) continue
    const endedAt = (): string => pathTo(pathTo(where(at), i), 'endedAt')
    if (c.status !== 'ended') {
      if (c.endedAt !== null) report(out, endedAt(), `null, because the contract is ${c.status}`, showFound(toISOString(c.endedAt)))
    } else if (c.endedAt === null) report(out, endedAt(), 'an instant, because the contract has ended', 'null')
    // (an asOf that did not decode is no later than anything)
    else if (c.endedAt > (asOf ?? Number.POSITIVE_INFINITY))
      report(out, endedAt(), `an instant at or before asOf (${toISOString(asOf as Instant)})`, showFound(toISOString(c.endedAt)))
  }
}

const earnings = (e: Loose<Earnings> | undefined, at: At, out: Sink): void => {
  if (e === undefined) return
  const pending = under(at, 'pending')
  uniqueIds(e.pending, pending, 'id', out)
  const currency = e.available?.currency
  if (currency === undefined || e.pending === undefined) return
  // Stryker disable next-line EqualityOperator: the item past the end is undefined, and skipped
  for (let i = 0; i < e.pending.length; i++) {
    const other = e.pending[i]?.amount?.currency
    if (other !== undefined && other !== currency)
      report(out, pathTo(pathTo(pathTo(where(pending), i), 'amount'), 'currency'), `${currency}, the currency of ${pathTo(where(at), 'available')}`, showFound(other))
  }
}

const team = (
  role: string | undefined,
  userId: string | undefined,
  members: ReadonlyArray<{ readonly userId?: string; readonly role?: string } | undefined> | undefined,
  at: At,
  out: Sink,
): void => {
  if (members === undefined) return
  const mpath = under(at, 'members')
  uniqueIds(members, mpath, 'userId', out)
  // Stryker disable next-line EqualityOperator: the item past the end is undefined, and skipped
  for (let i = 0; i < members.length; i++) {
    const m = members[i]
    if (m === undefined) continue
    if (userId !== undefined && m.userId === userId)
      report(out, pathTo(pathTo(where(mpath), i), 'userId'), 'another person than the user', showFound(m.userId))
    else if (role === 'owner' && m.role === 'owner')
      report(out, pathTo(pathTo(where(mpath), i), 'role'), 'not "owner", because the user owns it', showFound(m.role))
  }
}

/**
 * The rules that relate fields to each other, wherever their fields are known. Indexed loops, and
 * a path made only for a problem: most snapshots have none, and are checked without one.
 */
const crossFieldProblems = (s: Loose<AccountSnapshot>, out: Sink): void => {
  const f = s.freelancer
  if (f !== undefined && f !== null) {
    contracts(f.contracts, 'freelancer.contracts', s.asOf, out)
    uniqueIds(f.proposals, 'freelancer.proposals', 'id', out)
    earnings(f.earnings, 'freelancer.earnings', out)
  }
  // Stryker disable next-line ArrayDeclaration: a list that did not decode has nothing to check; any other list of non-objects neither
  const companies = s.companies ?? []
  uniqueIds(companies, 'companies', 'id', out)
  // Stryker disable next-line EqualityOperator: the item past the end is undefined, and skipped
  for (let i = 0; i < companies.length; i++) {
    const c = companies[i]
    if (c === undefined) continue
    const path = under('companies', i)
    team(c.role, s.user?.id, c.members, path, out)
    contracts(c.contracts, under(path, 'contracts'), s.asOf, out)
    uniqueIds(c.jobs, under(path, 'jobs'), 'id', out)
  }
  // Stryker disable next-line ArrayDeclaration: a list that did not decode has nothing to check; any other list of non-objects neither
  const agencies = s.agencies ?? []
  uniqueIds(agencies, 'agencies', 'id', out)
  // Stryker disable next-line EqualityOperator: the item past the end is undefined, and skipped
  for (let i = 0; i < agencies.length; i++) {
    const a = agencies[i]
    if (a === undefined) continue
    const path = under('agencies', i)
    if (a.role === 'owner' && s.freelancer === null)
      report(out, pathTo(where(path), 'role'), 'not "owner" when the user has no freelancer profile (an agency belongs to a freelancer)', '"owner"')
    team(a.role, s.user?.id, a.members, path, out)
    contracts(a.contracts, under(path, 'contracts'), s.asOf, out)
    uniqueIds(a.proposals, under(path, 'proposals'), 'id', out)
    earnings(a.earnings, under(path, 'earnings'), out)
  }
  uniqueIds(s.disputes, 'disputes', 'id', out)
  uniqueIds(s.subscriptions, 'subscriptions', 'id', out)
  uniqueIds(s.billingMethods, 'billingMethods', 'id', out)
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * Options of {@link decodeSnapshot}.
 *
 * @category decoding
 * @since 0.2.0
 */
export interface DecodeOptions {
  /**
   * How many problems to list at most: a positive whole number, or `Infinity` (100 unless set).
   * When there are more, one last error at the path `''` says how many were left out, so hostile
   * input costs bounded memory. It never turns a check off.
   */
  readonly maxErrors?: number
}

/**
 * The checked options: the cap on listed problems. Anything outside the options' types is a
 * `TypeError` naming the option (no option value ever turns a check off).
 *
 * @internal
 */
export const errorLimit = (options: unknown): number => {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))
    throw new TypeError(`account-closure: decode options must be an object; got ${showFound(options)}`)
  if (options !== undefined) spelledRight(options)
  const m: unknown = (options as { readonly maxErrors?: unknown } | undefined)?.maxErrors
  if (m === undefined) return 100
  if (m === Number.POSITIVE_INFINITY || (Number.isSafeInteger(m) && (m as number) > 0)) return m as number
  throw new TypeError(`account-closure: the decode option maxErrors must be a whole number from 1 to 2^53 − 1, or Infinity; got ${showFound(m)}`)
}

const { fast, reporting } = AccountSnapshotD

/**
 * The problems of a sink as errors: the first `limit`, then one at the path `''` that counts
 * the rest.
 *
 * @internal
 */
export const problems = (s: Sink): DecodeErrors => {
  const more = s.total - s.errors.length
  return more > 0
    ? [...s.errors, decodeError('', `at most ${s.limit} problems listed`, `${more} more`)]
    : s.errors
}

/**
 * Decodes untrusted input (usually `JSON.parse` output) into an {@link AccountSnapshot}.
 * Strict and closed: every field is required and read only as an own property, unknown fields
 * (an own `__proto__` key too) are dropped, and every problem is reported with its JSON path.
 * `extensions` (an app's own facts, optional) is kept as plain JSON data. The snapshot is fresh
 * plain data, deeply frozen: nothing of the input is shared, and nothing can change it later.
 * Never throws on any value (a getter that throws, a revoked proxy and a cycle are problems,
 * not exceptions); options outside their types are a `TypeError`.
 *
 * @example
 * import { decodeSnapshot, formatDecodeErrors } from 'account-closure'
 * import * as E from 'fp-ts/lib/Either.js'
 *
 * const body = '{ "asOf": "2026-11-18T10:00:00Z", "user": { "id": "", "securityQuestionSet": true, "standing": "good" } }'
 * const result = decodeSnapshot(JSON.parse(body))
 * if (E.isLeft(result)) console.log(formatDecodeErrors(result.left)) // user.id: expected a non-empty string…, freelancer: …
 * else console.log(result.right.user.id)
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeSnapshot = (u: unknown, options?: DecodeOptions): E.Either<DecodeErrors, AccountSnapshot> =>
  decodeCounting(u, errorLimit(options)).result

/**
 * What decoding the extensions of a policy adds: the codecs by key, and a decoder that turns
 * the plain (frozen) extensions into the decoded ones, reporting into the sink.
 *
 * @internal
 */
export interface ExtensionDecoding {
  readonly codecs: DecodedWith
  readonly decode: (plain: Readonly<Record<string, unknown>> | undefined, out: Sink) => Readonly<Record<string, unknown>>
}

/** What {@link decodeCounting} gives. @internal */
export interface Counted {
  readonly result: E.Either<DecodeErrors, AccountSnapshot>
  /** How many problems there were in all (the errors list at most the limit). */
  readonly errorCount: number
  /** When the fast decoder gave the snapshot: how many own keys the objects it read had. */
  readonly counted?: { readonly snapshot: AccountSnapshot; readonly keys: number }
}

/**
 * {@link decodeSnapshot} with a checked limit, and when its fast decoder gave the snapshot,
 * that snapshot with how many own keys the objects it read had (see `countingKeys`). With a
 * policy's extension decoding, its extensions are decoded too.
 *
 * @internal
 */
export const decodeCounting = (u: unknown, limit: number, extensions?: ExtensionDecoding): Counted => {
  const out = sink(limit)
  const [quick, keys] = safely(() => countingKeys(() => fast(u)), [FAIL, 0] as const)
  const shaped = quick !== FAIL ? quick : safely(() => reporting(u, '', out), FAIL)
  // Stryker disable next-line BlockStatement: the reporting decoder gives FAIL only after reporting why, which the check below returns
  if (shaped === FAIL) {
    // Stryker disable next-line StringLiteral: a safety net, should the reporting decoder ever throw (unreachable by design)
    if (out.total === 0) report(out, '', 'a readable value', 'a value that cannot be read')
    return { result: left(problems(out)), errorCount: out.total }
  }
  // on input with shape problems, `shaped` holds what decoded: the relations between those fields
  // are checked too, so that every problem is reported at once
  safely(() => crossFieldProblems(shaped as Loose<AccountSnapshot>, out), undefined)
  // a policy's own facts are decoded with its codecs (their problems are reported with the rest)
  const own = extensions === undefined ? undefined : extensions.decode((shaped as Loose<AccountSnapshot>).extensions, out)
  if (out.total > 0) return { result: left(problems(out)), errorCount: out.total }
  const snapshot = own === undefined ? shaped : Object.freeze({ ...shaped, extensions: own })
  markDecoded(snapshot, extensions?.codecs)
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without a count, text is scanned in full, with the same answer
  return quick === FAIL ? { result: right(snapshot), errorCount: 0 } : { result: right(snapshot), errorCount: 0, counted: { snapshot, keys } }
}

/**
 * Encodes a snapshot back to its JSON wire form (instants in UTC, as `toISOString` writes them).
 * Its output decodes to the same snapshot.
 *
 * @category decoding
 * @since 0.1.0
 */
export const encodeSnapshot = (s: AccountSnapshot): AccountSnapshotJson => AccountSnapshotC.encode(s)
