/**
 * The command line's `run`, in process, with fake streams: colour only on a terminal, never
 * with NO_COLOR.
 */
import { readFileSync } from 'node:fs'
import { PassThrough, Readable } from 'node:stream'

import { describe, expect, it } from 'vitest'

import { run } from '../src/cli/run.js'
import { examplePath } from './fixtures.js'

const collect = (isTTY: boolean) => {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean }
  stream.isTTY = isTTY
  let text = ''
  stream.on('data', (c: Buffer) => (text += c.toString()))
  return { stream, text: () => text }
}

const check = async (isTTY: boolean, env: Record<string, string>) => {
  const out = collect(isTTY)
  const err = collect(false)
  const code = await run(['check', '-'], {
    stdin: Readable.from([readFileSync(examplePath('busy-freelancer'), 'utf8')]),
    stdout: out.stream,
    stderr: err.stream,
    env,
  })
  return { code, stdout: out.text() }
}

describe('run', () => {
  it('colours the report on a terminal', async () => {
    const r = await check(true, {})
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('\u001b[31m\u001b[1mBLOCKED')
  })
  it('never colours with NO_COLOR', async () => {
    expect((await check(true, { NO_COLOR: '1' })).stdout).not.toContain('\u001b[')
  })
  it('never colours when the output is not a terminal', async () => {
    expect((await check(false, {})).stdout).not.toContain('\u001b[')
  })
})

describe('check and batch at a terminal', () => {
  /** The command run with standard input a terminal that holds `typed`; its status, output and errors. */
  const atTerminal = async (args: ReadonlyArray<string>, typed?: string) => {
    const out = collect(false)
    const err = collect(false)
    const stdin = Object.assign(new PassThrough(), { isTTY: true })
    if (typed !== undefined) stdin.end(typed)
    const code = await run(args, { stdin, stdout: out.stream, stderr: err.stream, env: {} })
    return { code, out: out.text(), err: err.text() }
  }

  it('with no FILE, says how to use it instead of waiting', async () => {
    const r = await atTerminal(['check'])
    expect(r.code).toBe(64)
    expect(r.err).toContain('name a file, or pipe one in')
  })

  it('batch with no FILE says how to use it too; with -, it reads the terminal as asked', async () => {
    const r = await atTerminal(['batch'])
    expect(r.code).toBe(64)
    expect(r.err).toContain('batch reads NDJSON from FILE, or from standard input: name a file, or pipe one in')
    const asked = await atTerminal(['batch', '-'], '{}\n')
    // (the line it read is no snapshot: its record says so, and the batch ends with 2)
    expect(asked.code).toBe(2)
    expect(asked.out).toMatch(/^\{"line":1,.*"error":"invalid"/)
  })
})
