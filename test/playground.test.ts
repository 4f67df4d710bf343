/**
 * The playground in a real browser (Debian's chromium, driven by playwright-core): every example
 * shows its blockers, links round-trip, edits update the verdict, invalid input names its paths,
 * the timeline shows exactly when the plan waits, axe finds nothing serious, and the page throws
 * nothing and asks for nothing beyond its own files.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Server } from 'node:http'

import * as E from 'fp-ts/lib/Either.js'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { decodeSnapshotText, verdict } from '../src/index.js'
import { buildPlayground, serve } from '../scripts/playground.mjs'
import { examplePath } from './fixtures.js'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
const EXAMPLES = ['agency-admin', 'agency-owner', 'busy-freelancer', 'client-owner-mid-week', 'closable-freelancer', 'everything', 'no-profile', 'plain-member', 'suspended', 'team-admin']
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

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
const verdictText = (page: Page) => page.locator('[role=region][aria-label="Verdict"]').innerText()

beforeAll(async () => {
  if (CHROMIUM === undefined) throw new Error('the browser tests need Debian’s chromium: apt-get install -y chromium (or set CHROMIUM_PATH)')
  size = await buildPlayground()
  ;({ server, url } = await serve(0))
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
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
    await page.fill('#snapshot', text)
    const hash = new URL(page.url()).hash
    expect(hash.startsWith('#snapshot=')).toBe(true)
    const again = await open(hash)
    expect(await again.page.inputValue('#snapshot')).toBe(text)
    expect(await verdictText(again.page)).toContain('Company co-1 has USD 350.00 of billing outstanding.')
    expect([...problems, ...again.problems]).toEqual([])
    await page.close()
    await again.page.close()
  })

  it('editing updates the verdict, and the target and time zone menus apply', async () => {
    const { page, problems } = await open()
    await page.selectOption('#example', 'closable-freelancer')
    expect(await verdictText(page)).toContain('Closable')
    const text = await page.inputValue('#snapshot')
    await page.fill('#snapshot', text.replace('"securityQuestionSet": true', '"securityQuestionSet": false'))
    const after = await verdictText(page)
    expect(after).toContain('Blocked: 1 blocker')
    expect(after).toContain('No security question is set')
    await page.selectOption('#example', 'agency-owner')
    await page.selectOption('#target', 'ag-1')
    expect(await verdictText(page)).toContain('(CloseAgency)')
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
    await page.fill('#snapshot', JSON.stringify(s, null, 2))
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
