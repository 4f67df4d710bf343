/**
 * Finds the code a user is shown: fenced blocks in Markdown, and `@example`s in declaration files.
 * Used by test/examples.test.ts (TypeScript blocks, compiled and run against the packed package)
 * and test/docs.test.ts (JSON blocks, decoded). The rules it enforces are in docs/examples.md.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** One block of code, and where a reader finds it. */
export interface Block {
  /** The file it is in, relative to the project: `README.md`, `docs/snapshot.md`, `dist/index.d.ts`. */
  readonly file: string
  /** The 1-based line of that file where the code starts (the line after the fence or `@example`). */
  readonly line: number
  /** The fence's language, lower case: `ts`, `typescript`, `json`, … (`ts` for a bare `@example`). */
  readonly lang: string
  /** The words after the language in the fence (`fragment`, `snapshot`, …). */
  readonly flags: ReadonlyArray<string>
  /** For an `@example`: the declaration it documents (`canClose`), or `(module)` for a file's comment. */
  readonly declaration?: string
  readonly code: string
}

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/

/** Every fenced block of a Markdown text, with the line its code starts on. */
export const fencedBlocks = (file: string, text: string, lineOffset = 0): ReadonlyArray<Block> => {
  const lines = text.split('\n')
  const out: Array<Block> = []
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '')
    if (open === null) continue
    const [, indent = '', fence = '', info = ''] = open
    if (fence.startsWith('`') && info.includes('`')) continue
    const body: Array<string> = []
    let j = i + 1
    for (; j < lines.length; j++) {
      const l = lines[j] ?? ''
      const close = FENCE.exec(l)
      if (close !== null && close[2]?.[0] === fence[0] && (close[2]?.length ?? 0) >= fence.length && (close[3] ?? '').trim() === '') break
      body.push(l.startsWith(indent) ? l.slice(indent.length) : l.trimStart())
    }
    const [lang = '', ...flags] = info.trim().split(/\s+/).filter((w) => w !== '')
    out.push({ file, line: lineOffset + i + 2, lang: lang.toLowerCase(), flags, code: body.join('\n') + '\n' })
    i = j
  }
  return out
}

const DECLARATION = /^\s*(?:export\s+)?(?:declare\s+)?(?:const|let|var|function|interface|type|class|enum|namespace)\s+([A-Za-z_$][\w$]*)/

/**
 * Every `@example` of the doc comments of a declaration file. An example is TypeScript code up to
 * the next tag; one that holds fences is read as Markdown (so ` ```ts fragment ` works there too).
 */
export const exampleBlocks = (file: string, text: string): ReadonlyArray<Block> => {
  const out: Array<Block> = []
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const comment = m[0]
    if (!comment.includes('@example')) continue
    const start = m.index
    const firstLine = text.slice(0, start).split('\n').length
    const after = text.slice(start + comment.length)
    const detached = /^[ \t]*\n[ \t]*\n/.test(after) || after.trim() === ''
    const declaration = detached ? '(module)' : (DECLARATION.exec(after)?.[1] ?? '(unnamed)')
    const lines = comment
      .replace(/^\/\*\*/, '')
      .replace(/\*\/$/, '')
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
    for (let i = 0; i < lines.length; i++) {
      const tag = /^\s*@example\b(.*)$/.exec(lines[i] ?? '')
      if (tag === null) continue
      let j = i + 1
      while (j < lines.length && !/^\s*@\w/.test(lines[j] ?? '')) j++
      const body = lines.slice(i + 1, j)
      const line = firstLine + i + 1
      if (body.some((l) => FENCE.test(l))) {
        for (const b of fencedBlocks(file, body.join('\n'), line - 1)) out.push({ ...b, declaration })
      } else {
        const flags = (tag[1] ?? '').trim().split(/\s+/).filter((w) => w !== '')
        out.push({ file, line, lang: 'ts', flags, declaration, code: body.join('\n').trim() + '\n' })
      }
      i = j - 1
    }
  }
  return out
}

/** README.md and every docs/*.md, in a stable order. */
export const markdownFiles = (root: string): ReadonlyArray<string> => [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
]

/** The fenced blocks of README.md and docs/*.md. */
export const markdownBlocks = (root: string): ReadonlyArray<Block> =>
  markdownFiles(root).flatMap((f) => fencedBlocks(f, readFileSync(join(root, f), 'utf8')))

/** How a reader finds a block: `README.md:74` or `dist/index.d.ts:17 (@example of canClose)`. */
export const where = (b: Block): string => `${b.file}:${b.line}${b.declaration === undefined ? '' : ` (@example of ${b.declaration})`}`

export const TS_LANGS: ReadonlySet<string> = new Set(['ts', 'typescript'])
