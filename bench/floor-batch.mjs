// The floor of `batch`: read NDJSON lines from a file through the same kind of stream, JSON.parse
// each, write a small JSON.stringify record per line to standard output.
import { eachLine } from './floor-lines.mjs'

await eachLine(process.argv[2], (bytes, n) => {
  const s = JSON.parse(bytes.toString('utf8'))
  return `${JSON.stringify({ line: n, userId: s.user?.id, closable: false })}\n`
})
