// The floor of memory: read the snapshot, JSON.parse it, write JSON.stringify of it (indented, as
// `check --json` writes) to standard output.
import { readFileSync, writeSync } from 'node:fs'

const text = readFileSync(process.argv[2], 'utf8')
writeSync(1, JSON.stringify(JSON.parse(text), null, 2))
