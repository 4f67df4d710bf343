// The library in a browser bundle, as an app's bundler makes it (esbuild, platform browser, browser
// conditions, minified, fp-ts and io-ts bundled in, gzip -9): the four size budgets, one copy of
// fp-ts/Either for an app that imports it too, and no CommonJS modules of the peers.
//
//   node scripts/browser-size.mjs [app-folder] [--json] [--analyze]
//
// Run after `npm run build`. Pass the folder of an app that has account-closure installed (the
// packed tarball), or none to use this package itself. `--analyze` prints, for each bundle, the
// modules that take the most bytes (esbuild's metafile). `--json` prints the sizes as JSON only.
//
// The sizes are deterministic, so the budgets are enforced in CI: with ENFORCE below true, a bundle
// marked `enforce` over its budget fails the package check. A bundle not yet within its budget is
// reported (OVER) and not enforced until it holds (docs/benchmarks.md says how far each is and why);
// SIZE_BUDGETS=enforce enforces all four. A bundle not yet within its budget has a `ceiling`
// (its size when the ceiling was set, plus about 2 %), enforced in its place: it may shrink, not grow.
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

import { build } from 'esbuild'

// Fails the package check on the budget of every bundle marked `enforce`.
const ENFORCE = true

/**
 * The four budgets, gzipped bytes, each an app's entry module; `enforce`: the budget holds and CI
 * keeps it; `ceiling`: for one not yet within its budget, the size CI keeps it under meanwhile.
 */
export const BUNDLES = [
  {
    name: '`canClose` alone',
    budget: 7_000,
    enforce: true,
    code: "import { canClose } from 'account-closure'\nexport const run = (s) => canClose(s)\n",
  },
  {
    name: '`decodeSnapshot` + `canClose`',
    budget: 10_000,
    enforce: true,
    code: "import { canClose, decodeSnapshot } from 'account-closure'\nexport const run = (u) => { const d = decodeSnapshot(u); return d._tag === 'Right' ? canClose(d.right) : d.left }\n",
  },
  {
    name: '`decodeSnapshotText` + `verdict`',
    budget: 13_000,
    enforce: false,
    // 18 116 B when set (docs/benchmarks.md says why it is over); moved from 18 500 B with the checks of
    // a rule's words, its steps and the other copy's snapshots (18 142 → 18 539 B), and from 18 800 B
    // with the fixes of an attacker's review (lists read once, options, bytes for text: 18 733 → 18 900 B),
    // and from 19 000 B with those of its review (option keys read as words, instants' reasons: 19 134 B)
    ceiling: 19_300,
    code: "import { decodeSnapshotText, verdict } from 'account-closure'\nexport const run = (t) => { const d = decodeSnapshotText(t); return d._tag === 'Right' ? verdict(d.right) : d.left }\n",
  },
  {
    name: '`closureWith([])`',
    budget: 10_000,
    enforce: false,
    // 19 010 B when set; moved from 19 400 B with the same checks (19 032 → 19 408 B), and from 19 700 B
    // with the same fixes and the schema of the package's own codecs in an extension (19 611 → 19 866 B), and
    // from 20 000 B with every rule checked as defineRule checks it, read once (a spread copy with paths
    // spelled otherwise ran on none: closable): 21 076 B
    ceiling: 21_300,
    code: "import { closureWith } from 'account-closure'\nexport const closure = closureWith([])\n",
  },
]

/** An app folder whose node_modules hold this package and its peers (as links), when none is given. */
const linkedApp = () => {
  const root = resolve('.')
  const app = mkdtempSync(join(tmpdir(), 'account-closure-app-'))
  mkdirSync(join(app, 'node_modules'))
  symlinkSync(root, join(app, 'node_modules', 'account-closure'), 'dir')
  for (const peer of ['fp-ts', 'io-ts']) symlinkSync(join(root, 'node_modules', peer), join(app, 'node_modules', peer), 'dir')
  return app
}

/** One app entry bundled for the browser: minified and gzipped sizes, and the metafile. */
export const bundle = async (dir, contents) => {
  const r = await build({
    stdin: { contents, resolveDir: dir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    absWorkingDir: dir,
    logLevel: 'silent',
  })
  const code = r.outputFiles[0].contents
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length, metafile: r.metafile, inputs: Object.keys(r.metafile.inputs) }
}

/** The four budget bundles' sizes: [{ name, budget, enforce, ceiling, min, gz, pass }]. */
export const measureBundles = async (dir = linkedApp()) => {
  const out = []
  for (const b of BUNDLES) {
    const r = await bundle(dir, b.code)
    out.push({ name: b.name, budget: b.budget, enforce: b.enforce, ceiling: b.ceiling, min: r.min, gz: r.gz, pass: r.gz <= b.budget, metafile: r.metafile })
  }
  return out
}

const top = (metafile, n) => {
  const output = Object.values(metafile.outputs)[0]
  return Object.entries(output.inputs)
    .map(([file, v]) => [file.replace(/^.*node_modules\//, ''), v.bytesInOutput])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
}

const main = async () => {
  const args = process.argv.slice(2)
  const json = args.includes('--json')
  const analyze = args.includes('--analyze')
  const folder = args.find((a) => !a.startsWith('--'))
  const dir = folder === undefined ? linkedApp() : resolve(folder)
  const all = process.env.SIZE_BUDGETS === 'enforce'
  const enforced = (s) => all || (ENFORCE && s.enforce)

  const sizes = await measureBundles(dir)
  if (json) {
    console.log(JSON.stringify(sizes.map(({ metafile, ...s }) => s)))
    return
  }
  for (const s of sizes) {
    const verdict = s.pass ? 'PASS' : enforced(s) ? 'FAIL' : 'OVER'
    const kept = enforced(s) ? '' : s.ceiling === undefined ? ' (not enforced yet)' : ` (not enforced yet; kept under ${s.ceiling} B)`
    console.log(`${verdict}  ${s.name.padEnd(36)} ${String(s.gz).padStart(6)} B gzipped (budget ${s.budget} B; ${s.min} B minified)${kept}`)
    if (analyze) {
      for (const [file, bytes] of top(s.metafile, 15)) console.log(`        ${String(bytes).padStart(7)} B  ${file}`)
    }
  }
  let failed = false
  const over = sizes.filter((s) => !s.pass && enforced(s))
  if (over.length > 0) {
    console.error(`over the browser size budget: ${over.map((s) => s.name).join(', ')}`)
    failed = true
  }
  const grown = sizes.filter((s) => !s.pass && !enforced(s) && s.ceiling !== undefined && s.gz > s.ceiling)
  if (grown.length > 0) {
    console.error(`grown past the ceiling kept until the budget holds: ${grown.map((s) => `${s.name} (${s.gz} B > ${s.ceiling} B)`).join(', ')}`)
    failed = true
  }
  const unenforced = sizes.filter((s) => !s.pass && !enforced(s))
  if (unenforced.length > 0) console.log(`(${unenforced.length} over budget, not enforced yet: see docs/benchmarks.md; SIZE_BUDGETS=enforce enforces all four)`)

  // the decoder writer (new Function) is Node's only: a browser bundle gets its twin that writes none
  const writers = [...new Set(sizes.flatMap((s) => Object.keys(s.metafile.inputs)))].filter((f) => /model\/generate\.js$/.test(f))
  if (writers.length > 0) {
    console.error(`the Node-only decoder writer in a browser bundle (package.json's browser field not followed): ${writers.join(', ')}`)
    failed = true
  }

  const withApp = await bundle(dir, "import * as E from 'fp-ts/Either'\nimport { decodeSnapshot } from 'account-closure'\nexport const run = (u) => E.isRight(decodeSnapshot(u))\n")
  const eithers = withApp.inputs.filter((f) => /fp-ts\/(lib|es6)\/Either\.js$/.test(f))
  console.log(`an app importing fp-ts/Either as well bundles: ${eithers.join(', ')}`)
  if (eithers.length !== 1) {
    console.error('two copies of fp-ts/Either')
    failed = true
  }
  const cjs = [...new Set(sizes.flatMap((s) => Object.keys(s.metafile.inputs)))].filter((f) => /fp-ts\/lib\/|io-ts\/lib\//.test(f))
  if (cjs.length > 0) {
    console.error(`CommonJS modules of fp-ts or io-ts in the browser bundle: ${cjs.join(', ')}`)
    failed = true
  }
  if (failed) process.exit(1)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
