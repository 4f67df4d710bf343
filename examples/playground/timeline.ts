/**
 * The plan as a picture: a time axis from `asOf` through each wait to the earliest close, with the
 * steps that can be done now under "now" and every other step under the wait it follows.
 */
import type { Verdict } from 'account-closure'

const NS = 'http://www.w3.org/2000/svg'
const COLUMN = 230
const ROW = 18
const TOP = 74
const VERTICAL_WIDTH = 300

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

const label = (i: number, last: boolean): string => (i === 0 ? 'now' : last ? 'wait · earliest close' : 'wait')
const dot = (i: number, last: boolean): string => (i === 0 ? '#1a7f37' : last ? '#b42318' : '#8a5a00')

/**
 * An SVG (role img, named "Plan timeline") for a plan that has a wait: left to right when that
 * fits in `room` pixels, top to bottom otherwise (a phone, or many waits), so that it is drawn
 * at its own size or near it, never shrunk to an unreadable one. `data-across` holds the width
 * the left-to-right drawing needs.
 */
export const timeline = (
  doc: Document,
  v: Verdict,
  show: (iso: string) => string,
  showAsOf: (iso: string) => string,
  room: number,
): SVGSVGElement => {
  const cols = columns(v, show, showAsOf)
  const across = cols.length * COLUMN + 20
  const vertical = across > room
  const waits = cols.length - 1
  const step = (s: Step, x: number, y: number): SVGTextElement => {
    const t = el(doc, 'text', { x, y, 'font-size': 11, fill: '#1b1f24' }, clip(s.message, 36))
    t.append(el(doc, 'title', {}, s.message))
    return t
  }
  let width: number
  let height: number
  const parts: Array<SVGElement> = []
  if (vertical) {
    width = VERTICAL_WIDTH
    let y = 16
    const heads: Array<number> = []
    cols.forEach((c, i) => {
      const last = i === cols.length - 1
      heads.push(y)
      parts.push(el(doc, 'circle', { cx: 16, cy: y, r: 6, fill: dot(i, last) }))
      parts.push(el(doc, 'text', { x: 30, y: y + 4, 'font-size': 12, 'font-weight': 600, fill: '#1b1f24' }, label(i, last)))
      parts.push(el(doc, 'text', { x: 30, y: y + 19, 'font-size': 11, fill: '#57606a' }, c.title))
      c.steps.forEach((s, j) => parts.push(step(s, 34, y + 38 + j * ROW)))
      y += 38 + c.steps.length * ROW + 8
    })
    height = y
    parts.unshift(el(doc, 'line', { x1: 16, y1: heads[0] ?? 16, x2: 16, y2: heads[heads.length - 1] ?? 16, stroke: '#57606a', 'stroke-width': 1.5 }))
  } else {
    const rows = cols.reduce((m, c) => Math.max(m, c.steps.length), 1)
    width = across
    height = TOP + rows * ROW + 16
    parts.push(el(doc, 'line', { x1: 20, y1: 44, x2: width - 20, y2: 44, stroke: '#57606a', 'stroke-width': 1.5 }))
    cols.forEach((c, i) => {
      const x = 20 + i * COLUMN
      const last = i === cols.length - 1
      parts.push(el(doc, 'circle', { cx: x, cy: 44, r: 6, fill: dot(i, last) }))
      parts.push(el(doc, 'text', { x: x + 10, y: 22, 'font-size': 12, 'font-weight': 600, fill: '#1b1f24' }, label(i, last)))
      parts.push(el(doc, 'text', { x: x + 10, y: 37, 'font-size': 11, fill: '#57606a' }, c.title))
      c.steps.forEach((s, j) => parts.push(step(s, x + 4, TOP + j * ROW)))
    })
  }
  const svg = el(doc, 'svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: `timeline${vertical ? ' vertical' : ''}`, width, height })
  svg.setAttribute(
    'aria-label',
    `Plan timeline: ${cols[0]?.steps.length ?? 0} steps now, then ${waits} wait${waits === 1 ? '' : 's'} until ${cols[cols.length - 1]?.title ?? ''}, the earliest close`,
  )
  svg.setAttribute('data-across', String(across))
  for (const p of parts) svg.append(p)
  return svg
}
