/**
 * `check --tz`: instants in the report in a named zone, rounded toward "blocked" in its local time
 * (the rounding itself is tested on `formatIn`, in format.test.ts).
 */
import { spawnSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { exampleJson } from './fixtures.js'

describe('check --tz', () => {
  const check = (snapshot: unknown, zone: string) =>
    spawnSync(process.execPath, ['dist/cli.cjs', 'check', '--tz', zone], { input: JSON.stringify(snapshot), encoding: 'utf8' })
  /** A freelancer whose pending payments become available at the given instants. */
  const paymentsAt = (asOf: string, instants: ReadonlyArray<string>) => {
    const s = exampleJson('closable-freelancer') as {
      asOf: string
      freelancer: { contracts: Array<unknown>; earnings: { pending: Array<unknown> } }
    }
    s.asOf = asOf
    // (its ended contract would end after an asOf in 1950)
    s.freelancer.contracts = []
    s.freelancer.earnings.pending = instants.map((t, i) => ({ id: `pay-${i + 1}`, amount: { amount: 100, currency: 'USD' }, availableAt: t }))
    return s
  }
  it('Monrovia in 1950: a payment is never shown before it is available', () => {
    const r = check(paymentsAt('1950-05-31T10:00:00Z', ['1950-06-01T10:00:45Z']), 'Africa/Monrovia')
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('Wait until 1950-06-01 09:17 Africa/Monrovia')
    expect(r.stdout).toContain('As of 1950-05-31 09:15 Africa/Monrovia.')
  })
  it('Berlin when summer time ends: two waits an hour apart read apart', () => {
    const r = check(paymentsAt('2026-10-24T10:00:00Z', ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']), 'Europe/Berlin')
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('Wait until 2026-10-25 02:30 Europe/Berlin (UTC+02:00)')
    expect(r.stdout).toContain('Wait until 2026-10-25 02:30 Europe/Berlin (UTC+01:00)')
    expect(r.stdout).toContain('As of 2026-10-24 12:00 Europe/Berlin.')
  })
})
