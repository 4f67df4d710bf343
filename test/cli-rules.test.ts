/**
 * `--rules MODULE` (SPEC §5): rules of one's own from an ES module, checked by shape, run after
 * the default rules by `check` and by `batch` (on every thread); a module that is missing, that
 * fails to load or exports no rule, and a rule that fails at run time, are one line each.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import { describe, expect, it } from 'vitest'

import { cli, dist, flat, modulesIn, noStack } from './cli-helpers.js'
import { examplePath, exampleJson } from './fixtures.js'

// the modules import the built package by its file (their own copy, as an app's module would)
const { dir, module } = modulesIn('account-closure-rules-')

/** A rule that blocks every user whose id is not `u-ok`, and throws for `u-boom`. */
const fees = module(
  'fees.mjs',
  `import { defineBlocker, defineRule, defineStep } from '${dist}'
const feeUnpaid = defineBlocker({ tag: 'FeeUnpaid', rule: 'fees-paid', words: (b) => 'Marketplace fee ' + b.subject + ' is unpaid.' })
const payFee = defineStep({ tag: 'PayFee', kind: 'remedy', rule: 'fees-paid', words: (s) => 'Pay marketplace fee ' + s.subject + '.' })
export default [defineRule({
  id: 'fees-paid',
  paths: ['CloseAccount', 'LeaveTeams', 'CloseAgency'],
  blockers: [feeUnpaid],
  steps: [payFee],
  check: (facts) => {
    if (facts.snapshot.user.id === 'u-boom') throw new Error('the fee service is down')
    return facts.snapshot.user.id === 'u-ok' ? [] : [feeUnpaid({ subject: 'fee-7' })]
  },
  clear: (b) => [payFee({ subject: b.subject })],
})]
`,
)
const withUser = (id: string): string => {
  const s = exampleJson('closable-freelancer') as { user: { id: string } }
  s.user.id = id
  return JSON.stringify(s)
}

describe('check --rules', () => {
  it('runs the module’s rules after the default rules; their words are in the report', () => {
    const r = cli(['check', examplePath('closable-freelancer'), '--rules', fees])
    expect(r.code).toBe(1)
    expect(r.stdout.split('\n')[0]).toMatch(/^BLOCKED .* is blocked by \d+ things?\.$/)
    expect(r.stdout).toContain('Marketplace fee fee-7 is unpaid. [fees-paid]')
    expect(r.stdout).toContain('Pay marketplace fee fee-7.')
    const json = JSON.parse(cli(['check', '--json', examplePath('busy-freelancer'), '--rules', fees]).stdout) as { blockers: ReadonlyArray<{ rule: string }> }
    // after the default rules
    expect(json.blockers.map((b) => b.rule).at(-1)).toBe('fees-paid')
    expect(json.blockers.length).toBeGreaterThan(1)
  })
  it('a rule that does not block leaves the answer as it was', () => {
    expect(cli(['check', '--rules', fees], withUser('u-ok')).code).toBe(0)
  })
  it('a rule that fails at run time: exit 70, one line naming it', () => {
    const r = cli(['check', '--rules', fees], withUser('u-boom'))
    expect(r.code).toBe(70)
    expect(r.stderr).toBe('account-closure: rule fees-paid failed: the fee service is down\n')
    expect(r.stdout).toBe('')
  })
})

describe('a rules module that cannot be used', () => {
  const cases: ReadonlyArray<readonly [string, string, RegExp]> = [
    ['throws.mjs', `throw new Error('no config')\n`, /failed to load: no config$/],
    ['imports.mjs', `import 'no-such-package-account-closure'\nexport default {}\n`, /failed to load: Cannot find package 'no-such-package-account-closure'/],
    ['syntax.mjs', `export default {\n`, /failed to load: /],
    ['typed.ts', `export default [] as unknown[]\n`, /failed to load: Unknown file extension "\.ts" .* \(a TypeScript module: compile it to JavaScript first, for example with esbuild\)$/],
    ['none.mjs', `export const rule = 1\n`, /exports no rule \(it has no default export\)$/],
    ['empty.mjs', `export default []\n`, /exports no rule \(its default export is an empty list\)$/],
    ['shape.mjs', `export default { id: 'x', paths: ['CloseAccount'], check: () => [] }\n`, /exports no rule: its default export: rule x has no clear function$/],
    ['item.mjs', `import { defaultRules } from '${dist}'\nexport default [defaultRules[0], 7]\n`, /a rule with the id [a-z-]+ is already in the policy$/],
    ['number.mjs', `export default [42]\n`, /exports no rule: item 0 of its default export: it is a number, not a rule$/],
  ]
  it('a module that fails to load or exports no rule: exit 64, one line naming it and why, for check and batch', () => {
    for (const [name, text, why] of cases) {
      const file = module(name, text)
      for (const command of ['check', 'batch']) {
        const r = cli([command, '--rules', file], flat('closable-freelancer'))
        expect(r.code, `${command} ${name}`).toBe(64)
        const lines = r.stderr.trim().split('\n')
        expect(lines, `${command} ${name}`).toHaveLength(1)
        expect(lines[0]).toContain(file)
        expect(lines[0]).toMatch(why)
        expect(r.stdout).toBe('')
        noStack(r.stderr)
      }
    }
  })
  it('a path that does not exist, or a folder: exit 66', () => {
    const folder = join(dir, 'folder.mjs')
    mkdirSync(folder, { recursive: true })
    for (const command of ['check', 'batch']) {
      const missing = cli([command, '--rules', join(dir, 'nope.mjs')], flat('closable-freelancer'))
      expect(missing.code).toBe(66)
      expect(missing.stderr).toBe(`account-closure: no such rules module: ${join(dir, 'nope.mjs')}\n`)
      expect(cli([command, '--rules', folder], flat('closable-freelancer')).code).toBe(66)
    }
  })
  it('--rules needs a value, once', () => {
    expect(cli(['check', '--rules']).code).toBe(64)
    expect(cli(['batch', '--rules', fees, '--rules', fees]).code).toBe(64)
  })
})

describe('batch --rules', () => {
  const lines = ['u-1', 'u-ok', 'u-boom', 'u-2'].map(withUser)
  it('every line gets the rules; a line whose rule fails gets a rule-failed record, the batch goes on and exits 70', () => {
    const r = cli(['batch', '--rules', fees], `${lines.join('\n')}\n`)
    expect(r.code).toBe(70)
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(records).toEqual([
      { line: 1, userId: 'u-1', path: 'CloseAccount', closable: false, blockers: ['FeeUnpaid'], earliestAt: '2026-11-18T10:00:00.000Z' },
      { line: 2, userId: 'u-ok', path: 'CloseAccount', closable: true, blockers: [], earliestAt: '2026-11-18T10:00:00.000Z' },
      { line: 3, userId: 'u-boom', error: 'rule-failed', rule: 'fees-paid', message: 'rule fees-paid failed: the fee service is down' },
      { line: 4, userId: 'u-2', path: 'CloseAccount', closable: false, blockers: ['FeeUnpaid'], earliestAt: '2026-11-18T10:00:00.000Z' },
    ])
    expect(r.stderr).toBe('account-closure: 4 lines: 1 closable, 2 blocked, 0 invalid, 1 failed (a rule failed)\n')
  })
  it('worker threads load the module too: the same output on several threads', () => {
    const many = `${Array.from({ length: 1200 }, (_, i) => lines[i % lines.length]).join('\n')}\n`
    const one = cli(['batch', '--jobs', '1', '--rules', fees], many)
    expect(one.code).toBe(70)
    expect(one.stdout.match(/"rule-failed"/g)).toHaveLength(300)
    const three = cli(['batch', '--jobs', '3', '--rules', fees], many)
    expect(three.stdout).toBe(one.stdout)
    expect(three.stderr).toBe(one.stderr)
    expect(three.code).toBe(70)
  })
  it('a module that fails in a worker thread only is named by its path there too, not by its URL', () => {
    const odd = join(dir, 'odd %20 #')
    mkdirSync(odd)
    const file = join(odd, 'workers.mjs')
    writeFileSync(file, `import { isMainThread } from 'node:worker_threads'\nimport rule from './rule.mjs'\nif (!isMainThread) throw new Error('no workers please')\nexport default rule\n`)
    writeFileSync(join(odd, 'rule.mjs'), `export { default } from ${JSON.stringify(pathToFileURL(fees).href)}\n`)
    const r = cli(['batch', '--jobs', '2', '--rules', file], `${flat('closable-freelancer')}\n`.repeat(600))
    expect(r.code).toBe(70)
    expect(r.stderr).toContain(`the rules module ${file} failed to load: no workers please`)
    noStack(r.stderr)
  })
})

describe('the example rules module', () => {
  const example = 'examples/rules/open-ticket.mjs'
  const snapshot = examplePath('open-ticket')
  /** What the library itself answers with the module's rule added (decoded by its policy), in a process of its own. */
  const library = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { readFileSync } from 'node:fs'
import { closureWith, defaultRules } from '${dist}'
import rule from '${pathToFileURL(resolve(example)).href}'
const policy = closureWith([...defaultRules, rule])
const d = policy.decodeSnapshotText(readFileSync(${JSON.stringify(snapshot)}, 'utf8'))
process.stdout.write(JSON.stringify({ verdict: policy.verdict(d.right) }))`,
    ],
    { encoding: 'utf8' },
  )
  const expected = JSON.parse(library.stdout) as { verdict: { closable: boolean; blockers: ReadonlyArray<{ _tag: string; rule: string; message: string }> } }
  /** The example snapshot with its tickets replaced. */
  const withTickets = (tickets: unknown): string => {
    const s = exampleJson('open-ticket') as { extensions: Record<string, unknown> }
    s.extensions['supportTickets'] = tickets
    return JSON.stringify(s)
  }

  it('loads as it is, importing the package by its name, and check answers as the library does', () => {
    const r = cli(['check', '--json', snapshot, '--rules', example])
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toEqual(expected.verdict)
    expect(r.code).toBe(1)
    // the open ticket blocks: its facts come from the snapshot's extensions, decoded by the rule's codec
    expect(expected.verdict.blockers.map((b) => [b._tag, b.rule])).toEqual([['SupportTicketOpen', 'open-ticket']])
    const report = cli(['check', snapshot, '--rules', example])
    for (const b of expected.verdict.blockers) expect(report.stdout).toContain(b.message)
  })
  it('a ticket that is no longer open clears it', () => {
    const r = cli(['check', '--json', '-', '--rules', example], withTickets([{ id: 't-7', subject: 'Refund', status: 'answered' }]))
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ closable: true, blockers: [] })
  })
  it('an extension its codec refuses is an invalid snapshot: exit 2, the error at its path', () => {
    const r = cli(['check', '--json', '-', '--rules', example], withTickets([{ id: 't-7', subject: 'Refund', status: 'lost' }]))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('extensions.supportTickets[0].status')
    expect((JSON.parse(r.stdout) as { errors: ReadonlyArray<{ path: string }> }).errors.map((e) => e.path)).toEqual(['extensions.supportTickets[0].status'])
    noStack(r.stderr)
    // a missing entry too (the codec does not accept undefined); without --rules, the same snapshot is fine
    const missing = JSON.stringify({ ...(exampleJson('open-ticket') as Record<string, unknown>), extensions: {} })
    const m = cli(['check', '--json', '-', '--rules', example], missing)
    expect(m.code).toBe(2)
    expect(m.stderr).toContain('extensions.supportTickets')
    expect(cli(['check', '--json', '-'], missing).code).toBe(0)
  })
  it('batch answers with it too, on one thread and on two: blocked, closable and invalid lines', () => {
    const input = [
      JSON.stringify(exampleJson('open-ticket')),
      withTickets([]),
      withTickets([{ id: 't-9', subject: 'Refund', status: 'open', extra: 1 }, { id: 5, subject: 'x', status: 'open' }]),
    ]
      .map((l) => `${l}\n`)
      .join('')
    const one = cli(['batch', '--jobs', '1', '--rules', example], input)
    const records = one.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(records[0]).toMatchObject({ line: 1, userId: 'u-1', closable: false, blockers: ['SupportTicketOpen'] })
    expect(records[1]).toMatchObject({ line: 2, userId: 'u-1', closable: true, blockers: [] })
    expect(records[2]).toMatchObject({ line: 3, error: 'invalid', errors: [{ path: 'extensions.supportTickets[1].id' }] })
    expect(one.code).toBe(2)
    const two = cli(['batch', '--jobs', '2', '--rules', example], input)
    expect(two.stdout).toBe(one.stdout)
    expect(two.code).toBe(2)
  })
})
