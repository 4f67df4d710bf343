// CPU time of each phase of text → verdict JSON text on the ~6 MB snapshot, for one or more built
// checkouts (before → after figures), run one after the other. Run it with the garbage collector
// on the main thread, so that its work is counted once, in the phase that caused it:
//
//   node --single-threaded-gc bench/phases.mjs [DIR …] [--rounds N]
//
// DIR holds a built package (`npm run build`); none: this one. Prints, per DIR, the medians of
// JSON.parse, decodeSnapshotText, verdict, JSON.stringify of the verdict, the floor's JSON.stringify
// (of the same verdict JSON, parsed), and (decode + verdict + stringify) ÷ (parse + floor).
import { join, resolve } from 'node:path'

import { entitiesFor, snapshotOf } from './fixtures.mjs'

const args = process.argv.slice(2)
const at = args.indexOf('--rounds')
const rounds = at >= 0 ? Number(args[at + 1]) : 7
const dirs = args.filter((a, i) => a !== '--rounds' && (at < 0 || i !== at + 1))
const text = JSON.stringify(snapshotOf(entitiesFor(6_000_000)))
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const cpu = (f) => {
  const s = process.cpuUsage()
  const r = f()
  const e = process.cpuUsage(s)
  return [(e.user + e.system) / 1000, r]
}
for (const dir of dirs.length > 0 ? dirs : ['.']) {
  const M = await import(join(resolve(dir), 'dist/index.js'))
  const t = { parse: [], decode: [], verdict: [], stringify: [], floorStringify: [] }
  let parsed
  for (let i = 0; i < rounds; i++) {
    t.parse.push(cpu(() => JSON.parse(text))[0])
    const [a, d] = cpu(() => M.decodeSnapshotText(text))
    if (d._tag !== 'Right') throw new Error('the benchmark snapshot does not decode')
    t.decode.push(a)
    const [b, v] = cpu(() => M.verdict(d.right))
    t.verdict.push(b)
    const [c, s] = cpu(() => JSON.stringify(v))
    t.stringify.push(c)
    parsed ??= JSON.parse(s)
    t.floorStringify.push(cpu(() => JSON.stringify(parsed))[0])
  }
  const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)]))
  const ratio = (m.decode + m.verdict + m.stringify) / (m.parse + m.floorStringify)
  console.log(`${dir}: ${Object.entries(m).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}; ÷ the floor ${ratio.toFixed(2)}`)
}
