/**
 * The snapshot decoder as a Standard Schema (v1), so that every library that accepts one (form and router
 * validators, for instance) validates snapshots with it.
 *
 * @since 0.2.0
 */
import type { AccountSnapshot, AccountSnapshotJson } from '../model/codecs.js'
import type { DecodeErrors } from '../model/DecodeError.js'
import { decodeSnapshot } from '../model/decode.js'

// -------------------------------------------------------------------------------------
// model (the interface of the Standard Schema spec, v1, as its authors ask libraries to copy it)
// -------------------------------------------------------------------------------------

/**
 * A Standard Schema v1 validator of `Input` into `Output`.
 *
 * @category model
 * @since 0.2.0
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaV1Props<Input, Output>
}

/**
 * The properties of a Standard Schema v1 validator.
 *
 * @category model
 * @since 0.2.0
 */
export interface StandardSchemaV1Props<Input = unknown, Output = Input> {
  /** The version of the spec: 1. */
  readonly version: 1
  /** The library that made the validator. */
  readonly vendor: string
  /** Validates a value: the output, or the issues. */
  readonly validate: (value: unknown) => StandardSchemaV1Result<Output> | Promise<StandardSchemaV1Result<Output>>
  /** The input and output types, for inference only. */
  readonly types?: { readonly input: Input; readonly output: Output } | undefined
}

/**
 * A validation's result: the output value, or the issues.
 *
 * @category model
 * @since 0.2.0
 */
export type StandardSchemaV1Result<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardSchemaV1Issue> }

/**
 * One problem, with the path to the value it is about.
 *
 * @category model
 * @since 0.2.0
 */
export interface StandardSchemaV1Issue {
  /** The error's readable text, as the decoder writes it. */
  readonly message: string
  /** Keys and indexes from the document to the value; absent for the document itself. */
  readonly path?: ReadonlyArray<PropertyKey> | undefined
}

/**
 * The type of {@link snapshotSchema}: a Standard Schema whose `validate` is synchronous.
 *
 * @category model
 * @since 0.2.0
 */
export interface SnapshotSchema extends StandardSchemaV1<AccountSnapshotJson, AccountSnapshot> {
  /** The Standard Schema properties, with a synchronous `validate`. */
  readonly '~standard': {
    /** Decodes a value: the snapshot, or the decoder's errors as issues. */
    readonly validate: (value: unknown) => StandardSchemaV1Result<AccountSnapshot>
  } & StandardSchemaV1Props<AccountSnapshotJson, AccountSnapshot>
}

// -------------------------------------------------------------------------------------
// the validator
// -------------------------------------------------------------------------------------

/** `a.b[2].c` as `['a', 'b', 2, 'c']` (field names hold no dots or brackets). */
const segments = (path: string): ReadonlyArray<PropertyKey> => {
  const out: Array<PropertyKey> = []
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] === undefined ? (m[1] as string) : Number(m[2]))
  return out
}

/**
 * A decoder as a Standard Schema v1 object (for policies that decode their own extensions too).
 *
 * @internal
 */
export const standardSchemaOf = (
  decode: (value: unknown) => { readonly _tag: 'Left'; readonly left: DecodeErrors } | { readonly _tag: 'Right'; readonly right: AccountSnapshot },
): SnapshotSchema => ({
  '~standard': {
    version: 1,
    vendor: 'account-closure',
    validate: (value) => {
      const d = decode(value)
      if (d._tag === 'Right') return { value: d.right }
      return {
        issues: d.left.map((e) => (e.path === '' ? { message: e.message } : { message: e.message, path: segments(e.path) })),
      }
    },
  },
})

/**
 * The snapshot decoder as a Standard Schema v1 object: `validate` is synchronous and returns the
 * decoded snapshot as `value`, or `issues` whose `message` and `path` are the decoder's errors.
 *
 * @example
 * import { snapshotSchema } from 'account-closure'
 *
 * // the Standard Schema type allows a Promise; this one never returns one, and `await` reads both
 * const check = async (json: string): Promise<void> => {
 *   const result = await snapshotSchema['~standard'].validate(JSON.parse(json))
 *   if (result.issues !== undefined) console.log(result.issues.map((i) => i.message)) // [ 'user: expected …, found nothing', … ]
 *   else console.log(result.value.asOf)
 * }
 * void check('{ "asOf": "2026-11-18T10:00:00Z" }')
 *
 * @category decoding
 * @since 0.2.0
 */
export const snapshotSchema: SnapshotSchema = standardSchemaOf((value) => decodeSnapshot(value))
