/**
 * `batch` on several threads: the main thread reads and splits lines and writes records, worker
 * threads answer the lines. Lines go out in jobs of a few hundred; the records of each job come
 * back as one text and are written in the order the jobs were sent, so the output is exactly
 * what one thread writes. At most two jobs per worker are under way, so memory stays bounded.
 *
 * The worker is the command's own script started again: `worker.ts` serves jobs in it.
 *
 * @internal
 */
import { Worker } from 'node:worker_threads'

import type { BillingCycleEnd } from '../model/facts.js'
import { firstLine, isObject } from './failure.js'
import { keep } from './unread.js'
import { WORKER_ARG } from './workerArg.js'

/** The lines of one job, packed in one buffer that is moved (not copied) to the worker. */
export interface Job {
  readonly id: number
  readonly bytes: Uint8Array
  /** For each line: its number, where it starts and ends in `bytes` (too-large lines: -1, size). */
  readonly lines: Int32Array
}

/** What a worker sends back for a job. */
export interface Done {
  readonly id: number
  readonly text: string
  readonly closable: number
  readonly blocked: number
  readonly invalid: number
  /** Lines on which a rule failed. */
  readonly failed: number
  /** Lines whose snapshot holds extensions no rule reads, and (some of) those keys. */
  readonly unread: number
  readonly unreadKeys: ReadonlyArray<string>
}

/** Sent by a worker once it is ready to answer (its rules module loaded). */
export interface Ready {
  readonly ready: true
}

/** Sent by a worker for a job it could not answer: an error the command did not expect (its own fault). */
export interface Fault {
  readonly id: number
  readonly fault: string
}

export interface WorkerSettings {
  readonly role: 'account-closure/batch'
  readonly agency: string | undefined
  readonly billingCycleEnd: BillingCycleEnd
  readonly maxLineBytes: number
  /** The URL of the rules module (`--rules`), which workers import too. */
  readonly rules: string | undefined
}

/** What a line's record says: answered (closable or blocked), invalid, or a rule failed on it. */
export type Kind = 'closable' | 'blocked' | 'invalid' | 'failed'

/** How one line is answered: its record, and which kind it is. */
export type Answer = (bytes: Uint8Array | number, line: number) => Outcome

/** A line's record, its kind, and the keys of its snapshot's extensions that no rule reads (if any). */
export interface Outcome {
  readonly kind: Kind
  readonly json: string
  readonly unread?: ReadonlyArray<string>
}


/** Answers every line of a job, in order. */
export const answerJob = (job: Job, answer: Answer): Done => {
  let text = ''
  const tally = { closable: 0, blocked: 0, invalid: 0, failed: 0, unread: 0 }
  const keys = new Set<string>()
  for (let k = 0; k < job.lines.length; k += 3) {
    const line = job.lines[k] as number
    const start = job.lines[k + 1] as number
    const end = job.lines[k + 2] as number
    const outcome = answer(start === -1 ? end : job.bytes.subarray(start, end), line)
    tally[outcome.kind]++
    if (outcome.unread !== undefined) {
      tally.unread++
      keep(keys, outcome.unread)
    }
    text += `${outcome.json}\n`
  }
  return { id: job.id, text, ...tally, unreadKeys: [...keys] }
}

/** A job being filled on the main thread. */
export class JobBuilder {
  private parts: Array<Uint8Array> = []
  private size = 0
  private lines: Array<number> = []
  /** How many lines it holds. */
  get count(): number {
    return this.lines.length / 3
  }
  /** How many bytes it holds. */
  get bytes(): number {
    return this.size
  }
  add(line: number, bytes: Uint8Array): void {
    this.lines.push(line, this.size, this.size + bytes.length)
    this.parts.push(bytes)
    this.size += bytes.length
  }
  addTooLarge(line: number, size: number): void {
    this.lines.push(line, -1, size)
  }
  /** The job, and an empty builder for the next. */
  take(id: number): Job {
    const bytes = new Uint8Array(this.size)
    let at = 0
    for (const p of this.parts) {
      bytes.set(p, at)
      at += p.length
    }
    const job = { id, bytes, lines: Int32Array.from(this.lines) }
    this.parts = []
    this.size = 0
    this.lines = []
    return job
  }
}

/**
 * A worker thread that failed or stopped before answering: a fault of the command or of the rules
 * module, not of the input. Its message is the one line the command says (without its name).
 */
export class WorkerFailure extends Error {}

/** The one line said when a worker thread fails (`error`: it threw) or ends (`exit`: with that status) while jobs may be waiting for it. */
export const workerFailure = (
  how: { readonly _tag: 'error'; readonly message: string } | { readonly _tag: 'exit'; readonly code: number },
  // whether it had loaded the rules module (if any) and was answering; the module as named
  ready: boolean,
  rules: string | undefined,
): string => {
  if (rules === undefined)
    return how._tag === 'error' ? `internal error: a batch worker failed: ${how.message}` : `internal error: a batch worker stopped (exit status ${how.code}) without answering`
  if (how._tag === 'error')
    // (before it was ready, what failed is the loading of the module, which the message names)
    return ready ? `a rules module (${rules}) threw outside a rule's call: ${how.message}` : `a batch worker failed: ${how.message}`
  if (!ready)
    return how.code === 0
      ? `stopped before answering: the rules module ${rules} never finished loading on a batch worker thread`
      : `stopped before answering: a batch worker stopped (exit status ${how.code}) while loading the rules module ${rules}`
  return `stopped before answering: a batch worker stopped (exit status ${how.code}) without answering (did the rules module ${rules} end it, with process.exit?)`
}

const isReady = (m: unknown): m is Ready => isObject(m) && m['ready'] === true
const isFault = (m: unknown): m is Fault => isObject(m) && typeof m['fault'] === 'string'

/** Worker threads that answer jobs; `run` resolves with a job's answer. */
export class Pool {
  private readonly workers: Array<Worker>
  private readonly waiting = new Map<number, { resolve: (d: Done) => void; reject: (e: Error) => void }>()
  private next = 0
  private failure: Error | undefined

  /**
   * `rules`: the rules module (`--rules`) as it was named, which the workers load too, named in
   * what is said when one of them fails.
   */
  constructor(script: URL, size: number, settings: Omit<WorkerSettings, 'role'>, rules?: string) {
    const data: WorkerSettings = { role: 'account-closure/batch', ...settings }
    const fail = (line: string): void => {
      const e = new WorkerFailure(line)
      this.failure ??= e
      for (const p of this.waiting.values()) p.reject(this.failure)
      this.waiting.clear()
    }
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(script, { workerData: data, argv: [WORKER_ARG], stdout: false, stderr: false })
      let ready = false
      w.on('message', (m: Done | Ready | Fault) => {
        if (isReady(m)) ready = true
        else if (isFault(m)) fail(workerFailure({ _tag: 'error', message: m.fault }, false, undefined))
        else {
          const p = this.waiting.get(m.id)
          this.waiting.delete(m.id)
          p?.resolve(m)
        }
      })
      w.on('error', (cause) => fail(workerFailure({ _tag: 'error', message: firstLine(cause) }, ready, rules)))
      // a worker ends only when it is closed: one that ends before (its event loop empty while its
      // rules module never finished loading, or process.exit in a rule) never answers its jobs
      w.on('exit', (code) => fail(workerFailure({ _tag: 'exit', code }, ready, rules)))
      return w
    })
  }

  /** The first failure of a worker, if any (jobs that were not waiting for it may all have been answered). */
  failed(): Error | undefined {
    return this.failure
  }

  /** Sends a job to the next worker, round robin. */
  run(job: Job): Promise<Done> {
    if (this.failure !== undefined) return Promise.reject(this.failure)
    const worker = this.workers[this.next++ % this.workers.length] as Worker
    return new Promise<Done>((resolve, reject) => {
      this.waiting.set(job.id, { resolve, reject })
      worker.postMessage(job, [job.bytes.buffer as ArrayBuffer])
    })
  }

  /** Ends every worker. */
  async close(): Promise<void> {
    for (const w of this.workers) w.removeAllListeners('exit')
    await Promise.all(this.workers.map((w) => w.terminate()))
  }
}
