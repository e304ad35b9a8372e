import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { browseAuthorization, type Sandbox, type SandboxOptions, startSandbox } from '@payauth/sandbox'
import type { Bff } from '../bff/createBff.ts'
import { toNodeHandler } from '../http/toNodeHandler.ts'

/** The sandbox's confidential PACE client for a BFF at `/bff` (apps/sandbox/src/pace/bffClients.ts). */
export const paceBffClient = { clientId: 'payauth-bff', clientSecret: 'payauth-bff-sandbox-secret' } as const
/** The sandbox's confidential oauth20 client, whose BFF lives at `/pay/bff` (oauth20Clients.ts). */
export const merchantClient = { clientId: 'merchant-backend', clientSecret: 'merchant-backend-secret' } as const

/** The app's origin, where the SPA and its BFFs are served, and the sandbox it signs in to. */
export interface BffHarness {
  readonly origin: string
  readonly sandbox: Sandbox
  /** Serves this BFF (through the Node adapter) below its base path from now on. */
  mount(bff: Bff): void
  close(): Promise<void>
}

/**
 * Starts an HTTP server on a free loopback port for the BFFs a test mounts, then the sandbox with
 * that server's origin as the app origin (so the BFF callbacks registered there point to it).
 */
export async function startBffHarness(
  sandboxOptions: Omit<SandboxOptions, 'port' | 'appOrigins'> = {},
): Promise<BffHarness> {
  const mounted: Bff[] = []
  const server = createServer((req, res) => {
    const path = req.url ?? '/'
    const bff = mounted.find((candidate) => path === candidate.basePath || path.startsWith(`${candidate.basePath}/`))
    if (!bff) {
      res.writeHead(404)
      res.end()
      return
    }
    toNodeHandler(bff)(req, res)
  })
  const origin = await listen(server)
  const sandbox = await startSandbox({ ...sandboxOptions, port: 0, appOrigins: [origin] })
  return {
    origin,
    sandbox,
    mount: (bff) => {
      mounted.push(bff)
    },
    async close() {
      await sandbox.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

/** A clock the BFF reads, which tests move forward instead of waiting. */
export function testClock() {
  let offset = 0
  return {
    now: () => Date.now() + offset,
    advance(ms: number) {
      offset += ms
    },
  }
}

/** Options of a call the SPA makes to its BFF. */
export interface CallInit extends RequestInit {
  /** Leave out the CSRF header. */
  readonly withoutCsrfHeader?: boolean
  /** The Origin header; null to send none. Default: the app's origin. */
  readonly origin?: string | null
}

/**
 * A browser at the app's origin: a cookie jar for that origin (every cookie is sent; SameSite is
 * the real browser's business), the SPA's fetch calls with the CSRF header and Origin, and
 * sign-ins that walk through the provider's pages.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>()
  /** Every Set-Cookie line the BFF sent, for tests of their attributes. */
  readonly setCookieLines: string[] = []

  constructor(readonly origin: string) {}

  /** A request from the SPA (or a navigation, with `redirect: 'manual'`). */
  async call(path: string, init: CallInit = {}): Promise<Response> {
    const { withoutCsrfHeader, origin, ...requestInit } = init
    const headers = new Headers(requestInit.headers)
    if (!withoutCsrfHeader) headers.set('x-payauth-csrf', '1')
    const originHeader = origin === undefined ? this.origin : origin
    if (originHeader !== null) headers.set('origin', originHeader)
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader())
    const response = await fetch(new URL(path, this.origin), { redirect: 'manual', ...requestInit, headers })
    this.keep(response)
    return response
  }

  /** A top-level navigation: no CSRF header, no Origin on GET. */
  navigate(url: string): Promise<Response> {
    return this.call(url, { withoutCsrfHeader: true, origin: null })
  }

  /**
   * Opens `loginPath` and plays the user through the provider's pages; returns the provider's
   * redirect back (the callback URL), not yet followed.
   */
  async authorize(
    loginPath: string,
    username = 'alice',
    callbackPath = '/bff/callback',
    pin?: string,
  ): Promise<string> {
    const login = await this.navigate(loginPath)
    const authorizationUrl = login.headers.get('location')
    if (login.status !== 303 || !authorizationUrl) throw new Error(`login answered ${login.status}`)
    return browseAuthorization(authorizationUrl, {
      username,
      redirectUri: `${this.origin}${callbackPath}`,
      ...(pin !== undefined ? { pin } : {}),
    })
  }

  /** Signs in through `loginPath`; returns where the BFF sent the browser in the end. */
  async signIn(loginPath = '/bff/login', username = 'alice'): Promise<URL> {
    const callback = await this.navigate(await this.authorize(loginPath, username))
    return new URL(callback.headers.get('location') ?? 'about:blank')
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      this.setCookieLines.push(line)
      const [pair = ''] = line.split(';')
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator)
      const value = pair.slice(separator + 1)
      if (/max-age=0/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  })
}

/** A JSON body, typed as the route documents it. */
export async function readJson<T>(response: Response): Promise<T> {
  return (await response.json()) as T
}
