/**
 * The verdict: the whole answer as one JSON-ready value.
 *
 * @since 0.1.0
 */
import type { Instant } from '../model/Instant.js'
import type { Path, Target } from '../model/Target.js'
import type { Catalogue } from '../messages/Catalogue.js'
import type { Alternative } from '../plan/Alternative.js'
import type { Consequence } from '../plan/Consequence.js'
import type { Step, StepBase } from '../plan/Step.js'
import type { Blocker, BlockerBase } from '../rules/Blocker.js'
import type { ClosureOptions } from '../rules/facts.js'

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
export interface Verdict<B extends BlockerBase = Blocker, S extends StepBase = Step> {
  readonly target: Target
  readonly path: Path
  readonly closable: boolean
  readonly blockers: ReadonlyArray<Wire<B>>
  /** ISO instant, or null when a blocker cannot be cleared by the user. A lower bound on the known facts. */
  readonly earliestAt: string | null
  /** Whether `earliestAt` may move later: the plan ends contracts (a payment may follow) or resolves a dispute. */
  readonly earliestAtMayMove: boolean
  readonly steps: ReadonlyArray<Wire<S>>
  readonly consequences: ReadonlyArray<Wire<Consequence>>
  readonly alternatives: ReadonlyArray<Wire<Alternative>>
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
  /** The words for the built-in items; `en` unless set. */
  readonly catalogue?: Catalogue
  /** The IANA time zone instants are shown in, in messages (the JSON instants stay UTC); `UTC` unless set. */
  readonly timeZone?: string
}
