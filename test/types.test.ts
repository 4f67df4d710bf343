/**
 * Type tests: run by `tsc --noEmit` as part of `npm test`. Each `@ts-expect-error` must stay an
 * error; if it ever compiles, the type check fails.
 */
import { describe, expect, it } from 'vitest'

import { en, matchBlocker, matchStep } from '../src/index.js'
import type { Blocker, Catalogue, ContractOpen, Messages, Step } from '../src/index.js'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Expect<T extends true> = T

describe('types', () => {
  it('a catalogue that misses a tag does not compile', () => {
    const { ContractOpen: _dropped, ...rest } = en.blockers
    // @ts-expect-error ContractOpen is missing
    const broken: Messages<Blocker> = rest
    expect(Object.keys(broken)).not.toContain('ContractOpen')
    // @ts-expect-error a catalogue needs all its parts
    const partial: Catalogue = { blockers: en.blockers, steps: en.steps }
    expect(partial).toBeDefined()
  })

  it('a non-exhaustive match does not compile', () => {
    // @ts-expect-error only one handler of fifteen
    const m = matchBlocker<string>({ SecurityQuestionMissing: () => 'x' })
    expect(m({ _tag: 'SecurityQuestionMissing', rule: 'security-question' })).toBe('x')
    // what the compiler prevents: a tag without its handler fails at run time
    expect(() => m({ _tag: 'DisputeUnresolved', rule: 'disputes-resolved', subject: 'd', disputeId: 'd' })).toThrow(TypeError)
    // @ts-expect-error only one handler of many
    const n = matchStep<string>({ Confirm: () => 'x' })
    expect(n({ _tag: 'Confirm', kind: 'procedure', resolves: [] })).toBe('x')
    expect(() => n({ _tag: 'VerifyEmail', kind: 'procedure', resolves: [] })).toThrow(TypeError)
  })

  it('a blocker without its fields does not compile', () => {
    // @ts-expect-error contractType and status are missing
    const b: ContractOpen = { _tag: 'ContractOpen', rule: 'contracts-ended', scope: { _tag: 'Freelancer' }, contractId: 'c-1' }
    expect(b._tag).toBe('ContractOpen')
  })

  it('a handler sees the narrowed variant', () => {
    const text = matchStep<string>({
      ...Object.fromEntries(Object.keys(en.steps).map((k) => [k, () => k])),
      WaitUntil: (s) => {
        const narrowed: Expect<Equal<typeof s._tag, 'WaitUntil'>> = true
        return `${narrowed} ${s.at}`
      },
    } as Parameters<typeof matchStep<string>>[0])
    const step: Step = { _tag: 'Confirm', kind: 'procedure', resolves: [] }
    expect(text(step)).toBe('Confirm')
  })
})
