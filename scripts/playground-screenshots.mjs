// Screenshots of the playground for the README: a blocked and a closable state, saved under docs/.
// Needs Debian's chromium (apt-get install -y chromium) or CHROMIUM_PATH.
import { existsSync } from 'node:fs'

import { chromium } from 'playwright-core'

import { buildPlayground, serve } from './playground.mjs'

const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
if (executablePath === undefined) throw new Error('needs chromium: apt-get install -y chromium')
await buildPlayground()
const { server, url } = await serve(0)
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
await page.goto(url)
for (const [example, file] of [
  ['client-owner-mid-week', 'docs/playground-blocked.png'],
  ['closable-freelancer', 'docs/playground-closable.png'],
]) {
  await page.selectOption('#example', example)
  await page.screenshot({ path: file, fullPage: false })
  console.log(`wrote ${file}`)
}
await browser.close()
server.close()
