import fc from 'fast-check'

// Property tests run on a pinned seed in CI and under Stryker (which finds tests by name, and
// @fast-check/vitest puts the seed in the name), and on a fresh seed otherwise. A failure prints
// its seed; FC_SEED=<seed> reproduces it.
const pinned = process.env['FC_SEED'] ?? (process.env['CI'] !== undefined || process.env['STRYKER_MUTATOR_WORKER'] !== undefined ? '20261122' : undefined)
fc.configureGlobal({
  ...(pinned === undefined ? {} : { seed: Number(pinned) }),
  numRuns: Number(process.env['FC_RUNS'] ?? (process.env['STRYKER_MUTATOR_WORKER'] !== undefined ? 30 : 100)),
})
