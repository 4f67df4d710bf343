/**
 * fast-check arbitraries for account snapshots, for apps that property-test their own use of
 * the library (`import { snapshot } from 'account-closure/testing'`). fast-check is an optional
 * peer dependency: only this entry point needs it.
 *
 * Every snapshot these arbitraries make is valid (it decodes), and together they reach every
 * value set and every path: freelancer only, client owner, both profiles, admin or manager only,
 * plain member only, agency owner, agency admin, agency member, and no profile at all.
 *
 * @example
 * import fc from 'fast-check'
 * import { canClose } from 'account-closure'
 * import type { AccountSnapshot } from 'account-closure'
 * import { snapshot } from 'account-closure/testing'
 *
 * // your own code: here, a handler that answers 200 or 409
 * const myHandler = (s: AccountSnapshot) => ({ status: canClose(s)._tag === 'Right' ? 200 : 409 })
 * fc.assert(fc.property(snapshot(), (s) => myHandler(s).status !== 500))
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'

import type { AccountSnapshot, AccountSnapshotJson } from '../model/codecs.js'
import {
  AGENCY_ROLES,
  COMPANY_ROLES,
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  DISPUTE_STATUSES,
  JOB_STATUSES,
  PROPOSAL_STATUSES,
  STANDINGS,
  SUBSCRIPTION_STATUSES,
} from '../model/codecs.js'
import { decodeSnapshot } from '../model/decode.js'
import type { AgencyRole, CompanyRole } from '../model/codecs.js'
import type { Target } from '../model/Target.js'

/** A value as mutable JSON. @category model @since 0.1.0 */
export type Json<T> = T extends ReadonlyArray<infer A> ? Array<Json<A>> : T extends object ? { -readonly [K in keyof T]: Json<T[K]> } : T
/** A snapshot as JSON, mutable so tests can break it on purpose. @category model @since 0.1.0 */
export type SnapshotJson = Json<AccountSnapshotJson>
type ContractJson = SnapshotJson['companies'][number]['contracts'][number]
type EarningsJson = SnapshotJson['agencies'][number]['earnings']

// -------------------------------------------------------------------------------------
// time
// -------------------------------------------------------------------------------------

const HOUR = 3_600_000
const DAY = 24 * HOUR
const WEEK = 7 * DAY
/** 2024-01-01T00:00:00Z, a Monday. */
const FROM = Date.UTC(2024, 0, 1)
/** 2028-12-25T00:00:00Z, a Monday. */
const TO = Date.UTC(2028, 11, 25)

/**
 * Instants between 2024 and 2028 as milliseconds, often on or next to a Monday midnight UTC,
 * a billing week's edge.
 */
const instantMs = (): fc.Arbitrary<number> =>
  fc.oneof(
    { arbitrary: fc.integer({ min: FROM, max: TO }), weight: 3 },
    {
      arbitrary: fc
        .tuple(
          fc.integer({ min: 0, max: Math.floor((TO - FROM) / WEEK) }),
          fc.constantFrom(0, 1, -1, 12 * HOUR, 12 * HOUR - 1, 12 * HOUR + 1, 3 * DAY + 10 * HOUR),
        )
        .map(([week, delta]) => FROM + week * WEEK + delta),
      weight: 2,
    },
  )

const iso = (ms: number): string => new Date(ms).toISOString()

/** How far before `asOf` a contract ended: same instant, same week, the week before, long ago. */
const endedBefore = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 15 * DAY }),
  fc.constantFrom(DAY, 7 * DAY, 8 * DAY),
)

/** How far from `asOf` a payment becomes available: past, now, or future. */
const availableIn = fc.oneof(fc.constant(0), fc.integer({ min: -10 * DAY, max: 10 * DAY }), fc.constantFrom(1, -1))

// -------------------------------------------------------------------------------------
// parts
// -------------------------------------------------------------------------------------

const idOf = (prefix: string) => fc.integer({ min: 0, max: 40 }).map((n) => `${prefix}-${n}`)
const uniqueBy = <A extends { readonly id: string }>(item: fc.Arbitrary<A>, maxLength: number) =>
  fc.uniqueArray(item, { selector: (x) => x.id, maxLength })

const currency = fc.constantFrom('USD', 'EUR', 'GBP')
const amount = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 }))

const contracts = (asOf: number, prefix: string): fc.Arbitrary<Array<ContractJson>> =>
  uniqueBy(
    fc.record({
      id: idOf(prefix),
      type: fc.constantFrom(...CONTRACT_TYPES),
      status: fc.constantFrom(...CONTRACT_STATUSES),
      ago: endedBefore,
    }),
    4,
  ).map((list) =>
    list.map(({ id, type, status, ago }) => ({
      id,
      type,
      status,
      endedAt: status === 'ended' ? iso(asOf - ago) : null,
    })),
  )

const proposals = uniqueBy(fc.record({ id: idOf('p'), status: fc.constantFrom(...PROPOSAL_STATUSES) }), 4)

const earnings = (asOf: number, prefix: string): fc.Arbitrary<EarningsJson> =>
  fc
    .record({
      currency,
      available: amount,
      pending: uniqueBy(fc.record({ id: idOf(prefix), amount, delta: availableIn }), 3),
    })
    .map(({ currency, available, pending }) => ({
      pending: pending.map((p) => ({
        id: p.id,
        amount: { amount: p.amount, currency },
        availableAt: iso(asOf + p.delta),
      })),
      available: { amount: available, currency },
    }))

/** Other people of a team: never the user; no second owner when the user owns it. */
const members = <R extends string>(userRole: R, roles: ReadonlyArray<R>) =>
  fc
    .uniqueArray(
      fc.record({ userId: fc.integer({ min: 1, max: 30 }).map((n) => `u-${n}`), role: fc.constantFrom(...roles) }),
      { selector: (m) => m.userId, maxLength: 4 },
    )
    .map((list) => (userRole === 'owner' ? list.filter((m) => m.role !== 'owner') : list))

const company = (asOf: number, role: CompanyRole) =>
  fc.record({
    id: idOf('co'),
    name: fc.constantFrom('Acme', 'Globex', 'Initech', ''),
    role: fc.constant(role),
    members: members(role, COMPANY_ROLES),
    contracts: contracts(asOf, 'cc'),
    jobs: uniqueBy(fc.record({ id: idOf('j'), status: fc.constantFrom(...JOB_STATUSES) }), 3),
    outstanding: fc.record({ amount, currency }),
  })

const agency = (asOf: number, role: AgencyRole) =>
  fc.record({
    id: idOf('ag'),
    name: fc.constantFrom('Studio', 'Works', ''),
    role: fc.constant(role),
    members: members(role, AGENCY_ROLES),
    contracts: contracts(asOf, 'ac'),
    proposals,
    earnings: earnings(asOf, 'ap'),
  })

const teams = <T extends { readonly id: string }>(make: (role: never) => fc.Arbitrary<T>, roles: ReadonlyArray<string>, min: number, max: number) =>
  roles.length === 0 || max === 0
    ? fc.constant<Array<T>>([])
    : fc
    .array(fc.constantFrom(...roles).chain((r) => make(r as never)), { minLength: min, maxLength: max })
    .map((list) => list.filter((t, i) => list.findIndex((u) => u.id === t.id) === i))
    .filter((list) => list.length >= min)

// -------------------------------------------------------------------------------------
// snapshots
// -------------------------------------------------------------------------------------

/**
 * The shape of the user's account, to aim generation at one closing path.
 *
 * @category model
 * @since 0.1.0
 */
export interface Shape {
  /** `true`: a freelancer profile; `false`: none; `undefined`: either. */
  readonly freelancer?: boolean
  /** The roles the user may hold in companies, and how many companies (min, max). */
  readonly companies?: { readonly roles: ReadonlyArray<CompanyRole>; readonly min: number; readonly max: number }
  /** The roles the user may hold in agencies, and how many agencies (min, max). */
  readonly agencies?: { readonly roles: ReadonlyArray<AgencyRole>; readonly min: number; readonly max: number }
}

/**
 * Shapes for each closing path and each situation of the seeds.
 *
 * @category shapes
 * @since 0.1.0
 */
export const SHAPES = {
  anything: {
    companies: { roles: COMPANY_ROLES, min: 0, max: 3 },
    agencies: { roles: AGENCY_ROLES, min: 0, max: 2 },
  },
  freelancerOnly: { freelancer: true, companies: { roles: [], min: 0, max: 0 }, agencies: { roles: [], min: 0, max: 0 } },
  clientOwner: { freelancer: false, companies: { roles: ['owner'], min: 1, max: 2 }, agencies: { roles: [], min: 0, max: 0 } },
  bothProfiles: { freelancer: true, companies: { roles: ['owner'], min: 1, max: 2 }, agencies: { roles: [], min: 0, max: 0 } },
  teamAdmin: {
    freelancer: false,
    companies: { roles: ['admin', 'manager'], min: 1, max: 3 },
    agencies: { roles: ['admin'], min: 0, max: 1 },
  },
  plainMember: {
    freelancer: false,
    companies: { roles: ['member', 'admin'], min: 1, max: 3 },
    agencies: { roles: ['member'], min: 0, max: 1 },
  },
  agencyOwner: { freelancer: true, companies: { roles: [], min: 0, max: 0 }, agencies: { roles: ['owner'], min: 1, max: 2 } },
  agencyAdmin: { freelancer: true, companies: { roles: [], min: 0, max: 0 }, agencies: { roles: ['admin'], min: 1, max: 2 } },
  agencyMember: { freelancer: true, companies: { roles: [], min: 0, max: 0 }, agencies: { roles: ['member'], min: 1, max: 2 } },
  nothing: { freelancer: false, companies: { roles: [], min: 0, max: 0 }, agencies: { roles: [], min: 0, max: 0 } },
} as const satisfies Record<string, Shape>

/**
 * Valid snapshots as JSON (the wire format), of a given shape (any shape by default).
 * Instants are written as `toISOString` writes them.
 *
 * @category snapshots
 * @since 0.1.0
 */
export const snapshotJson = (shape: Shape = SHAPES.anything): fc.Arbitrary<SnapshotJson> =>
  instantMs().chain((asOf) =>
    fc.record({
      asOf: fc.constant(iso(asOf)),
      user: fc.record({
        id: fc.constant('u-0'),
        securityQuestionSet: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
        standing: fc.oneof({ arbitrary: fc.constant('good' as const), weight: 6 }, { arbitrary: fc.constantFrom(...STANDINGS), weight: 1 }),
      }),
      freelancer: (shape.freelancer === undefined ? fc.boolean() : fc.constant(shape.freelancer)).chain((has) =>
        has
          ? fc.record({ contracts: contracts(asOf, 'c'), proposals, earnings: earnings(asOf, 'pay') })
          : fc.constant(null),
      ),
      companies: teams(
        (r: CompanyRole) => company(asOf, r),
        shape.companies?.roles ?? COMPANY_ROLES,
        shape.companies?.min ?? 0,
        shape.companies?.max ?? 3,
      ),
      agencies: teams(
        (r: AgencyRole) => agency(asOf, r),
        shape.agencies?.roles ?? AGENCY_ROLES,
        shape.agencies?.min ?? 0,
        shape.agencies?.max ?? 2,
      ),
      disputes: uniqueBy(fc.record({ id: idOf('d'), status: fc.constantFrom(...DISPUTE_STATUSES) }), 2),
      subscriptions: uniqueBy(
        fc.record({ id: idOf('s'), plan: fc.constantFrom('Freelancer Plus', 'Business'), status: fc.constantFrom(...SUBSCRIPTION_STATUSES) }),
        2,
      ),
      billingMethods: uniqueBy(fc.record({ id: idOf('bm'), kind: fc.constantFrom('card', 'paypal', 'bank') }), 2),
    }).map((s) =>
      // an agency belongs to a freelancer: without a profile, the user is at most an agency admin
      s.freelancer !== null ? s : { ...s, agencies: s.agencies.map((a) => (a.role === 'owner' ? { ...a, role: 'admin' as const } : a)) },
    ),
  )

/**
 * Snapshots of every shape in {@link SHAPES}, evenly.
 *
 * @category snapshots
 * @since 0.1.0
 */
export const anySnapshotJson = (): fc.Arbitrary<SnapshotJson> =>
  fc.oneof(...Object.values(SHAPES).map((shape) => snapshotJson(shape)))

/**
 * Decoded snapshots of a given shape (every shape by default).
 *
 * @category snapshots
 * @since 0.1.0
 */
export const snapshot = (shape?: Shape): fc.Arbitrary<AccountSnapshot> =>
  (shape === undefined ? anySnapshotJson() : snapshotJson(shape)).map((json) => {
    const decoded = decodeSnapshot(json)
    if (decoded._tag === 'Left') throw new Error(`account-closure/testing made an invalid snapshot: ${decoded.left[0]?.message}`)
    return decoded.right
  })

/**
 * A closing target for a snapshot: the account, one of its agencies, or (rarely) an agency it
 * does not have.
 *
 * @category snapshots
 * @since 0.1.0
 */
export const target = (s: AccountSnapshot): fc.Arbitrary<Target> =>
  fc.oneof(
    { arbitrary: fc.constant({ _tag: 'Account' } as const), weight: 3 },
    {
      arbitrary:
        s.agencies.length === 0
          ? fc.constant({ _tag: 'Account' } as const)
          : fc.constantFrom(...s.agencies.map((a) => ({ _tag: 'Agency', agencyId: a.id }) as const)),
      weight: 3,
    },
    { arbitrary: fc.constant({ _tag: 'Agency', agencyId: 'ag-unknown' } as const), weight: 1 },
  )

/**
 * A snapshot with a target for it (now and then an agency it does not have).
 *
 * @category snapshots
 * @since 0.1.0
 */
export const snapshotWithTarget = (shape?: Shape): fc.Arbitrary<readonly [AccountSnapshot, Target]> =>
  snapshot(shape).chain((s) => target(s).map((t) => [s, t] as const))
