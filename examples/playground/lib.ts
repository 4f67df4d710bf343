/**
 * The library as the page uses it: its public entry only, so moving files inside the library
 * never breaks the page.
 */
export { agencyTarget, formatIn, parseInstant, readSnapshotText, verdict } from '../../src/index.js'
export type { DecodeError, Format, Names, Scope, Target, Verdict } from '../../src/index.js'
