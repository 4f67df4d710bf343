/**
 * What an attacker's review found in the command line: it never ends with an answer's status
 * without having answered (a rules module that never finishes loading, a worker that ends without
 * answering), never prints a stack trace for a rules module's late throw, reads standard input
 * that is a folder as the folder it is, refuses a promise or a hand-made object as a rule, and
 * reads at most the largest text a string can hold as one snapshot.
 */
import { closeSync, openSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'

import { describe, expect, it } from 'vitest'

import { MAX_SNAPSHOT_BYTES, run } from '../src/cli/run.js'
import { cli, dist, flat, modulesIn, noStack } from './cli-helpers.js'
import { examplePath } from './fixtures.js'

/** Enough lines for `batch --jobs 2` to start its worker threads and give each more than one job. */
const many = `${flat('closable-freelancer')}\n`.repeat(1200)

const { dir, module } = modulesIn('account-closure-attack-')
/** A module whose one rule (`x`, on every path) runs `body` in its check, then finds nothing. */
const ruleDoing = (name: string, body: string): string =>
  module(
    name,
    `import { isMainThread } from 'node:worker_threads'
import { defineBlocker, defineRule } from '${dist}'
const blocker = defineBlocker({ tag: 'XBlocked', rule: 'x', words: () => 'x blocks.' })
export default defineRule({ id: 'x', paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'], blockers: [blocker], check: () => { ${body}; return [] }, clear: () => [] })
`,
  )
/** Standard error is exactly one line, that line. */
const oneLine = (stderr: string, line: string | RegExp) => {
  const lines = stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  if (typeof line === 'string') expect(lines[0]).toBe(line)
  else expect(lines[0]).toMatch(line)
  noStack(stderr)
}

describe('never an answer without answering', () => {
  const stalls = module('stalls.mjs', 'await new Promise(() => {})\nexport default []\n')
  it('a rules module that never finishes loading: exit 70, one line naming it, for check and batch', () => {
    for (const command of ['check', 'batch']) {
      const r = cli([command, '--rules', stalls], flat('closable-freelancer'))
      expect(r.code, command).toBe(70)
      oneLine(r.stderr, `account-closure: stopped before answering: the rules module ${stalls} never finished loading`)
      expect(r.stdout).toBe('')
    }
  })
  it('one that never finishes loading on batch worker threads only: exit 70, naming it', () => {
    const file = module('stalls-on-workers.mjs', `import { isMainThread } from 'node:worker_threads'\nimport rule from ${JSON.stringify(pathToFileURL(ruleDoing('rule.mjs', '')).href)}\nif (!isMainThread) await new Promise(() => {})\nexport default rule\n`)
    const r = cli(['batch', '--jobs', '2', '--rules', file], many)
    expect(r.code).toBe(70)
    oneLine(r.stderr, `account-closure: stopped before answering: the rules module ${file} never finished loading on a batch worker thread`)
    // with one thread, the same module is answered
    expect(cli(['batch', '--jobs', '1', '--rules', file], many).code).toBe(0)
  })
  it('a rule that ends a batch worker thread (process.exit(0)): exit 70, naming the module', () => {
    const file = ruleDoing('exits-on-workers.mjs', 'if (!isMainThread) process.exit(0)')
    const r = cli(['batch', '--jobs', '2', '--rules', file], many)
    expect(r.code).toBe(70)
    oneLine(r.stderr, `account-closure: stopped before answering: a batch worker stopped (exit status 0) without answering (did the rules module ${file} end it, with process.exit?)`)
  })
  it('a rule that ends the process of check: exit 70, not 0', () => {
    const file = ruleDoing('exits.mjs', 'process.exit(0)')
    const r = cli(['check', examplePath('closable-freelancer'), '--rules', file])
    expect(r.code).toBe(70)
    oneLine(r.stderr, `account-closure: stopped before answering: the rules module ${file} ended the process, or left it waiting for something that never came`)
    expect(r.stdout).toBe('')
  })
})

describe('never a status other than the answer’s', () => {
  it('a rules module that ends the process with 0, or sets its status to 0, after a blocked answer: exit 70, one line', () => {
    // (when nothing is left to run: after the answer, every time)
    for (const [name, body] of [
      ['exits-later.mjs', "process.once('beforeExit', () => process.exit(0))"],
      ['sets-later.mjs', "process.once('beforeExit', () => { process.exitCode = 0 })"],
    ] as const) {
      const file = module(name, `import rule from '${pathToFileURL(ruleDoing(`blocks-${name}`, '')).href}'\n${body}\nexport default rule\n`)
      const r = cli(['check', examplePath('busy-freelancer'), '--rules', file])
      expect(r.stdout).toMatch(/^BLOCKED/)
      expect(r.code, name).toBe(70)
      expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^account-closure: the exit status was changed to 0 after the command's 1 \\(the rules module .* ended the process, or set its status\\)$`))
      noStack(r.stderr)
    }
  })
})

describe('a rules module that throws outside a rule’s call', () => {
  it('check: the report stands written, then one line, exit 70 (a timer that throws, a promise that fails unwatched)', () => {
    for (const [name, body] of [
      ['later.mjs', "setTimeout(() => { throw new Error('later') })"],
      ['unhandled.mjs', "void Promise.reject(new Error('later'))"],
    ] as const) {
      const file = ruleDoing(name, body)
      const r = cli(['check', examplePath('closable-freelancer'), '--rules', file])
      expect(r.code, name).toBe(70)
      expect(r.stdout.split('\n')[0]).toMatch(/^CLOSABLE /)
      oneLine(r.stderr, `account-closure: a rules module (${file}) threw outside a rule's call: later`)
    }
  })
  it('batch, on one thread and on worker threads: one line, exit 70', () => {
    const file = ruleDoing('later-batch.mjs', "setTimeout(() => { throw new Error('later') })")
    const one = cli(['batch', '--jobs', '1', '--rules', file], many)
    expect(one.code).toBe(70)
    oneLine(one.stderr, `account-closure: a rules module (${file}) threw outside a rule's call: later`)
    // on a worker thread: thrown just after its first job was answered, before the next
    const workers = ruleDoing('later-workers.mjs', "if (!isMainThread) queueMicrotask(() => { throw new Error('later') })")
    const two = cli(['batch', '--jobs', '2', '--rules', workers], many)
    expect(two.code).toBe(70)
    oneLine(two.stderr, `account-closure: a rules module (${workers}) threw outside a rule's call: later`)
  })
})

describe('standard input that is a folder', () => {
  it('check - and batch -: exit 66, one line', () => {
    for (const command of ['check', 'batch']) {
      const fd = openSync(dir, 'r')
      try {
        const r = cli([command, '-'], { fd })
        expect(r.code, command).toBe(66)
        oneLine(r.stderr, 'account-closure: standard input cannot be read: it is a folder, not a file (EISDIR)')
        expect(r.stdout).toBe('')
      } finally {
        closeSync(fd)
      }
    }
  })
})

describe('what a rules module exports that is not a rule', () => {
  const rule = pathToFileURL(ruleDoing('plain-rule.mjs', '')).href
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['rejected.mjs', `export default Promise.reject(new Error('x'))\n`, 'exports no rule: its default export: it is a Promise, not a rule (export the rule itself)'],
    ['resolved.mjs', `import rule from '${rule}'\nexport default Promise.resolve(rule)\n`, 'exports no rule: its default export: it is a Promise, not a rule (export the rule itself)'],
    ['in-list.mjs', `import rule from '${rule}'\nexport default [rule, Promise.reject(new Error('x'))]\n`, 'exports no rule: item 1 of its default export: it is a Promise, not a rule (export the rule itself)'],
    [
      'hand-made.mjs',
      `import rule from '${rule}'\nexport default [rule, { id: 'mine', paths: ['CloseAccount'], blockers: [], check: () => [], clear: () => [] }]\n`,
      'exports no rule: item 1 of its default export: rule mine was not made with defineRule (it has no steps list): make it with defineRule',
    ],
    [
      'hand-made-copy.mjs',
      `import rule from '${rule}'\nconst { needless, ...copy } = rule\nexport default { ...copy, id: 'mine' }\n`,
      'exports no rule: its default export: rule mine was not made with defineRule (it has no needless list): make it with defineRule',
    ],
    [
      'paths-spelled-otherwise.mjs',
      `import rule from '${rule}'\nexport default { ...rule, id: 'mine', paths: ['closeAccount'] }\n`,
      `exports no rule: its default export: rule mine: paths must be a non-empty array of closing paths ('CloseAccount', 'LeaveTeams', 'CloseAgency'): "closeAccount" is not one`,
    ],
    [
      'no-paths.mjs',
      `import rule from '${rule}'\nexport default [rule, { ...rule, id: 'mine', paths: [] }]\n`,
      `exports no rule: item 1 of its default export: rule mine: paths must be a non-empty array of closing paths ('CloseAccount', 'LeaveTeams', 'CloseAgency'), not an empty list`,
    ],
    [
      'tag-twice.mjs',
      `import { defaultRules } from '${dist}'\nexport default [{ ...defaultRules[0], id: 'mine' }]\n`,
      'cannot join the default rules: closureWith: the tag UnknownTarget is defined twice',
    ],
  ]
  it('exit 64, one line naming the module and the export, no unhandled rejection, for check and batch', () => {
    for (const [name, text, why] of cases) {
      const file = module(name, text)
      for (const command of ['check', 'batch']) {
        const r = cli([command, '--rules', file], flat('closable-freelancer'))
        expect(r.code, `${command} ${name}`).toBe(64)
        oneLine(r.stderr, new RegExp(`^account-closure: the rules module ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
        expect(r.stdout).toBe('')
      }
    }
  })
})

describe('a snapshot too large to be one JSON text', () => {
  const collect = () => {
    const stream = new PassThrough()
    let text = ''
    stream.on('data', (c: Buffer) => (text += c.toString()))
    return { stream, text: () => text }
  }
  const line = (max: number) =>
    `account-closure: the snapshot is too large to be one JSON text: more than ${max} bytes (check reads one snapshot; for many, use batch, one snapshot per line)\n`

  it('the most check reads is the longest string JavaScript holds', async () => {
    expect(MAX_SNAPSHOT_BYTES).toBe((await import('node:buffer')).constants.MAX_STRING_LENGTH)
  })
  it('endless standard input: reading stops just past the most, exit 2, one line; --json gives the error too', async () => {
    for (const json of [false, true]) {
      let given = 0
      const endless = new Readable({
        read() {
          given += 1024
          this.push(Buffer.alloc(1024, 0x20))
        },
      })
      const out = collect()
      const err = collect()
      const code = await run(['check', '-', ...(json ? ['--json'] : [])], { stdin: endless, stdout: out.stream, stderr: err.stream, env: {}, maxSnapshotBytes: 10_000 })
      expect(code).toBe(2)
      expect(err.text()).toBe(line(10_000))
      // (what the stream had buffered ahead, at most its high-water mark, and no more)
      expect(given).toBeLessThan(10_000 + 64 * 1024)
      expect(endless.destroyed).toBe(true)
      if (json)
        expect(JSON.parse(out.text())).toEqual({
          errors: [{ path: '', expected: 'one JSON text of at most 10000 bytes', found: 'more than 10000 bytes', message: 'the snapshot: expected one JSON text of at most 10000 bytes, found more than 10000 bytes' }],
        })
      else expect(out.text()).toBe('')
    }
  })
  it('a file: valid JSON padded past the most is too large (not "not UTF-8"), one within it is read', async () => {
    const text = flat('closable-freelancer')
    const size = Buffer.byteLength(text)
    const file = module('padded.json', `${text}${' '.repeat(200)}`)
    const err = collect()
    const code = await run(['check', file], { stdin: Readable.from([]), stdout: collect().stream, stderr: err.stream, env: {}, maxSnapshotBytes: size + 100 })
    expect(code).toBe(2)
    expect(err.text()).toBe(line(size + 100))
    const fits = await run(['check', file], { stdin: Readable.from([]), stdout: collect().stream, stderr: collect().stream, env: {}, maxSnapshotBytes: size + 200 })
    expect(fits).toBe(0)
  })
  it('the command: a file larger than the most, by its size, is not read at all (a sparse 600 MB file), as FILE and on standard input', () => {
    const file = join(dir, 'huge.json')
    writeFileSync(file, '')
    truncateSync(file, 600 * 1024 * 1024)
    const r = cli(['check', file])
    expect(r.code).toBe(2)
    oneLine(r.stderr, line(MAX_SNAPSHOT_BYTES).trimEnd())
    const fd = openSync(file, 'r')
    try {
      const s = cli(['check', '-'], { fd })
      expect(s.code).toBe(2)
      oneLine(s.stderr, line(MAX_SNAPSHOT_BYTES).trimEnd())
    } finally {
      closeSync(fd)
    }
  })
})
