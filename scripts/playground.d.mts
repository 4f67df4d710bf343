import type { Server } from 'node:http'

/** Where the built site goes. */
export declare const out: string
/** Builds the site; resolves to the page's JavaScript size and the files it was built from. */
export declare const buildPlayground: () => Promise<{ readonly minified: number; readonly gzipped: number; readonly inputs: ReadonlyArray<string> }>
/** Serves the built site on 127.0.0.1. */
export declare const serve: (port?: number) => Promise<{ readonly server: Server; readonly url: string }>
