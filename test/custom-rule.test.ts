/**
 * A custom rule with its own facts (examples/rules/fees-paid.ts), added to the default list: it
 * appears in canClose, in the plan (its steps, its wait in order) and in earliestAt, and removing
 * it gives the default answer (SPEC §6.11); its policy decodes its facts, refuses a snapshot its
 * codecs did not decode, and states them in both schemas; the same rule, compiled to JavaScript,
 * runs through `check --rules`.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import Ajv2020 from 'ajv/dist/2020.js'
import { build } from 'esbuild'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'

import { feesPaid } from '../examples/rules/fees-paid.js'
import { canClose, closureSteps, closureWith, decodeSnapshot, defaultRules, earliestClosableAt, toISOString, verdict } from '../src/index.js'
import type { AccountSnapshot } from '../src/index.js'
import { exampleJson, examplePath } from './fixtures.js'

type Json = Record<string, unknown>
const policy = closureWith([...defaultRules, feesPaid])
const decoded = (u: unknown): AccountSnapshot => {
  const d = policy.decodeSnapshot(u)
  if (E.isLeft(d)) throw new Error(d.left.map((e) => e.message).join('; '))
  return d.right
}
const plain = (u: unknown): AccountSnapshot => {
  const d = decodeSnapshot(u)
  if (E.isLeft(d)) throw new Error(d.left.map((e) => e.message).join('; '))
  return d.right
}
const tagsOf = (e: E.Either<ReadonlyArray<{ readonly _tag: string }>, unknown>): ReadonlyArray<string> => (E.isLeft(e) ? e.left.map((b) => b._tag) : [])

/** A company owner whom nothing but the fees block (the mid-week example, its work done). */
const ownerJson = (fees: unknown): Json => {
  const s = exampleJson('unpaid-fees') as Json & { companies: Array<Json> }
  const company = s.companies[0] as Json
  Object.assign(company, { members: [], contracts: [], jobs: [], outstanding: { amount: 0, currency: 'USD' } })
  return { ...s, extensions: { fees } }
}

describe('a custom rule with an extension, added to the default list (SPEC §6.11)', () => {
  const json = ownerJson({ 'co-1': [{ id: 'fee-7', amountDue: 1500 }] })
  const s = decoded(json)
  const asOf = s.asOf
  const settles = asOf + 3 * 24 * 3600 * 1000

  it('appears in canClose, in the plan with its wait after its payment, and in earliestAt', () => {
    expect(E.isRight(canClose(s))).toBe(true)
    expect(tagsOf(policy.canClose(s))).toEqual(['FeeUnpaid'])
    const plan = policy.closureSteps(s)
    const tags = plan.map((x) => x._tag)
    const pay = tags.indexOf('PayFee')
    const wait = plan.findIndex((x) => x._tag === 'WaitUntil' && 'at' in x && x.at === settles)
    const billing = tags.indexOf('RemoveBillingMethod')
    expect(pay).toBeGreaterThanOrEqual(0)
    expect(wait).toBeGreaterThan(pay)
    // its declared order: the fee is paid before the billing methods are removed
    expect(billing).toBeGreaterThan(pay)
    expect(policy.earliestClosableAt(s)).toEqual(O.some(settles))
    expect(earliestClosableAt(s)).toEqual(O.some(asOf))
    const v = policy.verdict(s)
    expect(v.earliestAt).toBe(toISOString(settles as never))
    expect(v.mayMoveBecause).toEqual(['A fee payment can take longer to settle.'])
    expect(v.checked).toContain('fees-paid')
  })
  it('with the default rules’ waits: its wait and theirs in time order, each after the step it follows', () => {
    const mid = decoded(exampleJson('unpaid-fees'))
    const plan = policy.closureSteps(mid)
    const waits = plan.flatMap((x) => (x._tag === 'WaitUntil' && 'at' in x ? [x.at] : []))
    expect(waits).toEqual([...waits].sort((a, b) => a - b))
    expect(waits).toContain(mid.asOf + 3 * 24 * 3600 * 1000)
    const tags = plan.map((x) => x._tag)
    expect(tags.indexOf('PayFee')).toBeLessThan(plan.findIndex((x) => x._tag === 'WaitUntil' && 'at' in x && x.at === mid.asOf + 3 * 24 * 3600 * 1000))
    expect(tagsOf(policy.canClose(mid))).toEqual([...tagsOf(canClose(mid)), 'FeeUnpaid'])
    // the default rules' own answer is kept: every default step is still there
    for (const t of closureSteps(mid).map((x) => x._tag)) expect(tags).toContain(t)
  })
  it('removing it gives the default answer, on the same decoded snapshot', () => {
    for (const x of [s, decoded(exampleJson('unpaid-fees'))]) {
      const without = closureWith(defaultRules)
      expect(without.verdict(x)).toEqual(verdict(x))
      expect(without.canClose(x)).toEqual(canClose(x))
      expect(without.closureSteps(x)).toEqual(closureSteps(x))
      expect(without.earliestClosableAt(x)).toEqual(earliestClosableAt(x))
    }
  })
  it('no fees: the default answer', () => {
    const none = decoded(ownerJson({}))
    const v = policy.verdict(none)
    // the same answer; only what was checked says that the rule ran (and passed)
    expect({ ...v, checked: [] }).toEqual({ ...verdict(none), checked: [] })
    expect(v.checked).toEqual([...verdict(none).checked, 'fees-paid'])
  })
})

describe('the policy decodes its own facts, and only those', () => {
  it('its decoders: the fees typed, errors at their paths', () => {
    const d = policy.decodeSnapshot(exampleJson('unpaid-fees'))
    expect(E.isRight(d) && d.right.extensions['fees']).toEqual({ 'co-1': [{ id: 'fee-7', amountDue: 1500 }] })
    const bad = ownerJson({ 'co-1': [{ id: 'fee-7', amountDue: 15.5 }] })
    const e = policy.decodeSnapshot(bad)
    expect(E.isLeft(e) && e.left.map((x) => x.path)).toEqual(['extensions.fees.co-1[0].amountDue'])
    const t = policy.decodeSnapshotText(JSON.stringify(bad))
    expect(E.isLeft(t) && t.left.map((x) => x.path)).toEqual(['extensions.fees.co-1[0].amountDue'])
    // the plain decoder keeps the same value as plain data; this policy refuses a snapshot without the fees
    expect(E.isRight(decodeSnapshot(bad))).toBe(true)
    const missing = policy.decodeSnapshot({ ...ownerJson({}), extensions: {} })
    expect(E.isLeft(missing) && missing.left.map((x) => x.path)).toEqual(['extensions.fees'])
  })
  it('its other functions refuse a snapshot its codecs did not decode, saying how to decode it', () => {
    const s = plain(exampleJson('unpaid-fees'))
    for (const f of [policy.canClose, policy.closureSteps, policy.earliestClosableAt, policy.alternatives, policy.verdict])
      expect(() => f(s)).toThrow(/this policy's decodeSnapshot/)
    expect(() => policy.canClose(JSON.parse('{}') as AccountSnapshot)).toThrow(TypeError)
    // a policy with the same codecs accepts it; a policy without extensions accepts any decoded snapshot
    const other = closureWith([feesPaid])
    const s2 = decoded(exampleJson('unpaid-fees'))
    expect(tagsOf(other.canClose(s2))).toEqual(['FeeUnpaid'])
    expect(E.isLeft(closureWith(defaultRules).canClose(s))).toBe(true)
  })
  it('its Standard Schema validates as its decoder does', async () => {
    const std = policy.snapshotSchema['~standard']
    const ok = await std.validate(exampleJson('unpaid-fees'))
    expect('value' in ok && ok.value !== undefined).toBe(true)
    const bad = await std.validate(ownerJson({ 'co-1': [{ id: 7, amountDue: 1 }] }))
    expect('issues' in bad && bad.issues?.map((i) => i.path)).toEqual([['extensions', 'fees', 'co-1', 0, 'id']])
  })
  it('its JSON Schema (draft 2020-12) states the fees, derived from the codec, and accepts the example', () => {
    const schema = policy.jsonSchema
    expect(policy.jsonSchema).toBe(schema)
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    const validate = ajv.compile(schema)
    expect(validate(exampleJson('unpaid-fees')), JSON.stringify(validate.errors)).toBe(true)
    expect(validate(ownerJson({ 'co-1': [{ id: 'fee-7', amountDue: 15.5 }] }))).toBe(false)
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/extensions/fees/co-1/0/amountDue')
    expect(validate(ownerJson({ 'co-1': [{ id: 'fee-7' }] }))).toBe(false)
  })
})

describe('the same rule through check --rules', () => {
  const dist = pathToFileURL(resolve('dist/index.js')).href
  const compiled = async (): Promise<string> => {
    // compiled as an app would (esbuild), io-ts bundled in, the package imported by its file (its own copy)
    const out = await build({ entryPoints: ['examples/rules/fees-paid.ts'], bundle: true, format: 'esm', platform: 'node', external: ['account-closure'], write: false })
    const text = (out.outputFiles[0]?.text ?? '').replaceAll('"account-closure"', JSON.stringify(dist))
    const file = join(mkdtempSync(join(tmpdir(), 'account-closure-fees-')), 'fees-paid.mjs')
    writeFileSync(file, text)
    return file
  }
  const cli = (args: ReadonlyArray<string>, input = '') => {
    const r = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { input, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }

  it('answers as the library does, and refuses fees its codec refuses', async () => {
    const module = await compiled()
    const r = cli(['check', '--json', examplePath('unpaid-fees'), '--rules', module])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(policy.verdict(decoded(exampleJson('unpaid-fees'))))))
    const bad = cli(['check', '-', '--rules', module], JSON.stringify(ownerJson({ 'co-1': [{ id: 'fee-7', amountDue: '15' }] })))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('extensions.fees.co-1[0].amountDue')
  })
})
