/**
 * A short digest of a text (its length and a 32-bit FNV-1a of its UTF-16 code units): the page
 * marks its result with the digest of the text it answers, so a reader (or a test) can tell an
 * answer to this text from an answer left over from an earlier one.
 */
export const digest = (text: string): string => {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0
  return `${text.length}:${hash.toString(16)}`
}
