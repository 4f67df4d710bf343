/**
 * What the tests of the built command share: running it, checking that it printed no stack, and
 * writing the rules modules it loads (each importing the built package by its file, its own copy,
 * as an app's module would).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import { expect } from 'vitest'

import { exampleJson } from './fixtures.js'

/** Runs the built command with standard input as text, or as a file descriptor; only PATH in its environment. */
export const cli = (args: ReadonlyArray<string>, input: string | { readonly fd: number } = '') => {
  const r = spawnSync(process.execPath, ['dist/cli.cjs', ...args], {
    ...(typeof input === 'string' ? { input } : { stdio: [input.fd, 'pipe', 'pipe'] }),
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '' },
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Standard error holds no stack trace. */
export const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/)

/** An example snapshot as one line of JSON. */
export const flat = (name: string): string => JSON.stringify(exampleJson(name))

/** The built package's URL, for a module to import. */
export const dist = pathToFileURL(resolve('dist/index.js')).href

/** A fresh folder (`prefix` names it), and a writer of modules into it: each call writes one and gives its path. */
export const modulesIn = (prefix: string): { readonly dir: string; readonly module: (name: string, text: string) => string } => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const module = (name: string, text: string): string => {
    const file = join(dir, name)
    writeFileSync(file, text)
    return file
  }
  return { dir, module }
}
