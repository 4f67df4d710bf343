// npm run bench: every budget, as a ratio against its floor measured side by side in the same run.
//
//   node bench/run.mjs [--quick] [--write]
//
// Runs on the built package (npm run bench builds first). `--quick` takes fewer rounds and smaller
// files (a rough look, a minute or so); `--write` puts the table into docs/benchmarks.md (between
// its bench markers). Times are never enforced (they vary between machines and with load); the
// bundle sizes are, by the package check. The process exits 0 whatever the verdicts.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem, tmpdir } from 'node:os'
import { join } from 'node:path'

import { decodeSnapshotText, verdict } from '../dist/index.js'
import { measureBundles } from '../scripts/browser-size.mjs'
import { entitiesFor, lineSnapshot, snapshotOf } from './fixtures.mjs'

const args = process.argv.slice(2)
const quick = args.includes('--quick') || process.env.BENCH_QUICK !== undefined
const write = args.includes('--write')
const dir = mkdtempSync(join(tmpdir(), 'ac-bench-'))
const CLI = 'dist/cli.cjs'
const now = () => Number(process.hrtime.bigint()) / 1e6
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const ms = (x) => (x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`)
const log = (...xs) => console.log(...xs)
const rows = []
const row = (what, library, floor, ratio, budget, pass) => {
  rows.push({ what, library, floor, ratio, budget, pass })
  log(`${pass ? 'PASS' : 'FAIL'}  ${what}: ${library} against ${floor}: ${ratio} (budget ${budget})`)
}

/** The text → verdict JSON text path of the library, through its public API. */
const libraryPath = (text) => {
  const d = decodeSnapshotText(text)
  if (d._tag !== 'Right') throw new Error('the benchmark snapshot does not decode')
  return JSON.stringify(verdict(d.right))
}

/** Interleaved rounds of two functions; the median time of each (ms). */
const sideBySide = (a, b, rounds, reps = 1) => {
  const ta = []
  const tb = []
  for (let i = 0; i < rounds; i++) {
    let t = now()
    for (let r = 0; r < reps; r++) a()
    ta.push((now() - t) / reps)
    t = now()
    for (let r = 0; r < reps; r++) b()
    tb.push((now() - t) / reps)
  }
  return [median(ta), median(tb)]
}

// -- 1. text → verdict JSON text on a ~6 MB snapshot ------------------------------------------------
const bigN = entitiesFor(6_000_000)
const bigText = JSON.stringify(snapshotOf(bigN))
const bigFile = join(dir, 'big.json')
writeFileSync(bigFile, bigText)
{
  const verdictObject = JSON.parse(libraryPath(bigText))
  const floor = () => {
    JSON.parse(bigText)
    return JSON.stringify(verdictObject)
  }
  libraryPath(bigText)
  floor()
  const [lib, fl] = sideBySide(() => libraryPath(bigText), floor, quick ? 5 : 15)
  const r = lib / fl
  row(
    `text → verdict JSON text, ${(bigText.length / 1e6).toFixed(1)} MB snapshot (n = ${bigN})`,
    ms(lib),
    `${ms(fl)} (JSON.parse + JSON.stringify of the verdict)`,
    `${r.toFixed(2)}×`,
    '≤ 2×',
    r <= 2,
  )
}

// -- 2. growth from 1 k to 200 k entities ------------------------------------------------------------
{
  const small = JSON.stringify(snapshotOf(1000))
  const large = JSON.stringify(snapshotOf(200_000))
  libraryPath(small)
  libraryPath(large)
  const [libSmall] = sideBySide(() => libraryPath(small), () => undefined, quick ? 5 : 15, 50)
  const [libLarge] = sideBySide(() => libraryPath(large), () => undefined, quick ? 3 : 7)
  const perItem = libLarge / 200_000 / (libSmall / 1000)
  const nlogn = Math.log(200_000) / Math.log(1000)
  row(
    'growth from 1 k to 200 k entities, time per entity (text → verdict JSON text)',
    `${((libSmall / 1000) * 1000).toFixed(2)} → ${((libLarge / 200_000) * 1000).toFixed(2)} µs`,
    `n log n: ×${nlogn.toFixed(2)} per entity`,
    `×${perItem.toFixed(2)} per entity`,
    `≤ ×${nlogn.toFixed(2)}`,
    perItem <= nlogn,
  )
}

// -- 3. batch --jobs 1 on NDJSON of ~1 kB lines ------------------------------------------------------
{
  const count = quick ? 20_000 : 100_000
  const file = join(dir, 'lines.ndjson')
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify(lineSnapshot(i)))
  const bytes = Math.round(lines.reduce((n, l) => n + l.length, 0) / count)
  writeFileSync(file, `${lines.join('\n')}\n`)
  const out = join(dir, 'records.ndjson')
  // both write to a file through standard output
  const toFile = (argv) => () => {
    const t = now()
    execFileSync('sh', ['-c', `"${process.execPath}" ${argv.map((a) => `'${a}'`).join(' ')} > '${out}' || [ $? -eq 1 ]`], { stdio: 'ignore' })
    return now() - t
  }
  const lib = toFile([CLI, 'batch', '--jobs', '1', file])
  const floor = toFile(['bench/floor-batch.mjs', file])
  const tl = []
  const tf = []
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    tl.push(lib())
    tf.push(floor())
  }
  const libRate = count / (median(tl) / 1000)
  const floorRate = count / (median(tf) / 1000)
  const r = libRate / floorRate
  row(
    `\`batch --jobs 1\`, ${count} lines of ${bytes} B`,
    `${Math.round(libRate)} lines/s`,
    `${Math.round(floorRate)} lines/s (read, JSON.parse, write a record)`,
    `${r.toFixed(2)}×`,
    '≥ 0.5×',
    r >= 0.5,
  )
}

// -- 4. cold start of `check` on a small snapshot ----------------------------------------------------
{
  const small = 'examples/snapshots/client-owner-mid-week.json'
  const run = (argv) => {
    const t = now()
    spawnSync(process.execPath, argv, { stdio: 'ignore' })
    return now() - t
  }
  run([CLI, 'check', small])
  run(['-e', '0'])
  const tc = []
  const tn = []
  for (let i = 0; i < (quick ? 9 : 31); i++) {
    tc.push(run([CLI, 'check', small]))
    tn.push(run(['-e', '0']))
  }
  const r = median(tc) / median(tn)
  row('`check` cold start, small snapshot', ms(median(tc)), `${ms(median(tn))} (\`node -e 0\`)`, `${r.toFixed(2)}×`, '≤ 1.3×', r <= 1.3)
}

// -- 5. peak resident memory of `check --json` on the 6 MB snapshot -----------------------------------
{
  const rssFile = join(dir, 'maxrss')
  const peak = (argv) => {
    const r = spawnSync(process.execPath, ['--require', './bench/maxrss.cjs', ...argv], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, MAXRSS_FILE: rssFile },
    })
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}`)
    return Number(readFileSync(rssFile, 'utf8')) / 1024
  }
  const lib = median([1, 2, 3].map(() => peak([CLI, 'check', '--json', bigFile])))
  const floor = median([1, 2, 3].map(() => peak(['bench/floor-memory.mjs', bigFile])))
  row(
    `peak RSS of \`check --json\`, ${(bigText.length / 1e6).toFixed(1)} MB snapshot`,
    `${lib.toFixed(0)} MB`,
    `${floor.toFixed(0)} MB (JSON.parse + indented JSON.stringify of the file)`,
    `${(lib / floor).toFixed(2)}×`,
    '≤ 250 MB',
    lib <= 250,
  )
}

// -- 6. browser bundles --------------------------------------------------------------------------------
for (const b of await measureBundles()) {
  row(`browser bundle: ${b.name}`, `${b.gz} B`, `(${b.min} B minified)`, '—', `≤ ${b.budget} B`, b.pass)
}

rmSync(dir, { recursive: true, force: true })

// -- the table ---------------------------------------------------------------------------------------
const machine = `${cpus().length} × ${cpuModel()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
function cpuModel() {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model
  } catch {
    return cpus()[0]?.model ?? 'cpu'
  }
}
const load = (() => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  } catch {
    return 'unknown'
  }
})()
const table = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; load average ${load}${quick ? '; `--quick`' : ''}.`,
  '',
  '| what | library | floor | ratio | budget | |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.what} | ${r.library} | ${r.floor} | ${r.ratio} | ${r.budget} | ${r.pass ? 'PASS' : '**FAIL**'} |`),
]
log('')
log(table.join('\n'))

if (write) {
  const file = 'docs/benchmarks.md'
  const doc = readFileSync(file, 'utf8')
  const start = '<!-- bench:start -->'
  const end = '<!-- bench:end -->'
  const a = doc.indexOf(start)
  const b = doc.indexOf(end)
  if (a === -1 || b === -1) throw new Error(`${file} has no ${start} … ${end} markers`)
  writeFileSync(file, `${doc.slice(0, a + start.length)}\n${table.join('\n')}\n${doc.slice(b)}`)
  log(`wrote the table into ${file}`)
}
