/**
 * The order of a plan that no single blocker's steps give: what the rules declare (`follows`,
 * `precedes`), waits in time order, and, where nothing decides, a reading order by kind of step
 * (what can be done now before any wait), then the rules' ranks, tag, scope and subject. Names
 * no rule and no step but the wait, which the engine builds itself.
 *
 * @internal
 */
import { scopeKey } from '../model/Scope.js'
import type { Scope } from '../model/Scope.js'
import type { Order, Rule } from './Rule.js'
import { isWait } from './Step.js'
import type { StepBase, StepDefinition, StepKind } from './Step.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** "Steps keyed `k` by `before` precede steps keyed `k` by `after`." */
export interface Dependency {
  readonly _tag: 'Dependency'
  readonly name: string
  readonly before: (s: StepBase) => ReadonlyArray<string>
  readonly after: (s: StepBase) => ReadonlyArray<string>
  /**
   * When known, the only steps `before` and `after` may key: those of a tag, or those that resolve
   * a rule. The others are not asked (they would answer none).
   */
  readonly among?: { readonly before: Among; readonly after: Among }
}

/** Steps of one tag, or steps that resolve one rule. */
export type Among = { readonly tag: string } | { readonly resolving: string }

/** "Steps ranked by `rank` follow each other in increasing rank." */
export interface Sequence {
  readonly _tag: 'Sequence'
  readonly name: string
  readonly rank: (s: StepBase) => number | undefined
}

export type OrderRule = Dependency | Sequence

export type PriorityKey = readonly [number, number, number, string, string, string]

const none: ReadonlyArray<string> = []
const ANY: ReadonlyArray<string> = ['*']

// -------------------------------------------------------------------------------------
// the declared order
// -------------------------------------------------------------------------------------

/** Waits come in time order. */
export const waitsInTimeOrder: Sequence = {
  _tag: 'Sequence',
  name: 'waits in time order',
  rank: (s) => (isWait(s) ? s.at : undefined),
}

/** The scope a step's order is about: its definition's `orderScope`, or its own. */
const orderScopeKey =
  (definitions: ReadonlyMap<string, StepDefinition>) =>
  (s: StepBase): string => {
    const d = definitions.get(s._tag)
    const scope: Scope | undefined = d?.orderScope === undefined ? s.scope : d.orderScope(s)
    return scope === undefined ? '' : scopeKey(scope)
  }

/**
 * The order rules of a list of rules: each rule's `follows` and `precedes`, and waits in time
 * order. A rule's steps are the steps that resolve it, but its waits: a wait comes where its
 * rule's own chain (`clear`) and time put it, so that no declared order can fight time.
 */
export const orderRulesOf = (
  rules: ReadonlyArray<Rule>,
  definitions: ReadonlyMap<string, StepDefinition>,
): ReadonlyArray<OrderRule> => {
  const scoped = orderScopeKey(definitions)
  const out: Array<OrderRule> = []
  // one array per key, not one per step asked (at most a thousand kept: the scopes of a few snapshots)
  const keys = new Map<string, ReadonlyArray<string>>()
  const key = (o: Order, s: StepBase): ReadonlyArray<string> => {
    if (o.scope === 'any') return ANY
    const k = scoped(s)
    let a = keys.get(k)
    if (a === undefined) {
      if (keys.size >= 1000) keys.clear()
      keys.set(k, (a = Object.freeze([k])))
    }
    return a
  }
  for (const r of rules) {
    const ofRule = (o: Order) => (s: StepBase) => (!isWait(s) && s._tag !== o.step && s.resolves.includes(r.id) ? key(o, s) : none)
    const tagged = (o: Order) => (s: StepBase) => (s._tag === o.step ? key(o, s) : none)
    const resolving: Among = { resolving: r.id }
    for (const o of r.follows)
      if (definitions.has(o.step))
        out.push({ _tag: 'Dependency', name: `${r.id} follows ${o.step}`, before: tagged(o), after: ofRule(o), among: { before: { tag: o.step }, after: resolving } })
    for (const o of r.precedes)
      if (definitions.has(o.step))
        out.push({ _tag: 'Dependency', name: `${r.id} precedes ${o.step}`, before: ofRule(o), after: tagged(o), among: { before: resolving, after: { tag: o.step } } })
  }
  out.push(waitsInTimeOrder)
  return out
}

/**
 * The rules on a cycle of declared order, if any: a graph of step tags (a rule's tags are those
 * of its declared steps), with an edge for each `follows` and `precedes` whose tag some
 * definition in the list produces.
 */
export const orderCycle = (rules: ReadonlyArray<Rule>, known: ReadonlySet<string>): ReadonlyArray<string> | undefined => {
  const edges = new Map<string, Array<{ readonly to: string; readonly rule: string }>>()
  const edge = (from: string, to: string, rule: string): void => {
    const list = edges.get(from)
    if (list === undefined) edges.set(from, [{ to, rule }])
    else list.push({ to, rule })
  }
  for (const r of rules) {
    const mine = r.steps.map((d) => d.tag)
    for (const o of r.follows) if (known.has(o.step)) for (const t of mine) edge(o.step, t, r.id)
    for (const o of r.precedes) if (known.has(o.step)) for (const t of mine) edge(t, o.step, r.id)
  }
  // depth first, with the path kept, to name the rules of the first cycle found
  const state = new Map<string, 1 | 2>()
  const path: Array<{ readonly node: string; readonly rule: string }> = []
  const visit = (node: string): ReadonlyArray<string> | undefined => {
    state.set(node, 1)
    for (const { to, rule } of edges.get(node) ?? []) {
      if (state.get(to) === 1) {
        const from = path.findIndex((p) => p.node === to)
        return [...new Set([...path.slice(from + 1).map((p) => p.rule), rule])].sort()
      }
      if (state.get(to) === undefined) {
        path.push({ node: to, rule })
        const found = visit(to)
        if (found !== undefined) return found
        path.pop()
      }
    }
    state.set(node, 2)
    return undefined
  }
  for (const node of [...edges.keys()].sort()) {
    if (state.get(node) !== undefined) continue
    path.length = 0
    path.push({ node, rule: '' })
    // (the cycle's rules are those of its edges: never the start's '', which no edge led to)
    const found = visit(node)
    if (found !== undefined) return found
  }
  return undefined
}

// -------------------------------------------------------------------------------------
// priority
// -------------------------------------------------------------------------------------

/** What can be done now before any wait: remedies, then advice, then waits, then the procedure. */
const KIND_RANK: { readonly [K in StepKind]: number } = { remedy: 0, advice: 1, wait: 2, procedure: 3 }

/**
 * The priority key of a step: [kind, the lowest rank of the rules it resolves (unranked last),
 * its definition's rank, tag, scope, subject].
 */
export const priorityKeyOf = (rules: ReadonlyArray<Rule>, definitions: ReadonlyMap<string, StepDefinition>) => {
  const ranks = new Map<string, number>()
  for (const r of rules) if (r.rank !== undefined) ranks.set(r.id, r.rank)
  return (s: StepBase): PriorityKey => {
    let rank = Number.MAX_VALUE
    const resolves = s.resolves
    for (let i = 0; i < resolves.length; i++) {
      const x = ranks.get(resolves[i] as string)
      if (x !== undefined && x < rank) rank = x
    }
    return [
      KIND_RANK[s.kind] ?? 4,
      rank,
      definitions.get(s._tag)?.rank ?? Number.MAX_VALUE,
      s._tag,
      s.scope === undefined ? '' : scopeKey(s.scope),
      s.subject ?? '',
    ]
  }
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const compareNumbers = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0)

/** Compares priority keys. */
export const comparePriority = (a: PriorityKey, b: PriorityKey): number =>
  compareNumbers(a[0], b[0]) ||
  compareNumbers(a[1], b[1]) ||
  compareNumbers(a[2], b[2]) ||
  compareStrings(a[3], b[3]) ||
  compareStrings(a[4], b[4]) ||
  compareStrings(a[5], b[5])
