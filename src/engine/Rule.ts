/**
 * Rules as values: one rule's whole knowledge in one place (its facts, blockers, steps, words,
 * order, waits and whether its date may move), so that an app's own rule goes through the whole
 * pipeline exactly as a built-in one does.
 *
 * @since 0.2.0
 */
import type { AnyExtension, Extension } from '../model/extensions.js'
import type { ClosureFacts } from '../model/facts.js'
import type { Path } from '../model/Target.js'
import type { BlockerBase, BlockerDefinition } from './Blocker.js'
import type { Format } from './Format.js'
import type { ReasonDefinition, StepBase, StepDefinition, WaitUntil } from './Step.js'

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
 * One declared order: the steps of the rule come after (`follows`) or before (`precedes`) every
 * step tagged `step`, in the same scope (`same`) or in any (`any`). A tag that no rule in the
 * list (nor the closing path) produces is ignored.
 *
 * @category model
 * @since 0.3.0
 */
export interface Order {
  readonly step: string
  readonly scope: 'same' | 'any'
}

/**
 * The facts a rule's `check` and `clear` get: the closure's facts, with its own extension typed.
 *
 * @category model
 * @since 0.3.0
 */
export type RuleFacts<K extends string = never, A = unknown> = ClosureFacts & {
  readonly extensions: { readonly [P in K]: A }
}

/**
 * One rule: its id and paths, its precondition, the steps that clear each of its blockers, the
 * definitions (with words) of every tag it produces, and what it says about order, waits and the
 * earliest instant. Build one with {@link defineRule}.
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
  /** The blocker tags it finds, with their words. */
  readonly blockers: ReadonlyArray<BlockerDefinition>
  /** The step tags its `clear` gives (its own, or another rule's it reuses), with their words. */
  readonly steps: ReadonlyArray<StepDefinition>
  /** The reasons to wait its `clear` gives, with their words. */
  readonly reasons: ReadonlyArray<ReasonDefinition>
  /** Its steps come after these. */
  readonly follows: ReadonlyArray<Order>
  /** Its steps come before these. */
  readonly precedes: ReadonlyArray<Order>
  /** Set when the earliest instant may move later once its steps are under way, with the words of why. */
  readonly mayMove?: { readonly because: string }
  /** A tie-break among steps that nothing else orders (lower first; unranked rules after ranked ones). */
  readonly rank?: number
  /** Alternatives to closing that its steps, once in the plan, make needless. */
  readonly needless: ReadonlyArray<string>
  /** Its own facts in the snapshot's `extensions`. */
  readonly extension?: AnyExtension
  /** Its precondition: every blocker it finds in the facts. */
  check(facts: ClosureFacts): ReadonlyArray<B>
  /**
   * The steps that clear one blocker, in order: each comes after the one before it in the plan.
   * A wait is a `WaitUntil` step; the same step from several blockers (one `WaitUntil` per instant,
   * one `WithdrawFunds` per scope…) appears once, after everything it follows.
   */
  clear(blocker: B, facts: ClosureFacts): ReadonlyArray<S>
}

/**
 * The item a definition defines.
 *
 * @category model
 * @since 0.3.0
 */
export type ItemOf<D> = D extends {
  /** The words of one item. */
  words(item: infer I, format: Format): string
}
  ? I
  : never

/**
 * What {@link defineRule} takes.
 *
 * @category model
 * @since 0.2.0
 */
export interface RuleDefinition<
  BD extends ReadonlyArray<BlockerDefinition>,
  SD extends ReadonlyArray<StepDefinition>,
  RD extends ReadonlyArray<ReasonDefinition>,
  K extends string,
  A,
> {
  /** The rule id, as its blockers carry it in `rule`. */
  readonly id: string
  /** The closing paths it applies to. */
  readonly paths: ReadonlyArray<Path>
  /** The blocker tags it finds (defined with {@link defineBlocker}, with their words). */
  readonly blockers: BD
  /** The step tags its `clear` gives: its own ({@link defineStep}) or another rule's definition it reuses. */
  readonly steps?: SD
  /** The reasons to wait its `clear` gives ({@link defineReason}). */
  readonly reasons?: RD
  /** Its own facts, read as `facts.extensions.<key>`, decoded by `codec`. */
  readonly extension?: Extension<K, A>
  /**
   * True unless the user cannot clear it alone. A rule the user can clear gives a remedy or a wait
   * for each of its blockers (a `RuleError` otherwise: the plan would have nothing to clear it with).
   */
  readonly clearable?: boolean
  /** `none` unless set. */
  readonly gate?: Gate
  /** The fields of its blockers that hold instants. */
  readonly instants?: ReadonlyArray<string>
  /** Its steps come after every step tagged `step` (in the same scope, or any). */
  readonly follows?: ReadonlyArray<Order>
  /** Its steps come before every step tagged `step` (in the same scope, or any). */
  readonly precedes?: ReadonlyArray<Order>
  /** The earliest instant may move later once its steps are under way; `because` says why. */
  readonly mayMove?: { readonly because: string }
  /** A tie-break among steps that nothing else orders (lower first). */
  readonly rank?: number
  /** Alternatives to closing (by tag) that its steps, once in the plan, make needless. */
  readonly needless?: ReadonlyArray<string>
  /** Its precondition: every blocker it finds in the facts. */
  readonly check: (facts: RuleFacts<K, A>) => ReadonlyArray<ItemOf<BD[number]>>
  /** The steps that clear one blocker, in order (see {@link Rule.clear}). */
  readonly clear: (
    blocker: ItemOf<BD[number]>,
    facts: RuleFacts<K, A>,
  ) => ReadonlyArray<ItemOf<SD[number]> | WaitUntil<ItemOf<RD[number]>>>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/** Whether a value is an array whose every item (by index, holes included) passes `ok`. */
const isListOf = (u: unknown, ok: (item: unknown) => boolean): boolean => {
  if (!Array.isArray(u)) return false
  for (let i = 0, n = u.length; i < n; i++) if (!ok(u[i])) return false
  return true
}

const isOrder = (o: unknown): boolean =>
  typeof o === 'object' && o !== null && typeof (o as Order).step === 'string' && ((o as Order).scope === 'same' || (o as Order).scope === 'any')

const isString = (u: unknown): boolean => typeof u === 'string'

/** The closing paths a rule may name. */
const PATHS: ReadonlyArray<unknown> = ['CloseAccount', 'LeaveTeams', 'CloseAgency']
const GATES: ReadonlyArray<unknown> = ['none', 'scope', 'everything']

/**
 * What is wrong with a list of paths, said after the refusal (`''` for one that is not a list, or
 * its first item that is not a path); undefined when it names at least one path, and only paths.
 */
const pathsProblem = (paths: unknown): string | undefined => {
  if (!Array.isArray(paths)) return ''
  if (paths.length === 0) return ', not an empty list'
  for (let i = 0, n = paths.length; i < n; i++) {
    const p: unknown = paths[i]
    if (!PATHS.includes(p)) return typeof p === 'string' ? `: ${JSON.stringify(p.slice(0, 40))} is not one` : `: the item at ${i} is not a string`
  }
  return undefined
}

/** A list read once, by index, into a frozen copy; anything else as it is (for the checks to refuse). */
const copyOf = (u: unknown): unknown => (Array.isArray(u) ? frozen(u) : u)

/** A list of orders read once: each `{ step, scope }` read once into a frozen copy; anything else as it is. */
const ordersOf = (u: unknown): unknown => {
  if (!Array.isArray(u)) return u
  const out: Array<unknown> = []
  for (let i = 0, n = u.length; i < n; i++) {
    const o: unknown = u[i]
    if (typeof o !== 'object' || o === null) out.push(o)
    else {
      const { step, scope } = o as { readonly step?: unknown; readonly scope?: unknown }
      out.push(Object.freeze({ step, scope }))
    }
  }
  return Object.freeze(out)
}

/**
 * A function of a rule, called on the value given when that is an instance of a class (whose
 * `check` may use `this`, its private fields, its prototype's methods); a plain object's function
 * as it is (called on the copy, which holds the same fields).
 */
const onGiven = (f: unknown, given: object): unknown => {
  const proto: unknown = Object.getPrototypeOf(given)
  return typeof f === 'function' && proto !== Object.prototype && proto !== null ? (f as (...a: ReadonlyArray<unknown>) => unknown).bind(given) : f
}

/**
 * A rule from a definition, or from a rule given to `closureWith` (made by another copy of the
 * package, or by hand), each field read once and checked as read: what is checked is what runs (a
 * getter or a Proxy that answers one way when checked and another when used cannot slip a path,
 * a gate or a list past the checks). `where` names it in a refusal: `defineRule("fees-paid")`.
 *
 * @internal
 */
export const checkedRule = (given: unknown, where: string): Rule => {
  if (typeof given !== 'object' || given === null) throw new TypeError(`${where}: a rule must be an object`)
  const d = given as Readonly<Record<string, unknown>>
  const id = d['id']
  if (typeof id !== 'string' || id === '') throw new TypeError(`${where}: id must be a non-empty string`)
  const mayMove = d['mayMove']
  const because: unknown = typeof mayMove === 'object' && mayMove !== null ? (mayMove as { readonly because?: unknown }).because : undefined
  const extension = d['extension']
  const { key, codec } = (typeof extension === 'object' && extension !== null ? extension : {}) as { readonly key?: unknown; readonly codec?: unknown }
  const check = d['check']
  const clear = d['clear']
  const r = {
    id,
    paths: copyOf(d['paths']),
    check: onGiven(check, given),
    clear: onGiven(clear, given),
    blockers: copyOf(d['blockers']),
    steps: copyOf(d['steps']),
    reasons: copyOf(d['reasons']),
    follows: ordersOf(d['follows']),
    precedes: ordersOf(d['precedes']),
    instants: copyOf(d['instants']),
    needless: copyOf(d['needless']),
    clearable: d['clearable'],
    gate: d['gate'],
    rank: d['rank'],
    mayMove: mayMove === undefined ? undefined : { because },
    extension: extension === undefined ? undefined : Object.freeze({ key, codec }),
  }
  // (a path spelled another way, or none, would make a rule that never runs: "can close" without a word)
  const wrongPaths = pathsProblem(r.paths)
  if (wrongPaths !== undefined) throw new TypeError(`${where}: paths must be a non-empty array of closing paths ('CloseAccount', 'LeaveTeams', 'CloseAgency')${wrongPaths}`)
  if (typeof r.check !== 'function' || typeof r.clear !== 'function') throw new TypeError(`${where}: check and clear must be functions`)
  if (!Array.isArray(r.blockers)) throw new TypeError(`${where}: blockers must be an array of blocker definitions`)
  for (const [name, v] of [['steps', r.steps], ['reasons', r.reasons]] as const)
    if (v !== undefined && !Array.isArray(v)) throw new TypeError(`${where}: ${name} must be an array of definitions`)
  for (const [name, v] of [['follows', r.follows], ['precedes', r.precedes]] as const)
    if (v !== undefined && !isListOf(v, isOrder)) throw new TypeError(`${where}: ${name} must be a list of { step, scope: 'same' | 'any' }`)
  for (const [name, v] of [['instants', r.instants], ['needless', r.needless]] as const)
    if (v !== undefined && !isListOf(v, isString)) throw new TypeError(`${where}: ${name} must be a list of strings`)
  if (r.clearable !== undefined && typeof r.clearable !== 'boolean') throw new TypeError(`${where}: clearable must be true or false`)
  if (r.gate !== undefined && !GATES.includes(r.gate)) throw new TypeError(`${where}: gate must be 'none', 'scope' or 'everything'`)
  if (mayMove !== undefined && typeof because !== 'string') throw new TypeError(`${where}: mayMove.because must be a string`)
  if (r.rank !== undefined && !Number.isFinite(r.rank)) throw new TypeError(`${where}: rank must be a finite number`)
  if (extension !== undefined && (typeof key !== 'string' || key === '' || typeof (codec as { readonly validate?: unknown } | undefined)?.validate !== 'function'))
    throw new TypeError(`${where}: extension must be { key: a non-empty string, codec: an io-ts codec }`)
  return ruleOf(r as unknown as RuleDefinition<ReadonlyArray<BlockerDefinition>, readonly [], readonly [], never, never>)
}

/**
 * The part of a built-in rule that finds its blockers: its id, paths, gate, the fields of its
 * blockers that hold instants, the tags of its blockers, and `check`. Each built-in rule is made
 * from its part (`ruleFrom(part, { … })`), and the default `canClose` runs the parts of the
 * default rules (the same checks, with the same checks of their answers), so that a bundle that
 * only asks `canClose` carries neither the words nor `clear`.
 *
 * @internal
 */
export interface RuleCheck<B extends BlockerBase = BlockerBase> {
  readonly id: string
  readonly paths: ReadonlyArray<Path>
  readonly gate?: Gate
  readonly instants?: ReadonlyArray<string>
  /** The tags of the blockers it finds (its rule's blocker definitions, without their words). */
  readonly tags: ReadonlyArray<B['_tag']>
  readonly check: (facts: ClosureFacts) => ReadonlyArray<B>
}

/**
 * The built-in rules and their parts (made by {@link ruleFrom} and {@link ruleCheck}, which no app
 * can reach: the package exports neither): their answers are object literals of plain data, new
 * at each call, so the engine takes them as they are, without the copying and freezing and the
 * checks that it gives every other rule's answer (an app's rule, or a copy of a built-in one);
 * only the instants they hold are still checked to be in range. The
 * tests hold the engine to it: every built-in rule's answers, checked as an app's rule's are, on
 * arbitrary snapshots, pass and are the same (test/trusted.test.ts).
 */
const vouched = new WeakSet<object>()

/**
 * Whether a rule (or a rule's part) is a built-in one, whose answers need no checking.
 *
 * @internal
 */
export const isVouched = (rule: object): boolean => vouched.has(rule)

/**
 * A built-in rule's {@link RuleCheck}, typed by its `check`.
 *
 * @internal
 */
/* @__NO_SIDE_EFFECTS__ */
export const ruleCheck = <B extends BlockerBase>(c: RuleCheck<B>): RuleCheck<B> => {
  const part = Object.freeze({ ...c })
  vouched.add(part)
  return part
}

/**
 * A built-in rule from its {@link RuleCheck} and the rest of its definition, as `defineRule` makes
 * it (a call a bundler may drop when only the part is used). The definitions are constants: the
 * tests check that `defineRule` accepts each and gives the same rule.
 *
 * @internal
 */
/* @__NO_SIDE_EFFECTS__ */
export const ruleFrom = <
  const BD extends ReadonlyArray<BlockerDefinition>,
  const SD extends ReadonlyArray<StepDefinition> = readonly [],
  const RD extends ReadonlyArray<ReasonDefinition> = readonly [],
>(
  part: RuleCheck<ItemOf<BD[number]>>,
  rest: Omit<RuleDefinition<BD, SD, RD, never, never>, 'id' | 'paths' | 'gate' | 'instants' | 'check'>,
): Rule<ItemOf<BD[number]>, ItemOf<SD[number]> | WaitUntil<ItemOf<RD[number]>>> => {
  const rule = ruleOf<BD, SD, RD>({ ...part, ...rest })
  vouched.add(rule)
  return rule
}

/**
 * A frozen copy of a list (none: empty), read by index with its length read once (a list of one's
 * own may have an iterator, a `length` getter or holes of its own).
 */
const frozen = <A>(list: ReadonlyArray<A> | undefined): ReadonlyArray<A> => {
  const out: Array<A> = []
  if (list !== undefined) for (let i = 0, n = list.length; i < n; i++) out.push(list[i] as A)
  return Object.freeze(out)
}

/**
 * The rule of a definition, frozen (what {@link defineRule} gives once the definition passed its
 * checks; the built-in rules' definitions are constants, checked by the tests).
 */
/* @__NO_SIDE_EFFECTS__ */
const ruleOf = <
  const BD extends ReadonlyArray<BlockerDefinition>,
  const SD extends ReadonlyArray<StepDefinition> = readonly [],
  const RD extends ReadonlyArray<ReasonDefinition> = readonly [],
  K extends string = never,
  A = never,
>(
  d: RuleDefinition<BD, SD, RD, K, A>,
): Rule<ItemOf<BD[number]>, ItemOf<SD[number]> | WaitUntil<ItemOf<RD[number]>>> => {
  const rule = {
    id: d.id,
    paths: frozen(d.paths),
    clearable: d.clearable ?? true,
    gate: d.gate ?? 'none',
    instants: frozen(d.instants),
    blockers: frozen(d.blockers),
    steps: frozen(d.steps),
    reasons: frozen(d.reasons),
    follows: frozen(d.follows),
    precedes: frozen(d.precedes),
    needless: frozen(d.needless),
    ...(d.mayMove === undefined ? {} : { mayMove: Object.freeze({ because: d.mayMove.because }) }),
    ...(d.rank === undefined ? {} : { rank: d.rank }),
    ...(d.extension === undefined ? {} : { extension: d.extension as AnyExtension }),
    check: d.check as (facts: ClosureFacts) => ReadonlyArray<ItemOf<BD[number]>>,
    clear: d.clear as (b: ItemOf<BD[number]>, facts: ClosureFacts) => ReadonlyArray<ItemOf<SD[number]> | WaitUntil<ItemOf<RD[number]>>>,
  }
  return Object.freeze(rule)
}

/**
 * Builds a rule. Every tag its `check` and `clear` give must be among its definitions, each with
 * its words, or it does not compile; the types follow from the definitions, without type
 * parameters.
 *
 * @example
 * import * as t from 'io-ts'
 * import { closureWith, defaultRules, defineBlocker, defineRule, defineStep } from 'account-closure'
 *
 * const feeUnpaid = defineBlocker({ tag: 'FeeUnpaid', rule: 'fees-paid', words: (b: { readonly subject: string }) => `Fee ${b.subject} is unpaid.` })
 * const payFee = defineStep({ tag: 'PayFee', kind: 'remedy', rule: 'fees-paid', words: (s: { readonly subject: string }) => `Pay fee ${s.subject}.` })
 *
 * const feesPaid = defineRule({
 *   id: 'fees-paid',
 *   paths: ['CloseAccount'],
 *   extension: { key: 'fees', codec: t.array(t.type({ id: t.string })) },
 *   blockers: [feeUnpaid],
 *   steps: [payFee],
 *   check: (f) => f.extensions.fees.map((fee) => feeUnpaid({ subject: fee.id })),
 *   clear: (b) => [payFee({ subject: b.subject })],
 *   follows: [{ step: 'WithdrawFunds', scope: 'any' }],
 *   mayMove: { because: 'A fee settles only once it is paid.' },
 * })
 *
 * const closure = closureWith([...defaultRules, feesPaid])
 * const decoded = closure.decodeSnapshot({
 *   asOf: '2026-11-18T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
 *   freelancer: null, companies: [], agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 *   extensions: { fees: [{ id: 'fee-1' }] },
 * })
 * if (decoded._tag === 'Left') throw new Error('invalid snapshot')
 * const snapshot = decoded.right
 * const v = closure.verdict(snapshot)
 * console.log(v.blockers.map((b) => b.message)) // ['Fee fee-1 is unpaid.']
 * console.log(v.mayMoveBecause) // ['A fee settles only once it is paid.']
 *
 * @category constructors
 * @since 0.2.0
 */
export const defineRule = <
  const BD extends ReadonlyArray<BlockerDefinition>,
  const SD extends ReadonlyArray<StepDefinition> = readonly [],
  const RD extends ReadonlyArray<ReasonDefinition> = readonly [],
  K extends string = never,
  A = never,
>(
  d: RuleDefinition<BD, SD, RD, K, A>,
): Rule<ItemOf<BD[number]>, ItemOf<SD[number]> | WaitUntil<ItemOf<RD[number]>>> => {
  const id: unknown = typeof d === 'object' && (d as unknown) !== null ? (d as { readonly id?: unknown }).id : undefined
  return checkedRule(d, typeof id === 'string' && id !== '' ? `defineRule(${JSON.stringify(id)})` : 'defineRule') as Rule<
    ItemOf<BD[number]>,
    ItemOf<SD[number]> | WaitUntil<ItemOf<RD[number]>>
  >
}
