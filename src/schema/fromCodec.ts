/**
 * A JSON Schema (draft 2020-12) derived from an io-ts codec, by walking io-ts's own types.
 *
 * @internal
 */
import type * as t from 'io-ts'

/** A JSON Schema, as plain data. */
export type JsonSchema = { readonly [key: string]: unknown }

/** What the walker reads of an io-ts type: its class's `_tag` and the parts each class has. */
interface Walkable {
  readonly _tag?: unknown
  readonly name: string
  readonly type?: unknown
  readonly types?: unknown
  readonly props?: unknown
  readonly value?: unknown
  readonly keys?: unknown
  readonly domain?: unknown
  readonly codomain?: unknown
}

const asWalkable = (u: unknown): Walkable => u as Walkable

/** `{}` with a description: a codec whose shape cannot be walked. */
const opaque = (c: Walkable, why: string): JsonSchema => ({
  description: `Decoded by the codec ${JSON.stringify(String(c.name))}, ${why}; its shape is not stated here.`,
})

const list = (u: unknown): ReadonlyArray<Walkable> => (Array.isArray(u) ? u.map(asWalkable) : [])

/** Whether a codec's type accepts `undefined` (so that an object's field of that type may be absent). */
const optional = (c: Walkable): boolean => {
  switch (c._tag) {
    case 'UndefinedType':
    case 'VoidType':
    case 'UnknownType':
    case 'AnyType':
      return true
    case 'UnionType':
      return list(c.types).some(optional)
    default:
      return false
  }
}

const propsOf = (props: unknown): ReadonlyArray<readonly [string, Walkable]> =>
  typeof props === 'object' && props !== null ? Object.entries(props).map(([k, v]) => [k, asWalkable(v)] as const) : []

/** The literal keys of a record's domain (a `keyof` or literals, or a union of them), or undefined. */
const literalKeys = (d: Walkable): ReadonlyArray<string> | undefined => {
  if (d._tag === 'KeyofType' && typeof d.keys === 'object' && d.keys !== null) return Object.keys(d.keys)
  if (d._tag === 'LiteralType' && typeof d.value === 'string') return [d.value]
  if (d._tag === 'UnionType') {
    const parts = list(d.types).map(literalKeys)
    return parts.every((p) => p !== undefined) ? parts.flat() : undefined
  }
  return undefined
}

/** The schema of a codec that is not io-ts's own but known to the caller (this library's `MoneyC`), or undefined. */
export type KnownCodecs = (codec: unknown) => JsonSchema | undefined

const walk = (c: Walkable, depth: number, known: KnownCodecs): JsonSchema => {
  // (io-ts types nest as deeply as their author wrote them; a recursion is never walked)
  if (depth > 64) return opaque(c, 'nested too deeply to be walked')
  const inner = (u: unknown): JsonSchema => walk(asWalkable(u), depth + 1, known)
  const mine = known(c)
  if (mine !== undefined) return mine
  switch (c._tag) {
    case 'StringType':
      return { type: 'string' }
    case 'NumberType':
      return { type: 'number' }
    case 'BooleanType':
      return { type: 'boolean' }
    case 'NullType':
      return { type: 'null' }
    case 'UnknownType':
    case 'AnyType':
      return {}
    case 'AnyArrayType':
      return { type: 'array' }
    case 'AnyDictionaryType':
      return { type: 'object' }
    case 'LiteralType':
      return { const: c.value }
    case 'KeyofType':
      return { enum: typeof c.keys === 'object' && c.keys !== null ? Object.keys(c.keys) : [] }
    case 'UnionType': {
      // an `undefined` member only makes a field optional: JSON has no undefined
      const members = list(c.types).filter((m) => m._tag !== 'UndefinedType' && m._tag !== 'VoidType')
      return members.length === 1 ? inner(members[0]) : { anyOf: members.map(inner) }
    }
    case 'IntersectionType':
      return { allOf: list(c.types).map(inner) }
    case 'InterfaceType': {
      const props = propsOf(c.props)
      return {
        type: 'object',
        properties: Object.fromEntries(props.map(([k, v]) => [k, inner(v)])),
        required: props.filter(([, v]) => !optional(v)).map(([k]) => k),
      }
    }
    case 'PartialType':
      return { type: 'object', properties: Object.fromEntries(propsOf(c.props).map(([k, v]) => [k, inner(v)])) }
    case 'ExactType':
    case 'ReadonlyType':
      // (exact strips unknown keys, it does not refuse them)
      return inner(c.type)
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return { type: 'array', items: inner(c.type) }
    case 'TupleType': {
      const items = list(c.types)
      return { type: 'array', prefixItems: items.map(inner), minItems: items.length }
    }
    case 'DictionaryType': {
      const domain = asWalkable(c.domain)
      const keys = literalKeys(domain)
      if (keys !== undefined) {
        const value = inner(c.codomain)
        return { type: 'object', properties: Object.fromEntries(keys.map((k) => [k, value])), required: keys }
      }
      if (domain._tag === 'StringType') return { type: 'object', additionalProperties: inner(c.codomain) }
      return opaque(c, 'a record whose keys are refined')
    }
    case 'RefinementType': {
      // io-ts's own Int; other refinements and brands check what a schema cannot see
      if (c.name === 'Int' && asWalkable(c.type)._tag === 'NumberType') return { type: 'integer' }
      return opaque(c, 'a refinement')
    }
    default:
      return opaque(c, c._tag === 'RecursiveType' ? 'a recursive type' : 'a type of its own')
  }
}

/**
 * The JSON Schema of what a codec accepts, as far as io-ts's own types (and `known`) say it; a
 * type of one's own (or a part of one) is `{}` with a description naming the codec. Also whether
 * the codec accepts a missing value.
 *
 * @internal
 */
export const schemaOfCodec = (
  codec: t.Decoder<unknown, unknown>,
  known: KnownCodecs = () => undefined,
): { readonly schema: JsonSchema; readonly optional: boolean } => {
  const c = asWalkable(codec)
  return { schema: walk(c, 0, known), optional: optional(c) }
}
