/**
 * A rule of one's own ("fees are paid") for the tests of the rule contract: its definitions, and a
 * rule whose check and clear give whatever they are told, whatever the types say.
 */
import { defineBlocker, defineReason, defineRule, defineStep } from '../src/index.js'
import type { ClosureFacts, Rule } from '../src/index.js'

export const feeUnpaid = defineBlocker({ tag: 'FeeUnpaid', rule: 'fees-paid', words: (b: { readonly subject?: string }) => `Fee ${b.subject ?? '?'} is unpaid.` })
export const payFee = defineStep({ tag: 'PayFee', kind: 'remedy', rule: 'fees-paid', words: () => 'Pay the fee.' })
export const feeSettles = defineReason({ tag: 'FeeSettles', rule: 'fees-paid', words: () => 'the fee settles' })

/** The rule "fees-paid" answering with `check` and `clear`; `instants` names its blockers' instant fields. */
export const feesRule = (check: (f: ClosureFacts) => unknown, clear: () => unknown = () => [payFee({})], instants: ReadonlyArray<string> = []): Rule =>
  defineRule({
    id: 'fees-paid',
    paths: ['CloseAccount'],
    blockers: [feeUnpaid],
    steps: [payFee],
    reasons: [feeSettles],
    instants,
    check: check as () => never,
    clear: clear as () => never,
  }) as unknown as Rule

/** A check that finds one unpaid fee. */
export const blocking = () => [feeUnpaid({ subject: 'f-1' })]
