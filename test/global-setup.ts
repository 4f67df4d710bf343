/**
 * Builds the package before the command-line tests when dist/ is missing or older than the
 * sources, so that `npm test` on a fresh clone tests the real `bin`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name)
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }, 0)

export default function setup(): void {
  const cli = 'dist/cli.js'
  const stale = !existsSync(cli) || statSync(cli).mtimeMs < Math.max(newest('src'), statSync('package.json').mtimeMs)
  if (stale) {
    execFileSync(process.execPath, ['node_modules/tsup/dist/cli-default.js'], { stdio: 'inherit' })
    execFileSync(process.execPath, ['scripts/browser-imports.mjs'], { stdio: 'inherit' })
  }
}
