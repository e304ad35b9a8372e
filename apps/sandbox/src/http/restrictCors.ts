import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * oidc-provider answers discovery and JWKS with `Access-Control-Allow-Origin: *`. The sandbox
 * stands in for a bank-grade server, so every response is readable only by the allowed app origins.
 */
export function restrictCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: ReadonlySet<string>): void {
  const origin = req.headers.origin
  const allowed = origin !== undefined && allowedOrigins.has(origin)
  const setHeader = res.setHeader.bind(res)
  res.setHeader = (name, value) => {
    if (name.toLowerCase() === 'access-control-allow-origin') {
      if (!allowed) return res
      return setHeader(name, origin)
    }
    return setHeader(name, value)
  }
  res.setHeader('vary', 'Origin')
}
