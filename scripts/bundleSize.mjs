// What an import costs an app, measured one way for everyone: `pnpm size` (payauth's budgets) and
// `pnpm bench` (payauth beside its peers) both call this, so their figures can be compared.
// Rolldown bundles the entry as an app would (ESM, tree-shaken, minified, React external) and the
// result is gzipped at level 9, as a CDN or a build's pre-compression would serve it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { rolldown } from 'rolldown'

/**
 * @param {string} source the app's entry module, e.g. `export { UserManager } from 'oidc-client-ts'`
 * @param {{ resolveFrom: string, alias?: Record<string, string>, external?: readonly string[] }} options
 *   `resolveFrom` is a folder whose node_modules hold the imported packages (the entry is written in
 *   a scratch folder inside it); `external` names packages left out besides React, to see their share
 */
export async function bundleSize(source, { resolveFrom, alias = {}, external = [] }) {
  const scratch = mkdtempSync(join(resolveFrom, '.size-'))
  try {
    const input = join(scratch, 'entry.js')
    writeFileSync(input, source)
    const bundle = await rolldown({
      input,
      external: [/^react(-dom)?(\/|$)/, ...external],
      resolve: { alias },
      logLevel: 'silent',
    })
    const { output } = await bundle.generate({ format: 'esm', minify: true })
    await bundle.close()
    const code = output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('')
    return { code, minified: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
