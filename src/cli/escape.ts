/**
 * Nothing from the input reaches a terminal raw: control characters (C0, DEL, C1) and the
 * bidirectional formatting characters are shown as `\u001b`-style escapes.
 *
 * @internal
 */

const hex = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/** C0, DEL, C1, and U+202A–U+202E, U+2066–U+2069 (bidirectional formatting). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Text for a terminal: every unsafe character escaped. */
export const escapeText = (s: string): string => s.replace(UNSAFE, hex)

/**
 * What JSON.stringify leaves raw that a terminal would act on: DEL, C1, the bidirectional
 * formatting characters, and the line and paragraph separators. In JSON text they only occur
 * inside strings, where `\uXXXX` is the same character.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g

/** JSON text with every character a terminal would act on written as `\uXXXX`. */
export const jsonText = (value: unknown, indent?: number): string =>
  JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, hex)
