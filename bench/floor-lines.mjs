// The line loop of the batch floors (bench/floor-batch.mjs, bench/floor-decode.mjs): NDJSON read
// from a file through a read stream, split at line feeds, each non-empty line's bytes answered by
// `answer(bytes, n)` (a record's text, n counting from 1), the records of a chunk written to
// standard output at once, waiting for it to drain.
import { createReadStream } from 'node:fs'

const LF = 10

/** Answers every line of `file` to standard output. */
export const eachLine = async (file, answer) => {
  let n = 0
  let rest = null
  for await (const chunk of createReadStream(file)) {
    let out = ''
    let from = 0
    let buf = chunk
    if (rest !== null) {
      buf = Buffer.concat([rest, chunk])
      rest = null
    }
    for (;;) {
      const lf = buf.indexOf(LF, from)
      if (lf === -1) break
      if (lf > from) out += answer(buf.subarray(from, lf), ++n)
      from = lf + 1
    }
    if (from < buf.length) rest = buf.subarray(from)
    if (out !== '' && !process.stdout.write(out)) await new Promise((r) => process.stdout.once('drain', r))
  }
  if (rest !== null && rest.length > 0) process.stdout.write(answer(rest, ++n))
}
