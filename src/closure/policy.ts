/**
 * `closureWith`: the questions of a list of rules, with the decoders of its snapshots (each
 * rule's extension decoded by its codec) and a guard that refuses a snapshot whose extensions
 * another policy decoded.
 *
 * @since 0.3.0
 */
import type * as E from 'fp-ts/lib/Either.js'

import type { BlockerBase } from '../engine/Blocker.js'
import type { Rule } from '../engine/Rule.js'
import type { StepBase } from '../engine/Step.js'
import type { AccountSnapshot } from '../model/codecs.js'
import type { DecodeErrors } from '../model/DecodeError.js'
import type { DecodeOptions } from '../model/decode.js'
import { decodedWith } from '../model/decoded.js'
import { policyDecoding } from '../model/extensions.js'
import type { AnyExtension, PolicyDecoding } from '../model/extensions.js'
import type { JsonSchema } from '../schema/fromCodec.js'
import type { SnapshotSchema } from '../schema/standardSchema.js'
import { policyOf, questionsOf } from './closureWith.js'
import type { BlockerOf, Questions, StepOf } from './closureWith.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The API built from a list of rules: its questions (`canClose`, `closureSteps`,
 * `earliestClosableAt`, `alternatives`, `verdict`) and the decoders of its snapshots, which
 * decode each rule's `extensions.<key>` with its codec. When the rules declare extensions, the
 * questions refuse (with a `TypeError`) a snapshot that neither this policy nor one with the same
 * codecs decoded.
 *
 * @category model
 * @since 0.2.0
 */
export interface Closure<B extends BlockerBase, S extends StepBase> extends Questions<B, S> {
  /** As the top-level `decodeSnapshot`, with each rule's extension decoded by its codec (at `extensions.<key>`). */
  readonly decodeSnapshot: (value: unknown, options?: DecodeOptions) => E.Either<DecodeErrors, AccountSnapshot>
  /** As the top-level `decodeSnapshotText` (I-JSON text), with each rule's extension decoded by its codec. */
  readonly decodeSnapshotText: (text: string, options?: DecodeOptions) => E.Either<DecodeErrors, AccountSnapshot>
  /** This policy's `decodeSnapshot` as a Standard Schema v1 object. */
  readonly snapshotSchema: SnapshotSchema
  /**
   * The snapshot's JSON Schema (draft 2020-12): the published one, with each rule's extension's
   * schema derived from its codec (a codec that cannot be walked is `{}` with a description).
   * Built when first read.
   */
  readonly jsonSchema: JsonSchema
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * The extensions a list of rules declares, in its order (a key once per codec; two codecs for
 * one key are refused by the policy).
 *
 * @internal
 */
export const extensionsOf = (rules: ReadonlyArray<Rule<BlockerBase, StepBase>>): ReadonlyArray<AnyExtension> => {
  const out: Array<AnyExtension> = []
  for (const r of rules) if (r.extension !== undefined && !out.some((e) => e.key === r.extension?.key && e.codec === r.extension.codec)) out.push(r.extension)
  return out
}

/** The questions, each refusing a snapshot whose extensions were not decoded with these codecs. */
const guarded = <B extends BlockerBase, S extends StepBase>(q: Questions<B, S>, extensions: ReadonlyArray<AnyExtension>): Questions<B, S> => {
  const keys = extensions.map((e) => e.key).join(', ')
  const check = (snapshot: unknown): void => {
    const w = decodedWith(snapshot)
    if (w !== undefined && extensions.every((e) => w.get(e.key) === e.codec)) return
    const what = w === undefined ? 'not a snapshot decoded by this library' : `a snapshot whose extensions (${keys}) were not decoded with this policy's codecs`
    throw new TypeError(`account-closure: ${what}; decode it with this policy's decodeSnapshot (closureWith(rules).decodeSnapshot) first`)
  }
  return {
    canClose: (snapshot, target, options) => (check(snapshot), q.canClose(snapshot, target, options)),
    closureSteps: (snapshot, target, options) => (check(snapshot), q.closureSteps(snapshot, target, options)),
    earliestClosableAt: (snapshot, target, options) => (check(snapshot), q.earliestClosableAt(snapshot, target, options)),
    alternatives: (snapshot, target, options) => (check(snapshot), q.alternatives(snapshot, target, options)),
    verdict: (snapshot, target, options) => (check(snapshot), q.verdict(snapshot, target, options)),
  }
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The whole API from a list of rules: `canClose`, `closureSteps`, `earliestClosableAt`,
 * `alternatives` and `verdict` (which the command line's report reads), and the decoders of
 * its snapshots: `decodeSnapshot`, `decodeSnapshotText`, `snapshotSchema` and `jsonSchema`,
 * which decode each rule's extension with its codec. The top-level functions are
 * `closureWith(defaultRules)`. Refuses, with a `TypeError`, two rules with one id, two
 * definitions of one tag, two codecs for one extension key, and a cycle of declared order.
 *
 * @example
 * import * as t from 'io-ts'
 * import { closureWith, defaultRules, defineBlocker, defineRule, defineStep } from 'account-closure'
 *
 * const feeUnpaid = defineBlocker({ tag: 'FeeUnpaid', rule: 'fees-paid', words: (b: { readonly subject: string }) => `Fee ${b.subject} is unpaid.` })
 * const payFee = defineStep({ tag: 'PayFee', kind: 'remedy', rule: 'fees-paid', words: (s: { readonly subject: string }) => `Pay fee ${s.subject}.` })
 *
 * const feesPaid = defineRule({
 *   id: 'fees-paid',
 *   paths: ['CloseAccount'],
 *   extension: { key: 'fees', codec: t.array(t.type({ id: t.string })) },
 *   blockers: [feeUnpaid],
 *   steps: [payFee],
 *   check: (f) => f.extensions.fees.map((fee) => feeUnpaid({ subject: fee.id })),
 *   clear: (b) => [payFee({ subject: b.subject })],
 *   mayMove: { because: 'A fee settles only once it is paid.' },
 * })
 *
 * const closure = closureWith([...defaultRules, feesPaid])
 * // extensions.fees is decoded by feesPaid's codec
 * const decoded = closure.decodeSnapshot({
 *   asOf: '2026-11-18T10:00:00Z',
 *   user: { id: 'u-1', securityQuestionSet: true, standing: 'good' },
 *   freelancer: null, companies: [], agencies: [], disputes: [], subscriptions: [], billingMethods: [],
 *   extensions: { fees: [{ id: 'fee-1' }] },
 * })
 * if (decoded._tag === 'Left') throw new Error('invalid snapshot')
 * const v = closure.verdict(decoded.right)
 * console.log(v.blockers.map((b) => b.message)) // [ 'Fee fee-1 is unpaid.' ]
 * console.log(v.mayMoveBecause)                 // [ 'A fee settles only once it is paid.' ]
 *
 * @category constructors
 * @since 0.2.0
 */
export const closureWith = <R extends Rule<BlockerBase, StepBase>>(given: ReadonlyArray<R>): Closure<BlockerOf<R>, StepOf<R>> => {
  // (the rules checked once, each read once: the questions and the decoders are made from the same rules, one codec per key)
  const policy = policyOf(given as unknown as ReadonlyArray<Rule<BlockerOf<R>, StepOf<R>>>)
  const questions = questionsOf(policy)
  const extensions = extensionsOf(policy.list)
  let decoding: PolicyDecoding | undefined
  const decoders = (): PolicyDecoding => (decoding ??= policyDecoding(extensions))
  return {
    ...(extensions.length === 0 ? questions : guarded(questions, extensions)),
    decodeSnapshot: (value, options) => decoders().decodeSnapshot(value, options),
    decodeSnapshotText: (text, options) => decoders().decodeSnapshotText(text, options),
    get snapshotSchema(): SnapshotSchema {
      return decoders().snapshotSchema
    },
    get jsonSchema(): JsonSchema {
      return decoders().jsonSchema
    },
  }
}
