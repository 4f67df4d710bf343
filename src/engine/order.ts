/**
 * A topological order of steps under declared {@link OrderRule}s and explicit links, ties
 * broken by priority.
 *
 * @internal
 */
import { comparePriority } from './priority.js'
import type { Among, OrderRule, PriorityKey as Key } from './priority.js'
import type { StepBase } from './Step.js'

/** A minimal binary heap of node indexes. */
/** A growable list of integers on a typed array. */
const ints = () => {
  let a = new Int32Array(64)
  let n = 0
  return {
    push: (x: number): void => {
      if (n === a.length) {
        const b = new Int32Array(n * 2)
        b.set(a)
        a = b
      }
      a[n++] = x
    },
    size: (): number => n,
    at: (i: number): number => a[i] as number,
  }
}

const NONE: ReadonlyArray<number> = []

/** The steps' numbers by tag and by each rule they resolve, in the steps' order. */
const stepsBy = (steps: ReadonlyArray<StepBase>) => {
  const byTag = new Map<string, Array<number>>()
  const byRule = new Map<string, Array<number>>()
  const add = (m: Map<string, Array<number>>, k: string, i: number): void => {
    const a = m.get(k)
    if (a === undefined) m.set(k, [i])
    // (a step that names a rule twice is listed once)
    else if (a[a.length - 1] !== i) a.push(i)
  }
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i] as StepBase
    add(byTag, s._tag, i)
    // (by index: a rule's list may have an iterator of its own)
    for (let k = 0; k < s.resolves.length; k++) add(byRule, s.resolves[k] as string, i)
  }
  return { of: (a: Among): ReadonlyArray<number> => ('tag' in a ? byTag.get(a.tag) : byRule.get(a.resolving)) ?? NONE }
}

/**
 * Orders steps so that every declared rule and every link holds (`links`: pairs of indexes into
 * `steps`, one after another: from, to, from, to…); among the steps free to go next, the one of highest priority goes first. Linear in steps
 * and constraints (plus the heap's log factor): a dependency goes through one hidden join node
 * per key, never a pair of steps. Should the rules ever form a cycle, the steps on it are
 * appended in priority order.
 */
export const orderSteps = <S extends StepBase>(
  steps: ReadonlyArray<S>,
  rules: ReadonlyArray<OrderRule>,
  links: ReadonlyArray<number>,
  priorityKey: (s: StepBase) => Key,
): ReadonlyArray<S> => {
  const n = steps.length
  // the edges as two lists of integers (from, to); join nodes are numbered from n on
  const from = ints()
  const to = ints()
  let nodes = n
  const edge = (a: number, b: number): void => {
    from.push(a)
    to.push(b)
  }

  for (let l = 0; l + 1 < links.length; l += 2) {
    const a = links[l] as number
    const b = links[l + 1] as number
    if (a !== b) edge(a, b)
  }
  let found: ReturnType<typeof stepsBy> | undefined
  for (const rule of rules) {
    if (rule._tag === 'Sequence') {
      const ranked: Array<number> = []
      const rankOf = new Float64Array(n)
      for (let i = 0; i < n; i++) {
        const r = rule.rank(steps[i] as S)
        if (r !== undefined) {
          rankOf[i] = r
          ranked.push(i)
        }
      }
      // by rank, ties in the order the steps were found (they were pushed in it, and the sort is stable)
      ranked.sort((a, b) => (rankOf[a] as number) - (rankOf[b] as number))
      for (let i = 1; i < ranked.length; i++) edge(ranked[i - 1] as number, ranked[i] as number)
    } else {
      const joins = new Map<string, number>()
      const joinFor = (k: string): number => {
        const j = joins.get(k)
        if (j !== undefined) return j
        joins.set(k, nodes)
        return nodes++
      }
      // only the steps the rule may key, when it says which; every step otherwise
      // (indexed loops: an iterator per call would be an allocation per step and rule)
      const before = rule.among === undefined ? undefined : (found ??= stepsBy(steps)).of(rule.among.before)
      for (let c = 0, end = before === undefined ? n : before.length; c < end; c++) {
        const i = before === undefined ? c : (before[c] as number)
        const keys = rule.before(steps[i] as S)
        for (let k = 0; k < keys.length; k++) edge(i, joinFor(keys[k] as string))
      }
      const after = rule.among === undefined ? undefined : (found ??= stepsBy(steps)).of(rule.among.after)
      for (let c = 0, end = after === undefined ? n : after.length; c < end; c++) {
        const i = after === undefined ? c : (after[c] as number)
        const keys = rule.after(steps[i] as S)
        for (let k = 0; k < keys.length; k++) edge(joinFor(keys[k] as string), i)
      }
    }
  }

  // successors of each node, packed: those of node i are next[start[i]] to next[start[i + 1] - 1]
  const m = from.size()
  const start = new Int32Array(nodes + 1)
  const indegree = new Int32Array(nodes)
  for (let e = 0; e < m; e++) {
    const a = from.at(e) + 1
    const b = to.at(e)
    start[a] = (start[a] as number) + 1
    indegree[b] = (indegree[b] as number) + 1
  }
  for (let i = 0; i < nodes; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number)
  const next = new Int32Array(m)
  const fill = start.slice(0, nodes)
  for (let e = 0; e < m; e++) {
    const a = from.at(e)
    const at = fill[a] as number
    fill[a] = at + 1
    next[at] = to.at(e)
  }

  const keys: Array<Key> = steps.map(priorityKey)
  const byPriority = Array.from({ length: n }, (_, i) => i).sort((a, b) => comparePriority(keys[a] as Key, keys[b] as Key))
  const rank = new Int32Array(n)
  for (let r = 0; r < n; r++) rank[byPriority[r] as number] = r

  // the ready steps, a binary heap of step numbers by rank
  const heap = new Int32Array(n)
  let size = 0
  const push = (x: number): void => {
    let i = size++
    const rx = rank[x] as number
    while (i > 0) {
      const p = (i - 1) >> 1
      const up = heap[p] as number
      if (rx >= (rank[up] as number)) break
      heap[i] = up
      i = p
    }
    heap[i] = x
  }
  const pop = (): number => {
    const top = heap[0] as number
    const last = heap[--size] as number
    const rl = rank[last] as number
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= size) break
      const r = l + 1
      const c = r < size && (rank[heap[r] as number] as number) < (rank[heap[l] as number] as number) ? r : l
      const hc = heap[c] as number
      if ((rank[hc] as number) >= rl) break
      heap[i] = hc
      i = c
    }
    heap[i] = last
    return top
  }
  const release = (node: number): void => {
    const end = start[node + 1] as number
    for (let e = start[node] as number; e < end; e++) {
      const x = next[e] as number
      const left = (indegree[x] as number) - 1
      indegree[x] = left
      if (left === 0) {
        if (x >= n) release(x)
        else push(x)
      }
    }
  }
  // the sources as they are before any is released (releasing one can free another)
  const sources = new Int32Array(nodes)
  let count = 0
  for (let i = 0; i < nodes; i++) if (indegree[i] === 0) sources[count++] = i
  for (let k = 0; k < count; k++) {
    const i = sources[k] as number
    if (i >= n) release(i)
    else push(i)
  }

  const out: Array<S> = new Array<S>(n)
  let placedCount = 0
  const placed = new Uint8Array(n)
  while (size > 0) {
    const i = pop()
    placed[i] = 1
    out[placedCount++] = steps[i] as S
    release(i)
  }
  for (const i of byPriority) if (placed[i] === 0) out[placedCount++] = steps[i] as S
  return out
}
