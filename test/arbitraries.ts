/**
 * The arbitraries every property test shares: the published ones of `account-closure/testing`,
 * and here the invalid snapshots, additions and shuffles the laws of SPEC §6 need.
 */
import { fc } from '@fast-check/vitest'

import type { AccountSnapshot } from '../src/index.js'
import { redecode } from './fixtures.js'
import type { SnapshotJson } from '../src/testing/index.js'
import { anySnapshotJson, snapshot, snapshotJson, snapshotWithTarget, SHAPES, target } from '../src/testing/index.js'

export { anySnapshotJson, snapshot, snapshotJson, snapshotWithTarget, SHAPES, target }
export type { SnapshotJson }

type Json = null | boolean | number | string | Array<Json> | { [k: string]: Json }

export const clone = <A>(a: A): A => structuredClone(a)

// -------------------------------------------------------------------------------------
// invalid snapshots: a valid one, broken in one known place
// -------------------------------------------------------------------------------------

/** Every path in a JSON document that holds a value, with the value. */
const leaves = (j: Json, path: Array<string | number> = []): Array<[Array<string | number>, Json]> => {
  const here: Array<[Array<string | number>, Json]> = path.length === 0 ? [] : [[path, j]]
  if (Array.isArray(j)) return [...here, ...j.flatMap((v, i) => leaves(v, [...path, i]))]
  if (j !== null && typeof j === 'object') return [...here, ...Object.entries(j).flatMap(([k, v]) => leaves(v, [...path, k]))]
  return here
}

export const renderPath = (path: ReadonlyArray<string | number>): string =>
  path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc === '' ? k : `${acc}.${k}`), '')

const at = (root: Json, path: ReadonlyArray<string | number>): Json => path.reduce<Json>((j, k) => (j as Record<string | number, Json>)[k] as Json, root)

const setAt = (root: Json, path: ReadonlyArray<string | number>, value: Json | undefined): void => {
  const parent = at(root, path.slice(0, -1)) as Record<string | number, Json>
  const key = path[path.length - 1] as string | number
  if (value === undefined) delete parent[key]
  else parent[key] = value
}

/** A value of another JSON type than `v` (and never a valid one in its place). */
const wrongType = (v: Json): Json =>
  typeof v === 'string' ? 42 : typeof v === 'number' ? '42' : typeof v === 'boolean' ? 'true' : Array.isArray(v) ? {} : v === null ? 7 : []

export interface Broken {
  readonly json: unknown
  /** The path an error must name. */
  readonly path: string
  readonly how: string
}

/** A valid snapshot with one field removed (the error names that field). */
const missingField = (s: SnapshotJson): fc.Arbitrary<Broken> => {
  const fields = leaves(s as unknown as Json).filter(([p]) => typeof p[p.length - 1] === 'string')
  return fc.constantFrom(...fields).map(([p]) => {
    const json = clone(s) as unknown as Json
    setAt(json, p, undefined)
    return { json, path: renderPath(p), how: 'missing' }
  })
}

/** A valid snapshot with one value of the wrong type. */
const wrongTyped = (s: SnapshotJson): fc.Arbitrary<Broken> =>
  fc.constantFrom(...leaves(s as unknown as Json)).map(([p, v]) => {
    const json = clone(s) as unknown as Json
    setAt(json, p, wrongType(v))
    return { json, path: renderPath(p), how: 'wrong type' }
  })

/** A valid snapshot with a string outside its value set, an empty id, or a bad amount. */
const outOfSet = (s: SnapshotJson): fc.Arbitrary<Broken> => {
  const candidates = leaves(s as unknown as Json).filter(
    ([p, v]) =>
      ['standing', 'role', 'type', 'status', 'id', 'userId', 'currency', 'asOf', 'availableAt'].includes(String(p[p.length - 1])) ||
      (p[p.length - 1] === 'amount' && typeof v === 'number'),
  )
  return fc.constantFrom(...candidates).map(([p]) => {
    const key = String(p[p.length - 1])
    const bad: Json =
      key === 'id' || key === 'userId'
        ? ''
        : key === 'currency'
          ? 'usd'
          : key === 'amount'
            ? -1
            : key === 'asOf' || key === 'availableAt'
              ? '2026-02-30T00:00:00Z'
              : 'nonsense'
    const json = clone(s) as unknown as Json
    setAt(json, p, bad)
    return { json, path: renderPath(p), how: 'out of set' }
  })
}

/** The cross-field rules of SPEC §1, each broken where the snapshot allows it. */
const crossField = (s: SnapshotJson): ReadonlyArray<Broken> => {
  const out: Array<Broken> = []
  const asOf = Date.parse(s.asOf)
  const later = new Date(asOf + 1).toISOString()
  const lists: Array<[string, SnapshotJson['companies'][number]['contracts']]> = [
    ...(s.freelancer === null ? [] : [['freelancer.contracts', s.freelancer.contracts] as [string, SnapshotJson['companies'][number]['contracts']]]),
    ...s.companies.map((c, i) => [`companies[${i}].contracts`, c.contracts] as [string, SnapshotJson['companies'][number]['contracts']]),
    ...s.agencies.map((a, i) => [`agencies[${i}].contracts`, a.contracts] as [string, SnapshotJson['companies'][number]['contracts']]),
  ]
  for (const [path, contracts] of lists)
    contracts.forEach((c, i) => {
      const broken = clone(s)
      const list = (path === 'freelancer.contracts'
        ? broken.freelancer?.contracts
        : path.startsWith('companies')
          ? broken.companies[Number(/\d+/.exec(path)?.[0])]?.contracts
          : broken.agencies[Number(/\d+/.exec(path)?.[0])]?.contracts) as typeof contracts
      const target = list[i] as (typeof contracts)[number]
      if (c.status === 'ended') {
        target.endedAt = null
        out.push({ json: clone(broken), path: `${path}[${i}].endedAt`, how: 'ended without endedAt' })
        target.endedAt = later
        out.push({ json: clone(broken), path: `${path}[${i}].endedAt`, how: 'endedAt after asOf' })
      } else {
        target.endedAt = s.asOf
        out.push({ json: clone(broken), path: `${path}[${i}].endedAt`, how: 'open with endedAt' })
      }
    })
  if (s.companies.length > 0) {
    const broken = clone(s)
    broken.companies.push({ ...clone(s.companies[0] as SnapshotJson['companies'][number]) })
    out.push({ json: broken, path: `companies[${s.companies.length}].id`, how: 'duplicate company id' })
  }
  if (s.disputes.length > 0) {
    const broken = clone(s)
    broken.disputes.push({ id: (s.disputes[0] as { id: string }).id, status: 'resolved' })
    out.push({ json: broken, path: `disputes[${s.disputes.length}].id`, how: 'duplicate dispute id' })
  }
  s.agencies.forEach((a, i) => {
    if (a.earnings.pending.length > 0) {
      const broken = clone(s)
      const p = broken.agencies[i]?.earnings.pending[0]
      if (p !== undefined) p.amount.currency = a.earnings.available.currency === 'JPY' ? 'USD' : 'JPY'
      out.push({ json: broken, path: `agencies[${i}].earnings.pending[0].amount.currency`, how: 'mixed currencies' })
    }
    if (a.role === 'owner') {
      const broken = clone(s)
      broken.agencies[i]?.members.push({ userId: 'u-owner-2', role: 'owner' })
      out.push({ json: broken, path: `agencies[${i}].members[${a.members.length}].role`, how: 'two owners' })
    }
  })
  s.companies.forEach((c, i) => {
    if (c.role === 'owner') {
      const broken = clone(s)
      broken.companies[i]?.members.push({ userId: 'u-owner-2', role: 'owner' })
      out.push({ json: broken, path: `companies[${i}].members[${c.members.length}].role`, how: 'two owners' })
    }
  })
  return out
}

/**
 * Invalid snapshots, each with the path its error must name: a missing field, a wrong type, a
 * value out of its set, or a broken cross-field rule.
 */
export const brokenSnapshot = (): fc.Arbitrary<Broken> =>
  anySnapshotJson().chain((s) => {
    const cross = crossField(s)
    return fc.oneof(
      missingField(s),
      wrongTyped(s),
      outOfSet(s),
      ...(cross.length > 0 ? [fc.constantFrom(...cross)] : []),
    )
  })

// -------------------------------------------------------------------------------------
// additions (SPEC §6.4)
// -------------------------------------------------------------------------------------

export type Addition =
  | { readonly _tag: 'Contract'; readonly where: number; readonly type: 'hourly' | 'fixed'; readonly status: 'pending' | 'active' | 'paused' }
  | { readonly _tag: 'Proposal'; readonly where: number; readonly status: 'submitted' | 'active' | 'offer' }
  | { readonly _tag: 'Job'; readonly where: number }
  | { readonly _tag: 'Member'; readonly where: number; readonly role: 'admin' | 'member' }
  | { readonly _tag: 'Dispute' }

/** Something open to add: a contract, a proposal, a job, a member or a dispute, somewhere. */
export const addition = (): fc.Arbitrary<Addition> =>
  fc.oneof(
    fc.record({ _tag: fc.constant('Contract' as const), where: fc.nat(5), type: fc.constantFrom('hourly' as const, 'fixed' as const), status: fc.constantFrom('pending' as const, 'active' as const, 'paused' as const) }),
    fc.record({ _tag: fc.constant('Proposal' as const), where: fc.nat(5), status: fc.constantFrom('submitted' as const, 'active' as const, 'offer' as const) }),
    fc.record({ _tag: fc.constant('Job' as const), where: fc.nat(5) }),
    fc.record({ _tag: fc.constant('Member' as const), where: fc.nat(5), role: fc.constantFrom('admin' as const, 'member' as const) }),
    fc.record({ _tag: fc.constant('Dispute' as const) }),
  )

/** Adds the item to the snapshot: `where` picks the freelancer (0), a company or an agency; decoded again. */
export const add = (s: AccountSnapshot, a: Addition): AccountSnapshot => redecode(added(s, a))

const added = (s: AccountSnapshot, a: Addition): AccountSnapshot => {
  if (a._tag === 'Dispute') return { ...s, disputes: [...s.disputes, { id: 'd-added', status: 'open' }] }
  const owners: Array<'freelancer' | ['company', number] | ['agency', number]> = [
    ...(s.freelancer === null || a._tag === 'Job' || a._tag === 'Member' ? [] : ['freelancer' as const]),
    ...s.companies.map((_, i) => ['company', i] as ['company', number]).filter(() => a._tag !== 'Proposal'),
    ...s.agencies.map((_, i) => ['agency', i] as ['agency', number]).filter(() => a._tag !== 'Job'),
  ]
  const pick = owners[a.where % Math.max(owners.length, 1)]
  if (pick === undefined) return { ...s, disputes: [...s.disputes, { id: 'd-added', status: 'open' }] }
  const contract = a._tag === 'Contract' ? { id: 'c-added', type: a.type, status: a.status, endedAt: null } : undefined
  const proposal = a._tag === 'Proposal' ? { id: 'p-added', status: a.status } : undefined
  if (pick === 'freelancer') {
    const f = s.freelancer
    if (f === null) return s
    return {
      ...s,
      freelancer: {
        ...f,
        contracts: contract === undefined ? f.contracts : [...f.contracts, contract],
        proposals: proposal === undefined ? f.proposals : [...f.proposals, proposal],
      },
    }
  }
  const [kind, i] = pick
  if (kind === 'company')
    return {
      ...s,
      companies: s.companies.map((c, j) =>
        j !== i
          ? c
          : {
              ...c,
              contracts: contract === undefined ? c.contracts : [...c.contracts, contract],
              jobs: a._tag === 'Job' ? [...c.jobs, { id: 'j-added', status: 'open' }] : c.jobs,
              members: a._tag === 'Member' ? [...c.members, { userId: 'u-added', role: a.role }] : c.members,
            },
      ),
    }
  return {
    ...s,
    agencies: s.agencies.map((g, j) =>
      j !== i
        ? g
        : {
            ...g,
            contracts: contract === undefined ? g.contracts : [...g.contracts, contract],
            proposals: proposal === undefined ? g.proposals : [...g.proposals, proposal],
            members: a._tag === 'Member' ? [...g.members, { userId: 'u-added', role: a.role }] : g.members,
          },
    ),
  }
}

// -------------------------------------------------------------------------------------
// shuffles (SPEC §6.5) and freezing (§6.7)
// -------------------------------------------------------------------------------------

/** Every list in the value, reordered by a seeded Fisher–Yates. */
export const shuffleAll = <A>(value: A, seed: number): A => {
  let state = seed >>> 0 || 1
  const next = (): number => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 4294967296
  }
  const go = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const copy = v.map(go)
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[copy[i], copy[j]] = [copy[j], copy[i]]
      }
      return copy
    }
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, go(x)]))
    return v
  }
  return go(value) as A
}

/** Whether every object and array in a value is frozen. */
export const isDeeplyFrozen = (value: unknown): boolean =>
  value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen))
