/**
 * Nothing from the input reaches the terminal raw (SPEC §5): every code point of the general
 * categories Cc, Cf, Zl and Zp, and every lone surrogate, is shown escaped in the readable report
 * and in error messages, and written as `\uXXXX` in JSON.
 */
import { spawnSync } from 'node:child_process'
import { PassThrough, Readable } from 'node:stream'

import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { escapeJson, escapeText, jsonText } from '../src/cli/escape.js'
import { jsonChunks } from '../src/cli/json.js'
import { run } from '../src/cli/run.js'
import { exampleJson } from './fixtures.js'

/** The escaped set, as a regular expression (with `u`, a surrogate pair is one code point: the range matches lone ones). */
const ESCAPED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\ud800-\udfff]/u
const ESCAPED_BUT_LF = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\ud800-\udfff]/u

/** Code points of the set, by category, and lone surrogates. */
const unsafe = fc.oneof(
  fc.constantFrom('\u200e', '\u200f', '\u2028', '\u2029', '\u200b', '\u2060', '\ufeff', '\u061c', '\u00ad', '\u180e', '\u001b', '\u007f', '\u0085', '\u202e', '\u2066', '\u{e0001}', '\u{1d173}'),
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)).filter((c) => ESCAPED.test(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
)
/** Text that mixes them with anything else (lone surrogates may pair up by chance: then they are not lone). */
const mixed = fc.array(fc.oneof(unsafe, fc.string({ unit: 'grapheme', maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 12 }).map((xs) => xs.join(''))

const unescape = (s: string): string => s.replace(/\\u([0-9a-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))

describe('escapeText', () => {
  test.prop([mixed])('leaves no code point of the set, and unescaping gives the text back', (s) => {
    const shown = escapeText(s)
    expect(shown).not.toMatch(ESCAPED)
    if (!s.includes('\\')) expect(unescape(shown)).toBe(s)
  })
  it('escapes one UTF-16 unit at a time, as \\u200e', () => {
    expect(escapeText('a\u200eb\u{e0001}c\ud800d\udc00')).toBe('a\\u200eb\\udb40\\udc01c\\ud800d\\udc00')
    // a pair is a character, not two lone surrogates
    expect(escapeText('\u{1f600}')).toBe('\u{1f600}')
  })
})

describe('JSON text', () => {
  test.prop([fc.dictionary(mixed, fc.oneof(mixed, fc.array(mixed, { maxLength: 3 })), { maxKeys: 4 }), fc.constantFrom(0, 2)])(
    'escapes the set as \\uXXXX and still reads back as the same value, whole or in chunks',
    (value, indent) => {
      const text = jsonText(value, indent)
      expect(text).not.toMatch(ESCAPED_BUT_LF)
      expect(JSON.parse(text)).toEqual(value)
      expect([...jsonChunks(value, indent, 7)].map(escapeJson).join('')).toBe(text)
    },
  )
})

const collect = () => {
  const stream = new PassThrough()
  let text = ''
  stream.on('data', (c: Buffer) => (text += c.toString()))
  return { stream, text: () => text }
}
const runIn = async (args: ReadonlyArray<string>, input: string) => {
  const out = collect()
  const err = collect()
  const code = await run(args, { stdin: Readable.from([Buffer.from(input)]), stdout: out.stream, stderr: err.stream, env: {} })
  return { code, stdout: out.text(), stderr: err.text() }
}

describe('the command', () => {
  test.prop([mixed.filter((s) => s !== '')], { numRuns: 25 })('shows ids from the input escaped in the report', async (id) => {
    const s = exampleJson('busy-freelancer') as { freelancer: { contracts: Array<{ id: string }> }; disputes: Array<unknown> }
    s.freelancer.contracts[0] = { ...(s.freelancer.contracts[0] as { id: string }), id }
    s.disputes = [{ id: `x${id}`, status: 'open' }]
    const r = await runIn(['check'], JSON.stringify(s))
    // an id that is the other contract's is a duplicate: an error message instead
    expect([1, 2]).toContain(r.code)
    expect(r.stdout).not.toMatch(ESCAPED_BUT_LF)
    expect(r.stderr).not.toMatch(ESCAPED_BUT_LF)
    if (r.code === 1) expect(r.stdout).toContain(escapeText(id))
  })
  test.prop([mixed], { numRuns: 25 })('shows values from the input escaped in error messages', async (standing) => {
    const s = exampleJson('busy-freelancer') as { user: { standing: string } }
    s.user.standing = `bad${standing}`
    const r = await runIn(['check'], JSON.stringify(s))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('user.standing')
    expect(r.stderr).not.toMatch(ESCAPED_BUT_LF)
  })
  it('the built command: the invisible characters named in the report, escaped', () => {
    const marks = '\u200e\u200f\u2028\u2029\u200b\u2060\ufeff\u061c\u00ad\u180e'
    const text = JSON.stringify(exampleJson('busy-freelancer')).replace('"c-1"', `"c-1${marks}\\udfff\\ud800"`)
    const r = spawnSync(process.execPath, ['dist/cli.cjs', 'check'], { input: text, encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('c-1\\u200e\\u200f\\u2028\\u2029\\u200b\\u2060\\ufeff\\u061c\\u00ad\\u180e\\udfff\\ud800')
    expect(r.stdout).not.toMatch(ESCAPED_BUT_LF)
    const json = spawnSync(process.execPath, ['dist/cli.cjs', 'check', '--json'], { input: text, encoding: 'utf8' })
    expect(json.stdout).not.toMatch(ESCAPED_BUT_LF)
    expect(json.stdout).toContain('c-1\\u200e\\u200f\\u2028\\u2029\\u200b\\u2060\\ufeff\\u061c\\u00ad\\u180e\\udfff\\ud800')
    const bad = spawnSync(process.execPath, ['dist/cli.cjs', 'check'], { input: text.replace('"standing":"good"', `"standing":"${marks}"`), encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('\\u200e\\u200f')
    expect(bad.stderr).not.toMatch(ESCAPED_BUT_LF)
  })
})
