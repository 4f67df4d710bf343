// A lower bound for `batch`: the floor's own program (bench/floor-batch.mjs) with the library's
// `readSnapshotText` (JSON.parse, the I-JSON check and the decoding: every check of the input, no
// rule) in place of `JSON.parse`, writing the same small record. What it takes over the floor is
// spent before any rule runs.
//
//   node bench/floor-decode.mjs FILE.ndjson > /dev/null      (after npm run build)
import { eachLine } from './floor-lines.mjs'

const { readSnapshotText } = await import(new URL('../dist/index.js', import.meta.url).href)

await eachLine(process.argv[2], (bytes, n) => {
  const r = readSnapshotText(bytes.toString('utf8'))
  if (r._tag !== 'Snapshot') throw new Error(`line ${n} is not a snapshot`)
  return `${JSON.stringify({ line: n, userId: r.snapshot.user.id, closable: false })}\n`
})
