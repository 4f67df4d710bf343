/**
 * The built command line, run as a child process: exit codes and output (SPEC §5).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { agencyTarget, verdict } from '../src/index.js'
import { example, examplePath } from './fixtures.js'

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version

const cli = (args: ReadonlyArray<string>, input?: string, env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], {
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
    expect(lines[0]).toBe('BLOCKED  the account cannot be closed yet: 7 blockers (CloseAccount).')
    expect(r.stdout).toContain('Earliest possible: 2026-11-23 00:00 UTC')
    expect(r.stdout).toContain('  Company co-1\n    - u-2 (manager) is still a member of company co-1. [members-removed]')
    expect(r.stdout).toContain(' 8. Wait until 2026-11-23 00:00 UTC: the billing week of contract c-10 ends')
    expect(r.stdout).toContain('Company co-1 has USD 350.00 of billing outstanding.')
    expect(r.stdout).toContain('What closing does')
    expect(r.stdout).not.toContain('\u001b[')
    expect(r.stderr).toBe('')
  })

  it('closable: exit 0', () => {
    const r = cli(['check', examplePath('closable-freelancer')])
    expect(r.code).toBe(0)
    expect(r.stdout.startsWith('CLOSABLE')).toBe(true)
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
    expect(errors).toHaveLength(8)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(9)
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
