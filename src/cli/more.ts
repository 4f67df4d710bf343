/**
 * What only `batch`, `--rules` and the worker threads need, loaded only then: the command's build
 * puts it in a file of its own (`dist/cli-more.cjs`), so that `check` without `--rules` starts
 * without reading and compiling it (a third of the command's code).
 *
 * @internal
 */
export { closureWith } from '../closure/policy.js'
export { defaultRules } from '../defaults.js'
export { batch } from './batch.js'
export { WorkerFailure } from './pool.js'
export { loadRules } from './rules.js'
export { serve, workerSettings } from './worker.js'
