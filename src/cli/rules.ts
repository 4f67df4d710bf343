/**
 * `--rules MODULE`: rules of one's own, loaded from an ES module whose default export is a rule
 * or a list of rules. They are checked by shape, not by class: the module may import its own copy
 * of the package. An error thrown inside one of them names it.
 *
 * @internal
 */
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import type { BlockerBase } from '../engine/Blocker.js'
import { briefWith } from '../closure/closureWith.js'
import { defaultRules } from '../defaults.js'
import { firstLine, isObject, ruleFailure } from './failure.js'
import type { DecodeOptions } from '../model/decode.js'
import type { AnyExtension } from '../model/extensions.js'
import { policyDecoding } from '../model/extensions.js'
import { readSnapshotText } from '../model/text.js'
import type { TextResult } from '../model/text.js'
import { checkedRule } from '../engine/Rule.js'
import type { Rule } from '../engine/Rule.js'
import type { StepBase } from '../engine/Step.js'

export type AnyRule = Rule<BlockerBase, StepBase>

/** Rules loaded, or why not: `noInput` (66) for a path that is not a readable file, `usage` (64) for a module that fails. */
export type Loaded =
  | {
      readonly _tag: 'Rules'
      readonly rules: ReadonlyArray<AnyRule>
      readonly url: string
      /** The module as it was named (its path on the command line). */
      readonly label: string
      /** Reads snapshot text with the rules' `extensions` decoded by their codecs. */
      readonly read: (text: string, options?: DecodeOptions) => TextResult
    }
  | { readonly _tag: 'Failed'; readonly exit: 'noInput' | 'usage'; readonly why: string }

/** Whether a value is a promise (or promises a value: it has a `then` function). */
const isThenable = (u: unknown): u is PromiseLike<unknown> => isObject(u) && typeof u['then'] === 'function'

/** What a rule made with `defineRule` holds besides what a rule's author writes: lists it fills in. */
const MADE_BY_DEFINE_RULE = ['steps', 'reasons', 'follows', 'precedes', 'needless'] as const

/** Why a value is not a rule, or the rule it is: checked as `defineRule` checks one, read once into the copy that runs. */
const asRule = (u: unknown): { readonly why: string } | { readonly rule: AnyRule } => {
  const why = notARule(u)
  if (why !== undefined) return { why }
  try {
    return { rule: checkedRule(u, `rule ${String((u as AnyRule).id)}`) }
  } catch (e) {
    // (what defineRule would refuse in it, as closureWith will: paths spelled another way, a gate that is none…)
    return { why: firstLine(e) }
  }
}

/** Why a value is not a rule by its shape; undefined when it is one. */
const notARule = (u: unknown): string | undefined => {
  if (isThenable(u)) return 'it is a Promise, not a rule (export the rule itself)'
  if (!isObject(u)) return `it is ${u === null ? 'null' : Array.isArray(u) ? 'a list' : `a ${typeof u}`}, not a rule`
  if (typeof u['id'] !== 'string' || u['id'] === '') return 'it has no id (a non-empty string)'
  const id = u['id']
  if (!Array.isArray(u['paths']) || !(u['paths'] as ReadonlyArray<unknown>).every((p) => typeof p === 'string'))
    return `rule ${id} has no paths (a list of closing paths)`
  for (const f of ['check', 'clear'] as const) if (typeof u[f] !== 'function') return `rule ${id} has no ${f} function`
  if (!Array.isArray(u['blockers'])) return `rule ${id} has no blockers (the definitions of its tags, with their words)`
  const missing = MADE_BY_DEFINE_RULE.find((f) => !Array.isArray(u[f]))
  if (missing !== undefined) return `rule ${id} was not made with defineRule (it has no ${missing} list): make it with defineRule`
  return undefined
}

/** An error thrown inside a rule, named after it (an error that names a rule already is kept). */
const named = (e: unknown, ruleId: string): unknown => {
  if (ruleFailure(e) !== undefined) return e
  const error = new Error(`rule ${ruleId} failed: ${firstLine(e)}`)
  return Object.assign(error, { name: 'RuleError', ruleId })
}

/** The rule with every function of it naming the rule in what it throws. */
const guarded = (rule: AnyRule): AnyRule => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(rule))
    out[k] =
      typeof v === 'function'
        ? (...args: ReadonlyArray<unknown>): unknown => {
            try {
              return (v as (...a: Array<unknown>) => unknown).apply(rule, [...args])
            } catch (e) {
              throw named(e, rule.id)
            }
          }
        : v
  return out as unknown as AnyRule
}

/** The URL a rules module is imported from (worker threads import the same). */
export const moduleUrl = (path: string): string => pathToFileURL(resolve(path)).href

/**
 * Loads the rules of the module at `path`; `taken` holds the ids already in use (the default
 * rules'), which a rule of one's own may not reuse.
 */
export const loadRules = async (path: string, taken: ReadonlyArray<string>): Promise<Loaded> => {
  try {
    const s = statSync(path)
    if (s.isDirectory()) return { _tag: 'Failed', exit: 'noInput', why: `the rules module ${path} is a folder, not a file` }
  } catch (e) {
    const code = isObject(e) ? e['code'] : undefined
    return {
      _tag: 'Failed',
      exit: 'noInput',
      why: code === 'ENOENT' || code === 'ENOTDIR' ? `no such rules module: ${path}` : `cannot read the rules module ${path}${typeof code === 'string' ? ` (${code})` : ''}`,
    }
  }
  const loaded = await importRules(moduleUrl(path), path, taken)
  if (loaded._tag === 'Failed') return loaded
  // the policy the rules join, planned now: what it refuses (two rules defining one tag…) is the
  // module's fault, said as such, not an internal error when the first snapshot is answered
  try {
    briefWith([...defaultRules, ...loaded.rules])
  } catch (e) {
    return { _tag: 'Failed', exit: 'usage', why: `the rules module ${path} cannot join the default rules: ${firstLine(e)}` }
  }
  return loaded
}

/** Imports the rules of a module by its URL (`label` names it in errors); see {@link loadRules}. */
export const importRules = async (url: string, label: string, taken: ReadonlyArray<string>): Promise<Loaded> => {
  let module: unknown
  try {
    module = await import(url)
  } catch (e) {
    // (Node runs JavaScript: a TypeScript module is compiled first; a loader given to Node would not reach batch's worker threads)
    const ts = /\.[cm]?tsx?$/i.test(url) && isObject(e) && e['code'] === 'ERR_UNKNOWN_FILE_EXTENSION'
    const hint = ts ? ' (a TypeScript module: compile it to JavaScript first, for example with esbuild)' : ''
    return { _tag: 'Failed', exit: 'usage', why: `the rules module ${label} failed to load: ${firstLine(e)}${hint}` }
  }
  // reading the export runs the module's code too (getters, proxies): what it throws is the module's fault
  try {
    return shapeOf(module, url, label, taken)
  } catch (e) {
    return { _tag: 'Failed', exit: 'usage', why: `the rules module ${label} exports no rule: reading its export failed: ${firstLine(e)}` }
  }
}

/** Handles a promise's failure, so that it is not an unhandled rejection (its `then` may throw: ignored). */
const quiet = (p: PromiseLike<unknown>): void => {
  try {
    void p.then(undefined, () => undefined)
  } catch {
    // (a `then` that throws: the value is refused as not a rule all the same)
  }
}

/** The rules a loaded module exports, checked by shape (may throw: see {@link importRules}). */
const shapeOf = (module: unknown, url: string, label: string, taken: ReadonlyArray<string>): Loaded => {
  const exported = isObject(module) ? module['default'] : undefined
  if (exported === undefined) return { _tag: 'Failed', exit: 'usage', why: `the rules module ${label} exports no rule (it has no default export)` }
  const isList = Array.isArray(exported)
  // one copy, read once: what was checked is what runs
  const list: ReadonlyArray<unknown> = isList ? [...(exported as ReadonlyArray<unknown>)] : [exported]
  // a promise exported is refused below; one that fails must not fail again, unhandled, later
  for (const item of list) if (isThenable(item)) quiet(item)
  if (list.length === 0) return { _tag: 'Failed', exit: 'usage', why: `the rules module ${label} exports no rule (its default export is an empty list)` }
  const ids = new Set(taken)
  const checked: Array<AnyRule> = []
  for (const [i, item] of list.entries()) {
    const r = asRule(item)
    const where = isList ? `item ${i} of its default export` : 'its default export'
    if ('why' in r) return { _tag: 'Failed', exit: 'usage', why: `the rules module ${label} exports no rule: ${where}: ${r.why}` }
    const id = r.rule.id
    if (ids.has(id)) return { _tag: 'Failed', exit: 'usage', why: `the rules module ${label}: a rule with the id ${id} is already in the policy` }
    ids.add(id)
    checked.push(r.rule)
  }
  // (from here on, only the checked copies are read: their extensions decode what their rules read)
  const rules = checked.map(guarded)
  let read: (text: string, options?: DecodeOptions) => TextResult
  try {
    read = readerFor(rules)
  } catch (e) {
    // two rules reading one key with different codecs
    return { _tag: 'Failed', exit: 'usage', why: `the rules module ${label}: ${firstLine(e)}` }
  }
  return { _tag: 'Rules', rules, url, label, read }
}

/** How snapshot text is read for these rules: their `extensions` decoded by their codecs (throws on two codecs for one key). */
export const readerFor = (rules: ReadonlyArray<AnyRule>): ((text: string, options?: DecodeOptions) => TextResult) => {
  const extensions: ReadonlyArray<AnyExtension> = rules.flatMap((r) => (r.extension === undefined ? [] : [r.extension]))
  if (extensions.length === 0) return readSnapshotText
  const decoding = policyDecoding(extensions)
  return (text, options) => decoding.readSnapshotText(text, options)
}
