import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * CORS for the sandbox's own endpoints: only the allowed app origins, the headers an OAuth client
 * sends, and `WWW-Authenticate` exposed so a browser app can read challenges. Answers preflights
 * itself; returns true when it did.
 */
export function allowCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = req.headers.origin
  if (!origin || !allowedOrigins.has(origin)) return false
  res.setHeader('access-control-allow-origin', origin)
  res.setHeader('access-control-expose-headers', 'WWW-Authenticate, DPoP-Nonce')
  if (req.method !== 'OPTIONS') return false
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, DELETE',
    'access-control-allow-headers': 'authorization, content-type, dpop, sca-authorization, x-sandbox-sca-window',
    'access-control-max-age': '600',
  })
  res.end()
  return true
}
