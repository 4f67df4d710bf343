/**
 * `batch`: NDJSON snapshots in, one NDJSON summary out per non-empty line, in order, streaming.
 *
 * @internal
 */
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'

import * as O from 'fp-ts/lib/Option.js'

import { decodeSnapshot } from '../model/decode.js'
import { toISOString } from '../model/Instant.js'
import { blockersOf, earliestFromBlockers } from '../rules/canClose.js'
import { closureFacts } from '../rules/facts.js'
import { defaultPolicy } from '../rules/policy.js'

/** The summary of one line: a verdict in brief, or the reasons it is not a snapshot. */
export const summarise = (text: string, line: number): { readonly ok: boolean; readonly json: string } => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    return { ok: false, json: JSON.stringify({ line, error: 'not-json', errors: [{ path: '', message }] }) }
  }
  const decoded = decodeSnapshot(parsed)
  if (decoded._tag === 'Left')
    return {
      ok: false,
      json: JSON.stringify({
        line,
        error: 'invalid-snapshot',
        errors: decoded.left.map((e) => ({ path: e.path, message: e.message })),
      }),
    }
  const facts = closureFacts(decoded.right)
  const blockers = blockersOf(defaultPolicy, facts)
  const earliest = earliestFromBlockers(blockers, facts)
  return {
    ok: true,
    json: JSON.stringify({
      line,
      path: facts.path,
      closable: blockers.length === 0,
      blockers: blockers.map((b) => b._tag),
      earliestAt: O.isSome(earliest) ? toISOString(earliest.value) : null,
    }),
  }
}

/** Streams `input` to `output`; resolves to whether every line was a valid snapshot. */
export const batch = async (input: Readable, output: Writable): Promise<boolean> => {
  const lines = createInterface({ input, crlfDelay: Infinity })
  let n = 0
  let allValid = true
  for await (const text of lines) {
    n++
    if (text.trim() === '') continue
    const { ok, json } = summarise(text, n)
    allValid &&= ok
    if (!output.write(`${json}\n`)) await once(output, 'drain')
  }
  return allValid
}
