// What the BFF benchmark runs against: the real sandbox in-process, a loopback HTTP server in front
// of whichever BFF a measurement mounts, sign-ins through the sandbox's login, and a real
// redis-server on a free port when one can be had.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { browseAuthorization, paceBffClientId, paceBffClientSecret, type Sandbox, startSandbox } from '@payauth/sandbox'
import {
  type Bff,
  clientSecretBasic,
  createBff,
  generateSessionKey,
  paceProvider,
  redisSessionStore,
  type SessionStoreFactory,
  toNodeHandler,
} from '@payauth/server'
import { createClient } from 'redis'
import { type RedisServer, startRedisServer } from '../scripts/redis.mjs'

export interface BffRig {
  /** The app origin the BFFs live on (`{origin}/bff`), served over loopback HTTP. */
  readonly origin: string
  readonly sandbox: Sandbox
  /** A BFF on the rig's origin; the HTTP server serves the last one made. */
  newBff(options?: { store?: SessionStoreFactory; now?: () => number; fetch?: typeof fetch }): Bff
  /** Signs a user in through the sandbox (in-process calls to the BFF); the browser's Cookie header. */
  signIn(bff: Bff, username?: string): Promise<string>
  close(): Promise<void>
}

export async function startBffRig(): Promise<BffRig> {
  let served: Bff | undefined
  const server = createServer((req, res) => {
    if (served) toNodeHandler(served)(req, res)
    else res.writeHead(503).end()
  })
  const origin = await listen(server)
  // Tokens outlive every measurement: refreshes are measured with a clock the benchmark moves.
  const sandbox = await startSandbox({ port: 0, appOrigins: [origin], accessTokenTtl: 300 })
  const sessionKeys = [generateSessionKey()]

  function newBff(options: { store?: SessionStoreFactory; now?: () => number; fetch?: typeof fetch } = {}): Bff {
    served = createBff({
      baseUrl: `${origin}/bff`,
      provider: paceProvider({
        issuer: sandbox.paceIssuer,
        clientId: paceBffClientId,
        clientAuthentication: clientSecretBasic(paceBffClientSecret),
      }),
      sessionKeys,
      ...(options.store ? { sessionStore: options.store } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    })
    return served
  }

  async function signIn(bff: Bff, username = 'alice'): Promise<string> {
    const login = await bff.handle(new Request(`${origin}/bff/login?returnTo=/`))
    const callbackUrl = await browseAuthorization(login.headers.get('location') ?? '', {
      username,
      redirectUri: `${origin}/bff/callback`,
    })
    const callback = await bff.handle(new Request(callbackUrl, { headers: { cookie: cookieHeader(login) } }))
    return cookieHeader(callback)
  }

  return {
    origin,
    sandbox,
    newBff,
    signIn,
    async close() {
      await sandbox.close()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/** The cookies a response sets, as the next request's Cookie header (deletions left out). */
function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .filter((line) => !/max-age=0/i.test(line))
    .map((line) => line.split(';')[0])
    .join('; ')
}

/** The headers the SPA sends with every call to its BFF. */
export function spaHeaders(origin: string, cookie: string): Record<string, string> {
  return { cookie, origin, 'x-payauth-csrf': '1' }
}

/** A real redis-server on a free port, and store factories on it; why not, when there is none. */
export async function startRedis(): Promise<
  { store(prefix: string): SessionStoreFactory; close(): Promise<void> } | { unavailable: string }
> {
  let redis: RedisServer
  try {
    redis = await startRedisServer()
  } catch (error) {
    return { unavailable: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) }
  }
  const client = await createClient({ url: redis.url }).connect()
  return {
    store: (keyPrefix) => redisSessionStore({ client, keyPrefix }),
    async close() {
      client.destroy()
      await redis.stop()
    },
  }
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  })
}
