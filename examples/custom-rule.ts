/**
 * An app composes its own policy: the default rules plus "no unpaid invoice older than 30 days".
 * The new blocker joins the union, and the type checker sees to it that the app's messages
 * cover it. Run: npm run example:custom-rule
 */
import { readFileSync } from 'node:fs'

import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'

import { all, canCloseWith, decodeSnapshot, defaultPolicy, en, formatDecodeErrors, onPaths, say } from 'account-closure'
import type { Blocker, ClosureFacts, Messages, Precondition } from 'account-closure'

// The app knows more than the snapshot: its own invoices, keyed by company.
const invoices: Record<string, ReadonlyArray<{ readonly id: string; readonly issuedAt: string }>> = {
  'co-1': [{ id: 'inv-7', issuedAt: '2026-09-30T00:00:00Z' }],
}

/** The app's own blocker: a `_tag` and a `rule`, like the built-in ones. */
interface OldInvoiceUnpaid {
  readonly _tag: 'OldInvoiceUnpaid'
  readonly rule: 'no-old-invoices'
  readonly companyId: string
  readonly invoiceId: string
}

const THIRTY_DAYS = 30 * 86_400_000

/** A precondition: facts in, blockers out. Time comes from the snapshot's asOf, never a clock. */
const noOldInvoices: Precondition<ClosureFacts, OldInvoiceUnpaid> = (facts) =>
  facts.snapshot.companies
    .filter((c) => c.role === 'owner')
    .flatMap((c) =>
      (invoices[c.id] ?? [])
        .filter((inv) => facts.asOf - Date.parse(inv.issuedAt) > THIRTY_DAYS)
        .map((inv): OldInvoiceUnpaid => ({ _tag: 'OldInvoiceUnpaid', rule: 'no-old-invoices', companyId: c.id, invoiceId: inv.id })),
    )

type AppBlocker = Blocker | OldInvoiceUnpaid

/** The default policy and the app's rule, on the account path only. */
const policy = all<ClosureFacts, AppBlocker>(defaultPolicy, onPaths('CloseAccount')(noOldInvoices))
const canClose = canCloseWith(policy)

/** The app's words: the library's, plus one for its own blocker. Leave it out and this stops compiling. */
const messages: Messages<AppBlocker> = {
  ...en.blockers,
  OldInvoiceUnpaid: (b) => `Invoice ${b.invoiceId} of company ${b.companyId} is more than 30 days overdue.`,
}

const file = process.argv[2] ?? new URL('./snapshots/client-owner-mid-week.json', import.meta.url)
pipe(
  decodeSnapshot(JSON.parse(readFileSync(file, 'utf8'))),
  E.mapLeft(formatDecodeErrors),
  E.map((snapshot) => canClose(snapshot)),
  E.match(
    (errors) => console.error(`invalid snapshot:\n${errors}`),
    E.match(
      (blockers) => blockers.forEach((b) => console.log(`- ${say(messages, b)} [${b.rule}]`)),
      () => console.log('closable'),
    ),
  ),
)
