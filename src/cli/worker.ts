/**
 * A worker thread of `batch`: the command's own script started again. It loads the rules module
 * (if any) as the main thread did, then answers the jobs it is sent until it is ended.
 *
 * @internal
 */
import { fileURLToPath } from 'node:url'
import { isMainThread, parentPort, workerData } from 'node:worker_threads'

import { defaultRules } from '../defaults.js'
import { answerWith } from './batch.js'
import { answerJob } from './pool.js'
import type { Fault, Job, Ready, WorkerSettings } from './pool.js'
import { firstLine } from './failure.js'
import { importRules } from './rules.js'

/** This thread's settings when it is a worker thread of `batch`; undefined otherwise. */
export const workerSettings = (): WorkerSettings | undefined => {
  const data: unknown = workerData
  return !isMainThread && typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'account-closure/batch'
    ? (data as WorkerSettings)
    : undefined
}

/** Serves jobs on this thread's port (messages sent before it is ready wait in the port). */
export const serve = async (settings: WorkerSettings): Promise<void> => {
  const port = parentPort
  if (port === null) return
  let rules: Parameters<typeof answerWith>[1] = []
  if (settings.rules !== undefined) {
    // (named by its path, as the main thread names it, not by its URL's escapes)
    const loaded = await importRules(settings.rules, fileURLToPath(settings.rules), defaultRules.map((r) => r.id))
    // the main thread loaded the same module: failing here is a fault of the command
    if (loaded._tag === 'Failed') throw new Error(loaded.why)
    rules = loaded.rules
  }
  const answer = answerWith(settings, rules)
  port.on('message', (job: Job) => {
    let done
    try {
      done = answerJob(job, answer)
    } catch (e) {
      // (a rule's failure is a record of its line: anything else is the command's own fault)
      const fault: Fault = { id: job.id, fault: firstLine(e) }
      port.postMessage(fault)
      return
    }
    port.postMessage(done)
  })
  // ready: a worker that ends before it said so never loaded its rules module
  const ready: Ready = { ready: true }
  port.postMessage(ready)
}
