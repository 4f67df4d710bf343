/**
 * The readable report of a verdict, for a terminal. Everything taken from the input is escaped.
 *
 * @internal
 */
import { instant } from '../model/Instant.js'
import { formatIn } from '../engine/Format.js'
import type { Format, Names } from '../engine/Format.js'
import { agencyScope } from '../model/Scope.js'
import type { Scope } from '../model/Scope.js'
import type { Verdict } from '../closure/verdict.js'
import { escapeText } from './escape.js'

export interface Style {
  readonly bold: (s: string) => string
  readonly dim: (s: string) => string
  readonly red: (s: string) => string
  readonly green: (s: string) => string
  readonly yellow: (s: string) => string
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`
export const colours: Style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
}
const id = (s: string): string => s
export const plain: Style = { bold: id, dim: id, red: id, green: id, yellow: id }

/** A group's title: `Freelancer work`, `Company Acme`, `Agency ag-1`. */
const scopeTitle = (s: Scope | undefined, f: Format): string => {
  if (s === undefined) return 'Account'
  if (s._tag === 'Freelancer') return 'Freelancer work'
  const words = f.scopeWithKind(s).replace(/^the /, '')
  return escapeText(`${words.charAt(0).toUpperCase()}${words.slice(1)}`)
}

/** What is being closed, as a person says it: `your account`, `the agency Studio`. */
const what = (v: Verdict, f: Format): string =>
  v.target._tag === 'Agency' ? escapeText(f.scopeWithKind(agencyScope(v.target.agencyId))) : 'your account'

/**
 * The first line's words: closable or blocked, and by how many things, in words a person uses
 * (`You can close your account now.`, `Closing the agency Studio is blocked by 3 things.`).
 */
const headline = (v: Verdict, f: Format, style: Style): string => {
  const n = v.blockers.length
  const how = v.path === 'LeaveTeams' ? ' by leaving your teams' : ''
  return v.closable
    ? `${style.green(style.bold('CLOSABLE'))}  You can close ${what(v, f)} now${how}.`
    : `${style.red(style.bold('BLOCKED'))}  Closing ${what(v, f)}${how} is blocked by ${n} thing${n === 1 ? '' : 's'}.`
}

/**
 * Verdict first (and when at the earliest), alternatives to weigh, blockers grouped by scope,
 * numbered steps, consequences. Instants in `timeZone` (UTC unless named), rounded toward blocked;
 * companies and agencies by their names in `names` (the snapshot), as the verdict's words name them.
 */
export const report = (v: Verdict, style: Style, timeZone = 'UTC', names?: Names): string => {
  const f = formatIn(timeZone, names)
  const at = (iso: string): string => f.instant(instant(Date.parse(iso)))
  const lines: Array<string> = []
  const n = v.blockers.length
  lines.push(headline(v, f, style))
  lines.push(style.dim(`As of ${f.asOf(instant(Date.parse(v.asOf)))}.`))
  if (!v.closable) {
    if (v.earliestAt === null && v.steps.length === 0)
      lines.push(`Earliest possible: ${style.yellow('never')} (no step clears what blocks it).`)
    else if (v.earliestAt === null) lines.push(`Earliest possible: ${style.yellow('not up to you')} (someone else has to act first).`)
    else if (v.earliestAtMayMove)
      lines.push(
        `Earliest possible: ${style.bold(at(v.earliestAt))} at the earliest, once the steps below are done; ` +
          `it may move later: ${escapeText(v.mayMoveBecause.join(' '))}`,
      )
    else lines.push(`Earliest possible: ${style.bold(at(v.earliestAt))}, once the steps below are done.`)
  }
  if (v.path === 'LeaveTeams')
    lines.push('The account closes when you leave your last team, or are removed from it.')
  if (v.alternatives.length > 0) {
    lines.push('', style.bold('Before you decide'))
    for (const a of v.alternatives) lines.push(`  - ${escapeText(a.message)}`)
  }
  if (n > 0) {
    lines.push('', style.bold('Blockers'))
    const groups = new Map<string, Array<string>>()
    for (const b of v.blockers) {
      const title = scopeTitle(b.scope, f)
      const list = groups.get(title) ?? []
      list.push(`    - ${escapeText(b.message)} ${style.dim(`[${escapeText(b.rule)}]`)}`)
      groups.set(title, list)
    }
    for (const [title, list] of groups) {
      lines.push(`  ${title}`)
      // one at a time: spreading a long list would overflow the stack
      for (const line of list) lines.push(line)
    }
  }
  if (v.steps.length > 0) {
    lines.push('', style.bold('Steps'))
    const width = String(v.steps.length).length
    v.steps.forEach((s, i) => {
      const label = s.kind === 'procedure' ? '' : ` ${style.dim(`(${s.kind})`)}`
      const text = s.kind === 'wait' ? style.yellow(escapeText(s.message)) : escapeText(s.message)
      lines.push(`  ${String(i + 1).padStart(width)}. ${text}${label}`)
    })
  }
  if (v.consequences.length > 0) {
    lines.push('', style.bold('What closing does'))
    for (const c of v.consequences) lines.push(`  - ${escapeText(c.message)}`)
  }
  return `${lines.join('\n')}\n`
}
