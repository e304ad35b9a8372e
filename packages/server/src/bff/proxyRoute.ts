import { ServerAuthError, ServerErrorCode } from '../errors.ts'
import { errorResponse } from '../http/jsonResponse.ts'
import type { BffContext } from './bffContext.ts'
import { toServerAuthError } from './toServerAuthError.ts'

/** What the proxy route needs. */
export type ProxyRouteDeps = Pick<BffContext, 'sessions' | 'upstreams' | 'fetch' | 'csrf'>

/**
 * Request headers never forwarded: the browser's cookies and credentials, the CSRF header,
 * hop-by-hop headers (RFC 9110 §7.6.1), and what fetch sets itself.
 */
const requestHeadersKept = (name: string, csrfHeader: string) =>
  !(
    name === csrfHeader ||
    name.startsWith('sec-') ||
    name.startsWith('proxy-') ||
    name.startsWith('x-forwarded-') ||
    [
      'cookie',
      'authorization',
      'host',
      'origin',
      'referer',
      'forwarded',
      'connection',
      'keep-alive',
      'te',
      'trailer',
      'transfer-encoding',
      'upgrade',
      'content-length',
      'accept-encoding',
    ].includes(name)
  )

/**
 * Response headers never passed back: cookies of the upstream's (they would land on the app's
 * origin), hop-by-hop headers, and the encoding and length fetch already undid.
 */
const responseHeadersDropped = new Set([
  'set-cookie',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
])

/**
 * `{base}/api/{upstream}/{path}` (proxy mode): forwards the request to the configured upstream
 * with the session's access token (refreshed first when stale), so the SPA never holds a token.
 * Only configured upstreams are reachable, and a path cannot climb out of the upstream's base.
 */
export async function proxyRoute(request: Request, path: string, deps: ProxyRouteDeps): Promise<Response> {
  const target = upstreamUrl(path, new URL(request.url).search, deps.upstreams)
  const fresh = await deps.sessions.fresh(request)
  if (!fresh.ok) return errorResponse(fresh.error, fresh.setCookies)
  const headers = new Headers()
  for (const [name, value] of request.headers) {
    if (requestHeadersKept(name, deps.csrf.headerName)) headers.set(name, value)
  }
  headers.set('authorization', `Bearer ${fresh.session.accessToken}`)
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  let upstream: Response
  try {
    upstream = await deps.fetch(target, {
      method: request.method,
      headers,
      ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      // A redirect is the browser's to follow, without the token.
      redirect: 'manual',
    })
  } catch (error) {
    throw toServerAuthError(error, 'proxied request')
  }
  const responseHeaders = new Headers()
  for (const [name, value] of upstream.headers) {
    if (!responseHeadersDropped.has(name)) responseHeaders.set(name, value)
  }
  for (const cookie of fresh.setCookies) responseHeaders.append('set-cookie', cookie)
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders })
}

function upstreamUrl(path: string, search: string, upstreams: BffContext['upstreams']): URL {
  const [, name = '', rest = ''] = /^\/api\/([^/]+)(\/.*)?$/.exec(path) ?? []
  const base = upstreams.get(name)
  if (!base) throw refused('No upstream of that name is configured')
  const basePath = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`
  // Resolve as a relative path below the base, then check it stayed there: `..` and `%2e%2e`
  // segments are resolved by the URL parser before the check sees them.
  const target = new URL(`.${rest || '/'}`, new URL(basePath, base))
  if (target.origin !== base.origin || !`${target.pathname}/`.startsWith(basePath)) {
    throw refused('The path leaves the upstream')
  }
  target.search = search
  return target
}

function refused(message: string): ServerAuthError {
  return new ServerAuthError(ServerErrorCode.UpstreamNotAllowed, message, { cause: { route: 'proxy' } })
}
