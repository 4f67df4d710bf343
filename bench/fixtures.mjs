// Snapshots of a given number of entities (contracts, proposals, payments, jobs, members), for benchmarks.
// Deterministic: the same n always gives the same snapshot.

const ASOF = Date.parse('2026-11-18T10:00:00Z')
const iso = (ms) => new Date(ms).toISOString()
const CONTRACT_STATUSES = ['pending', 'active', 'paused', 'ended', 'ended', 'ended']
const PROPOSAL_STATUSES = ['submitted', 'active', 'offer', 'withdrawn', 'declined', 'archived']

const contracts = (n, prefix) =>
  Array.from({ length: n }, (_, i) => {
    const status = CONTRACT_STATUSES[i % CONTRACT_STATUSES.length]
    return {
      id: `${prefix}-${i}`,
      type: i % 2 === 0 ? 'hourly' : 'fixed',
      status,
      endedAt: status === 'ended' ? iso(ASOF - (i % 14) * 86_400_000) : null,
    }
  })
const proposals = (n, prefix) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, status: PROPOSAL_STATUSES[i % 6] }))
const pending = (n, prefix) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    amount: { amount: 100 + i, currency: 'USD' },
    availableAt: iso(ASOF + ((i % 20) - 10) * 86_400_000),
  }))

/** A snapshot with about `n` entities: a freelancer who owns a company and an agency. */
export const snapshotOf = (n) => {
  const part = (f) => Math.max(1, Math.round(n * f))
  return {
    asOf: iso(ASOF),
    user: { id: 'u-0', securityQuestionSet: true, standing: 'good' },
    freelancer: { contracts: contracts(part(0.2), 'c'), proposals: proposals(part(0.15), 'p'), earnings: { pending: pending(part(0.1), 'pay'), available: { amount: 500, currency: 'USD' } } },
    companies: [
      {
        id: 'co-1', name: 'Acme', role: 'owner',
        members: Array.from({ length: part(0.1) }, (_, i) => ({ userId: `u-${i + 1}`, role: ['admin', 'manager', 'member'][i % 3] })),
        contracts: contracts(part(0.15), 'cc'),
        jobs: Array.from({ length: part(0.1) }, (_, i) => ({ id: `j-${i}`, status: i % 2 ? 'open' : 'closed' })),
        outstanding: { amount: 1234, currency: 'USD' },
      },
    ],
    agencies: [
      {
        id: 'ag-1', name: 'Studio', role: 'owner', members: [],
        contracts: contracts(part(0.1), 'ac'), proposals: proposals(part(0.05), 'ap'),
        earnings: { pending: pending(part(0.05), 'apay'), available: { amount: 0, currency: 'USD' } },
      },
    ],
    disputes: [],
    subscriptions: [{ id: 's-1', plan: 'Freelancer Plus', status: 'active' }],
    billingMethods: [{ id: 'bm-1', kind: 'card' }],
  }
}

/** A typical small snapshot (a few dozen entities), for batch throughput. */
export const typical = (i) => {
  const s = snapshotOf(30)
  s.user.id = `user-${i}`
  return s
}

/** A snapshot of about 1 kB (one NDJSON line of the batch benchmark). */
export const lineSnapshot = (i) => {
  const s = snapshotOf(6)
  s.user.id = `user-${i}`
  return s
}

/** The smallest `n` whose snapshot's JSON text is at least `bytes` long. */
export const entitiesFor = (bytes) => {
  let lo = 1
  let hi = 1
  while (JSON.stringify(snapshotOf(hi)).length < bytes) hi *= 2
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (JSON.stringify(snapshotOf(mid)).length < bytes) lo = mid + 1
    else hi = mid
  }
  return lo
}
