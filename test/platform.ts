/**
 * An independent model of the marketplace, for SPEC §6.3: it applies a plan's steps to a
 * snapshot the way the platform would. Written from the meaning of the seeds; it never calls
 * the library's rules, plan or billing-week code.
 */
import type { AccountSnapshot, BillingCycleEnd, Earnings, Instant, Step } from '../src/index.js'

const DAY = 86_400_000

/** The end of the billing week (Monday 00:00 UTC to Monday 00:00 UTC) holding `t`, by the calendar. */
const endOfWeek = (t: number): number => {
  const d = new Date(t)
  const sinceMonday = (d.getUTCDay() + 6) % 7
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - sinceMonday + 7)
}

/** When the platform invoices the last week of an hourly contract ended at `t`. */
const invoicedAt = (t: number, policy: BillingCycleEnd): number => endOfWeek(t) + (policy === 'client-invoice' ? DAY / 2 : 0)

export interface World {
  readonly snapshot: AccountSnapshot
  /** Invoices for the last week of ended hourly contracts, not yet issued. */
  readonly invoices: ReadonlyArray<{ readonly companyId: string; readonly at: number }>
}

const LAST_WEEK_INVOICE = 100

const settle = (e: Earnings, now: number): Earnings => {
  const due = e.pending.filter((p) => p.availableAt <= now)
  if (due.length === 0) return e
  return {
    pending: e.pending.filter((p) => p.availableAt > now),
    available: { ...e.available, amount: e.available.amount + due.reduce((n, p) => n + p.amount.amount, 0) },
  }
}

/** Moves the clock: due payments become available, due invoices land on the company's bill. */
const advance = (w: World, to: number): World => {
  const s = w.snapshot
  const now = Math.max(s.asOf, to)
  const issued = w.invoices.filter((i) => i.at <= now)
  return {
    invoices: w.invoices.filter((i) => i.at > now),
    snapshot: {
      ...s,
      asOf: now as Instant,
      freelancer: s.freelancer === null ? null : { ...s.freelancer, earnings: settle(s.freelancer.earnings, now) },
      agencies: s.agencies.map((a) => ({ ...a, earnings: settle(a.earnings, now) })),
      companies: s.companies.map((c) => {
        const bill = issued.filter((i) => i.companyId === c.id).length * LAST_WEEK_INVOICE
        return bill === 0 ? c : { ...c, outstanding: { ...c.outstanding, amount: c.outstanding.amount + bill } }
      }),
    },
  }
}

/** The platform as it stands at the snapshot: hourly contracts ended this week are still to be invoiced. */
export const start = (s: AccountSnapshot, policy: BillingCycleEnd): World =>
  advance(
    {
      snapshot: s,
      invoices: s.companies.flatMap((c) =>
        c.contracts
          .filter((k) => k.type === 'hourly' && k.endedAt !== null && invoicedAt(k.endedAt, policy) > s.asOf)
          .map((k) => ({ companyId: c.id, at: invoicedAt(k.endedAt as number, policy) })),
      ),
    },
    s.asOf,
  )

type Scoped = { readonly _tag: 'Freelancer' } | { readonly _tag: 'Company'; readonly companyId: string } | { readonly _tag: 'Agency'; readonly agencyId: string }

const inScope = (s: AccountSnapshot, scope: Scoped, edit: {
  freelancer?: (f: NonNullable<AccountSnapshot['freelancer']>) => NonNullable<AccountSnapshot['freelancer']>
  company?: (c: AccountSnapshot['companies'][number]) => AccountSnapshot['companies'][number]
  agency?: (a: AccountSnapshot['agencies'][number]) => AccountSnapshot['agencies'][number]
}): AccountSnapshot => {
  switch (scope._tag) {
    case 'Freelancer':
      return s.freelancer === null || edit.freelancer === undefined ? s : { ...s, freelancer: edit.freelancer(s.freelancer) }
    case 'Company': {
      const f = edit.company
      return f === undefined ? s : { ...s, companies: s.companies.map((c) => (c.id === scope.companyId ? f(c) : c)) }
    }
    case 'Agency': {
      const f = edit.agency
      return f === undefined ? s : { ...s, agencies: s.agencies.map((a) => (a.id === scope.agencyId ? f(a) : a)) }
    }
  }
}

/** What one step does on the platform. */
export const apply = (w: World, step: Step, policy: BillingCycleEnd): World => {
  const s = w.snapshot
  const now = s.asOf
  const next = (snapshot: AccountSnapshot): World => ({ ...w, snapshot })
  switch (step._tag) {
    case 'SetSecurityQuestion':
      return next({ ...s, user: { ...s.user, securityQuestionSet: true } })
    case 'ResolveDispute':
      return next({ ...s, disputes: s.disputes.map((d) => (d.id === step.disputeId ? { ...d, status: 'resolved' } : d)) })
    case 'WithdrawProposal':
    case 'DeclineOffer': {
      const status = step._tag === 'WithdrawProposal' ? ('withdrawn' as const) : ('declined' as const)
      const edit = <P extends { readonly id: string }>(ps: ReadonlyArray<P>) => ps.map((p) => (p.id === step.proposalId ? { ...p, status } : p))
      return next(inScope(s, step.scope, { freelancer: (f) => ({ ...f, proposals: edit(f.proposals) }), agency: (a) => ({ ...a, proposals: edit(a.proposals) }) }))
    }
    case 'EndContract': {
      let invoice: { companyId: string; at: number } | undefined
      const end = <C extends AccountSnapshot['companies'][number]['contracts'][number]>(cs: ReadonlyArray<C>) =>
        cs.map((c) => (c.id === step.contractId ? { ...c, status: 'ended' as const, endedAt: now } : c))
      const snapshot = inScope(s, step.scope, {
        freelancer: (f) => ({ ...f, contracts: end(f.contracts) }),
        agency: (a) => ({ ...a, contracts: end(a.contracts) }),
        company: (c) => {
          const k = c.contracts.find((x) => x.id === step.contractId)
          if (k?.type === 'hourly') invoice = { companyId: c.id, at: invoicedAt(now, policy) }
          return { ...c, contracts: end(c.contracts) }
        },
      })
      return { snapshot, invoices: invoice === undefined ? w.invoices : [...w.invoices, invoice] }
    }
    case 'CloseJob':
      return next(inScope(s, step.scope, { company: (c) => ({ ...c, jobs: c.jobs.map((j) => (j.id === step.jobId ? { ...j, status: 'closed' } : j)) }) }))
    case 'RemoveMember':
      return next(
        inScope(s, step.scope, {
          company: (c) => ({ ...c, members: c.members.filter((m) => m.userId !== step.userId) }),
          agency: (a) => ({ ...a, members: a.members.filter((m) => m.userId !== step.userId) }),
        }),
      )
    case 'WithdrawFunds': {
      const empty = (e: Earnings): Earnings => ({ ...e, available: { ...e.available, amount: 0 } })
      return next(inScope(s, step.scope, { freelancer: (f) => ({ ...f, earnings: empty(f.earnings) }), agency: (a) => ({ ...a, earnings: empty(a.earnings) }) }))
    }
    case 'PayBalance':
      return next(inScope(s, step.scope, { company: (c) => ({ ...c, outstanding: { ...c.outstanding, amount: 0 } }) }))
    case 'CloseAgency':
      return next({ ...s, agencies: s.agencies.filter((a) => a.id !== step.agencyId || a.role !== 'owner') })
    case 'WaitUntil':
      return advance(w, step.at)
    case 'CancelSubscription':
      return next({ ...s, subscriptions: s.subscriptions.map((x) => (x.id === step.subscriptionId ? { ...x, status: 'cancelled' } : x)) })
    case 'RemoveBillingMethod':
      return next({ ...s, billingMethods: s.billingMethods.filter((m) => m.id !== step.billingMethodId) })
    // Nothing the user does alone changes these; and the procedure closes only once nothing blocks.
    case 'ContactSupport':
    case 'ContactOwner':
    case 'ContactAdmin':
    case 'RemovePersonalDetails':
    case 'BackUpRecords':
    case 'Navigate':
    case 'ChooseClose':
    case 'AnswerSecurityQuestion':
    case 'VerifyEmail':
    case 'Confirm':
    case 'LeaveTeam':
      return w
  }
}

/** Applies every step in order. */
export const run = (s: AccountSnapshot, steps: ReadonlyArray<Step>, policy: BillingCycleEnd): World =>
  steps.reduce((w, step) => apply(w, step, policy), start(s, policy))
