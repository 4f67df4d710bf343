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
  /** Whether the command has its exit status (answered, or failed and said so). */
  finished: boolean
  /** Whether a line saying the command failed was written already (said once). */
  said: boolean
}

/** This process's command (one per process). */
export const progress: Progress = { rules: undefined, waitingFor: undefined, finished: false, said: false }

/** Why a process stopped before its command answered, in one line (without the command's name). */
export const stoppedEarly = (p: Progress): string =>
  `stopped before answering: ${
    p.waitingFor ??
    (p.rules === undefined
      ? 'nothing was left to run before the command finished (an internal error)'
      : `the rules module ${p.rules} ended the process, or left it waiting for something that never came`)
  }`

/** An exception no call of the command caught, in one line (without the command's name). */
export const thrownOutside = (p: Progress, message: string): string =>
  p.rules === undefined ? `internal error: ${message}` : `a rules module (${p.rules}) threw outside a rule's call: ${message}`
