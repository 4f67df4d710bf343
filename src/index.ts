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

// time
export type { Duration } from './model/duration.js'
export { addDuration } from './model/duration.js'
export type { BillingCycleEnd } from './model/facts.js'
export { billingCycleEnd } from './rules/billing/week.js'

// facts and options
export type { AgencyFacts, ClosureFacts, ClosureOptions, CompanyFacts, FreelancerFacts, TeamFacts } from './model/facts.js'

// the engine: rules, their definitions and words, and the combinators that compose them
export type { BlockerBase, BlockerDefinition, BlockerFields } from './engine/Blocker.js'
export { defineBlocker } from './engine/Blocker.js'
export type { ReasonDefinition, StepBase, StepDefinition, StepFields, StepKind, WaitReasonBase, WaitUntil } from './engine/Step.js'
export { defineReason, defineStep, waitUntil } from './engine/Step.js'
export type { Precondition } from './engine/Precondition.js'
export { across, all, contramap, fromItems, gate, getMonoidAll, onPaths, when } from './engine/Precondition.js'
export type { Gate, ItemOf, Order, Rule, RuleDefinition, RuleFacts } from './engine/Rule.js'
export { defineRule } from './engine/Rule.js'
export { RuleError } from './engine/RuleError.js'

// the built-in rules, each with its blockers and steps
export type { AgencyOpen, CloseAgency } from './rules/agencyClosedFirst.js'
export { agencyClosedFirst } from './rules/agencyClosedFirst.js'
export type { BillingCycleOpen, BillingWeekEnds } from './rules/billing/billingCycleEnded.js'
export { billingCycleEnded } from './rules/billing/billingCycleEnded.js'
export type { BillingOutstanding, PayBalance } from './rules/billing/billingPaid.js'
export { billingPaid, payBalance } from './rules/billing/billingPaid.js'
export type { ContractOpen, EndContract } from './rules/contractsEnded.js'
export { contractsEnded } from './rules/contractsEnded.js'
export type { DisputeUnresolved, ResolveDispute } from './rules/disputesResolved.js'
export { disputesResolved } from './rules/disputesResolved.js'
export type { FundsAvailable, WithdrawFunds } from './rules/fundsWithdrawn.js'
export { fundsWithdrawn, withdrawFunds } from './rules/fundsWithdrawn.js'
export type { ContactSupport, NotInGoodStanding } from './rules/goodStanding.js'
export { goodStanding } from './rules/goodStanding.js'
export type { CloseJob, JobOpen } from './rules/jobsClosed.js'
export { jobsClosed } from './rules/jobsClosed.js'
export type { AdminMustRemove, ContactAdmin } from './rules/memberNeedsAdmin.js'
export { memberNeedsAdmin } from './rules/memberNeedsAdmin.js'
export type { MemberRemains, RemoveMember } from './rules/membersRemoved.js'
export { membersRemoved } from './rules/membersRemoved.js'
export type { ContactOwner, NotOwner } from './rules/ownerOnly.js'
export { ownerOnly } from './rules/ownerOnly.js'
export type { PaymentAvailable, PaymentPending } from './rules/paymentsReceived.js'
export { paymentsReceived } from './rules/paymentsReceived.js'
export type { DeclineOffer, ProposalOpen, WithdrawProposal } from './rules/proposalsWithdrawn.js'
export { proposalsWithdrawn } from './rules/proposalsWithdrawn.js'
export type { SecurityQuestionMissing, SetSecurityQuestion } from './rules/securityQuestion.js'
export { securityQuestion } from './rules/securityQuestion.js'
export type { UnknownTarget } from './rules/targetExists.js'
export { targetExists } from './rules/targetExists.js'

// the closing paths
export type {
  Advice,
  AnswerSecurityQuestion,
  BackUpRecords,
  CancelSubscription,
  ChooseClose,
  Confirm,
  LeaveTeam,
  Navigate,
  Procedure,
  RemoveBillingMethod,
  RemovePersonalDetails,
  VerifyEmail,
} from './paths/procedure.js'
export type {
  AccountClosedPermanently,
  AgencyProfileDeleted,
  BothProfilesClosed,
  Consequence,
  ConsequenceTag,
  FreelancerProfileKept,
  JobSuccessScoreRecalculated,
  LeavesTeam,
} from './paths/Consequence.js'
export type { Alternative, AlternativeTag, Deactivate, KeepUnusedProfile, TalkToSupport } from './paths/Alternative.js'

// the pipeline
export type { BlockerOf, CatalogueFor, Closable, Questions, StepOf } from './closure/closureWith.js'
export type { Closure } from './closure/policy.js'
export { closureWith } from './closure/policy.js'
export type { VerdictOptions, Wire } from './closure/verdict.js'

// the default policy
export type { Blocker, BlockerTag, Remedy, RuleId, Step, StepTag, Verdict, WaitReason } from './defaults.js'
export { alternatives, canClose, closureSteps, defaultRules, earliestClosableAt, RULE_IDS, verdict } from './defaults.js'
export { sortBlockers } from './sortBlockers.js'

// words
export type { Catalogue } from './engine/Catalogue.js'
export type { Format, Messages, Names } from './engine/Format.js'
export { formatIn, formatMoney } from './engine/Format.js'
export { en } from './en.js'
