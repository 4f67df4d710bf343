// CPU profiles of the two hot paths, summarised by self time per function and per file.
//
//   node bench/profile.mjs text    # text → verdict JSON text on the ~6 MB snapshot
//   node bench/profile.mjs batch   # `batch --jobs 1` on 50 000 lines of ~1 kB (unminified build of src/cli)
//   node bench/profile.mjs check   # `check` cold start on a small snapshot (unminified build of src/cli)
//   node bench/profile.mjs lines   # a batch line's phases in CPU µs, steady and while V8 warms up, also with --no-opt (no profile)
//   node bench/profile.mjs summary FILE.cpuprofile [N]
//
// Needs `npm run build` first. Profiles land in bench/.profiles/ (not committed); open them in
// Chrome DevTools for the call tree.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { build } from 'esbuild'

import { entitiesFor, lineSnapshot, snapshotOf } from './fixtures.mjs'

const out = resolve('bench/.profiles')
mkdirSync(out, { recursive: true })

/**
 * Bundles a source entry unminified, each module preceded by a `/*! @file … *\/` marker, so that
 * a profile's line numbers map back to the source files.
 */
const bundleMarked = async (entry, outfile, format = 'esm') => {
  await build({
    entryPoints: [entry],
    bundle: true,
    format,
    // the command is built as CommonJS (see tsup.config.ts), its own URL made the same way
    ...(format === 'cjs'
      ? {
          define: { 'import.meta.url': '__accountClosureScriptUrl' },
          banner: { js: '"use strict";\nvar __accountClosureScriptUrl = require("node:url").pathToFileURL(__filename).href;' },
        }
      : {}),
    platform: 'node',
    target: 'node20',
    outfile,
    keepNames: false,
    legalComments: 'inline',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
    plugins: [
      {
        name: 'markers',
        setup(b) {
          b.onLoad({ filter: /\/src\/.*\.ts$/ }, (a) => {
            const text = readFileSync(a.path, 'utf8')
            const marker = `/*! @file ${a.path.replace(/^.*\/src\//, 'src/')} */\n`
            // after a shebang, which must stay first
            const at = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0
            return { contents: text.slice(0, at) + marker + text.slice(at), loader: 'ts' }
          })
        },
      },
    ],
  })
  const starts = []
  readFileSync(outfile, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      const m = /\/\*! @file (\S+) \*\//.exec(l)
      if (m) starts.push([i, m[1]])
    })
  return starts
}

/** The source file of a 0-based line of a marked bundle. */
const fileAt = (starts, line) => {
  let f = '(bundle)'
  for (const [i, name] of starts) if (i <= line) f = name
  return f
}

/** Self time (ms) by function and by file, from a .cpuprofile. */
export const summarise = (file, n = 25, starts = []) => {
  const p = JSON.parse(readFileSync(file, 'utf8'))
  const byId = new Map(p.nodes.map((x) => [x.id, x]))
  const self = new Map()
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000)
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const fns = new Map()
  const files = new Map()
  for (const [id, t] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame
    const marked = url.includes('bench/.profiles/') && starts.length > 0 && !url.endsWith('/text.mjs')
    const where = marked ? fileAt(starts, lineNumber) : url.replace(/^.*\/(node_modules\/|dist\/|src\/|bench\/)/, '$1') || '(native)'
    const fn = `${functionName || '(anonymous)'}  ${where}${url && !marked ? `:${lineNumber + 1}` : ''}`
    fns.set(fn, (fns.get(fn) ?? 0) + t)
    files.set(where, (files.get(where) ?? 0) + t)
  }
  const show = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, t]) => `${t.toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n')
  return `total ${total.toFixed(0)} ms sampled\n\nby function (self time)\n${show(fns)}\n\nby file (self time)\n${show(files)}`
}

const latest = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]

const [mode = 'text', arg, n] = process.argv.slice(2)
if (mode === 'summary') {
  console.log(summarise(arg, Number(n ?? 30)))
} else if (mode === 'text') {
  const file = join(out, 'big.json')
  writeFileSync(file, JSON.stringify(snapshotOf(entitiesFor(6_000_000))))
  // the library bundled from src/ with file markers, so that the profile names the source files
  const lib = join(out, 'lib.mjs')
  const starts = await bundleMarked('src/index.ts', lib)
  const script = join(out, 'text.mjs')
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs'\nimport { decodeSnapshotText, verdict } from '${lib}'\n` +
      `const text = readFileSync(${JSON.stringify(file)}, 'utf8')\n` +
      `const now = () => performance.now()\nconst t = { parse: 0, decode: 0, verdict: 0, stringify: 0 }\n` +
      `for (let i = 0; i < 10; i++) {\n` +
      `  let a = now(); JSON.parse(text); t.parse += now() - a\n` +
      `  a = now(); const d = decodeSnapshotText(text); t.decode += now() - a\n` +
      `  if (d._tag !== 'Right') throw new Error('no')\n` +
      `  a = now(); const v = verdict(d.right); t.verdict += now() - a\n` +
      `  a = now(); JSON.stringify(v); t.stringify += now() - a\n}\n` +
      `console.log('per run (ms): ' + Object.entries(t).map(([k, x]) => k + ' ' + (x / 10).toFixed(0)).join(', ') + ' (decodeSnapshotText includes its JSON.parse)')\n`,
  )
  const dir = join(out, 'text')
  execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, script], { stdio: 'inherit' })
  console.log(summarise(latest(dir), Number(arg ?? 30), starts))
} else if (mode === 'batch') {
  const file = join(out, 'lines.ndjson')
  writeFileSync(file, `${Array.from({ length: 50_000 }, (_, i) => JSON.stringify(lineSnapshot(i))).join('\n')}\n`)
  // the command unminified, so that the profile names its functions
  const cli = join(out, 'cli.cjs')
  const starts = await bundleMarked('src/cli/main.ts', cli, 'cjs')
  const dir = join(out, 'batch')
  try {
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, cli, 'batch', '--jobs', '1', file], { stdio: ['ignore', 'ignore', 'inherit'] })
  } catch (e) {
    if (e.status !== 1) throw e
  }
  console.log(summarise(latest(dir), Number(arg ?? 30), starts))
} else if (mode === 'lines') {
  // each phase of a `batch` line alone, in this process: once warm (medians of 7 rounds over the
  // same lines), and the whole line over the first 20 000 lines of a fresh process, by segment
  const entry = join(out, 'lines-entry.ts')
  const src = resolve('src')
  writeFileSync(
    entry,
    `export { readSnapshotText } from '${src}/model/text.js'\nexport { briefWith } from '${src}/closure/closureWith.js'\n` +
      `export { defaultRules } from '${src}/defaults.js'\nexport { answerWith } from '${src}/cli/batch.js'\n`,
  )
  const lib = join(out, 'lines.mjs')
  await bundleMarked(entry, lib)
  const texts = Array.from({ length: 20_000 }, (_, i) => JSON.stringify(lineSnapshot(i)))
  const script = join(out, 'lines-run.mjs')
  const file = join(out, 'lines.json')
  writeFileSync(file, JSON.stringify(texts))
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs'\nimport * as L from '${lib}'\n` +
      `const texts = JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'))\nconst bufs = texts.map((t) => Buffer.from(t))\n` +
      `const answer = L.answerWith({ agency: undefined, billingCycleEnd: 'week-end', maxLineBytes: 1 << 26, rules: undefined }, [])\n` +
      `const brief = L.briefWith(L.defaultRules)\nconst cpu = () => { const u = process.cpuUsage(); return u.user + u.system }\n` +
      `if (process.argv[2] === 'warm-up') {\n` +
      `  const marks = [200, 1000, 5000, 20000]; const out = []; let t = cpu(), from = 0; const t0 = t\n` +
      `  for (let i = 0; i < bufs.length; i++) { answer(bufs[i], i + 1); if (marks.includes(i + 1)) { const now = cpu(); out.push(\`lines \${from + 1}–\${i + 1}: \${((now - t) / (i + 1 - from)).toFixed(0)} µs\`); t = now; from = i + 1 } }\n` +
      `  console.log('a fresh process, the whole line (answerWith), by segment: ' + out.join(', ') + \`; all 20 000: \${((cpu() - t0) / 1000).toFixed(0)} ms\`)\n` +
      `} else {\n` +
      `  const snaps = texts.map((t) => L.readSnapshotText(t).snapshot)\n` +
      `  const phases = { 'JSON.parse': (i) => JSON.parse(texts[i]), 'readSnapshotText (parse, I-JSON check, decode)': (i) => L.readSnapshotText(texts[i]), 'the verdict in brief (rules, earliest instant)': (i) => brief(snaps[i]), 'the whole line (bytes → record)': (i) => answer(bufs[i], i + 1) }\n` +
      `  for (const f of Object.values(phases)) for (let i = 0; i < texts.length; i++) f(i)\n` +
      `  for (const [name, f] of Object.entries(phases)) { const ts = []; for (let r = 0; r < 7; r++) { const t = cpu(); for (let i = 0; i < 5000; i++) f(i); ts.push((cpu() - t) / 5000) } ts.sort((a, b) => a - b); console.log(\`\${name}: \${ts[3].toFixed(1)} µs a line, warm (median of 7)\`) }\n` +
      `}\n`,
  )
  execFileSync(process.execPath, [script, 'warm-up'], { stdio: 'inherit' })
  // the same without the optimizing compiler: what the warm-up costs beyond it is TurboFan's own
  // compiling (on background threads, counted in the process's CPU time)
  process.stdout.write('without TurboFan (--no-opt): ')
  execFileSync(process.execPath, ['--no-opt', script, 'warm-up'], { stdio: 'inherit' })
  execFileSync(process.execPath, [script, 'steady'], { stdio: 'inherit' })
} else if (mode === 'check') {
  const cli = join(out, 'cli.cjs')
  const starts = await bundleMarked('src/cli/main.ts', cli, 'cjs')
  const dir = join(out, 'check')
  try {
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', dir, cli, 'check', 'examples/snapshots/client-owner-mid-week.json'], { stdio: 'ignore' })
  } catch (e) {
    if (e.status !== 1) throw e
  }
  console.log(summarise(latest(dir), Number(arg ?? 30), starts))
}
