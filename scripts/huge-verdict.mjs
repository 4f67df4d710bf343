// `check --json` of a verdict past a JavaScript string's limit: a snapshot with N open disputes
// (default 1 600 000: a verdict of about 600 MB of JSON), run through the built command; its
// output is read as a stream, never as one string, and checked: the bytes, the blockers and steps
// counted, the end of the text. Prints the size, the time, and the command's peak memory.
//   npm run build && node scripts/huge-verdict.mjs [N]
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const n = Number(process.argv[2] ?? 1_600_000)
const dir = mkdtempSync(join(tmpdir(), 'account-closure-huge-'))
const file = join(dir, 'snapshot.json')
const s = JSON.parse(readFileSync(new URL('../examples/snapshots/closable-freelancer.json', import.meta.url), 'utf8'))
s.disputes = Array.from({ length: n }, (_, i) => ({ id: `d-${i}`, status: 'open' }))
writeFileSync(file, JSON.stringify(s))
s.disputes = []

const started = Date.now()
// GNU time reports the peak resident memory of the command (%M, in kB) on standard error
const child = spawn('/usr/bin/time', ['-f', 'peak %M kB', process.execPath, '--max-old-space-size=8192', 'dist/cli.cjs', 'check', '--json', file], {
  stdio: ['ignore', 'pipe', 'pipe'],
})
let bytes = 0
let blockers = 0
let steps = 0
let tail = ''
let carry = ''
child.stdout.on('data', (chunk) => {
  bytes += chunk.length
  const text = carry + chunk.toString('latin1')
  blockers += text.split('"_tag": "DisputeUnresolved"').length - 1
  steps += text.split('"_tag": "ResolveDispute"').length - 1
  // a tag split between two chunks is counted with the next one
  carry = text.slice(-40)
  blockers -= carry.split('"_tag": "DisputeUnresolved"').length - 1
  steps -= carry.split('"_tag": "ResolveDispute"').length - 1
  tail = (tail + chunk.toString('latin1')).slice(-200)
})
let stderr = ''
child.stderr.on('data', (c) => (stderr += c))
child.on('close', (code) => {
  rmSync(dir, { recursive: true, force: true })
  const ok = code === 1 && blockers === n && steps === n && tail.endsWith('\n}\n') && bytes > 2 ** 29
  console.log(
    `${n} disputes: exit ${code}, ${(bytes / 1e6).toFixed(0)} MB of JSON (a string holds at most ${((2 ** 29 - 24) / 1e6).toFixed(0)} M characters), ` +
      `${blockers} blockers, ${steps} steps, ${((Date.now() - started) / 1000).toFixed(1)} s, ${stderr.trim().split('\n').pop()}`,
  )
  console.log(ok ? 'ok: written whole' : `NOT ok${code === 1 ? '' : `: ${stderr}`}`)
  process.exitCode = ok ? 0 : 1
})
