/**
 * The playground: a snapshot editor evaluated as you type, on the library itself, in the page.
 */
import { agencyTarget, formatIn, instant, readSnapshotText, verdict } from './lib.js'
import type { DecodeError, Target, Verdict } from './lib.js'
import { timeline } from './timeline.js'

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
  e.append(...children)
  return e
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
// where a JSON path is in the text
// -------------------------------------------------------------------------------------

/** The offset of the value at each path of a JSON text (an approximate reader, enough to point). */
const offsets = (text: string): Map<string, number> => {
  const at = new Map<string, number>()
  const stack: Array<{ key: string | number; array: boolean }> = []
  const path = (): string =>
    stack.reduce((p, f) => (typeof f.key === 'number' ? `${p}[${f.key}]` : p === '' ? f.key : `${p}.${f.key}`), '')
  let expectKey = false
  let i = 0
  const value = (): void => {
    if (stack.length > 0 && !at.has(path())) at.set(path(), i)
  }
  while (i < text.length) {
    const c = text[i] as string
    if (c === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      if (expectKey) {
        const top = stack[stack.length - 1]
        if (top !== undefined) top.key = text.slice(i + 1, j)
        expectKey = false
      } else value()
      i = j + 1
    } else if (c === '{' || c === '[') {
      value()
      stack.push({ key: c === '[' ? 0 : '', array: c === '[' })
      expectKey = c === '{'
      i++
    } else if (c === '}' || c === ']') {
      stack.pop()
      i++
    } else if (c === ',') {
      const top = stack[stack.length - 1]
      if (top?.array === true) top.key = (top.key as number) + 1
      else expectKey = true
      i++
    } else if (/[-0-9tfn]/.test(c)) {
      value()
      while (i < text.length && /[-+.0-9a-zA-Z]/.test(text[i] as string)) i++
    } else i++
  }
  return at
}

/** The line (1-based) an error points at: its path, or the nearest enclosing one. */
const lineOf = (text: string, error: DecodeError, at: Map<string, number>): number => {
  const position = /position (\d+)/.exec(error.found)
  let offset: number | undefined = position === null ? undefined : Number(position[1])
  for (let p = error.path; offset === undefined && p !== ''; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) offset = at.get(p)
  return text.slice(0, offset ?? 0).split('\n').length
}

// -------------------------------------------------------------------------------------
// rendering
// -------------------------------------------------------------------------------------

const scopeTitle = (s: { readonly _tag: string; readonly companyId?: string; readonly agencyId?: string } | undefined): string =>
  s === undefined ? 'Account' : s._tag === 'Freelancer' ? 'Freelancer work' : s._tag === 'Company' ? `Company ${s.companyId ?? ''}` : `Agency ${s.agencyId ?? ''}`

const render = (v: Verdict, zone: string): void => {
  const f = formatIn(zone)
  const show = (iso: string): string => f.instant(instant(Date.parse(iso)))
  const showAsOf = (iso: string): string => f.asOf(instant(Date.parse(iso)))
  const n = v.blockers.length
  const headline = v.closable
    ? h('p', { class: 'headline closable' }, `Closable: ${v.target._tag === 'Agency' ? `agency ${v.target.agencyId}` : 'the account'} can be closed now (${v.path}).`)
    : h('p', { class: 'headline blocked' }, `Blocked: ${n} blocker${n === 1 ? '' : 's'} (${v.path}).`)
  const earliest =
    v.earliestAt === null
      ? 'Earliest close: not up to the user (someone else must act, or there is no such agency).'
      : `Earliest close: ${show(v.earliestAt)}${v.earliestAtMayMove ? ' at the earliest (ending contracts or disputes may move it)' : ''}.`
  const parts: Array<Node> = [h('h2', {}, 'Verdict'), headline, h('p', { class: 'meta' }, `As of ${showAsOf(v.asOf)}. ${v.closable ? '' : earliest}`)]

  if (v.alternatives.length > 0) parts.push(h('h3', {}, 'Before you decide'), h('ul', {}, ...v.alternatives.map((a) => h('li', {}, a.message))))

  if (n > 0) {
    parts.push(h('h3', {}, 'Blockers'))
    const groups = new Map<string, Array<Verdict['blockers'][number]>>()
    for (const b of v.blockers) groups.set(scopeTitle(b.scope), [...(groups.get(scopeTitle(b.scope)) ?? []), b])
    for (const [title, list] of groups)
      parts.push(h('h4', {}, title), h('ul', { class: 'blockers' }, ...list.map((b) => h('li', {}, b.message, ' ', h('span', { class: 'rule' }, `[${b.rule}]`)))))
  }

  if (v.steps.some((s) => s._tag === 'WaitUntil')) parts.push(h('h3', {}, 'Timeline'), timeline(document, v, show, showAsOf))

  if (v.steps.length > 0)
    parts.push(
      h('h3', {}, 'Steps'),
      h('ol', { class: 'steps' }, ...v.steps.map((s) => h('li', {}, s.message, h('span', { class: `kind ${s.kind}` }, s.kind)))),
    )
  if (v.consequences.length > 0) parts.push(h('h3', {}, 'What closing does'), h('ul', {}, ...v.consequences.map((c) => h('li', {}, c.message))))

  const json = JSON.stringify(v, null, 2)
  const copy = h('button', { type: 'button' }, 'Copy JSON')
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(json).then(
      () => (copy.textContent = 'Copied'),
      () => (copy.textContent = 'Copy failed'),
    )
  })
  parts.push(h('div', { class: 'json-head' }, h('h3', {}, 'Verdict JSON'), copy), h('pre', { class: 'json', tabindex: '0', 'aria-label': 'Verdict JSON' }, json))
  out.replaceChildren(...parts)
}

const renderGutter = (text: string, bad: ReadonlySet<number>): void => {
  const lines = text.split('\n').length
  gutter.replaceChildren(
    ...Array.from({ length: lines }, (_, i) => {
      const line = i + 1
      return bad.has(line) ? h('span', { class: 'bad', title: 'an error is here' }, `● ${line}\n`) : `${line}\n`
    }),
  )
  gutter.scrollTop = editor.scrollTop
}

const showErrors = (text: string, kind: string, errors: ReadonlyArray<DecodeError>): void => {
  const at = offsets(text)
  const lines = errors.map((e) => lineOf(text, e, at))
  errorsBox.replaceChildren(
    h('p', {}, kind),
    h('ul', {}, ...errors.map((e, i) => h('li', {}, h('code', {}, e.path === '' ? '(document)' : e.path), ` line ${lines[i] ?? 1}: ${e.message}`))),
  )
  editor.setAttribute('aria-invalid', 'true')
  renderGutter(text, new Set(lines))
}

// -------------------------------------------------------------------------------------
// evaluation
// -------------------------------------------------------------------------------------

const evaluate = (): void => {
  const text = editor.value
  history.replaceState(null, '', `#snapshot=${toBase64Url(text)}`)
  const read = readSnapshotText(text)
  if (read._tag !== 'Snapshot') {
    showErrors(text, read._tag === 'NotJson' ? 'This is not JSON:' : 'This is not a valid snapshot:', read.errors)
    out.replaceChildren(h('h2', {}, 'Verdict'), h('p', { class: 'meta' }, 'No verdict: fix the snapshot first.'))
    return
  }
  errorsBox.replaceChildren()
  editor.removeAttribute('aria-invalid')
  renderGutter(text, new Set())
  const chosen = targetMenu.value
  targetMenu.replaceChildren(
    h('option', { value: '' }, 'the account'),
    ...read.snapshot.agencies.map((a) => h('option', { value: a.id }, `agency ${a.id}`)),
  )
  targetMenu.value = read.snapshot.agencies.some((a) => a.id === chosen) ? chosen : ''
  const target: Target | undefined = targetMenu.value === '' ? undefined : agencyTarget(targetMenu.value)
  render(verdict(read.snapshot, target, { timeZone: zoneMenu.value }), zoneMenu.value)
}

// -------------------------------------------------------------------------------------
// start
// -------------------------------------------------------------------------------------

exampleMenu.replaceChildren(h('option', { value: '' }, '(choose an example)'), ...__EXAMPLES__.map((e) => h('option', { value: e.name }, e.name)))
const own = Intl.DateTimeFormat().resolvedOptions().timeZone
const zones = [...new Set(['UTC', own, 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney'])]
zoneMenu.replaceChildren(...zones.map((z) => h('option', { value: z }, z)))
zoneMenu.value = 'UTC'

exampleMenu.addEventListener('change', () => {
  const e = __EXAMPLES__.find((x) => x.name === exampleMenu.value)
  if (e === undefined) return
  editor.value = e.text
  targetMenu.value = ''
  evaluate()
})
editor.addEventListener('input', evaluate)
editor.addEventListener('scroll', () => (gutter.scrollTop = editor.scrollTop))
targetMenu.addEventListener('change', evaluate)
zoneMenu.addEventListener('change', evaluate)

const linked = location.hash.startsWith('#snapshot=') ? fromBase64Url(location.hash.slice('#snapshot='.length)) : undefined
editor.value = linked ?? __EXAMPLES__.find((e) => e.name === 'busy-freelancer')?.text ?? ''
if (linked === undefined) exampleMenu.value = 'busy-freelancer'
evaluate()
