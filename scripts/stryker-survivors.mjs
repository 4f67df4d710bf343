/**
 * A Stryker reporter that writes each surviving or uncovered mutant to a file as soon as it is
 * known (Stryker's own reports are written only at the end of a run, which under load can take
 * hours for one file): reports/survivors.txt, one line per mutant: status, file:line:column, mutator, replacement.
 *
 *   npx stryker run --mutate src/closure/closureWith.ts --concurrency 1 \
 *     --plugins "@stryker-mutator/*,$PWD/scripts/stryker-survivors.mjs" --reporters clear-text,progress,html,json,survivors
 *
 * (No import of @stryker-mutator/api: a plugin is a plain object, and `inject` an empty list.)
 */
import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

// (STRYKER_SURVIVORS names another file)
const file = process.env.STRYKER_SURVIVORS ?? 'reports/survivors.txt'

class Survivors {
  static inject = []
  onMutantTested(r) {
    if (r.status === 'Survived' || r.status === 'NoCoverage') {
      const where = `${r.fileName}:${r.location.start.line}:${r.location.start.column}`
      mkdirSync(dirname(file), { recursive: true })
      appendFileSync(file, `${r.status} ${where} ${r.mutatorName} => ${JSON.stringify(r.replacement ?? '').slice(0, 160)}\n`)
    }
  }
}

export const strykerPlugins = [{ kind: 'Reporter', name: 'survivors', injectableClass: Survivors }]
