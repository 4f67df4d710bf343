/**
 * Builds the package before the tests when dist/ is missing or older than the sources, so that
 * `npm test` on a fresh clone tests the real `bin` and the declarations the package ships. It
 * builds as `npm run build` does, from an empty dist/ (a chunk left by an older build would be
 * shipped and read as if it were current).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name)
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }, 0)

const OUTPUTS = ['dist/cli.cjs', 'dist/cli-more.cjs', 'dist/index.js', 'dist/index.d.ts', 'dist/testing.d.ts']

export default function setup(): void {
  const sources = Math.max(newest('src'), statSync('package.json').mtimeMs, statSync('tsup.config.ts').mtimeMs)
  const stale = OUTPUTS.some((f) => !existsSync(f) || statSync(f).mtimeMs < sources)
  if (stale) {
    rmSync('dist', { recursive: true, force: true })
    execFileSync(process.execPath, ['node_modules/tsup/dist/cli-default.js'], { stdio: 'inherit' })
    execFileSync(process.execPath, ['scripts/browser-imports.mjs'], { stdio: 'inherit' })
  }
}
