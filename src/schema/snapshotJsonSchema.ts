/**
 * The published snapshot schema (schema/snapshot.json), derived from the snapshot's decoders when
 * a policy's `jsonSchema` is first read: the structure (objects, required fields, lists, value
 * sets, nullables) from the decoders' shapes, the words from the table below. A bundle carries
 * the table and the walk, not the schema's JSON; test/extensions.test.ts checks that the result is
 * the published file.
 *
 * @internal
 */
import { AccountSnapshotD } from '../model/codecs.js'
import { AsOfD, InstantD } from '../model/Instant.js'
import { ExtensionsD } from '../model/json.js'
import { CurrencyD, MinorUnitsD } from '../model/Money.js'
import { BooleanD, IdD, StringD } from '../model/struct.js'
import type { AnyDecoder } from '../model/struct.js'

type Schema = { [key: string]: unknown }

/** The descriptions: of the snapshot (''), of its fields, of each definition and of its fields. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  '': 'Everything account-closure needs to know about one user at one instant (asOf), to say whether the account (or one agency) can be closed. Every field is required: an empty list is written [], no freelancer profile is null; fields not named here are ignored. Amounts are written as integer literals (no fraction, no exponent). Rules JSON Schema cannot state, which decodeSnapshot also checks: ids are unique within each list (members by userId); an ended contract has an endedAt, a contract that has not ended has endedAt null, and no endedAt is after asOf; the amounts of one earnings object share one currency; when the user owns a company or agency, no member of it is an owner; the user owns an agency only with a freelancer profile; the user is never among a team\'s members; instants name real calendar dates and lie in 0001-01-01T00:00:00Z ≤ t < 9999-01-01T00:00:00Z; no object repeats a key. See docs/snapshot.md.',
  asOf: 'The instant the facts hold at; every time rule is evaluated at it.',
  freelancer: 'The user\'s freelancer work, or null without a freelancer profile.',
  companies: 'Every client company the user belongs to, in any role.',
  agencies: 'Every agency the user belongs to, in any role.',
  extensions: 'An app\'s own facts, by key (each value is JSON of the app\'s own shape), read only by the app\'s own rules, each under a key that a rule declares (a policy\'s schema states each declared key\'s shape). Optional: absent is {}.',
  Instant: 'An ISO-8601 instant with Z or a UTC offset within ±23:59 (+01:00 or +0100); seconds and any number of fraction digits optional; months 01–12, days 01–31, hours 00–23, minutes and seconds 00–59. What this pattern cannot state: the date must be real (no 30 February, no 31 April), and the instant, in UTC, must lie in 0001-01-01T00:00:00Z ≤ t < 9999-01-01T00:00:00Z.',
  Id: 'A non-empty identifier.',
  Money: 'An amount in minor units (cents) and its currency.',
  'Money.amount': 'A non-negative whole number of minor units.',
  'Money.currency': 'Three capital letters, such as USD.',
  User: 'The user closing.',
  Contract: 'A contract; endedAt is its end once it has ended, otherwise null.',
  Proposal: 'A proposal, or an offer (status offer).',
  PendingPayment: 'A payment on its way, available at availableAt.',
  Earnings: 'Money earned: pending payments, and the amount available to withdraw now.',
  FreelancerProfile: 'The user\'s freelancer work.',
  CompanyMember: 'Another person in a client company.',
  AgencyMember: 'Another person in an agency.',
  Job: 'A job post of a company.',
  Company: 'A client company the user belongs to; members are the other people in it.',
  Agency: 'An agency the user belongs to; members are the other people in it.',
  Dispute: 'A dispute the user is party to.',
  Subscription: 'A paid plan.',
  BillingMethod: 'A saved way to pay.',
}

/** The schemas of the leaves that are not a definition of their own. */
const LEAVES: ReadonlyMap<AnyDecoder, Schema> = new Map<AnyDecoder, Schema>([
  [StringD, { type: 'string' }],
  [BooleanD, { type: 'boolean' }],
  [MinorUnitsD, { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }],
  [CurrencyD, { type: 'string', pattern: '^[A-Z]{3}$' }],
  [ExtensionsD, { type: 'object' }],
])

/** A schema with the description of `key`, if it has one. */
const described = (key: string, schema: Schema): Schema => {
  const description = DESCRIPTIONS[key]
  // (in the published file's order of keys: after the type, or before the alternatives)
  if (description === undefined) return schema
  if (schema['anyOf'] !== undefined) return { description, ...schema }
  const { type, ...rest } = schema
  return type === 'object' ? { type, description, ...rest } : { ...schema, description }
}

/**
 * The published snapshot schema, a fresh object each time; given `extensions`, the schema of the
 * `extensions` field is what it makes from the published one (`plain`), with `of`: the schema of
 * one of this library's decoders (a reference to its definition, added to `$defs` when new).
 *
 * @internal
 */
export const snapshotJsonSchema = (extensions?: (of: (d: AnyDecoder) => Schema, plain: Schema) => Schema): Schema => {
  const $defs: Record<string, Schema> = {}
  const ref = (name: string, make: () => Schema): Schema => {
    if ($defs[name] === undefined) $defs[name] = described(name, make())
    return { $ref: `#/$defs/${name}` }
  }
  const fields = (keys: ReadonlyArray<string>, items: ReadonlyArray<AnyDecoder>, prefix: string): Schema => {
    const properties: Schema = {}
    keys.forEach((k, i) => {
      properties[k] = described(prefix + k, of(items[i] as AnyDecoder))
    })
    return properties
  }
  const of = (d: AnyDecoder): Schema => {
    const s = d.shape
    switch (s.kind) {
      case 'list':
        return { type: 'array', items: of(s.item) }
      case 'nullable':
        return { anyOf: [of(s.inner), { type: 'null' }] }
      case 'struct':
        return ref(s.title, () => ({ type: 'object', properties: fields(s.keys, s.items, `${s.title}.`), required: [...s.keys] }))
      case 'leaf':
        if (s.values !== undefined) return { enum: [...s.values] }
        if (d === InstantD || d === AsOfD)
          return ref('Instant', () => ({
            type: 'string',
            pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?(Z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])$',
          }))
        if (d === IdD) return ref('Id', () => ({ type: 'string', minLength: 1 }))
        return LEAVES.get(d) ?? {}
    }
  }
  const top = AccountSnapshotD.shape as Extract<AnyDecoder['shape'], { readonly kind: 'struct' }>
  const properties = fields(top.keys, top.items, '')
  if (extensions !== undefined) properties['extensions'] = extensions(of, properties['extensions'] as Schema)
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://account-closure.dev/schema/snapshot.json',
    title: 'Account snapshot',
    description: DESCRIPTIONS[''],
    type: 'object',
    // (extensions is optional)
    required: top.keys.filter((k) => k !== 'extensions'),
    properties,
    // (the definitions in the order of the table, as the published file has them; then any other an extension used)
    $defs: Object.fromEntries([...new Set([...Object.keys(DESCRIPTIONS), ...Object.keys($defs)])].flatMap((k) => ($defs[k] === undefined ? [] : [[k, $defs[k]]]))),
  }
}
