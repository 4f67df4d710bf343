// Screenshots of the playground for the README, saved under docs/: at desktop width (blocked, with
// the plan's timeline; and closable) and on a phone 375 px wide (the page down to the timeline, blocked).
// Needs Debian's chromium (apt-get install -y chromium) or CHROMIUM_PATH.
import { existsSync } from 'node:fs'

import { chromium } from 'playwright-core'

import { buildPlayground, serve } from './playground.mjs'

const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
if (executablePath === undefined) throw new Error('needs chromium: apt-get install -y chromium')
await buildPlayground()
const { server, url } = await serve(0)
// no network needed: nothing in the background, no updates, no first-run pages
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const browser = await chromium.launch({ executablePath, headless: true, args })
try {
  for (const { width, height, example, file, fullPage, clipTo } of [
    { width: 1400, height: 900, example: 'client-owner-mid-week', file: 'docs/playground-desktop.png', fullPage: false },
    { width: 1400, height: 900, example: 'closable-freelancer', file: 'docs/playground-closable.png', fullPage: false },
    { width: 375, height: 812, example: 'client-owner-mid-week', file: 'docs/playground-phone.png', fullPage: true, clipTo: 2050 },
  ]) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 })
    await page.goto(url)
    await page.selectOption('#example', example)
    await page.locator('#verdict[data-result="verdict"]').waitFor()
    const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)
    if (scrollWidth > width) throw new Error(`${file}: the page is ${scrollWidth} px wide in a ${width} px window`)
    await page.screenshot({ path: file, fullPage, ...(clipTo === undefined ? {} : { clip: { x: 0, y: 0, width, height: clipTo } }) })
    console.log(`wrote ${file} (${width} px wide)`)
    await page.close()
  }
} finally {
  await browser.close()
  server.close()
}
