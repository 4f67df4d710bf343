// CPU time of this build against another build of the package (a checkout of an earlier commit,
// built with `npm run build`), for before → after figures on a loaded machine: CPU time (user +
// sys) rather than wall time, each pair interleaved, medians.
//
//   node bench/against.mjs BASE_DIR [text|batch|rss|cold|all] [ROUNDS]
//
// text: decodeSnapshotText and text → verdict JSON text on the ~6 MB snapshot and on a ~1 kB line,
// in this process; batch: `batch --jobs 1` on 20 000 lines and the floor (bench/floor-batch.mjs);
// rss: peak RSS of `check --json` on the ~6 MB snapshot; cold: `check` on a small snapshot and
// `node -e 0`. The child processes are measured with /usr/bin/time (10 ms resolution).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { entitiesFor, lineSnapshot, snapshotOf } from './fixtures.mjs'

const [baseArg, what = 'all', roundsArg = '5'] = process.argv.slice(2)
/** The built command of a checkout: dist/cli.cjs since 0.3.0, dist/cli.js before. */
const cliOf = (d) => join(d, existsSync(join(d, 'dist/cli.cjs')) ? 'dist/cli.cjs' : 'dist/cli.js')
if (baseArg === undefined || !existsSync(cliOf(baseArg))) {
  console.error('usage: node bench/against.mjs BASE_DIR [text|batch|rss|cold|all] [ROUNDS] (BASE_DIR holds a built package)')
  process.exit(64)
}
const base = resolve(baseArg)
const here = resolve('.')
const rounds = Number(roundsArg)
const dir = mkdtempSync(join(tmpdir(), 'ac-against-'))
const lines = join(dir, 'lines.ndjson')
writeFileSync(lines, `${Array.from({ length: 20_000 }, (_, i) => JSON.stringify(lineSnapshot(i))).join('\n')}\n`)
const bigText = JSON.stringify(snapshotOf(entitiesFor(6_000_000)))
const big = join(dir, 'big.json')
writeFileSync(big, bigText)
const small = join(dir, 'small.json')
writeFileSync(small, JSON.stringify(lineSnapshot(1)))

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const rows = new Map()
const add = (k, v) => rows.set(k, [...(rows.get(k) ?? []), v])
/** CPU ms and peak RSS (MB) of one child process. */
const child = (args) => {
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
  const [u, s, m] = r.stderr.trim().split('\n').pop().split(' ').map(Number)
  return { cpu: (u + s) * 1000, rss: m / 1024 }
}
const cpu = (f, reps) => {
  const s = process.cpuUsage()
  for (let i = 0; i < reps; i++) f()
  const e = process.cpuUsage(s)
  return (e.user + e.system) / 1000 / reps
}

if (what === 'all' || what === 'text') {
  const A = await import(join(base, 'dist/index.js'))
  const B = await import(join(here, 'dist/index.js'))
  const line = JSON.stringify(lineSnapshot(1))
  const path = (M, t) => () => JSON.stringify(M.verdict(M.decodeSnapshotText(t).right))
  const verdictObject = JSON.parse(path(B, bigText)())
  for (let r = 0; r < rounds; r++) {
    add('6 MB: JSON.parse (ms)', cpu(() => JSON.parse(bigText), 2))
    add('6 MB: decodeSnapshotText, before (ms)', cpu(() => A.decodeSnapshotText(bigText), 2))
    add('6 MB: decodeSnapshotText, after (ms)', cpu(() => B.decodeSnapshotText(bigText), 2))
    add('6 MB: floor, parse + stringify (ms)', cpu(() => [JSON.parse(bigText), JSON.stringify(verdictObject)], 1))
    add('6 MB: text → verdict JSON, before (ms)', cpu(path(A, bigText), 1))
    add('6 MB: text → verdict JSON, after (ms)', cpu(path(B, bigText), 1))
    add('1 kB line: JSON.parse (µs)', cpu(() => JSON.parse(line), 5000) * 1000)
    add('1 kB line: decodeSnapshotText, before (µs)', cpu(() => A.decodeSnapshotText(line), 5000) * 1000)
    add('1 kB line: decodeSnapshotText, after (µs)', cpu(() => B.decodeSnapshotText(line), 5000) * 1000)
  }
}
for (let r = 0; r < rounds; r++) {
  if (what === 'all' || what === 'batch') {
    add('batch floor, 20 000 lines (ms CPU)', child(['bench/floor-batch.mjs', lines]).cpu)
    add('batch --jobs 1, before (ms CPU)', child([cliOf(base), 'batch', '--jobs', '1', lines]).cpu)
    add('batch --jobs 1, after (ms CPU)', child([cliOf(here), 'batch', '--jobs', '1', lines]).cpu)
  }
  if (what === 'all' || what === 'rss') {
    add('check --json peak RSS, before (MB)', child([cliOf(base), 'check', '--json', big]).rss)
    add('check --json peak RSS, after (MB)', child([cliOf(here), 'check', '--json', big]).rss)
  }
  if (what === 'all' || what === 'cold') {
    for (let k = 0; k < 5; k++) {
      add('node -e 0 (ms CPU)', child(['-e', '0']).cpu)
      add('check small, before (ms CPU)', child([cliOf(base), 'check', small]).cpu)
      add('check small, after (ms CPU)', child([cliOf(here), 'check', small]).cpu)
    }
  }
}
for (const [k, v] of rows) console.log(`${k.padEnd(44)} ${median(v).toFixed(1)}`)
