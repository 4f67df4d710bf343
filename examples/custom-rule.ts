/**
 * An app adds a rule of its own, with its own facts: "marketplace fees are paid, and the payment
 * has settled" (examples/rules/fees-paid.ts). The rule is one value: its facts (the snapshot's
 * `extensions.fees`, with their codec), what blocks, what clears it (a payment, then a wait until
 * it settles), and its words. The policy built with it decodes its snapshots (the fees included)
 * and answers every question with it: blockers, plan, earliest instant, verdict.
 * Run: npm run example:custom-rule [snapshot.json]
 */
import { readFileSync } from 'node:fs'

import * as E from 'fp-ts/lib/Either.js'

import { closureWith, defaultRules, formatDecodeErrors } from 'account-closure'

import { feesPaid } from './rules/fees-paid.js'

const closure = closureWith([...defaultRules, feesPaid])

const file = process.argv[2] ?? new URL('./snapshots/unpaid-fees.json', import.meta.url)
// the policy's decoder: `extensions.fees` is decoded by the rule's codec, errors at their paths
const decoded = closure.decodeSnapshotText(readFileSync(file, 'utf8'))
if (E.isLeft(decoded)) {
  console.error(`invalid snapshot:\n${formatDecodeErrors(decoded.left)}`)
  process.exitCode = 2
} else {
  const v = closure.verdict(decoded.right)
  console.log(v.closable ? 'closable' : `blocked until ${v.earliestAt ?? 'someone else acts'}${v.earliestAtMayMove ? ' at the earliest' : ''}`)
  for (const b of v.blockers) console.log(`- ${b.message} [${b.rule}]`)
  v.steps.forEach((s, i) => console.log(`${i + 1}. ${s.message}`))
}
