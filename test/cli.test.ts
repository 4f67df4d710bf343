/**
 * The built command line, run as a child process: exit codes and output (SPEC §5).
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { agencyTarget, verdict } from '../src/index.js'
import { example, examplePath } from './fixtures.js'

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version

const cli = (args: ReadonlyArray<string>, input?: string, env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, ['dist/cli.cjs', ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...env },
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/)

describe('account-closure check', () => {
  it('blocked: exit 1, the verdict first, blockers by scope, numbered steps, consequences', () => {
    const r = cli(['check', examplePath('client-owner-mid-week')])
    expect(r.code).toBe(1)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe('BLOCKED  Closing your account is blocked by 7 things.')
    expect(r.stdout).toContain('Earliest possible: 2026-11-23 00:00 UTC')
    expect(r.stdout).toContain('  Company Acme\n    - u-2 (manager) is still a member of Acme. [members-removed]')
    expect(r.stdout).toContain(' 8. Wait until 2026-11-23 00:00 UTC: the billing week of contract c-10 ends')
    expect(r.stdout).toContain('Acme has USD 350.00 of billing outstanding.')
    expect(r.stdout).toContain('What closing does')
    expect(r.stdout).not.toContain('\u001b[')
    expect(r.stderr).toBe('')
  })

  it('closable: exit 0', () => {
    const r = cli(['check', examplePath('closable-freelancer')])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe('CLOSABLE  You can close your account now.')
  })

  it('the readable report names companies and agencies as the user knows them, in words that apply', () => {
    const agency = cli(['check', examplePath('agency-owner'), '--agency', 'ag-1'])
    expect(agency.stdout.split('\n')[0]).toMatch(/^(BLOCKED {2}Closing the agency Studio is blocked by \d+ things?|CLOSABLE {2}You can close the agency Studio now)\.$/)
    const all = cli(['check', examplePath('everything')])
    expect(all.stdout).toContain('  Agency Studio\n')
    expect(all.stdout).toContain('Close the agency Studio (Settings › Agency Profile).')
    expect(all.stdout).not.toMatch(/\((CloseAccount|CloseAgency|LeaveTeams)\)|company co-\d|agency ag-\d/)
    const busy = cli(['check', examplePath('busy-freelancer')])
    expect(busy.stdout).not.toMatch(/dispute/i)
  })

  it('--json prints the verdict and nothing else, the same from a file and from standard input', () => {
    const fromFile = cli(['check', examplePath('everything'), '--json'])
    const fromStdin = cli(['check', '--json'], readFileSync(examplePath('everything'), 'utf8'))
    const fromDash = cli(['check', '-', '--json'], readFileSync(examplePath('everything'), 'utf8'))
    expect(fromFile.code).toBe(1)
    expect(fromStdin.stdout).toBe(fromFile.stdout)
    expect(fromDash.stdout).toBe(fromFile.stdout)
    expect(JSON.parse(fromFile.stdout)).toEqual(JSON.parse(JSON.stringify(verdict(example('everything')))))
  })

  it('--agency closes an agency; an unknown one is blocked with UnknownTarget', () => {
    const known = cli(['check', examplePath('agency-owner'), '--agency', 'ag-1', '--json'])
    expect(known.code).toBe(1)
    expect(JSON.parse(known.stdout)).toEqual(JSON.parse(JSON.stringify(verdict(example('agency-owner'), agencyTarget('ag-1')))))
    const unknown = cli(['check', examplePath('agency-owner'), '--agency=ag-9', '--json'])
    expect(unknown.code).toBe(1)
    expect((JSON.parse(unknown.stdout) as { blockers: Array<{ _tag: string }> }).blockers.map((b) => b._tag)).toEqual(['UnknownTarget'])
  })

  it('text that is not JSON: exit 2, a clear message, no stack trace', () => {
    const r = cli(['check', '--json'], '{"asOf": ')
    expect(r.code).toBe(2)
    // with --json, standard output holds the errors and nothing else
    expect(JSON.parse(r.stdout)).toMatchObject({ errors: [{ path: '', expected: 'JSON text' }] })
    expect(r.stderr).toMatch(/^account-closure: the snapshot is not JSON:\n  the snapshot: expected JSON text/)
    noStack(r.stderr)
  })

  it('a snapshot that does not decode: exit 2, every error on its own line with its path', () => {
    const r = cli(['check', examplePath('invalid'), '--json'])
    expect(r.code).toBe(2)
    const errors = (JSON.parse(r.stdout) as { errors: Array<{ path: string }> }).errors
    expect(errors).toHaveLength(9)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(10)
    expect(lines[0]).toBe('account-closure: the snapshot is not valid:')
    expect(lines[1]).toBe('  asOf: expected an ISO-8601 instant with Z or an offset, found "yesterday"')
    expect(lines).toContain('  companies[0].members is missing: expected a list (of CompanyMember)')
    expect(errors.map((e) => e.path)).toEqual(lines.slice(1).map((l) => l.trim().split(/[: ]/)[0]))
    noStack(r.stderr)
  })

  it('wrong types and missing fields from standard input', () => {
    const r = cli(['check'], JSON.stringify({ asOf: 12, user: { id: 'u', securityQuestionSet: 'yes', standing: 'good' } }))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('user.securityQuestionSet: expected true or false, found "yes"')
    expect(r.stderr).toContain('freelancer is missing')
  })

  it('wrong usage: exit 64 with the usage', () => {
    for (const args of [[], ['close'], ['check', '--frobnicate'], ['check', 'a.json', 'b.json'], ['check', '--agency']]) {
      const r = cli(args)
      expect(r.code, args.join(' ')).toBe(64)
      expect(r.stderr).toContain('Usage:')
      expect(r.stdout).toBe('')
    }
  })

  it('a missing file: exit 66, no stack trace', () => {
    const r = cli(['check', 'no/such/file.json'])
    expect(r.code).toBe(66)
    expect(r.stderr.trim()).toBe('account-closure: no such file: no/such/file.json')
  })

  it('--help and --version', () => {
    expect(cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('account-closure check [FILE|-]') })
    expect(cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })
})

describe('account-closure batch', () => {
  it('one output line per non-empty input line, in order; bad lines get an error record and processing goes on', () => {
    const good = JSON.stringify(JSON.parse(readFileSync(examplePath('closable-freelancer'), 'utf8')))
    const busy = JSON.stringify(JSON.parse(readFileSync(examplePath('busy-freelancer'), 'utf8')))
    const input = [busy, '', 'not json', good, '{"asOf":"x"}', '   ', good].join('\n')
    const r = cli(['batch'], input)
    expect(r.code).toBe(2)
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(out.map((o) => o['line'])).toEqual([1, 3, 4, 5, 7])
    expect(out[0]).toEqual({
      line: 1,
      userId: 'u-1',
      path: 'CloseAccount',
      closable: false,
      blockers: ['SecurityQuestionMissing', 'ContractOpen', 'ContractOpen', 'ProposalOpen', 'ProposalOpen', 'PaymentPending', 'FundsAvailable'],
      earliestAt: '2026-11-25T00:00:00.000Z',
    })
    expect(out[1]).toMatchObject({ line: 3, error: 'not-json' })
    expect(out[2]).toMatchObject({ line: 4, closable: true, blockers: [] })
    expect(out[3]).toMatchObject({ line: 5, error: 'invalid' })
    expect((out[3]?.['errors'] as Array<{ path: string }>).map((e) => e.path)).toContain('asOf')
  })

  it('all valid: exit 0; a missing file: exit 66', () => {
    const good = readFileSync(examplePath('closable-freelancer'), 'utf8').replace(/\n\s*/g, '')
    expect(cli(['batch', '-'], `${good}\n${good}\n`).code).toBe(0)
    expect(cli(['batch', 'nope.ndjson']).code).toBe(66)
  })
})

describe('the command faces its surroundings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'account-closure-'))
  /** A closable snapshot whose report and verdict run far past a pipe's buffer. */
  const big = join(dir, 'big.json')
  const s = JSON.parse(readFileSync(examplePath('closable-freelancer'), 'utf8')) as { subscriptions: Array<unknown> }
  s.subscriptions = Array.from({ length: 20_000 }, (_, i) => ({ id: `s-${i}`, plan: 'Plus', status: 'active' }))
  writeFileSync(big, JSON.stringify(s))
  const ndjson = join(dir, 'many.ndjson')
  writeFileSync(ndjson, `${readFileSync(examplePath('busy-freelancer'), 'utf8').replace(/\n\s*/g, '')}\n`.repeat(3000))

  /** Runs the command, closes its standard output after the first bytes, resolves to its exit and errors. */
  const closedEarly = (args: ReadonlyArray<string>): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, ['dist/cli.cjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      child.stdout.once('data', () => child.stdout.destroy())
      child.on('close', (code) => resolve({ code, stderr }))
    })

  it('check | head: ends quietly with the status of the answer', async () => {
    for (const json of [[], ['--json']]) {
      const r = await closedEarly(['check', big, ...json])
      expect(r.code).toBe(0)
      expect(r.stderr).toBe('')
    }
  })
  it('batch | head: ends quietly, early, with the status of what was answered', async () => {
    const r = await closedEarly(['batch', ndjson])
    expect(r.code).toBe(0)
    noStack(r.stderr)
    const answered = Number(/(\d+) lines/.exec(r.stderr)?.[1])
    expect(answered).toBeLessThan(3000)
  })
  it('a folder: exit 66 for check and for batch', () => {
    for (const command of ['check', 'batch']) {
      const r = cli([command, dir])
      expect(r.code, command).toBe(66)
      expect(r.stderr).toContain('is a folder')
      noStack(r.stderr)
    }
  })
  it('an oversized line: a too-large record, and the next line is answered', () => {
    const good = readFileSync(examplePath('closable-freelancer'), 'utf8').replace(/\n\s*/g, '')
    const r = cli(['batch', '--max-line-bytes', String(good.length)], `${good}\n${good} \n${good}\r\n`)
    expect(r.code).toBe(2)
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(out.map((o) => o['error'] ?? o['closable'])).toEqual([true, 'too-large', true])
    expect(r.stderr).toContain('3 lines: 2 closable, 0 blocked, 1 invalid')
  })
  it('batch on several threads writes exactly what one thread writes, and ends the same', () => {
    const flat = (name: string) => readFileSync(examplePath(name), 'utf8').replace(/\n\s*/g, '')
    const kinds = [flat('busy-freelancer'), flat('closable-freelancer'), flat('agency-owner'), 'not json', '{"asOf":"x"}', '', '  ', `${flat('closable-freelancer')}\r`]
    const limit = flat('busy-freelancer').length
    const lines = Array.from({ length: 1500 }, (_, i) => (i % 97 === 5 ? `${flat('busy-freelancer')}  ` : kinds[(i * 7) % kinds.length] ?? ''))
    const input = `\ufeff${lines.join('\n')}`
    const one = cli(['batch', '--jobs', '1', '--max-line-bytes', String(limit)], input)
    expect(one.code).toBe(2)
    expect(one.stdout.trim().split('\n')).toHaveLength(lines.filter((l) => l.trim() !== '').length)
    expect(one.stdout).toContain('"error":"too-large"')
    for (const jobs of [['--jobs', '2'], ['--jobs', '3'], []]) {
      const many = cli(['batch', ...jobs, '--max-line-bytes', String(limit)], input)
      expect(many.stdout, jobs.join(' ')).toBe(one.stdout)
      expect(many.stderr).toBe(one.stderr)
      expect(many.code).toBe(one.code)
    }
    for (const bad of ['0', '65', 'two', '1.5']) expect(cli(['batch', '--jobs', bad], '').code, bad).toBe(64)
  })
  it('batch --agency and --cycle-ends reach every line', () => {
    const owner = readFileSync(examplePath('agency-owner'), 'utf8').replace(/\n\s*/g, '')
    const r = cli(['batch', '--agency', 'ag-1', '--cycle-ends', 'invoice'], `${owner}\n`)
    expect(JSON.parse(r.stdout)).toMatchObject({ line: 1, path: 'CloseAgency' })
  })
  it('options that take a value never take the next option; twice is a usage error', () => {
    for (const args of [
      ['check', '--agency', '--json', examplePath('agency-owner')],
      ['check', '--agency', 'a', '--agency', 'b', examplePath('agency-owner')],
      ['check', '--json', '--json', examplePath('agency-owner')],
      ['check', '--tz', 'Mars/Olympus', examplePath('agency-owner')],
      ['check', '--cycle-ends', 'month', examplePath('agency-owner')],
      ['batch', '--max-line-bytes', '0'],
      ['batch', '--json'],
      ['frob', '--help'],
    ]) {
      const r = cli(args)
      expect(r.code, args.join(' ')).toBe(64)
      expect(r.stdout).toBe('')
    }
    expect(cli(['check', '--agency=ag-1', examplePath('agency-owner')]).code).toBe(1)
    // the words: the option found instead of a value is named; an empty value is only missing
    expect(cli(['check', '--agency', '--json', examplePath('agency-owner')]).stderr.split('\n')[0]).toBe(
      'account-closure: --agency needs a value (found the option --json; write --agency=VALUE for a value that starts with -)',
    )
    expect(cli(['batch', '--jobs', '']).stderr.split('\n')[0]).toBe('account-closure: --jobs needs a value')
  })
  it('a byte-order mark at the start is ignored', () => {
    const text = `\ufeff${readFileSync(examplePath('closable-freelancer'), 'utf8')}`
    expect(cli(['check'], text).code).toBe(0)
    expect(cli(['batch'], text.replace(/\n\s*/g, '')).code).toBe(0)
  })
  it('control characters from the input never reach the terminal, in the report or in errors', () => {
    const bad = readFileSync(examplePath('busy-freelancer'), 'utf8').replace('"c-1"', '"c-1\\u001b[2J\\r\\nFAKE: CLOSABLE\\u202e"')
    const r = cli(['check'], bad)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('c-1\\u001b[2J\\u000d\\u000aFAKE: CLOSABLE\\u202e')
    expect(r.stdout).not.toMatch(/[\u001b\r\u202e]/)
    const notJson = cli(['check'], '{"a\u001b[31m": \u0007')
    expect(notJson.code).toBe(2)
    expect(notJson.stderr).not.toMatch(/[\u0007\u001b]/)
    const usage = cli(['\u001b[31mfrob'])
    expect(usage.stderr).not.toContain('\u001b')
  })
})

describe('check --tz and --cycle-ends', () => {
  it('--tz shows instants in the zone, the JSON stays UTC', () => {
    const r = cli(['check', examplePath('client-owner-mid-week'), '--tz', 'America/New_York'])
    expect(r.stdout).toContain('Earliest possible: 2026-11-22 19:00 America/New_York')
    expect(r.stdout).toContain('As of 2026-11-18 05:00 America/New_York.')
    const j = JSON.parse(cli(['check', examplePath('client-owner-mid-week'), '--tz', 'America/New_York', '--json']).stdout) as { earliestAt: string }
    expect(j.earliestAt).toBe('2026-11-23T00:00:00.000Z')
  })
  it('--cycle-ends invoice ends billing cycles at the Monday invoice, 12:00 UTC', () => {
    const week = JSON.parse(cli(['check', examplePath('client-owner-mid-week'), '--json']).stdout) as { earliestAt: string }
    const invoice = JSON.parse(cli(['check', examplePath('client-owner-mid-week'), '--json', '--cycle-ends', 'invoice']).stdout) as { earliestAt: string }
    expect(week.earliestAt).toBe('2026-11-23T00:00:00.000Z')
    expect(invoice.earliestAt).toBe('2026-11-23T12:00:00.000Z')
  })
})
