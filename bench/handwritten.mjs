// The floor to approach: a hand-written, single-pass, imperative check of the same rules on the
// CloseAccount path (freelancer, owned companies, owned agencies), and a hand-written decoder.
// No sorting, no combinators, no io-ts.

const WEEK = 7 * 86_400_000
const FIRST_MONDAY = 4 * 86_400_000
const weekEnd = (t) => t - ((((t - FIRST_MONDAY) % WEEK) + WEEK) % WEEK) + WEEK
const OPEN_CONTRACT = new Set(['pending', 'active', 'paused'])
const OPEN_PROPOSAL = new Set(['submitted', 'active', 'offer'])

const work = (out, scope, asOf, contracts, proposals, earnings, company) => {
  for (const c of contracts) {
    if (OPEN_CONTRACT.has(c.status)) out.push({ _tag: 'ContractOpen', rule: 'contracts-ended', scope, contractId: c.id, contractType: c.type, status: c.status })
    else if (company && c.type === 'hourly' && c.endedAt !== null) {
      const endsAt = weekEnd(c.endedAt)
      if (endsAt > asOf) out.push({ _tag: 'BillingCycleOpen', rule: 'billing-cycle-ended', scope, contractId: c.id, endsAt })
    }
  }
  if (proposals) for (const p of proposals) if (OPEN_PROPOSAL.has(p.status)) out.push({ _tag: 'ProposalOpen', rule: 'proposals-withdrawn', scope, proposalId: p.id, status: p.status })
  if (earnings) {
    let funds = earnings.available.amount
    for (const p of earnings.pending) {
      if (p.availableAt > asOf) out.push({ _tag: 'PaymentPending', rule: 'payments-received', scope, paymentId: p.id, amount: p.amount, availableAt: p.availableAt })
      else funds += p.amount.amount
    }
    if (funds > 0) out.push({ _tag: 'FundsAvailable', rule: 'funds-withdrawn', scope, amount: { amount: funds, currency: earnings.available.currency } })
  }
}

/** Every blocker of the CloseAccount path, in one pass; instants already numbers. */
export const handCheck = (s) => {
  const out = []
  const asOf = s.asOf
  if (!s.user.securityQuestionSet) out.push({ _tag: 'SecurityQuestionMissing', rule: 'security-question' })
  if (s.user.standing !== 'good') out.push({ _tag: 'NotInGoodStanding', rule: 'good-standing', standing: s.user.standing })
  for (const d of s.disputes) if (d.status === 'open') out.push({ _tag: 'DisputeUnresolved', rule: 'disputes-resolved', disputeId: d.id })
  if (s.freelancer !== null) work(out, { _tag: 'Freelancer' }, asOf, s.freelancer.contracts, s.freelancer.proposals, s.freelancer.earnings, false)
  for (const c of s.companies) {
    if (c.role !== 'owner') continue
    const scope = { _tag: 'Company', companyId: c.id }
    for (const m of c.members) out.push({ _tag: 'MemberRemains', rule: 'members-removed', scope, userId: m.userId, role: m.role })
    work(out, scope, asOf, c.contracts, null, null, true)
    for (const j of c.jobs) if (j.status === 'open') out.push({ _tag: 'JobOpen', rule: 'jobs-closed', scope, jobId: j.id })
    if (c.outstanding.amount > 0) out.push({ _tag: 'BillingOutstanding', rule: 'billing-paid', scope, amount: c.outstanding })
  }
  for (const a of s.agencies) {
    if (a.role !== 'owner') continue
    out.push({ _tag: 'AgencyOpen', rule: 'agency-closed-first', agencyId: a.id })
    const scope = { _tag: 'Agency', agencyId: a.id }
    for (const m of a.members) out.push({ _tag: 'MemberRemains', rule: 'members-removed', scope, userId: m.userId, role: m.role })
    work(out, scope, asOf, a.contracts, a.proposals, a.earnings, false)
  }
  return out
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/
const instant = (v, path, errors) => {
  if (typeof v !== 'string' || !ISO.test(v)) {
    errors.push(path)
    return 0
  }
  return Date.parse(v)
}
const str = (v, path, errors) => {
  if (typeof v !== 'string' || v === '') errors.push(path)
}
const money = (m, path, errors) => {
  if (m === null || typeof m !== 'object' || !Number.isSafeInteger(m.amount) || m.amount < 0 || !/^[A-Z]{3}$/.test(m.currency)) errors.push(path)
}
const unique = (list, key, path, errors) => {
  const seen = new Set()
  for (let i = 0; i < list.length; i++) {
    const id = list[i][key]
    if (seen.has(id)) errors.push(`${path}[${i}]`)
    seen.add(id)
  }
}
const decodeContracts = (list, path, asOf, errors) =>
  list.map((c, i) => {
    str(c.id, `${path}[${i}].id`, errors)
    if (c.type !== 'hourly' && c.type !== 'fixed') errors.push(`${path}[${i}].type`)
    const endedAt = c.endedAt === null ? null : instant(c.endedAt, `${path}[${i}].endedAt`, errors)
    if ((c.status === 'ended') !== (endedAt !== null) || (endedAt !== null && endedAt > asOf)) errors.push(`${path}[${i}].endedAt`)
    return { id: c.id, type: c.type, status: c.status, endedAt }
  })
const decodeEarnings = (e, path, errors) => {
  money(e.available, `${path}.available`, errors)
  unique(e.pending, 'id', `${path}.pending`, errors)
  return {
    available: e.available,
    pending: e.pending.map((p, i) => {
      str(p.id, `${path}.pending[${i}].id`, errors)
      money(p.amount, `${path}.pending[${i}].amount`, errors)
      if (p.amount.currency !== e.available.currency) errors.push(`${path}.pending[${i}].amount.currency`)
      return { id: p.id, amount: p.amount, availableAt: instant(p.availableAt, `${path}.pending[${i}].availableAt`, errors) }
    }),
  }
}

/** A hand-written decoder of the same checks (less thorough messages), then the hand-written check. */
export const handDecodeAndCheck = (json) => {
  const errors = []
  const asOf = instant(json.asOf, 'asOf', errors)
  const f = json.freelancer
  const s = {
    asOf,
    user: json.user,
    freelancer:
      f === null
        ? null
        : { contracts: decodeContracts(f.contracts, 'freelancer.contracts', asOf, errors), proposals: f.proposals, earnings: decodeEarnings(f.earnings, 'freelancer.earnings', errors) },
    companies: json.companies.map((c, i) => {
      unique(c.members, 'userId', `companies[${i}].members`, errors)
      unique(c.jobs, 'id', `companies[${i}].jobs`, errors)
      money(c.outstanding, `companies[${i}].outstanding`, errors)
      return { ...c, contracts: decodeContracts(c.contracts, `companies[${i}].contracts`, asOf, errors) }
    }),
    agencies: json.agencies.map((a, i) => ({
      ...a,
      contracts: decodeContracts(a.contracts, `agencies[${i}].contracts`, asOf, errors),
      earnings: decodeEarnings(a.earnings, `agencies[${i}].earnings`, errors),
    })),
    disputes: json.disputes,
    subscriptions: json.subscriptions,
    billingMethods: json.billingMethods,
  }
  if (f !== null) {
    unique(f.contracts, 'id', 'freelancer.contracts', errors)
    unique(f.proposals, 'id', 'freelancer.proposals', errors)
    for (const p of f.proposals) if (!['submitted', 'active', 'offer', 'withdrawn', 'declined', 'archived'].includes(p.status)) errors.push('proposal')
  }
  return errors.length > 0 ? { errors } : { blockers: handCheck(s) }
}
