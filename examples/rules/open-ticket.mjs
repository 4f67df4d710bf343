// A rule of one's own, as a plain ES module for the command line:
//
//   account-closure check examples/snapshots/open-ticket.json --rules examples/rules/open-ticket.mjs
//   account-closure batch snapshots.ndjson --rules examples/rules/open-ticket.mjs
//
// An open support ticket blocks closing: the user should have it answered (or withdraw it) first,
// since a closed account can no longer read the reply. The app passes its tickets in the
// snapshot's `extensions`, under `supportTickets` (an empty list when there are none):
//
//   "extensions": { "supportTickets": [ { "id": "t-7", "subject": "Refund for order 12", "status": "open" } ] }
//
// The rule declares that key with an io-ts codec, so the command decodes it as strictly as the
// rest of the snapshot: a ticket without an id, or with a status it does not know, is an error at
// its path (`extensions.supportTickets[0].status`), exit 2. The module imports the package and
// io-ts by their names, so it runs wherever both are installed (io-ts is the package's peer, as
// fp-ts is; the command alone needs neither). Its default export is the rule (a list works too).
import { defineBlocker, defineRule, defineStep } from 'account-closure'
import * as t from 'io-ts'

const RULE = 'open-ticket'

/** The app's support tickets: each with an id, a subject and a status. */
const SupportTickets = t.readonlyArray(
  t.type({ id: t.string, subject: t.string, status: t.keyof({ open: null, answered: null, closed: null }) }),
  'SupportTickets',
)

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
  extension: { key: 'supportTickets', codec: SupportTickets },
  blockers: [supportTicketOpen],
  steps: [settleSupportTicket],
  check: (facts) =>
    facts.extensions.supportTickets.filter((t) => t.status === 'open').map((t) => supportTicketOpen({ subject: t.id, title: t.subject })),
  clear: (blocker) => [settleSupportTicket({ subject: blocker.subject })],
})
