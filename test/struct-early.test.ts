/**
 * When a struct writes its own fast decoder: after 256 objects, or at its next object once
 * `writeDecodersEarly` was called (as `batch` does); tried once either way, also where no
 * decoder can be written. (Its own file: the switch is for the whole process.)
 */
import { describe, expect, it, vi } from 'vitest'

const written = vi.hoisted(() => ({ calls: 0, refuse: false }))

vi.mock('../src/model/generate.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/model/generate.js')>()
  return {
    ...real,
    generate: (...args: Parameters<typeof real.generate>) => {
      written.calls++
      return written.refuse ? undefined : real.generate(...args)
    },
  }
})

const { decodeSnapshot } = await import('../src/model/decode.js')
const { IdD, struct, writeDecodersEarly } = await import('../src/model/struct.js')
const { answerWith } = await import('../src/cli/batch.js')

/** How many decoders were written while `f` ran. */
const writtenBy = (f: () => void): number => {
  const before = written.calls
  f()
  return written.calls - before
}

const snapshot = {
  asOf: '2026-11-18T10:00:00Z',
  user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
  freelancer: null,
  companies: [],
  agencies: [],
  disputes: [{ id: 'd-1', status: 'open' }],
  subscriptions: [],
  billingMethods: [],
}

describe('when a struct writes its own decoder', () => {
  // (one test: the switch is for the whole process, so the order of the steps matters)
  it('after 256 objects; at its next object once batch answers lines; tried once only', () => {
    const late = struct('Late', { id: IdD })
    const refused = struct('Refused', { id: IdD })
    expect(writtenBy(() => late.fast({ id: 'a' }))).toBe(0)
    expect(writtenBy(() => Array.from({ length: 254 }, () => late.fast({ id: 'a' })))).toBe(0)
    expect(writtenBy(() => late.fast({ id: 'a' }))).toBe(1)
    expect(writtenBy(() => late.fast({ id: 'a' }))).toBe(0)
    expect(writtenBy(() => refused.fast({ id: 'a' }))).toBe(0)
    // a snapshot decoded once writes none of its structs' decoders
    expect(writtenBy(() => expect(decodeSnapshot(snapshot)._tag).toBe('Right'))).toBe(0)

    // batch's answers: each struct's own decoder at its next object (the snapshot, its user, its dispute)
    answerWith({ agency: undefined, billingCycleEnd: 'week-end', maxLineBytes: 1 << 20, rules: undefined }, [])
    expect(writtenBy(() => expect(decodeSnapshot(snapshot)._tag).toBe('Right'))).toBe(3)
    expect(writtenBy(() => decodeSnapshot(snapshot))).toBe(0)
    const early = struct('Early', { id: IdD })
    expect(writtenBy(() => early.fast({ id: 'a' }))).toBe(1)
    expect(writtenBy(() => Array.from({ length: 300 }, () => early.fast({ id: 'a' })))).toBe(0)

    // where none can be written, the loop goes on with the same answers, and writing is not tried again
    written.refuse = true
    expect(writtenBy(() => refused.fast({ id: 'a' }))).toBe(1)
    expect(writtenBy(() => Array.from({ length: 300 }, () => refused.fast({ id: 'a' })))).toBe(0)
    expect(refused.fast({ id: 'b' })).toEqual({ id: 'b' })
    written.refuse = false
  })

  it('writeDecodersEarly may be called again (a second batch in one process)', () => {
    writeDecodersEarly()
    const again = struct('Again', { id: IdD })
    expect(writtenBy(() => again.fast({ id: 'a' }))).toBe(1)
  })
})
