#!/usr/bin/env bash
# Checks the package as an app meets it: publint and attw, the packed tarball installed into an
# empty folder and used from ESM `import`, CJS `require` and its `bin`, and the size budgets.
# Needs a build (npm run build) first.
#
# The four browser bundle budgets are always printed; those that hold are enforced (marked
# `enforce` in scripts/browser-size.mjs) and fail the check when over; SIZE_BUDGETS=enforce
# enforces all four (SIZE_BUDGETS=enforce bash scripts/check-package.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

echo "== publint --strict"
npx --no-install publint --strict

echo "== attw --pack ."
npx --no-install attw --pack . --format ascii

echo "== the packed tarball, installed into an empty folder"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tarball=$(npm pack --silent --pack-destination "$tmp" | tail -n 1)
fpts=$(node -p "require('./node_modules/fp-ts/package.json').version")
iots=$(node -p "require('./node_modules/io-ts/package.json').version")
fc=$(node -p "require('./node_modules/fast-check/package.json').version")
mkdir "$tmp/app"
cp examples/snapshots/client-owner-mid-week.json "$tmp/app/snapshot.json"
(
  cd "$tmp/app"
  echo '{"name":"app","version":"1.0.0","private":true}' > package.json
  npm install --silent --no-audit --no-fund --prefer-offline "$tmp/$tarball" "fp-ts@$fpts" "io-ts@$iots" "fast-check@$fc" >/dev/null
  cat > esm.mjs <<'JS'
import { readFileSync } from 'node:fs'
import { canClose, closureSteps, decodeSnapshot, verdict } from 'account-closure'
import { snapshot } from 'account-closure/testing'
import fc from 'fast-check'
const d = decodeSnapshot(JSON.parse(readFileSync('snapshot.json', 'utf8')))
if (d._tag !== 'Right') throw new Error('decode failed')
if (canClose(d.right)._tag !== 'Left') throw new Error('expected blocked')
if (verdict(d.right).earliestAt !== '2026-11-23T00:00:00.000Z') throw new Error('earliestAt')
if (closureSteps(d.right).length < 5) throw new Error('steps')
fc.assert(fc.property(snapshot(), (s) => Array.isArray(closureSteps(s))), { numRuns: 20 })
import schema from 'account-closure/schema/snapshot.json' with { type: 'json' }
import { snapshotSchema } from 'account-closure'
if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') throw new Error('snapshot schema')
if (snapshotSchema['~standard'].validate(JSON.parse(readFileSync('snapshot.json', 'utf8'))).issues !== undefined) throw new Error('standard schema')
console.log('ESM import: ok')
JS
  cat > cjs.cjs <<'JS'
const { readFileSync } = require('node:fs')
const { canClose, decodeSnapshot, verdict } = require('account-closure')
const { snapshot } = require('account-closure/testing')
const fc = require('fast-check')
const d = decodeSnapshot(JSON.parse(readFileSync('snapshot.json', 'utf8')))
if (d._tag !== 'Right') throw new Error('decode failed')
if (canClose(d.right)._tag !== 'Left') throw new Error('expected blocked')
if (verdict(d.right).path !== 'CloseAccount') throw new Error('path')
fc.assert(fc.property(snapshot(), (s) => typeof verdict(s).closable === 'boolean'), { numRuns: 20 })
if (require('account-closure/schema/verdict.json').title !== 'Closure verdict') throw new Error('verdict schema')
console.log('CJS require: ok')
JS
  node esm.mjs
  node cjs.cjs
  set +e
  ./node_modules/.bin/account-closure check snapshot.json --json > verdict.json
  code=$?
  set -e
  [ "$code" = 1 ] || { echo "bin: expected exit 1, got $code"; exit 1; }
  node -e "const v = require('./verdict.json'); if (v.closable !== false) process.exit(1)"
  # the shipped rules module loads as it is, importing the package by its name
  set +e
  ./node_modules/.bin/account-closure check node_modules/account-closure/examples/snapshots/open-ticket.json \
    --rules node_modules/account-closure/examples/rules/open-ticket.mjs > ticket.txt 2> errors.txt
  code=$?
  set -e
  { [ "$code" = 0 ] || [ "$code" = 1 ]; } && [ ! -s errors.txt ] || { echo "bin --rules: exit $code"; cat errors.txt; exit 1; }
  echo "bin: ok"
)

echo "== the command with only this package installed (no peers)"
mkdir "$tmp/bare"
(
  cd "$tmp/bare"
  echo '{"name":"bare","version":"1.0.0","private":true}' > package.json
  npm install --silent --no-audit --no-fund --prefer-offline --legacy-peer-deps "$tmp/$tarball" >/dev/null
  [ ! -e node_modules/fp-ts ] && [ ! -e node_modules/io-ts ] || { echo "peers were installed"; exit 1; }
  [ -f node_modules/account-closure/LICENSE ] || { echo "no LICENSE in the package"; exit 1; }
  # the bin is two CommonJS files: dist/cli.cjs, and dist/cli-more.cjs that it loads for batch and
  # --rules; nothing else of dist/ is needed to run it
  [ -f node_modules/account-closure/dist/cli.cjs ] && [ -f node_modules/account-closure/dist/cli-more.cjs ] && [ ! -e node_modules/account-closure/dist/cli.js ] \
    || { echo "the bin is not dist/cli.cjs and dist/cli-more.cjs"; exit 1; }
  set +e
  ./node_modules/.bin/account-closure check "$root/examples/snapshots/client-owner-mid-week.json" > report.txt 2> errors.txt
  code=$?
  set -e
  [ "$code" = 1 ] || { echo "bare bin: expected exit 1, got $code"; cat errors.txt; exit 1; }
  grep -q '^BLOCKED' report.txt || { echo "bare bin: no report"; exit 1; }
  # enough lines for batch to answer them on worker threads, started from the installed bin
  node -e 'const l=JSON.stringify(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")));process.stdout.write((l+"\n").repeat(600))' \
    "$root/examples/snapshots/closable-freelancer.json" > many.ndjson
  ./node_modules/.bin/account-closure batch --jobs 2 many.ndjson > records.ndjson 2> errors.txt \
    || { echo "bare bin: batch failed"; cat errors.txt; exit 1; }
  [ "$(grep -c '"closable":true' records.ndjson)" = 600 ] || { echo "bare bin: batch did not answer 600 lines"; cat errors.txt; exit 1; }
  echo "bare bin: ok"
)

echo "== size of the ESM entry, bundled and minified without fp-ts and io-ts"
node scripts/size.mjs

echo "== the library in browser bundles, from the packed tarball: the four size budgets (enforced: ${SIZE_BUDGETS:-those that hold}), one copy of fp-ts/Either, no CommonJS"
node scripts/browser-size.mjs "$tmp/app"

echo "== typedoc: every export documented, no warnings"
npx --no-install typedoc --emit none
