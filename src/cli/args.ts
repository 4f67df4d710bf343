/**
 * Command-line arguments: parsed into a command, or a usage error.
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'

import type { BillingCycleEnd } from '../model/facts.js'

export interface Common {
  /** The input file; undefined when none was named (standard input). */
  readonly file: string | undefined
  readonly agency: string | undefined
  readonly billingCycleEnd: BillingCycleEnd
  /** An ES module of rules of one's own (`--rules`), run after the default rules. */
  readonly rules: string | undefined
}

export type Command =
  | { readonly _tag: 'Help' }
  | { readonly _tag: 'Version' }
  | ({ readonly _tag: 'Check'; readonly json: boolean; readonly timeZone: string } & Common)
  | ({
      readonly _tag: 'Batch'
      readonly maxLineBytes: number
      /** How many threads answer lines; undefined: as many as the machine has cores. */
      readonly jobs: number | undefined
    } & Common)

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024
/** The most threads `batch` uses unless told otherwise, and the most it can be told. */
export const MAX_JOBS = 8
const MAX_JOBS_ASKED = 64

/** Above this, one line could not be held as one string. */
const MAX_LINE_BYTES = 500 * 1024 * 1024

export const USAGE = `Usage:
  account-closure check [FILE|-] [--agency ID] [--json] [--tz ZONE] [--cycle-ends week|invoice] [--rules MODULE]
  account-closure batch [FILE|-] [--agency ID] [--cycle-ends week|invoice] [--max-line-bytes N] [--jobs N] [--rules MODULE]
  account-closure --help | --version

check   Reads one account snapshot (JSON) from FILE, or from standard input for - or no FILE,
        and tells whether the account (or, with --agency, that agency) can be closed now,
        what blocks it, and the ordered steps until it can.
          --agency ID            close the agency ID instead of the whole account
          --json                 print the verdict as JSON and nothing else
          --tz ZONE              show instants in an IANA time zone (Europe/Berlin); UTC by default
          --cycle-ends week      an ended hourly contract's billing cycle ends with its week (default)
          --cycle-ends invoice   ... or when that week is invoiced, Monday 12:00 UTC
          --rules MODULE         also run the rules an ES module exports (default export: a rule
                                 made with defineRule, or a list of them), after the default rules
batch   Reads snapshots as NDJSON (one per line) and writes one JSON record per non-empty line.
          --max-line-bytes N     a longer line gets a too-large record (default 64 MiB)
          --jobs N               answer lines on N threads (default: one per core, at most ${MAX_JOBS});
                                 the output is the same, in the same order
          --rules MODULE         as for check; a rule that fails gets a rule-failed record

Exit status: 0 closable, 1 blocked, 2 invalid snapshot, 64 wrong usage (or a rules module that
does not load), 66 unreadable input or rules module, 70 a rule (or the command) failed,
74 output that cannot be written.
For batch: 0 when every line was answered, 2 when some line was invalid, 70 when a rule failed.`

type Spec = { readonly takesValue: boolean }
const OPTIONS: { readonly [C in 'check' | 'batch']: Readonly<Record<string, Spec>> } = {
  check: {
    '--agency': { takesValue: true },
    '--json': { takesValue: false },
    '--tz': { takesValue: true },
    '--cycle-ends': { takesValue: true },
    '--rules': { takesValue: true },
  },
  batch: {
    '--agency': { takesValue: true },
    '--cycle-ends': { takesValue: true },
    '--max-line-bytes': { takesValue: true },
    '--jobs': { takesValue: true },
    '--rules': { takesValue: true },
  },
}

const isHelp = (a: string): boolean => a === '--help' || a === '-h'
const isVersion = (a: string): boolean => a === '--version' || a === '-V'

/** Whether a time zone is one `Intl` knows (UTC without asking it: building a format costs time). */
export const knownTimeZone = (zone: string): boolean => {
  if (zone === 'UTC') return true
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export const parseArgs = (argv: ReadonlyArray<string>): E.Either<string, Command> => {
  const [command, ...rest] = argv
  if (command === undefined) return E.left('a command is required')
  if (isHelp(command)) return E.right({ _tag: 'Help' })
  if (isVersion(command)) return E.right({ _tag: 'Version' })
  if (command !== 'check' && command !== 'batch') return E.left(`unknown command: ${command}`)
  const specs = OPTIONS[command]
  const values = new Map<string, string>()
  const files: Array<string> = []
  let optionsEnded = false
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      files.push(arg)
      continue
    }
    if (arg === '--') {
      optionsEnded = true
      continue
    }
    if (isHelp(arg)) return E.right({ _tag: 'Help' })
    if (isVersion(arg)) return E.right({ _tag: 'Version' })
    const eq = arg.indexOf('=')
    const name = eq === -1 ? arg : arg.slice(0, eq)
    const spec = specs[name]
    if (spec === undefined) return E.left(`unknown option for ${command}: ${name}`)
    if (values.has(name)) return E.left(`${name} is given twice`)
    if (!spec.takesValue) {
      if (eq !== -1) return E.left(`${name} takes no value`)
      values.set(name, '')
      continue
    }
    // a value never is the next option: --agency --json is a missing value
    const value = eq !== -1 ? arg.slice(eq + 1) : rest[i + 1]
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('-')))
      return E.left(
        `${name} needs a value${eq === -1 && value !== undefined && value !== '' ? ` (found the option ${value}; write ${name}=VALUE for a value that starts with -)` : ''}`,
      )
    if (eq === -1) i++
    values.set(name, value)
  }
  if (files.length > 1) return E.left(`one snapshot file at most, got ${files.length}`)

  const cycle = values.get('--cycle-ends') ?? 'week'
  if (cycle !== 'week' && cycle !== 'invoice') return E.left(`--cycle-ends takes week or invoice, not ${cycle}`)
  const common: Common = {
    file: files[0],
    agency: values.get('--agency'),
    billingCycleEnd: cycle === 'week' ? 'week-end' : 'client-invoice',
    rules: values.get('--rules'),
  }
  if (command === 'check') {
    const timeZone = values.get('--tz') ?? 'UTC'
    if (!knownTimeZone(timeZone)) return E.left(`unknown time zone: ${timeZone} (an IANA name such as Europe/Berlin)`)
    return E.right({ _tag: 'Check', ...common, json: values.has('--json'), timeZone })
  }
  const max = values.get('--max-line-bytes')
  if (max !== undefined && !(/^[1-9][0-9]{0,9}$/.test(max) && Number(max) <= MAX_LINE_BYTES))
    return E.left(`--max-line-bytes takes a whole number of bytes from 1 to ${MAX_LINE_BYTES}, not ${max}`)
  const jobs = values.get('--jobs')
  if (jobs !== undefined && !(/^[1-9][0-9]?$/.test(jobs) && Number(jobs) <= MAX_JOBS_ASKED))
    return E.left(`--jobs takes a whole number from 1 to ${MAX_JOBS_ASKED}, not ${jobs}`)
  return E.right({
    _tag: 'Batch',
    ...common,
    maxLineBytes: max === undefined ? DEFAULT_MAX_LINE_BYTES : Number(max),
    jobs: jobs === undefined ? undefined : Number(jobs),
  })
}
