/**
 * The plan as a picture: a time axis from `asOf` through each wait to the earliest close, with the
 * steps that can be done now under "now" and every other step under the wait it follows.
 */
import type { Verdict } from 'account-closure'

const NS = 'http://www.w3.org/2000/svg'
const COLUMN = 230
const ROW = 18
const TOP = 74

type Step = Verdict['steps'][number]

interface Column {
  readonly at: string
  readonly title: string
  readonly steps: Array<Step>
}

/** The plan cut at its waits: what is done now, then what follows each wait. */
export const columns = (v: Verdict, show: (iso: string) => string, showAsOf: (iso: string) => string): ReadonlyArray<Column> => {
  const out: Array<Column> = [{ at: v.asOf, title: showAsOf(v.asOf), steps: [] }]
  for (const s of v.steps) {
    if (s._tag === 'WaitUntil') out.push({ at: s.at, title: show(s.at), steps: [] })
    else (out[out.length - 1] as Column).steps.push(s)
  }
  return out
}

const el = <K extends keyof SVGElementTagNameMap>(doc: Document, name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] => {
  const e = doc.createElementNS(NS, name)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v))
  if (text !== undefined) e.textContent = text
  return e
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** An SVG (role img, named "Plan timeline") for a plan that has a wait. */
export const timeline = (
  doc: Document,
  v: Verdict,
  show: (iso: string) => string,
  showAsOf: (iso: string) => string,
): SVGSVGElement => {
  const cols = columns(v, show, showAsOf)
  const rows = Math.max(1, ...cols.map((c) => c.steps.length))
  const width = cols.length * COLUMN + 20
  const height = TOP + rows * ROW + 16
  const waits = cols.length - 1
  const svg = el(doc, 'svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'timeline', width, height })
  svg.setAttribute(
    'aria-label',
    `Plan timeline: ${cols[0]?.steps.length ?? 0} steps now, then ${waits} wait${waits === 1 ? '' : 's'} until ${cols[cols.length - 1]?.title ?? ''}, the earliest close`,
  )
  svg.append(el(doc, 'line', { x1: 20, y1: 44, x2: width - 20, y2: 44, stroke: '#57606a', 'stroke-width': 1.5 }))
  cols.forEach((c, i) => {
    const x = 20 + i * COLUMN
    const last = i === cols.length - 1
    svg.append(el(doc, 'circle', { cx: x, cy: 44, r: 6, fill: i === 0 ? '#1a7f37' : last ? '#b42318' : '#8a5a00' }))
    svg.append(el(doc, 'text', { x: x + 10, y: 22, 'font-size': 12, 'font-weight': 600, fill: '#1b1f24' }, i === 0 ? 'now' : last ? 'wait · earliest close' : 'wait'))
    svg.append(el(doc, 'text', { x: x + 10, y: 37, 'font-size': 11, fill: '#57606a' }, c.title))
    c.steps.forEach((s, j) => {
      const t = el(doc, 'text', { x: x + 4, y: TOP + j * ROW, 'font-size': 11, fill: '#1b1f24' }, clip(s.message, 36))
      t.append(el(doc, 'title', {}, s.message))
      svg.append(t)
    })
  })
  return svg
}
