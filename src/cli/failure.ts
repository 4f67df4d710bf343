/**
 * What the command says of an error in one line, and whether it is a rule's failure. Kept apart
 * from `--rules` loading (rules.ts), which `check` without `--rules` never loads.
 *
 * @internal
 */

export const isObject = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null

/** The first line of an error's message, for one line on standard error. */
export const firstLine = (e: unknown): string => {
  let message: string
  try {
    message = isObject(e) && typeof e['message'] === 'string' ? e['message'] : String(e)
  } catch {
    // a thrown value that cannot even be described (no toString, a throwing getter, a revoked proxy)
    message = 'a value that cannot be shown'
  }
  return message.split('\n').find((l) => l.trim() !== '') ?? message
}

/** A rule's failure: the rule it names and what happened; undefined for any other error. */
export const ruleFailure = (e: unknown): { readonly rule: string; readonly message: string } | undefined =>
  isObject(e) && typeof e['ruleId'] === 'string' ? { rule: e['ruleId'], message: firstLine(e) } : undefined
