/**
 * NDJSON lines from a byte stream, in bounded memory: lines end at LF only (a CR just before
 * the LF is dropped; any other CR is JSON whitespace), and a line longer than the limit is
 * skipped to its end and reported by its length, never held. Lines come in groups, those that end
 * in one chunk of the input (one step of the async iteration per chunk, not per line).
 *
 * @internal
 */
import type { Readable } from 'node:stream'

export type Line =
  | { readonly _tag: 'Text'; readonly line: number; readonly bytes: Buffer }
  | { readonly _tag: 'TooLarge'; readonly line: number; readonly bytes: number }

const LF = 10
const CR = 13

export async function* lines(input: Readable, maxBytes: number): AsyncGenerator<ReadonlyArray<Line>> {
  let parts: Array<Buffer> = []
  let size = 0
  let tooLarge = false
  let n = 0
  const take = (): Line => {
    n++
    if (tooLarge) return { _tag: 'TooLarge', line: n, bytes: size }
    let bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size)
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1)
    return { _tag: 'Text', line: n, bytes }
  }
  const add = (chunk: Buffer): void => {
    size += chunk.length
    // one byte of slack: a CR before the LF does not count
    if (!tooLarge && size > maxBytes + 1) {
      tooLarge = true
      parts = []
    }
    if (!tooLarge) parts.push(chunk)
  }
  for await (const data of input) {
    const chunk: Buffer = typeof data === 'string' ? Buffer.from(data) : (data as Buffer)
    let from = 0
    const done: Array<Line> = []
    for (;;) {
      const lf = chunk.indexOf(LF, from)
      if (lf === -1) break
      add(chunk.subarray(from, lf))
      const line = take()
      // a line whose only excess is the CR before its LF is within the limit
      done.push(line._tag === 'Text' && line.bytes.length > maxBytes ? { _tag: 'TooLarge', line: line.line, bytes: line.bytes.length } : line)
      // (emptied, not made anew: most lines are one part)
      parts.length = 0
      size = 0
      tooLarge = false
      from = lf + 1
    }
    if (from < chunk.length) add(chunk.subarray(from))
    if (done.length > 0) yield done
  }
  if (size > 0 || parts.length > 0) {
    const line = take()
    yield [line._tag === 'Text' && line.bytes.length > maxBytes ? { _tag: 'TooLarge', line: line.line, bytes: line.bytes.length } : line]
  }
}
