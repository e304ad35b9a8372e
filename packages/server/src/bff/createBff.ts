import { ServerAuthError, ServerErrorCode } from '../errors.ts'
import { errorResponse } from '../http/jsonResponse.ts'
import { refuseCrossSiteRequest } from '../http/refuseCrossSiteRequest.ts'
import { cookieSessionStore } from '../sessions/cookieSessionStore.ts'
import { createKeyRing } from '../sessions/keyRing.ts'
import { accessTokenRoute } from './accessTokenRoute.ts'
import type { BffContext } from './bffContext.ts'
import type { BffLogger, BffMode, BffOptions } from './bffOptions.ts'
import { callbackRoute } from './callbackRoute.ts'
import { intentRoute } from './intentRoute.ts'
import { loginRoute } from './loginRoute.ts'
import { loginTransactions } from './loginTransactions.ts'
import { logoutRoute } from './logoutRoute.ts'
import { protocolClient } from './protocolClient.ts'
import { proxyRoute } from './proxyRoute.ts'
import { secureUrl } from './secureUrl.ts'
import { sessionAccess } from './sessionAccess.ts'
import { sessionRoute } from './sessionRoute.ts'
import { toServerAuthError } from './toServerAuthError.ts'

/** A backend-for-frontend, ready to serve. */
export interface Bff {
  /**
   * The web-standard handler (Node, Bun, Deno, edge runtimes); `Request` in, `Response` out. It does
   * not reject: failures become JSON error answers, and paths outside `basePath` answer 404.
   */
  readonly handle: (request: Request) => Promise<Response>
  /** The origin the browser reaches the BFF on, `baseUrl`'s origin, e.g. `https://app.example.com`. */
  readonly origin: string
  /** The path routes live below, `baseUrl`'s path without a trailing slash, e.g. `/bff`; empty at the root. */
  readonly basePath: string
  /** The mode the BFF runs in: `options.mode`, or `token-mediating` when it was not set. */
  readonly mode: BffMode
}

/** Authorize parameters the BFF sets itself; a link to `/login` must not be able to choose them. */
const reservedParameters = new Set([
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'request',
  'request_uri',
])

const defaultLogger: BffLogger = {
  warn: (message, error) => console.warn(`${message}: ${error.code}: ${error.message}`),
}

/**
 * Creates a backend-for-frontend for one provider: the server holds the client credentials and
 * the refresh token; the SPA holds an HttpOnly session cookie and, in token-mediating mode,
 * short-lived access tokens. Routes below `baseUrl`:
 * `GET login`, `GET callback`, `GET session`, `GET access-token`, `POST logout`,
 * `POST intents` (intent-based providers) and `{ANY} api/{upstream}/...` (when upstreams are configured).
 * Throws `invalid_config` at once for options that cannot work; the provider's discovery document
 * is fetched on first use, not here.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { clientSecretBasic, createBff, paceProvider, toNodeHandler } from '@payauth/server'
 *
 * const bff = createBff({
 *   baseUrl: 'https://app.example.com/bff', // register https://app.example.com/bff/callback
 *   provider: paceProvider({
 *     issuer: 'production',
 *     clientId: 'my-app-bff',
 *     clientAuthentication: clientSecretBasic(process.env.PACE_CLIENT_SECRET!),
 *   }),
 *   sessionKeys: [process.env.BFF_SESSION_KEY!], // from generateSessionKey()
 * })
 * createServer(toNodeHandler(bff)).listen(3000)
 * ```
 *
 * @see https://www.rfc-editor.org/rfc/rfc10017 OAuth 2.0 for Browser-Based Applications: the BFF pattern
 * @see https://www.rfc-editor.org/rfc/rfc7636 PKCE, which every sign-in uses (S256)
 * @see https://www.rfc-editor.org/rfc/rfc9207 the `iss` check of the authorization response
 * @see https://www.rfc-editor.org/rfc/rfc9700 OAuth 2.0 Security Best Current Practice
 */
export function createBff(options: BffOptions): Bff {
  const base = secureUrl(options.baseUrl, 'baseUrl')
  const basePath = base.pathname.replace(/\/+$/, '')
  const mode = options.mode ?? 'token-mediating'
  const appOrigins = (options.appOrigins ?? [base.origin]).map((origin) => secureUrl(origin, 'appOrigins').origin)
  const upstreams = new Map(
    Object.entries(options.proxy?.upstreams ?? {}).map(([name, url]) => [
      name,
      secureUrl(url, `proxy.upstreams.${name}`),
    ]),
  )
  const reserved = (options.loginParameters ?? []).filter((name) => reservedParameters.has(name))
  if (reserved.length > 0) {
    throw new ServerAuthError(ServerErrorCode.InvalidConfig, `loginParameters may not include ${reserved.join(', ')}`, {
      cause: { setting: 'loginParameters' },
    })
  }
  if (mode === 'proxy' && upstreams.size === 0) {
    throw new ServerAuthError(ServerErrorCode.InvalidConfig, 'Proxy mode needs at least one proxy upstream', {
      cause: { setting: 'proxy.upstreams' },
    })
  }
  const now = options.now ?? Date.now
  // `__Host-`: the browser accepts the cookie only from https, for this host, on Path=/.
  const cookieName = `${base.protocol === 'https:' ? '__Host-' : ''}${options.cookieName ?? 'payauth-bff'}`
  const keyRing = createKeyRing(options.sessionKeys, { now })
  const store = (options.sessionStore ?? cookieSessionStore)({ keyRing, now })
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init))
  const protocol = protocolClient(options.provider, { fetch: fetchImpl })
  const context: BffContext = {
    provider: options.provider,
    protocol,
    store,
    sessions: sessionAccess({
      store,
      protocol,
      now,
      cookieName,
      sameSite: options.sameSite ?? 'Strict',
    }),
    transactions: loginTransactions({ keyRing, now, cookieName }),
    csrf: { appOrigins, headerName: (options.csrfHeader ?? 'x-payauth-csrf').toLowerCase() },
    appOrigins,
    redirectUri: `${base.origin}${basePath}/callback`,
    defaultReturnTo: `${appOrigins[0] ?? base.origin}/`,
    loginParameters: options.loginParameters ?? [],
    sessionMaxAgeMs: (options.sessionMaxAge ?? 8 * 3600) * 1000,
    upstreams,
    fetch: fetchImpl,
    now,
    logger: options.logger ?? defaultLogger,
  }

  async function route(request: Request, path: string): Promise<Response> {
    const method = request.method
    // Top-level navigations: they must work when another site (the provider) sends the browser here.
    if (path === '/login') return method === 'GET' ? loginRoute(request, context) : notAllowed(method)
    if (path === '/callback') return method === 'GET' ? callbackRoute(request, context) : notAllowed(method)
    const isProxied = upstreams.size > 0 && path.startsWith('/api/')
    const known = ['/session', '/logout', '/intents', ...(mode === 'token-mediating' ? ['/access-token'] : [])]
    if (!isProxied && !known.includes(path)) throw notFound()
    // Everything else is called by the SPA with fetch: all of it must pass the CSRF check.
    const refusal = refuseCrossSiteRequest(request, context.csrf)
    if (refusal) throw refusal
    if (isProxied) return proxyRoute(request, path, context)
    if (path === '/session') return method === 'GET' ? sessionRoute(request, context) : notAllowed(method)
    if (path === '/access-token') return method === 'GET' ? accessTokenRoute(request, context) : notAllowed(method)
    if (path === '/logout') return method === 'POST' ? logoutRoute(request, context) : notAllowed(method)
    return method === 'POST' ? intentRoute(request, context) : notAllowed(method)
  }

  async function handle(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url)
    const path =
      pathname === basePath ? '/' : pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined
    try {
      if (path === undefined) throw notFound()
      return await route(request, path)
    } catch (error) {
      const failure = toServerAuthError(error, 'request')
      const response = errorResponse(failure)
      if (response.status >= 500) context.logger.warn('payauth bff: request failed', failure)
      return response
    }
  }

  return { handle, origin: base.origin, basePath, mode }
}

function notFound(): ServerAuthError {
  return new ServerAuthError(ServerErrorCode.NotFound, 'No such BFF route', { cause: { route: 'unknown' } })
}

function notAllowed(method: string): never {
  throw new ServerAuthError(ServerErrorCode.MethodNotAllowed, `${method} is not allowed on this route`, {
    cause: { method },
  })
}
