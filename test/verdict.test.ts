import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'

import { agencyTarget, closureWith, defaultRules, defineBlocker, defineRule, en, formatIn, verdict } from '../src/index.js'
import { briefWith } from '../src/closure/closureWith.js'
import type { Catalogue, Instant } from '../src/index.js'
import { snapshotWithTarget } from './arbitraries.js'
import { example, redecode } from './fixtures.js'

describe('verdict', () => {
  it('has the JSON shape of the contract, instants as toISOString writes them', () => {
    const v = verdict(example('busy-freelancer'))
    expect(Object.keys(v)).toEqual([
      'target',
      'path',
      'closable',
      'blockers',
      'earliestAt',
      'earliestAtMayMove',
      'mayMoveBecause',
      'steps',
      'consequences',
      'alternatives',
      'checked',
      'asOf',
    ])
    expect(v.mayMoveBecause).toEqual(['Ending a contract can bring a payment to wait for.'])
    // every rule of the path ran, and none was hidden by a gate: all are reported whole
    expect(v.checked).toEqual(defaultRules.filter((r) => r.paths.includes('CloseAccount')).map((r) => r.id))
    expect(v.asOf).toBe('2026-11-18T10:00:00.000Z')
    expect(v.earliestAtMayMove).toBe(true)
    expect(v.target).toEqual({ _tag: 'Account' })
    expect(v.path).toBe('CloseAccount')
    expect(v.closable).toBe(false)
    expect(v.earliestAt).toBe('2026-11-25T00:00:00.000Z')
    expect(v.blockers[1]).toEqual({
      _tag: 'ContractOpen',
      rule: 'contracts-ended',
      scope: { _tag: 'Freelancer' },
      subject: 'c-1',
      contractId: 'c-1',
      contractType: 'hourly',
      status: 'active',
      message: 'Contract c-1 (hourly) of your freelancer work is still active.',
    })
    expect(v.blockers.find((b) => b._tag === 'PaymentPending')).toMatchObject({
      availableAt: '2026-11-25T00:00:00.000Z',
      amount: { amount: 12050, currency: 'USD' },
    })
    expect(v.steps.find((s) => s._tag === 'WaitUntil')).toMatchObject({ kind: 'wait', at: '2026-11-25T00:00:00.000Z', resolves: ['payments-received'] })
    expect(v.consequences).toEqual([
      {
        _tag: 'AccountClosedPermanently',
        message:
          'The account is closed for good: it cannot be reopened, and its profile, work history, feedback, ongoing contracts and proposals are lost.',
      },
    ])
  })

  it('closable: earliestAt is asOf', () => {
    const v = verdict(example('closable-freelancer'))
    expect(v.closable).toBe(true)
    expect(v.earliestAt).toBe('2026-11-18T10:00:00.000Z')
  })

  it('someone else must act: earliestAt is null', () => {
    expect(verdict(example('plain-member')).earliestAt).toBeNull()
  })

  it('an unknown agency: only UnknownTarget, no steps, no consequences, no alternatives', () => {
    const v = verdict(example('agency-owner'), agencyTarget('nope'))
    expect(v.blockers.map((b) => b._tag)).toEqual(['UnknownTarget'])
    expect(v.steps).toEqual([])
    expect(v.consequences).toEqual([])
    expect(v.alternatives).toEqual([])
    expect(v.earliestAt).toBeNull()
    expect(closureWith(defaultRules).alternatives(example('agency-owner'), agencyTarget('nope'))).toEqual([])
  })

  it('the earliest instant may move while a contract is to end or a dispute to resolve', () => {
    const closable = example('closable-freelancer')
    expect(verdict(closable).earliestAtMayMove).toBe(false)
    expect(verdict(redecode({ ...closable, disputes: [{ id: 'd-1', status: 'open' }] })).earliestAtMayMove).toBe(true)
    const [c] = example('busy-freelancer').freelancer?.contracts ?? []
    if (c === undefined || closable.freelancer === null) throw new Error('no contract')
    expect(verdict(redecode({ ...closable, freelancer: { ...closable.freelancer, contracts: [c] } })).earliestAtMayMove).toBe(true)
  })

  it("a rule's instant fields are written as instants when they hold one, and left out when they do not", () => {
    const lateBlocker = defineBlocker({ tag: 'Late', rule: 'late', words: (_: { readonly dueAt?: Instant }) => 'Late.' })
    const late = defineRule({
      id: 'late',
      paths: ['CloseAccount'],
      clearable: false,
      instants: ['dueAt'],
      blockers: [lateBlocker],
      check: (f) => [lateBlocker({ dueAt: f.asOf }), lateBlocker({})],
      clear: () => [],
    })
    const v = closureWith([late]).verdict(example('closable-freelancer'))
    expect(v.blockers).toEqual([
      { _tag: 'Late', rule: 'late', dueAt: '2026-11-18T10:00:00.000Z', message: 'Late.' },
      { _tag: 'Late', rule: 'late', message: 'Late.' },
    ])
  })

  it('messages carry the facts: ids, money with currency, instants in UTC', () => {
    const messages = verdict(example('everything')).blockers.map((b) => b.message)
    expect(messages).toContain('Payment apay-1 of EUR 800.00 to Studio is pending until 2026-11-20 12:00 UTC.')
    expect(messages).toContain('Acme has USD 350.00 of billing outstanding.')
    expect(messages).toContain('Hourly contract c-9 of Acme is in its last billing cycle until 2026-11-23 00:00 UTC.')
  })

  it('an app can replace the catalogue, whole or in part', () => {
    const mine: Catalogue = { ...en, SecurityQuestionMissing: () => 'Bitte Sicherheitsfrage setzen.' }
    const v = verdict(example('busy-freelancer'), undefined, { catalogue: mine })
    expect(v.blockers[0]?.message).toBe('Bitte Sicherheitsfrage setzen.')
    expect(v.blockers[1]?.message).toBe(
      en.ContractOpen(
        { _tag: 'ContractOpen', rule: 'contracts-ended', scope: { _tag: 'Freelancer' }, subject: 'c-1', contractId: 'c-1', contractType: 'hourly', status: 'active' },
        formatIn(),
      ),
    )
  })

  test.prop([snapshotWithTarget(), fc.constantFrom('week-end' as const, 'client-invoice' as const)])(
    'survives JSON: every message is non-empty text, and JSON.parse(JSON.stringify(v)) equals v',
    ([s, t], p) => {
      const v = verdict(s, t, { billingCycleEnd: p })
      expect(JSON.parse(JSON.stringify(v))).toEqual(v)
      for (const x of [...v.blockers, ...v.steps, ...v.consequences, ...v.alternatives]) expect(x.message.length).toBeGreaterThan(5)
      expect(v.closable).toBe(v.blockers.length === 0)
    },
  )
})

describe('the brief answer of batch', () => {
  test.prop([snapshotWithTarget(), fc.constantFrom('week-end' as const, 'client-invoice' as const)])(
    'gives the verdict’s path, blockers and earliestAt without ordering the plan',
    ([s, t], p) => {
      const brief = briefWith(defaultRules)(s, t, { billingCycleEnd: p })
      const v = verdict(s, t, { billingCycleEnd: p })
      expect(brief.path).toBe(v.path)
      expect(brief.blockers.map((b) => b._tag)).toEqual(v.blockers.map((b) => b._tag))
      expect(brief.earliest._tag === 'Some' ? new Date(brief.earliest.value).toISOString() : null).toBe(v.earliestAt)
    },
  )
})
