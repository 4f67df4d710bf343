// The same rules encoded for json-rules-engine, as an app might write them today: one fact per
// item, one engine run per item.
import { Engine } from 'json-rules-engine'

const rule = (name, kind, conditions) => ({ conditions: { all: [{ fact: 'kind', operator: 'equal', value: kind }, ...conditions] }, event: { type: name } })

export const makeEngine = () => {
  const engine = new Engine([
    rule('contracts-ended', 'contract', [{ fact: 'status', operator: 'in', value: ['pending', 'active', 'paused'] }]),
    rule('billing-cycle-ended', 'contract', [
      { fact: 'owned', operator: 'equal', value: true },
      { fact: 'type', operator: 'equal', value: 'hourly' },
      { fact: 'status', operator: 'equal', value: 'ended' },
      { fact: 'cycleEndsAfterAsOf', operator: 'equal', value: true },
    ]),
    rule('proposals-withdrawn', 'proposal', [{ fact: 'status', operator: 'in', value: ['submitted', 'active', 'offer'] }]),
    rule('payments-received', 'payment', [{ fact: 'pendingAfterAsOf', operator: 'equal', value: true }]),
    rule('jobs-closed', 'job', [{ fact: 'status', operator: 'equal', value: 'open' }]),
    rule('members-removed', 'member', []),
  ], { allowUndefinedFacts: true })
  return engine
}

const WEEK = 7 * 86_400_000
const FIRST_MONDAY = 4 * 86_400_000
const weekEnd = (t) => t - ((((t - FIRST_MONDAY) % WEEK) + WEEK) % WEEK) + WEEK

/** Runs the engine over every item of a (JSON) snapshot; resolves to the events. */
export const engineCheck = async (engine, s) => {
  const asOf = Date.parse(s.asOf)
  const facts = []
  const contract = (c, owned) => facts.push({ kind: 'contract', ...c, owned, cycleEndsAfterAsOf: c.endedAt !== null && weekEnd(Date.parse(c.endedAt)) > asOf })
  const payments = (e) => e.pending.forEach((p) => facts.push({ kind: 'payment', ...p, pendingAfterAsOf: Date.parse(p.availableAt) > asOf }))
  if (s.freelancer) {
    s.freelancer.contracts.forEach((c) => contract(c, false))
    s.freelancer.proposals.forEach((p) => facts.push({ kind: 'proposal', ...p }))
    payments(s.freelancer.earnings)
  }
  for (const c of s.companies) {
    if (c.role !== 'owner') continue
    c.contracts.forEach((k) => contract(k, true))
    c.jobs.forEach((j) => facts.push({ kind: 'job', ...j }))
    c.members.forEach((m) => facts.push({ kind: 'member', ...m }))
  }
  for (const a of s.agencies) {
    if (a.role !== 'owner') continue
    a.contracts.forEach((c) => contract(c, false))
    a.proposals.forEach((p) => facts.push({ kind: 'proposal', ...p }))
    payments(a.earnings)
    a.members.forEach((m) => facts.push({ kind: 'member', ...m }))
  }
  const events = []
  for (const f of facts) {
    const { events: e } = await engine.run(f)
    for (const x of e) events.push(x)
  }
  return events
}
