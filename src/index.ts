/**
 * account-closure: can this user close their account now, and if not, what stands in the way
 * and what must happen, in which order, until they can?
 *
 * @packageDocumentation
 */

// model and codecs
export type { Instant } from './model/Instant.js'
export { InstantC, instant, parseInstant, toISOString } from './model/Instant.js'
export type { Money } from './model/Money.js'
export { CurrencyC, formatMoney, MinorUnitsC, money, MoneyC } from './model/Money.js'
export type {
  AccountSnapshot,
  AccountSnapshotJson,
  Agency,
  AgencyMember,
  AgencyRole,
  BillingMethod,
  Company,
  CompanyMember,
  CompanyRole,
  Contract,
  ContractStatus,
  ContractType,
  Dispute,
  Earnings,
  FreelancerProfile,
  Job,
  PendingPayment,
  Proposal,
  ProposalStatus,
  Standing,
  Subscription,
  User,
} from './model/codecs.js'
export {
  AccountSnapshotC,
  AGENCY_ROLES,
  AgencyC,
  AgencyMemberC,
  BillingMethodC,
  COMPANY_ROLES,
  CompanyC,
  CompanyMemberC,
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  ContractC,
  DISPUTE_STATUSES,
  DisputeC,
  EarningsC,
  FreelancerProfileC,
  JOB_STATUSES,
  JobC,
  PendingPaymentC,
  PROPOSAL_STATUSES,
  ProposalC,
  STANDINGS,
  SUBSCRIPTION_STATUSES,
  SubscriptionC,
  UserC,
} from './model/codecs.js'
export type { DecodeError, DecodeErrors } from './model/DecodeError.js'
export { formatDecodeErrors } from './model/DecodeError.js'
export type { DecodeOptions } from './model/decode.js'
export { decodeSnapshot, encodeSnapshot } from './model/decode.js'
export type { TextResult } from './model/text.js'
export { decodeSnapshotText, readSnapshotText } from './model/text.js'
export type { AgencyScope, CompanyScope, FreelancerScope, Scope, TeamScope } from './model/Scope.js'
export { agencyScope, companyScope, freelancerScope, sameScope, scopeKey } from './model/Scope.js'
export type { AccountTarget, AgencyTarget, Path, Target } from './model/Target.js'
export { accountTarget, agencyTarget, pathOf } from './model/Target.js'

// billing week
export type { BillingCycleEnd } from './billing/week.js'
export { billingCycleEnd, weekEnd, weekStart } from './billing/week.js'

// rules
export type {
  AdminMustRemove,
  AgencyOpen,
  BillingCycleOpen,
  BillingOutstanding,
  Blocker,
  BlockerTag,
  ContractOpen,
  DisputeUnresolved,
  FundsAvailable,
  JobOpen,
  MemberRemains,
  NotInGoodStanding,
  NotOwner,
  PaymentPending,
  ProposalOpen,
  RuleId,
  SecurityQuestionMissing,
  UnknownTarget,
} from './rules/Blocker.js'
export { isUnclearable, matchBlocker, RULE_IDS } from './rules/Blocker.js'
export type { Precondition } from './rules/Precondition.js'
export { all, concat, contramap, each, empty, forEach, getMonoid, guard, onPaths, when } from './rules/Precondition.js'
export type {
  AgencyFacts,
  ClosureFacts,
  ClosureOptions,
  CompanyFacts,
  FreelancerFacts,
  TeamFacts,
} from './rules/facts.js'
export {
  agencyFacts,
  closureFacts,
  companyFacts,
  freelancerWork,
  memberships,
  ownedAgencies,
  ownedCompanies,
  targetAgency,
} from './rules/facts.js'
export { agencyClosedFirst } from './rules/agencyClosedFirst.js'
export { billingCycleEnded } from './rules/billingCycleEnded.js'
export { billingPaid } from './rules/billingPaid.js'
export { contractsEnded } from './rules/contractsEnded.js'
export { disputesResolved } from './rules/disputesResolved.js'
export { fundsWithdrawn } from './rules/fundsWithdrawn.js'
export { goodStanding } from './rules/goodStanding.js'
export { jobsClosed } from './rules/jobsClosed.js'
export { memberNeedsAdmin } from './rules/memberNeedsAdmin.js'
export { membersRemoved } from './rules/membersRemoved.js'
export { ownerOnly } from './rules/ownerOnly.js'
export { paymentsReceived } from './rules/paymentsReceived.js'
export { proposalsWithdrawn } from './rules/proposalsWithdrawn.js'
export { securityQuestion } from './rules/securityQuestion.js'
export { targetExists } from './rules/targetExists.js'
export type { Policy } from './rules/policy.js'
export { agencyRules, companyRules, defaultPolicy, freelancerRules } from './rules/policy.js'
export type { BlockerLike, Closable } from './rules/canClose.js'
export {
  blockersOf,
  canClose,
  canCloseWith,
  compareBlockers,
  earliestClosableAt,
  earliestFromBlockers,
  sortBlockers,
} from './rules/canClose.js'

// plan
export type {
  Advice,
  AnswerSecurityQuestion,
  BackUpRecords,
  CancelSubscription,
  ChooseClose,
  CloseAgency,
  CloseJob,
  Confirm,
  ContactAdmin,
  ContactOwner,
  ContactSupport,
  DeclineOffer,
  EndContract,
  LeaveTeam,
  Navigate,
  PayBalance,
  Procedure,
  Remedy,
  RemoveBillingMethod,
  RemoveMember,
  RemovePersonalDetails,
  ResolveDispute,
  SetSecurityQuestion,
  Step,
  StepKind,
  StepTag,
  VerifyEmail,
  WaitReason,
  WaitUntil,
  WithdrawFunds,
  WithdrawProposal,
} from './plan/Step.js'
export { matchStep } from './plan/Step.js'
export type { Consequence, ConsequenceTag } from './plan/Consequence.js'
export { consequencesOf } from './plan/Consequence.js'
export type { Dependency, OrderRule, Sequence } from './plan/dependencies.js'
export { ORDER } from './plan/dependencies.js'
export { orderSteps } from './plan/order.js'
export { adviceFor, closureSteps, planFor, procedureFor, remediesFor } from './plan/closureSteps.js'

// messages
export type { Catalogue, Messages } from './messages/Catalogue.js'
export { say } from './messages/Catalogue.js'
export { en, formatInstant, formatScope } from './messages/en.js'

// verdict
export type { Verdict, VerdictOptions, Wire } from './verdict/verdict.js'
export { verdict } from './verdict/verdict.js'
