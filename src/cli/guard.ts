/**
 * What the command is doing, for the guards of main.ts: a process that is about to end before
 * the command answered (a rules module that never finished loading, or that ended the process)
 * must not end with status 0; an exception thrown outside any call the command made (a rules
 * module's timer, a promise nobody waited for) is one line and status 70, never a stack trace.
 *
 * @internal
 */

export interface Progress {
  /** The `--rules` module as it was named, once the command started loading it. */
  rules: string | undefined
  /** What the command is waiting for that may never come, in words (`the rules module ./r.mjs never finished loading`). */
  waitingFor: string | undefined
  /** The command's exit status, once it has one (answered, or failed and said so): the process ends with it, or with 70. */
  code: number | undefined
}

/** This process's command (one per process). */
export const progress: Progress = { rules: undefined, waitingFor: undefined, code: undefined }

/** Why a process stopped before its command answered, in one line (without the command's name). */
export const stoppedEarly = (p: Progress): string =>
  `stopped before answering: ${
    p.waitingFor ??
    (p.rules === undefined
      ? 'nothing was left to run before the command finished (an internal error)'
      : `the rules module ${p.rules} ended the process, or left it waiting for something that never came`)
  }`

/** Why a process ended with another status than its command's, in one line (without the command's name). */
export const statusChanged = (p: Progress, code: unknown): string =>
  `the exit status was changed to ${String(code)} after the command's ${String(p.code)}${
    p.rules === undefined ? '' : ` (the rules module ${p.rules} ended the process, or set its status)`
  }`

/** An exception no call of the command caught, in one line (without the command's name). */
export const thrownOutside = (p: Progress, message: string): string =>
  p.rules === undefined ? `internal error: ${message}` : `a rules module (${p.rules}) threw outside a rule's call: ${message}`
