/**
 * `orderSteps` against a plain model of what it promises: repeatedly, of the steps whose every
 * predecessor is placed, the one of highest priority goes next (ties: the one found first); a
 * dependency rule makes every step that gives a key `before` precede every step that gives it
 * `after`; a sequence chains its ranked steps by rank; steps on a cycle come last, by priority.
 * The model is quadratic and obvious; the engine is linear with join nodes and a heap, so plans
 * of up to a few hundred steps (past its first growth of the edge lists) are compared.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { orderSteps } from '../src/engine/order.js'
import { comparePriority } from '../src/engine/priority.js'
import type { OrderRule, PriorityKey } from '../src/engine/priority.js'
import type { StepBase } from '../src/engine/Step.js'

interface Gen {
  readonly _tag: string
  readonly kind: 'remedy'
  readonly resolves: ReadonlyArray<string>
  readonly subject: string
  /** priority (small first; ties happen) */
  readonly p: number
  readonly before: ReadonlyArray<string>
  readonly after: ReadonlyArray<string>
  readonly rank: number | undefined
}

const keyOf = (s: StepBase): PriorityKey => [0, (s as Gen).p, 0, '', '', '']

/** The model: Kahn's algorithm over every pair of steps, the ready step of highest priority first. */
const model = (steps: ReadonlyArray<Gen>, rules: ReadonlyArray<OrderRule>, links: ReadonlyArray<number>): ReadonlyArray<Gen> => {
  const n = steps.length
  const preds: Array<Set<number>> = steps.map(() => new Set())
  for (let l = 0; l + 1 < links.length; l += 2) if (links[l] !== links[l + 1]) preds[links[l + 1] as number]?.add(links[l] as number)
  for (const r of rules)
    if (r._tag === 'Sequence') {
      const ranked = steps.flatMap((s, i) => (r.rank(s) === undefined ? [] : [i])).sort((a, b) => (r.rank(steps[a] as Gen) as number) - (r.rank(steps[b] as Gen) as number) || a - b)
      for (let i = 1; i < ranked.length; i++) preds[ranked[i] as number]?.add(ranked[i - 1] as number)
    } else
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) if (r.before(steps[i] as Gen).some((k) => r.after(steps[j] as Gen).includes(k))) preds[j]?.add(i)
  const byPriority = steps.map((_, i) => i).sort((a, b) => comparePriority(keyOf(steps[a] as Gen), keyOf(steps[b] as Gen)) || a - b)
  const placed = new Set<number>()
  const out: Array<Gen> = []
  for (;;) {
    const next = byPriority.find((i) => !placed.has(i) && [...(preds[i] ?? [])].every((p) => placed.has(p)))
    if (next === undefined) break
    placed.add(next)
    out.push(steps[next] as Gen)
  }
  for (const i of byPriority) if (!placed.has(i)) out.push(steps[i] as Gen)
  return out
}

const KEYS = ['a', 'b', 'c', 'd']
const rules: ReadonlyArray<OrderRule> = [
  { _tag: 'Dependency', name: 'by key', before: (s) => (s as Gen).before, after: (s) => (s as Gen).after },
  { _tag: 'Sequence', name: 'by rank', rank: (s) => (s as Gen).rank },
]

/**
 * Steps, keys, ranks and links, generated: keys flow from one band of steps to the next, links
 * mostly forward; a rank or a link may still close a cycle, which both must handle alike.
 */
const plan = (max: number) =>
  fc.integer({ min: 0, max }).chain((n) =>
    fc.record({
      steps: fc.array(
        fc.record({
          p: fc.integer({ min: 0, max: 5 }),
          band: fc.integer({ min: 0, max: KEYS.length - 1 }),
          rank: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
          gives: fc.boolean(),
          takes: fc.boolean(),
        }),
        { minLength: n, maxLength: n },
      ),
      links: fc.array(fc.tuple(fc.nat({ max: Math.max(0, n - 1) }), fc.nat({ max: Math.max(0, n - 1) })), { maxLength: 2 * n }),
      seed: fc.nat(),
    }),
  )

const build = ({ steps, links }: { steps: ReadonlyArray<{ p: number; band: number; rank: number | undefined; gives: boolean; takes: boolean }>; links: ReadonlyArray<readonly [number, number]> }) => {
  // a step of band k gives key k `before` and takes key k - 1 `after`; ranks go up with the band
  const made: Array<Gen> = steps.map((g, i) => ({
    _tag: `T${i}`,
    kind: 'remedy',
    resolves: [],
    subject: String(i),
    p: g.p,
    before: g.gives ? [KEYS[g.band] as string] : [],
    after: g.takes && g.band > 0 ? [KEYS[g.band - 1] as string] : [],
    rank: g.rank === undefined ? undefined : g.band * 10 + g.rank,
  }))
  // links only from a lower band to a higher one, or within a band from a lower index
  const flat: Array<number> = []
  for (const [a, b] of links) {
    const x = steps[a]
    const y = steps[b]
    if (x !== undefined && y !== undefined && (x.band < y.band || (x.band === y.band && a <= b))) flat.push(a, b)
  }
  return { made, flat }
}

describe('orderSteps, against the model', () => {
  test.prop([plan(40)])('small plans: the same order as the model', (g) => {
    const { made, flat } = build(g)
    expect(orderSteps(made, rules, flat, keyOf).map((s) => s.subject)).toEqual(model(made, rules, flat).map((s) => s.subject))
  })
  test.prop([plan(300)], { numRuns: 10 })('plans of hundreds of steps and links: the same order as the model', (g) => {
    const { made, flat } = build(g)
    expect(orderSteps(made, rules, flat, keyOf).map((s) => s.subject)).toEqual(model(made, rules, flat).map((s) => s.subject))
  })
  it('a chain of 200 linked steps against their priority comes out in the chain’s order', () => {
    const made: Array<Gen> = Array.from({ length: 200 }, (_, i) => ({ _tag: 'T', kind: 'remedy', resolves: [], subject: String(i), p: 200 - i, before: [], after: [], rank: undefined }))
    const links = made.flatMap((_, i) => (i === 0 ? [] : [i - 1, i]))
    expect(orderSteps(made, [], links, keyOf).map((s) => s.subject)).toEqual(made.map((s) => s.subject))
  })
  it('steps on a cycle come after the rest, by priority', () => {
    const made: Array<Gen> = [3, 1, 2, 0].map((p, i) => ({ _tag: 'T', kind: 'remedy', resolves: [], subject: String(i), p, before: [], after: [], rank: undefined }))
    // 0 → 1 → 0 is a cycle; 2 and 3 are free
    expect(orderSteps(made, [], [0, 1, 1, 0], keyOf).map((s) => s.subject)).toEqual(['3', '2', '1', '0'])
  })
})
