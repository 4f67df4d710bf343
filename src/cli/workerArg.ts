/**
 * The argument worker threads of `batch` are started with (after the command's own script), so
 * that the script knows it is one before it loads anything of the command (node:worker_threads
 * included: `check` never loads it).
 *
 * @internal
 */
export const WORKER_ARG = '--account-closure-batch-worker'
