/**
 * A topological order of steps under declared {@link OrderRule}s and explicit links, ties
 * broken by priority.
 *
 * @internal
 */
import { comparePriority } from './priority.js'
import type { OrderRule, PriorityKey as Key } from './priority.js'
import type { StepBase } from './Step.js'

/** A minimal binary heap of node indexes. */
const heap = (less: (a: number, b: number) => boolean) => {
  const items: Array<number> = []
  const swap = (i: number, j: number): void => {
    const t = items[i] as number
    items[i] = items[j] as number
    items[j] = t
  }
  return {
    size: (): number => items.length,
    push: (x: number): void => {
      items.push(x)
      let i = items.length - 1
      while (i > 0) {
        const p = (i - 1) >> 1
        if (!less(items[i] as number, items[p] as number)) break
        swap(i, p)
        i = p
      }
    },
    pop: (): number => {
      const top = items[0] as number
      const last = items.pop() as number
      if (items.length > 0) {
        items[0] = last
        let i = 0
        for (;;) {
          const l = 2 * i + 1
          const r = l + 1
          let m = i
          if (l < items.length && less(items[l] as number, items[m] as number)) m = l
          if (r < items.length && less(items[r] as number, items[m] as number)) m = r
          if (m === i) break
          swap(i, m)
          i = m
        }
      }
      return top
    },
  }
}

/**
 * Orders steps so that every declared rule and every link `[from, to]` (indexes into `steps`)
 * holds; among the steps free to go next, the one of highest priority goes first. Linear in steps
 * and constraints (plus the heap's log factor): a dependency goes through one hidden join node
 * per key, never a pair of steps. Should the rules ever form a cycle, the steps on it are
 * appended in priority order.
 */
export const orderSteps = <S extends StepBase>(
  steps: ReadonlyArray<S>,
  rules: ReadonlyArray<OrderRule>,
  links: ReadonlyArray<readonly [number, number]>,
  priorityKey: (s: StepBase) => Key,
): ReadonlyArray<S> => {
  const n = steps.length
  // Stryker disable next-line ArrayDeclaration: an entry that is not an index has no indegree to count down
  const successors: Array<Array<number>> = steps.map(() => [])
  const indegree: Array<number> = steps.map(() => 0)
  const edge = (from: number, to: number): void => {
    ;(successors[from] as Array<number>).push(to)
    indegree[to] = (indegree[to] as number) + 1
  }
  const join = (): number => {
    // Stryker disable next-line ArrayDeclaration: an entry that is not an index has no indegree to count down
    successors.push([])
    indegree.push(0)
    return successors.length - 1
  }

  for (const [from, to] of links) if (from !== to) edge(from, to)
  for (const rule of rules) {
    if (rule._tag === 'Sequence') {
      const ranked = steps
        .map((s, i) => [rule.rank(s), i] as const)
        .filter((x): x is readonly [number, number] => x[0] !== undefined)
        .sort(
          (a, b) =>
            a[0] - b[0] ||
            // Stryker disable next-line ArithmeticOperator: waits at one instant are one step, so ranks never tie
            a[1] - b[1],
        )
      for (let i = 1; i < ranked.length; i++) edge((ranked[i - 1] as readonly [number, number])[1], (ranked[i] as readonly [number, number])[1])
    } else {
      const joins = new Map<string, number>()
      const joinFor = (k: string): number => {
        const j = joins.get(k)
        if (j !== undefined) return j
        const created = join()
        joins.set(k, created)
        return created
      }
      steps.forEach((s, i) => {
        for (const k of rule.before(s)) edge(i, joinFor(k))
      })
      steps.forEach((s, i) => {
        for (const k of rule.after(s)) edge(joinFor(k), i)
      })
    }
  }

  // Rank every step once by priority, so that the heap compares small integers.
  const keys: Array<Key> = steps.map(priorityKey)
  // (sort is stable: steps of equal priority keep their given order)
  const byPriority = steps.map((_, i) => i).sort((a, b) => comparePriority(keys[a] as Key, keys[b] as Key))
  const rank = new Int32Array(n)
  byPriority.forEach((i, r) => {
    rank[i] = r
  })
  const ready = heap((a, b) => (rank[a] as number) < (rank[b] as number))
  const release = (node: number): void => {
    for (const next of successors[node] as Array<number>) {
      indegree[next] = (indegree[next] as number) - 1
      if (indegree[next] === 0) {
        if (next >= n) release(next)
        else ready.push(next)
      }
    }
  }
  const sources: Array<number> = []
  for (let i = 0; i < indegree.length; i++) if (indegree[i] === 0) sources.push(i)
  for (const i of sources) {
    if (i >= n) release(i)
    else ready.push(i)
  }

  const out: Array<S> = []
  const placed = new Uint8Array(n)
  while (ready.size() > 0) {
    const i = ready.pop()
    placed[i] = 1
    out.push(steps[i] as S)
    release(i)
  }
  // steps left on a cycle of the rules, if any, in priority order
  for (const i of byPriority) if (placed[i] === 0) out.push(steps[i] as S)
  return out
}
