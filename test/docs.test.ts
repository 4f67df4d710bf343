/**
 * The JSON a user is shown in README.md and docs/*.md means what it says: a block marked
 * ```json snapshot decodes, one marked ```json verdict is valid against schema/verdict.json, one
 * marked ```json fragment is JSON (a whole value, or the members of an object). A bare ```json
 * block must say which it is.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'

import { decodeSnapshotText, formatDecodeErrors } from '../src/index.js'
import { exampleBlocks, fencedBlocks, markdownBlocks, where } from './doc-blocks.js'

const KINDS = ['snapshot', 'verdict', 'fragment']
const json = markdownBlocks('.').filter((b) => b.lang === 'json')

const parses = (text: string): boolean => {
  for (const t of [text, `{${text}}`]) {
    try {
      JSON.parse(t)
      return true
    } catch {
      // tried as a value, then as an object's members
    }
  }
  return false
}

const verdictValid = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync('schema/verdict.json', 'utf8')) as object)

describe('JSON blocks in the README and the docs', () => {
  it('are there: a whole snapshot for each real-data case of docs/snapshot.md, and the verdict of the README', () => {
    expect(json.filter((b) => b.file === 'docs/snapshot.md' && b.flags[0] === 'snapshot').length).toBeGreaterThanOrEqual(4)
    expect(json.filter((b) => b.file === 'README.md' && b.flags[0] === 'verdict').length).toBe(1)
  })
  it('each say what they are: snapshot, verdict or fragment', () => {
    const unsaid = json.filter((b) => b.flags.length !== 1 || !KINDS.includes(b.flags[0] ?? '')).map((b) => `${where(b)}: "json ${b.flags.join(' ')}"`)
    expect(unsaid).toEqual([])
  })
  for (const b of json) {
    const kind = b.flags[0]
    if (kind === 'snapshot')
      it(`${where(b)} is a whole snapshot that decodes`, () => {
        const d = decodeSnapshotText(b.code)
        expect(d._tag === 'Left' ? formatDecodeErrors(d.left) : '').toBe('')
      })
    else if (kind === 'verdict')
      it(`${where(b)} is a verdict valid against schema/verdict.json`, () => {
        const valid = verdictValid(JSON.parse(b.code))
        expect(valid ? [] : verdictValid.errors).toEqual([])
      })
    else if (kind === 'fragment')
      it(`${where(b)} is JSON (a value, or the members of an object)`, () => {
        expect(parses(b.code)).toBe(true)
      })
  }
})

describe('the figures of docs/quality.md', () => {
  const figures = (...args: ReadonlyArray<string>) => {
    const r = spawnSync(process.execPath, ['scripts/quality-figures.mjs', '--check', ...args], { encoding: 'utf8' })
    return { status: r.status, stderr: r.stderr }
  }
  const copy = (edit: (text: string) => string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'quality-'))
    const file = join(dir, 'quality.md')
    writeFileSync(file, edit(readFileSync('docs/quality.md', 'utf8')))
    return file
  }

  it('are the script\'s own, with the runtime exports of the built package (npm run docs:figures writes them)', () => {
    const r = figures()
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })
  it('are refused when the exports they state are not the package\'s', () => {
    const file = copy((t) => t.replace('"InstantC",', '"InstantC","notExported",').replace(/(runtime exports of `account-closure` \| )(\d+)/, (_, a: string, n: string) => `${a}${Number(n) + 1}`))
    const r = figures('--file', file)
    rmSync(join(file, '..'), { recursive: true })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('removed: notExported')
  })
  it('are refused when edited by hand', () => {
    const file = copy((t) => t.replace(/in (\d+) files \|/, 'in 999 files |'))
    const r = figures('--file', file)
    rmSync(join(file, '..'), { recursive: true })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('edited by hand')
  })
})

describe('finding the blocks', () => {
  it('reads a fence with its language and words, at the line its code starts, inside a list too', () => {
    const md = ['text', '```ts fragment', 'const a = 1', '```', '- item', '', '  ````ts', '  const b = "```"', '  ```', '  ````'].join('\n')
    expect(fencedBlocks('x.md', md)).toEqual([
      { file: 'x.md', line: 3, lang: 'ts', flags: ['fragment'], code: 'const a = 1\n' },
      { file: 'x.md', line: 8, lang: 'ts', flags: [], code: 'const b = "```"\n```\n' },
    ])
  })
  it('reads each @example of a declaration file with the name it documents, a file comment as (module)', () => {
    const dts = [
      '/**',
      ' * A file.',
      ' * @example',
      ' * one()',
      ' */',
      '',
      '/**',
      ' * Two.',
      ' *',
      ' * @example',
      ' * import { two } from "x"',
      ' *   two()',
      ' *',
      ' * @since 1',
      ' */',
      'declare const two: () => void;',
      '/** @example',
      ' * ```ts fragment',
      ' * three',
      ' * ```',
      ' */',
      'interface Three {}',
    ].join('\n')
    const found = exampleBlocks('d.ts', dts).map((b) => [b.declaration, b.line, b.flags, b.code])
    expect(found).toEqual([
      ['(module)', 4, [], 'one()\n'],
      ['two', 11, [], 'import { two } from "x"\n  two()\n'],
      ['Three', 19, ['fragment'], 'three\n'],
    ])
  })
})
