/**
 * The human report of a verdict, for a terminal.
 *
 * @internal
 */
import type { Verdict } from '../verdict/verdict.js'
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

const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`

type Scoped = { readonly scope?: { readonly _tag: string; readonly companyId?: string; readonly agencyId?: string } }

const scopeTitle = (b: Scoped): string => {
  const s = b.scope
  if (s === undefined) return 'Account'
  if (s._tag === 'Freelancer') return 'Freelancer work'
  return escapeText(s._tag === 'Company' ? `Company ${s.companyId ?? ''}` : `Agency ${s.agencyId ?? ''}`)
}

const what = (v: Verdict): string =>
  v.target._tag === 'Agency' ? `agency ${escapeText(v.target.agencyId)}` : 'the account'

/** Verdict first, blockers grouped by scope, numbered steps, consequences. */
export const report = (v: Verdict, asOf: string, style: Style): string => {
  const lines: Array<string> = []
  const n = v.blockers.length
  lines.push(
    v.closable
      ? `${style.green(style.bold('CLOSABLE'))}  ${what(v)} can be closed now (${v.path}).`
      : `${style.red(style.bold('BLOCKED'))}  ${what(v)} cannot be closed yet: ${n} blocker${n === 1 ? '' : 's'} (${v.path}).`,
  )
  lines.push(style.dim(`As of ${when(asOf)}.`))
  if (!v.closable)
    lines.push(
      v.earliestAt === null
        ? `Earliest possible: ${style.yellow('not up to you')} (someone else has to act first).`
        : `Earliest possible: ${style.bold(when(v.earliestAt))}, once the steps below are done.`,
    )
  if (n > 0) {
    lines.push('', style.bold('Blockers'))
    const groups = new Map<string, Array<string>>()
    for (const b of v.blockers) {
      const title = scopeTitle(b as Scoped)
      const list = groups.get(title) ?? []
      list.push(`    - ${escapeText(b.message)} ${style.dim(`[${escapeText(b.rule)}]`)}`)
      groups.set(title, list)
    }
    for (const [title, list] of groups) {
      lines.push(`  ${title}`)
      // one at a time: a spread of a long list would overflow the stack
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
