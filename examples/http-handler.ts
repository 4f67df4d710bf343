/**
 * An app's HTTP endpoint: POST a snapshot, get the verdict JSON back (400 with the decode errors
 * for a bad snapshot). Run: npm run example:http (answers two requests to itself, then stops),
 * or `npm run example:http -- --serve` to keep it listening on http://127.0.0.1:8080/closure.
 * Importing it starts nothing: only running it does.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import * as E from 'fp-ts/lib/Either.js'

import { agencyTarget, decodeSnapshotText, verdict } from 'account-closure'

/** The largest body read (a snapshot with thousands of contracts is a few MB). */
const MAX_BODY_BYTES = 16 * 1024 * 1024

const send = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

/**
 * The body as text: its bytes gathered first, then decoded once (a character split between two
 * chunks stays whole); undefined when it is too large or not UTF-8.
 */
const bodyText = async (req: IncomingMessage): Promise<string | undefined> => {
  const chunks: Array<Buffer> = []
  let size = 0
  for await (const chunk of req) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += bytes.length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(bytes)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, size))
  } catch {
    return undefined
  }
}

/** The handler: the only place that does I/O; the decision is the library's pure verdict. */
export const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (req.method !== 'POST' || url.pathname !== '/closure') return send(res, 404, { error: 'POST /closure' })
  const text = await bodyText(req)
  if (text === undefined) return send(res, 400, { error: `the body must be UTF-8 text of at most ${MAX_BODY_BYTES} bytes` })
  // I-JSON: a key written twice, or a fraction where a whole number belongs, is an error with its path too
  const decoded = decodeSnapshotText(text)
  if (E.isLeft(decoded)) return send(res, 400, { error: 'invalid snapshot', errors: decoded.left })
  const agency = url.searchParams.get('agency')
  send(res, 200, verdict(decoded.right, agency === null ? undefined : agencyTarget(agency)))
}

const serve = (): void => {
  const server = createServer((req, res) => {
    handler(req, res).catch(() => send(res, 500, { error: 'internal error' }))
  })
  if (process.argv.includes('--serve')) {
    server.listen(8080, '127.0.0.1', () => console.log('listening on http://127.0.0.1:8080/closure'))
    return
  }
  server.listen(0, '127.0.0.1', async () => {
    const address = server.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    const body = readFileSync(new URL('./snapshots/client-owner-mid-week.json', import.meta.url), 'utf8')
    const res = await fetch(`http://127.0.0.1:${port}/closure`, { method: 'POST', body })
    const v = (await res.json()) as { closable: boolean; earliestAt: string | null; steps: Array<{ message: string }> }
    console.log(`HTTP ${res.status}: closable=${v.closable}, earliestAt=${v.earliestAt}`)
    v.steps.forEach((s, i) => console.log(`${i + 1}. ${s.message}`))
    const bad = await fetch(`http://127.0.0.1:${port}/closure`, { method: 'POST', body: '{ "asOf": "2026-11-18T10:00:00Z", "asOf": "2026-11-19T10:00:00Z" }' })
    const errors = ((await bad.json()) as { errors: Array<{ message: string }> }).errors
    console.log(`HTTP ${bad.status}: ${errors[0]?.message}`)
    server.close()
  })
}

// run, not imported
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) serve()
