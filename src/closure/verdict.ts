/**
 * The verdict: the whole answer as one JSON-ready value.
 *
 * @since 0.1.0
 */
import type { BlockerBase } from '../engine/Blocker.js'
import type { Catalogue } from '../engine/Catalogue.js'
import type { StepBase } from '../engine/Step.js'
import type { ClosureOptions } from '../model/facts.js'
import type { Instant } from '../model/Instant.js'
import type { Path, Target } from '../model/Target.js'
import type { Alternative } from '../paths/Alternative.js'
import type { Consequence } from '../paths/Consequence.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A value as it is written in JSON: instants as ISO strings, plus its `message`.
 *
 * @category model
 * @since 0.1.0
 */
export type Wire<T> = T extends unknown
  ? { readonly [K in keyof T]: T[K] extends Instant ? string : T[K] } & { readonly message: string }
  : never

/**
 * The verdict as JSON. Every field is plain data; `JSON.stringify` writes it as is.
 *
 * @category model
 * @since 0.1.0
 */
export interface Verdict<B extends BlockerBase = BlockerBase, S extends StepBase = StepBase> {
  readonly target: Target
  readonly path: Path
  readonly closable: boolean
  readonly blockers: ReadonlyArray<Wire<B>>
  /** ISO instant, or null when a blocker cannot be cleared by the user. A lower bound on the known facts. */
  readonly earliestAt: string | null
  /** Whether `earliestAt` may move later: the plan holds a step of a rule that says so (`mayMove`). */
  readonly earliestAtMayMove: boolean
  /** Why it may move: the words of each such rule, in the policy's order; empty when nothing may move. */
  readonly mayMoveBecause: ReadonlyArray<string>
  readonly steps: ReadonlyArray<Wire<S>>
  readonly consequences: ReadonlyArray<Wire<Consequence>>
  readonly alternatives: ReadonlyArray<Wire<Alternative>>
  /**
   * The ids of the rules that ran on this path and whose answer is reported whole, in the
   * policy's order (a rule whose blockers a gate hid, in part or whole, is left out).
   */
  readonly checked: ReadonlyArray<string>
  /** The instant the verdict holds at: the snapshot's `asOf`. */
  readonly asOf: string
}

/**
 * Options of a verdict: the policy choices and the words.
 *
 * @category model
 * @since 0.1.0
 */
export interface VerdictOptions extends ClosureOptions {
  /** Words that replace the English ones, by tag; a tag it does not hold keeps its own words. */
  readonly catalogue?: Catalogue
  /** The IANA time zone instants are shown in, in messages (the JSON instants stay UTC); `UTC` unless set. */
  readonly timeZone?: string
}
