/**
 * An app adds a rule of its own: "marketplace fees are paid, and the payment has settled".
 * The rule is one value: what blocks, what clears it (a payment, then a wait until it settles),
 * and its words. It goes through the whole pipeline: blockers, plan, earliest instant, verdict
 * and report, with the same ordering guarantees as the built-in rules.
 * Run: npm run example:custom-rule [snapshot.json]
 */
import { readFileSync } from 'node:fs'

import * as E from 'fp-ts/lib/Either.js'

import { closureWith, decodeSnapshotText, defaultRules, defineRule, formatDecodeErrors, remedy, waitUntil } from 'account-closure'
import type { CompanyScope, Instant } from 'account-closure'

// The app knows more than the snapshot: its own fee invoices, keyed by company. Once paid, a fee
// payment settles three days later.
const fees: Record<string, ReadonlyArray<{ readonly id: string; readonly amountDue: number }>> = {
  'co-1': [{ id: 'fee-7', amountDue: 2500 }],
}
const SETTLING = 3 * 86_400_000

/** The app's blocker: a `_tag`, its `rule`, its scope and subject like every blocker, and its facts. */
interface FeeUnpaid {
  readonly _tag: 'FeeUnpaid'
  readonly rule: 'fees-paid'
  readonly scope: CompanyScope
  readonly subject: string
  readonly amountDue: number
  /** When the fee settles if paid now. */
  readonly settlesAt: Instant
}

/** Its remedy and its reason to wait. */
interface PayFee {
  readonly _tag: 'PayFee'
  readonly kind: 'remedy'
  readonly resolves: ReadonlyArray<string>
  readonly scope: CompanyScope
  readonly subject: string
}
interface FeeSettles {
  readonly _tag: 'FeeSettles'
  readonly rule: 'fees-paid'
  readonly subject: string
}

const feesPaid = defineRule<FeeUnpaid, PayFee | ReturnType<typeof waitUntil<FeeSettles>>, FeeSettles>({
  id: 'fees-paid',
  paths: ['CloseAccount'],
  instants: ['settlesAt'],
  // time comes from the snapshot's asOf, never a clock
  check: (facts) =>
    facts.snapshot.companies
      .filter((c) => c.role === 'owner')
      .flatMap((c) =>
        (fees[c.id] ?? []).map(
          (fee): FeeUnpaid => ({
            _tag: 'FeeUnpaid',
            rule: 'fees-paid',
            scope: { _tag: 'Company', companyId: c.id },
            subject: fee.id,
            amountDue: fee.amountDue,
            settlesAt: (facts.asOf + SETTLING) as Instant,
          }),
        ),
      ),
  // pay, then wait until the payment settles: the plan keeps this order, and earliestAt follows
  clear: (b) => [
    remedy('PayFee', 'fees-paid', { scope: b.scope, subject: b.subject }),
    waitUntil(b.settlesAt, [{ _tag: 'FeeSettles', rule: 'fees-paid', subject: b.subject }]),
  ],
  messages: {
    FeeUnpaid: (b, f) => `Marketplace fee ${b.subject} of ${f.scope(b.scope)} is unpaid (${f.money({ amount: b.amountDue, currency: 'USD' })}).`,
  },
  stepMessages: { PayFee: (s, f) => `Pay marketplace fee ${s.subject} of ${f.scope(s.scope)}.` },
  reasonMessages: { FeeSettles: (r) => `fee ${r.subject} settles` },
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
