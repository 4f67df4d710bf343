/**
 * Every TypeScript block a user is shown compiles against the packed package and runs to its end:
 * the ```ts blocks of README.md and docs/*.md, and the `@example`s of the shipped declarations
 * (dist/*.d.ts). The package is packed with `npm pack` and unpacked into an empty app beside its
 * peers (linked from this project's node_modules: no network); every block is one file of that app,
 * all compiled in one `tsc` run (strict, NodeNext, exactOptionalPropertyTypes,
 * noUncheckedIndexedAccess), then each block that is not a ```ts fragment runs with node and must
 * exit 0. The rules for writers are in docs/examples.md.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exampleBlocks, markdownBlocks, TS_LANGS, where } from './doc-blocks.js'
import type { Block } from './doc-blocks.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

const declarationFiles = (): ReadonlyArray<string> =>
  existsSync(join(root, 'dist'))
    ? readdirSync(join(root, 'dist'))
        .filter((f) => f.endsWith('.d.ts'))
        .sort()
    : []

const blocks: ReadonlyArray<Block> = [
  ...markdownBlocks(root).filter((b) => TS_LANGS.has(b.lang)),
  ...declarationFiles().flatMap((f) => exampleBlocks(`dist/${f}`, readFileSync(join(root, 'dist', f), 'utf8'))),
]

const idOf = (b: Block): string => `${b.file.replace(/[^A-Za-z0-9]+/g, '_')}_${b.line}`
const isFragment = (b: Block): boolean => b.flags.includes('fragment')

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    moduleDetection: 'force',
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    types: ['node'],
    rootDir: 'blocks',
    outDir: 'out',
    skipLibCheck: false,
  },
  include: ['blocks'],
}

/** The peers (and the types an app has), linked from this project: nothing is downloaded. */
const PEERS = ['fp-ts', 'io-ts', 'fast-check', 'pure-rand', '@types/node', 'undici-types']

let app = ''
let shipped: ReadonlyArray<string> = []
const errors = new Map<string, Array<string>>()
const otherErrors: Array<string> = []

beforeAll(() => {
  app = join(mkdtempSync(join(tmpdir(), 'account-closure-examples-')), 'app')
  const modules = join(app, 'node_modules')
  mkdirSync(join(modules, '@types'), { recursive: true })
  const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', dirname(app)], { cwd: root, encoding: 'utf8' })
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`)
  const tarball = join(dirname(app), packed.stdout.trim().split('\n').pop() ?? '')
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', modules], { encoding: 'utf8' })
  if (untar.status !== 0) throw new Error(`tar failed:\n${untar.stderr}`)
  renameSync(join(modules, 'package'), join(modules, 'account-closure'))
  shipped = readdirSync(join(modules, 'account-closure', 'dist'))
    .filter((f) => f.endsWith('.d.ts'))
    .sort()
  for (const peer of PEERS) {
    const from = join(root, 'node_modules', peer)
    if (existsSync(from)) symlinkSync(realpathSync(from), join(modules, peer), 'dir')
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }))
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2))
  mkdirSync(join(app, 'blocks'))
  for (const b of blocks) writeFileSync(join(app, 'blocks', `${idOf(b)}.ts`), b.code)

  // One program for every block, through the compiler's API: `tsc` stops at the first syntax error
  // of any file, which would hide the type errors of all the others.
  const config = ts.getParsedCommandLineOfConfigFile(join(app, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })
  if (config === undefined) throw new Error('tsconfig.json of the examples could not be read')
  const program = ts.createProgram(config.fileNames, config.options)
  const show = (d: ts.Diagnostic): string => ts.flattenDiagnosticMessageText(d.messageText, '\n')
  for (const d of [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]) otherErrors.push(show(d))
  const byPath = new Map(blocks.map((b) => [join(app, 'blocks', `${idOf(b)}.ts`), b]))
  const shippedTypes = join(realpathSync(modules), 'account-closure', 'dist')
  for (const sf of program.getSourceFiles()) {
    const b = byPath.get(sf.fileName)
    // the package's own declarations are checked too (under the app's options), the peers' are not
    if (b === undefined && !sf.fileName.startsWith(shippedTypes)) continue
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0)
      if (b === undefined) otherErrors.push(`${sf.fileName}:${line + 1}:${character + 1}: TS${d.code}: ${show(d)}`)
      else {
        const list = errors.get(idOf(b)) ?? []
        errors.set(idOf(b), list)
        list.push(`${b.file}:${b.line + line}:${character + 1}: TS${d.code}: ${show(d)}`)
      }
    }
  }
  program.emit()
}, 120_000)

afterAll(() => {
  if (app !== '' && process.env['KEEP_EXAMPLES'] === undefined) rmSync(dirname(app), { recursive: true, force: true })
  else if (app !== '') console.log(`examples kept in ${app}`)
})

/**
 * The line of the first `await` outside a function, or of `import.meta`, in a block: either fails in
 * an app whose package.json says `"type": "commonjs"`, which `npm init` writes.
 */
const esmOnlyAt = (code: string): number | undefined => {
  const sf = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true)
  let found: number | undefined
  const visit = (n: ts.Node, inFunction: boolean): void => {
    if (found !== undefined) return
    const topLevelAwait = !inFunction && (ts.isAwaitExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier !== undefined))
    if (topLevelAwait || (ts.isMetaProperty(n) && n.keywordToken === ts.SyntaxKind.ImportKeyword)) {
      found = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line
      return
    }
    const inside = inFunction || ts.isFunctionLike(n) || ts.isClassStaticBlockDeclaration(n)
    n.forEachChild((c) => visit(c, inside))
  }
  visit(sf, false)
  return found
}

/** What is wrong with a block once it is compiled: it holds no code, has compiler errors, or runs as an ES module only. */
const compileProblems = (b: Block): ReadonlyArray<string> => {
  const code = b.code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').trim()
  if (code === '') return [`${where(b)}: holds only comments; show code that runs (or say it in words outside a code block)`]
  const esmOnly = esmOnlyAt(b.code)
  if (esmOnly !== undefined)
    return [
      `${b.file}:${b.line + esmOnly}: top-level await or import.meta: the block fails in an app whose package.json says "type": "commonjs" (what npm init writes); put the awaits in a function`,
    ]
  return errors.get(idOf(b)) ?? []
}

/** Runs one compiled block with node, in the app; its problem, or none. */
const run = (b: Block): Promise<ReadonlyArray<string>> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [join('out', `${idOf(b)}.js`)], { cwd: app, env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.resume()
    child.on('close', (code, signal) => resolve(code === 0 ? [] : [`${where(b)}: exited with ${String(code ?? signal)}\n${stderr}`]))
  })

/** Every block's problems: compiled first (one program), then the runnable ones run, a few at a time. */
const runAll = async (): Promise<void> => {
  const queue = blocks.filter((b) => compileProblems(b).length === 0 && !isFragment(b))
  const worker = async (): Promise<void> => {
    for (let b = queue.shift(); b !== undefined; b = queue.shift()) ran.set(idOf(b), await run(b))
  }
  await Promise.all(Array.from({ length: Math.max(2, Math.min(4, availableParallelism())) }, worker))
}
const ran = new Map<string, ReadonlyArray<string>>()
beforeAll(runAll, 300_000)

const problems = (b: Block): ReadonlyArray<string> => {
  const compiled = compileProblems(b)
  return compiled.length > 0 ? compiled : (ran.get(idOf(b)) ?? [])
}

describe('the blocks a user is shown', () => {
  it('are found: the README and the docs have TypeScript blocks, the shipped declarations have @examples', () => {
    expect(blocks.filter((b) => b.file === 'README.md').length).toBeGreaterThanOrEqual(3)
    expect(blocks.filter((b) => b.declaration !== undefined).length).toBeGreaterThanOrEqual(10)
  })
  it('are read from the declarations the packed package ships', () => {
    expect(shipped).toEqual(declarationFiles())
  })
  it('say only "fragment" after the language in their fence', () => {
    const odd = blocks.filter((b) => b.flags.some((f) => f !== 'fragment')).map((b) => `${where(b)}: "${b.lang} ${b.flags.join(' ')}"`)
    expect(odd).toEqual([])
  })
  it('are told apart when they would run as an ES module only (top-level await, import.meta)', () => {
    expect(esmOnlyAt('const x = await Promise.resolve(1)\n')).toBe(0)
    expect(esmOnlyAt('const a = 1\nfor await (const x of [a]) console.log(x)\n')).toBe(1)
    expect(esmOnlyAt('console.log(import.meta.url)\n')).toBe(0)
    expect(esmOnlyAt('const f = async () => { await 1 }\nasync function g() { await 2 }\nvoid f().then(g)\n')).toBeUndefined()
    expect(esmOnlyAt('class C { m = async () => await 1; static { void 0 } }\nvoid C\n')).toBeUndefined()
  })
  it('compile without an error outside themselves (the package types, the peers)', () => {
    expect(otherErrors).toEqual([])
  })

  for (const b of blocks)
    it(`${where(b)} ${isFragment(b) ? 'compiles (a fragment)' : 'compiles and runs to its end'}`, () => {
      const found = problems(b)
      expect(found, `the block:\n${b.code}`).toEqual([])
    })
})
