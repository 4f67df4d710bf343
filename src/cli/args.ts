/**
 * Command-line arguments: parsed into a command, or a usage error.
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'

export type Command =
  | { readonly _tag: 'Help' }
  | { readonly _tag: 'Version' }
  | { readonly _tag: 'Check'; readonly file: string; readonly agency: string | undefined; readonly json: boolean }
  | { readonly _tag: 'Batch'; readonly file: string }

export const USAGE = `Usage:
  account-closure check [FILE|-] [--agency ID] [--json]
  account-closure batch [FILE|-]
  account-closure --help | --version

check   Reads one account snapshot (JSON) from FILE, or from standard input for - or no FILE,
        and tells whether the account (or, with --agency, that agency) can be closed now,
        what blocks it, and the ordered steps until it can.
          --agency ID   close the agency ID instead of the whole account
          --json        print the verdict as JSON and nothing else
batch   Reads snapshots as NDJSON (one per line) and writes one JSON summary per line.

Exit status: 0 closable, 1 blocked, 2 invalid snapshot, 64 wrong usage, 66 unreadable input.
For batch: 0 when every line was a valid snapshot, 2 when some were not.`

export const parseArgs = (argv: ReadonlyArray<string>): E.Either<string, Command> => {
  if (argv.includes('--help') || argv.includes('-h')) return E.right({ _tag: 'Help' })
  if (argv.includes('--version') || argv.includes('-V')) return E.right({ _tag: 'Version' })
  const [command, ...rest] = argv
  if (command === undefined) return E.left('a command is required')
  if (command !== 'check' && command !== 'batch') return E.left(`unknown command: ${command}`)
  const files: Array<string> = []
  let agency: string | undefined
  let json = false
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string
    if (command === 'check' && arg === '--json') json = true
    else if (command === 'check' && (arg === '--agency' || arg.startsWith('--agency='))) {
      const value = arg === '--agency' ? rest[++i] : arg.slice('--agency='.length)
      if (value === undefined || value === '') return E.left('--agency needs an agency id')
      agency = value
    } else if (arg.startsWith('-') && arg !== '-') return E.left(`unknown option: ${arg}`)
    else files.push(arg)
  }
  if (files.length > 1) return E.left(`one snapshot file at most, got ${files.length}`)
  const file = files[0] ?? '-'
  return E.right(command === 'check' ? { _tag: 'Check', file, agency, json } : { _tag: 'Batch', file })
}
