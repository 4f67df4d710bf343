/**
 * The bin as files (uses dist/: `npm run build` first): a CommonJS script and the second file it
 * loads for `batch`, `--rules` and worker threads only, which run from any folder; the bin starts
 * `batch`'s worker threads from itself, and loads for `check` only what `check` uses (the cold
 * start's budget; no timing here, only which files and Node modules load).
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import { exampleJson, examplePath } from './fixtures.js'

const node = (args: ReadonlyArray<string>) => {
  // standard input is /dev/null: were its stream made, it would be a file stream (node:internal/fs/streams)
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env['PATH'] ?? '' } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('the bin', () => {
  it('runs batch on worker threads from a folder whose name has # and % in it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'account-closure-bin-')), 'a#b %20c')
    mkdirSync(dir)
    copyFileSync('dist/cli.cjs', join(dir, 'cli.cjs'))
    copyFileSync('dist/cli-more.cjs', join(dir, 'cli-more.cjs'))
    const lines = join(dir, 'lines.ndjson')
    writeFileSync(lines, `${JSON.stringify(exampleJson('closable-freelancer'))}\n`.repeat(600))
    const r = node([join(dir, 'cli.cjs'), 'batch', '--jobs', '2', lines])
    expect(r.stderr).toBe('account-closure: 600 lines: 600 closable, 0 blocked, 0 invalid\n')
    expect(r.code).toBe(0)
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(600)
  })

  it('the argument worker threads are started with is, on a command line, an unknown option (64)', () => {
    const r = node(['dist/cli.cjs', '--account-closure-batch-worker'])
    expect(r.code).toBe(64)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('unknown command: --account-closure-batch-worker')
  })

  it('check FILE loads neither node:worker_threads nor node:fs/promises, nor standard input', () => {
    const preload = join(mkdtempSync(join(tmpdir(), 'account-closure-bin-')), 'modules.cjs')
    writeFileSync(preload, "process.on('exit', () => process.stderr.write('\\n' + JSON.stringify(process.moduleLoadList)))\n")
    const r = node(['-r', preload, resolve('dist/cli.cjs'), 'check', examplePath('closable-freelancer')])
    expect(r.code).toBe(0)
    const loaded = JSON.parse(r.stderr.trim().split('\n').pop() ?? '[]') as ReadonlyArray<string>
    expect(loaded).toContain('NativeModule fs')
    for (const m of ['NativeModule worker_threads', 'NativeModule fs/promises', 'NativeModule internal/fs/streams', 'NativeModule internal/modules/esm/loader'])
      expect(loaded).not.toContain(m)
  })

  it('check FILE without --rules runs from the first file alone; batch and --rules load the second', () => {
    const dir = mkdtempSync(join(tmpdir(), 'account-closure-bin-'))
    copyFileSync('dist/cli.cjs', join(dir, 'cli.cjs'))
    const alone = node([join(dir, 'cli.cjs'), 'check', '--json', examplePath('busy-freelancer')])
    expect(alone.code).toBe(1)
    expect(alone.stderr).toBe('')
    expect(alone.stdout).toBe(node(['dist/cli.cjs', 'check', '--json', examplePath('busy-freelancer')]).stdout)
    // without the second file, what needs it fails as the command's own fault (70), naming the file
    const rules = node([join(dir, 'cli.cjs'), 'check', '--rules', resolve('examples/rules/open-ticket.mjs'), examplePath('busy-freelancer')])
    expect(rules.code).toBe(70)
    expect(rules.stderr).toContain('cli-more.cjs')
    const batch = node([join(dir, 'cli.cjs'), 'batch', '--jobs', '1', examplePath('busy-freelancer')])
    expect(batch.code).toBe(70)
    expect(batch.stderr).toContain('cli-more.cjs')
  })

  it('started through a symbolic link whose path is kept (--preserve-symlinks-main), it finds its second file', () => {
    const top = mkdtempSync(join(tmpdir(), 'account-closure-bin-'))
    mkdirSync(join(top, 'real'))
    mkdirSync(join(top, 'bin'))
    for (const f of ['cli.cjs', 'cli-more.cjs']) copyFileSync(join('dist', f), join(top, 'real', f))
    symlinkSync(join(top, 'real', 'cli.cjs'), join(top, 'bin', 'account-closure'))
    const lines = join(top, 'lines.ndjson')
    writeFileSync(lines, `${JSON.stringify(exampleJson('busy-freelancer'))}\n`)
    const r = node(['--preserve-symlinks-main', join(top, 'bin', 'account-closure'), 'batch', '--jobs', '1', lines])
    expect(r.stderr).toBe('account-closure: 1 line: 0 closable, 1 blocked, 0 invalid\n')
    expect(r.code).toBe(0)
  })
})
