/**
 * The command line: the only part of the package that reads files, a clock-free process's
 * standard streams, and prints.
 *
 * @internal
 */
import { readFile } from 'node:fs/promises'
import type { Readable, Writable } from 'node:stream'

import { version } from '../../package.json'
import { decodeSnapshot } from '../model/decode.js'
import { agencyTarget } from '../model/Target.js'
import { verdict } from '../verdict/verdict.js'
import { parseArgs, USAGE } from './args.js'
import { batch } from './batch.js'
import { colours, plain, report } from './report.js'

export interface Io {
  readonly stdin: Readable
  readonly stdout: Writable & { readonly isTTY?: boolean }
  readonly stderr: Writable
  readonly env: Readonly<Record<string, string | undefined>>
}

export const EXIT = { closable: 0, blocked: 1, invalid: 2, usage: 64, noInput: 66, internal: 70 } as const

const readAll = async (stream: Readable): Promise<string> => {
  const chunks: Array<Buffer> = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}

const describeReadError = (file: string, e: unknown): string => {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : ''
  return code === 'ENOENT'
    ? `no such file: ${file}`
    : code === 'EISDIR'
      ? `${file} is a folder, not a file`
      : `cannot read ${file}${code === '' ? '' : ` (${code})`}`
}

/** Runs the command line; resolves to the exit status. Never throws for bad input. */
export const run = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const say = (stream: Writable, text: string) => stream.write(text.endsWith('\n') ? text : `${text}\n`)
  const parsed = parseArgs(argv)
  if (parsed._tag === 'Left') {
    say(io.stderr, `account-closure: ${parsed.left}\n\n${USAGE}`)
    return EXIT.usage
  }
  const command = parsed.right
  switch (command._tag) {
    case 'Help':
      say(io.stdout, USAGE)
      return 0
    case 'Version':
      say(io.stdout, version)
      return 0
    case 'Batch': {
      let input: Readable = io.stdin
      if (command.file !== '-') {
        const { createReadStream } = await import('node:fs')
        const stream = createReadStream(command.file)
        const opened = await new Promise<unknown>((resolve) => {
          stream.once('open', () => resolve(undefined))
          stream.once('error', (e) => resolve(e))
        })
        if (opened !== undefined) {
          say(io.stderr, `account-closure: ${describeReadError(command.file, opened)}`)
          return EXIT.noInput
        }
        input = stream
      }
      return (await batch(input, io.stdout)) ? 0 : EXIT.invalid
    }
    case 'Check': {
      let text: string
      try {
        text = command.file === '-' ? await readAll(io.stdin) : await readFile(command.file, 'utf8')
      } catch (e) {
        say(io.stderr, `account-closure: ${describeReadError(command.file, e)}`)
        return EXIT.noInput
      }
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch (e) {
        say(io.stderr, `account-closure: the snapshot is not JSON: ${e instanceof Error ? e.message : String(e)}`)
        return EXIT.invalid
      }
      const decoded = decodeSnapshot(json)
      if (decoded._tag === 'Left') {
        for (const err of decoded.left) say(io.stderr, err.message)
        return EXIT.invalid
      }
      const target = command.agency === undefined ? undefined : agencyTarget(command.agency)
      const v = verdict(decoded.right, target)
      if (command.json) say(io.stdout, JSON.stringify(v, null, 2))
      else {
        const colour = io.stdout.isTTY === true && (io.env['NO_COLOR'] ?? '') === ''
        say(io.stdout, report(v, new Date(decoded.right.asOf).toISOString(), colour ? colours : plain))
      }
      return v.closable ? EXIT.closable : EXIT.blocked
    }
  }
}

