// Why a browser bundle is as large as it is: bundles one of the four budget entries straight from
// src/ (one module per file, as the bundlers' build ships them; fp-ts from its ES modules) and
// prints the bytes each source module puts into the minified output (esbuild's metafile).
//
//   node bench/bundle-causes.mjs canClose|closureWithEmpty|decodeCanClose|textVerdict [none|defaults|all] [N]
//
// The second argument simulates `/*#__PURE__*/` on top-level calls: none, only
// src/closure/defaults.ts, or every `const x = f(…)` at the top of a module. STUB=en,guard
// simulates two changes: `en` stops importing the rules (their words), and the guard in
// src/rules/facts.ts that decodes raw JSON handed to the API is removed. Used for the analysis in
// docs/benchmarks.md; it changes no file.
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
const entries = {
  canClose: "import { canClose } from './src/index.ts'\nexport const run = (s) => canClose(s)\n",
  closureWithEmpty: "import { closureWith } from './src/index.ts'\nexport const c = closureWith([])\n",
  decodeCanClose: "import { canClose, decodeSnapshot } from './src/index.ts'\nexport const run = (u) => { const d = decodeSnapshot(u); return d._tag === 'Right' ? canClose(d.right) : d.left }\n",
  textVerdict: "import { decodeSnapshotText, verdict } from './src/index.ts'\nexport const run = (t) => { const d = decodeSnapshotText(t); return d._tag === 'Right' ? verdict(d.right) : d.left }\n",
}
const [which, mode = 'none', n = '25'] = process.argv.slice(2)
const pure = (src, file) => {
  if (mode === 'none') return src
  if (mode === 'defaults' && !file.endsWith('closure/defaults.ts')) return src
  return src.replace(/^((?:export )?const [A-Za-z_$]+(?:: [^=\n]+)? = )(?=[A-Za-z_$][\w$.]*(?:<[^>\n]*>)?\()/gm, '$1/*#__PURE__*/ ')
}
const r = await build({ stdin: { contents: entries[which], resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent',
  plugins: [{ name: 'fp', setup(b) {
    b.onResolve({ filter: /^fp-ts\/lib\// }, (a) => ({ path: new URL('./node_modules/fp-ts/es6/' + a.path.slice(10), 'file://' + process.cwd() + '/').pathname }))
    const stubs = (process.env.STUB ?? '').split(',')
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, (a) => {
      let c = pure(readFileSync(a.path, 'utf8'), a.path)
      if (stubs.includes('en') && a.path.endsWith('messages/en.ts')) c = c.replace(/^import \{ \w+ \} from '..\/rules\/.*$/gm, '').replace(/^    \.\.\.\w+\.messages,$/gm, '')
      if (stubs.includes('guard') && a.path.endsWith('rules/facts.ts')) c = c.replace(/^import \{ asSnapshot \}.*$/m, 'const asSnapshot = (u: any) => u')
      return { contents: c, loader: 'ts' }
    })
  } }] })
const out = Object.values(r.metafile.outputs)[0]
console.log(which, mode, r.outputFiles[0].contents.length, gzipSync(r.outputFiles[0].contents, { level: 9 }).length)
for (const [f, v] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, +n)) if (v.bytesInOutput) console.log(String(v.bytesInOutput).padStart(7), f.replace(/.*node_modules\//, ''))
