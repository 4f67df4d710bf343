/**
 * Rules as values: one rule's whole knowledge in one place, so that an app's own rule goes
 * through the whole pipeline (blockers, plan, earliest instant, verdict, report) exactly as a
 * built-in one does.
 *
 * @since 0.2.0
 */
import type { Path } from '../model/Target.js'
import type { StepBase, StepTag, WaitReasonBase } from '../plan/Step.js'
import type { Format, Messages } from '../messages/Format.js'
import type { BlockerBase } from './Blocker.js'
import type { ClosureFacts } from './facts.js'
import type { Precondition } from './Precondition.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * How a rule's blockers hide others:
 * - `none`: they hide nothing (most rules);
 * - `everything`: when the rule blocks, its blockers are the only ones reported (an unknown target);
 * - `scope`: when the rule blocks in a scope, no other rule's blocker of that scope is reported
 *   (a non-owner's agency); the account-wide ones still are.
 *
 * @category model
 * @since 0.2.0
 */
export type Gate = 'none' | 'everything' | 'scope'

/**
 * One rule: its id and paths, its precondition, the steps that clear each of its blockers, whether
 * the user can clear it alone, and its words. Build one with {@link defineRule}.
 *
 * @category model
 * @since 0.2.0
 */
export interface Rule<B extends BlockerBase = BlockerBase, S extends StepBase = StepBase> {
  readonly id: string
  /** The closing paths it applies to; on others it never runs. */
  readonly paths: ReadonlyArray<Path>
  /** Whether the user's own steps can clear its blockers (false: someone else must act). */
  readonly clearable: boolean
  readonly gate: Gate
  /** The fields of its blockers that hold instants (written as ISO text in JSON). */
  readonly instants: ReadonlyArray<string>
  /** Its precondition: every blocker it finds in the facts. */
  check(facts: ClosureFacts): ReadonlyArray<B>
  /**
   * The steps that clear one blocker, in order: each comes after the one before it in the plan.
   * A wait is a `WaitUntil` step; the same step from several blockers (one `WaitUntil` per instant,
   * one `WithdrawFunds` per scope…) appears once, after everything it follows.
   */
  clear(blocker: B, facts: ClosureFacts): ReadonlyArray<S>
  /** The message of one of its blockers. */
  describe(blocker: B, format: Format): string
  /** The message of a step or wait reason of its own, by tag; undefined for tags it does not own. */
  describeStep(step: StepBase, format: Format): string | undefined
  /** The message of a wait reason of its own; undefined for reasons it does not own. */
  describeReason(reason: WaitReasonBase, format: Format): string | undefined
}

/**
 * What {@link defineRule} takes.
 *
 * @category model
 * @since 0.2.0
 */
export interface RuleDefinition<B extends BlockerBase, S extends StepBase, R extends WaitReasonBase> {
  /** The rule id, as its blockers carry it in `rule`. */
  readonly id: B['rule']
  /** The closing paths it applies to. */
  readonly paths: ReadonlyArray<Path>
  /** True unless the user cannot clear it alone. */
  readonly clearable?: boolean
  /** `none` unless set. */
  readonly gate?: Gate
  readonly instants?: ReadonlyArray<{ [K in keyof B]-?: Exclude<B[K], undefined> extends number ? K : never }[keyof B] & string>
  /** Its precondition: every blocker it finds in the facts. */
  readonly check: Precondition<ClosureFacts, B>
  /** The steps that clear one blocker, in order (see {@link Rule.clear}). */
  readonly clear: (blocker: B, facts: ClosureFacts) => ReadonlyArray<S>
  /** One message per blocker tag of the rule: a missing one is a type error. */
  readonly messages: Messages<B>
  /** Messages of the rule's own step tags (the built-in steps have theirs in the catalogue). */
  readonly stepMessages?: Messages<Exclude<S, { readonly _tag: StepTag }>>
  /** Messages of the rule's own wait reasons. */
  readonly reasonMessages?: Messages<R>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const lookup = <U extends { readonly _tag: string }>(
  messages: Readonly<Record<string, ((item: never, format: Format) => string) | undefined>> | undefined,
  item: U,
  format: Format,
): string | undefined => {
  if (messages === undefined || !Object.prototype.hasOwnProperty.call(messages, item._tag)) return undefined
  const say = messages[item._tag] as ((item: U, format: Format) => string) | undefined
  return say === undefined ? undefined : say(item, format)
}

/**
 * Builds a rule. The result also keeps its `messages`, so that a catalogue can be assembled from
 * rules.
 *
 * @example
 * const feesPaid = defineRule({
 *   id: 'fees-paid',
 *   paths: ['CloseAccount'],
 *   check: (facts) => unpaidFees(facts).map((fee) => ({ _tag: 'FeeUnpaid', rule: 'fees-paid', subject: fee.id, settlesAt: fee.settlesAt })),
 *   clear: (b) => [remedy('PayFee', 'fees-paid', { subject: b.subject }), waitUntil(b.settlesAt, [{ _tag: 'FeeSettles', rule: 'fees-paid', subject: b.subject }])],
 *   instants: ['settlesAt'],
 *   messages: { FeeUnpaid: (b, f) => `Fee ${b.subject} is unpaid; it settles ${f.instant(b.settlesAt)} once paid.` },
 *   stepMessages: { PayFee: (s) => `Pay fee ${s.subject}.` },
 *   reasonMessages: { FeeSettles: (r) => `fee ${r.subject} settles` },
 * })
 *
 * @category constructors
 * @since 0.2.0
 */
export const defineRule = <B extends BlockerBase, S extends StepBase = never, R extends WaitReasonBase = never>(
  d: RuleDefinition<B, S, R>,
): Rule<B, S> & { readonly messages: Messages<B> } => {
  const paths = d.paths
  return {
    id: d.id,
    paths,
    clearable: d.clearable ?? true,
    gate: d.gate ?? 'none',
    instants: d.instants ?? [],
    messages: d.messages,
    check: (facts) => (paths.includes(facts.path) ? d.check(facts) : []),
    clear: d.clear,
    describe: (b, format) => lookup(d.messages as Readonly<Record<string, (item: never, format: Format) => string>>, b, format) ?? b._tag,
    describeStep: (s, format) => lookup(d.stepMessages as Readonly<Record<string, (item: never, format: Format) => string>> | undefined, s, format),
    describeReason: (r, format) => lookup(d.reasonMessages as Readonly<Record<string, (item: never, format: Format) => string>> | undefined, r, format),
  }
}
