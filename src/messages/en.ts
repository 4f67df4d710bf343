/**
 * The English catalogue. Texts carry the facts: ids, amounts with their currency, instants in UTC.
 *
 * @since 0.1.0
 */
import { formatMoney } from '../model/Money.js'
import type { Instant } from '../model/Instant.js'
import type { Scope } from '../model/Scope.js'
import type { Catalogue } from './Catalogue.js'

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * `2026-11-23 00:00 UTC`.
 *
 * @category utils
 * @since 0.1.0
 */
export const formatInstant = (i: Instant): string => {
  const iso = new Date(i).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/**
 * `your freelancer work`, `company co-1`, `agency ag-1`.
 *
 * @category utils
 * @since 0.1.0
 */
export const formatScope = (s: Scope): string =>
  s._tag === 'Freelancer' ? 'your freelancer work' : s._tag === 'Company' ? `company ${s.companyId}` : `agency ${s.agencyId}`

const list = (ids: ReadonlyArray<string>): string => (ids.length === 0 ? 'nobody listed' : ids.join(', '))

// -------------------------------------------------------------------------------------
// the catalogue
// -------------------------------------------------------------------------------------

/**
 * English texts for everything.
 *
 * @category catalogues
 * @since 0.1.0
 */
export const en: Catalogue = {
  blockers: {
    SecurityQuestionMissing: () => 'No security question is set; closing asks you to answer one.',
    NotInGoodStanding: (b) => `The account is ${b.standing === 'on_hold' ? 'on hold' : 'suspended'}; only support can help close it.`,
    DisputeUnresolved: (b) => `Dispute ${b.disputeId} is still open.`,
    NotOwner: (b) => `Only the owner can close ${formatScope(b.scope)}; your role there is ${b.role}.`,
    UnknownTarget: (b) => `There is no agency ${b.agencyId} on this account.`,
    AdminMustRemove: (b) =>
      `As a plain member of ${formatScope(b.scope)} you cannot leave it yourself; its admins can remove you (${list(b.contacts)}).`,
    AgencyOpen: (b) => `You own agency ${b.agencyId}; it has to be closed before the account.`,
    MemberRemains: (b) => `${b.userId} (${b.role}) is still a member of ${formatScope(b.scope)}.`,
    ContractOpen: (b) => `Contract ${b.contractId} (${b.contractType}) of ${formatScope(b.scope)} is still ${b.status}.`,
    BillingCycleOpen: (b) =>
      `Hourly contract ${b.contractId} of ${formatScope(b.scope)} is in its last billing cycle until ${formatInstant(b.endsAt)}.`,
    JobOpen: (b) => `Job ${b.jobId} of ${formatScope(b.scope)} is still open.`,
    BillingOutstanding: (b) => `Company ${b.scope.companyId} has ${formatMoney(b.amount)} of billing outstanding.`,
    ProposalOpen: (b) =>
      b.status === 'offer'
        ? `Offer ${b.proposalId} to ${formatScope(b.scope)} is waiting for an answer.`
        : `Proposal ${b.proposalId} of ${formatScope(b.scope)} is still ${b.status}.`,
    PaymentPending: (b) =>
      `Payment ${b.paymentId} of ${formatMoney(b.amount)} to ${formatScope(b.scope)} is pending until ${formatInstant(b.availableAt)}.`,
    FundsAvailable: (b) => `${formatMoney(b.amount)} of ${formatScope(b.scope)} is still to be withdrawn.`,
  },
  steps: {
    SetSecurityQuestion: () => 'Set a security question and answer in your settings.',
    ContactSupport: () => 'Contact support about the standing of your account.',
    ResolveDispute: (s) => `Resolve dispute ${s.disputeId}.`,
    ContactOwner: (s) => `Ask the owner of ${formatScope(s.scope)} to close it.`,
    ContactAdmin: (s) => `Ask an admin of ${formatScope(s.scope)} to remove you (${list(s.contacts)}).`,
    WithdrawProposal: (s) => `Withdraw proposal ${s.proposalId} of ${formatScope(s.scope)}.`,
    DeclineOffer: (s) => `Decline offer ${s.proposalId} to ${formatScope(s.scope)}.`,
    EndContract: (s) => `End ${s.contractType} contract ${s.contractId} of ${formatScope(s.scope)}.`,
    CloseJob: (s) => `Close job ${s.jobId} of ${formatScope(s.scope)}.`,
    RemoveMember: (s) => `Remove ${s.userId} from ${formatScope(s.scope)}.`,
    WithdrawFunds: (s) => `Withdraw the available funds of ${formatScope(s.scope)}.`,
    PayBalance: (s) => `Pay the outstanding balance of ${formatScope(s.scope)}, including the last invoice of hourly work.`,
    CloseAgency: (s) => `Close agency ${s.agencyId} (Settings › Agency Profile).`,
    WaitUntil: (s) => {
      const why = s.reasons.map((r) =>
        r._tag === 'PaymentAvailable'
          ? `payment ${r.paymentId} becomes available`
          : `the billing week of contract ${r.contractId} ends`,
      )
      return `Wait until ${formatInstant(s.at)}${why.length > 0 ? `: ${why.join('; ')}` : ''}.`
    },
    CancelSubscription: (s) => `Cancel subscription ${s.subscriptionId} to avoid further charges.`,
    RemoveBillingMethod: (s) => `Remove billing method ${s.billingMethodId}.`,
    RemovePersonalDetails: () => 'Remove personal details you do not want kept (address, phone number).',
    BackUpRecords: () => 'Back up the messages, contracts and invoices you want to keep.',
    Navigate: (s) => `Go to ${s.path.join(' › ')}.`,
    ChooseClose: () => 'Choose Close.',
    AnswerSecurityQuestion: () => 'Answer your security question.',
    VerifyEmail: () => 'Open the verification email and follow its link.',
    Confirm: () => 'Confirm.',
    LeaveTeam: (s) => `Leave ${formatScope(s.scope)} (Leave Team under Actions).`,
  },
  consequences: {
    AccountClosedPermanently: () => 'The account is closed for good: it cannot be reopened and its history is lost.',
    BothProfilesClosed: () => 'Both your freelancer and your client profile close.',
    LeavesTeam: (c) => `You leave ${formatScope(c.scope)}.`,
    AgencyProfileDeleted: () => 'The agency profile is deleted.',
    FreelancerProfileKept: () => 'Your freelancer profile stays, no longer tied to the agency.',
    JobSuccessScoreRecalculated: () =>
      'Your Job Success Score is recalculated from your own contracts, including agency contracts you worked on.',
  },
}
