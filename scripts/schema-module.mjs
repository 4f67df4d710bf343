// Writes src/schema/snapshotJsonSchema.ts from schema/snapshot.json, so that the code that derives a
// policy's JSON Schema imports the published schema as a module of its own (every build can carry it,
// and only code that asks for a schema reaches it). test/extensions.test.ts checks that the two agree.
import { readFileSync, writeFileSync } from 'node:fs'

const schema = JSON.parse(readFileSync('schema/snapshot.json', 'utf8'))
writeFileSync(
  'src/schema/snapshotJsonSchema.ts',
  `/**
 * The published snapshot schema (schema/snapshot.json) as a module. Written by
 * scripts/schema-module.mjs; do not edit by hand.
 *
 * @internal
 */
export const snapshotJsonSchema: { readonly [key: string]: unknown } = ${JSON.stringify(schema, null, 2)}
`,
)
