/**
 * The shipped JSON Schemas agree with the code: every snapshot that decodes is valid, every
 * snapshot the schema refuses is refused by the decoder, and every verdict written is valid.
 * And the decoder as a Standard Schema, used as a consumer would.
 */
import { readFileSync } from 'node:fs'

import type { StandardSchemaV1 } from '@standard-schema/spec'
import { fc, test } from '@fast-check/vitest'
import Ajv2020 from 'ajv/dist/2020.js'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

import { decodeSnapshot, parseInstant, snapshotSchema, verdict } from '../src/index.js'
import type { AccountSnapshot } from '../src/index.js'
import { anySnapshotJson, brokenSnapshot, snapshotWithTarget } from './arbitraries.js'
import { exampleJson } from './fixtures.js'

const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`schema/${name}.json`, 'utf8')) as Record<string, unknown>
const ajv = new Ajv2020({ allErrors: true, strict: true })
const snapshotValid = ajv.compile(load('snapshot'))
const verdictValid = ajv.compile(load('verdict'))

const EXAMPLES = ['agency-admin', 'agency-owner', 'busy-freelancer', 'client-owner-mid-week', 'closable-freelancer', 'everything', 'no-profile', 'plain-member', 'suspended', 'team-admin']

describe('schema/snapshot.json', () => {
  it('is draft 2020-12 with an $id, and names the rules it cannot state', () => {
    const s = load('snapshot')
    expect(s['$schema']).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(typeof s['$id']).toBe('string')
    const description = String(s['description'])
    for (const rule of ['unique', 'endedAt', 'currency', 'owner', 'freelancer profile', '0001-01-01', 'repeats a key'])
      expect(description).toContain(rule)
  })
  it('accepts every example snapshot, and refuses the invalid one as the decoder does', () => {
    for (const name of EXAMPLES) expect(snapshotValid(exampleJson(name)), name).toBe(true)
    expect(snapshotValid(exampleJson('invalid'))).toBe(false)
  })
  test.prop([anySnapshotJson()])('every snapshot that decodes is valid against the schema', (s) => {
    expect(E.isRight(decodeSnapshot(s))).toBe(true)
    expect(snapshotValid(s)).toBe(true)
  })
  test.prop([fc.oneof(brokenSnapshot().map((b) => b.json), fc.jsonValue(), anySnapshotJson())])(
    'every value the schema refuses is refused by the decoder',
    (u) => {
      if (!snapshotValid(u)) expect(E.isLeft(decodeSnapshot(u))).toBe(true)
      if (E.isRight(decodeSnapshot(u))) expect(snapshotValid(u)).toBe(true)
    },
  )
})

describe('schema/verdict.json', () => {
  it('is draft 2020-12 with an $id', () => {
    expect(load('verdict')['$schema']).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(typeof load('verdict')['$id']).toBe('string')
  })
  test.prop([snapshotWithTarget(), fc.constantFrom('week-end' as const, 'client-invoice' as const)])(
    'every verdict the library writes, for every target, is valid',
    ([s, t], p) => {
      const v = JSON.parse(JSON.stringify(verdict(s, t, { billingCycleEnd: p }))) as unknown
      const ok = verdictValid(v)
      expect(ok, JSON.stringify(verdictValid.errors)).toBe(true)
    },
  )
  it('refuses a verdict without its fields', () => {
    expect(verdictValid({ closable: true })).toBe(false)
  })
})

describe('snapshotSchema, as a Standard Schema consumer uses it', () => {
  // what a form or router library does with any Standard Schema
  const parse = <S extends StandardSchemaV1>(schema: S, value: unknown): StandardSchemaV1.Result<StandardSchemaV1.InferOutput<S>> => {
    const result = schema['~standard'].validate(value)
    if (result instanceof Promise) throw new Error('expected a synchronous validator')
    return result
  }
  it('is version 1, with a vendor', () => {
    const s: StandardSchemaV1<unknown, AccountSnapshot> = snapshotSchema
    expect(s['~standard'].version).toBe(1)
    expect(s['~standard'].vendor).toBe('account-closure')
  })
  it('returns the decoded snapshot as value', () => {
    const r = parse(snapshotSchema, exampleJson('busy-freelancer'))
    expect(r.issues).toBeUndefined()
    const d = decodeSnapshot(exampleJson('busy-freelancer'))
    if (r.issues === undefined && E.isRight(d)) expect(r.value).toEqual(d.right)
  })
  test.prop([brokenSnapshot()])('returns issues whose messages and paths are the decoder’s errors', (b) => {
    const r = parse(snapshotSchema, b.json)
    const d = decodeSnapshot(b.json)
    expect(E.isLeft(d)).toBe(true)
    if (E.isLeft(d) && r.issues !== undefined) {
      expect(r.issues.map((i) => i.message)).toEqual(d.left.map((e) => e.message))
      const rendered = r.issues.map((i) =>
        (i.path ?? []).reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc === '' ? String(k) : `${acc}.${String(k)}`), ''),
      )
      expect(rendered).toEqual(d.left.map((e) => e.path))
    } else expect(r.issues).toBeDefined()
  })
})

describe('the schema and the decoder agree on the syntax of an instant', () => {
  const defs = load('snapshot')['$defs'] as Record<string, { pattern: string }>
  const instantValid = new Ajv2020({ strict: true }).compile({ type: 'string', pattern: defs['Instant']?.pattern })
  const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`))
  /** Strings shaped like instants, each field sometimes out of its range or of the wrong length. */
  const instantLike = fc
    .record({
      year: fc.oneof({ arbitrary: digits(4, 4), weight: 8 }, { arbitrary: digits(3, 5), weight: 1 }),
      month: fc.oneof({ arbitrary: two(19), weight: 8 }, { arbitrary: digits(1, 3), weight: 1 }),
      day: fc.oneof({ arbitrary: two(39), weight: 8 }, { arbitrary: digits(1, 3), weight: 1 }),
      t: fc.constantFrom('T', 'T', 'T', 't', ' '),
      hour: fc.oneof({ arbitrary: two(29), weight: 8 }, { arbitrary: digits(1, 3), weight: 1 }),
      minute: fc.oneof({ arbitrary: two(69), weight: 8 }, { arbitrary: digits(1, 3), weight: 1 }),
      second: fc.option(fc.oneof({ arbitrary: two(69), weight: 8 }, { arbitrary: digits(1, 3), weight: 1 })),
      fraction: fc.option(digits(0, 12)),
      zone: fc.oneof(
        fc.constantFrom('Z', 'Z', 'z', '', '+', 'Z '),
        fc.record({ sign: fc.constantFrom('+', '-', '−'), h: fc.oneof(two(29), two(99), digits(1, 3)), colon: fc.constantFrom(':', '', ':', '.'), m: fc.oneof(two(69), two(99), digits(1, 3)) }).map(
          (z) => `${z.sign}${z.h}${z.colon}${z.m}`,
        ),
      ),
    })
    .map(
      (p) =>
        `${p.year}-${p.month}-${p.day}${p.t}${p.hour}:${p.minute}${p.second === null ? '' : `:${p.second}`}${p.second === null || p.fraction === null ? '' : `.${p.fraction}`}${p.zone}`,
    )
  /** The same text on a date that is real and far from the range's ends: what is left to refuse is syntax. */
  const onSafeDate = (s: string): string => `2000-01-01${s.slice(10)}`
  test.prop([fc.oneof({ arbitrary: instantLike, weight: 9 }, { arbitrary: fc.string(), weight: 1 })], { numRuns: 2000 })(
    'what the decoder refuses for its syntax the pattern refuses, and what it accepts the pattern accepts',
    (s) => {
      if (parseInstant(s) !== undefined) expect(instantValid(s), s).toBe(true)
      // a string the pattern accepts is refused only for its date (the calendar, or the range)
      if (instantValid(s) && parseInstant(s) === undefined) expect(parseInstant(onSafeDate(s)), s).not.toBeUndefined()
      if (!instantValid(s)) expect(parseInstant(s), s).toBeUndefined()
    },
  )
  it('the reported offsets and fields out of range are refused by both', () => {
    for (const s of ['2026-11-18T10:00:00+24:00', '2026-11-18T10:00:00+23:60', '2026-11-18T10:00:00+99:99', '2026-11-18T24:00:00Z', '2026-11-18T10:60:00Z', '2026-11-18T10:00:60Z', '2026-13-18T10:00:00Z', '2026-11-32T10:00:00Z', '2026-11-00T10:00:00Z']) {
      expect(instantValid(s), s).toBe(false)
      expect(parseInstant(s), s).toBeUndefined()
    }
    for (const s of ['2026-11-18T10:00:00+23:59', '2026-11-18T10:00-2359', '2026-11-18T10:00:00.123456789Z']) {
      expect(instantValid(s), s).toBe(true)
      expect(parseInstant(s), s).not.toBeUndefined()
    }
  })
})
