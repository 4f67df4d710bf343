/**
 * The shared arbitraries reach what the laws are about: every path, every blocker, every value
 * set, closable and blocked snapshots, plans with waits. (A property over a generator that never
 * reaches the interesting cases proves nothing.)
 */
import { describe, expect, it } from 'vitest'
import { fc } from '@fast-check/vitest'
import * as O from 'fp-ts/lib/Option.js'

import { canClose, closureSteps, earliestClosableAt, pathOf, RULE_IDS } from '../src/index.js'
import { anySnapshotJson, snapshotWithTarget } from './arbitraries.js'
import { lefts } from './fixtures.js'

const SAMPLES = 1500

describe('account-closure/testing arbitraries', () => {
  const samples = fc.sample(snapshotWithTarget(), { numRuns: SAMPLES, seed: 7 })

  it('reach every path', () => {
    expect(new Set(samples.map(([s, t]) => pathOf(s, t)))).toEqual(new Set(['CloseAccount', 'LeaveTeams', 'CloseAgency']))
  })

  it('reach every rule', () => {
    const rules = new Set(samples.flatMap(([s, t]) => lefts(canClose(s, t)).map((b) => b.rule)))
    expect([...rules].sort()).toEqual([...RULE_IDS].sort())
  })

  it('reach closable and blocked snapshots, and plans with waits that can be followed', () => {
    const closable = samples.filter(([s, t]) => lefts(canClose(s, t)).length === 0).length
    const waiting = samples.filter(([s, t]) => O.isSome(earliestClosableAt(s, t)) && closureSteps(s, t).some((x) => x.kind === 'wait')).length
    const twoWaits = samples.filter(([s, t]) => closureSteps(s, t).filter((x) => x.kind === 'wait').length >= 2).length
    expect(closable).toBeGreaterThan(SAMPLES / 20)
    expect(waiting).toBeGreaterThan(SAMPLES / 10)
    expect(twoWaits).toBeGreaterThan(SAMPLES / 50)
  })

  it('reach every value of every value set', () => {
    const json = JSON.stringify(fc.sample(anySnapshotJson(), { numRuns: 300, seed: 11 }))
    for (const v of ['on_hold', 'suspended', 'manager', 'hourly', 'fixed', 'pending', 'paused', 'ended', 'submitted', 'offer', 'withdrawn', 'declined', 'archived', 'open', 'closed', 'resolved', 'cancelled'])
      expect(json, v).toContain(`"${v}"`)
  })
})
