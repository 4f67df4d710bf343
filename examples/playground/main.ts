/**
 * The playground: a snapshot editor evaluated as you type, on the library itself, in the page.
 */
import { agencyTarget, formatIn, parseInstant, readSnapshotText, verdict } from './lib.js'
import type { DecodeError, Format, Names, Scope, Target, Verdict } from './lib.js'
import { linesOf } from './locate.js'
import { timeline } from './timeline.js'
import { digest } from './digest.js'

declare const __EXAMPLES__: ReadonlyArray<{ readonly name: string; readonly text: string }>

const $ = <E extends HTMLElement>(id: string): E => document.getElementById(id) as E
const editor = $<HTMLTextAreaElement>('snapshot')
const gutter = $<HTMLPreElement>('gutter')
const errorsBox = $<HTMLDivElement>('errors')
const out = $<HTMLElement>('verdict')
const exampleMenu = $<HTMLSelectElement>('example')
const targetMenu = $<HTMLSelectElement>('target')
const zoneMenu = $<HTMLSelectElement>('zone')

const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
  for (const c of children) e.append(c)
  return e
}
/** Appends `items` one by one (never spread: a list may hold a million entries). */
const fill = <E extends Node>(parent: E, items: Iterable<Node | string>): E => {
  const f = document.createDocumentFragment()
  for (const i of items) f.append(i)
  parent.appendChild(f)
  return parent
}
function* mapped<A>(xs: Iterable<A>, f: (a: A, i: number) => Node | string): Iterable<Node | string> {
  let i = 0
  for (const x of xs) yield f(x, i++)
}

// -------------------------------------------------------------------------------------
// the link: #snapshot=<base64url of the UTF-8 text>
// -------------------------------------------------------------------------------------

const toBase64Url = (text: string): string => {
  let bin = ''
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
const fromBase64Url = (s: string): string | undefined => {
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'))
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))
  } catch {
    return undefined
  }
}

// -------------------------------------------------------------------------------------
// rendering
// -------------------------------------------------------------------------------------

/** A group's title, as the words name it: `Freelancer work`, `Company Acme`, `Agency ag-1`. */
const scopeTitle = (s: Scope | undefined, f: Format): string => {
  if (s === undefined) return 'Account'
  if (s._tag === 'Freelancer') return 'Freelancer work'
  const words = f.scopeWithKind(s).replace(/^the /, '')
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`
}

const render = (v: Verdict, zone: string, names: Names): void => {
  const f = formatIn(zone, names)
  const show = (iso: string): string => {
    const i = parseInstant(iso, 'up')
    return i === undefined ? iso : f.instant(i)
  }
  const showAsOf = (iso: string): string => {
    const i = parseInstant(iso)
    return i === undefined ? iso : f.asOf(i)
  }
  const n = v.blockers.length
  // what is closed, as a person says it: "your account", "the agency Studio"
  const what = v.target._tag === 'Agency' ? f.scopeWithKind({ _tag: 'Agency', agencyId: v.target.agencyId }) : 'your account'
  const how = v.path === 'LeaveTeams' ? ' by leaving your teams' : ''
  const headline = v.closable
    ? h('p', { class: 'headline closable' }, `Closable: you can close ${what} now${how}.`)
    : h('p', { class: 'headline blocked' }, `Blocked: closing ${what}${how} is blocked by ${n} thing${n === 1 ? '' : 's'}.`)
  const earliest =
    v.earliestAt === null
      ? 'Earliest close: not up to the user (someone else must act, or there is no such agency).'
      : v.earliestAtMayMove
        ? `Earliest close: ${show(v.earliestAt)} at the earliest; it may move later: ${v.mayMoveBecause.join(' ')}`
        : `Earliest close: ${show(v.earliestAt)}.`
  const parts: Array<Node> = [h('h2', {}, 'Verdict'), headline, h('p', { class: 'meta' }, `As of ${showAsOf(v.asOf)}. ${v.closable ? '' : earliest}`)]

  if (v.alternatives.length > 0) parts.push(h('h3', {}, 'Before you decide'), fill(h('ul'), mapped(v.alternatives, (a) => h('li', {}, a.message))))

  if (n > 0) {
    parts.push(h('h3', {}, 'Blockers'))
    const groups = new Map<string, Array<Verdict['blockers'][number]>>()
    for (const b of v.blockers) {
      const title = scopeTitle(b.scope, f)
      const list = groups.get(title)
      if (list === undefined) groups.set(title, [b])
      else list.push(b)
    }
    for (const [title, list] of groups)
      parts.push(h('h4', {}, title), fill(h('ul', { class: 'blockers' }), mapped(list, (b) => h('li', {}, b.message, ' ', h('span', { class: 'rule' }, `[${b.rule}]`)))))
  }

  if (v.steps.some((s) => s._tag === 'WaitUntil')) parts.push(h('h3', {}, 'Timeline'), timeline(document, v, show, showAsOf, out.clientWidth))

  if (v.steps.length > 0)
    parts.push(
      h('h3', {}, 'Steps'),
      fill(h('ol', { class: 'steps' }), mapped(v.steps, (s) => h('li', {}, s.message, h('span', { class: `kind ${s.kind}` }, s.kind)))),
    )
  if (v.consequences.length > 0) parts.push(h('h3', {}, 'What closing does'), fill(h('ul'), mapped(v.consequences, (c) => h('li', {}, c.message))))

  const json = JSON.stringify(v, null, 2)
  const copy = h('button', { type: 'button' }, 'Copy JSON')
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(json).then(
      () => (copy.textContent = 'Copied'),
      () => (copy.textContent = 'Copy failed'),
    )
  })
  parts.push(h('div', { class: 'json-head' }, h('h3', {}, 'Verdict JSON'), copy), h('pre', { class: 'json', tabindex: '0', 'aria-label': 'Verdict JSON' }, json))
  out.replaceChildren()
  fill(out, parts)
}

/** The lines of the text and those with an error, for the gutter. */
let gutterLines = 1
let gutterBad: ReadonlySet<number> = new Set()

/**
 * Line numbers beside the text, the lines with an error marked. Only the lines in view are
 * drawn (a text of 150 000 lines costs what a screenful does), again on every scroll.
 */
const drawGutter = (): void => {
  const lineHeight = Number.parseFloat(getComputedStyle(editor).lineHeight) || 19.5
  const first = Math.max(0, Math.floor(editor.scrollTop / lineHeight))
  const last = Math.min(gutterLines, first + Math.ceil(editor.clientHeight / lineHeight) + 1)
  const lines = h('span', { class: 'lines' })
  lines.style.transform = `translateY(${first * lineHeight - editor.scrollTop}px)`
  let run = ''
  for (let line = first + 1; line <= last; line++) {
    if (!gutterBad.has(line)) {
      run += `${line}\n`
      continue
    }
    if (run !== '') lines.append(run)
    run = ''
    lines.append(h('span', { class: 'bad', title: 'an error is here' }, `● ${line}\n`))
  }
  if (run !== '') lines.append(run)
  gutter.replaceChildren(lines)
}

const renderGutter = (text: string, bad: ReadonlySet<number>): void => {
  let lines = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  gutterLines = lines
  gutterBad = bad
  drawGutter()
}

const clipped = (s: string): string => (s.length > 200 ? `${s.slice(0, 199)}…` : s)

/** The errors under the editor, their lines marked in the gutter, and no verdict. */
const showErrors = (text: string, kind: string, errors: ReadonlyArray<DecodeError>): void => {
  const lines = linesOf(text, errors)
  errorsBox.replaceChildren(
    h('p', {}, kind),
    fill(h('ul'), mapped(errors, (e, i) => h('li', {}, h('code', {}, e.path === '' ? '(document)' : clipped(e.path)), ` line ${lines[i] ?? 1}: ${clipped(e.message)}`))),
  )
  editor.setAttribute('aria-invalid', 'true')
  renderGutter(text, new Set(lines))
  out.replaceChildren(h('h2', {}, 'Verdict'), h('p', { class: 'meta' }, 'No verdict: fix the snapshot first.'))
}

// -------------------------------------------------------------------------------------
// evaluation
// -------------------------------------------------------------------------------------

/** The longest link the page writes; a longer text is not put in the address. */
const MAX_LINK = 1_500_000

/** Keeps the address's link to the text, when it is not too long for one. */
const link = (text: string): void => {
  try {
    const encoded = text.length * 3 <= MAX_LINK ? toBase64Url(text) : undefined
    history.replaceState(null, '', encoded !== undefined && encoded.length <= MAX_LINK ? `#snapshot=${encoded}` : location.pathname)
  } catch {
    // the link is a convenience: the verdict does not depend on it
  }
}

/**
 * Every input replaces the whole previous result: the errors, or the verdict. The result region
 * carries a digest of the text it answers (`data-for`) and what it shows (`data-result`).
 */
const evaluate = (): void => {
  const text = editor.value
  out.removeAttribute('data-for')
  out.removeAttribute('data-result')
  let result: 'verdict' | 'error' = 'error'
  try {
    link(text)
    const read = readSnapshotText(text)
    if (read._tag !== 'Snapshot') showErrors(text, read._tag === 'NotJson' ? 'This is not JSON:' : 'This is not a valid snapshot:', read.errors)
    else {
      errorsBox.replaceChildren()
      editor.removeAttribute('aria-invalid')
      renderGutter(text, new Set())
      const chosen = targetMenu.value
      targetMenu.replaceChildren(h('option', { value: '' }, 'the account'))
      fill(targetMenu, mapped(read.snapshot.agencies, (a) => h('option', { value: a.id }, `agency ${a.id}`)))
      targetMenu.value = read.snapshot.agencies.some((a) => a.id === chosen) ? chosen : ''
      const target: Target | undefined = targetMenu.value === '' ? undefined : agencyTarget(targetMenu.value)
      render(verdict(read.snapshot, target, { timeZone: zoneMenu.value }), zoneMenu.value, read.snapshot)
      result = 'verdict'
    }
  } catch (e) {
    // never an earlier verdict left on screen: whatever failed, say so in its place
    const message = e instanceof Error ? e.message : String(e)
    errorsBox.replaceChildren(h('p', {}, 'The page could not evaluate this text:'), h('ul', {}, h('li', {}, clipped(message))))
    editor.setAttribute('aria-invalid', 'true')
    out.replaceChildren(h('h2', {}, 'Verdict'), h('p', { class: 'meta' }, 'No verdict: the page could not evaluate this text.'))
  }
  out.setAttribute('data-for', digest(text))
  out.setAttribute('data-result', result)
}

// -------------------------------------------------------------------------------------
// start
// -------------------------------------------------------------------------------------

exampleMenu.replaceChildren(h('option', { value: '' }, '(choose an example)'))
fill(exampleMenu, mapped(__EXAMPLES__, (e) => h('option', { value: e.name }, e.name)))
const own = Intl.DateTimeFormat().resolvedOptions().timeZone
const zones = [...new Set(['UTC', own, 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney'])]
fill(zoneMenu, mapped(zones, (z) => h('option', { value: z }, z)))
zoneMenu.value = 'UTC'

exampleMenu.addEventListener('change', () => {
  const e = __EXAMPLES__.find((x) => x.name === exampleMenu.value)
  if (e === undefined) return
  editor.value = e.text
  targetMenu.value = ''
  evaluate()
})
editor.addEventListener('input', evaluate)
editor.addEventListener('scroll', drawGutter)
targetMenu.addEventListener('change', evaluate)
zoneMenu.addEventListener('change', evaluate)
// a timeline drawn for another width is drawn again when the other way round would now fit better
new ResizeObserver(() => {
  const svg = out.querySelector('svg.timeline')
  if (svg === null) return
  const across = Number(svg.getAttribute('data-across'))
  // back to left to right only with room to spare, so a scroll bar coming and going cannot flip it for ever
  if (svg.classList.contains('vertical') ? across <= out.clientWidth - 24 : across > out.clientWidth) evaluate()
}).observe(out)

const linked = location.hash.startsWith('#snapshot=') ? fromBase64Url(location.hash.slice('#snapshot='.length)) : undefined
editor.value = linked ?? __EXAMPLES__.find((e) => e.name === 'busy-freelancer')?.text ?? ''
if (linked === undefined) exampleMenu.value = 'busy-freelancer'
evaluate()
