/**
 * Preconditions: pure functions from facts to blockers, and the combinators that compose them.
 *
 * A precondition returns every blocker it finds (never only the first). Preconditions over the
 * same facts form a monoid under "all of": {@link empty}, {@link concat}, {@link all}.
 *
 * @since 0.1.0
 */
import type { Monoid } from 'fp-ts/lib/Monoid.js'

import type { Path } from '../model/Target.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * From facts `F` to zero or more blockers `B`. Pure and total.
 *
 * @category model
 * @since 0.1.0
 */
export interface Precondition<F, B> {
  (facts: F): ReadonlyArray<B>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The precondition that never blocks.
 *
 * @category constructors
 * @since 0.1.0
 */
export const empty: Precondition<unknown, never> = () => []

/** The parts one after another; a lone non-empty part is returned as it is. */
const flatten = <B>(parts: ReadonlyArray<ReadonlyArray<B>>): ReadonlyArray<B> => {
  let found: ReadonlyArray<B> = []
  let out: Array<B> | undefined
  for (const part of parts) {
    if (part.length === 0) continue
    if (found.length === 0) found = part
    else {
      // Stryker disable next-line MethodExpression: the copy only keeps the first part unchanged, whose array no one else holds
      out ??= found.slice()
      for (const b of part) out.push(b)
    }
  }
  return out ?? found
}

/**
 * A blocker for each item that `select` picks from the facts and `check` objects to.
 *
 * @example
 * import { fromItems } from 'account-closure'
 *
 * interface Team { readonly jobs: ReadonlyArray<{ readonly id: string; readonly status: 'open' | 'closed' }> }
 * const openJobs = fromItems(
 *   (f: Team) => f.jobs,
 *   (job) => (job.status === 'open' ? { _tag: 'JobOpen', jobId: job.id } : undefined),
 * )
 * console.log(openJobs({ jobs: [{ id: 'j-1', status: 'open' }, { id: 'j-2', status: 'closed' }] })) // [{ _tag: 'JobOpen', jobId: 'j-1' }]
 *
 * @category constructors
 * @since 0.1.0
 */
/* @__NO_SIDE_EFFECTS__ */
export const fromItems =
  <F, A, B>(select: (facts: F) => ReadonlyArray<A>, check: (item: A, facts: F) => B | undefined): Precondition<F, B> =>
  (facts) => {
    const out: Array<B> = []
    const items = select(facts)
    // (an indexed loop: no iterator result per item)
    for (let i = 0; i < items.length; i++) {
      const b = check(items[i] as A, facts)
      if (b !== undefined) out.push(b)
    }
    return out
  }

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Both preconditions; the blockers of the first, then those of the second.
 *
 * @category combinators
 * @since 0.1.0
 */
export const concat =
  <F, B1, B2>(first: Precondition<F, B1>, second: Precondition<F, B2>): Precondition<F, B1 | B2> =>
  (facts) =>
    flatten<B1 | B2>([first(facts), second(facts)])

/**
 * All of several preconditions, every blocker of each, in order.
 *
 * @example
 * import { all } from 'account-closure'
 * import type { Precondition } from 'account-closure'
 *
 * interface Team { readonly jobs: ReadonlyArray<string>; readonly members: ReadonlyArray<string> }
 * const jobsOpen: Precondition<Team, string> = (f) => f.jobs.map((j) => `job ${j} is open`)
 * const membersLeft: Precondition<Team, string> = (f) => f.members.map((m) => `${m} is still a member`)
 * console.log(all(jobsOpen, membersLeft)({ jobs: ['j-1'], members: ['u-2'] })) // ['job j-1 is open', 'u-2 is still a member']
 *
 * @category combinators
 * @since 0.1.0
 */
export const all =
  <F, B>(...preconditions: ReadonlyArray<Precondition<F, B>>): Precondition<F, B> =>
  (facts) =>
    // a lone non-empty part passes through; the parts are copied only when two have blockers
    flatten(preconditions.map((p) => p(facts)))

/**
 * Reuses a precondition on a part of, or a view of, the facts.
 *
 * @category combinators
 * @since 0.1.0
 */
export const contramap =
  <G, F>(f: (facts: G) => F) =>
  <B>(p: Precondition<F, B>): Precondition<G, B> =>
  (facts) =>
    p(f(facts))

/**
 * Runs a precondition across every part `select` finds in the facts (each owned company, say),
 * and gathers every blocker.
 *
 * @example
 * import { across } from 'account-closure'
 * import type { Precondition } from 'account-closure'
 *
 * interface Company { readonly id: string; readonly openJobs: number }
 * const jobsOpen: Precondition<Company, string> = (c) => (c.openJobs > 0 ? [`${c.id} has open jobs`] : [])
 * const everyCompany = across((f: { readonly companies: ReadonlyArray<Company> }) => f.companies)(jobsOpen)
 * console.log(everyCompany({ companies: [{ id: 'co-1', openJobs: 2 }, { id: 'co-2', openJobs: 0 }] })) // ['co-1 has open jobs']
 *
 * @category combinators
 * @since 0.2.0
 */
/* @__NO_SIDE_EFFECTS__ */
export const across =
  <G, F>(select: (facts: G) => ReadonlyArray<F>) =>
  <B>(p: Precondition<F, B>): Precondition<G, B> =>
  (facts) =>
    flatten(select(facts).map(p))

/**
 * Runs a precondition only when the facts satisfy a predicate.
 *
 * @category combinators
 * @since 0.1.0
 */
export const when =
  <F>(predicate: (facts: F) => boolean) =>
  <B>(p: Precondition<F, B>): Precondition<F, B> =>
  (facts) =>
    predicate(facts) ? p(facts) : []

/**
 * Runs a precondition only on some closing paths.
 *
 * @example
 * import { onPaths } from 'account-closure'
 * import type { Precondition } from 'account-closure'
 *
 * const noQuestion: Precondition<{ readonly questionSet: boolean }, string> = (f) => (f.questionSet ? [] : ['no security question'])
 * const gated = onPaths('CloseAccount', 'CloseAgency')(noQuestion)
 * console.log(gated({ questionSet: false, path: 'LeaveTeams' })) // []
 * console.log(gated({ questionSet: false, path: 'CloseAccount' })) // ['no security question']
 *
 * @category combinators
 * @since 0.1.0
 */
export const onPaths =
  (...paths: ReadonlyArray<Path>) =>
  <F, B>(p: Precondition<F, B>): Precondition<F & { readonly path: Path }, B> =>
  (facts) =>
    paths.includes(facts.path) ? p(facts) : []

/**
 * A gate: when `first` blocks, only its blockers are reported; otherwise those of `rest`.
 *
 * @category combinators
 * @since 0.2.0
 */
export const gate =
  <F, B1, B2>(first: Precondition<F, B1>, rest: Precondition<F, B2>): Precondition<F, B1 | B2> =>
  (facts) => {
    const stop = first(facts)
    return stop.length > 0 ? stop : rest(facts)
  }

// -------------------------------------------------------------------------------------
// instances
// -------------------------------------------------------------------------------------

/**
 * The "all of" monoid of preconditions: both preconditions' blockers, in order, with the
 * precondition that never blocks as its unit.
 *
 * @category instances
 * @since 0.2.0
 */
export const getMonoidAll = <F, B>(): Monoid<Precondition<F, B>> => ({
  concat: (x, y) => concat(x, y),
  empty,
})
