// The floor of `batch`: read NDJSON lines from a file through the same kind of stream, JSON.parse
// each, write a small JSON.stringify record per line to standard output.
import { createReadStream } from 'node:fs'

const LF = 10
let n = 0
let rest = null
const answer = (bytes) => {
  n++
  const s = JSON.parse(bytes.toString('utf8'))
  return `${JSON.stringify({ line: n, userId: s.user?.id, closable: false })}\n`
}
for await (const chunk of createReadStream(process.argv[2])) {
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
    if (lf > from) out += answer(buf.subarray(from, lf))
    from = lf + 1
  }
  if (from < buf.length) rest = buf.subarray(from)
  if (out !== '' && !process.stdout.write(out)) await new Promise((r) => process.stdout.once('drain', r))
}
if (rest !== null && rest.length > 0) process.stdout.write(answer(rest))
