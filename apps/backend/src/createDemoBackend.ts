import type { RequestListener } from 'node:http'
import { type NodeHandler, toNodeHandler } from '@payauth/server'
import { type BackendConfig, instanceHeader } from './backendConfig.ts'
import { createDemoBffs } from './demoBffs.ts'
import { providerCalls } from './providerCalls.ts'
import { providerRoutes, providerRoutesBasePath } from './providerRoutes.ts'
import type { SandboxEndpoints } from './sandboxEndpoints.ts'
import { connectSessionStores } from './sessionStores.ts'

/** The demo backend, ready to be served by a Node HTTP server. */
export interface DemoBackend {
  readonly listener: RequestListener
  /** Which session store the BFFs use. */
  readonly sessionStore: 'cookie' | 'redis'
  close(): Promise<void>
}

/**
 * The demo's backend: the PACE BFF at `/bff`, the oauth20 BFF at `/pay/bff`, the confidential
 * providers' calls at `/providers/...` and `/healthz`. Every path is on the app's origin: the SPA's
 * dev server proxies these prefixes here, so the BFFs' cookies are first-party.
 */
export async function createDemoBackend(
  config: Omit<BackendConfig, 'port'>,
  sandbox: SandboxEndpoints,
): Promise<DemoBackend> {
  const stores = await connectSessionStores(config.redisUrl)
  const bffs = createDemoBffs(config, sandbox, stores)
  const providers = providerRoutes(bffs.pace, providerCalls(sandbox))
  // Each handler passes paths outside its base on to the next; the last answers 404.
  const handlers: NodeHandler[] = [
    toNodeHandler(bffs.pace),
    toNodeHandler(bffs.pay),
    toNodeHandler({ handle: providers, origin: config.appOrigin, basePath: providerRoutesBasePath }),
  ]

  const listener: RequestListener = (req, res) => {
    res.setHeader(instanceHeader, config.instanceName)
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ ok: true, instance: config.instanceName, sessionStore: stores.pace ? 'redis' : 'cookie' }),
      )
      return
    }
    const serve = (index: number): void => {
      const handler = handlers[index]
      if (handler) {
        handler(req, res, () => serve(index + 1))
        return
      }
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: 'not_found' }))
    }
    serve(0)
  }

  return { listener, sessionStore: stores.pace ? 'redis' : 'cookie', close: () => stores.close() }
}
