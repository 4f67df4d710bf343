// The playground: `node scripts/playground.mjs build` writes the static site to
// examples/playground/dist/; `node scripts/playground.mjs serve [PORT]` builds it and serves it on
// 127.0.0.1 (PORT from the argument or the environment, a free one otherwise), printing the URL.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

import { build } from 'esbuild'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const source = join(root, 'examples', 'playground')
export const out = join(source, 'dist')

/** The library imports fp-ts/lib/*.js for Node; in the page, fp-ts's ES modules (fp-ts/*) instead. */
const esFpTs = {
  name: 'fp-ts-es-modules',
  setup(b) {
    b.onResolve({ filter: /^fp-ts\/lib\/[A-Za-z]+\.js$/ }, (args) =>
      b.resolve(args.path.replace(/^fp-ts\/lib\/([A-Za-z]+)\.js$/, 'fp-ts/$1'), { kind: args.kind, resolveDir: args.resolveDir }),
    )
  },
}

/** Builds the site; resolves to the page's JavaScript size, minified and gzipped. */
export const buildPlayground = async () => {
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const snapshots = join(root, 'examples', 'snapshots')
  const examples = readdirSync(snapshots)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), text: readFileSync(join(snapshots, f), 'utf8') }))
  const result = await build({
    entryPoints: [join(source, 'main.ts')],
    outfile: join(out, 'app.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { __EXAMPLES__: JSON.stringify(examples) },
    plugins: [esFpTs],
    tsconfig: join(source, 'tsconfig.json'),
    metafile: true,
    logLevel: 'warning',
  })
  for (const f of ['index.html', 'style.css']) copyFileSync(join(source, f), join(out, f))
  const js = readFileSync(join(out, 'app.js'))
  const inputs = Object.keys(result.metafile.inputs)
  return { minified: js.length, gzipped: gzipSync(js, { level: 9 }).length, inputs }
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' }

/** Serves the built site from 127.0.0.1; resolves to the server and its URL. */
export const serve = (port = 0) =>
  new Promise((done) => {
    const server = createServer((req, res) => {
      // a malformed address (a bad percent-encoding, a NUL) is the client's error: 400, and serve on
      let path
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
      } catch {
        path = undefined
      }
      if (path === undefined || path.includes('\0')) {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request: the address is not valid\n')
        return
      }
      const file = resolve(out, `.${path === '/' ? '/index.html' : path}`)
      // only files inside the site: a path that leaves it (`..`, an encoded slash) is refused
      if (!file.startsWith(out + sep)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('forbidden\n')
        return
      }
      if (req.method !== 'GET') {
        res.writeHead(405, { allow: 'GET' }).end()
        return
      }
      try {
        const body = readFileSync(file)
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body)
      } catch {
        res.writeHead(404).end()
      }
    })
    // a client that sends garbage gets 400 from Node; the server itself never stops for it
    server.on('clientError', (_e, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n')
      else socket.destroy()
    })
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      done({ server, url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}/` })
    })
  })

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command = 'build', portArg] = process.argv.slice(2)
  const size = await buildPlayground()
  console.log(`examples/playground/dist/: app.js ${size.minified} B minified, ${size.gzipped} B gzipped`)
  if (command === 'serve') {
    const { url } = await serve(Number(portArg ?? process.env.PORT ?? 0))
    console.log(`The playground is at ${url}`)
  }
}
