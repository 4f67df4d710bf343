/**
 * Where an error is in the text: the line (1-based) of the value at its JSON path, or of the
 * nearest enclosing value the text has. No DOM here, so the tests run it in Node as well.
 *
 * Every step is linear in the text and the error paths, and every loop ends: the errors' paths
 * are cut into tokens (a new token before each `.` and `[`, so `a.b[2]` is `a`, `.b`, `[2]`) and
 * put in a trie; one pass over the text walks that trie alongside the document (a key is decoded
 * from its JSON escapes first, so `"\u0061sOf"` is `asOf`) and notes the offset of the first value
 * at each path; an error then takes the deepest noted prefix of its path. No path is ever built
 * whole, and no function recurses.
 */

/** What this module needs of a decode error. */
export interface Located {
  readonly path: string
  readonly found: string
}

interface Node {
  readonly next: Map<string, Node>
  at: number | undefined
}

const node = (): Node => ({ next: new Map(), at: undefined })

/** `a.b[2]` → `a`, `.b`, `[2]`; the tokens of a concatenation are the tokens of its parts. */
const tokens = (s: string): Array<string> => {
  const out: Array<string> = []
  let start = 0
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 46 /* . */ || c === 91 /* [ */) {
      out.push(s.slice(start, i))
      start = i
    }
  }
  if (s.length > 0) out.push(s.slice(start))
  return out
}

/** The trie node after `segment`, or undefined when no error's path goes there. */
const walk = (from: Node | undefined, segment: string): Node | undefined => {
  let n = from
  for (const t of tokens(segment)) {
    if (n === undefined) return undefined
    n = n.next.get(t)
  }
  return n
}

/** A key's text between its quotes, with its JSON escapes decoded (as it is when left bad). */
const keyOf = (raw: string): string => {
  if (!raw.includes('\\')) return raw
  try {
    const k: unknown = JSON.parse(`"${raw}"`)
    return typeof k === 'string' ? k : raw
  } catch {
    return raw
  }
}

interface Frame {
  /** The trie node of this container's path; undefined when no error is inside it. */
  readonly node: Node | undefined
  /** Whether this container's path is the empty text (the document, or keys `""` from it). */
  readonly empty: boolean
  readonly array: boolean
  index: number
  key: string
}

/** The offset in `text` each error points at: a position the JSON parser named, the end of a text cut short, or its path's value. */
export const offsetsOf = (text: string, errors: ReadonlyArray<Located>): Array<number> => {
  const root = node()
  for (const e of errors) {
    let n = root
    for (const t of tokens(e.path)) {
      let m = n.next.get(t)
      if (m === undefined) n.next.set(t, (m = node()))
      n = m
    }
  }

  const stack: Array<Frame> = [{ node: root, empty: true, array: false, index: 0, key: '' }]
  let expectKey = false
  /** Notes the value starting at `i`; returns the frame its children would have. */
  const value = (i: number, array: boolean): Frame => {
    const top = stack[stack.length - 1] as Frame
    const segment = top.array ? `[${top.index}]` : top.empty ? top.key : `.${top.key}`
    const n = stack.length === 1 ? root : walk(top.node, segment)
    if (n !== undefined && n.at === undefined) n.at = i
    return { node: n, empty: stack.length === 1 || (top.empty && segment === ''), array, index: 0, key: '' }
  }
  const length = text.length
  let i = 0
  while (i < length) {
    const c = text.charCodeAt(i)
    if (c === 34 /* " */) {
      let j = i + 1
      while (j < length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 /* \ */ ? 2 : 1
      const top = stack[stack.length - 1] as Frame
      if (expectKey && !top.array) {
        top.key = keyOf(text.slice(i + 1, Math.min(j, length)))
        expectKey = false
      } else value(i, false)
      i = j + 1
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      stack.push(value(i, c === 91))
      expectKey = c === 123
      i++
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (stack.length > 1) stack.pop()
      expectKey = false
      i++
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1] as Frame
      if (top.array) top.index++
      else expectKey = true
      i++
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57) || c === 116 /* t */ || c === 102 /* f */ || c === 110 /* n */) {
      value(i, false)
      i++
      while (i < length && /[-+.0-9a-zA-Z]/.test(text[i] as string)) i++
    } else i++
  }

  return errors.map((e) => {
    const position = /position (\d+)/.exec(e.found)
    if (position !== null) return Math.min(Number(position[1]), length)
    // a text cut short: the parser names no position, its end is where it stops
    if (/end of JSON input/.test(e.found)) return text.trimEnd().length
    let n: Node | undefined = root
    let at = root.at ?? 0
    for (const t of tokens(e.path)) {
      n = n.next.get(t)
      if (n === undefined) break
      if (n.at !== undefined) at = n.at
    }
    return at
  })
}

/** The line (1-based) of each offset in `text`. */
export const linesAt = (text: string, offsets: ReadonlyArray<number>): Array<number> => {
  const order = offsets.map((o, k) => ({ o, k })).sort((a, b) => a.o - b.o)
  const lines = new Array<number>(offsets.length).fill(1)
  let line = 1
  let from = 0
  for (const { o, k } of order) {
    for (let nl = text.indexOf('\n', from); nl !== -1 && nl < o; nl = text.indexOf('\n', nl + 1)) {
      line++
      from = nl + 1
    }
    lines[k] = line
  }
  return lines
}

/** The line (1-based) each error points at. */
export const linesOf = (text: string, errors: ReadonlyArray<Located>): Array<number> => linesAt(text, offsetsOf(text, errors))
