/**
 * An app's HTTP endpoint: POST a snapshot, get the verdict JSON back (400 with the decode errors
 * for a bad snapshot). Run: npm run example:http (answers one request to itself, then stops),
 * or `npm run example:http -- --serve` to keep it listening on http://127.0.0.1:8080/closure.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'

import * as E from 'fp-ts/lib/Either.js'

import { agencyTarget, decodeSnapshot, verdict } from 'account-closure'

const send = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

/** The handler: the only place that does I/O; the decision is the library's pure verdict. */
export const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (req.method !== 'POST' || url.pathname !== '/closure') return send(res, 404, { error: 'POST /closure' })
  let text = ''
  for await (const chunk of req) text += String(chunk)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return send(res, 400, { error: 'not JSON' })
  }
  const decoded = decodeSnapshot(json)
  if (E.isLeft(decoded)) return send(res, 400, { error: 'invalid snapshot', errors: decoded.left })
  const agency = url.searchParams.get('agency')
  send(res, 200, verdict(decoded.right, agency === null ? undefined : agencyTarget(agency)))
}

const server = createServer((req, res) => {
  handler(req, res).catch(() => send(res, 500, { error: 'internal error' }))
})

if (process.argv.includes('--serve')) {
  server.listen(8080, '127.0.0.1', () => console.log('listening on http://127.0.0.1:8080/closure'))
} else {
  server.listen(0, '127.0.0.1', async () => {
    const address = server.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    const body = readFileSync(new URL('./snapshots/client-owner-mid-week.json', import.meta.url), 'utf8')
    const res = await fetch(`http://127.0.0.1:${port}/closure`, { method: 'POST', body })
    const v = (await res.json()) as { closable: boolean; earliestAt: string | null; steps: Array<{ message: string }> }
    console.log(`HTTP ${res.status}: closable=${v.closable}, earliestAt=${v.earliestAt}`)
    v.steps.forEach((s, i) => console.log(`${i + 1}. ${s.message}`))
    server.close()
  })
}
