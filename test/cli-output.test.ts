/**
 * The built command's output: a write that fails is exit 74 with one line on standard error
 * (a closed pipe stays quiet), `check --json` is written in chunks with the bytes JSON.stringify
 * gives, and batch's summary counts what it wrote (SPEC §5).
 */
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { jsonChunks } from '../src/cli/json.js'
import { decodeSnapshotText, verdict } from '../src/index.js'
import type { AccountSnapshot } from '../src/index.js'
import { example, examplePath, exampleJson } from './fixtures.js'

const run = (args: ReadonlyArray<string>, input = '', stdout: 'pipe' | number = 'pipe') => {
  const r = spawnSync(process.execPath, ['dist/cli.cjs', ...args], {
    input,
    encoding: 'utf8',
    stdio: ['pipe', stdout, 'pipe'],
    maxBuffer: 1 << 30,
    env: { PATH: process.env['PATH'] ?? '' },
  })
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr }
}

/** Runs the command with its standard output on /dev/full: every write fails with ENOSPC. */
const full = (args: ReadonlyArray<string>, input = '') => {
  const fd = openSync('/dev/full', 'w')
  try {
    return run(args, input, fd)
  } finally {
    closeSync(fd)
  }
}

const flat = (name: string): string => JSON.stringify(exampleJson(name))
const decoded = (text: string): AccountSnapshot => {
  const d = decodeSnapshotText(text)
  if (d._tag === 'Left') throw new Error(d.left[0]?.message)
  return d.right
}
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/)

describe('output that cannot be written', () => {
  it('check: exit 74 (not the answer), one line on standard error', () => {
    for (const args of [['check', examplePath('busy-freelancer')], ['check', examplePath('closable-freelancer')], ['check', '--json', examplePath('busy-freelancer')]]) {
      const r = full(args)
      expect(r.code, args.join(' ')).toBe(74)
      expect(r.stderr).toBe('account-closure: cannot write the output: no space left on the device (ENOSPC)\n')
    }
  })
  it('--help and --version: exit 74 too, one line on standard error', () => {
    for (const args of [['--help'], ['--version']]) {
      const r = full(args)
      expect(r.code, args.join(' ')).toBe(74)
      expect(r.stderr).toBe('account-closure: cannot write the output: no space left on the device (ENOSPC)\n')
    }
  })
  it('check --json of an invalid snapshot: exit 74, after its errors on standard error', () => {
    const r = full(['check', '--json', examplePath('invalid')])
    expect(r.code).toBe(74)
    const lines = r.stderr.trim().split('\n')
    expect(lines[0]).toBe('account-closure: the snapshot is not valid:')
    expect(lines[lines.length - 1]).toBe('account-closure: cannot write the output: no space left on the device (ENOSPC)')
    noStack(r.stderr)
  })
  it('batch: exit 74, and the summary claims no line it did not write', () => {
    const r = full(['batch'], `${flat('busy-freelancer')}\n`.repeat(5000))
    expect(r.code).toBe(74)
    expect(r.stderr).toBe(
      'account-closure: cannot write the output: no space left on the device (ENOSPC); written before it failed: 0 lines: 0 closable, 0 blocked, 0 invalid\n',
    )
  })
  it('batch on several threads: exit 74 too', () => {
    const r = full(['batch', '--jobs', '2'], `${flat('busy-freelancer')}\n`.repeat(3000))
    expect(r.code).toBe(74)
    expect(r.stderr).toContain('cannot write the output: no space left on the device (ENOSPC)')
    noStack(r.stderr)
  })
})

describe('check --json in chunks', () => {
  it('writes the bytes JSON.stringify gives, for every example snapshot', () => {
    for (const name of ['busy-freelancer', 'client-owner-mid-week', 'everything', 'agency-owner', 'closable-freelancer', 'suspended']) {
      const r = run(['check', '--json', examplePath(name)])
      expect(r.stdout, name).toBe(`${JSON.stringify(verdict(example(name)), null, 2)}\n`)
    }
  })
  it('a verdict of tens of thousands of blockers: many chunks, parsed whole, the same bytes', () => {
    const s = exampleJson('closable-freelancer') as { disputes: Array<unknown> }
    s.disputes = Array.from({ length: 30_000 }, (_, i) => ({ id: `d-${i}`, status: 'open' }))
    const dir = mkdtempSync(join(tmpdir(), 'account-closure-json-'))
    const file = join(dir, 'disputes.json')
    writeFileSync(file, JSON.stringify(s))
    const r = run(['check', '--json', file])
    expect(r.code).toBe(1)
    expect(r.stdout.length).toBeGreaterThan(20 * 64 * 1024)
    const v = JSON.parse(r.stdout) as { blockers: ReadonlyArray<{ disputeId: string }>; steps: ReadonlyArray<unknown> }
    expect(v.blockers).toHaveLength(30_000)
    expect(v.blockers[29_999]?.disputeId).toBe('d-29999')
    expect(r.stdout).toBe(`${JSON.stringify(verdict(decoded(readFileSync(file, 'utf8'))), null, 2)}\n`)
  })
})

describe('jsonChunks', () => {
  const values = fc.anything({ withBoxedValues: true, withDate: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true, maxDepth: 4 })
  test.prop([values, fc.constantFrom(0, 2), fc.integer({ min: 1, max: 64 })])(
    'joined, is JSON.stringify(value, null, indent), whatever the chunk size',
    (value, indent, size) => {
      let expected: string | undefined
      let threw = false
      try {
        expected = JSON.stringify(value, null, indent)
      } catch {
        threw = true
      }
      if (threw) expect(() => [...jsonChunks(value, indent, size)]).toThrow(TypeError)
      else expect([...jsonChunks(value, indent, size)].join('')).toBe(expected ?? '')
    },
  )
  it('chunks are at least the chunk size but the last, and a long list streams item by item', () => {
    const value = { items: Array.from({ length: 5000 }, (_, i) => ({ id: `x-${i}`, list: [i, { deep: [i] }] })) }
    const chunks = [...jsonChunks(value, 2, 4096)]
    expect(chunks.length).toBeGreaterThan(10)
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(4096)
    // no chunk holds much more than the chunk size: the list is not written in one piece
    for (const c of chunks) expect(c.length).toBeLessThan(4096 * 40)
    expect(chunks.join('')).toBe(JSON.stringify(value, null, 2))
  })
  it('toJSON is called with its key, as JSON.stringify calls it', () => {
    const keyed = { toJSON: (key: string) => `key ${key}` }
    const value = { a: [keyed, keyed], b: keyed, c: new Date(0) }
    expect([...jsonChunks(value, 2, 1)].join('')).toBe(JSON.stringify(value, null, 2))
  })
})

describe('batch counts lines', () => {
  it('only non-empty lines: three snapshots and three blank lines are 3 lines', () => {
    const good = flat('closable-freelancer')
    const r = run(['batch'], `${good}\n\n${good}\n   \n${good}\n\r\n`)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('account-closure: 3 lines: 3 closable, 0 blocked, 0 invalid\n')
  })
  it('errorCount counts every error of a line, beyond the 100 listed', () => {
    const s = exampleJson('closable-freelancer') as { disputes: Array<unknown> }
    s.disputes = Array.from({ length: 300 }, (_, i) => ({ id: `d-${i}`, status: 'maybe' }))
    const r = run(['batch'], `${JSON.stringify(s)}\n`)
    expect(r.code).toBe(2)
    const record = JSON.parse(r.stdout) as { error: string; errors: ReadonlyArray<{ path: string }>; errorCount: number }
    expect(record.error).toBe('invalid')
    expect(record.errors).toHaveLength(100)
    expect(record.errors[99]?.path).toBe('disputes[99].status')
    expect(record.errorCount).toBe(300)
  })
})

describe('batch on a pipe closed early', () => {
  it('keeps the status of the lines answered: invalid lines make it 2, not 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-pipe-'))
    const file = join(dir, 'bad.ndjson')
    writeFileSync(file, '{"asOf": 1}\n'.repeat(3000))
    const r = spawnSync('bash', ['-c', `"${process.execPath}" dist/cli.cjs batch "${file}" --jobs 1 | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '' },
    })
    expect(r.stdout.trim()).toBe('2')
    expect(r.stderr).not.toMatch(/EPIPE|at /)
  })
})
