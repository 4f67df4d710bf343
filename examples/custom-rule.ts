/**
 * An app adds a rule of its own: "marketplace fees are paid, and the payment has settled".
 * The rule is one value: what blocks, what clears it (a payment, then a wait until it settles),
 * and its words. It goes through the whole pipeline: blockers, plan, earliest instant, verdict
 * and report, with the same ordering guarantees as the built-in rules.
 * Run: npm run example:custom-rule [snapshot.json]
 */
import { readFileSync } from 'node:fs'

import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'

import {
  addDuration,
  closureWith,
  decodeSnapshotText,
  defaultRules,
  defineBlocker,
  defineReason,
  defineRule,
  defineStep,
  formatDecodeErrors,
  waitUntil,
} from 'account-closure'
import type { CompanyScope, Instant } from 'account-closure'

// The app's own facts travel in the snapshot, under `extensions.fees`: its unpaid fee invoices,
// by company. The codec says their shape; absent means none.
const FeesC = t.union([t.undefined, t.record(t.string, t.array(t.type({ id: t.string, amountDue: t.number })))])

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

const feesPaid = defineRule({
  id: 'fees-paid',
  paths: ['CloseAccount'],
  extension: { key: 'fees', codec: FeesC },
  instants: ['settlesAt'],
  blockers: [feeUnpaid],
  steps: [payFee],
  reasons: [feeSettles],
  // a fee is paid before the company's billing methods are removed
  precedes: [{ step: 'RemoveBillingMethod', scope: 'any' }],
  // a payment may take longer to settle than the platform says
  mayMove: { because: 'A fee payment can take longer to settle.' },
  // time comes from the snapshot's asOf, never a clock
  check: (facts) =>
    facts.snapshot.companies
      .filter((c) => c.role === 'owner')
      .flatMap((c) =>
        (facts.extensions.fees?.[c.id] ?? []).map((fee) =>
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

const closure = closureWith([...defaultRules, feesPaid])

const file = process.argv[2] ?? new URL('./snapshots/client-owner-mid-week.json', import.meta.url)
const decoded = decodeSnapshotText(readFileSync(file, 'utf8'))
if (E.isLeft(decoded)) {
  console.error(`invalid snapshot:\n${formatDecodeErrors(decoded.left)}`)
  process.exitCode = 2
} else {
  const v = closure.verdict(decoded.right)
  console.log(v.closable ? 'closable' : `blocked until ${v.earliestAt ?? 'someone else acts'}`)
  for (const b of v.blockers) console.log(`- ${b.message} [${b.rule}]`)
  v.steps.forEach((s, i) => console.log(`${i + 1}. ${s.message}`))
}
