/**
 * Type tests: run by `tsc --noEmit` as part of `npm test`. Each `@ts-expect-error` must stay an
 * error; if it ever compiles, the type check fails.
 */
import { describe, expect, it } from 'vitest'

import { defaultRules, defineBlocker, defineRule, defineStep, en } from '../src/index.js'
import type { BlockerOf, CatalogueFor, ContractOpen, StepOf } from '../src/index.js'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Expect<T extends true> = T

const feeUnpaid = defineBlocker({ tag: 'FeeUnpaid', rule: 'fees-paid', words: (b: { readonly subject: string }) => `Fee ${b.subject} is unpaid.` })
const payFee = defineStep({ tag: 'PayFee', kind: 'remedy', rule: 'fees-paid', words: (s: { readonly subject: string }) => `Pay fee ${s.subject}.` })

describe('types', () => {
  it('a catalogue that misses a tag does not compile', () => {
    const { ContractOpen: _dropped, ...rest } = en
    // @ts-expect-error ContractOpen is missing
    const broken: CatalogueFor<(typeof defaultRules)[number]> = rest
    expect(Object.keys(broken)).not.toContain('ContractOpen')
  })

  it('a tag without words does not compile: check and clear give only tags the rule defines', () => {
    const ok = defineRule({
      id: 'fees-paid',
      paths: ['CloseAccount'],
      blockers: [feeUnpaid],
      steps: [payFee],
      check: () => [feeUnpaid({ subject: 'f-1' })],
      clear: (b) => [payFee({ subject: b.subject })],
    })
    // the types follow from the definitions, without type parameters
    const blocker: Expect<Equal<BlockerOf<typeof ok>['_tag'], 'FeeUnpaid'>> = true
    const step: Expect<Equal<Exclude<StepOf<typeof ok>['_tag'], 'WaitUntil'>, 'PayFee'>> = true
    expect([blocker, step]).toEqual([true, true])
    const wordless = defineRule({
      id: 'fees-paid',
      paths: ['CloseAccount'],
      blockers: [feeUnpaid],
      // @ts-expect-error FeeLate has no definition (no words)
      check: () => [{ _tag: 'FeeLate', rule: 'fees-paid' }],
      // @ts-expect-error PayLater has no definition (no words)
      clear: () => [{ _tag: 'PayLater', kind: 'remedy', resolves: ['fees-paid'] }],
    })
    expect(wordless.id).toBe('fees-paid')
  })

  it('a definition without words does not compile', () => {
    // @ts-expect-error words are required
    expect(() => defineBlocker({ tag: 'NoWords', rule: 'x' })).toThrow(TypeError)
  })

  it('a blocker without its fields does not compile', () => {
    // @ts-expect-error contractType and status are missing
    const b: ContractOpen = { _tag: 'ContractOpen', rule: 'contracts-ended', scope: { _tag: 'Freelancer' }, contractId: 'c-1' }
    expect(b._tag).toBe('ContractOpen')
  })
})
