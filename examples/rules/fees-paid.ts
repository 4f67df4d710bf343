/**
 * A rule of one's own, with its own facts: "marketplace fees are paid, and the payment has
 * settled". The app passes each owned company's unpaid fees in the snapshot's `extensions`:
 *
 *   "extensions": { "fees": { "co-1": [ { "id": "fee-7", "amountDue": 1500 } ] } }
 *
 * The rule declares that key with an io-ts codec, so a policy built with it decodes the fees as
 * strictly as the rest of the snapshot, and `check` reads them typed, as `facts.extensions.fees`.
 * examples/custom-rule.ts runs it through the library; the command loads the same rule, compiled
 * to JavaScript, with `--rules` (see docs/custom-rules.md).
 */
import * as t from 'io-ts'

import { addDuration, defineBlocker, defineReason, defineRule, defineStep, waitUntil } from 'account-closure'
import type { CompanyScope, Instant } from 'account-closure'

/**
 * Unpaid fees by company id (`{}` when there are none: a missing entry is an error, as a missing
 * fact is). An amount is an integer number of cents.
 */
export const FeesC = t.record(t.string, t.readonlyArray(t.type({ id: t.string, amountDue: t.Int })), 'Fees')

// Each tag is defined once, with its words; a tag without words does not compile.
const feeUnpaid = defineBlocker({
  tag: 'FeeUnpaid',
  rule: 'fees-paid',
  words: (b: { readonly scope: CompanyScope; readonly subject: string; readonly amountDue: number; readonly settlesAt: Instant }, f) =>
    `Marketplace fee ${b.subject} of ${f.scope(b.scope)} is unpaid (${f.money({ amount: b.amountDue, currency: 'USD' })}).`,
})
const payFee = defineStep({
  tag: 'PayFee',
  kind: 'remedy',
  rule: 'fees-paid',
  words: (s: { readonly scope: CompanyScope; readonly subject: string }, f) => `Pay marketplace fee ${s.subject} of ${f.scope(s.scope)}.`,
})
const feeSettles = defineReason({ tag: 'FeeSettles', rule: 'fees-paid', words: (r: { readonly subject: string }) => `fee ${r.subject} settles` })

/** Every unpaid fee of a company the user owns blocks; paying it, then waiting three days for it to settle, clears it. */
export const feesPaid = defineRule({
  id: 'fees-paid',
  paths: ['CloseAccount'],
  extension: { key: 'fees', codec: FeesC },
  instants: ['settlesAt'],
  blockers: [feeUnpaid],
  steps: [payFee],
  reasons: [feeSettles],
  // a fee is paid before the billing methods are removed
  precedes: [{ step: 'RemoveBillingMethod', scope: 'any' }],
  // a payment may take longer to settle than the platform says
  mayMove: { because: 'A fee payment can take longer to settle.' },
  // time comes from the snapshot's asOf, never a clock
  check: (facts) =>
    facts.snapshot.companies
      .filter((c) => c.role === 'owner')
      .flatMap((c) =>
        (facts.extensions.fees[c.id] ?? []).map((fee) =>
          feeUnpaid({
            scope: { _tag: 'Company', companyId: c.id },
            subject: fee.id,
            amountDue: fee.amountDue,
            settlesAt: addDuration(facts.asOf, { days: 3 }),
          }),
        ),
      ),
  // pay, then wait until the payment settles: the plan keeps this order, and earliestAt follows
  clear: (b) => [payFee({ scope: b.scope, subject: b.subject }), waitUntil(b.settlesAt, [feeSettles({ subject: b.subject })])],
})

export default feesPaid
