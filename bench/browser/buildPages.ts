// Bundles each library's test page for the browser, in memory: production mode, minified, the
// way an app's build would ship it (so the callback timing includes a realistic script).
import { rolldown } from 'rolldown'

const pages = {
  payauth: 'payauthPage.ts',
  oidcClientTs: 'oidcClientTsPage.ts',
  oauth4webapi: 'oauth4webapiPage.ts',
} as const

export type PageBundle = keyof typeof pages

export async function buildPages(): Promise<Record<PageBundle, string>> {
  const built = {} as Record<PageBundle, string>
  for (const [name, file] of Object.entries(pages) as [PageBundle, string][]) {
    const bundle = await rolldown({
      input: new URL(file, import.meta.url).pathname,
      platform: 'browser',
      transform: { define: { 'process.env.NODE_ENV': '"production"' } },
      logLevel: 'silent',
    })
    const { output } = await bundle.generate({ format: 'esm', minify: true })
    await bundle.close()
    built[name] = output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n')
  }
  return built
}
