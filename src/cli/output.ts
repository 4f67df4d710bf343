/**
 * Writing to a stream without losing a fault: every write is followed to its end, the stream's
 * buffer is respected (a full buffer waits for `drain`), and the outcome says whether everything
 * was written, the reader went away (`EPIPE`: quiet), or writing failed (a full disk, an I/O
 * error: exit 74).
 *
 * @internal
 */
import type { Writable } from 'node:stream'

/** How writing ended. */
export type Outcome =
  | { readonly _tag: 'Written' }
  /** The reader went away (`| head`): not a fault, the answer stands. */
  | { readonly _tag: 'Closed' }
  /** Writing failed: `why` says how, in a few words. */
  | { readonly _tag: 'Failed'; readonly why: string }

export interface Output {
  /**
   * Writes text; resolves when more may be written. `written` is called once the text has
   * reached the stream (never, if writing failed). After a fault it writes nothing.
   */
  readonly write: (text: string, written?: () => void) => Promise<void>
  /** Whether writing can still go on. */
  readonly open: () => boolean
  /**
   * Resolves, once everything written so far has reached the stream or failed, to how writing
   * went (it may be asked more than once; writing may go on after it).
   */
  readonly end: () => Promise<Outcome>
}

const codeOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : ''

const WORDS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EIO: 'an input/output error',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large',
  EBADF: 'it is not open for writing',
  EACCES: 'no permission',
}

/** A write error in a few words: what happened, and its code. */
const describe = (e: unknown): string => {
  const code = codeOf(e)
  const words = WORDS[code]
  if (words !== undefined) return `${words} (${code})`
  const message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)
  return code === '' || message.includes(code) ? message : `${message} (${code})`
}

/** Follows every write to `stream`; see {@link Output}. */
export const output = (stream: Writable): Output => {
  let outcome: Outcome = { _tag: 'Written' }
  // the first fault decides: a closed pipe is quiet, anything else is a failure
  const fault = (e: unknown): void => {
    if (outcome._tag === 'Written') outcome = codeOf(e) === 'EPIPE' ? { _tag: 'Closed' } : { _tag: 'Failed', why: describe(e) }
  }
  stream.on('error', fault)
  let last: Promise<void> = Promise.resolve()
  const open = (): boolean => outcome._tag === 'Written' && !stream.destroyed && stream.writable
  const drained = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        stream.off('drain', done)
        stream.off('close', done)
        stream.off('error', done)
        resolve()
      }
      stream.on('drain', done)
      stream.on('close', done)
      stream.on('error', done)
    })
  return {
    open,
    write: async (text, written) => {
      if (!open() || text.length === 0) return
      let ok = true
      last = new Promise<void>((resolve) => {
        ok = stream.write(text, (e) => {
          if (e !== undefined && e !== null) fault(e)
          else if (written !== undefined) written()
          resolve()
        })
      })
      if (!ok && open()) await drained()
    },
    end: async () => {
      await last
      // an error reported just after the last callback still counts
      await new Promise<void>((resolve) => setImmediate(resolve))
      return outcome
    },
  }
}
