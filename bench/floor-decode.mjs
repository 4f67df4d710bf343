// A lower bound for `batch`: the floor's own program (bench/floor-batch.mjs) with the library's
// `readSnapshotText` (JSON.parse, the I-JSON check and the decoding: every check of the input, no
// rule) in place of `JSON.parse`, writing the same small record. What it takes over the floor is
// spent before any rule runs.
//
//   node bench/floor-decode.mjs FILE.ndjson > /dev/null      (after npm run build)
import { createReadStream } from 'node:fs'

const { readSnapshotText } = await import(new URL('../dist/index.js', import.meta.url).href)

const LF = 10
let n = 0
let rest = null
const answer = (bytes) => {
  n++
  const r = readSnapshotText(bytes.toString('utf8'))
  if (r._tag !== 'Snapshot') throw new Error(`line ${n} is not a snapshot`)
  return `${JSON.stringify({ line: n, userId: r.snapshot.user.id, closable: false })}\n`
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
