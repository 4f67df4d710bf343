/**
 * The English catalogue. Texts carry the facts: ids, amounts with their currency, instants in
 * the caller's time zone (UTC unless named), rounded toward "blocked".
 *
 * @since 0.1.0
 */
import { agencyClosedFirst } from '../rules/agencyClosedFirst.js'
import { billingCycleEnded } from '../rules/billingCycleEnded.js'
import { billingPaid } from '../rules/billingPaid.js'
import { contractsEnded } from '../rules/contractsEnded.js'
import { disputesResolved } from '../rules/disputesResolved.js'
import { fundsWithdrawn } from '../rules/fundsWithdrawn.js'
import { goodStanding } from '../rules/goodStanding.js'
import { jobsClosed } from '../rules/jobsClosed.js'
import { memberNeedsAdmin } from '../rules/memberNeedsAdmin.js'
import { membersRemoved } from '../rules/membersRemoved.js'
import { ownerOnly } from '../rules/ownerOnly.js'
import { paymentsReceived } from '../rules/paymentsReceived.js'
import { proposalsWithdrawn } from '../rules/proposalsWithdrawn.js'
import { securityQuestion } from '../rules/securityQuestion.js'
import { targetExists } from '../rules/targetExists.js'
import type { Catalogue } from './Catalogue.js'

const list = (ids: ReadonlyArray<string>): string => (ids.length === 0 ? 'nobody listed' : ids.join(', '))

/**
 * English texts for everything built in. The blockers' words are the rules' own.
 *
 * @category catalogues
 * @since 0.1.0
 */
export const en: Catalogue = {
  blockers: {
    ...targetExists.messages,
    ...securityQuestion.messages,
    ...goodStanding.messages,
    ...disputesResolved.messages,
    ...ownerOnly.messages,
    ...memberNeedsAdmin.messages,
    ...agencyClosedFirst.messages,
    ...membersRemoved.messages,
    ...contractsEnded.messages,
    ...billingCycleEnded.messages,
    ...jobsClosed.messages,
    ...billingPaid.messages,
    ...proposalsWithdrawn.messages,
    ...paymentsReceived.messages,
    ...fundsWithdrawn.messages,
  },
  steps: {
    SetSecurityQuestion: () =>
      'Set a security question and its answer in your settings (if you forget the answer later, support can help).',
    ContactSupport: () => 'Contact support about the standing of your account.',
    ResolveDispute: (s) => `Resolve dispute ${s.disputeId}.`,
    ContactOwner: (s, f) => `Ask the owner of ${f.scope(s.scope)} to close it.`,
    ContactAdmin: (s, f) => `Ask an admin of ${f.scope(s.scope)} to remove you (${list(s.contacts)}).`,
    WithdrawProposal: (s, f) => `Withdraw proposal ${s.proposalId} of ${f.scope(s.scope)}.`,
    DeclineOffer: (s, f) => `Decline offer ${s.proposalId} to ${f.scope(s.scope)}.`,
    EndContract: (s, f) =>
      `End ${s.contractType} contract ${s.contractId} of ${f.scope(s.scope)}.` +
      (s.scope._tag === 'Freelancer' && s.status === 'active' ? ' Tell the client first and agree on the next steps.' : ''),
    CloseJob: (s, f) => `Close job ${s.jobId} of ${f.scope(s.scope)}.`,
    RemoveMember: (s, f) => `Remove ${s.userId} from ${f.scope(s.scope)}.`,
    WithdrawFunds: (s, f) => `Withdraw the available funds of ${f.scope(s.scope)} (withdrawals are made under Get Paid).`,
    PayBalance: (s, f) =>
      `Pay the outstanding balance of ${f.scope(s.scope)}${s.hourly ? ', including the last invoice of hourly work' : ''}.`,
    CloseAgency: (s) => `Close agency ${s.agencyId} (Settings › Agency Profile).`,
    WaitUntil: (s, f) => {
      const why = s.reasons.map((r) => f.reason(r))
      return `Wait until ${f.instant(s.at)}${why.length > 0 ? `: ${why.join('; ')}` : ''}.`
    },
    CancelSubscription: (s) => `Cancel subscription ${s.subscriptionId} to avoid further charges.`,
    RemoveBillingMethod: (s) => `Remove billing method ${s.billingMethodId}.`,
    RemovePersonalDetails: () => 'Remove personal details you do not want kept (full name, address, phone number).',
    BackUpRecords: () => 'Back up the messages, contracts and invoices you want to keep.',
    Navigate: (s) =>
      `Go to ${s.path.join(' › ')}.` +
      (s.path[1] === 'Account management and control' ? ' (Older guides call it Settings › Contact Info.)' : ''),
    ChooseClose: (s) => `Choose "${s.button}".`,
    AnswerSecurityQuestion: () => 'Answer your security question.',
    VerifyEmail: () => 'Open the verification email, if one is sent, and follow its link.',
    Confirm: () => 'Confirm.',
    LeaveTeam: (s, f) => `Leave ${f.scope(s.scope)} (Leave Team under Actions).`,
  },
  reasons: {
    PaymentAvailable: (r) => `payment ${r.paymentId} becomes available`,
    BillingWeekEnds: (r) => `the billing week of contract ${r.contractId} ends`,
  },
  consequences: {
    AccountClosedPermanently: () =>
      'The account is closed for good: it cannot be reopened, and its profile, work history, feedback, ongoing contracts and proposals are lost.',
    BothProfilesClosed: () => 'Both your freelancer and your client profile close.',
    LeavesTeam: (c, f) => `You leave ${f.scope(c.scope)}.`,
    AgencyProfileDeleted: () => 'The agency profile is deleted.',
    FreelancerProfileKept: () => 'Your freelancer profile and your client account stay, no longer tied to the agency.',
    JobSuccessScoreRecalculated: () =>
      'Your Job Success Score is recalculated from your own contracts, including agency contracts you worked on.',
  },
  alternatives: {
    KeepUnusedProfile: () =>
      'Closing closes the whole account, freelancer work and client teams alike. If you still need one side, keep the account and leave the other unused.',
    Deactivate: () => 'If you may come back, deactivate instead: your profile and history are kept. Closing cannot be undone.',
    TalkToSupport: () => 'If a problem with the platform is the reason, talk to support first: they may be able to solve it.',
  },
}
