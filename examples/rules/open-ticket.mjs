// A rule of one's own, as a plain ES module for the command line:
//
//   account-closure check examples/snapshots/open-ticket.json --rules examples/rules/open-ticket.mjs
//   account-closure batch snapshots.ndjson --rules examples/rules/open-ticket.mjs
//
// An open support ticket blocks closing: the user should have it answered (or withdraw it) first,
// since a closed account can no longer read the reply. The app passes its tickets in the
// snapshot's `extensions`, under `supportTickets`:
//
//   "extensions": { "supportTickets": [ { "id": "t-7", "subject": "Refund for order 12", "status": "open" } ] }
//
// The module imports the package by its name, so it runs as it is wherever the package is
// installed. Its default export is the rule (a list of rules works too).
import { defineBlocker, defineRule, defineStep } from 'account-closure'

const RULE = 'open-ticket'

/** The user's open tickets, read defensively: anything that is not a well-formed open ticket is skipped. */
const openTickets = (snapshot) => {
  const tickets = snapshot.extensions?.supportTickets
  if (!Array.isArray(tickets)) return []
  return tickets.filter((t) => typeof t === 'object' && t !== null && typeof t.id === 'string' && t.status === 'open')
}

// each tag defined once, with its words
const supportTicketOpen = defineBlocker({
  tag: 'SupportTicketOpen',
  rule: RULE,
  words: (b) => `Support ticket ${b.subject}${b.title === '' ? '' : ` ("${b.title}")`} is still open.`,
})
const settleSupportTicket = defineStep({
  tag: 'SettleSupportTicket',
  kind: 'remedy',
  rule: RULE,
  words: (s) => `Wait for support's answer to ticket ${s.subject}, or withdraw it.`,
})

export default defineRule({
  id: RULE,
  paths: ['CloseAccount', 'LeaveTeams'],
  blockers: [supportTicketOpen],
  steps: [settleSupportTicket],
  check: (facts) =>
    openTickets(facts.snapshot).map((t) => supportTicketOpen({ subject: t.id, title: typeof t.subject === 'string' ? t.subject : '' })),
  clear: (blocker) => [settleSupportTicket({ subject: blocker.subject })],
})
