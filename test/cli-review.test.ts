/**
 * Found by an attacker's review of issues 21 and 22, on the command (uses dist/: `npm run build`
 * first): each test names what must hold, and each failed on the branch it was written against.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import { describe, expect, it } from 'vitest'

import { exampleJson } from './fixtures.js'

type Obj = Record<string, unknown>

const cli = (args: ReadonlyArray<string>) => {
  const r = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const dir = mkdtempSync(join(tmpdir(), 'account-closure-review-'))
const module = (name: string, text: string): string => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

describe('--rules: a module whose export cannot even be looked at', () => {
  it('a default export that throws when read is a usage error (64) in one escaped line naming the module, not an internal error', () => {
    const hostile = module('hostile.mjs', `export default new Proxy({}, { get() { throw new Error('trap \\u001b[31mred') } })\n`)
    for (const command of ['check', 'batch']) {
      const r = cli([command, 'examples/snapshots/closable-freelancer.json', '--rules', hostile])
      expect(r.code).toBe(64)
      expect(r.stdout).toBe('')
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(r.stderr).toContain('hostile.mjs')
      expect(r.stderr).not.toContain('internal error')
      expect(r.stderr).not.toContain('\u001b')
    }
  })

  it('a default export that is a revoked proxy is a usage error (64) naming the module', () => {
    const revoked = module('revoked.mjs', `const p = Proxy.revocable([], {}); p.revoke(); export default p.proxy\n`)
    const r = cli(['check', 'examples/snapshots/closable-freelancer.json', '--rules', revoked])
    expect(r.code).toBe(64)
    expect(r.stderr).toContain('revoked.mjs')
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('a module that throws a value with no description (no toString) is a usage error (64), not an internal error', () => {
    const bare = module('bare.mjs', `throw Object.create(null)\n`)
    const r = cli(['check', 'examples/snapshots/closable-freelancer.json', '--rules', bare])
    expect(r.code).toBe(64)
    expect(r.stderr).toContain('bare.mjs')
    expect(r.stderr).not.toContain('internal error')
  })
})

describe('--rules: a rule that declares its own facts', () => {
  const dist = pathToFileURL(resolve('dist/index.js')).href
  const ioTs = pathToFileURL(resolve('node_modules/io-ts/lib/index.js')).href
  const fees = module(
    'codec-fees.mjs',
    `import { defineBlocker, defineRule } from '${dist}'
import * as t from '${ioTs}'
const feeDue = defineBlocker({ tag: 'FeeDue', rule: 'fees', words: (b) => 'Fee ' + b.subject + ' is due.' })
export default defineRule({ id: 'fees', paths: ['CloseAccount'], extension: { key: 'fees', codec: t.array(t.string) },
  blockers: [feeDue], check: (f) => f.extensions.fees.map((x) => feeDue({ subject: x })), clear: () => [], clearable: false })
`,
  )
  const snapshot = (extensions: unknown): string => {
    const json = structuredClone(exampleJson('closable-freelancer')) as Obj
    json['extensions'] = extensions
    return JSON.stringify(json)
  }

  it("check decodes the snapshot's extensions with the rule's codec: a value it refuses, or a missing one, is an invalid snapshot (2) naming extensions.<key>", () => {
    for (const [name, extensions] of [['bad', { fees: '' }], ['missing', {}]] as const) {
      const file = module(`${name}-fees.json`, snapshot(extensions))
      const r = cli(['check', file, '--rules', fees])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('extensions.fees')
    }
    expect(cli(['check', module('due-fees.json', snapshot({ fees: ['f-1'] })), '--rules', fees]).code).toBe(1)
  })

  it("batch decodes each line's extensions with the rule's codec: a line it refuses is an invalid record naming extensions.<key>", () => {
    const file = module('fees.ndjson', [snapshot({ fees: '' }), snapshot({ fees: ['f-1'] })].join('\n') + '\n')
    const r = cli(['batch', file, '--rules', fees])
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Obj)
    expect(records[0]).toMatchObject({ line: 1, error: 'invalid' })
    expect(JSON.stringify(records[0])).toContain('extensions.fees')
    expect(records[1]).toMatchObject({ line: 2, closable: false, blockers: ['FeeDue'] })
    expect(r.code).toBe(2)
  })
})

describe('facts no rule reads: the command says so on standard error', () => {
  const snapshot = (extensions: unknown): string => {
    const json = structuredClone(exampleJson('closable-freelancer')) as Obj
    json['extensions'] = extensions
    return JSON.stringify(json)
  }
  const tickets = resolve('examples/rules/open-ticket.mjs')

  it('check: the keys, escaped, five at most, and the answer as it is (no rule reads them)', () => {
    const one = cli(['check', module('ticket.json', snapshot({ tickets: ['t-1'] }))])
    expect([one.code, one.stdout.split('\n')[0]]).toEqual([0, 'CLOSABLE  You can close your account now.'])
    expect(one.stderr).toBe('account-closure: note: extensions.tickets is read by no rule, so the answer leaves it out (give the rules that read it with --rules)\n')
    const many = cli(['check', '--json', module('many.json', snapshot(Object.fromEntries(['a', 'b\u001b[31m', 'c', 'd', 'e', 'f', 'g'].map((k) => [k, 1]))))])
    expect(many.code).toBe(0)
    expect(JSON.parse(many.stdout)).toMatchObject({ closable: true })
    expect(many.stderr).toBe(
      'account-closure: note: extensions.a, extensions.b\\u001b[31m, extensions.c, extensions.d, extensions.e, and 2 more are read by no rule, so the answer leaves them out (give the rules that read them with --rules)\n',
    )
  })

  it('check: nothing to say when every key is read, or there is none', () => {
    expect(cli(['check', module('plain.json', snapshot({}))]).stderr).toBe('')
    const read = cli(['check', module('read.json', snapshot({ supportTickets: [] })), '--rules', tickets])
    expect([read.code, read.stderr]).toEqual([0, ''])
    // a key beside the one read is said, alone
    expect(cli(['check', module('both.json', snapshot({ supportTickets: [], tickets: [] })), '--rules', tickets]).stderr).toBe(
      'account-closure: note: extensions.tickets is read by no rule, so the answer leaves it out (give the rules that read it with --rules)\n',
    )
  })

  it('batch: after the summary, how many lines held such keys and which, on one thread and on several', () => {
    const lines = [...Array.from({ length: 300 }, () => snapshot({ tickets: [] })), ...Array.from({ length: 300 }, () => snapshot({})), snapshot({ holds: [] })]
    const file = module('unread.ndjson', `${lines.join('\n')}\n`)
    for (const jobs of ['1', '2']) {
      const r = cli(['batch', '--jobs', jobs, file])
      expect(r.code).toBe(0)
      expect(r.stderr).toBe(
        'account-closure: 601 lines: 601 closable, 0 blocked, 0 invalid\n' +
          'account-closure: note: 301 lines hold extensions that no rule reads (extensions.tickets, extensions.holds), which their answers leave out (give the rules that read them with --rules)\n',
      )
    }
    expect(cli(['batch', module('none.ndjson', `${snapshot({})}\n`)]).stderr).toBe('account-closure: 1 line: 1 closable, 0 blocked, 0 invalid\n')
    // past a hundred keys, the rest are "more", uncounted
    const wide = cli(['batch', module('wide.ndjson', `${snapshot(Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`k${i}`, i])))}\n`)])
    expect(wide.stderr).toContain('note: 1 line holds extensions that no rule reads (extensions.k0, extensions.k1, extensions.k2, extensions.k3, extensions.k4, and more), which its answer leaves out')
  })
})
