// The figures of docs/quality.md, measured rather than typed: tests and test files (vitest's own
// list), source files and lines, the runtime exports of each entry, the packed package and the
// size of the ESM entry. Writes them between the markers of docs/quality.md.
//
//   node scripts/quality-figures.mjs            measure and write (npm run docs:figures builds first)
//   node scripts/quality-figures.mjs --check    check, without measuring the slow figures, that the
//                                               section is the script's own and that the exports it
//                                               states are the built package's (needs dist/)
//   --file PATH                                 another file than docs/quality.md (for tests)
//
// Only the exports are checked: they change with the API, and a change of the API should come
// with its docs. The counts of tests and lines change with nearly every commit, so they are dated
// with the commit they were taken at and refreshed by `npm run docs:figures`, not checked in CI.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'

const START = '<!-- figures:start: written by `npm run docs:figures`, do not edit by hand -->'
const END = '<!-- figures:end -->'

const args = process.argv.slice(2)
const check = args.includes('--check')
const fileAt = args.indexOf('--file')
const file = fileAt >= 0 ? args[fileAt + 1] : 'docs/quality.md'

const fail = (message) => {
  console.error(`quality figures: ${message}`)
  process.exit(1)
}

const filesUnder = (dir, ext) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    return e.isDirectory() ? filesUnder(p, ext) : e.name.endsWith(ext) ? [p] : []
  })

const linesOf = (files) => files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== '').length, 0)

/** The runtime exports of the built entries, sorted: the figures CI checks. */
const exportsOfBuild = async () => {
  const names = async (entry) => {
    try {
      statSync(entry)
    } catch {
      fail(`${entry} is missing: run npm run build first`)
    }
    return Object.keys(await import(pathToFileURL(entry).href)).sort()
  }
  return { root: await names('dist/index.js'), testing: await names('dist/testing.js') }
}

/** Tests as vitest collects them (a property test counts once), without running them. */
const collectedTests = () => {
  const dir = mkdtempSync(join(tmpdir(), 'figures-'))
  try {
    const out = join(dir, 'list.json')
    execFileSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'list', `--json=${out}`], { stdio: ['ignore', 'ignore', 'inherit'] })
    const list = JSON.parse(readFileSync(out, 'utf8'))
    return { tests: list.length, files: new Set(list.map((t) => relative(process.cwd(), t.file))).size }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const packed = () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  const [info] = JSON.parse(out)
  return { files: info.entryCount, unpackedBytes: info.unpackedSize }
}

const entrySize = async () => (await import('./size.mjs')).entrySize().then((s) => s.gzipped)

const n = (x) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')

/** The section, from its figures: the same figures always give the same text. */
const render = (f) =>
  [
    START,
    `<!-- ${JSON.stringify(f)} -->`,
    '',
    `Measured at commit \`${f.commit}\` on ${f.date}.`,
    '',
    '| figure | value |',
    '|---|---|',
    `| tests (as vitest collects them; a property test counts once) | ${n(f.tests)} in ${n(f.testFiles)} files |`,
    `| test code | ${n(f.testSourceFiles)} files, ${n(f.testLines)} non-blank lines |`,
    `| library source (\`src/\`) | ${n(f.sourceFiles)} files, ${n(f.sourceLines)} non-blank lines |`,
    `| runtime exports of \`account-closure\` | ${f.exports.root.length} |`,
    `| runtime exports of \`account-closure/testing\` | ${f.exports.testing.length} |`,
    `| packed package (\`npm pack\`) | ${n(f.packedFiles)} files, ${n(f.packedBytes)} B unpacked |`,
    `| ESM entry bundled and minified without fp-ts and io-ts, gzipped | ${n(f.entryGzip)} B |`,
    '',
    END,
  ].join('\n')

const text = readFileSync(file, 'utf8')
const from = text.indexOf(START)
const to = text.indexOf(END)
if (from < 0 || to < from || text.indexOf(START, from + 1) >= 0) fail(`${file} needs one section between ${START} and ${END}`)
const section = text.slice(from, to + END.length)
const exportsNow = await exportsOfBuild()

if (check) {
  const stated = /^<!-- (\{.*\}) -->$/m.exec(section)
  let figures
  try {
    figures = JSON.parse(stated?.[1] ?? '')
  } catch {
    fail(`the section of ${file} holds no figures: run npm run docs:figures`)
  }
  if (render(figures) !== section) fail(`the section of ${file} was edited by hand: run npm run docs:figures`)
  for (const entry of ['root', 'testing']) {
    const was = figures.exports?.[entry] ?? []
    const added = exportsNow[entry].filter((x) => !was.includes(x))
    const removed = was.filter((x) => !exportsNow[entry].includes(x))
    if (added.length + removed.length > 0)
      fail(`the exports of ${entry === 'root' ? 'account-closure' : 'account-closure/testing'} changed (added: ${added.join(', ') || 'none'}; removed: ${removed.join(', ') || 'none'}): run npm run docs:figures`)
  }
  console.log(`${file}: figures section is current (exports: ${exportsNow.root.length} + ${exportsNow.testing.length})`)
} else {
  const src = filesUnder('src', '.ts')
  const tests = filesUnder('test', '.ts')
  const collected = collectedTests()
  const pack = packed()
  let commit = 'unknown'
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    // not a git checkout
  }
  const figures = {
    commit,
    date: new Date().toISOString().slice(0, 10),
    tests: collected.tests,
    testFiles: collected.files,
    testSourceFiles: tests.length,
    testLines: linesOf(tests),
    sourceFiles: src.length,
    sourceLines: linesOf(src),
    exports: exportsNow,
    packedFiles: pack.files,
    packedBytes: pack.unpackedBytes,
    entryGzip: await entrySize(),
  }
  writeFileSync(file, text.slice(0, from) + render(figures) + text.slice(to + END.length))
  console.log(`${file}: figures written (${figures.tests} tests in ${figures.testFiles} files, commit ${commit})`)
}
