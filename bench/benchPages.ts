// Every library's test page on its own origin, configured for one sandbox.
import type { PageConfig } from './browser/benchApi.ts'
import type { PageBundle } from './browser/buildPages.ts'
import { type PageName, pageNames, pageOrigin, pagePorts } from './ports.ts'
import { startPageServer } from './servers/pageServer.ts'

/** Which bundle each origin serves, and where that page keeps its session. */
const pages: Record<PageName, { readonly bundle: PageBundle; readonly userStore: PageConfig['userStore'] }> = {
  payauth: { bundle: 'payauth', userStore: 'localStorage' },
  oidcClientTsShared: { bundle: 'oidcClientTs', userStore: 'localStorage' },
  oidcClientTsPerTab: { bundle: 'oidcClientTs', userStore: 'sessionStorage' },
  oauth4webapi: { bundle: 'oauth4webapi', userStore: 'sessionStorage' },
}

export async function startBenchPages(
  bundles: Readonly<Record<PageBundle, string>>,
  sandbox: { readonly issuer: string; readonly clientId: string },
): Promise<{ close(): Promise<void> }> {
  const servers = await Promise.all(
    pageNames.map((name) =>
      startPageServer({
        port: pagePorts[name],
        script: bundles[pages[name].bundle],
        config: {
          issuer: sandbox.issuer,
          clientId: sandbox.clientId,
          redirectUri: `${pageOrigin(name)}/callback`,
          userStore: pages[name].userStore,
        },
      }),
    ),
  )
  return { close: async () => void (await Promise.all(servers.map((server) => server.close()))) }
}
