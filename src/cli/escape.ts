/**
 * Nothing from the input reaches a terminal raw: every code point of the Unicode general
 * categories Cc, Cf, Zl and Zp (controls, DEL, C1, the bidirectional and zero-width marks, the
 * line and paragraph separators, U+FEFF…) and every lone surrogate is shown as a `\u200e`-style
 * escape (a code point above U+FFFF as its two UTF-16 units, `\udb40\udc01`).
 *
 * @internal
 */

const hex = (c: string): string => {
  let s = ''
  for (let i = 0; i < c.length; i++) s += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`
  return s
}

/**
 * The escaped set. With the `u` flag a surrogate pair is one code point, so the range
 * U+D800–U+DFFF matches lone surrogates only.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\ud800-\udfff]/gu
/** The same set, for `test` (a global expression would carry its `lastIndex` between calls). */
const ANY_UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\ud800-\udfff]/u

/**
 * Whether text is all printable ASCII (U+0020–U+007E), none of it in the escaped set: the report's
 * text nearly always is, and then no Unicode-property expression is compiled at start-up.
 */
const printableAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || c > 0x7e) return false
  }
  return true
}

/**
 * Text for a terminal: every code point of the escaped set written as `\uXXXX`. Text with none
 * is given back as it is (no copy).
 */
export const escapeText = (s: string): string => (!printableAscii(s) && ANY_UNSAFE.test(s) ? s.replace(UNSAFE, hex) : s)

/**
 * What JSON.stringify leaves raw of the escaped set: all of it but C0 (which it escapes, and whose
 * LF it writes between lines as indentation) and lone surrogates (which it escapes too). In JSON
 * text the rest only occurs inside strings, where `\uXXXX` is the same character.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu
/** The same set, for `test`. */
const ANY_UNSAFE_IN_JSON = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/u

/**
 * JSON text (or a piece of it, split between tokens) with every character of the escaped set
 * written as `\uXXXX`. Text with none (nearly all) is given back as it is: `replace` would copy
 * it whole even when nothing matches.
 */
export const escapeJson = (json: string): string => (ANY_UNSAFE_IN_JSON.test(json) ? json.replace(UNSAFE_IN_JSON, hex) : json)

/** JSON text with every character a terminal would act on written as `\uXXXX`. */
export const jsonText = (value: unknown, indent?: number): string => escapeJson(JSON.stringify(value, null, indent))
