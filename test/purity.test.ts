/**
 * The core stays pure and typed: no clock, no randomness, no escape hatches from the type
 * checker in src/ (the command line, the one edge that does I/O, may read the process).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

const files = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
const core = files('src').filter((f) => f.endsWith('.ts') && !f.startsWith(join('src', 'cli')))

describe('src/', () => {
  it.each([
    ['a clock', /Date\.now\(|new Date\(\)|performance\.now\(/],
    ['randomness', /Math\.random\(/],
    ['an any', /:\s*any\b|as any\b|<any>/],
    ['a type-checker escape', /@ts-ignore|@ts-nocheck|@ts-expect-error/],
    ['I/O', /from 'node:(fs|net|http|child_process)/],
  ])('has no %s outside the command line', (_, pattern) => {
    const code = (f: string): string =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
        .join('\n')
    const hits = core.filter((f) => pattern.test(code(f)))
    expect(hits).toEqual([])
  })
})
