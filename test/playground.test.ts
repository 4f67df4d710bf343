/**
 * The playground in a real browser (Debian's chromium, driven by playwright-core): every example
 * shows its blockers, links round-trip, edits update the verdict, invalid input names its paths,
 * the timeline shows exactly when the plan waits, axe finds nothing serious, and the page throws
 * nothing and asks for nothing beyond its own files. Hostile texts (truncations, huge whitespace,
 * escaped keys, deep nesting, each top-level field missing) each get their own answer, never a hang
 * or an earlier one; at 375 px the page does not scroll sideways and the timeline fits. The dev
 * server answers a bad address with 400 and keeps serving.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { request } from 'node:http'
import { createRequire } from 'node:module'
import type { Server } from 'node:http'

import * as E from 'fp-ts/lib/Either.js'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { decodeSnapshotText, readSnapshotText, verdict } from '../src/index.js'
import { buildPlayground, serve } from '../scripts/playground.mjs'
import { digest } from '../examples/playground/digest.js'
import { linesOf } from '../examples/playground/locate.js'
import { examplePath } from './fixtures.js'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
const EXAMPLES = ['agency-admin', 'agency-owner', 'busy-freelancer', 'client-owner-mid-week', 'closable-freelancer', 'everything', 'no-profile', 'plain-member', 'suspended', 'team-admin']
/** No network here: nothing in the background, no updates, no first-run pages. */
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** What the page's functions below use of the DOM (the tests are type-checked without it). */
interface Box {
  readonly left: number
  readonly right: number
  readonly width: number
}
interface El {
  value: string
  readonly innerText: string
  readonly parentElement: El | null
  dispatchEvent(e: unknown): boolean
  getAttribute(name: string): string | null
  getBoundingClientRect(): Box
}
interface Dom {
  readonly document: {
    getElementById(id: string): El | null
    querySelector(s: string): El | null
    querySelectorAll(s: string): Iterable<El> & ArrayLike<El>
    readonly scrollingElement: { readonly scrollWidth: number } | null
  }
  readonly Event: new (type: string) => unknown
  setTimeout(f: () => void, ms: number): unknown
}

let browser: Browser
let server: Server
let url: string
let size: { readonly gzipped: number; readonly inputs: ReadonlyArray<string> }

const verdictOf = (name: string) => {
  const d = decodeSnapshotText(readFileSync(examplePath(name), 'utf8'))
  if (E.isLeft(d)) throw new Error(`${name} does not decode`)
  return verdict(d.right)
}

/** A fresh page, with every page error, console error and request to another origin recorded. */
const open = async (hash = ''): Promise<{ page: Page; problems: Array<string> }> => {
  const page = await browser.newPage()
  const problems: Array<string> = []
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
  })
  page.on('request', (r) => {
    if (!r.url().startsWith(url)) problems.push(`request: ${r.url()}`)
  })
  await page.goto(`${url}${hash}`)
  await page.waitForSelector('#verdict h2')
  return { page, problems }
}
/**
 * Puts `text` in the editor as one paste (one input event; playwright's fill types a text with
 * newlines line by line) and waits for the result region to answer this very text. A textarea
 * keeps a CR as LF, so the text the page answers is returned.
 */
const enter = async (page: Page, given: string): Promise<string> => {
  const text = given.replace(/\r\n?/g, '\n')
  await page.evaluate((t) => {
    const w = globalThis as unknown as Dom
    const editor = w.document.getElementById('snapshot')
    if (editor === null) return
    editor.value = t
    // dispatched after this call returns, so a page that hangs fails the wait below by name
    w.setTimeout(() => editor.dispatchEvent(new w.Event('input')), 0)
  }, text)
  await page.locator(`#verdict[data-for="${digest(text)}"]`).waitFor({ timeout: 20_000 })
  return text
}
const verdictText = (page: Page) => page.locator('[role=region][aria-label="Verdict"]').innerText()

beforeAll(async () => {
  if (CHROMIUM === undefined) throw new Error('the browser tests need Debian’s chromium: apt-get install -y chromium (or set CHROMIUM_PATH)')
  size = await buildPlayground()
  ;({ server, url } = await serve(0))
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS })
})
afterAll(async () => {
  await browser?.close()
  server?.close()
})

describe('the playground page', () => {
  it('is small: its JavaScript is at most 40 kB gzipped, with fp-ts’s ES modules only', () => {
    expect(size.gzipped).toBeLessThanOrEqual(40_000)
    expect(size.inputs.filter((f) => /fp-ts\/lib\//.test(f))).toEqual([])
  })

  it('imports the library through its public entry only (files may move behind it)', () => {
    const dir = new URL('../examples/playground/', import.meta.url)
    const imports = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(new URL(f, dir), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? ''))
    expect(imports).toContain('../../src/index.js')
    expect(imports.filter((i) => i.includes('src/') && i !== '../../src/index.js')).toEqual([])
  })

  it('every example shows all its blocker messages, and the timeline exactly when the plan waits', async () => {
    const { page, problems } = await open()
    for (const name of EXAMPLES) {
      await page.selectOption('#example', name)
      const v = verdictOf(name)
      const text = await verdictText(page)
      for (const b of v.blockers) expect(text, name).toContain(b.message)
      const waits = v.steps.some((s) => s._tag === 'WaitUntil')
      const timelines = page.locator('svg[role=img][aria-label*="timeline" i]')
      expect(await timelines.count(), name).toBe(waits ? 1 : 0)
    }
    expect(problems).toEqual([])
    await page.close()
  })

  it('the link round-trips: the hash holds the text, and opening it fills the editor', async () => {
    const { page, problems } = await open()
    const text = readFileSync(examplePath('client-owner-mid-week'), 'utf8').replace('"Acme"', '"Acmé ✓"')
    await enter(page, text)
    const hash = new URL(page.url()).hash
    expect(hash.startsWith('#snapshot=')).toBe(true)
    const again = await open(hash)
    expect(await again.page.inputValue('#snapshot')).toBe(text)
    expect(await verdictText(again.page)).toContain('Acmé ✓ has USD 350.00 of billing outstanding.')
    expect([...problems, ...again.problems]).toEqual([])
    await page.close()
    await again.page.close()
  })

  it('editing updates the verdict, and the target and time zone menus apply', async () => {
    const { page, problems } = await open()
    await page.selectOption('#example', 'closable-freelancer')
    expect(await verdictText(page)).toContain('Closable: you can close your account now.')
    const text = await page.inputValue('#snapshot')
    await enter(page, text.replace('"securityQuestionSet": true', '"securityQuestionSet": false'))
    const after = await verdictText(page)
    expect(after).toContain('Blocked: closing your account is blocked by 1 thing.')
    expect(after).not.toContain('(CloseAccount)')
    expect(after).toContain('No security question is set')
    await page.selectOption('#example', 'agency-owner')
    await page.selectOption('#target', 'ag-1')
    expect(await verdictText(page)).toMatch(/Blocked: closing the agency Studio is blocked by \d+ things?\.|Closable: you can close the agency Studio now\./)
    expect(await verdictText(page)).not.toContain('(CloseAgency)')
    await page.selectOption('#example', 'client-owner-mid-week')
    await page.selectOption('#zone', 'America/New_York')
    expect(await verdictText(page)).toContain('2026-11-22 19:00 America/New_York')
    expect(problems).toEqual([])
    await page.close()
  })

  it('invalid input lists every error with its JSON path and marks its line in the editor', async () => {
    const { page, problems } = await open()
    await page.selectOption('#example', 'invalid')
    const errors = await page.locator('#errors').innerText()
    const d = decodeSnapshotText(readFileSync(examplePath('invalid'), 'utf8'))
    expect(E.isLeft(d)).toBe(true)
    if (E.isLeft(d)) for (const e of d.left) expect(errors).toContain(e.path)
    expect(await page.getAttribute('#snapshot', 'aria-invalid')).toBe('true')
    expect(await page.locator('#gutter .bad').count()).toBeGreaterThan(0)
    await page.fill('#snapshot', '{"asOf": ')
    expect(await page.locator('#errors').innerText()).toContain('not JSON')
    expect(problems).toEqual([])
    await page.close()
  })

  it('axe reports no serious or critical violation, blocked, closable or invalid', async () => {
    const { page, problems } = await open()
    for (const name of ['everything', 'closable-freelancer', 'invalid']) {
      await page.selectOption('#example', name)
      await page.addScriptTag({ content: axeSource })
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe
        const result = await axe.run()
        return result.violations.map((v) => ({ id: v.id, impact: v.impact }))
      })
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), name).toEqual([])
    }
    expect(problems).toEqual([])
    await page.close()
  })

  it('a plan of sixty steps keeps every step in its timeline', async () => {
    const { page, problems } = await open()
    const s = JSON.parse(readFileSync(examplePath('busy-freelancer'), 'utf8')) as { freelancer: { proposals: Array<unknown> } }
    s.freelancer.proposals = Array.from({ length: 50 }, (_, i) => ({ id: `p-${i}`, status: 'submitted' }))
    await enter(page, JSON.stringify(s, null, 2))
    const svg = page.locator('svg[role=img][aria-label*="timeline" i]')
    expect(await svg.count()).toBe(1)
    const labels = await svg.locator('text > title').count()
    const steps = await page.locator('ol.steps > li').count()
    expect(steps).toBeGreaterThan(60)
    // every step but the waits (which are the columns) has its label
    const waits = await page.locator('ol.steps .kind.wait').count()
    expect(labels).toBe(steps - waits)
    expect(problems).toEqual([])
    await page.close()
  })
})

const example = (name: string): string => readFileSync(examplePath(name), 'utf8')
describe('where an error is in the text (the page’s gutter, in Node)', () => {
  it('a missing top-level field points at the document, at once', () => {
    const o = JSON.parse(example('busy-freelancer')) as Record<string, unknown>
    delete o['asOf']
    const text = `\n\n${JSON.stringify(o, null, 2)}`
    const r = readSnapshotText(text)
    expect(r._tag).toBe('Invalid')
    if (r._tag !== 'Snapshot') expect(linesOf(text, r.errors)).toEqual(r.errors.map(() => 3))
  })

  it('an escaped key is found under its decoded name; a key with a dot or a bracket does not confuse the path', () => {
    const text = '{\n"\\u0061sOf":\n "yesterday",\n "a.b": {"c[0]": 1},\n "a": {"b": {"c": [1, 2,\n 3]}}\n}'
    expect(linesOf(text, [{ path: 'asOf', found: '"yesterday"' }])).toEqual([3])
    expect(linesOf(text, [{ path: 'a.b.c[2]', found: '3' }])).toEqual([6])
    expect(linesOf(text, [{ path: 'a.b.c[7].x', found: 'nothing' }])).toEqual([5])
    // `a.b.c[0]` names two values here ("a.b" → "c[0]", and a → b → c → 0): the first in the text is meant
    expect(linesOf(text, [{ path: 'a.b.c[0]', found: '1' }])).toEqual([4])
  })

  it('a position named by the JSON parser is used as it is; a text cut short points at its end', () => {
    const text = '{\n\n  "asOf": 1,\n}'
    const r = readSnapshotText(text)
    expect(r._tag).toBe('NotJson')
    if (r._tag === 'Snapshot') return
    expect(r.errors[0]?.found).toMatch(/position \d+/)
    expect(linesOf(text, r.errors)[0]).toBe(4)
    const cut = '{\n  "asOf":\n\n'
    const short = readSnapshotText(cut)
    expect(short._tag).toBe('NotJson')
    if (short._tag === 'Snapshot') return
    expect(short.errors[0]?.found).toMatch(/end of JSON input/)
    expect(linesOf(cut, short.errors)).toEqual([2])
  })

  it('ten thousand levels and a path as deep end, on the right line', () => {
    const text = `{"x":\n${'['.repeat(10_000)}{"a":1,\n"a":2}${']'.repeat(10_000)}}`
    const r = readSnapshotText(text)
    expect(r._tag).toBe('Invalid')
    if (r._tag === 'Snapshot') return
    const duplicate = r.errors.findIndex((e) => e.path.endsWith('.a'))
    expect(duplicate).toBeGreaterThanOrEqual(0)
    // the first value at that path is on line 2; the document on line 1
    expect(linesOf(text, r.errors)[duplicate]).toBe(2)
    expect(linesOf('['.repeat(10_000), [{ path: '', found: 'text that is not JSON (Unexpected end of JSON input)' }])).toEqual([1])
  })

  it('every truncation of a snapshot gets a line within the text for each error', () => {
    const text = example('everything')
    const lines = text.split('\n').length
    for (let cut = 0; cut < text.length; cut += 37) {
      const t = text.slice(0, cut)
      const r = readSnapshotText(t)
      if (r._tag === 'Snapshot') continue
      for (const l of linesOf(t, r.errors)) {
        expect(l).toBeGreaterThanOrEqual(1)
        expect(l).toBeLessThanOrEqual(lines)
      }
    }
  })
})

/** One GET with a raw path (no client-side normalising): its status. */
const get = (path: string): Promise<number> =>
  new Promise((done, fail) => {
    const u = new URL(url)
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      res.resume()
      done(res.statusCode ?? 0)
    })
    req.on('error', fail)
    req.end()
  })

describe('the dev server', () => {
  it('answers 400 to a malformed percent-encoding and keeps serving; refuses paths out of the site', async () => {
    expect(await get('/%E0%A4%A')).toBe(400)
    expect(await get('/%')).toBe(400)
    expect(await get('/a%00b')).toBe(400)
    expect(await get('/')).toBe(200)
    expect(await get('/..%2F..%2Fpackage.json')).toBe(403)
    expect(await get('/%2e%2e%2f%2e%2e%2fpackage.json')).toBe(403)
    expect(await get('/../../package.json')).not.toBe(200)
    expect(await get('/nothing-here.js')).toBe(404)
    expect(await get('/app.js')).toBe(200)
  })
})

describe('the page under hostile text (one page, many inputs)', () => {
  it('every input gets its own answer, a verdict or errors, never a hang or an earlier answer', async () => {
    const valid = example('everything')
    const closable = example('closable-freelancer')
    const fields = Object.keys(JSON.parse(valid) as Record<string, unknown>)
    const inputs: Array<string> = [
      closable,
      '{"asOf": ',
      closable,
      'not json',
      closable,
      `${closable.slice(0, -3)}`,
      ...Array.from({ length: 30 }, (_, k) => valid.slice(0, Math.floor((valid.length * k) / 30))),
      `${'\n'.repeat(150_000)}${valid.slice(0, -2)}`,
      `${' '.repeat(300_000)}${closable}${'\t\r\n '.repeat(50_000)}`,
      valid.replace('"asOf"', '"\\u0061sOf"').replace('"user"', '"\\u0075ser"'),
      valid.replace('"asOf"', '"\\u0061sOf": "2026-11-18T10:00:00Z", "asOf"'),
      valid.replace('"user"', '"us\\u0065r": {}, "user"'),
      '['.repeat(10_000),
      `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      `{"extra": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
      `{"x":${'['.repeat(3_000)}{"a":1,"a":2}${']'.repeat(3_000)}}`,
      ...fields.map((f) => {
        const o = JSON.parse(valid) as Record<string, unknown>
        delete o[f]
        return JSON.stringify(o, null, 2)
      }),
      closable,
    ]
    expect(fields.length).toBeGreaterThanOrEqual(5)
    const { page, problems } = await open()
    let previous = ''
    for (const [k, given] of inputs.entries()) {
      // the same text twice in a row could not tell a new answer from the old one
      expect(given.replace(/\r\n?/g, '\n'), `input ${k}`).not.toBe(previous)
      const text = await enter(page, given)
      previous = text
      const read = readSnapshotText(text)
      // what the page shows for this text, read in one call
      const { shown, answer, errors } = await page.evaluate(() => {
        const document = (globalThis as unknown as Dom).document
        const region = document.getElementById('verdict')
        return {
          shown: region?.getAttribute('data-result'),
          answer: region?.innerText ?? '',
          errors: Array.from(document.querySelectorAll('#errors li'), (li) => li.innerText),
        }
      })
      if (read._tag === 'Snapshot') {
        expect(shown, `input ${k}`).toBe('verdict')
        expect(answer, `input ${k}`).toMatch(/^Verdict\s+(Closable|Blocked):/)
        expect(errors, `input ${k}`).toEqual([])
      } else {
        expect(shown, `input ${k}`).toBe('error')
        expect(answer, `input ${k}`).not.toMatch(/Closable|Blocked/)
        expect(answer, `input ${k}`).toContain('No verdict')
        expect(errors.length, `input ${k}`).toBe(read.errors.length)
        for (const [i, e] of read.errors.entries()) expect(errors[i], `input ${k}`).toContain(e.path.slice(0, 100))
        for (const e of errors) expect(e, `input ${k}`).toMatch(/ line \d+: /)
      }
    }
    expect(problems).toEqual([])
    await page.close()
  })
})

describe('the page on a phone and on a desktop', () => {
  it('at 375 px and at 1280 px the page does not scroll sideways and the timeline fits, at a readable size', async () => {
    const { page, problems } = await open()
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 800 })
      for (const name of ['invalid', 'busy-freelancer', 'everything', 'client-owner-mid-week']) {
        await page.selectOption('#example', name)
        const m = await page.evaluate(() => {
          const document = (globalThis as unknown as Dom).document
          const svg = document.querySelector('svg.timeline')
          const box = svg?.getBoundingClientRect()
          const parent = svg?.parentElement?.getBoundingClientRect()
          const viewBox = svg?.getAttribute('viewBox')?.split(' ').map(Number) ?? []
          return {
            scrollWidth: document.scrollingElement?.scrollWidth ?? Infinity,
            svg: box === undefined || parent === undefined ? undefined : { left: box.left, right: box.right, parentLeft: parent.left, parentRight: parent.right, scale: box.width / (viewBox[2] ?? 1) },
          }
        })
        expect(m.scrollWidth, `${name} at ${width}`).toBeLessThanOrEqual(width)
        if (name === 'invalid') continue
        expect(m.svg, `${name} has a timeline`).toBeDefined()
        if (m.svg === undefined) continue
        expect(m.svg.left, `${name} at ${width}`).toBeGreaterThanOrEqual(m.svg.parentLeft - 0.5)
        expect(m.svg.right, `${name} at ${width}`).toBeLessThanOrEqual(Math.min(m.svg.parentRight, width) + 0.5)
        // drawn at most a little smaller than its own size: its 11 px labels stay readable
        expect(m.svg.scale, `${name} at ${width}`).toBeGreaterThanOrEqual(0.85)
      }
    }
    // a timeline drawn left to right on a desktop is drawn again top to bottom when the window narrows
    expect(await page.locator('svg.timeline:not(.vertical)').count()).toBe(1)
    await page.setViewportSize({ width: 375, height: 800 })
    await page.locator('svg.timeline.vertical').waitFor({ timeout: 20_000 })
    expect(await page.evaluate(() => (globalThis as unknown as Dom).document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(375)
    expect(problems).toEqual([])
    await page.close()
  })
})
