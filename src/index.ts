/**
 * account-closure: can this user close their account now, and if not, what stands in the way
 * and what must happen, in which order, until they can?
 *
 * @packageDocumentation
 */

// decoding
export type { DecodeError, DecodeErrors } from './model/DecodeError.js'
export { formatDecodeErrors } from './model/DecodeError.js'
export type { DecodeOptions } from './model/decode.js'
export { decodeSnapshot, encodeSnapshot } from './model/decode.js'
export type { TextResult } from './model/text.js'
export { decodeSnapshotText, readSnapshotText } from './model/text.js'
export type { Extension } from './model/extensions.js'
export type {
  SnapshotSchema,
  StandardSchemaV1,
  StandardSchemaV1Issue,
  StandardSchemaV1Props,
  StandardSchemaV1Result,
} from './schema/standardSchema.js'
export { snapshotSchema } from './schema/standardSchema.js'

// the snapshot and its codecs
export type {
  AccountSnapshot,
  AccountSnapshotJson,
  JsonOf,
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
export { AccountSnapshotC, codecs } from './model/codecs.js'
export type { Instant, Rounding } from './model/Instant.js'
export { InstantC, parseInstant, toISOString } from './model/Instant.js'
export type { Money } from './model/Money.js'
export { MoneyC } from './model/Money.js'
export type { AgencyScope, CompanyScope, FreelancerScope, Scope, TeamScope } from './model/Scope.js'
export type { AccountTarget, AgencyTarget, Path, Target } from './model/Target.js'
export { accountTarget, agencyTarget, pathOf } from './model/Target.js'

// billing week
export type { BillingCycleEnd } from './billing/week.js'
export { billingCycleEnd, weekEnd } from './billing/week.js'

// rules
export type {
  AdminMustRemove,
  AgencyOpen,
  BillingCycleOpen,
  BillingOutstanding,
  Blocker,
  BlockerBase,
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
export { matchBlocker } from './rules/Blocker.js'
export type { Precondition } from './rules/Precondition.js'
export { across, all, contramap, fromItems, gate, getMonoidAll, onPaths, when } from './rules/Precondition.js'
export type { AgencyFacts, ClosureFacts, ClosureOptions, CompanyFacts, FreelancerFacts, TeamFacts } from './rules/facts.js'
export type { Gate, Rule, RuleDefinition } from './rules/Rule.js'
export { defineRule } from './rules/Rule.js'
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
export { defaultRules, RULE_IDS } from './rules/defaultRules.js'
export { sortBlockers } from './rules/sortBlockers.js'

// plan
export type {
  Advice,
  AnswerSecurityQuestion,
  BackUpRecords,
  BillingWeekEnds,
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
  PaymentAvailable,
  Procedure,
  Remedy,
  RemoveBillingMethod,
  RemoveMember,
  RemovePersonalDetails,
  ResolveDispute,
  SetSecurityQuestion,
  Step,
  StepBase,
  StepKind,
  StepTag,
  VerifyEmail,
  WaitReason,
  WaitReasonBase,
  WaitUntil,
  WithdrawFunds,
  WithdrawProposal,
} from './plan/Step.js'
export { matchStep, remedy, waitUntil } from './plan/Step.js'
export type {
  AccountClosedPermanently,
  AgencyProfileDeleted,
  BothProfilesClosed,
  Consequence,
  ConsequenceTag,
  FreelancerProfileKept,
  JobSuccessScoreRecalculated,
  LeavesTeam,
} from './plan/Consequence.js'
export type { Alternative, Deactivate, KeepUnusedProfile, TalkToSupport } from './plan/Alternative.js'

// the pipeline
export type { BlockerOf, Closable, Closure, StepOf } from './closure/closureWith.js'
export { closureWith } from './closure/closureWith.js'
export { alternatives, canClose, closureSteps, earliestClosableAt, verdict } from './closure/defaults.js'

// messages
export type { Catalogue } from './messages/Catalogue.js'
export type { Format, Messages } from './messages/Format.js'
export { formatIn } from './messages/Format.js'
export { en } from './messages/en.js'

// verdict
export type { Verdict, VerdictOptions, Wire } from './verdict/verdict.js'
