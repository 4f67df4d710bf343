/**
 * The pipeline, built from a list of rules: blockers, plan, earliest instant and verdict all
 * come from the same rules, so an app's own rule goes everywhere a built-in one does. It names
 * no rule, blocker or step: what it knows of them, the rules say.
 *
 * @since 0.2.0
 */
import type * as E from 'fp-ts/lib/Either.js'
import type * as O from 'fp-ts/lib/Option.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'

import type { BlockerBase, BlockerDefinition } from '../engine/Blocker.js'
import type { Catalogue } from '../engine/Catalogue.js'
import { formatIn } from '../engine/Format.js'
import type { Format, Messages } from '../engine/Format.js'
import { orderSteps } from '../engine/order.js'
import { orderCycle, orderRulesOf, priorityKeyOf } from '../engine/priority.js'
import { checkedRule, isVouched } from '../engine/Rule.js'
import type { Rule, RuleCheck } from '../engine/Rule.js'
import { RuleError } from '../engine/RuleError.js'
import { isWait, waitWords } from '../engine/Step.js'
import type { ReasonDefinition, StepBase, StepDefinition, WaitReasonBase, WaitUntil } from '../engine/Step.js'
import type { AccountSnapshot } from '../model/codecs.js'
import { closureFacts } from '../model/facts.js'
import type { ClosureFacts, ClosureOptions } from '../model/facts.js'
import { MAX, MIN, toISOString } from '../model/Instant.js'
import type { Instant } from '../model/Instant.js'
import { scopeKey } from '../model/Scope.js'
import type { Path, Target } from '../model/Target.js'
import { alternativesOf, alternativeWords } from '../paths/Alternative.js'
import type { Alternative } from '../paths/Alternative.js'
import { consequencesOf, consequenceWords } from '../paths/Consequence.js'
import type { Consequence } from '../paths/Consequence.js'
import { adviceFor, pathSteps, procedureFor } from '../paths/procedure.js'
import type { Advice, Procedure } from '../paths/procedure.js'
import type { Verdict, VerdictOptions, Wire } from './verdict.js'

// fp-ts's values, written out (the same shapes as its constructors give): importing its Either
// and Option modules would put their instances (top-level calls, kept by every bundler) into a
// browser bundle that only asks canClose, about 2 kB gzipped.
const left = <L>(l: L): E.Either<L, never> => ({ _tag: 'Left', left: l })
const right = <A>(a: A): E.Either<never, A> => ({ _tag: 'Right', right: a })
// (one None for every answer: frozen, so that no caller can change the next one)
const none: O.Option<never> = /*#__PURE__*/ Object.freeze({ _tag: 'None' })
const some = <A>(a: A): O.Option<A> => ({ _tag: 'Some', value: a })

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Nothing blocks: the user can follow the path's procedure now.
 *
 * @category model
 * @since 0.1.0
 */
export interface Closable {
  readonly _tag: 'Closable'
  readonly path: Path
  readonly target: Target
}

/**
 * The questions a list of rules answers (the five functions of a closure, without its decoders).
 * Every function is pure, total on a decoded snapshot, and deterministic; a rule that breaks its
 * contract makes it throw a {@link RuleError}.
 *
 * @category model
 * @since 0.3.0
 */
export interface Questions<B extends BlockerBase, S extends StepBase> {
  /** Right when nothing blocks; Left with every blocker otherwise. */
  readonly canClose: (
    snapshot: AccountSnapshot,
    target?: Target,
    options?: ClosureOptions,
  ) => E.Either<ReadonlyNonEmptyArray<B>, Closable>
  /** The ordered plan: remedies, waits and advice, then the path's procedure. */
  readonly closureSteps: (snapshot: AccountSnapshot, target?: Target, options?: ClosureOptions) => ReadonlyArray<S | Advice | Procedure>
  /** The earliest instant the user can close: the last wait of the plan, or `asOf`; none when someone else must act. */
  readonly earliestClosableAt: (snapshot: AccountSnapshot, target?: Target, options?: ClosureOptions) => O.Option<Instant>
  /** Alternatives to closing, to consider first. */
  readonly alternatives: (snapshot: AccountSnapshot, target?: Target, options?: ClosureOptions) => ReadonlyArray<Alternative>
  /** Everything, as JSON-ready data with messages. */
  readonly verdict: (snapshot: AccountSnapshot, target?: Target, options?: VerdictOptions) => Verdict<B, S | Advice | Procedure>
}

/**
 * The blockers of a rule, or of a list's rules.
 *
 * @category model
 * @since 0.2.0
 */
export type BlockerOf<R> = R extends Rule<infer B, StepBase> ? B : never

/**
 * The steps of a rule, or of a list's rules.
 *
 * @category model
 * @since 0.2.0
 */
export type StepOf<R> = R extends Rule<BlockerBase, infer S> ? S : never

/**
 * Words for everything a list of rules (and the closing paths) can say, keyed by tag: a
 * catalogue typed complete for those rules (another language, say). A missing tag is a type error.
 *
 * @category model
 * @since 0.3.0
 */
export type CatalogueFor<R> = Messages<
  | BlockerOf<R>
  | Exclude<StepOf<R>, WaitUntil<WaitReasonBase>>
  | (StepOf<R> extends infer S ? (S extends WaitUntil<infer W> ? W : never) : never)
  | WaitUntil
  | Advice
  | Procedure
  | Consequence
  | Alternative
>

// -------------------------------------------------------------------------------------
// a rule's contract, checked at run time
// -------------------------------------------------------------------------------------

/**
 * A message as one piece of text. Words joined by a template are a tree of pieces in V8, each an
 * object that lives as long as the verdict and that `JSON.stringify` joins again; reading a
 * character joins them now, so that the pieces are garbage at once (young, the cheapest kind).
 */
const flat = (s: string): string => {
  if (typeof s === 'string') s.charCodeAt(0)
  return s
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)

const KINDS: ReadonlySet<unknown> = new Set(['remedy', 'wait', 'advice', 'procedure'])

const isInstantLike = (u: unknown): boolean => typeof u === 'number' && Number.isFinite(u) && u >= MIN && u < MAX

const shown = (u: unknown): string => {
  if (u === null) return 'null'
  if (u === undefined) return 'undefined'
  if (Array.isArray(u)) return 'an array'
  if (typeof u === 'string') return `a string (${JSON.stringify(u.length > 30 ? `${u.slice(0, 30)}…` : u)})`
  if (typeof u === 'object') return 'an object'
  return typeof u === 'number' ? `the number ${String(u)}` : `a ${typeof u}`
}

const isScope = (u: unknown): boolean => {
  if (typeof u !== 'object' || u === null) return false
  const s = u as { readonly _tag?: unknown; readonly companyId?: unknown; readonly agencyId?: unknown }
  return s._tag === 'Freelancer' || (s._tag === 'Company' && typeof s.companyId === 'string') || (s._tag === 'Agency' && typeof s.agencyId === 'string')
}

/** The fields every item carries: `_tag`, and when present a well-formed `scope` and a string `subject`. */
const itemProblem = (u: unknown, what: string): string | undefined => {
  if (typeof u !== 'object' || u === null) return `gave a ${what} that is ${shown(u)}, not an object`
  const x = u as { readonly _tag?: unknown; readonly scope?: unknown; readonly subject?: unknown }
  if (typeof x._tag !== 'string' || x._tag === '') return `gave a ${what} without a _tag`
  if (x.scope !== undefined && !isScope(x.scope)) return `gave a ${what} (${x._tag}) whose scope is not a scope`
  if (x.subject !== undefined && typeof x.subject !== 'string') return `gave a ${what} (${x._tag}) whose subject is not a string`
  return undefined
}

/** A rule with what the engine checks against, worked out once per policy. */
interface Known<B extends BlockerBase, S extends StepBase> {
  readonly rule: Rule<B, S>
  readonly blockerTags: ReadonlySet<string>
  /** A built-in rule (or its part): its answers are taken as they are (see `isVouched`). */
  readonly trusted: boolean
  /** The tags of its steps and of its reasons to wait, worked out at its first clear (`canClose` needs none). */
  clearTags?: { readonly steps: ReadonlySet<string>; readonly reasons: ReadonlySet<string> }
}

const fail = (rule: Rule<BlockerBase, StepBase>, message: string, cause?: unknown): never => {
  throw new RuleError(rule.id, message, cause === undefined ? undefined : { cause })
}

/** A catalogue's words that failed: a `TypeError` naming the entry, whatever rule's words were being said. */
class CatalogueError extends TypeError {}

/** Whether an error names a rule already (a RuleError, or one of that shape from another copy of the package). */
const namesRule = (e: unknown): boolean =>
  e instanceof RuleError || (typeof e === 'object' && e !== null && typeof (e as { readonly ruleId?: unknown }).ruleId === 'string')

/** Whether an error names its author already: a rule, or a catalogue's entry (it is thrown on as it is). */
const authored = (e: unknown): boolean => namesRule(e) || e instanceof CatalogueError

/** What an error says, in a line of another's. */
const said = (e: unknown): string => (e instanceof Error ? e.message : shown(e))

/** What a piece of a rule threw, as a {@link RuleError} naming the rule (an error that names its author already, as it is). */
const failedIn = (rule: Rule<BlockerBase, StepBase>, what: string, e: unknown): never => {
  if (authored(e)) throw e
  return fail(rule, `failed in ${what}: ${said(e)}`, e)
}

/** Words of a rule that are not a string. */
const notWords = (rule: Rule<BlockerBase, StepBase>, tag: string, text: unknown): never => fail(rule, `gave words for ${tag} that are ${shown(text)}, not a string`)

/** Runs a piece of a rule; anything it throws becomes a {@link RuleError} naming it. */
const guarded = <A>(rule: Rule<BlockerBase, StepBase>, what: string, f: () => A): A => {
  try {
    return f()
  } catch (e) {
    return failedIn(rule, what, e)
  }
}

/**
 * Words written outside the package, for an item: what they throw is `failed(e)`, and what they
 * give that is not a string `notText(it)` (a rule of one's own: a {@link RuleError} naming it; a
 * catalogue: a `TypeError` naming its entry).
 */
const checkedWords = (say: (i: unknown, f: Format) => unknown, item: unknown, format: Format, failed: (e: unknown) => never, notText: (text: unknown) => never): string => {
  let text: unknown
  try {
    text = say(item, format)
  } catch (e) {
    return failed(e)
  }
  return typeof text === 'string' ? text : notText(text)
}

/** A catalogue's words for one tag, checked: what fails is a `TypeError` naming the entry. */
const catalogueWords = (tag: string, say: (i: unknown, f: Format) => unknown): ((item: never, f: Format) => string) => {
  const failed = (e: unknown): never => {
    // (a rule's words it asked for, through f.reason, name their rule)
    if (authored(e)) throw e
    throw new CatalogueError(`catalogue.${tag} failed: ${said(e)}`, { cause: e })
  }
  const notText = (x: unknown): never => {
    throw new CatalogueError(`catalogue.${tag} gave ${shown(x)}, not a string`)
  }
  return (item, f) => checkedWords(say, item, f, failed, notText)
}

/** Whether every item of an array is a string. */
const allStrings = (a: ReadonlyArray<unknown>): boolean => {
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'string') return false
  return true
}

/**
 * A rule's answer, taken once: the array is read once (a getter or proxy cannot answer twice) and
 * each item is frozen, nested objects too, so that what was checked is what is used (a rule cannot
 * change an item after it passed, nor share one that a later call changes). A plain object or
 * array of data (the object literals a rule builds) is frozen where it is, without a copy: a rule
 * that writes to it afterwards fails. Anything else (an instance of a class, an object with a
 * getter, or one holding such a thing) is copied to plain objects, frozen, each getter read once.
 */
const settledList = (out: ReadonlyArray<unknown>): ReadonlyArray<unknown> =>
  // (concat, not slice: slice asks the array's own `constructor` to make the copy; an array that
  // says it is not to be spread is one item. Array.from costs several times as much)
  ([] as Array<unknown>).concat(out).map((u) => settled(u, 0))



/**
 * The getter of a property, if it is one (`__lookupGetter__`: no descriptor object is made, so it
 * costs a fraction of `Object.getOwnPropertyDescriptor`).
 */
const getterOf = ({} as { readonly __lookupGetter__: (this: object, k: string) => unknown }).__lookupGetter__

/**
 * Objects that were frozen before they were settled and were found to be plain data all the way
 * down, with the depth they were met at: a shared one (a scope, a rule's list of resolved rules)
 * is looked at once, not per item. Being frozen is not enough on its own: a frozen object may
 * have a getter, or hold an object that is not frozen. Met higher than before, it is looked at
 * again: what it holds past the depth it was looked at was not.
 */
const settledBefore = new WeakMap<object, number>()

/** A value settled (objects nested deeper than 8 are left as they are). */
const settled = (u: unknown, depth: number): unknown => {
  if (typeof u !== 'object' || u === null || depth > 8) return u
  const frozen = Object.isFrozen(u)
  // (only frozen objects are remembered; one never seen is undefined, which is no number's peer)
  if (frozen && (settledBefore.get(u) as number) <= depth) return u
  const p: unknown = Object.getPrototypeOf(u)
  // a plain object or array: frozen first, so that what is read next is what stays (once its
  // target is frozen, not even a proxy may answer otherwise), and kept where it is when every own
  // property, enumerable or not, is data (a getter is not called here: the copy calls it, once)
  // that is settled where it is
  // (an array kept may have an iterator or a `constructor` of its own: the engine reads its items
  // by index, never with its iterator or a method that asks its constructor for a new array)
  // (a loop, not every: no function made per object)
  inPlace: if (p === Object.prototype || p === Array.prototype) {
    for (const k of Object.getOwnPropertyNames(Object.freeze(u))) {
      if (k === 'toJSON' || getterOf.call(u, k)) break inPlace
      const v = (u as Readonly<Record<string, unknown>>)[k]
      if (typeof v === 'object' && v !== null && settled(v, depth + 1) !== v) break inPlace
    }
    if (frozen) settledBefore.set(u, depth)
    return u
  }
  // anything else, or what holds it: a frozen plain copy, each getter read once
  // (a toJSON it inherits, as a Date's, would be lost in the copy: JSON would have shown what it gives)
  // (a plain object or array inherits none; one with its own is refused by the loop below too)
  if (typeof (u as { readonly toJSON?: unknown }).toJSON === 'function')
    throw new TypeError(u instanceof Date ? 'an object with a toJSON (a Date: give an instant, a number of milliseconds)' : 'an object with a toJSON')
  const o: Record<string, unknown> = Array.isArray(u) ? (Array.from(u as ReadonlyArray<unknown>) as unknown as Record<string, unknown>) : { ...(u as Record<string, unknown>) }
  for (const k of Object.getOwnPropertyNames(o)) {
    // (JSON would show what it gives instead of the object; a class's is left behind with its prototype)
    if (k === 'toJSON') throw new TypeError('an object with a toJSON')
    o[k] = settled(o[k], depth + 1)
  }
  return Object.freeze(o)
}

/**
 * The instants a blocker holds, each checked to be one in range (even a built-in rule's arithmetic
 * can leave the range at its edge: a billing week that ends after 9999-01-01).
 */
const instantsIn = (rule: Rule<BlockerBase, StepBase>, b: BlockerBase & Readonly<Record<string, unknown>>): void => {
  for (const f of rule.instants) if (b[f] !== undefined && !isInstantLike(b[f])) fail(rule, `gave a blocker (${b._tag}) whose ${f} is not an instant in range`)
}

const waitOutOfRange = (rule: Rule<BlockerBase, StepBase>, at: unknown): never =>
  fail(rule, `gave a wait at ${shown(at)}, not an instant in range (0001-01-01 to 9999-01-01 UTC)`)

const runCheck = <B extends BlockerBase, S extends StepBase>(k: Known<B, S>, facts: ClosureFacts): ReadonlyArray<B> => {
  const rule = k.rule
  if (k.trusted)
    return guarded(rule, 'check', () => {
      const out = rule.check(facts)
      for (const b of out) instantsIn(rule, b as BlockerBase & Readonly<Record<string, unknown>>)
      return out
    })
  return guarded(rule, 'check', () => {
    const answer: unknown = rule.check(facts)
    if (!Array.isArray(answer)) return fail(rule, `check returned ${shown(answer)}, not an array of blockers`)
    const out = settledList(answer as ReadonlyArray<unknown>)
    for (const b of out) {
      const problem = itemProblem(b, 'blocker')
      if (problem !== undefined) fail(rule, problem)
      const x = b as BlockerBase & Readonly<Record<string, unknown>>
      if (x.rule !== rule.id) fail(rule, `gave a blocker (${x._tag}) without its rule ("${rule.id}")`)
      if (!k.blockerTags.has(x._tag)) fail(rule, `gave a blocker tagged ${x._tag}, which it does not define (with its words)`)
      instantsIn(rule, x)
    }
    return out as ReadonlyArray<B>
  })
}

const runClear = <B extends BlockerBase, S extends StepBase>(k: Known<B, S>, blocker: B, facts: ClosureFacts): ReadonlyArray<S> => {
  const rule = k.rule
  if (k.trusted)
    return guarded(rule, 'clear', () => {
      const out = rule.clear(blocker, facts)
      for (let i = 0; i < out.length; i++) {
        const s = out[i] as StepBase
        if (isWait(s) && !isInstantLike(s.at)) waitOutOfRange(rule, s.at)
      }
      return out
    })
  return guarded(rule, 'clear', () => {
    const answer: unknown = rule.clear(blocker, facts)
    if (!Array.isArray(answer)) return fail(rule, `clear returned ${shown(answer)}, not an array of steps`)
    const tags = (k.clearTags ??= { steps: new Set(rule.steps.map((d: StepDefinition) => d.tag)), reasons: new Set(rule.reasons.map((d: ReasonDefinition) => d.tag)) })
    // (settledList, written out: one array per blocker's steps, not two and a function)
    const out = ([] as Array<unknown>).concat(answer)
    for (let i = 0; i < out.length; i++) out[i] = settled(out[i], 0)
    for (let i = 0; i < out.length; i++) {
      const s = out[i]
      const problem = itemProblem(s, 'step')
      if (problem !== undefined) fail(rule, problem)
      const x = s as StepBase
      if (!KINDS.has(x.kind)) fail(rule, `gave a step (${x._tag}) whose kind is not remedy, wait, advice or procedure`)
      if (!Array.isArray(x.resolves) || !allStrings(x.resolves)) fail(rule, `gave a step (${x._tag}) whose resolves is not a list of rule ids`)
      if (isWait(x)) {
        if (x.kind !== 'wait') fail(rule, 'gave a WaitUntil that is not of kind wait')
        if (!isInstantLike(x.at)) waitOutOfRange(rule, x.at)
        if (!Array.isArray(x.reasons)) fail(rule, 'gave a wait whose reasons are not a list')
        for (let i = 0; i < x.reasons.length; i++) {
          const r = x.reasons[i]
          const bad = itemProblem(r, 'reason to wait')
          if (bad !== undefined) fail(rule, bad)
          const y = r as WaitReasonBase
          if (typeof y.rule !== 'string') fail(rule, `gave a reason to wait (${y._tag}) without its rule`)
          if (!tags.reasons.has(y._tag)) fail(rule, `gave a reason to wait tagged ${y._tag}, which it does not define (with its words)`)
        }
      } else if (!tags.steps.has(x._tag)) fail(rule, `gave a step tagged ${x._tag}, which it does not define (with its words)`)
    }
    // a blocker the user can clear alone, with nothing to do (advice clears nothing): the plan would end "closable now"
    if (rule.clearable && !out.some((x) => (x as StepBase).kind === 'remedy' || (x as StepBase).kind === 'wait'))
      fail(
        rule,
        `gave no remedy or wait for a blocker (${blocker._tag}) the user can clear alone: its clear gives one, or the rule is clearable: false`,
      )
    return out as ReadonlyArray<S>
  })
}

// -------------------------------------------------------------------------------------
// the engine
// -------------------------------------------------------------------------------------

/** A rule and the blockers it found (never none). */
interface Found<B extends BlockerBase, S extends StepBase> {
  readonly known: Known<B, S>
  readonly blockers: ReadonlyArray<B>
}

/** Every blocker found, rule by rule. */
const blockersOf = <B extends BlockerBase, S extends StepBase>(found: ReadonlyArray<Found<B, S>>): ReadonlyArray<B> => {
  if (found.length === 1) return (found[0] as Found<B, S>).blockers
  // a loop: flatMap costs several times more on long lists
  const out: Array<B> = []
  for (const x of found) for (const b of x.blockers) out.push(b)
  return out
}

/** Whether someone other than the user must act on a blocker found. */
const needsOthers = (found: ReadonlyArray<Found<BlockerBase, StepBase>>): boolean => found.some((x) => !x.known.rule.clearable)

interface Blocked<B extends BlockerBase, S extends StepBase> {
  readonly facts: ClosureFacts
  readonly found: ReadonlyArray<Found<B, S>>
  /** A rule with gate `everything` blocked: nothing else is reported, and there is no plan. */
  readonly stopped: boolean
  /** The ids of the rules that ran and whose answer is reported whole, in the policy's order. */
  readonly checked: ReadonlyArray<string>
}

interface Answer<B extends BlockerBase, S extends StepBase> extends Blocked<B, S> {
  readonly plan: ReadonlyArray<S | Advice | Procedure>
  readonly earliest: O.Option<Instant>
}

/**
 * Steps by identity (a wait by its instant; any other step by its tag, scope and subject), in
 * maps nested by those parts, so that no key text is built and hashed per step.
 */
const stepIndex = () => {
  const byTag = new Map<string, Map<string, Map<string | number, number>>>()
  return {
    /** Where the step's identity is; `next` (and from now on there) when it is new. */
    find: (s: StepBase, next: number): number => {
      const tag = s._tag
      const scope = s.scope === undefined ? '' : scopeKey(s.scope)
      const subject = isWait(s) ? s.at : (s.subject ?? '')
      let byScope = byTag.get(tag)
      if (byScope === undefined) byTag.set(tag, (byScope = new Map<string, Map<string | number, number>>()))
      let bySubject = byScope.get(scope)
      if (bySubject === undefined) byScope.set(scope, (bySubject = new Map<string | number, number>()))
      const at = bySubject.get(subject)
      if (at !== undefined) return at
      bySubject.set(subject, next)
      return next
    },
  }
}

const reasonKey = (r: WaitReasonBase): string =>
  `${r._tag}|${r.rule}|${r.scope === undefined ? '' : scopeKey(r.scope)}|${r.subject ?? ''}`

/**
 * A step of the plan that others joined (most steps are alone, and have none): the same step from
 * several blockers is one step that resolves the rules of all of them and, for a wait, waits for
 * every reason of all of them.
 */
interface Joined {
  readonly resolves: Set<string>
  readonly reasons: Map<string, WaitReasonBase> | undefined
}

// (a rule's arrays are read by index: one it answered may have an iterator or a constructor of its own)
const joinedOf = (first: StepBase): Joined => {
  const j: Joined = { resolves: new Set(), reasons: isWait(first) ? new Map() : undefined }
  absorb(j, first)
  return j
}

const absorb = (j: Joined, step: StepBase): void => {
  const resolves = step.resolves
  for (let i = 0; i < resolves.length; i++) j.resolves.add(resolves[i] as string)
  // (steps of one identity are both waits or neither)
  if (j.reasons !== undefined && isWait(step))
    for (let i = 0; i < step.reasons.length; i++) {
      const r = step.reasons[i] as WaitReasonBase
      j.reasons.set(reasonKey(r), r)
    }
}

/** The step others joined: their rules, sorted, and their reasons, in the order of their keys. */
const finish = <S extends StepBase>(step: S, j: Joined): S => {
  const resolves = [...j.resolves].sort()
  const reasons = j.reasons
  if (reasons === undefined) return { ...step, resolves }
  return { ...step, resolves, reasons: [...reasons.keys()].sort().map((k) => reasons.get(k) as WaitReasonBase) }
}

/** The latest instant any blocker's steps wait until, without building the plan. */
const earliestOf = <B extends BlockerBase, S extends StepBase>(a: Blocked<B, S>): O.Option<Instant> => {
  if (a.stopped) return none
  const others = needsOthers(a.found)
  let at: number = a.facts.asOf
  for (const { known, blockers } of a.found) {
    // (a built-in rule that defines no reason to wait never waits: its steps are not made to know it; when someone
    // else must act there is no instant, but a rule of one's own is still asked, so that a broken one fails here as
    // it does in the plan)
    // Stryker disable next-line ConditionalExpression,LogicalOperator: it only skips work (a built-in rule's steps cannot change an instant that is none, nor give a wait without a reason)
    if (known.trusted && (others || known.rule.reasons.length === 0)) continue
    for (let b = 0; b < blockers.length; b++) {
      const cleared = runClear(known, blockers[b] as B, a.facts)
      for (let i = 0; i < cleared.length; i++) {
        const s = cleared[i] as S
        // Stryker disable next-line EqualityOperator: a wait at the instant already kept keeps it (>= and > agree)
        if (isWait(s) && s.at > at) at = s.at
      }
    }
  }
  return others ? none : some(at as Instant)
}

// -------------------------------------------------------------------------------------
// the policy: a list of rules, checked once
// -------------------------------------------------------------------------------------

const WAIT_DEFINITION: StepDefinition<WaitUntil> = { tag: 'WaitUntil', kind: 'wait', words: waitWords }

/**
 * A list of rules, checked: what finding blockers needs. What only the plan and the words need
 * (every definition, the declared order, the words by tag) is worked out by {@link planned},
 * once, so that a bundle that only asks `canClose` carries none of it.
 *
 * @internal
 */
export interface Policy<B extends BlockerBase, S extends StepBase> {
  readonly list: ReadonlyArray<Rule<B, S>>
  readonly known: ReadonlyArray<Known<B, S>>
  /** (filled by {@link planned}) */
  readonly cache: { planning?: Planning }
  /** How its planning is worked out (none for a policy that only finds blockers). */
  readonly plan?: (list: ReadonlyArray<Rule<B, S>>) => Planning
}

/** What the plan and the verdict need of a policy. */
interface Planning {
  /** The words of every tag, by tag. */
  readonly words: ReadonlyMap<string, (item: never, format: Format) => string>
  readonly orders: ReturnType<typeof orderRulesOf>
  readonly priority: ReturnType<typeof priorityKeyOf>
}

const isRuleLike = (u: unknown): u is Rule =>
  typeof u === 'object' &&
  u !== null &&
  typeof (u as Rule).id === 'string' &&
  Array.isArray((u as Rule).paths) &&
  typeof (u as Rule).check === 'function' &&
  typeof (u as Rule).clear === 'function' &&
  Array.isArray((u as Rule).blockers) &&
  Array.isArray((u as Rule).steps) &&
  Array.isArray((u as Rule).reasons) &&
  Array.isArray((u as Rule).follows) &&
  Array.isArray((u as Rule).precedes) &&
  Array.isArray((u as Rule).needless)

/** The tags of a rule's definitions (one that is not a definition is refused when the policy is planned). */
const tagsOf = (definitions: ReadonlyArray<{ readonly tag: string }>): ReadonlySet<string> => {
  const out = new Set<string>()
  for (const d of definitions as ReadonlyArray<unknown>) if (typeof d === 'function' || (typeof d === 'object' && d !== null)) out.add((d as { readonly tag: string }).tag)
  return out
}

/**
 * The rules of a list, read once, by index (its `length` once), each checked as `defineRule` checks
 * a definition into a frozen copy read once (a built-in rule is taken as it is), in a frozen array
 * of this library's own: what is checked is what runs (a list of one's own may have methods, an
 * iterator, a `length` or holes of its own, or change afterwards; a rule made by another copy of
 * the package, or by hand, passes the same checks).
 */
const checkedRules = <R>(list: ReadonlyArray<R>): ReadonlyArray<R> => {
  const given: unknown = list
  if (!Array.isArray(given)) throw new TypeError('closureWith takes an array of rules made with defineRule')
  const out: Array<R> = []
  for (let i = 0, n = list.length; i < n; i++) {
    const r: unknown = list[i]
    if (!isRuleLike(r)) throw new TypeError(`closureWith: the rule at index ${i} is not a rule made with defineRule`)
    out.push((isVouched(r) ? r : checkedRule(r, `closureWith: the rule "${r.id}" (at index ${i})`)) as R)
  }
  return Object.freeze(out)
}

/**
 * A list of rules checked as rules: each made by `defineRule`, no two with one id, no two codecs
 * for one extension key.
 *
 * @internal
 */
export const policyOf = <B extends BlockerBase, S extends StepBase>(given: ReadonlyArray<Rule<B, S>>): Policy<B, S> => {
  const list = checkedRules(given)
  const ids = new Set<string>()
  for (const r of list) {
    if (ids.has(r.id)) throw new TypeError(`closureWith: two rules have the id "${r.id}"`)
    ids.add(r.id)
  }
  const extensions = new Map<string, { readonly codec: unknown; readonly by: string }>()
  for (const r of list)
    if (r.extension !== undefined) {
      const seen = extensions.get(r.extension.key)
      if (seen === undefined) extensions.set(r.extension.key, { codec: r.extension.codec, by: r.id })
      else if (seen.codec !== r.extension.codec)
        throw new TypeError(`closureWith: rules "${seen.by}" and "${r.id}" read extensions.${r.extension.key} with different codecs`)
    }
  return { list, known: knownOf(list), cache: {}, plan: planningOf }
}

/** Each rule with the tags it defines. */
const knownOf = <B extends BlockerBase, S extends StepBase>(list: ReadonlyArray<Rule<B, S>>): ReadonlyArray<Known<B, S>> =>
  list.map((rule) => ({
    rule,
    blockerTags: tagsOf(rule.blockers),
    trusted: isVouched(rule),
  }))

/**
 * The policy of the built-in rules, which the top-level functions run: as {@link policyOf}'s,
 * without the checks of the list (rules made by `defineRule`, one id each, one codec per key) and
 * of its definitions and declared order (every tag defined once with its words, no cycle), which
 * a constant list passes every time (the tests check that `closureWith(defaultRules)`, which runs
 * them all, accepts it and answers the same).
 *
 * @internal
 */
/* @__NO_SIDE_EFFECTS__ */
export const trustedPolicy = <R extends Rule<BlockerBase, StepBase>>(list: ReadonlyArray<R>): Policy<BlockerOf<R>, StepOf<R>> => {
  const rules = list as unknown as ReadonlyArray<Rule<BlockerOf<R>, StepOf<R>>>
  return { list: rules, known: knownOf(rules), cache: {}, plan: planningFrom }
}

/**
 * The policy that the default `canClose` runs: the built-in rules' checks (see `RuleCheck`),
 * each run and its answer checked exactly as in {@link policyOf}'s policy of the rules they are
 * part of. Only `canCloseOf` takes it: it holds no words, steps or order, so it makes no plan.
 *
 * @internal
 */
/* @__NO_SIDE_EFFECTS__ */
export const checksPolicy = <B extends BlockerBase>(parts: ReadonlyArray<RuleCheck<B>>): Policy<B, never> => ({
  list: [],
  known: parts.map((p) => ({
    // (what finding blockers reads of a rule: id, paths, gate, instants and check)
    rule: { id: p.id, paths: p.paths, gate: p.gate ?? 'none', instants: p.instants ?? [], check: p.check } as unknown as Rule<B, never>,
    blockerTags: new Set<string>(p.tags),
    trusted: isVouched(p),
  })),
  cache: {},
})

/**
 * What the plan and the words need of a policy, worked out at its first use: every tag defined
 * once with its words, and the declared order without a cycle (a `TypeError` otherwise).
 *
 * @internal
 */
export const planned = <B extends BlockerBase, S extends StepBase>(policy: Policy<B, S>): Planning => {
  if (policy.plan === undefined) throw new TypeError('account-closure: a policy that only finds blockers makes no plan')
  return (policy.cache.planning ??= policy.plan(policy.list))
}

type Definition = BlockerDefinition | StepDefinition | ReasonDefinition

/** Every definition a list of rules plans with, in order: the engine's wait, the paths' steps, then the rules'. */
const eachDefinition = (list: ReadonlyArray<Rule<BlockerBase, StepBase>>, f: (d: Definition, by: string) => void): void => {
  f(WAIT_DEFINITION, 'the engine')
  for (const d of pathSteps) f(d, 'the closing paths')
  for (const r of list) for (const d of [...r.blockers, ...r.steps, ...r.reasons]) f(d, `rule "${r.id}"`)
}

/** The definitions and the declared order checked (a `TypeError` otherwise), then the planning. */
const planningOf = <B extends BlockerBase, S extends StepBase>(list: ReadonlyArray<Rule<B, S>>): Planning => {
  // every tag defined once, with its words: the engine's wait, the paths' steps, then the rules'
  const definitions = new Map<string, { readonly d: Definition; readonly by: string }>()
  const define = (d: Definition, by: string): void => {
    if (d === null || (typeof d !== 'object' && typeof d !== 'function')) throw new TypeError(`closureWith: ${by} lists a definition that is not one`)
    if (typeof d.tag !== 'string' || typeof d.words !== 'function')
      throw new TypeError(`closureWith: ${by} lists a definition without a tag and its words`)
    const seen = definitions.get(d.tag)
    if (seen === undefined) definitions.set(d.tag, { d, by })
    else if (seen.d !== d) throw new TypeError(`closureWith: the tag ${d.tag} is defined twice, by ${seen.by} and by ${by}; reuse one definition`)
  }
  eachDefinition(list, define)
  for (const t of ['WaitUntil'])
    for (const r of list)
      if ([...r.follows, ...r.precedes].some((o) => o.step === t))
        throw new TypeError(`closureWith: rule "${r.id}" orders its steps against WaitUntil; waits are ordered by time and by each rule's clear`)
  const cycle = orderCycle(list, new Set(definitions.keys()))
  if (cycle !== undefined) throw new TypeError(`closureWith: the declared order has a cycle, through the rules ${cycle.map((x) => `"${x}"`).join(', ')}`)
  return planningFrom(list)
}

/** What the plan and the words need of a list of rules (whose definitions and order are checked). */
const planningFrom = <B extends BlockerBase, S extends StepBase>(list: ReadonlyArray<Rule<B, S>>): Planning => {
  // every tag's definition (the first of each tag)
  const definitions = new Map<string, Definition>()
  eachDefinition(list, (d) => {
    if (!definitions.has(d.tag)) definitions.set(d.tag, d)
  })
  const stepDefinitions = new Map<string, StepDefinition>()
  for (const [tag, d] of definitions) if ('kind' in d) stepDefinitions.set(tag, d)
  // the rule that lists each step or reason first: the words of one of one's own are checked (the package's own are
  // not); a blocker's words are checked in the verdict, for the rule that gave the blocker
  const owners = new Map<string, Rule<B, S>>()
  for (const r of list) for (const d of [...r.steps, ...r.reasons]) if (!owners.has(d.tag)) owners.set(d.tag, r)
  const words = new Map<string, (item: never, format: Format) => string>()
  for (const [tag, d] of definitions) {
    // (the words called as a method of their definition, as written)
    const say = (item: unknown, format: Format): string => (d.words as (i: unknown, f: Format) => string)(item, format)
    const owner = owners.get(tag)
    if (owner === undefined || isVouched(owner)) words.set(tag, say)
    else {
      const failed = (e: unknown): never => failedIn(owner, 'its words', e)
      const notText = (x: unknown): never => notWords(owner, tag, x)
      words.set(tag, (item: never, format: Format) => checkedWords(say, item, format, failed, notText))
    }
  }
  for (const [tag, say] of Object.entries(consequenceWords)) words.set(tag, say)
  for (const [tag, say] of Object.entries(alternativeWords)) words.set(tag, say)
  return { words, orders: orderRulesOf(list, stepDefinitions), priority: priorityKeyOf(list, stepDefinitions) }
}

/**
 * The order a list of rules declares, and its priority of steps (for tests of the order alone).
 *
 * @internal
 */
export const planOrderOf = (rules: ReadonlyArray<Rule>) => {
  const p = planned(policyOf(rules))
  return { orders: p.orders, priority: p.priority }
}

/** The facts of a question and its blockers, with the gates applied. */
const findBlockers = <B extends BlockerBase, S extends StepBase>(
  policy: Policy<B, S>,
  snapshot: AccountSnapshot,
  target: Target | undefined,
  options: ClosureOptions | undefined,
): Blocked<B, S> => {
  const facts = closureFacts(snapshot, target, options)
  const ran: Array<Found<B, S>> = []
  let stoppers = 0
  for (const known of policy.known) {
    if (!known.rule.paths.includes(facts.path)) continue
    const blockers = runCheck(known, facts)
    ran.push({ known, blockers })
    if (blockers.length > 0 && known.rule.gate === 'everything') stoppers++
  }
  // rules that stop everything: only their blockers are reported
  if (stoppers > 0) {
    const found = ran.filter((x) => x.known.rule.gate === 'everything' && x.blockers.length > 0)
    return { facts, found, stopped: true, checked: ran.filter((x) => x.blockers.length === 0 || x.known.rule.gate === 'everything').map((x) => x.known.rule.id) }
  }
  // rules that hide the rest of a scope
  // (a set only when a scope is hidden: most questions hide none)
  let hidden: Set<string> | undefined
  for (const x of ran) if (x.known.rule.gate === 'scope') for (const b of x.blockers) if (b.scope !== undefined) (hidden ??= new Set()).add(scopeKey(b.scope))
  const checked: Array<string> = []
  const found: Array<Found<B, S>> = []
  for (const x of ran) {
    const h = hidden
    const blockers =
      h === undefined || x.known.rule.gate !== 'none' ? x.blockers : x.blockers.filter((b) => b.scope === undefined || !h.has(scopeKey(b.scope)))
    if (blockers.length === x.blockers.length) checked.push(x.known.rule.id)
    // (the rule's own entry when nothing of it was hidden)
    if (blockers.length > 0) found.push(blockers === x.blockers ? x : { known: x.known, blockers })
  }
  return { facts, found, stopped: false, checked }
}

const evaluate = <B extends BlockerBase, S extends StepBase>(
  policy: Policy<B, S>,
  snapshot: AccountSnapshot,
  target: Target | undefined,
  options: ClosureOptions | undefined,
): Answer<B, S> => {
  const blocked = findBlockers(policy, snapshot, target, options)
  const { facts, found, stopped } = blocked
  if (stopped) return { ...blocked, plan: [], earliest: none }

  // the plan: each blocker's steps in their order, one step per identity, then the declared order
  // (the steps by their number; the few that others joined, aside; links as pairs of numbers)
  const steps: Array<S | Advice> = []
  const joined = new Map<number, Joined>()
  const index = stepIndex()
  const links: Array<number> = []
  // the earliest instant is the plan's last wait: worked out as the waits are placed
  let at: number = facts.asOf
  const place = (s: S | Advice): number => {
    const here = index.find(s, steps.length)
    if (here === steps.length) steps.push(s)
    else {
      let j = joined.get(here)
      if (j === undefined) joined.set(here, (j = joinedOf(steps[here] as StepBase)))
      absorb(j, s)
    }
    if (isWait(s) && s.at > at) at = s.at
    return here
  }
  for (const { known, blockers } of found)
    for (let b = 0; b < blockers.length; b++) {
      const cleared = runClear(known, blockers[b] as B, facts)
      let previous = -1
      for (let i = 0; i < cleared.length; i++) {
        const here = place(cleared[i] as S)
        if (previous >= 0) links.push(previous, here)
        previous = here
      }
    }
  for (const advice of adviceFor(facts.snapshot, facts.target)) place(advice)
  for (const [i, j] of joined) steps[i] = finish(steps[i] as S | Advice, j)
  const { orders, priority } = planned(policy)
  // (orderSteps gives a new array: the procedure is appended to it, not copied with it)
  const plan: Array<S | Advice | Procedure> = orderSteps(steps, orders, links, priority) as Array<S | Advice>
  for (const p of procedureFor(facts.snapshot, facts.path, facts.target)) plan.push(p)

  // unless someone else must act
  const earliest: O.Option<Instant> = needsOthers(found) ? none : some(at as Instant)
  return { ...blocked, plan, earliest }
}

/**
 * The answer in brief, for many snapshots at once (the command's `batch`): the path, the blockers
 * and the earliest instant, without ordering the plan or writing messages. The earliest instant
 * is the same as the plan's last wait: the latest instant any blocker's steps wait until.
 *
 * @internal
 */
export const briefWith = <R extends Rule<BlockerBase, StepBase>>(rules: ReadonlyArray<R>) => {
  const policy = policyOf(rules as unknown as ReadonlyArray<Rule<BlockerOf<R>, StepOf<R>>>)
  planned(policy)
  return (
    snapshot: AccountSnapshot,
    target?: Target,
    options?: ClosureOptions,
  ): { readonly path: Path; readonly blockers: ReadonlyArray<BlockerOf<R>>; readonly earliest: O.Option<Instant> } => {
    const blocked = findBlockers(policy, snapshot, target, options)
    return { path: blocked.facts.path, blockers: blockersOf(blocked.found), earliest: earliestOf(blocked) }
  }
}

// -------------------------------------------------------------------------------------
// options of the verdict, checked like input
// -------------------------------------------------------------------------------------

const checkTimeZone = (options: VerdictOptions): string => {
  const zone: unknown = options.timeZone
  if (zone === undefined) return 'UTC'
  if (typeof zone === 'string' && zone !== '')
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone })
      return zone
    } catch {
      // refused below
    }
  // (a string is shown as it is written: "not a string" would read as if it were not one)
  throw new TypeError(`timeZone must be a known IANA time zone (such as 'Europe/Berlin'), not ${typeof zone === 'string' ? JSON.stringify(zone.slice(0, 40)) : shown(zone)}`)
}

const checkCatalogue = (options: VerdictOptions): Catalogue | undefined => {
  const c: unknown = options.catalogue
  if (c === undefined) return undefined
  if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new TypeError(`catalogue must be an object of words keyed by tag, not ${shown(c)}`)
  for (const k of Object.keys(c)) {
    const say: unknown = (c as Readonly<Record<string, unknown>>)[k]
    if (say !== undefined && typeof say !== 'function') throw new TypeError(`catalogue.${k} must be a function giving the words, not ${shown(say)}`)
  }
  return c as Catalogue
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The questions of a list of rules, without its decoders: what the top-level functions are built
 * with (so that `canClose` alone carries no decoder), and what `closureWith` adds its decoders to.
 * Refuses, with a `TypeError`, two rules with one id, two definitions of one tag, two codecs for
 * one extension key, and a cycle of declared order.
 *
 * @internal
 */
export const questionsWith = <R extends Rule<BlockerBase, StepBase>>(list: ReadonlyArray<R>): Questions<BlockerOf<R>, StepOf<R>> =>
  questionsOf(policyOf(list as unknown as ReadonlyArray<Rule<BlockerOf<R>, StepOf<R>>>))

/**
 * The questions of a policy (see {@link questionsWith}).
 *
 * @internal
 */
export const questionsOf = <B extends BlockerBase, S extends StepBase>(policy: Policy<B, S>): Questions<B, S> => {
  // every definition and the declared order are checked now, not at the first plan
  planned(policy)
  return {
    canClose: canCloseOf(policy),
    closureSteps: closureStepsOf(policy),
    earliestClosableAt: earliestClosableAtOf(policy),
    alternatives: alternativesWith(policy),
    verdict: verdictOf(policy),
  }
}

// Each function of a closure is made on its own from the policy, so that an app's bundler keeps
// only those the app calls (the top-level functions are made this way, with pure annotations).

/**
 * `canClose` of a policy.
 *
 * @internal
 */
export const canCloseOf =
  <B extends BlockerBase, S extends StepBase>(policy: Policy<B, S>): Questions<B, S>['canClose'] =>
  (snapshot, target, options) => {
    const { facts, found } = findBlockers(policy, snapshot, target, options)
    const blockers = blockersOf(found)
    return blockers.length > 0
      ? left(blockers as unknown as ReadonlyNonEmptyArray<B>)
      : right({ _tag: 'Closable', path: facts.path, target: facts.target })
  }

/**
 * `closureSteps` of a policy.
 *
 * @internal
 */
export const closureStepsOf =
  <B extends BlockerBase, S extends StepBase>(policy: Policy<B, S>): Questions<B, S>['closureSteps'] =>
  (snapshot, target, options) =>
    evaluate(policy, snapshot, target, options).plan

/**
 * `earliestClosableAt` of a policy: the latest wait of the plan's steps, without ordering them
 * (see briefWith).
 *
 * @internal
 */
export const earliestClosableAtOf =
  <B extends BlockerBase, S extends StepBase>(policy: Policy<B, S>): Questions<B, S>['earliestClosableAt'] =>
  (snapshot, target, options) =>
    earliestOf(findBlockers(policy, snapshot, target, options))

/** The ids of the rules the plan's steps resolve. */
const resolvedBy = (plan: ReadonlyArray<StepBase>): ReadonlySet<string> => {
  const resolved = new Set<string>()
  let last: unknown
  // (neighbouring steps mostly resolve the same rule: a Set.add only when it changes)
  for (let i = 0; i < plan.length; i++) {
    const resolves = (plan[i] as StepBase).resolves
    for (let k = 0; k < resolves.length; k++) if (resolves[k] !== last) resolved.add((last = resolves[k] as string))
  }
  return resolved
}

const needlessOf = <B extends BlockerBase, S extends StepBase>(policy: Policy<B, S>, resolved: ReadonlySet<string>): ReadonlySet<string> => {
  const out = new Set<string>()
  for (const { rule } of policy.known) if (resolved.has(rule.id)) for (const t of rule.needless) out.add(t)
  return out
}

const alternativesIn = <B extends BlockerBase, S extends StepBase>(
  policy: Policy<B, S>,
  a: Answer<B, S>,
  resolved: ReadonlySet<string> = resolvedBy(a.plan),
): ReadonlyArray<Alternative> => (a.stopped ? [] : alternativesOf(a.facts.snapshot, a.facts.path, needlessOf(policy, resolved)))

/**
 * `alternatives` of a policy.
 *
 * @internal
 */
export const alternativesWith =
  <B extends BlockerBase, S extends StepBase>(policy: Policy<B, S>): Questions<B, S>['alternatives'] =>
  (snapshot, target, options) =>
    alternativesIn(policy, evaluate(policy, snapshot, target, options))

/**
 * `verdict` of a policy.
 *
 * @internal
 */
export const verdictOf = <B extends BlockerBase, S extends StepBase>(policy: Policy<B, S>): Questions<B, S>['verdict'] => {
  const verdict = (snapshot: AccountSnapshot, target?: Target, options: VerdictOptions = {}): Verdict<B, S | Advice | Procedure> => {
    if (typeof options !== 'object' || options === null) throw new TypeError(`options must be an object, not ${shown(options)}`)
    const timeZone = checkTimeZone(options)
    const catalogue = checkCatalogue(options)
    const a = evaluate(policy, snapshot, target, options)
    const { words } = planned(policy)
    const wordsOf = (tag: string): ((item: never, f: Format) => string) => {
      if (catalogue !== undefined && hasOwn(catalogue, tag)) {
        const say = catalogue[tag]
        if (say !== undefined) return catalogueWords(tag, say as (i: unknown, f: Format) => unknown)
      }
      const say = words.get(tag)
      // (every tag a rule gives is checked to be among its definitions, with words)
      // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, a rule's answer with a tag it does not define fails before its words
      if (say === undefined) throw new TypeError(`no words for the tag ${tag}`)
      return say
    }
    const say = (item: { readonly _tag: string }): string => flat((wordsOf(item._tag) as (i: unknown, f: Format) => string)(item, format))
    const format: Format = { ...formatIn(timeZone, a.facts.snapshot), reason: (r) => say(r) }
    // each item copied once, with its message (and instants as text) set on the copy
    const blockers: Array<Wire<B>> = []
    // (what fails here is the rule that gave the blocker, a catalogue's words excepted: they name their entry)
    for (const { known, blockers: found } of a.found) {
      const rule = known.rule
      const instants = rule.instants
      guarded(rule, 'its words', () => {
        for (let i = 0; i < found.length; i++) {
          const blocker = found[i] as B
          const out: Record<string, unknown> = { ...(blocker as B & Readonly<Record<string, unknown>>) }
          const message: unknown = say(blocker)
          if (typeof message !== 'string') notWords(rule, blocker._tag, message)
          out['message'] = message
          // Stryker disable next-line EqualityOperator: one past the end names no field (undefined is not a number there)
          for (let j = 0; j < instants.length; j++) {
            const k = instants[j] as string
            if (typeof out[k] === 'number') out[k] = toISOString(out[k] as Instant)
          }
          blockers.push(out as Wire<B>)
        }
      })
    }
    const steps: Array<Wire<S | Advice | Procedure>> = new Array<Wire<S | Advice | Procedure>>(a.plan.length)
    const resolved = resolvedBy(a.plan)
    for (let i = 0; i < a.plan.length; i++) {
      const s = a.plan[i] as S | Advice | Procedure
      const out: Record<string, unknown> = { ...(s as (S | Advice | Procedure) & Readonly<Record<string, unknown>>) }
      out['message'] = say(s)
      if (isWait(s)) out['at'] = toISOString(s.at)
      steps[i] = out as Wire<S | Advice | Procedure>
    }
    const because: Array<string> = []
    for (const { rule } of policy.known) if (rule.mayMove !== undefined && resolved.has(rule.id) && !because.includes(rule.mayMove.because)) because.push(rule.mayMove.because)
    return {
      target: a.facts.target,
      path: a.facts.path,
      closable: blockers.length === 0,
      blockers,
      earliestAt: a.earliest._tag === 'Some' ? toISOString(a.earliest.value) : null,
      earliestAtMayMove: because.length > 0,
      mayMoveBecause: because,
      steps,
      consequences: (a.stopped ? [] : consequencesOf(a.facts.snapshot, a.facts.path, a.facts.target)).map(
        (c) => ({ ...c, message: say(c) }),
      ),
      alternatives: alternativesIn(policy, a, resolved).map((x) => ({ ...x, message: say(x) })),
      checked: a.checked,
      asOf: toISOString(a.facts.asOf),
    }
  }
  return verdict
}
