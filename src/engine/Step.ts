/**
 * Steps of a closure plan: remedies, waits, advice and the path's procedure. The engine knows
 * only what every step carries and the one step it builds itself, `WaitUntil`; each rule (and
 * each closing path) defines its own steps, with their words.
 *
 * @since 0.1.0
 */
import type { Instant } from '../model/Instant.js'
import type { Scope } from '../model/Scope.js'
import type { Format } from './Format.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * - `remedy`: an action that clears a blocker;
 * - `wait`: time that has to pass;
 * - `advice`: good to do before closing, blocks nothing;
 * - `procedure`: the clicks that close, once nothing blocks.
 *
 * @category model
 * @since 0.1.0
 */
export type StepKind = 'remedy' | 'wait' | 'advice' | 'procedure'

/**
 * What every step, built in or an app's own, carries: its `_tag` and `kind`, the rule ids it
 * clears in `resolves` (empty for advice and procedure), the `scope` whose work it is (none for
 * the account), and the id of the item it acts on as `subject` (none when it acts on no item).
 *
 * @category model
 * @since 0.2.0
 */
export interface StepBase {
  readonly _tag: string
  readonly kind: StepKind
  readonly resolves: ReadonlyArray<string>
  readonly scope?: Scope
  readonly subject?: string
}

/**
 * What every reason to wait carries: its `_tag`, the `rule` whose blocker passing time clears,
 * and, as blockers do, its `scope` and `subject`.
 *
 * @category model
 * @since 0.2.0
 */
export interface WaitReasonBase {
  readonly _tag: string
  readonly rule: string
  readonly scope?: Scope
  readonly subject?: string
}

/**
 * Time that has to pass. One step per instant: it lists every reason to wait until then, and
 * resolves the rules of its reasons.
 *
 * @category model
 * @since 0.1.0
 */
export interface WaitUntil<R extends WaitReasonBase = WaitReasonBase> extends StepBase {
  readonly _tag: 'WaitUntil'
  readonly kind: 'wait'
  readonly at: Instant
  readonly reasons: ReadonlyArray<R>
}

/**
 * A step tag defined once, with its words, by the rule (or the closing path) that owns it.
 *
 * @category model
 * @since 0.3.0
 */
export interface StepDefinition<S extends StepBase = StepBase> {
  readonly tag: S['_tag']
  readonly kind: S['kind']
  /**
   * The scope the step's order is about when it is not its `scope` (closing an agency is about
   * that agency, though it is a step of the account).
   */
  orderScope?(step: S): Scope | undefined
  /** A tie-break among steps of one rule, when nothing else orders them (lower first). */
  readonly rank?: number
  /** The English words of one step of this tag. */
  words(step: S, format: Format): string
}

/**
 * A reason to wait, defined once with its words by the rule that owns it.
 *
 * @category model
 * @since 0.3.0
 */
export interface ReasonDefinition<R extends WaitReasonBase = WaitReasonBase> {
  readonly tag: R['_tag']
  readonly rule: R['rule']
  /** The English words of one reason of this tag (a clause: "payment p-1 becomes available"). */
  words(reason: R, format: Format): string
}

/** The fields of a step besides its `_tag`, `kind` and `resolves`. @category model @since 0.3.0 */
export type StepFields = Omit<StepBase, '_tag' | 'kind' | 'resolves'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Defines a remedy or advice tag with its words; calling the result makes a step of that tag.
 * A remedy resolves the rule named by `rule`; advice resolves none.
 *
 * @example
 * import { defineStep } from 'account-closure'
 *
 * const payFee = defineStep({
 *   tag: 'PayFee',
 *   kind: 'remedy',
 *   rule: 'fees-paid',
 *   words: (s: { readonly subject: string }) => `Pay fee ${s.subject}.`,
 * })
 * console.log(payFee({ subject: 'fee-1' })) // { _tag: 'PayFee', kind: 'remedy', resolves: ['fees-paid'], subject: 'fee-1' }
 *
 * @category constructors
 * @since 0.3.0
 */
export const defineStep = <const T extends string, const K extends 'remedy' | 'advice', F extends object = StepFields>(d: {
  readonly tag: T
  readonly kind: K
  /** The rule a remedy resolves (required for a remedy; advice resolves none). */
  readonly rule?: string
  readonly rank?: number
  readonly words: (step: F, format: Format) => string
}): StepDefinition<{ readonly _tag: T; readonly kind: K; readonly resolves: ReadonlyArray<string> } & F> &
  ((fields: F) => { readonly _tag: T; readonly kind: K; readonly resolves: ReadonlyArray<string> } & F) => {
  // (each field read once: what is checked is what the definition holds)
  const { tag, kind, rule, rank, words } = d
  if (typeof tag !== 'string' || tag === '' || tag === 'WaitUntil' || (kind !== 'remedy' && kind !== 'advice') || typeof words !== 'function')
    throw new TypeError("defineStep takes { tag: a non-empty string other than 'WaitUntil', kind: 'remedy' or 'advice', words: a function }")
  if (kind === 'remedy' && typeof rule !== 'string') throw new TypeError(`defineStep: the remedy "${tag}" needs the id of the rule it resolves (rule)`)
  return stepOf({ tag, kind, words, ...(rule === undefined ? {} : { rule }), ...(rank === undefined ? {} : { rank }) })
}

/**
 * {@link defineStep} for the built-in rules, whose definitions are constants (the tests check
 * that `defineStep` accepts each): the same definition, without the checks of its shape.
 *
 * @internal
 */
/* @__NO_SIDE_EFFECTS__ */
export const stepOf = <const T extends string, const K extends 'remedy' | 'advice', F extends object = StepFields>(d: {
  readonly tag: T
  readonly kind: K
  readonly rule?: string
  readonly rank?: number
  readonly words: (step: F, format: Format) => string
}): StepDefinition<{ readonly _tag: T; readonly kind: K; readonly resolves: ReadonlyArray<string> } & F> &
  ((fields: F) => { readonly _tag: T; readonly kind: K; readonly resolves: ReadonlyArray<string> } & F) => {
  const resolves: ReadonlyArray<string> = Object.freeze(d.kind === 'remedy' && d.rule !== undefined ? [d.rule] : [])
  // (frozen: a change to its tag or words would reach every policy that lists it)
  return Object.freeze(Object.assign(
    (fields: F): { readonly _tag: T; readonly kind: K; readonly resolves: ReadonlyArray<string> } & F => ({ _tag: d.tag, kind: d.kind, resolves, ...fields }),
    { tag: d.tag, kind: d.kind, ...(d.rank === undefined ? {} : { rank: d.rank }), words: d.words } as unknown as StepDefinition<
      { readonly _tag: T; readonly kind: K; readonly resolves: ReadonlyArray<string> } & F
    >,
  ))
}

/**
 * Defines a reason to wait with its words; calling the result makes a reason of that tag.
 *
 * @example
 * import { defineReason, formatIn, parseInstant, waitUntil } from 'account-closure'
 *
 * const feeSettles = defineReason({ tag: 'FeeSettles', rule: 'fees-paid', words: (r: { readonly subject: string }) => `fee ${r.subject} settles` })
 * const settlesAt = parseInstant('2026-11-21T00:00:00Z')
 * if (settlesAt === undefined) throw new Error('not an instant')
 * const wait = waitUntil(settlesAt, [feeSettles({ subject: 'fee-1' })])
 * console.log(wait.reasons.map((r) => feeSettles.words(r, formatIn()))) // ['fee fee-1 settles']
 *
 * @category constructors
 * @since 0.3.0
 */
export const defineReason = <const T extends string, const R extends string, F extends object = Omit<WaitReasonBase, '_tag' | 'rule'>>(d: {
  readonly tag: T
  readonly rule: R
  readonly words: (reason: F, format: Format) => string
}): ReasonDefinition<{ readonly _tag: T; readonly rule: R } & F> & ((fields: F) => { readonly _tag: T; readonly rule: R } & F) => {
  const { tag, rule, words } = d
  if (typeof tag !== 'string' || tag === '' || typeof rule !== 'string' || rule === '' || typeof words !== 'function')
    throw new TypeError('defineReason takes { tag, rule: non-empty strings, words: a function }')
  return reasonOf({ tag, rule, words })
}

/**
 * {@link defineReason} for the built-in rules, whose definitions are constants (the tests check
 * that `defineReason` accepts each): the same definition, without the checks of its shape.
 *
 * @internal
 */
/* @__NO_SIDE_EFFECTS__ */
export const reasonOf = <const T extends string, const R extends string, F extends object = Omit<WaitReasonBase, '_tag' | 'rule'>>(d: {
  readonly tag: T
  readonly rule: R
  readonly words: (reason: F, format: Format) => string
}): ReasonDefinition<{ readonly _tag: T; readonly rule: R } & F> & ((fields: F) => { readonly _tag: T; readonly rule: R } & F) => {
  // (frozen: a change to its tag or words would reach every policy that lists it)
  return Object.freeze(Object.assign(
    (fields: F): { readonly _tag: T; readonly rule: R } & F => ({ _tag: d.tag, rule: d.rule, ...fields }),
    { tag: d.tag, rule: d.rule, words: d.words } as unknown as ReasonDefinition<{ readonly _tag: T; readonly rule: R } & F>,
  ))
}

/**
 * Gives a constructor of steps the definition of their tag (the built-in steps keep their own
 * constructors, whose fields are positional).
 *
 * @internal
 */
/* @__NO_SIDE_EFFECTS__ */
export const withDefinition = <S extends StepBase, C extends object>(make: C, d: StepDefinition<S>): C & StepDefinition<S> =>
  // (frozen, as every definition is: a change to its tag or words would reach every policy that lists it)
  Object.freeze(Object.assign(make, d)) as C & StepDefinition<S>

/**
 * Waiting until `at`, for these reasons; it resolves the rules the reasons name.
 *
 * @example
 * import { defineReason, parseInstant, waitUntil } from 'account-closure'
 *
 * const feeSettles = defineReason({ tag: 'FeeSettles', rule: 'fees-paid', words: (r: { readonly subject: string }) => `fee ${r.subject} settles` })
 * const settlesAt = parseInstant('2026-11-21T00:00:00Z')
 * if (settlesAt === undefined) throw new Error('not an instant')
 * const wait = waitUntil(settlesAt, [feeSettles({ subject: 'fee-1' })])
 * console.log(wait._tag, wait.resolves) // WaitUntil [ 'fees-paid' ]
 *
 * @category constructors
 * @since 0.1.0
 */
export const waitUntil = <R extends WaitReasonBase>(at: Instant, reasons: ReadonlyArray<R>): WaitUntil<R> => ({
  _tag: 'WaitUntil',
  kind: 'wait',
  at,
  reasons,
  resolves: [...new Set(reasons.map((x) => x.rule))].sort(),
})

/**
 * The words of a wait: its instant and the words of each of its reasons.
 *
 * @internal
 */
export const waitWords = (s: WaitUntil, f: Format): string => {
  // (by index: a rule's list of reasons may have a constructor of its own, which map would ask for the list it makes)
  const why: Array<string> = []
  for (let i = 0; i < s.reasons.length; i++) why.push(f.reason(s.reasons[i] as WaitReasonBase))
  return `Wait until ${f.instant(s.at)}${why.length > 0 ? `: ${why.join('; ')}` : ''}.`
}

// -------------------------------------------------------------------------------------
// refinements
// -------------------------------------------------------------------------------------

/**
 * Whether a step, built in or an app's own, is a wait (only waits are tagged `WaitUntil`).
 *
 * @internal
 */
export const isWait = (s: StepBase): s is WaitUntil => s._tag === 'WaitUntil'
