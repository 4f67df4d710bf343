/**
 * Found by an attacker's review of issues 21 and 22: each test names what must hold, and each
 * failed on the branch it was written against.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

import { accountTarget, agencyTarget, canClose, closureWith, decodeSnapshot, defaultRules, defineBlocker, defineRule, verdict } from '../src/index.js'
import type { AccountSnapshot, Target } from '../src/index.js'
import { exampleJson } from './fixtures.js'

type Obj = Record<string, unknown>

/** A freelancer who owns an empty agency and has an active contract: the agency can close, the account cannot. */
const agencyFreeAccountBlocked = (): AccountSnapshot => {
  const json = structuredClone(exampleJson('closable-freelancer')) as Obj
  json['agencies'] = [
    { id: 'ag-1', name: 'Studio', role: 'owner', members: [], contracts: [], proposals: [], earnings: { pending: [], available: { amount: 0, currency: 'USD' } } },
  ]
  ;(json['freelancer'] as Obj)['contracts'] = [{ id: 'c-1', type: 'fixed', status: 'active', endedAt: null }]
  const d = decodeSnapshot(json)
  if (E.isLeft(d)) throw new Error(d.left.map((e) => e.message).join('; '))
  return d.right
}

/** A rule of one's own that tries to retarget the question it is asked. */
const retargeting = defineRule({
  id: 'retarget',
  paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'],
  blockers: [defineBlocker({ tag: 'Retarget', rule: 'retarget', words: () => 'never' })],
  check: (facts) => {
    const target = facts.target as { _tag: string; agencyId?: string }
    target._tag = 'Agency'
    target.agencyId = 'ag-1'
    return []
  },
  clear: () => [],
})

describe('targets are values nobody can change', () => {
  it('a rule that writes to facts.target fails naming it and never changes what later calls answer for the account', () => {
    const s = agencyFreeAccountBlocked()
    expect(E.isLeft(canClose(s))).toBe(true)
    expect(E.isRight(canClose(s, agencyTarget('ag-1')))).toBe(true)
    expect(() => closureWith([retargeting]).canClose(s)).toThrow(/retarget/)
    // the shared account target is still the account: the account is still blocked
    expect(accountTarget).toEqual({ _tag: 'Account' })
    expect(E.isLeft(canClose(s))).toBe(true)
    expect(verdict(s).closable).toBe(false)
    expect(verdict(s).path).toBe('CloseAccount')
  })

  it('the target a Closable answer carries cannot be changed to retarget later calls', () => {
    const s = agencyFreeAccountBlocked()
    const closable = closureWith([]).canClose(s)
    if (E.isLeft(closable)) throw new Error('closureWith([]) blocked')
    const target = closable.right.target as { _tag: string; agencyId?: string }
    expect(() => {
      target._tag = 'Agency'
      target.agencyId = 'ag-1'
    }).toThrow(TypeError)
    expect(E.isLeft(canClose(s))).toBe(true)
  })

  it("a rule that writes to an agency target's facts fails naming it, and the verdict reports the target asked for", () => {
    const s = agencyFreeAccountBlocked()
    const asked: Target = { _tag: 'Agency', agencyId: 'ag-1' }
    const moving = defineRule({
      id: 'moving',
      paths: ['CloseAgency'],
      blockers: [],
      check: (facts) => {
        ;(facts.target as { agencyId: string }).agencyId = 'ag-elsewhere'
        return []
      },
      clear: () => [],
    })
    expect(() => closureWith([...defaultRules, moving]).verdict(s, asked)).toThrow(/moving/)
  })
})

// ---------------------------------------------------------------------------------------------
// the command (uses dist/: `npm run build` first)
// ---------------------------------------------------------------------------------------------

const cli = (args: ReadonlyArray<string>) => {
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } })
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
  blockers: [feeDue], check: (f) => f.extensions.fees.map((x) => feeDue({ subject: x })), clear: () => [] })
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

describe("a rule's answer is taken once: what was checked is what is used", () => {
  const blocks = defineBlocker({ tag: 'Kept', rule: 'kept', words: () => 'kept' })
  const closable = (): AccountSnapshot => {
    const d = decodeSnapshot(exampleJson('closable-freelancer'))
    if (E.isLeft(d)) throw new Error('fixture')
    return d.right
  }

  it('a check that empties the array it returned (before clear runs) still blocks the verdict', () => {
    const kept: Array<unknown> = []
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      check: () => {
        kept.length = 0
        kept.push(blocks({}))
        return kept as ReadonlyArray<ReturnType<typeof blocks>>
      },
      clear: () => {
        kept.length = 0
        return []
      },
    })
    const v = closureWith([...defaultRules, rule]).verdict(closable())
    expect(v.closable).toBe(false)
    expect(v.blockers.map((b) => b._tag)).toEqual(['Kept'])
  })

  it('a blocker changed after it passed the check cannot change what is reported', () => {
    let last: { _tag: string } | undefined
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      check: () => {
        const b = blocks({})
        last = b
        return [b]
      },
      clear: () => {
        if (last !== undefined) (last as { _tag: string })._tag = 'Forged'
        return []
      },
    })
    const v = closureWith([...defaultRules, rule]).verdict(closable())
    expect(v.blockers.map((b) => b._tag)).toEqual(['Kept'])
  })

  it('a proxy array that answers differently on a second read gives what was checked, never null', () => {
    const rule = defineRule({
      id: 'kept',
      paths: ['CloseAccount'],
      blockers: [blocks],
      check: () => {
        let reads = 0
        const real = [blocks({})]
        return new Proxy(real, {
          get: (t, k, r) => (k === '0' && reads++ > 0 ? null : Reflect.get(t, k, r)),
        })
      },
      clear: () => [],
    })
    const answer = closureWith([...defaultRules, rule]).canClose(closable())
    expect(E.isLeft(answer) ? answer.left.map((b) => b?._tag) : []).toEqual(['Kept'])
  })
})
