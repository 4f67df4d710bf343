/**
 * The pipeline, built from a list of rules: blockers, plan, earliest instant and verdict all
 * come from the same rules, so an app's own rule goes everywhere a built-in one does.
 *
 * @since 0.2.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'

import type { AccountSnapshot } from '../model/codecs.js'
import { toISOString } from '../model/Instant.js'
import type { Instant } from '../model/Instant.js'
import { scopeKey } from '../model/Scope.js'
import type { Path, Target } from '../model/Target.js'
import { en } from '../messages/en.js'
import { formatIn } from '../messages/Format.js'
import type { Format } from '../messages/Format.js'
import { alternativesOf } from '../plan/Alternative.js'
import type { Alternative } from '../plan/Alternative.js'
import { consequencesOf } from '../plan/Consequence.js'
import { ORDER } from '../plan/dependencies.js'
import { orderSteps } from '../plan/order.js'
import { adviceFor, procedureFor } from '../plan/procedure.js'
import { isWait } from '../plan/Step.js'
import type { Advice, Procedure, StepBase, WaitReasonBase, WaitUntil } from '../plan/Step.js'
import type { BlockerBase } from '../rules/Blocker.js'
import { closureFacts } from '../rules/facts.js'
import type { ClosureFacts, ClosureOptions } from '../rules/facts.js'
import type { Rule } from '../rules/Rule.js'
import type { Verdict, VerdictOptions, Wire } from '../verdict/verdict.js'

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
 * The API built from a list of rules. Every function is pure, total on a decoded snapshot, and
 * deterministic.
 *
 * @category model
 * @since 0.2.0
 */
export interface Closure<B extends BlockerBase, S extends StepBase> {
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

// -------------------------------------------------------------------------------------
// the engine
// -------------------------------------------------------------------------------------

/** A rule and the blockers it found (never none). */
interface Found<B extends BlockerBase, S extends StepBase> {
  readonly rule: Rule<B, S>
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
const needsOthers = (found: ReadonlyArray<Found<BlockerBase, StepBase>>): boolean => found.some((x) => !x.rule.clearable)

interface Answer<B extends BlockerBase, S extends StepBase> {
  readonly facts: ClosureFacts
  readonly found: ReadonlyArray<Found<B, S>>
  /** A rule with gate `everything` blocked: nothing else is reported, and there is no plan. */
  readonly stopped: boolean
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
      if (byScope === undefined) byTag.set(tag, (byScope = new Map()))
      let bySubject = byScope.get(scope)
      if (bySubject === undefined) byScope.set(scope, (bySubject = new Map()))
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
 * One step of the plan while it is built: the same step from several blockers is one node that
 * resolves the rules of all of them and, for a wait, waits for every reason of all of them. The
 * sets are made only when a second step joins (most steps are alone).
 */
interface Node<S extends StepBase> {
  readonly step: S
  resolves: Set<string> | undefined
  reasons: Map<string, WaitReasonBase> | undefined
}

const node = <S extends StepBase>(step: S): Node<S> => ({ step, resolves: undefined, reasons: undefined })

const absorb = <S extends StepBase>(n: Node<S>, step: S): void => {
  n.resolves ??= new Set(n.step.resolves)
  for (const r of step.resolves) n.resolves.add(r)
  // (steps of one identity are both waits or neither)
  if (isWait(step)) {
    n.reasons ??= new Map((n.step as unknown as WaitUntil<WaitReasonBase>).reasons.map((r) => [reasonKey(r), r]))
    for (const r of step.reasons) n.reasons.set(reasonKey(r), r)
  }
}

/** The node as a step: a step that others joined has their rules, sorted, and their reasons, in the order of their keys. */
const finish = <S extends StepBase>(n: Node<S>): S => {
  if (n.resolves === undefined) return n.step
  const resolves = [...n.resolves].sort()
  const reasons = n.reasons
  if (reasons === undefined) return { ...n.step, resolves }
  return { ...n.step, resolves, reasons: [...reasons.keys()].sort().map((k) => reasons.get(k) as WaitReasonBase) }
}

/** The facts of a question and its blockers, with the gates applied; `stopped` when a gate stopped everything. */
const findBlockers = <B extends BlockerBase, S extends StepBase>(
  rules: ReadonlyArray<Rule<B, S>>,
  snapshot: AccountSnapshot,
  target: Target | undefined,
  options: ClosureOptions | undefined,
): { readonly facts: ClosureFacts; readonly found: ReadonlyArray<Found<B, S>>; readonly stopped: boolean } => {
  const facts = closureFacts(snapshot, target, options)
  const all: Array<Found<B, S>> = []
  for (const rule of rules) {
    const blockers = rule.check(facts)
    if (blockers.length === 0) continue
    // a rule that stops everything: only its blockers are reported
    if (rule.gate === 'everything') return { facts, found: [{ rule, blockers }], stopped: true }
    all.push({ rule, blockers })
  }
  // rules that hide the rest of a scope
  const hidden = new Set<string>()
  for (const x of all) if (x.rule.gate === 'scope') for (const b of x.blockers) if (b.scope !== undefined) hidden.add(scopeKey(b.scope))
  if (hidden.size === 0) return { facts, found: all, stopped: false }
  const found: Array<Found<B, S>> = []
  for (const x of all) {
    const blockers = x.rule.gate === 'none' ? x.blockers.filter((b) => b.scope === undefined || !hidden.has(scopeKey(b.scope))) : x.blockers
    if (blockers.length > 0) found.push({ rule: x.rule, blockers })
  }
  return { facts, found, stopped: false }
}

/** The latest instant any blocker's steps wait until, without building the plan. */
const earliestOf = <B extends BlockerBase, S extends StepBase>(
  found: ReadonlyArray<Found<B, S>>,
  stopped: boolean,
  facts: ClosureFacts,
): O.Option<Instant> => {
  if (stopped || needsOthers(found)) return O.none
  let at: number = facts.asOf
  for (const { rule, blockers } of found) for (const blocker of blockers) for (const s of rule.clear(blocker, facts)) if (isWait(s)) at = Math.max(at, s.at)
  return O.some(at as Instant)
}

/**
 * The answer in brief, for many snapshots at once (the command's `batch`): the path, the blockers
 * and the earliest instant, without ordering the plan or writing messages. The earliest instant
 * is the same as the plan's last wait: the latest instant any blocker's steps wait until.
 *
 * @internal
 */
export const briefWith =
  <R extends Rule<BlockerBase, StepBase>>(rules: ReadonlyArray<R>) =>
  (
    snapshot: AccountSnapshot,
    target?: Target,
    options?: ClosureOptions,
  ): { readonly path: Path; readonly blockers: ReadonlyArray<BlockerOf<R>>; readonly earliest: O.Option<Instant> } => {
    const { facts, found, stopped } = findBlockers(rules as unknown as ReadonlyArray<Rule<BlockerOf<R>, StepOf<R>>>, snapshot, target, options)
    return { path: facts.path, blockers: blockersOf(found), earliest: earliestOf(found, stopped, facts) }
  }

const evaluate = <B extends BlockerBase, S extends StepBase>(
  rules: ReadonlyArray<Rule<B, S>>,
  snapshot: AccountSnapshot,
  target: Target | undefined,
  options: ClosureOptions | undefined,
): Answer<B, S> => {
  const { facts, found, stopped } = findBlockers(rules, snapshot, target, options)
  if (stopped) return { facts, found, stopped: true, plan: [], earliest: O.none }

  // the plan: each blocker's steps in their order, one step per identity, then the declared order
  const nodes: Array<Node<S | Advice>> = []
  const index = stepIndex()
  const links: Array<readonly [number, number]> = []
  const place = (s: S | Advice): number => {
    const at = index.find(s, nodes.length)
    if (at === nodes.length) {
      nodes.push(node(s))
      return at
    }
    absorb(nodes[at] as Node<S | Advice>, s)
    return at
  }
  for (const { rule, blockers } of found)
    for (const blocker of blockers) {
      let previous: number | undefined
      for (const step of rule.clear(blocker, facts)) {
        const here = place(step)
        if (previous !== undefined) links.push([previous, here])
        previous = here
      }
    }
  for (const advice of adviceFor(facts.snapshot, facts.target)) place(advice)
  const plan = [...orderSteps(nodes.map(finish), ORDER, links), ...procedureFor(facts.snapshot, facts.path, facts.target)]

  // the earliest instant is the plan's last wait, unless someone else must act
  let at: number = facts.asOf
  for (const s of plan) if (isWait(s)) at = Math.max(at, s.at)
  const earliest: O.Option<Instant> = needsOthers(found) ? O.none : O.some(at as Instant)
  return { facts, found, stopped: false, plan, earliest }
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)

/**
 * The whole API from a list of rules: `canClose`, `closureSteps`, `earliestClosableAt`,
 * `alternatives` and `verdict` (which the command line's report reads). The top-level functions
 * are `closureWith(defaultRules)`.
 *
 * @example
 * import { closureWith, defaultRules } from 'account-closure'
 *
 * const closure = closureWith([...defaultRules, feesPaid])
 * closure.canClose(snapshot)   // Left([..., { _tag: 'FeeUnpaid', ... }])
 * closure.verdict(snapshot)    // its steps, its wait, its message, and the earliest instant after the fee settles
 *
 * @category constructors
 * @since 0.2.0
 */
export const closureWith = <R extends Rule<BlockerBase, StepBase>>(list: ReadonlyArray<R>): Closure<BlockerOf<R>, StepOf<R>> =>
  build(list as unknown as ReadonlyArray<Rule<BlockerOf<R>, StepOf<R>>>)

const build = <B extends BlockerBase, S extends StepBase>(rules: ReadonlyArray<Rule<B, S>>): Closure<B, S> => {
  const verdict = (snapshot: AccountSnapshot, target?: Target, options: VerdictOptions = {}): Verdict<B, S | Advice | Procedure> => {
    const a = evaluate(rules, snapshot, target, options)
    const catalogue = options.catalogue ?? en
    const base = formatIn(options.timeZone ?? 'UTC')
    const format: Format = {
      ...base,
      reason: (r) => {
        if (hasOwn(catalogue.reasons, r._tag)) return (catalogue.reasons[r._tag as keyof typeof catalogue.reasons] as (r: WaitReasonBase, f: Format) => string)(r, format)
        for (const rule of rules) {
          const text = rule.describeReason(r, format)
          if (text !== undefined) return text
        }
        return r._tag
      },
    }
    const say = <U extends { readonly _tag: string }>(messages: object, item: U, own: () => string | undefined): string =>
      hasOwn(messages, item._tag)
        ? (messages[item._tag as keyof typeof messages] as (item: U, f: Format) => string)(item, format)
        : (own() ?? item._tag)
    const blockers = a.found.flatMap(({ rule, blockers }) =>
      blockers.map((blocker) => {
        const out: Record<string, unknown> = {}
        Object.assign(out, blocker)
        out['message'] = say(catalogue.blockers, blocker, () => rule.describe(blocker, format))
        for (const k of rule.instants) if (typeof out[k] === 'number') out[k] = toISOString(out[k] as Instant)
        return out as Wire<B>
      }),
    )
    const steps = a.plan.map((s) => {
      const message = say(catalogue.steps, s, () => {
        for (const rule of rules) {
          const text = rule.describeStep(s, format)
          if (text !== undefined) return text
        }
        return undefined
      })
      const out: Record<string, unknown> = {}
      Object.assign(out, s)
      out['message'] = message
      if (isWait(s)) out['at'] = toISOString(s.at)
      return out as Wire<S | Advice | Procedure>
    })
    return {
      target: a.facts.target,
      path: a.facts.path,
      closable: blockers.length === 0,
      blockers,
      earliestAt: O.isSome(a.earliest) ? toISOString(a.earliest.value) : null,
      earliestAtMayMove: a.plan.some((s) => s._tag === 'EndContract' || s._tag === 'ResolveDispute'),
      steps,
      consequences: (a.stopped ? [] : consequencesOf(a.facts.snapshot, a.facts.path, a.facts.target)).map(
        (c) => ({ ...c, message: say(catalogue.consequences, c, () => undefined) }) as Wire<typeof c>,
      ),
      alternatives: (a.stopped ? [] : alternativesOf(a.facts.snapshot, a.facts.path, a.plan)).map(
        (x) => ({ ...x, message: say(catalogue.alternatives, x, () => undefined) }) as Wire<typeof x>,
      ),
      asOf: toISOString(a.facts.asOf),
    }
  }
  return {
    canClose: (snapshot, target, options) => {
      const { facts, found } = findBlockers(rules, snapshot, target, options)
      const blockers = blockersOf(found)
      return blockers.length > 0
        ? E.left(blockers as unknown as ReadonlyNonEmptyArray<B>)
        : E.right({ _tag: 'Closable', path: facts.path, target: facts.target })
    },
    closureSteps: (snapshot, target, options) => evaluate(rules, snapshot, target, options).plan,
    // the latest wait of the plan's steps, without ordering them (see briefWith)
    earliestClosableAt: (snapshot, target, options) => {
      const { facts, found, stopped } = findBlockers(rules, snapshot, target, options)
      return earliestOf(found, stopped, facts)
    },
    alternatives: (snapshot, target, options) => {
      const a = evaluate(rules, snapshot, target, options)
      return a.stopped ? [] : alternativesOf(a.facts.snapshot, a.facts.path, a.plan)
    },
    verdict,
  }
}
