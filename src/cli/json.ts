/**
 * JSON text in chunks: exactly the bytes `JSON.stringify(value, null, indent)` gives, produced a
 * piece at a time, so that a value whose text would pass a JavaScript string's limit is still
 * written whole, in memory bounded by the chunk size (beyond the value itself).
 *
 * @internal
 */

/** An object or array being written: where it is, and what comes next. */
type Frame =
  | { readonly array: true; readonly value: ReadonlyArray<unknown>; index: number; readonly inner: string; readonly outer: string }
  | {
      readonly array: false
      readonly value: Readonly<Record<string, unknown>>
      readonly keys: ReadonlyArray<string>
      index: number
      /** Whether a member was written (an object whose members are all undefined is `{}`). */
      some: boolean
      readonly inner: string
      readonly outer: string
    }

/** What JSON.stringify does to a value before writing it: `toJSON`, and boxed primitives unboxed. */
const prepare = (key: string, value: unknown): unknown => {
  let v = value
  if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON: (key: string) => unknown }).toJSON(key)
  if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf()
  return v
}

/** Whether a prepared value is written as an object or array (not a leaf, not left out). */
const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null

/** How many members a value written whole by JSON.stringify may have at most. */
const SMALL = 2048

/** Whether a container has at most {@link SMALL} members in all (counted until there are more). */
const small = (v: object): boolean => {
  let budget = SMALL
  const walk = (x: object): boolean => {
    const members = Array.isArray(x) ? (x as ReadonlyArray<unknown>) : Object.values(x)
    budget -= members.length
    if (budget < 0) return false
    for (const m of members) if (typeof m === 'object' && m !== null && !walk(m)) return false
    return true
  }
  return walk(v)
}

/**
 * Where a run of items from `from` ends that JSON.stringify may write in one piece: items with
 * no `toJSON` of their own (it would be given another index), {@link SMALL} members in all.
 */
const smallRun = (items: ReadonlyArray<unknown>, from: number): number => {
  let budget = SMALL
  const walk = (x: object): boolean => {
    const members = Array.isArray(x) ? (x as ReadonlyArray<unknown>) : Object.values(x)
    budget -= members.length + 1
    if (budget < 0) return false
    for (const m of members) if (typeof m === 'object' && m !== null && !walk(m)) return false
    return true
  }
  let j = from
  while (j < items.length) {
    const x = items[j]
    if (typeof x === 'object' && x !== null && (typeof (x as { toJSON?: unknown }).toJSON === 'function' || !walk(x))) break
    if (typeof x !== 'object' || x === null) budget--
    if (budget < 0) break
    j++
  }
  return j
}

/** A leaf's text; undefined for what JSON leaves out (undefined, functions, symbols). */
const leaf = (v: unknown): string | undefined => JSON.stringify(v)

/**
 * The JSON text of `value` in chunks of about `chunk` characters (each at least that long but the
 * last), split only between tokens. Joined, they are `JSON.stringify(value, null, indent)`;
 * like it, a cycle or a BigInt is a `TypeError`.
 */
export function* jsonChunks(value: unknown, indent = 0, chunk = 64 * 1024): Generator<string, void, undefined> {
  const gap = ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent))))
  const colon = gap === '' ? ':' : ': '
  const stack: Array<Frame> = []
  let out = ''
  /** Opens a container (its text starts lazily, with its first member) or writes a leaf. */
  const start = (v: unknown, outer: string): string | undefined => {
    if (!isContainer(v)) return leaf(v)
    // a small value in one piece: far faster, and the same text, indented where it stands
    if (typeof (v as { toJSON?: unknown }).toJSON !== 'function' && small(v)) {
      const text = JSON.stringify(v, null, gap)
      return outer === '' ? text : text.replaceAll('\n', `\n${outer}`)
    }
    if (stack.some((f) => f.value === v)) throw new TypeError('Converting circular structure to JSON')
    const inner = outer + gap
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]'
      stack.push({ array: true, value: v, index: 0, inner, outer })
    } else {
      const keys = Object.keys(v)
      stack.push({ array: false, value: v as Readonly<Record<string, unknown>>, keys, index: 0, some: false, inner, outer })
    }
    return ''
  }
  const first = start(prepare('', value), '')
  if (first === undefined) return
  out = first
  while (stack.length > 0) {
    if (out.length >= chunk) {
      yield out
      out = ''
    }
    const f = stack[stack.length - 1] as Frame
    if (f.array) {
      if (f.index === f.value.length) {
        stack.pop()
        out += gap === '' ? ']' : `\n${f.outer}]`
        continue
      }
      const i = f.index
      out += i === 0 ? (gap === '' ? '[' : `[\n${f.inner}`) : gap === '' ? ',' : `,\n${f.inner}`
      // a run of small items in one piece: far faster, and the same text
      const j = smallRun(f.value, i)
      if (j > i + 1) {
        const text = JSON.stringify(f.value.slice(i, j), null, gap)
        const items = text.slice(1 + (gap === '' ? 0 : 1 + gap.length), gap === '' ? -1 : -2)
        out += gap === '' ? items : items.replaceAll('\n', `\n${f.outer}`)
        f.index = j
        continue
      }
      f.index++
      out += start(prepare(String(i), f.value[i]), f.inner) ?? 'null'
    } else {
      if (f.index === f.keys.length) {
        stack.pop()
        out += !f.some ? '{}' : gap === '' ? '}' : `\n${f.outer}}`
        continue
      }
      const key = f.keys[f.index++] as string
      const v = prepare(key, f.value[key])
      const text = isContainer(v) ? undefined : leaf(v)
      if (text === undefined && !isContainer(v)) continue
      out += !f.some ? (gap === '' ? '{' : `{\n${f.inner}`) : gap === '' ? ',' : `,\n${f.inner}`
      f.some = true
      out += `${JSON.stringify(key)}${colon}${text ?? (start(v, f.inner) as string)}`
    }
  }
  if (out.length > 0) yield out
}
