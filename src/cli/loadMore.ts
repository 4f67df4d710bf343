/**
 * What only `batch`, `--rules` and the worker threads need (`./more.ts`), loaded when first asked.
 * The command's build loads it from its second file, `dist/cli-more.cjs`, found next to the real
 * file of the bin (its symbolic links resolved: tsup.config.ts writes that version of this module).
 *
 * @internal
 */
export const loadMore = (): Promise<typeof import('./more.js')> => import('./more.js')
