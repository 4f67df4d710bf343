/**
 * The library as the page uses it: the public entry, plus `instant` to turn the verdict's ISO
 * text back into an instant for display.
 */
export { agencyTarget, formatIn, readSnapshotText, verdict } from '../../src/index.js'
export type { DecodeError, Target, Verdict } from '../../src/index.js'
export { instant } from '../../src/model/Instant.js'
