/**
 * The verdict: the whole answer as one JSON-ready value (SPEC §4).
 *
 * @since 0.1.0
 */
import * as O from 'fp-ts/lib/Option.js'

import type { AccountSnapshot } from '../model/codecs.js'
import type { Instant } from '../model/Instant.js'
import { toISOString } from '../model/Instant.js'
import type { Path, Target } from '../model/Target.js'
import { say } from '../messages/Catalogue.js'
import type { Catalogue } from '../messages/Catalogue.js'
import { en } from '../messages/en.js'
import { planFor } from '../plan/closureSteps.js'
import { consequencesOf } from '../plan/Consequence.js'
import type { Consequence } from '../plan/Consequence.js'
import type { Step } from '../plan/Step.js'
import type { Blocker } from '../rules/Blocker.js'
import { blockersOf, earliestFromBlockers } from '../rules/canClose.js'
import { closureFacts } from '../rules/facts.js'
import type { ClosureOptions } from '../rules/facts.js'
import { defaultPolicy } from '../rules/policy.js'

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
 * The verdict as JSON: SPEC §4. Every field is plain data; `JSON.stringify` writes it as is.
 *
 * @category model
 * @since 0.1.0
 */
export interface Verdict {
  readonly target: Target
  readonly path: Path
  readonly closable: boolean
  readonly blockers: ReadonlyArray<Wire<Blocker>>
  /** ISO instant, or null when a blocker cannot be cleared by the user. */
  readonly earliestAt: string | null
  readonly steps: ReadonlyArray<Wire<Step>>
  readonly consequences: ReadonlyArray<Wire<Consequence>>
}

/**
 * Options of {@link verdict}: the policy choices and the words.
 *
 * @category model
 * @since 0.1.0
 */
export interface VerdictOptions extends ClosureOptions {
  readonly catalogue?: Catalogue
}

// -------------------------------------------------------------------------------------
// encoding
// -------------------------------------------------------------------------------------

const INSTANT_FIELDS = ['at', 'endsAt', 'availableAt'] as const

const toWire = <T extends { readonly _tag: string }>(item: T, message: string): Wire<T> => {
  const out: Record<string, unknown> = { ...item, message }
  for (const k of INSTANT_FIELDS) if (k in out) out[k] = toISOString(out[k] as Instant)
  return out as Wire<T>
}

// -------------------------------------------------------------------------------------
// verdict
// -------------------------------------------------------------------------------------

/**
 * Everything about one closure question, as JSON-ready data: the path, whether it is closable,
 * every blocker, the earliest instant, the plan and the consequences, each with its message.
 *
 * @example
 * import { decodeSnapshot, verdict } from 'account-closure'
 * res.json(verdict(snapshot)) // { target, path, closable, blockers, earliestAt, steps, consequences }
 *
 * @category verdict
 * @since 0.1.0
 */
export const verdict = (snapshot: AccountSnapshot, target?: Target, options: VerdictOptions = {}): Verdict => {
  const catalogue = options.catalogue ?? en
  const facts = closureFacts(snapshot, target, options)
  const blockers = blockersOf(defaultPolicy, facts)
  const unknown = blockers.some((b) => b._tag === 'UnknownTarget')
  const earliest = earliestFromBlockers(blockers, facts)
  return {
    target: facts.target,
    path: facts.path,
    closable: blockers.length === 0,
    blockers: blockers.map((b) => toWire(b, say(catalogue.blockers, b))),
    earliestAt: O.isSome(earliest) ? toISOString(earliest.value) : null,
    steps: planFor(blockers, facts).map((s) => toWire(s, say(catalogue.steps, s))),
    consequences: unknown ? [] : consequencesOf(snapshot, facts.path).map((c) => toWire(c, say(catalogue.consequences, c))),
  }
}
